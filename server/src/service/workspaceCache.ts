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
import { reparseCables, type CableOrigin } from '../parser/incremental';
import type { Cable, ParsedDocument } from '../parser/model';
import type { ServiceDocument } from './types';

/**
 * A per-cable result as it was computed, and where its cable is now. Results are never changed once computed: an
 * edit before the cable only adds to `delta`, which readers add to the result's `start`/`end` offsets as they
 * convert them. (Copying the results moved, as before, rebuilt half of a 10 MB file's outline after every
 * keystroke and kept the copies.)
 */
export interface CableResult<T> {
  readonly value: T;
  /** How far the cable moved since the value was computed: add to every offset in it. */
  readonly delta: number;
  /** The cable's index when the value was computed (values that name their cable must be renumbered). */
  readonly index: number;
}

/** One key's per-cable results: values by cable index, with the move and the index each was computed at. */
class PerCable {
  constructor(
    readonly values: unknown[],
    readonly deltas: Int32Array,
    readonly indexes: Int32Array,
  ) {}

  static empty(n: number): PerCable {
    return new PerCable(new Array(n).fill(undefined), new Int32Array(n), new Int32Array(n));
  }

  /** The results of the cables the new version kept (moved or renumbered), by their new index. */
  carried(origins: readonly CableOrigin[]): PerCable | null {
    const next = PerCable.empty(origins.length);
    let any = false;
    for (let k = 0; k < origins.length; k++) {
      const o = origins[k];
      if (o.from < 0 || o.from >= this.values.length || this.values[o.from] === undefined) continue;
      next.values[k] = this.values[o.from];
      next.deltas[k] = this.deltas[o.from] + o.delta;
      next.indexes[k] = this.indexes[o.from];
      any = true;
    }
    return any ? next : null;
  }
}

export class CacheEntry {
  private readonly derived = new Map<string, unknown>();
  private readonly perCable = new Map<string, PerCable>();

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly parsed: ParsedDocument,
    previous?: { entry: CacheEntry; origins: readonly CableOrigin[] },
  ) {
    if (!previous) return;
    for (const [key, held] of previous.entry.perCable) {
      const carried = held.carried(previous.origins);
      if (carried) this.perCable.set(key, carried);
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
   * The result of `compute` for cable `k`: computed once per cable, and carried over from earlier versions while
   * the cable is unchanged (see `CableResult`: the reader moves offsets by `delta`). A result computed when the
   * cable had another index is reused only when `indexFree` says the value does not depend on it.
   */
  cableResult<T>(key: string, k: number, compute: (cable: Cable) => T, indexFree = false): CableResult<T> {
    let held = this.perCable.get(key);
    if (!held) this.perCable.set(key, (held = PerCable.empty(this.parsed.cables.length)));
    const value = held.values[k];
    if (value !== undefined && (indexFree || held.indexes[k] === k)) return { value: value as T, delta: held.deltas[k], index: held.indexes[k] };
    const fresh = compute(this.parsed.cables[k]);
    held.values[k] = fresh;
    held.deltas[k] = 0;
    held.indexes[k] = k;
    return { value: fresh, delta: 0, index: k };
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
    // Cables parsed now (all of them, or the window around the edit) hold slices of this version's text, and
    // they are kept across the next versions: they get strings of their own.
    const interned = new Map<string, string>();
    for (let k = 0; k < next.origins.length; k++) if (next.origins[k].from < 0) detachStrings(next.doc.cables[k], interned);
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
 * Replaces the strings inside `value` (model nodes, findings) by compact copies of their own. A substring is a view
 * of the text it was cut from, so cables kept across edits would keep that version of the text alive (20 MB for a
 * 10 MB file of two-byte text). Equal strings share one copy (`interned`: a 10 MB file has 5 700 `INFO ` and 5 300
 * `(C)` tokens).
 */
export function detachStrings(value: unknown, interned = new Map<string, string>()): void {
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (typeof x === 'string') v[i] = ownCopy(x, interned);
        else if (typeof x === 'object' && x !== null) walk(x);
      }
      return;
    }
    const o = v as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      const x = o[key];
      if (typeof x === 'string') o[key] = ownCopy(x, interned);
      else if (typeof x === 'object' && x !== null) walk(x);
    }
  };
  if (typeof value === 'object' && value !== null) walk(value);
}

/**
 * A flat copy of `s`. The JSON parser builds a new sequential string, one byte per character whenever every
 * character fits: slices of a text holding a single non-Latin-1 character are two bytes per character, and the
 * former `(' ' + s).slice(1)` kept a view of a copy one character longer (98 bytes for a 28-character token against
 * 41 for this one, measured).
 */
function ownCopy(s: string, interned: Map<string, string>): string {
  if (s.length === 0) return '';
  let copy = interned.get(s);
  if (copy === undefined) {
    copy = JSON.parse(JSON.stringify(s)) as string;
    interned.set(copy, copy);
  }
  return copy;
}
