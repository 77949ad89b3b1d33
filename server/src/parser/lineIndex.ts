/** Offset <-> line/character conversion over a parsed document's `lineStarts` (binary search, O(log n)). */

export interface LineCharacter {
  line: number;
  character: number;
}

/** Offsets where each line starts. A line ends at LF, CR or CRLF. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // The common case: LF only, found by the native search.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function lineOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function positionAt(lineStarts: readonly number[], offset: number): LineCharacter {
  const line = lineOf(lineStarts, Math.max(0, offset));
  return { line, character: Math.max(0, offset) - lineStarts[line] };
}

export function offsetAt(lineStarts: readonly number[], textLength: number, pos: LineCharacter): number {
  if (pos.line < 0) return 0;
  if (pos.line >= lineStarts.length) return textLength;
  const start = lineStarts[pos.line];
  const next = pos.line + 1 < lineStarts.length ? lineStarts[pos.line + 1] : textLength;
  return Math.min(start + Math.max(0, pos.character), next);
}
