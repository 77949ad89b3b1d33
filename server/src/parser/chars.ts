/**
 * Character tests for the header recognisers' cheap pre-checks: they reject a line on its first characters
 * before any regex runs, so every test here must be a necessary condition of the pattern it guards.
 */

/** White space that `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator). */
export function isTrimSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Index of the first character `s.trim()` keeps (`s.length` when all white). */
export function trimStartIndex(s: string, from = 0): number {
  let i = from;
  while (i < s.length && isTrimSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Index just past the last character `s.trim()` keeps. */
export function trimEndIndex(s: string, from = 0): number {
  let j = s.length;
  while (j > from && isTrimSpace(s.charCodeAt(j - 1))) j--;
  return j;
}

/** ASCII letter, either case (what `[A-Za-z]`, and a letter under a non-unicode `/i` pattern, match). */
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Upper-cases an ASCII letter code (other codes unchanged): for case-insensitive first-character tests. */
export function upperAscii(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : c;
}

/**
 * Length of `s` without its trailing run of white space and of the characters in `extra`: what
 * `s.replace(/(?<![\s<extra>])[\s<extra>]+$/, '')` leaves (that pattern always removes the whole run).
 */
export function lengthWithoutTrailing(s: string, extra: string): number {
  let j = s.length;
  while (j > 0) {
    const c = s.charCodeAt(j - 1);
    if (!isTrimSpace(c) && extra.indexOf(s[j - 1]) < 0) break;
    j--;
  }
  return j;
}
