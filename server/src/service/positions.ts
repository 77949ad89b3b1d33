/**
 * Offsets (the parser's UTF-16 spans) <-> LSP positions and ranges. Positions from a client are checked
 * strictly: a line past the end, or a character past the end of its line, is "nowhere" (null), so a bad
 * request gets an empty answer instead of silently landing on a neighbouring line.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { lineOf } from '../parser/lineIndex';
import type { ParsedDocument, Span } from '../parser/model';

/** End of line `line`'s content (before its line break). */
export function lineContentEnd(doc: ParsedDocument, line: number): number {
  const next = line + 1 < doc.lineStarts.length ? doc.lineStarts[line + 1] : doc.text.length;
  let end = next;
  if (end > doc.lineStarts[line] && doc.text.charCodeAt(end - 1) === 10) end--;
  if (end > doc.lineStarts[line] && doc.text.charCodeAt(end - 1) === 13) end--;
  return end;
}

export function positionOf(doc: ParsedDocument, offset: number): Position {
  const o = Math.max(0, Math.min(offset, doc.text.length));
  const line = lineOf(doc.lineStarts, o);
  return { line, character: o - doc.lineStarts[line] };
}

export function rangeOf(doc: ParsedDocument, span: Span): Range {
  const start = positionOf(doc, span.start);
  const end = positionOf(doc, Math.max(span.start, span.end));
  return { start, end };
}

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

/** Offset of a client position, or null when the position is not inside the document. */
export function offsetOf(doc: ParsedDocument, pos: Position | null | undefined): number | null {
  if (!pos || !isInt(pos.line) || !isInt(pos.character) || pos.line < 0 || pos.character < 0) return null;
  if (pos.line >= doc.lineStarts.length) return null;
  const start = doc.lineStarts[pos.line];
  const end = lineContentEnd(doc, pos.line);
  if (start + pos.character > end) return null;
  return start + pos.character;
}

/** Offsets of a client range, clamped into the document; null if either end is malformed. */
export function spanOfRange(doc: ParsedDocument, range: Range | null | undefined): Span | null {
  if (!range) return null;
  const clamp = (p: Position): number | null => {
    if (!p || !isInt(p.line) || !isInt(p.character)) return null;
    if (p.line < 0) return 0;
    if (p.line >= doc.lineStarts.length) return doc.text.length;
    return Math.min(doc.lineStarts[p.line] + Math.max(0, p.character), lineContentEnd(doc, p.line));
  };
  const a = clamp(range.start);
  const b = clamp(range.end);
  if (a === null || b === null) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** Line of the last non-blank character before `end` (for folding ends), never before `start`'s line. */
export function lastContentLine(doc: ParsedDocument, start: number, end: number): number {
  let e = Math.min(end, doc.text.length);
  while (e > start && /\s/.test(doc.text[e - 1])) e--;
  return lineOf(doc.lineStarts, Math.max(start, e - 1));
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
