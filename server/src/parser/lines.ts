/** The document split into lines, each with a normalised copy used for matching. */

export interface Line {
  index: number;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character, before the line break. */
  end: number;
  /** NBSP folded to space, control characters to space, trailing white space removed. Same length or shorter. */
  text: string;
  /** Number of leading spaces/tabs in `text`. */
  indent: number;
}

/**
 * Lines longer than this are matched only on their prefix: no cable line is this long, and it keeps every
 * per-line pattern bounded on a 10 MB single-line file.
 */
export const MATCH_PREFIX = 4000;

export function splitLines(text: string, lineStarts: readonly number[]): Line[] {
  const lines: Line[] = new Array(lineStarts.length);
  // Most files have nothing to fold: one search over the text spares a replace per line.
  FOLD.lastIndex = 0;
  const fold = FOLD.test(text);
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i];
    let end = i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length;
    if (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    const raw = text.slice(start, Math.min(end, start + MATCH_PREFIX));
    const normal = fold ? normalise(raw) : raw.trimEnd();
    let indent = 0;
    while (indent < normal.length && (normal.charCodeAt(indent) === 32 || normal.charCodeAt(indent) === 9)) indent++;
    lines[i] = { index: i, start, end, text: normal, indent };
  }
  return lines;
}

// Folding keeps offsets aligned: every replaced character becomes exactly one space.
const FOLD = /[\u00a0\u0000-\u0008\u000b\u000c\u000e-\u001f\ufeff\u2000-\u200b\u3000]/g;

export function normalise(raw: string): string {
  return raw.replace(FOLD, ' ').trimEnd();
}

export function isBlank(line: Line): boolean {
  return line.indent === line.text.length;
}
