/**
 * Mirror pages that join one cable's header to another cable's text (identifier and MRN differ in post and serial):
 * one id-origin-mismatch for the page, and no cascade of findings that compare the text with the header's envelope,
 * metadata or date. Fixtures: 07PARIS2725 (corpus), 88BAGHDAD28 (hold-out, a 1988 header over 2009 text).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCables } from '../../server/src/parser/index';
import { runRules } from '../../server/src/rules/index';

const FIXTURES = join(__dirname, '../fixtures');
const lint = (text: string) => runRules(parseCables(text)).map((d) => ({ rule: d.ruleId, message: d.message, fix: !!d.data?.fix }));

describe('a header over another cable\'s text', () => {
  it('is reported once, without an identifier fix (07PARIS2725 over MOSCOW 005154)', () => {
    const found = lint(readFileSync(join(FIXTURES, 'cables/07PARIS2725.txt'), 'utf8'));
    expect(found).toEqual([
      {
        rule: 'id-origin-mismatch',
        message: "The text below the header is another cable's (MRN MOSCOW 005154), not 07PARIS2725's: the page joins two cables.",
        fix: false,
      },
    ]);
  });

  it('dates nothing in the text by the header (1988 envelope, 2009 E.O. 12958 text)', () => {
    const found = lint(readFileSync(join(FIXTURES, 'holdout/88BAGHDAD28.txt'), 'utf8'));
    expect(found.map((f) => f.rule)).toEqual(['id-origin-mismatch']);
  });

  it('an identifier that differs from the MRN in one part only keeps its fix and the other checks', () => {
    const text = readFileSync(join(FIXTURES, 'cables/07PARIS2725.txt'), 'utf8');
    // The same page with its own text's identifier mistyped (serial only): a typo, fixed to MOSCOW's identifier.
    const typo = text.replace('07PARIS2725\n', '07MOSCOW5145\n');
    const found = lint(typo);
    expect(found.find((f) => f.rule === 'id-origin-mismatch')).toMatchObject({ fix: true });
    expect(found.map((f) => f.rule)).toContain('metadata-level-mismatch');
    // USUN and USUN NEW YORK are one post: a serial typo, not another cable.
    const usun = lint(text.replace('07PARIS2725\n', '07USUN2725\n').replace('MOSCOW 005154', 'USUN NEW YORK 002726'));
    expect(usun.find((f) => f.rule === 'id-origin-mismatch')).toMatchObject({ fix: true });
    expect(usun.filter((f) => f.message.includes('another cable'))).toEqual([]);
  });
});
