/**
 * Outline: the document symbols are the outline tree of outline.ts (the same tree the CLI prints), converted to
 * LSP `DocumentSymbol`s. A file with one cable shows that cable's parts at the top level; a file with several
 * shows one node per cable.
 *
 * The conversion also makes the tree safe for editors: names are never empty, each selection range lies inside
 * its range, children lie inside their parent, and siblings do not overlap (a paragraph's span may run over the
 * heading that follows it; the symbol stops before it).
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { OutlineKind, OutlineNode } from '../outline/outline';
import type { ParsedDocument, Span } from '../parser/model';
import { outlineOf } from './derived';
import { Budget } from './limits';
import { rangeOf } from './positions';
import type { Cancellation } from './types';
import type { CacheEntry } from './workspaceCache';

/** One symbol kind per outline kind (documented in docs/server.md, "Outline"). */
export const SYMBOL_KINDS: Readonly<Record<OutlineKind, SymbolKind>> = Object.freeze({
  cable: SymbolKind.File,
  metadata: SymbolKind.Namespace,
  envelope: SymbolKind.Package,
  addressee: SymbolKind.Field,
  banner: SymbolKind.Constant,
  caption: SymbolKind.EnumMember,
  subject: SymbolKind.String,
  references: SymbolKind.Array,
  reference: SymbolKind.Key,
  classifiedBy: SymbolKind.Property,
  summary: SymbolKind.Event,
  comment: SymbolKind.Object,
  note: SymbolKind.Struct,
  heading: SymbolKind.Module,
  paragraph: SymbolKind.Number,
  signature: SymbolKind.Variable,
});

export interface SymbolResult {
  symbols: DocumentSymbol[];
  /** True when the cap cut the result. */
  limited: boolean;
}

export function getDocumentSymbols(entry: CacheEntry, maxItems: number, token: Cancellation): SymbolResult {
  const outline = outlineOf(entry);
  const roots = outline.length === 1 ? outline[0].children : outline;
  const budget = new Budget(maxItems);
  const included = breadthFirst(roots, budget);
  const doc = entry.parsed;
  const whole = { start: 0, end: doc.text.length };
  const symbols = convertSiblings(doc, roots, whole, included, token);
  if (token.isCancellationRequested) return { symbols: [], limited: false };
  return { symbols, limited: budget.exceeded };
}

/**
 * The nodes kept under the cap, level by level: in a file of many cables every cable is listed before any
 * cable's paragraphs, so the outline still reaches the end of the file.
 */
function breadthFirst(roots: OutlineNode[], budget: Budget): Set<OutlineNode> {
  const kept = new Set<OutlineNode>();
  const queue = [...roots];
  for (let i = 0; i < queue.length; i++) {
    if (!budget.take()) break;
    kept.add(queue[i]);
    queue.push(...queue[i].children);
  }
  return kept;
}

function convertSiblings(doc: ParsedDocument, nodes: OutlineNode[], parent: Span, included: Set<OutlineNode>, token: Cancellation): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  // Equal starts: the shorter first, so the longer one (a banner spanning a caption written above it) starts
  // after it instead of covering it.
  const sorted = [...nodes].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let prevEnd = parent.start;
  for (let k = 0; k < sorted.length; k++) {
    if (token.isCancellationRequested) return out;
    const n = sorted[k];
    if (!included.has(n)) continue;
    const next = sorted[k + 1];
    const range = clipRange(doc, n, parent, next ? next.range.start : null, prevEnd);
    if (!range) continue;
    prevEnd = range.end;
    const selection = clampInside(n.selectionRange, range);
    const symbol: DocumentSymbol = {
      name: cleanName(n.name, n.kind),
      kind: SYMBOL_KINDS[n.kind] ?? SymbolKind.Object,
      range: rangeOf(doc, range),
      selectionRange: rangeOf(doc, selection),
    };
    const detail = n.detail.trim();
    if (detail) symbol.detail = detail;
    if (n.children.length > 0) {
      const children = convertSiblings(doc, n.children, range, included, token);
      if (children.length > 0) symbol.children = children;
    }
    out.push(symbol);
  }
  return out;
}

/** The node's span inside its parent, after the previous sibling and stopped before the next; null when nothing is left. */
function clipRange(doc: ParsedDocument, n: OutlineNode, parent: Span, nextStart: number | null, prevEnd: number): Span | null {
  let start = Math.max(n.range.start, parent.start);
  if (prevEnd > start) {
    start = prevEnd;
    while (start < n.range.end && /\s/.test(doc.text[start])) start++;
  }
  let end = Math.min(n.range.end, parent.end);
  if (nextStart !== null && end > nextStart && nextStart > start) {
    end = nextStart;
    while (end > start && /\s/.test(doc.text[end - 1])) end--;
    // Never cut into the node's own label.
    end = Math.max(end, Math.min(n.selectionRange.end, nextStart));
  }
  if (end < start) return null;
  if (end === start && n.range.end > n.range.start) return null;
  start = Math.min(start, end);
  return { start, end };
}

function clampInside(inner: Span, outer: Span): Span {
  const start = Math.min(Math.max(inner.start, outer.start), outer.end);
  const end = Math.max(start, Math.min(inner.end, outer.end));
  return { start, end };
}

/** Editors reject empty names; control characters and runs of blanks make ugly ones. */
function cleanName(name: string, kind: OutlineKind): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!clean) return kind;
  return clean.length > 200 ? `${clean.slice(0, 199)}…` : clean;
}
