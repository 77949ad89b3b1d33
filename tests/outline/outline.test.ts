import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutline, type OutlineNode } from '../../server/src/outline/outline';
import { parseCables } from '../../server/src/parser/index';

const DIR = join(__dirname, '../fixtures/cables');
const SEED = readFileSync(join(__dirname, '../../seeds/000_0ac2a656c61260b0.txt'), 'utf8');

/** Problems with a tree: a child outside its parent, siblings that overlap, a selection outside its range. */
function treeProblems(nodes: OutlineNode[], parent: { start: number; end: number }, path = ''): string[] {
  const out: string[] = [];
  const sorted = [...nodes].sort((a, b) => a.range.start - b.range.start);
  sorted.forEach((n, k) => {
    const here = `${path}/${n.kind}:${n.name.slice(0, 30)}`;
    if (n.range.start < parent.start || n.range.end > parent.end) out.push(`${here} outside its parent`);
    if (n.selectionRange.start < n.range.start || n.selectionRange.end > n.range.end) out.push(`${here} selection outside range`);
    if (k > 0 && n.range.start < sorted[k - 1].range.end) out.push(`${here} overlaps ${sorted[k - 1].name.slice(0, 30)}`);
    out.push(...treeProblems(n.children, n.range, here));
  });
  return out;
}

describe('outline', () => {
  it('gives the seed its header blocks, subject, headings with their paragraphs, and the signature', () => {
    const [cable] = buildOutline(parseCables(SEED));
    expect(cable.children.map((n) => n.kind)).toEqual([
      'metadata', 'envelope', 'banner', 'subject', 'paragraph', 'paragraph',
      'heading', 'heading', 'heading', 'heading', 'heading', 'signature',
    ]);
    const envelope = cable.children[1];
    expect(envelope.children.map((n) => n.name).slice(0, 3)).toEqual(['FM AMEMBASSY ASTANA', 'TO SECSTATE WASHDC', 'INFO CIS COLLECTIVE']);
    expect(cable.children[2].children.map((n) => n.name)).toEqual(['SENSITIVE', 'SIPDIS']);
    const p2 = cable.children[5];
    expect(p2.name).toBe('2. (SBU) SUMMARY: During a February 19 meeting with...');
    expect(p2.detail).toBe('SBU');
    expect(p2.children.map((n) => n.kind)).toEqual(['summary']);
    const tip = cable.children[6];
    expect(tip.name).toBe('PROGRESS ON TIP');
    expect(tip.children.map((n) => n.name)).toEqual([
      '3. (SBU) During a February 19 introductory meeting...',
      '4. (SBU) Baliyeva ran point-by-point through our...',
      '5. (SBU) Baliyeva explained that the government is...',
    ]);
    expect(cable.children[11].name).toBe('Signature: HOAGLAND');
    expect(treeProblems([cable], { start: 0, end: SEED.length })).toEqual([]);
  });

  it('is properly nested, with no overlapping siblings, for every real cable', () => {
    const problems: string[] = [];
    for (const f of readdirSync(DIR).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(join(DIR, f), 'utf8');
      problems.push(...treeProblems(buildOutline(parseCables(text)), { start: 0, end: text.length }).map((p) => `${f}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('wraps a summary that runs over several paragraphs around them', () => {
    const text = readFileSync(join(DIR, '06PARIS7424.txt'), 'utf8');
    const [cable] = buildOutline(parseCables(text));
    const summary = cable.children.flatMap((n) => [n, ...n.children]).find((n) => n.kind === 'summary')!;
    expect(summary.children.map((n) => n.name.slice(0, 2))).toEqual(['1.', '2.']);
  });

  it('marks a paragraph label cut at the end of a short first line with ..., keeping its last word', () => {
    const text = readFileSync(join(DIR, '05PARIS5335.txt'), 'utf8');
    const [cable] = buildOutline(parseCables(text));
    const labels = cable.children.flatMap((n) => [n, ...n.children]).filter((n) => n.kind === 'paragraph').map((n) => n.name);
    // `8.  (C) On economic affairs, Sarkozy repeated his` / `often-stated assertion ...`: the paragraph goes on.
    expect(labels).toContain('8. (C) On economic affairs, Sarkozy repeated his...');
  });

  it('adds no ... after a first line that ends a sentence or a lead-in, nor to a one-line paragraph', () => {
    const text = [
      'UNCLAS SECTION 01 OF 01 PARIS 001234', '', 'SUBJECT: TEST', '',
      '1. (U) The meeting was short.', 'It ended at noon.', '',
      '2. (U) Participants:', 'Ambassador Smith', '',
      '3. (U) A one-line paragraph with no end mark', '',
      '4. (U) A first line cut mid-sentence, with a comma,', 'and its end.', '',
    ].join('\n');
    const [cable] = buildOutline(parseCables(text));
    expect(cable.children.filter((n) => n.kind === 'paragraph').map((n) => n.name)).toEqual([
      '1. (U) The meeting was short.',
      '2. (U) Participants:',
      '3. (U) A one-line paragraph with no end mark',
      '4. (U) A first line cut mid-sentence, with a comma...',
    ]);
  });
});

describe('outline: a comment inside a summary (hold-out review 18)', () => {
  it('`SUMMARY. ... COMMENT: ... END COMMENT AND SUMMARY.` nests the comment in the summary (07PARIS3941)', () => {
    const [cable] = buildOutline(parseCables(readFileSync(join(DIR, '07PARIS3941.txt'), 'utf8')));
    const p1 = cable.children.find((n) => n.kind === 'paragraph' && n.name.startsWith('1.'))!;
    expect(p1.children.map((n) => n.kind)).toEqual(['summary']);
    expect(p1.children[0].children.map((n) => n.kind)).toEqual(['comment']);
    expect(treeProblems([cable], cable.range)).toEqual([]);
  });
});

describe('outline: marked sub-items and paragraphs without numbers', () => {
  const outlineOf = (name: string) => buildOutline(parseCables(readFileSync(join(DIR, name), 'utf8')))[0];
  const all = (nodes: OutlineNode[]): OutlineNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);

  it('lettered items and the unnumbered responses after them are children of their paragraph (06VIENNA515)', () => {
    const cable = outlineOf('06VIENNA515.txt');
    const p5 = all(cable.children).find((n) => n.kind === 'paragraph' && n.name.startsWith('5.'))!;
    expect(p5.children.map((n) => [n.name, n.detail])).toEqual([
      ['A. (S/NF) USG Concern: Novin Energy Company, a firm...', 'S//NF'],
      ['(S/NF) GOA Response: xxxxx reiterated information...', 'S//NF'],
      ['B. (S/NF) USG Concern: Since 2001, Creditanstalt xxxxx...', 'S//NF'],
      ['(S/NF) GOA Response: xxxxx said the FMA was...', 'S//NF'],
      ['C. (S/NF) USG Concern: Syria was preparing to purchase...', 'S//NF'],
      ['(S/NF) GOA Response: BA/CA has no direct business...', 'S//NF'],
    ]);
    // Selected by the label, or by the mark when there is none.
    const text = readFileSync(join(DIR, '06VIENNA515.txt'), 'utf8');
    expect(p5.children.slice(0, 2).map((n) => text.slice(n.selectionRange.start, n.selectionRange.end))).toEqual(['A.', '(S/NF)']);
    expect(treeProblems([cable], cable.range)).toEqual([]);
  });

  it('a cable marking its paragraphs without numbers lists them in the body (10CARACAS107)', () => {
    const cable = outlineOf('10CARACAS107.txt');
    expect(cable.children.filter((n) => n.kind === 'paragraph').map((n) => n.name.split(' ').slice(0, 3).join(' '))).toEqual([
      '(SBU) On January',
      '(S/NF) RSO stated',
      '(SBU) During a',
      '(SBU) RSO reminded',
      '(SBU) RSO reiterated',
      '(SBU) As part',
      '(S) RSO stressed',
      '(SBU) Point of',
    ]);
  });

  it("a bullet's `(Comment: ...)` nests in the bullet, not beside it (09RIYADH1667)", () => {
    const text = readFileSync(join(DIR, '../holdout/09RIYADH1667.txt'), 'utf8');
    const cable = buildOutline(parseCables(text))[0];
    const p3 = all(cable.children).find((n) => n.kind === 'paragraph' && n.name.startsWith('3.'))!;
    expect(p3.children.map((n) => [n.name.slice(0, 24), n.children.map((k) => k.name)])).toEqual([
      ['-- (U) Military Successe', []],
      ['-- (U) Religious Support', ['Comment']],
      ['-- (U) Border Security: ', ['Comment']],
      ['-- (S/NF) Report from th', ['Comment']],
      ['(U) On Dec. 18, Al-Minba', []],
    ]);
    expect(treeProblems([cable], cable.range)).toEqual([]);
  });

  it('numbered questions under a marked title are children of the title, not of the paragraph above (09STATE124636)', () => {
    const cable = outlineOf('09STATE124636.txt');
    const title = cable.children.find((n) => n.kind === 'heading' && n.name === 'A. (U) PRESIDENT CALDERON')!;
    expect(title.children.map((n) => n.name.slice(0, 24))).toEqual(['1) (C/NF) HOW DOES PRESI', '2) (C/NF) HOW WOULD YOU ', '3) (C/NF) HOW WOULD YOU ', '4) (C/NF) WHAT ARE CALDE']);
    expect(treeProblems([cable], cable.range)).toEqual([]);
  });
});
