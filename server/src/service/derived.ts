/** Results derived from a parse and memoised on its cache entry: one computation per document version. */
import { buildOutline } from '../outline/outline';
import { buildElementIndex, type ElementIndex } from './elements';
import { CompactOutline } from './outlineStore';
import type { CableResult, CacheEntry } from './workspaceCache';

/**
 * The outline, built cable by cable (a cable's outline does not depend on the others) and kept per cable across
 * versions, compactly (outlineStore.ts): each node's offsets are as computed, to be moved by the result's `delta`.
 * A cable's outline is built again when the cable's index changed (an untitled cable is named `Cable <n>`).
 */
export function outlineOf(entry: CacheEntry): CableResult<CompactOutline>[] {
  return entry.memo('outline', () => {
    const doc = entry.parsed;
    const out: CableResult<CompactOutline>[] = new Array(doc.cables.length);
    for (let k = 0; k < out.length; k++) out[k] = entry.cableResult('outline', k, (cable) => CompactOutline.of(buildOutline({ ...doc, cables: [cable] })[0]));
    return out;
  });
}

export function elementIndexOf(entry: CacheEntry): ElementIndex {
  return entry.memo('elements', () => buildElementIndex(entry.parsed));
}
