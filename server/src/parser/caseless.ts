/** Case-insensitive tests by character codes, for pre-checks that spare a case-insensitive pattern its scan. */

/**
 * Whether `s` has `word` (lower-case ASCII letters and spaces) at `at`, in any case, as a non-unicode `/i` pattern
 * compares letters. Out of range never matches. A space in `word` also accepts U+0000: a pre-check may let too much
 * through, never too little.
 */
export function hasWordAt(s: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if ((s.charCodeAt(at + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}
