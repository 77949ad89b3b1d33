/** Results derived from a parse and memoised on its cache entry: one computation per document version. */
import { buildOutline, type OutlineNode } from '../outline/outline';
import { buildElementIndex, type ElementIndex } from './elements';
import type { CacheEntry } from './workspaceCache';

export function outlineOf(entry: CacheEntry): OutlineNode[] {
  return entry.memo('outline', () => buildOutline(entry.parsed));
}

export function elementIndexOf(entry: CacheEntry): ElementIndex {
  return entry.memo('elements', () => buildElementIndex(entry.parsed));
}
