/** Results derived from a parse and memoised on its cache entry: one computation per document version. */
import { buildOutline, type OutlineNode } from '../outline/outline';
import { buildElementIndex, type ElementIndex } from './elements';
import type { CacheEntry } from './workspaceCache';

/** The outline, built cable by cable (a cable's outline does not depend on the others) and kept per cable. */
export function outlineOf(entry: CacheEntry): OutlineNode[] {
  return entry.memo('outline', () => {
    const doc = entry.parsed;
    const out: OutlineNode[] = new Array(doc.cables.length);
    for (let k = 0; k < out.length; k++) out[k] = entry.cableMemo('outline', k, (cable) => buildOutline({ ...doc, cables: [cable] })[0]);
    return out;
  });
}

export function elementIndexOf(entry: CacheEntry): ElementIndex {
  return entry.memo('elements', () => buildElementIndex(entry.parsed));
}
