// Hostile input through the real tokenizer: very long lines, runs of one character,
// almost-matching constructs. Each case must tokenize completely (tokens tile the line)
// and leave no region open that would swallow the following lines. Times are printed
// (µs per character) so a super-linear rule stands out; they are never asserted.
import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IGrammar } from 'vscode-textmate';
import { loadGrammar, tokenizeText } from './grammar/support';

const K = 1000;
const cases: Array<[string, string]> = [
  ['100k "("', '('.repeat(100 * K)],
  ['100k "(((((" after a paragraph number', `1. ${'('.repeat(100 * K)}`],
  ['50k letters, no space', 'a'.repeat(50 * K)],
  ['50k spaces', ' '.repeat(50 * K)],
  ['50k NBSP', '\u00a0'.repeat(50 * K)],
  ['50k all-caps words after a blank line', `\n${'WORD '.repeat(10 * K)}`],
  ['prosign + 10k routing indicators', `OO ${'RUEHAB '.repeat(10 * K)}`],
  ['prosign + 50k "RUEH" without spaces', `OO RUEH${'RUEH'.repeat(12.5 * K)}`],
  ['routing-indicator continuation lines', `OO RUEHAG\n${'RUEHKW RUEHLA '.repeat(4 * K)}`],
  ['addressee with 20k words', `TO RUEHC/${'SECSTATE '.repeat(20 * K)}IMMEDIATE 4680`],
  ['addressee words then garbage', `FM AMEMBASSY ${'A '.repeat(20 * K)}x`],
  ['banner level + 50k spaces', `SECRET${' '.repeat(50 * K)}X`],
  ['letter-spaced banner repeated', 'C O N F I D E N T I A L '.repeat(2 * K)],
  ['glued-banner lookalikes after an addressee', `FM AMEMBASSY X\nTO ${'XSECRET ASTANA '.repeat(4 * K)}`],
  ['glued letter-spaced level without serial', `RUEHDH/${'AC O N F I D E N T I A L BERN '.repeat(2 * K)}`],
  ['sentence ends, each followed by a lone name', 'He left.\nTEFFT\n'.repeat(5 * K)],
  ['title then 50k dashes', `\nRELATIONSHIP OFF ON THE RIGHT FOOT ${'-'.repeat(50 * K)}x`],
  ['title with 25k single hyphens before its underline', `\nA${'-b'.repeat(25 * K)} -----`],
  ['banner with 50k-word post name', `UNCLAS SECTION 01 OF 02 ${'ASTANA '.repeat(7 * K)}`],
  ['portion mark with 50k controls', `1. (S${'/NF'.repeat(16 * K)}`],
  ['unclosed REL list 50k', `1. (S//REL ${', A'.repeat(16 * K)}`],
  ['many portion-like parentheses', `2. ${'(C) (S//NF) (U) '.repeat(3 * K)}`],
  ['TAGS with 10k tags', `TAGS: ${'PGOV, '.repeat(10 * K)}`],
  ['TAGS with 10k person tags', `TAGS: ${'OVIP (CLINTON, HILLARY) '.repeat(2 * K)}`],
  ['E.O. line 50k', `E.O. 12958: DECL: ${'01/01/2020 X1 '.repeat(4 * K)}`],
  ['REF with 10k items', `REF: ${'A. STATE 1234 '.repeat(4 * K)}`],
  ['REF item lettered (C) then 20k capital words', `REF: A. STATE 1\n(C) ${'AB '.repeat(20 * K)}`],
  ['REF words without numbers', `REF: ${'EMBASSY MADRID E-MAIL TO EUR/WE OF '.repeat(2 * K)}`],
  ['Classified By with 10k reasons', `Classified By: X for reasons ${'1.4 (b) and (d), '.repeat(3 * K)}`],
  ['reason letters chain', `Classified By: X 1.4 ${'b and '.repeat(10 * K)}d`],
  ['markers repeated', 'SUMMARY: END SUMMARY. (NOTE: END NOTE.) COMMENT: END COMMENT. '.repeat(1 * K)],
  ['"End" words without marker', 'End end End end '.repeat(5 * K)],
  ['50k X redaction', 'X'.repeat(50 * K)],
  ['continuation marker lookalike', `ASTANA ${'00000308 '.repeat(5 * K)}`],
  ['page header lookalike', `PAGE 01 ${'HARARE 06677 '.repeat(4 * K)}`],
  ['distribution list 10k codes', `INFO ${'LOG-00 '.repeat(10 * K)}`],
  ['DTG with 10k op-signals', `O 200929Z FEB 09${' ZZH'.repeat(10 * K)}`],
  ['subject with 50k chars', `SUBJECT: ${'KAZAKHSTAN: '.repeat(4 * K)}`],
  ['metadata table row with 50k spaces', `06STATE89712 | 2006-06-02 16:03 | ${' '.repeat(50 * K)}x`],
  ['metadata origin with 50k inner spaces', `Identifier\nOrigin\nEmbassy${' '.repeat(50 * K)}x`],
  ['cable title with 50k inner spaces', `Cable title: A${' '.repeat(50 * K)}x`],
  ['blank line then 50k spaces and a letter', `\n${' '.repeat(50 * K)}x`],
  ['rule line then 50k spaces and a word', `-----\n${' '.repeat(50 * K)}WORD`],
  ['50k dashes then a letter', `${'-'.repeat(50 * K)}x`],
  ['50k dashes', '-'.repeat(50 * K)],
  ['metadata label then 50k', `Identifier\n${'9'.repeat(50 * K)}`],
  ['binary-ish garbage', Array.from({ length: 50 * K }, (_, i) => String.fromCharCode((i * 7919) % 0x2fff)).join('')],
];

describe('pathological lines', () => {
  let grammar: IGrammar;
  beforeAll(async () => {
    grammar = await loadGrammar();
  });

  it.each(cases)('%s', (_name, text) => {
    const started = performance.now();
    const lines = tokenizeText(grammar, `${text}\n\n1. (S) after`);
    const elapsed = performance.now() - started;
    for (const line of lines) {
      expect(line.tokens[0]?.startIndex ?? 0).toBe(0);
      expect(line.tokens[line.tokens.length - 1]?.endIndex ?? 0).toBeGreaterThanOrEqual(line.text.length);
    }
    // The paragraph after the hostile text is read normally: nothing was left open.
    const last = lines[lines.length - 1];
    const mark = last.tokens.find((t) => last.text.slice(t.startIndex, t.endIndex) === '(S)');
    expect(mark?.scopes).toContain('markup.deleted.classification.secret.portion.cable');
    console.log(
      `[grammar] ${_name.padEnd(42)} ${String(text.length).padStart(7)} chars ${elapsed.toFixed(1).padStart(8)} ms ` +
        `${((elapsed * 1000) / Math.max(1, text.length)).toFixed(3)} µs/char`,
    );
  }, 300_000);
});
