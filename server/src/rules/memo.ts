/**
 * Memoisation of pure readings of short strings that repeat across cables (post names, caption words, metadata
 * labels): rules run on every cable of a collection, and the same few hundred values come back each time.
 */
import { detached } from '../parser/strings';

/** Entries kept before the memo starts over (a bound on memory, whatever the input). */
const LIMIT = 4096;

interface Entry<T> {
  key: string;
  value: T;
}

/**
 * `compute` wrapped with a bounded cache keyed by its string argument. `compute` must be pure. Keys (and string
 * values) are kept as copies: a token's text is a slice of its document, and keeping the slice would keep the
 * whole document in memory after it is closed.
 */
export function memoized<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, Entry<T>>();
  // The same value often comes several times in a row (every addressee `PRIORITY`): compared before hashing.
  let last: Entry<T> | null = null;
  return (text: string): T => {
    if (last !== null && text === last.key) return last.value;
    let entry = cache.get(text);
    if (entry === undefined) {
      if (cache.size >= LIMIT) cache.clear();
      const value = compute(text);
      entry = { key: detached(text), value: typeof value === 'string' ? (detached(value) as T) : value };
      cache.set(entry.key, entry);
    }
    last = entry;
    return entry.value;
  };
}

