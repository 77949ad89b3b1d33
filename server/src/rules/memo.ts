/**
 * Memoisation of pure readings of short strings that repeat across cables (post names, caption words, metadata
 * labels): rules run on every cable of a collection, and the same few hundred values come back each time.
 */

/** Entries kept before the memo starts over (a bound on memory, whatever the input). */
const LIMIT = 4096;

/** `compute` wrapped with a bounded cache keyed by its string argument. `compute` must be pure. */
export function memoized<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  // The same value often comes several times in a row (every addressee `PRIORITY`): compared before hashing.
  let lastText: string | null = null;
  let lastValue: T | undefined;
  return (text: string): T => {
    if (text === lastText) return lastValue as T;
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) {
      lastText = text;
      lastValue = hit;
      return hit as T;
    }
    if (cache.size >= LIMIT) cache.clear();
    const value = compute(text);
    cache.set(text, value);
    lastText = text;
    lastValue = value;
    return value;
  };
}
