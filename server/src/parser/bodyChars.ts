/** Classes of a body line's first character, tested before any pattern. */
import type { Line } from './lines';

export function textCharAt(text: string, line: Line, at: number): number {
  return text.charCodeAt(line.start + at);
}

// What an ASCII character can start or end, as bits of FIRST: one table look-up per line instead of a pattern.
const UPPER = 1;
/** First letter of a PAGE_HEADER word. */
export const PAGE_START = 2;
/** First letter (either case) of a BARE_BANNER alternative. */
export const BANNER_START = 4;
/**
 * What OPEN_AT_START can match first: `(`, white space, a letter of BEGIN/SUMMARY/COMMENT/NOTE/EMBASSY/AMBASSADOR/
 * INTRODUCTION/BACKGROUND/OVERVIEW (either case).
 */
export const OPEN_START = 8;
/** `Q`/`q` (QUOTE_LINE). */
export const Q = 16;
/** Ends a sentence at the end of a line: `.:;!?)"'` and `]`. */
export const SENTENCE_END = 32;
/** A letter or digit: a line starting with one has a word. */
export const WORD_START = 64;
/** Any character from U+0080 up: kept out of the fast paths (white space that patterns' `\s` matches). */
export const NON_ASCII = OPEN_START;

export const FIRST = new Uint8Array(128);
function mark(chars: string, bit: number): void {
  for (const c of chars) FIRST[c.charCodeAt(0)] |= bit;
}
mark('ABCDEFGHIJKLMNOPQRSTUVWXYZ', UPPER);
mark('PUCSLT', PAGE_START);
mark('UCSTLucstl', BANNER_START);
mark('( \tBbSsCcNnEeAaIiOo', OPEN_START);
mark('Qq', Q);
mark('.:;!?)"\']', SENTENCE_END);
mark('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', WORD_START);

/**
 * An ASCII character that is no letter or digit: a line that starts or ends with another character has a word
 * (NO_WORD's first alternative), and its second ends with `=`.
 */
export function isWordless(c: number): boolean {
  return c < 128 && (FIRST[c] & WORD_START) === 0;
}
