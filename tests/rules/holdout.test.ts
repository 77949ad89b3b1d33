/**
 * Rules on real cables outside the corpus (tests/fixtures/holdout, provenance in SOURCES.tsv): findings the reviews
 * of unseen cables judged false are gone, the true ones they asked for are reported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCables } from '../../server/src/parser/index';
import { runRules } from '../../server/src/rules/index';

const lint = (name: string) => {
  const text = readFileSync(join(__dirname, '../fixtures/holdout', name), 'utf8');
  return runRules(parseCables(text)).map((d) => ({ rule: d.ruleId, line: text.slice(0, d.range.start).split('\n').length, message: d.message }));
};

describe('rules on hold-out cables', () => {
  it('an AIT Taipei cable filed as 07AITTAIPEI1008 (MRN AIT TAIPEI 001008, Origin "American Institute Taiwan, Taipei") is consistent', () => {
    expect(lint('07AITTAIPEI1008.txt')).toEqual([]);
  });

  it('a derivatively classified cable (`DERIVED FROM:`, no Classified By) is not missing its classifier', () => {
    expect(lint('10BRASILIA33.txt').map((f) => f.rule)).not.toContain('classified-by-missing');
  });

  it('`REASON 1.4` with no category letter is reported', () => {
    expect(lint('04OTTAWA3259.txt').filter((f) => f.rule === 'reason-missing')).toEqual([
      { rule: 'reason-missing', line: 28, message: '"Classified By:" cites 1.4 with no category letter: expected "1.4 (x)".' },
    ]);
  });

  it('`DECL: OADR` under an UNCLAS banner is reported (1989, 1992)', () => {
    for (const [name, line] of [['89AMMAN877.txt', 12], ['92IZMIR819.txt', 15]] as const) {
      expect(lint(name).filter((f) => f.rule === 'decl-on-unclassified'), name).toEqual([
        { rule: 'decl-on-unclassified', line, message: 'The banner is UNCLAS but the E.O. line gives a declassification instruction (OADR); unclassified cables say "N/A".' },
      ]);
    }
  });

  it('an E.O. line citing a number that is no classification order (`E.O. 12598`, a typo of 12958) is reported (95PHNOMPENH3751)', () => {
    expect(lint('95PHNOMPENH3751.txt').filter((f) => f.rule === 'eo-date-inconsistent')).toEqual([
      {
        rule: 'eo-date-inconsistent',
        line: 12,
        message: 'E.O. 12598 is not an executive order on classification (those are 11652, 12065, 12356, 12958, 13292, 13526); on 1995-11-14 the order in force was E.O. 12958.',
      },
    ]);
  });

  it('a Classified-By statement cut short with `...` at the end of its line, with other text run on below, is not missing its reason (05PRAGUE337)', () => {
    expect(lint('05PRAGUE337.txt').map((f) => f.rule)).not.toContain('reason-missing');
  });

  it('a NOFORN caption on an UNCLAS cable is not compared with the label, which has no NOFORN part (07EFTORABAT521)', () => {
    const mismatches = (text: string) =>
      runRules(parseCables(text))
        .filter((d) => d.ruleId === 'metadata-caveat-mismatch')
        .map((d) => d.message);
    const text = readFileSync(join(__dirname, '../fixtures/holdout', '07EFTORABAT521.txt'), 'utf8');
    expect(lint('07EFTORABAT521.txt').map((f) => f.rule)).not.toContain('metadata-caveat-mismatch');
    // The FOUO part is still compared, and a NOFORN caption under a classified banner still needs //NOFORN.
    expect(mismatches(text.replace('UNCLASSIFIED//FOR OFFICIAL USE ONLY', 'UNCLASSIFIED'))).toEqual([
      'The metadata Classification is UNCLASSIFIED without //FOR OFFICIAL USE ONLY but the cable has the SENSITIVE caption.',
    ]);
    const classified = text.replace('UNCLASSIFIED//FOR OFFICIAL USE ONLY', 'CONFIDENTIAL').replace('UNCLAS E F T O RABAT', 'C O N F I D E N T I A L RABAT');
    expect(mismatches(classified)).toEqual(['The metadata Classification is CONFIDENTIAL without //NOFORN but the cable has a NOFORN caption.']);
  });
});

describe('thirteenth hold-out review', () => {
  it('a CONFIDENTIAL `SECTION 01 OF 02` record without its section 2 is an excerpt: its (U) portions do not show the banner too high (88ANKARA16439)', () => {
    const rules = lint('88ANKARA16439.txt').map((f) => f.rule);
    expect(rules).not.toContain('banner-exceeds-portions');
    // The visible paragraphs are still checked one by one.
    expect(rules.filter((r) => r === 'portion-unmarked')).toHaveLength(2);
    // With the last section present, the banner is compared with the portions as before.
    const whole = readFileSync(join(__dirname, '../fixtures/holdout', '88ANKARA16439.txt'), 'utf8').replace('SECTION 01 OF 02', 'SECTION 01 OF 01');
    expect(runRules(parseCables(whole)).map((d) => d.ruleId)).toContain('banner-exceeds-portions');
  });
});

describe('a lettered list going on after a paragraph number', () => {
  it('`12. (B) PLO STATUS:` after `3. (U) (A) COUNTERTERRORISM ...` is an item letter, not an unknown mark (88ANKARA16439)', () => {
    const text = readFileSync(join(__dirname, '../fixtures/holdout', '88ANKARA16439.txt'), 'utf8');
    expect(runRules(parseCables(text)).map((d) => d.ruleId)).not.toContain('portion-mark-unknown');
    // Without the `(A)` before it, `(B)` is reported; so is `(D)` after `(C)` marks.
    expect(runRules(parseCables(text.replace('(A) COUNTERTERRORISM', 'COUNTERTERRORISM'))).map((d) => d.ruleId)).toContain('portion-mark-unknown');
    const d = 'CONFIDENTIAL\n\nClassified By: X, reasons 1.4 (b)\n\n1. (C) One.\n\n2. (D) Two.\n';
    expect(runRules(parseCables(d)).map((f) => f.ruleId)).toContain('portion-mark-unknown');
  });
});

describe('a record the source cut short in its caption block', () => {
  const corpus = (name: string) => readFileSync(join(__dirname, '../fixtures/cables', name), 'utf8');

  it('06KABUL3934 (an empty `Cable title:`, the text ending `...` after the passing lines) is read and not judged', () => {
    const text = corpus('06KABUL3934.txt');
    const c = parseCables(text).cables[0];
    expect(c.metadata?.title?.value.text).toBe('');
    expect(c.banner?.level).toBe('UNCLASSIFIED');
    expect(c.envelope?.dtg?.group.text).toBe('030836Z SEP 06');
    expect(runRules(parseCables(text))).toEqual([]);
  });

  it('a classified cable cut before its E.O. and Classified By lines gets neither missing-line finding; uncut, it does', () => {
    const head = 'P 291359Z NOV 09\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC PRIORITY 1234\nBT\nSECRET SECTION 01 OF 02 PARIS 001234\n\nSIPDIS\n\nSTATE FOR EUR/WE\n';
    const cut = runRules(parseCables(`${head} ...\n`)).map((d) => d.ruleId);
    expect(cut).toEqual([]);
    const whole = runRules(parseCables(`${head}\n1. (S) Text.\n`)).map((d) => d.ruleId);
    expect(whole).toEqual(expect.arrayContaining(['eo-line-missing', 'classified-by-missing']));
  });
});

describe('fourteenth hold-out review', () => {
  it('metadata SECRET on a cable written SECRET//NOFORN under its banner is reported (09STATE119085)', () => {
    expect(lint('09STATE119085.txt')).toEqual([
      { rule: 'metadata-caveat-mismatch', line: 7, message: 'The metadata Classification is SECRET without //NOFORN but the cable has a NOFORN caption.' },
    ]);
  });
});

describe('twenty-first hold-out review: a release redacted with bracketed notes (08RPODUBAI49)', () => {
  it('`7. [DETAILS REMOVED]` is a redacted paragraph, and paragraph 3 removed after `[DETAILS REMOVED]` no gap', () => {
    expect(lint('08RPODUBAI49.txt')).toEqual([]);
  });

  it('without the note, the unmarked paragraph and the gap are still reported', () => {
    const text = readFileSync(join(__dirname, '../fixtures/holdout/08RPODUBAI49.txt'), 'utf8').replaceAll(/\[[A-Z ]+REMOVED\]/g, 'text');
    expect(runRules(parseCables(text)).map((d) => d.ruleId).sort()).toEqual(['para-number-gap', 'portion-unmarked']);
  });
});
