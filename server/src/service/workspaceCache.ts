/**
 * One parse per document version. Every feature reads the same `ParsedDocument`; results derived from it
 * (outline, element index, lint findings) are memoised on the entry, so they too are computed once per
 * version. Entries are dropped when a document closes (`delete`) or, least recently used first, when more than
 * `capacity` documents have been seen.
 *
 * A new version is parsed from the previous one (`reparseCables`): in a file of many cables only the cables
 * around the edit are parsed again. Results kept per cable (`cableMemo`: findings, outline, folding) follow the
 * cables that did not change into the new entry, moved by the edit's length change when first read, so a
 * keystroke in a 10 MB file re-lints one cable, not a thousand.
 */
import { movedBy, reparseCables, type CableOrigin } from '../parser/incremental';
import type { Cable, ParsedDocument } from '../parser/model';
import type { ServiceDocument } from './types';

/** A per-cable result, how far its offsets still have to move, and the cable index it was computed for. */
interface Held {
  value: unknown;
  delta: number;
  index: number;
}

export class CacheEntry {
  private readonly derived = new Map<string, unknown>();
  private readonly perCable = new Map<string, Map<number, Held>>();

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly parsed: ParsedDocument,
    previous?: { entry: CacheEntry; origins: readonly CableOrigin[] },
  ) {
    if (!previous) return;
    for (const [key, held] of previous.entry.perCable) {
      const carried = new Map<number, Held>();
      previous.origins.forEach((o, k) => {
        const h = o.from >= 0 ? held.get(o.from) : undefined;
        if (h) carried.set(k, { value: h.value, delta: h.delta + o.delta, index: h.index });
      });
      if (carried.size > 0) this.perCable.set(key, carried);
    }
  }

  /** The value of `compute` for this version, computed on first use. */
  memo<T>(key: string, compute: () => T): T {
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = compute();
    this.derived.set(key, value);
    return value;
  }

  /**
   * The value of `compute` for cable `k`: computed once per cable, and carried over from earlier versions while
   * the cable is unchanged. Values are plain data whose offsets sit in `start`/`end` fields (they are moved).
   * When cables were added or removed before it, a carried value is renumbered by `reindex`, or computed again.
   */
  cableMemo<T>(key: string, k: number, compute: (cable: Cable) => T, reindex?: (value: T, index: number) => T): T {
    let held = this.perCable.get(key);
    if (!held) this.perCable.set(key, (held = new Map()));
    const h = held.get(k);
    if (h && (h.index === k || reindex)) {
      if (h.delta !== 0) {
        h.value = movedBy(h.value, h.delta);
        h.delta = 0;
      }
      if (h.index !== k) {
        h.value = reindex!(h.value as T, k);
        h.index = k;
      }
      return h.value as T;
    }
    const value = compute(this.parsed.cables[k]);
    held.set(k, { value, delta: 0, index: k });
    return value;
  }
}

export class DocumentCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(private readonly capacity = 64) {}

  /** The entry for the document's current version, parsing only if the version changed. */
  get(document: ServiceDocument): CacheEntry {
    const hit = this.entries.get(document.uri);
    if (hit && hit.version === document.version) {
      // Re-insert: Map order is the LRU order.
      this.entries.delete(document.uri);
      this.entries.set(document.uri, hit);
      return hit;
    }
    const next = reparseCables(hit?.parsed, document.getText());
    if (next.full) detachStrings(next.doc.cables);
    const entry = new CacheEntry(document.uri, document.version, next.doc, hit && !next.full ? { entry: hit, origins: next.origins } : undefined);
    this.entries.delete(document.uri);
    this.entries.set(document.uri, entry);
    while (this.entries.size > Math.max(1, this.capacity)) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return entry;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Replaces the model's longer strings by copies of their own. Substrings share the memory of the text they were
 * cut from, so the cables of a full parse would keep that version of the text alive (20 MB for a 10 MB file of
 * two-byte text) after edits have replaced it, for as long as any of those cables is kept.
 */
export function detachStrings(value: unknown): void {
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (typeof x === 'string') v[i] = detached(x);
        else if (typeof x === 'object' && x !== null) walk(x);
      }
      return;
    }
    const o = v as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      const x = o[key];
      if (typeof x === 'string') o[key] = detached(x);
      else if (typeof x === 'object' && x !== null) walk(x);
    }
  };
  if (typeof value === 'object' && value !== null) walk(value);
}

/** Short strings are copied by the engine anyway; longer ones are rebuilt so they own their characters. */
function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
