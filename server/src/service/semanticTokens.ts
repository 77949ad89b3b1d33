/**
 * Semantic tokens for what the parser reads and a line grammar cannot see: a heading told by the blank line after it
 * (`Praise and Thanks for Nuanced USG Lobbying`, any case), a heading wrapped over two lines, and the signature (the
 * grammar cannot tell `HOAGLAND` from a one-word heading). The editor lays them over the grammar's colours; the
 * extension maps each type to the grammar's own scope (package.json `semanticTokenScopes`), so a theme colours a
 * heading the same whichever of the two found it.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import { isTrimSpace } from '../parser/chars';
import { cableEnd, cableStart } from '../parser/incremental';
import { lineOf } from '../parser/lineIndex';
import type { Cable, ParsedDocument, Span } from '../parser/model';
import { readPortionMark } from '../parser/portionMark';
import { lineContentEnd } from './positions';
import type { Cancellation } from './types';
import type { CacheEntry } from './workspaceCache';

/** Token types by index, as the legend sends them. */
export const SEMANTIC_TOKEN_TYPES = ['cableHeading', 'cableSignature'] as const;
export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [] };

const HEADING = 0;
const SIGNATURE = 1;

/** A token's span in the document and its type's index; a span may cover several lines (split when encoded). */
interface Marked {
  start: number;
  end: number;
  type: number;
}

/**
 * Tokens of the whole document, or of the lines `range` touches: `data` as LSP encodes it (line and start relative
 * to the token before, length in UTF-16 units, one line per token).
 */
export function getSemanticTokens(entry: CacheEntry, range: Span | null, token: Cancellation): SemanticTokens {
  const doc = entry.parsed;
  const data: number[] = [];
  let lastLine = 0;
  let lastChar = 0;
  /** Tokens may not overlap: one that starts before the last one's end is left out. */
  let lastEnd = 0;
  const emit = (line: number, char: number, length: number, type: number) => {
    data.push(line - lastLine, line === lastLine ? char - lastChar : char, length, type, 0);
    lastLine = line;
    lastChar = char;
  };
  for (let k = 0; k < doc.cables.length; k++) {
    if (k % 64 === 0 && token.isCancellationRequested) return { data: [] };
    // (Read without the cable: a cable after an edit is moved when read, which a keystroke in a long file must not do.)
    if (range && (cableEnd(doc.cables, k) < range.start || cableStart(doc.cables, k) > range.end)) continue;
    // Kept per cable, as computed: an edit in another cable of a long file only moves them (`delta`).
    const kept = entry.cableResult('semanticTokens', k, (c) => cableTokens(doc, c), true);
    for (const m of kept.value) {
      const start = m.start + kept.delta;
      const end = m.end + kept.delta;
      if (range && (end < range.start || start > range.end)) continue;
      for (let line = lineOf(doc.lineStarts, start); line < doc.lineStarts.length && doc.lineStarts[line] < end; line++) {
        const a = Math.max(start, doc.lineStarts[line]);
        const b = Math.min(end, lineContentEnd(doc, line));
        const [from, to] = trimmed(doc.text, a, b);
        if (to > from && from >= lastEnd) {
          emit(line, from - doc.lineStarts[line], to - from, m.type);
          lastEnd = to;
        }
      }
    }
  }
  return { data };
}

/** A cable's headings and signature in document order, each heading without the portion mark it starts with. */
function cableTokens(doc: ParsedDocument, cable: Cable): Marked[] {
  const out: Marked[] = [];
  for (const h of cable.headings) {
    // `(C) KEY POINTS`: the mark keeps the grammar's colour of its level.
    const mark = doc.text.charCodeAt(h.start) === 40 ? readPortionMark(doc.text, h.start, 0, false) : null;
    const start = mark && mark.level !== null && mark.end < h.end ? mark.end : h.start;
    if (h.end > start) out.push({ start, end: h.end, type: HEADING });
  }
  const sig = cable.signature;
  if (sig && sig.end > sig.start) out.push({ start: sig.start, end: sig.end, type: SIGNATURE });
  return out.sort((x, y) => x.start - y.start);
}

/** `[a, b)` without the white space at either end. */
function trimmed(text: string, a: number, b: number): [number, number] {
  while (a < b && isTrimSpace(text.charCodeAt(a))) a++;
  while (b > a && isTrimSpace(text.charCodeAt(b - 1))) b--;
  return [a, b];
}
