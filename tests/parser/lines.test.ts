/**
 * The line layer's fast paths against the plain definitions: scanText (read as bytes, four at a time) must agree
 * with computeLineStarts and a regular expression over the text, and splitLines (folding the whole text once) with
 * folding and trimming each line on its own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLineStarts } from '../../server/src/parser/lineIndex';
import { hasOddCharacters, MATCH_PREFIX, normalise, scanText, splitLines } from '../../server/src/parser/lines';

const ODD = /[\u00a0\u0000-\u0008\u000b\u000c\u000e-\u001f\ufeff\u2000-\u200b\u3000\ufffd]/;

/** Characters that matter here: every odd one, line breaks, and look-alikes whose low byte is a line break or a tab. */
const SPECIAL = [
  '\u0000', '\u0001', '\u0008', '\t', '\n', '\u000b', '\u000c', '\r', '\u000e', '\u001f', '\u00a0', '\u00b6', '\u00ff',
  '\u1680', '\u2000', '\u2009', '\u200a', '\u200b', '\u2019', '\u2028', '\u202f', '\u3000', '\ufeff', '\ufffd',
  '\u010a', '\u0109', '\u0120', ' ', 'A', 'z', '-',
];
const char = fc.oneof(fc.constantFrom(...SPECIAL), fc.constantFrom(...'ABC abc.()'.split('')));
const text = fc.array(char, { maxLength: 300 }).map((a) => a.join(''));

function referenceLines(t: string) {
  const starts = computeLineStarts(t);
  return starts.map((start, i) => {
    let end = i + 1 < starts.length ? starts[i + 1] : t.length;
    if (end > start && t.charCodeAt(end - 1) === 10) end--;
    if (end > start && t.charCodeAt(end - 1) === 13) end--;
    const normal = normalise(t.slice(start, Math.min(end, start + MATCH_PREFIX)));
    let indent = 0;
    while (indent < normal.length && (normal.charCodeAt(indent) === 32 || normal.charCodeAt(indent) === 9)) indent++;
    return { index: i, start, end, text: normal, indent };
  });
}

describe('line layer', () => {
  it('hasOddCharacters agrees with the pattern, wherever the character sits', () => {
    fc.assert(
      fc.property(text, fc.nat(70_000), (t, pad) => {
        // Padding moves the text across the 64K chunks the bytes are read in.
        const padded = 'x'.repeat(pad % 3 === 0 ? pad : pad % 5) + t;
        expect(hasOddCharacters(padded)).toBe(ODD.test(padded));
      }),
      { numRuns: 300 },
    );
  });

  it('scanText gives the line starts of computeLineStarts and the same answer', () => {
    fc.assert(
      fc.property(text, fc.nat(70_000), (t, pad) => {
        const padded = 'x'.repeat(pad % 3 === 0 ? pad : pad % 5) + t;
        expect(scanText(padded)).toEqual({ lineStarts: computeLineStarts(padded), odd: ODD.test(padded) });
      }),
      { numRuns: 300 },
    );
    for (const t of ['a\r\nb\rc\n\nd\r', '\r\n'.repeat(40_000), `${'y'.repeat(65_535)}\r\nz`, '']) {
      expect(scanText(t)).toEqual({ lineStarts: computeLineStarts(t), odd: false });
    }
  });

  it('finds a single odd character at a chunk edge and ignores look-alike bytes', () => {
    for (const at of [0, 1, 3, 4, 65_535, 65_536, 65_537, 131_071]) {
      for (const c of ['\u0000', '\u00a0', '\u2009', '\u200a', '\u3000', '\ufffd']) {
        const t = `${'a'.repeat(at)}${c}${'b'.repeat(5)}`;
        expect(hasOddCharacters(t)).toBe(true);
      }
      expect(hasOddCharacters(`${'a'.repeat(at)}\u010a\u0109\u2019\n\t\r\u00b6`)).toBe(false);
    }
  });

  it('answers the same without the Buffer of Node (a pattern then)', () => {
    const saved = (globalThis as { Buffer?: unknown }).Buffer;
    try {
      (globalThis as { Buffer?: unknown }).Buffer = undefined;
      for (const t of ['plain text\n', 'a\u200ab', 'x\u0001', '\u010a\u2019']) expect(hasOddCharacters(t)).toBe(ODD.test(t));
    } finally {
      (globalThis as { Buffer?: unknown }).Buffer = saved;
    }
  });

  it('splitLines gives the per-line folded and trimmed text, with or without the hint', () => {
    fc.assert(
      fc.property(text, (t) => {
        const starts = computeLineStarts(t);
        const expected = referenceLines(t);
        expect(splitLines(t, starts)).toEqual(expected);
        expect(splitLines(t, starts, hasOddCharacters(t))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('cuts long lines at MATCH_PREFIX before trimming', () => {
    const t = `${'a'.repeat(MATCH_PREFIX - 2)}  \u00a0bc\nnext`;
    const starts = computeLineStarts(t);
    expect(splitLines(t, starts)).toEqual(referenceLines(t));
    expect(splitLines(t, starts)[0].text.length).toBe(MATCH_PREFIX - 2);
  });
});
