/**
 * The portion rules see the marks of sub-items and unnumbered paragraphs (`A. (S/NF) USG Concern: ...`,
 * `-- (S) Intelligence: ...`, `(S/NF) GOA Response: ...`); the rules about numbered paragraphs do not apply to them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCables } from '../../server/src/parser/index';
import { cableExample } from '../../server/src/rules/examples';
import { runRules } from '../../server/src/rules/index';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/cables', name), 'utf8');

const lint = (text: string) =>
  runRules(parseCables(text)).map((d) => ({ rule: d.ruleId, line: text.slice(0, d.range.start).split('\n').length, source: text.slice(d.range.start, d.range.end), message: d.message }));

/** `text` with `find` replaced once, failing when it is not there (a fixture that changed would test nothing). */
function edited(text: string, find: string | RegExp, replace: string): string {
  const out = text.replace(find, replace);
  if (out === text) throw new Error(`not found: ${find}`);
  return out;
}

describe('portion rules over sub-items (synthetic cables)', () => {
  it('a SECRET lettered item in a CONFIDENTIAL cable exceeds the banner', () => {
    const body = '1. (C) The minister listed three concerns:\n\nA. (C) The first concern.\n\nB. (S) The second concern.';
    expect(lint(cableExample({ body }))).toEqual([
      { rule: 'portion-exceeds-banner', line: 19, source: '(S)', message: 'Item B of paragraph 1 is marked (S) but the banner is CONFIDENTIAL.' },
    ]);
  });

  it('a NOFORN bullet under a banner and captions without NOFORN is reported', () => {
    const body = '1. (C) The minister said:\n\n-- (C/NF) the plan is ready;\n-- (C) the vote is near.';
    expect(lint(cableExample({ body }))).toEqual([
      {
        rule: 'noforn-portion-not-in-banner',
        line: 17,
        source: '(C/NF)',
        message: 'The portion "the plan is ready;" of paragraph 1 is marked (C/NF) (NOFORN) but the caption block has no NOFORN.',
      },
    ]);
    // With NOFORN in the captions, nothing.
    expect(lint(cableExample({ captions: 'NOFORN\nSIPDIS', body }))).toEqual([]);
  });

  it('an (SBU) paragraph without a number in an UNCLAS cable without SENSITIVE is reported', () => {
    const text = cableExample({ banner: 'UNCLAS ASTANA 000308', eo: 'E.O. 12958: N/A', classifiedBy: '', body: '(SBU) The minister described the reform plan.\n\n(U) The meeting was public.' });
    expect(lint(text)).toEqual([
      {
        rule: 'sbu-portion-without-sensitive',
        line: 13,
        source: '(SBU)',
        message: 'The portion "The minister described the reform plan." is marked (SBU) but the UNCLAS cable has no SENSITIVE caption.',
      },
    ]);
  });

  it('a SECRET banner over (C) paragraphs does not exceed its portions when a sub-item is (S)', () => {
    const body = '1. (C) The minister listed the areas:\n\n-- (C) Finance: closer ties.\n-- (S) Intelligence: shared reporting.';
    const secret = { banner: 'S E C R E T ASTANA 000308', body };
    expect(lint(cableExample(secret))).toEqual([]);
    // Without the SECRET item the banner is above every portion.
    expect(lint(cableExample({ ...secret, body: body.replace('(S) Intelligence', '(C) Intelligence') })).map((f) => f.rule)).toEqual(['banner-exceeds-portions']);
  });

  it('a malformed sub-item mark is reported with its fix; a level in words on a classification line is not', () => {
    const body = '1. (C) The minister listed two concerns:\n\nA. ( C ) The first concern.\n\n(CONFIDENTIAL//REL UK)\n\n-- The talking points.';
    const text = cableExample({ body });
    expect(lint(text)).toEqual([
      { rule: 'portion-mark-malformed', line: 17, source: '( C )', message: 'Item A of paragraph 1: the portion mark ( C ) has spaces inside the parentheses; expected (C).' },
    ]);
  });

  it('an unmarked sub-item is not an unmarked paragraph, and lettered or `1)` items are no gap in the numbering', () => {
    const body = '1. (C) The minister listed two concerns:\n\nA. The first concern.\n\nB. (C) The second concern.\n\n1) (C) A question.\n\n3) (C) Another question.\n\n2. (C) She asked for support.';
    expect(lint(cableExample({ body }))).toEqual([]);
  });
});

describe('portion rules over sub-items (real cables)', () => {
  it('08BAGHDAD357: item B of paragraph 1 made (S) in the CONFIDENTIAL cable exceeds the banner', () => {
    const text = edited(fixture('08BAGHDAD357.txt'), 'B. (C) Kennedy', 'B. (S) Kennedy');
    expect(lint(text).filter((f) => f.rule === 'portion-exceeds-banner')).toEqual([
      { rule: 'portion-exceeds-banner', line: 51, source: '(S)', message: 'Item B of paragraph 1 is marked (S) but the banner is CONFIDENTIAL.' },
    ]);
  });

  it('10CARACAS107 (marked paragraphs without numbers): its one (S/NF) paragraph needs the NOFORN caption it has', () => {
    const text = fixture('10CARACAS107.txt');
    expect(lint(text)).toEqual([]);
    expect(lint(edited(text, /\nNOFORN *\n/, '\n\n')).filter((f) => f.rule === 'noforn-portion-not-in-banner')).toEqual([
      {
        rule: 'noforn-portion-not-in-banner',
        line: 46,
        source: '(S/NF)',
        message: 'The portion "RSO stated the current threat levels for..." is marked (S/NF) (NOFORN) but the caption block has no NOFORN.',
      },
    ]);
  });

  it('06MANAGUA1003: its unnumbered (SBU) paragraph needs the SENSITIVE caption it has', () => {
    const text = fixture('06MANAGUA1003.txt');
    expect(lint(text).map((f) => f.rule)).not.toContain('sbu-portion-without-sensitive');
    expect(lint(edited(text, /\nSENSITIVE *\n/, '\n\n')).filter((f) => f.rule === 'sbu-portion-without-sensitive').map((f) => [f.line, f.source])).toEqual([[44, '(SBU)']]);
  });

  it('08BUENOSAIRES235: the SECRET banner is not above every portion, its `-- (S) Intelligence:` bullet is SECRET', () => {
    expect(lint(fixture('08BUENOSAIRES235.txt')).map((f) => f.rule)).not.toContain('banner-exceeds-portions');
  });
});
