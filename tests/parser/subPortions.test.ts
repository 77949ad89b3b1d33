/**
 * Marked portions that are not numbered paragraphs (model.ts SubPortion): lettered, numbered and bulleted sub-items
 * (`A. (S/NF) USG Concern: ...`), and paragraphs or titles marked without a number (`(S/NF) GOA Response: ...`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCables, type ParsedDocument } from '../../server/src/parser/index';
import { cableExample } from '../../server/src/rules/examples';

const fixture = (dir: 'cables' | 'holdout', name: string) => readFileSync(join(__dirname, '../fixtures', dir, name), 'utf8');
const src = (doc: ParsedDocument, s: { start: number; end: number }) => doc.text.slice(s.start, s.end);

/** Each sub-portion as written: label, mark, the number of its paragraph (or null), quoted, first words. */
function subs(doc: ParsedDocument, k = 0) {
  const c = doc.cables[k];
  return c.subPortions.map((sp) => ({
    label: sp.label && src(doc, sp.label),
    mark: src(doc, sp.marking),
    normalized: sp.marking.normalized,
    paragraph: sp.paragraph >= 0 ? c.paragraphs[sp.paragraph].number : null,
    quoted: sp.quoted,
    preview: sp.preview,
  }));
}

const BODY = [
  '1. (C) The minister described the reform plan:',
  '',
  'A. (S/NF) USG Concern: a firm in Vienna moved funds',
  'for the program.',
  '',
  '(S/NF) GOA Response: the ministry said it would look into it.',
  '',
  '-- (SBU) The press was not told.',
  '--  (C)  The ambassador agreed.',
  '',
  '2. (C) BEGIN TEXT:',
  '',
  '(S) Quoted passage.',
  '',
  'END TEXT.',
  '',
  '3. (U) Follow-up:',
  'i) (C) first point;',
  'iv) (C) fourth point.',
  '(13) (U) Paragraph thirteen, numbered in parentheses.',
].join('\n');

const EXPECTED = [
  { label: 'A.', mark: '(S/NF)', normalized: 'S//NF', paragraph: 1, quoted: false, preview: 'USG Concern: a firm in Vienna moved funds...' },
  { label: null, mark: '(S/NF)', normalized: 'S//NF', paragraph: 1, quoted: false, preview: 'GOA Response: the ministry said it would look into it.' },
  { label: '--', mark: '(SBU)', normalized: 'SBU', paragraph: 1, quoted: false, preview: 'The press was not told.' },
  { label: '--', mark: '(C)', normalized: 'C', paragraph: 1, quoted: false, preview: 'The ambassador agreed.' },
  { label: null, mark: '(S)', normalized: 'S', paragraph: 2, quoted: true, preview: 'Quoted passage.' },
  { label: 'i)', mark: '(C)', normalized: 'C', paragraph: 3, quoted: false, preview: 'first point;' },
  { label: 'iv)', mark: '(C)', normalized: 'C', paragraph: 3, quoted: false, preview: 'fourth point.' },
  { label: '(13)', mark: '(U)', normalized: 'U', paragraph: 3, quoted: false, preview: 'Paragraph thirteen, numbered in parentheses.' },
];

describe('marked sub-items and unnumbered paragraphs', () => {
  it('are read with their label, mark, paragraph and quoting, and are no paragraphs', () => {
    const doc = parseCables(cableExample({ body: BODY }));
    expect(subs(doc)).toEqual(EXPECTED);
    expect(doc.cables[0].paragraphs.map((p) => p.number)).toEqual([1, 2, 3]);
    // A portion runs to the blank line after it.
    const first = doc.cables[0].subPortions[0];
    expect(src(doc, first)).toBe('A. (S/NF) USG Concern: a firm in Vienna moved funds\nfor the program.');
    expect(src(doc, first.firstLine)).toBe('A. (S/NF) USG Concern: a firm in Vienna moved funds');
  });

  it('read the same with CRLF line ends, NBSP for spaces and an indent (offsets into the text as given)', () => {
    const text = cableExample({ body: BODY });
    for (const variant of [text.replace(/\n/g, '\r\n'), text.replace(/(?<=^A\.|^--|\(S\/NF\)) /gm, '\u00a0'), text.replace(/^(?=[A-Z(i-])/gm, '   ')]) {
      const doc = parseCables(variant);
      const got = subs(doc);
      expect(got.map((s) => [s.label?.replace(/\u00a0/g, ' ') ?? null, s.mark, s.paragraph, s.quoted])).toEqual(EXPECTED.map((s) => [s.label, s.mark, s.paragraph, s.quoted]));
      for (const sp of doc.cables[0].subPortions) {
        expect(variant.slice(sp.marking.start, sp.marking.end)).toBe(sp.marking.raw);
        expect(sp.start).toBeLessThanOrEqual(sp.marking.start);
        expect(sp.end).toBeGreaterThanOrEqual(sp.firstLine.end);
      }
    }
  });

  it('are not read from what only looks like a mark at the start of a line', () => {
    const body = [
      '1. (C) The ruling Justice and Development Party',
      '(AKP) and the opposition met on Monday.',
      '',
      '2. (C) Questions for the post:',
      '(c) the intelligence value of the source;',
      '',
      '3. (C) The list:',
      '(A) first item;',
      '(B) second item;',
      '(C) third item.',
      '',
      '4. (C) The minister said the agreement covered',
      '(C) and (D) of the annex.',
      '',
      '5. (C) The Embassy thanked the',
      '(U)nited Nations team.',
      '',
      '6. (U) The article follows. BEGIN TEXT:',
      '',
      'The minister spoke.',
      '',
      '(C) 2009 Reuters',
      '',
      'END TEXT.',
      '',
      '7. (U) Reprinted with permission.',
      '(C) Copyright The Daily Star.',
    ].join('\n');
    expect(subs(parseCables(cableExample({ body })))).toEqual([]);
  });

  it('in lower case, only where the paragraph marks are lower case too', () => {
    const body = '1. (c) The minister described the reform plan:\n\n(s) The plan is secret.';
    expect(subs(parseCables(cableExample({ body }))).map((s) => s.mark)).toEqual(['(s)']);
  });

  it('real cables: lettered items and responses (06VIENNA515), bullets (09RIYADH447), items with no paragraph (09STATE124636)', () => {
    const vienna = parseCables(fixture('cables', '06VIENNA515.txt'));
    const v = subs(vienna).filter((s) => s.paragraph === 5);
    expect(v.map((s) => `${s.label ?? ''}${s.mark} ${s.preview.slice(0, 12)}`)).toEqual([
      'A.(S/NF) USG Concern:',
      '(S/NF) GOA Response',
      'B.(S/NF) USG Concern:',
      '(S/NF) GOA Response',
      'C.(S/NF) USG Concern:',
      '(S/NF) GOA Response',
    ]);
    expect(subs(vienna)).toHaveLength(21);

    const riyadh = subs(parseCables(fixture('cables', '09RIYADH447.txt')));
    expect(riyadh.map((s) => [s.label, s.mark, s.paragraph])).toEqual(Array(5).fill(['--', '(S)', 1]));

    // A tasking cable: `A. (U) PRESIDENT CALDERON` titles, `1) (C/NF) HOW DOES ...` questions after paragraph 1.
    const state = parseCables(fixture('cables', '09STATE124636.txt'));
    const s = subs(state);
    expect(s.map((x) => `${x.label} ${x.mark}`)).toEqual(['A. (U)', '1) (C/NF)', '2) (C/NF)', '3) (C/NF)', '4) (C/NF)', 'B. (U)', '1) (C/NF)', '2) (C/NF)', '3) (C/NF)', '4) (C/NF)']);
    expect(s.every((x) => x.paragraph === null)).toBe(true);
    // The titles' sections hold the questions under them.
    const c = state.cables[0];
    const cabinet = c.headings.find((h) => h.text === 'B. (U) CABINET')!;
    expect(c.subPortions.filter((sp) => sp.start > cabinet.start && sp.end <= cabinet.section.end)).toHaveLength(4);
  });

  it('a mark closing the text with the signature after it opens no portion (09YEREVAN20)', () => {
    const doc = parseCables(fixture('cables', '09YEREVAN20.txt'));
    const c = doc.cables[0];
    expect(c.signature?.text).toBe('YOVANOVITCH');
    const sig = c.signature!;
    expect(c.subPortions.filter((sp) => sp.firstLine.start <= sig.start && sig.start <= sp.firstLine.end).map((sp) => src(doc, sp))).toEqual([]);
  });

  it('nest with blocks when no blank line parts them: a portion ends before a block opening under it, and with a block it starts in', () => {
    const body = [
      '1. (C) Paper follows:',
      '(U) A Title Over Its Summary',
      'SUMMARY',
      'The paper says what it says.',
      'END SUMMARY',
      '(C) Closing remarks of the paper.',
      '',
      '2. (C) Aside: (COMMENT: the embassy',
      '(S) thinks otherwise. END COMMENT.)',
      'and a line after the aside.',
    ].join('\n');
    const doc = parseCables(cableExample({ banner: 'SECRET', body }));
    const c = doc.cables[0];
    const blocks = c.blocks;
    for (const sp of c.subPortions) {
      for (const b of blocks) {
        const nested = (sp.start <= b.start && b.end <= sp.end) || (b.start <= sp.start && sp.end <= b.end) || sp.end <= b.start || b.end <= sp.start;
        expect(nested, `${src(doc, sp)} / ${src(doc, b)}`).toBe(true);
      }
    }
    const title = c.subPortions.find((sp) => src(doc, sp.marking) === '(U)')!;
    expect(src(doc, title)).toBe('(U) A Title Over Its Summary');
  });

  it('a marked title right after `BEGIN TEXT OF NON-PAPER` or `END TEXT BOX` opens a quoted portion (09STATE83026)', () => {
    const s = subs(parseCables(fixture('cables', '09STATE83026.txt')));
    expect(s.map((x) => [x.mark, x.paragraph, x.quoted, x.preview])).toEqual([
      ['(U//FOUO)', 7, true, 'Assessing Jamaat-ud-Dawa’s Links to Lashkar-e-Tayyiba...'],
      ['(U//FOUO)', 7, true, 'UN Links Jamaat-ud-Dawa to Terrorism...'],
      ['(U//FOUO)', 7, true, 'Financial Support...'],
      ['(U//FOUO)', 7, true, 'Leadership...'],
    ]);
  });

  it('a bullet cut by a page break mid-sentence goes on after it (09RIYADH1667)', () => {
    const doc = parseCables(fixture('holdout', '09RIYADH1667.txt'));
    const c = doc.cables[0];
    expect(subs(doc).map((x) => `${x.label ?? ''} ${x.mark} ${x.paragraph}`)).toEqual(['-- (U) 3', '-- (U) 3', '-- (U) 3', '-- (S/NF) 3', ' (U) 3']);
    // `... You are facing a corrupt` / blank / `RIYADH 00001667 002.2 OF 003` / blanks / `and astray enemy ...`
    const religious = src(doc, c.subPortions[1]);
    expect(religious.startsWith('-- (U) Religious Support')).toBe(true);
    expect(religious.endsWith('End Comment.)')).toBe(true);
    // A blank line after a finished sentence still ends the portion, page break or none.
    expect(src(doc, c.subPortions[0]).endsWith('aircraft continue air raids.')).toBe(true);
    expect(src(doc, c.subPortions[3]).endsWith("approval and facilitation.)")).toBe(true);
  });

  it('a marked question standing alone is a sub-item of its paragraph, not a title (09ABUDHABI874, 09STATE47326)', () => {
    // `3. (SBU) Begin reftel responses:` / `A. (C) HOW MUCH MONEY DO EXPATS SEND BACK ...?` / answer / `1) (C) BY WHAT
    // CHANNELS? HOW OFTEN?` / answer ... `K. (SBU) ...`: short questions and long ones are read alike.
    const doc = parseCables(fixture('holdout', '09ABUDHABI874.txt'));
    const c = doc.cables[0];
    expect(c.headings.map((h) => h.text)).toEqual(['OVERVIEW']);
    const s = subs(doc);
    expect(s.map((x) => `${x.label} ${x.mark}`)).toEqual([
      'A. (C)', '1) (C)', '2) (S)', 'B. (C)', 'C. (U)', '1) (C)', '2) (C)', '3) (U)', 'D. (U)', '1) (U)', '2) (U)', '3) (SBU)',
      'E. (C)', 'F. (SBU)', '1) (SBU)', '2) (U)', 'A) (SBU)', 'B) (C)', '3) (U)', '4) (C)', 'G. (U)', 'H. (U)', 'I. (S)', 'J. (S)', 'K. (SBU)',
    ]);
    expect(s.every((x) => x.paragraph === 3)).toBe(true);
    // Paragraph 3 runs to the last answer, before the signature.
    expect(src(doc, c.paragraphs[2]).endsWith('satellite television stations based in the\nUAE.')).toBe(true);
    // `2)  (U)  HOW MANY MURALS WILL BE REPLACED?` among the questions of paragraph 1.
    const state = parseCables(fixture('cables', '09STATE47326.txt'));
    expect(state.cables[0].headings).toEqual([]);
    expect(subs(state).map((x) => `${x.label} ${x.paragraph}`)).toContain('2) 1');
  });

  it('real cables: unnumbered marked paragraphs (10CARACAS107), roman items (04NASSAU384), list letters `(c)` are not marks (09STATE119085)', () => {
    expect(subs(parseCables(fixture('cables', '10CARACAS107.txt'))).map((s) => s.mark)).toEqual(['(SBU)', '(S/NF)', '(SBU)', '(SBU)', '(SBU)', '(SBU)', '(S)', '(SBU)']);
    expect(subs(parseCables(fixture('holdout', '04NASSAU384.txt'))).map((s) => s.label)).toEqual(['i)', 'ii)', 'iii)', 'iv)', 'v)', 'vi)']);
    expect(subs(parseCables(fixture('holdout', '09STATE119085.txt')))).toEqual([]);
  });
});
