/**
 * Folding ranges: each cable (when a file holds several), the metadata header, the envelope, the caption block,
 * a multi-line REF list, each heading's section, each paragraph, and SUMMARY/COMMENT/NOTE/quoted blocks (kind
 * `region`). Ranges are by line; a paragraph or section stops before the next heading. Editors keep one range per
 * start line, so when two start on the same line the outer one is kept (the block, if they are equal).
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import { lineOf } from '../parser/lineIndex';
import type { Cable, ParsedDocument, Span } from '../parser/model';
import { Budget } from './limits';
import { lastContentLine } from './positions';
import type { Cancellation } from './types';
import type { CacheEntry } from './workspaceCache';

export interface FoldingOptions {
  /** The client shows `collapsedText` (LSP 3.17). */
  collapsedText?: boolean;
}

export interface FoldingResult {
  ranges: FoldingRange[];
  limited: boolean;
}

interface Candidate {
  span: Span;
  kind?: FoldingRangeKind;
  label?: string;
}

export function getFoldingRanges(entry: CacheEntry, maxItems: number, token: Cancellation, options: FoldingOptions = {}): FoldingResult {
  const doc = entry.parsed;
  const byStart = new Map<number, FoldingRange>();
  for (let k = 0; k < doc.cables.length; k++) {
    if (k % 64 === 0 && token.isCancellationRequested) return { ranges: [], limited: false };
    const several = doc.cables.length > 1;
    // Candidates are kept per cable (plain spans), so an edit elsewhere in a long file does not rebuild them; their
    // offsets are as computed, moved here by the cable's `delta`.
    const kept = entry.cableResult(`folding:${several}`, k, (cable) => cableCandidates(doc, cable, several).map(plainCandidate), true);
    for (const cand of kept.value) {
      const r = toRange(doc, cand, options, kept.delta);
      if (!r) continue;
      const prev = byStart.get(r.startLine);
      if (!prev || r.endLine > prev.endLine || (r.endLine === prev.endLine && r.kind === FoldingRangeKind.Region && prev.kind !== FoldingRangeKind.Region)) {
        byStart.set(r.startLine, r);
      }
    }
  }
  const sorted = [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
  const budget = new Budget(maxItems);
  const ranges: FoldingRange[] = [];
  for (const r of sorted) {
    if (!budget.take()) break;
    ranges.push(r);
  }
  return { ranges, limited: budget.exceeded };
}

function toRange(doc: ParsedDocument, c: Candidate, options: FoldingOptions, delta: number): FoldingRange | null {
  if (c.span.end <= c.span.start) return null;
  const startLine = lineOf(doc.lineStarts, c.span.start + delta);
  const endLine = lastContentLine(doc, c.span.start + delta, c.span.end + delta);
  if (endLine <= startLine) return null;
  const r: FoldingRange = { startLine, endLine };
  if (c.kind) r.kind = c.kind;
  if (options.collapsedText && c.label) r.collapsedText = c.label;
  return r;
}

function plainCandidate(c: Candidate): Candidate {
  return { ...c, span: { start: c.span.start, end: c.span.end } };
}

/** `end` pulled back to `limit` when the span runs past it (a paragraph over the next heading). */
function before(span: Span, limit: number | undefined): Span {
  return limit !== undefined && limit > span.start && limit < span.end ? { start: span.start, end: limit } : span;
}

function cableCandidates(doc: ParsedDocument, c: Cable, several: boolean): Candidate[] {
  const out: Candidate[] = [];
  if (several) out.push({ span: c, label: [c.identifier, c.subject?.text].filter(Boolean).join(' ') || undefined });
  if (c.metadata) out.push({ span: c.metadata, label: c.metadata.identifier?.value.text });
  if (c.envelope) {
    const e = c.envelope;
    const fm = e.from[0]?.name.text;
    out.push({ span: e, label: [fm ? `FM ${fm}` : null, e.dtg?.group.text].filter(Boolean).join(' · ') || undefined });
  }
  if (c.captionBlock) out.push({ span: c.captionBlock, label: c.subject ? `SUBJECT: ${c.subject.text}` : undefined });
  if (c.references) out.push({ span: c.references });
  const headingStarts = c.headings.map((h) => h.start);
  const nextHeading = (offset: number) => headingStarts.find((s) => s > offset);
  c.headings.forEach((h, k) => out.push({ span: before(h.section, headingStarts[k + 1]) }));
  for (const p of c.paragraphs) out.push({ span: before(p, nextHeading(p.start)) });
  for (const b of c.blocks) out.push({ span: b, kind: FoldingRangeKind.Region });
  void doc;
  return out;
}
