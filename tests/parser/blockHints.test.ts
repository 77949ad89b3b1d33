/**
 * The block-marker hints (parser/blockHints.ts) find inline openers by native searches and character tests instead
 * of one case-insensitive pattern over the body. They must point at exactly the lines the pattern would: a line
 * missed loses a `(NOTE:` or `BEGIN TEXT`; a line too many only costs time. The reference below is that pattern.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventHints } from '../../server/src/parser/blockHints';
import { scanText, splitLines } from '../../server/src/parser/lines';

/** The opener hint as one pattern: `(su`/`(co`/`(no`/`(em`, or BEGIN, hint white space, and a block word, in any case. */
const REFERENCE =
  /\((?:su|co|no|em)|begin[\t\u000b\u000c \u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\u0000-\u0008\u000e-\u001f]+(?:text|quote|summary|comment)/gi;

const PARTS = ['(', 'su', 'SU', 'sU', 'co', 'No', 'em', 'Em', 'b', 'B', 'begin', 'BEGIN', 'bEgIn', ' ', '\t', '\u00a0', '\u2000', '\u0001', '\n', '\r\n', 'text', 'TEXT', 'quote', 'Summary', 'comMENT', 'x', 'e', 'gin', 'EGIN', 'ummary', '(NOTE:', 'BEGIN  TEXT'];

/** Indices of the lines holding a match of the reference (an opener never spans a line break). */
function referenceLines(text: string, lines: ReturnType<typeof splitLines>): Set<number> {
  const out = new Set<number>();
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) {
    const k = lines.findIndex((l) => l.start <= m!.index && m!.index < l.end);
    if (k >= 0) out.add(k);
  }
  return out;
}

describe('inline block-marker hints', () => {
  it('point at the same lines as the reference pattern', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PARTS), { minLength: 1, maxLength: 16 }), (parts) => {
        const text = parts.join('');
        const scan = scanText(text);
        const lines = splitLines(text, scan.lineStarts, scan.odd);
        const hints = new EventHints(text, lines[0].start, lines[lines.length - 1].end);
        const want = referenceLines(text, lines);
        const got = new Set<number>();
        for (let k = 0; k < lines.length; k++) if (lines[k].text.length > 0 && hints.inlineFrom(lines[k], false) >= 0) got.add(k);
        // Blank lines are never asked about.
        for (const k of [...want]) if (lines[k].text.length === 0) want.delete(k);
        expect([...got].sort()).toEqual([...want].sort());
      }),
      { seed: 20261128, numRuns: 20000 },
    );
  });

  it('point at the opener itself, so the pattern may start there', () => {
    const text = 'Some text before (Note: the aside.) and BEGIN TEXT after';
    const scan = scanText(text);
    const lines = splitLines(text, scan.lineStarts, scan.odd);
    const at = new EventHints(text, 0, text.length).inlineFrom(lines[0], false);
    expect(text.slice(at, at + 6)).toBe('(Note:');
  });
});
