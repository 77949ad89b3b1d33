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
import type { OutlineKind } from '../outline/outline';
import type { ParsedDocument, Span } from '../parser/model';
import { outlineOf } from './derived';
import { Budget } from './limits';
import { rangeOf } from './positions';
import type { Cancellation } from './types';
import type { CompactOutline } from './outlineStore';
import type { CableResult, CacheEntry } from './workspaceCache';

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
  const tree = new OutlineForest(outline);
  // One cable: its parts are the top level; several: one node per cable.
  const roots = outline.length === 1 ? tree.children(tree.id(0, 0)) : outline.map((_, k) => tree.id(k, 0));
  const budget = new Budget(maxItems);
  const included = breadthFirst(tree, roots, budget);
  const doc = entry.parsed;
  const whole = { start: 0, end: doc.text.length };
  const symbols = convertSiblings(doc, tree, roots, whole, included, token);
  if (token.isCancellationRequested) return { symbols: [], limited: false };
  return { symbols, limited: budget.exceeded };
}

/**
 * The outlines of all cables as one tree of numbered nodes: node `id` is node `id - first[k]` of cable k's outline,
 * whose offsets move by that cable's `delta` (outlines are kept as computed: workspaceCache.ts).
 */
class OutlineForest {
  /** Id of the first node of each cable, and one past the last. */
  private readonly first: Int32Array;

  constructor(private readonly outlines: readonly CableResult<CompactOutline>[]) {
    this.first = new Int32Array(outlines.length + 1);
    for (let k = 0; k < outlines.length; k++) this.first[k + 1] = this.first[k] + outlines[k].value.size;
  }

  get size(): number {
    return this.first[this.outlines.length];
  }

  id(k: number, node: number): number {
    return this.first[k] + node;
  }

  /** The cable holding node `id`. */
  cableOf(id: number): number {
    let lo = 0;
    let hi = this.outlines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.first[mid] <= id) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  children(id: number): number[] {
    const k = this.cableOf(id);
    const base = this.first[k];
    return this.outlines[k].value.children(id - base).map((c) => c + base);
  }

  /** The node's range, selection range, kind, name and detail, offsets moved to this version. */
  node(id: number): { range: Span; selection: Span; kind: OutlineKind; name: string; detail: string; hasChildren: boolean } {
    const k = this.cableOf(id);
    const { value: o, delta } = this.outlines[k];
    const i = id - this.first[k];
    return {
      range: { start: o.start(i) + delta, end: o.end(i) + delta },
      selection: { start: o.selectionStart(i) + delta, end: o.selectionEnd(i) + delta },
      kind: o.kind(i),
      name: o.name(i),
      detail: o.detail(i),
      hasChildren: o.hasChildren(i),
    };
  }
}

/**
 * The nodes kept under the cap, level by level: in a file of many cables every cable is listed before any
 * cable's paragraphs, so the outline still reaches the end of the file.
 */
function breadthFirst(tree: OutlineForest, roots: number[], budget: Budget): Uint8Array {
  const kept = new Uint8Array(tree.size);
  const queue = roots.slice();
  for (let i = 0; i < queue.length; i++) {
    if (!budget.take()) break;
    kept[queue[i]] = 1;
    for (const child of tree.children(queue[i])) queue.push(child);
  }
  return kept;
}

function convertSiblings(doc: ParsedDocument, tree: OutlineForest, ids: number[], parent: Span, included: Uint8Array, token: Cancellation): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  // Equal starts: the shorter first, so the longer one (a banner spanning a caption written above it) starts
  // after it instead of covering it.
  const nodes = ids.map((id) => tree.node(id));
  const order = ids.map((_, k) => k);
  order.sort((a, b) => nodes[a].range.start - nodes[b].range.start || nodes[a].range.end - nodes[b].range.end);
  let prevEnd = parent.start;
  for (let j = 0; j < order.length; j++) {
    if (token.isCancellationRequested) return out;
    const n = nodes[order[j]];
    const id = ids[order[j]];
    if (!included[id]) continue;
    const next = j + 1 < order.length ? nodes[order[j + 1]] : null;
    const range = clipRange(doc, n.range, n.selection, parent, next ? next.range.start : null, prevEnd);
    if (!range) continue;
    prevEnd = range.end;
    const selection = clampInside(n.selection, range);
    const symbol: DocumentSymbol = {
      name: cleanName(n.name, n.kind),
      kind: SYMBOL_KINDS[n.kind] ?? SymbolKind.Object,
      range: rangeOf(doc, range),
      selectionRange: rangeOf(doc, selection),
    };
    const detail = n.detail.trim();
    if (detail) symbol.detail = detail;
    if (n.hasChildren) {
      const children = convertSiblings(doc, tree, tree.children(id), range, included, token);
      if (children.length > 0) symbol.children = children;
    }
    out.push(symbol);
  }
  return out;
}

/** The node's span inside its parent, after the previous sibling and stopped before the next; null when nothing is left. */
function clipRange(doc: ParsedDocument, nodeRange: Span, selectionRange: Span, parent: Span, nextStart: number | null, prevEnd: number): Span | null {
  let start = Math.max(nodeRange.start, parent.start);
  if (prevEnd > start) {
    start = prevEnd;
    while (start < nodeRange.end && /\s/.test(doc.text[start])) start++;
  }
  let end = Math.min(nodeRange.end, parent.end);
  if (nextStart !== null && end > nextStart && nextStart > start) {
    end = nextStart;
    while (end > start && /\s/.test(doc.text[end - 1])) end--;
    // Never cut into the node's own label.
    end = Math.max(end, Math.min(selectionRange.end, nextStart));
  }
  if (end < start) return null;
  if (end === start && nodeRange.end > nodeRange.start) return null;
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
