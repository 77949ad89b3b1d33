/**
 * Selection ranges (expand selection): word -> token (RI, mark, DTG...) -> its line element (addressee, DE line,
 * E.O. line...) -> line -> paragraph / block / heading section / envelope / caption block -> cable -> file.
 * Every candidate span holding the caret is collected, then kept as a strictly growing nested chain.
 */
import type { Position, SelectionRange } from 'vscode-languageserver-types';
import type { Cable, ParsedDocument, Span } from '../parser/model';
import { lineOf } from '../parser/lineIndex';
import { elementIndexOf } from './derived';
import { cableIndexAt, elementAt } from './elements';
import { lineContentEnd, offsetOf, rangeOf } from './positions';
import type { Cancellation } from './types';
import type { CacheEntry } from './workspaceCache';

const holds = (s: Span, o: number) => s.start <= o && o <= s.end;

function wordAt(doc: ParsedDocument, offset: number): Span | null {
  const isWord = (i: number) => i >= 0 && i < doc.text.length && /[\p{L}\p{N}]/u.test(doc.text[i]);
  let a = offset;
  let b = offset;
  while (isWord(a - 1)) a--;
  while (isWord(b)) b++;
  return b > a ? { start: a, end: b } : null;
}

function lineSpan(doc: ParsedDocument, offset: number): Span {
  const line = lineOf(doc.lineStarts, offset);
  let start = doc.lineStarts[line];
  const end = lineContentEnd(doc, line);
  while (start < end && /[ \t]/.test(doc.text[start])) start++;
  return { start, end };
}

function structural(c: Cable, offset: number): Span[] {
  const out: Span[] = [c];
  const add = (s: Span | null | undefined) => {
    if (s && holds(s, offset)) out.push({ start: s.start, end: s.end });
  };
  add(c.metadata);
  add(c.envelope);
  add(c.captionBlock);
  add(c.subject);
  add(c.references);
  add(c.classifiedBy);
  add(c.eo);
  add(c.tags);
  add(c.body);
  const headingStarts = c.headings.map((h) => h.start);
  c.headings.forEach((h, k) => {
    const next = headingStarts[k + 1];
    add(next !== undefined && next < h.section.end ? { start: h.section.start, end: next } : h.section);
  });
  for (const p of c.paragraphs) {
    const next = headingStarts.find((s) => s > p.start);
    add(next !== undefined && next < p.end ? { start: p.start, end: next } : p);
  }
  for (const b of c.blocks) add(b);
  return out;
}

function chainAt(entry: CacheEntry, offset: number): SelectionRange {
  const doc = entry.parsed;
  const spans: Span[] = [];
  const word = wordAt(doc, offset);
  if (word) spans.push(word);
  const el = elementAt(doc, elementIndexOf(entry), offset);
  if (el) {
    spans.push(el.span);
    if (el.owner) spans.push(el.owner);
  }
  spans.push(lineSpan(doc, offset));
  const k = cableIndexAt(doc, offset);
  if (k >= 0) spans.push(...structural(doc.cables[k], offset));
  spans.push({ start: 0, end: doc.text.length });
  const candidates = spans.filter((s) => holds(s, offset)).sort((a, b) => a.end - a.start - (b.end - b.start));
  const chain: Span[] = [];
  for (const s of candidates) {
    const last = chain[chain.length - 1];
    if (!last || (s.start <= last.start && last.end <= s.end && s.end - s.start > last.end - last.start)) chain.push(s);
  }
  let parent: SelectionRange | undefined;
  for (let i = chain.length - 1; i >= 0; i--) parent = { range: rangeOf(doc, chain[i]), parent };
  return parent ?? { range: rangeOf(doc, { start: offset, end: offset }) };
}

export function getSelectionRanges(entry: CacheEntry, positions: readonly Position[], token: Cancellation): SelectionRange[] {
  if (!Array.isArray(positions)) return [];
  const offsets = positions.map((p) => offsetOf(entry.parsed, p));
  if (offsets.some((o) => o === null)) return [];
  const out: SelectionRange[] = [];
  for (const o of offsets) {
    if (token.isCancellationRequested) return [];
    out.push(chainAt(entry, o as number));
  }
  return out;
}
