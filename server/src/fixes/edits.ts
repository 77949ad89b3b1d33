/** Applying offset-based text edits (pure): used by tests, the CLI `--fix` and anything that previews a fix. */
import type { TextEdit } from '../rules/types';

/**
 * Applies non-overlapping edits to `text`. Edits are applied from the end so earlier offsets stay valid.
 * Overlapping edits are a programming error in a fix and throw.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.span.start < 0 || e.span.end > text.length || e.span.start > e.span.end) throw new RangeError(`Edit out of range: ${e.span.start}-${e.span.end}`);
    if (e.span.end > limit) throw new RangeError(`Overlapping edits at ${e.span.start}-${e.span.end}`);
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    limit = e.span.start;
  }
  return out;
}
