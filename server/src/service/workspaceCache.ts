/**
 * One parse per document version. Every feature reads the same `ParsedDocument`; results derived from it
 * (outline, element index, lint findings) are memoised on the entry, so they too are computed once per
 * version. Entries are dropped when a document closes (`delete`) or, least recently used first, when more than
 * `capacity` documents have been seen.
 */
import { parseCables } from '../parser/index';
import type { ParsedDocument } from '../parser/model';
import type { ServiceDocument } from './types';

export class CacheEntry {
  private readonly derived = new Map<string, unknown>();

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly parsed: ParsedDocument,
  ) {}

  /** The value of `compute` for this version, computed on first use. */
  memo<T>(key: string, compute: () => T): T {
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = compute();
    this.derived.set(key, value);
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
    const entry = new CacheEntry(document.uri, document.version, parseCables(document.getText()));
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
