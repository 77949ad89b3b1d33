/**
 * A copy of a string that does not keep a larger one alive. V8 represents `text.slice(a, b)` (and `trim()` results
 * that change nothing) as a view into the whole text, so a remembered 12-character mark or identifier could retain a
 * 20 MB document after it is closed. The concatenation is flattened into a new string before the slice is taken.
 */
export function detached(s: string): string {
  return s.length === 0 ? '' : ` ${s}`.slice(1);
}

/** `s` from `at` on, without a copy when `at` is 0 (most lines have no indent). */
export function rest(s: string, at: number): string {
  return at === 0 ? s : s.slice(at);
}
