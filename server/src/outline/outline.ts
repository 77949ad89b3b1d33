/**
 * The outline of a cable as a tree of plain nodes (offsets). The editor's document symbols, the CLI's
 * `--outline` view and the JSON `outline` field are all this tree.
 */
import type { Cable, Paragraph, ParsedDocument, Span } from '../parser/model';

export type OutlineKind =
  | 'cable'
  | 'metadata'
  | 'envelope'
  | 'addressee'
  | 'banner'
  | 'caption'
  | 'subject'
  | 'references'
  | 'reference'
  | 'classifiedBy'
  | 'summary'
  | 'comment'
  | 'note'
  | 'heading'
  | 'paragraph'
  | 'signature';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: OutlineKind;
  range: Span;
  selectionRange: Span;
  children: OutlineNode[];
}

const ROLE_LABEL = { from: 'FM', to: 'TO', info: 'INFO', xmt: 'XMT' } as const;

function node(kind: OutlineKind, name: string, range: Span, detail = '', selection: Span = range): OutlineNode {
  return { name: name || kind, detail, kind, range: { start: range.start, end: range.end }, selectionRange: { start: selection.start, end: selection.end }, children: [] };
}

/** One top-level node per cable. */
export function buildOutline(doc: ParsedDocument): OutlineNode[] {
  return doc.cables.map((c) => {
    const title = [c.identifier, c.subject?.text ?? c.metadata?.title?.value.text].filter(Boolean).join(' ');
    const n = node('cable', title || `Cable ${c.index + 1}`, c, c.banner?.normalized ?? '', c.banner ?? c.metadata ?? c);
    n.children = cableChildren(c);
    return n;
  });
}

export function paragraphLabel(p: Paragraph): string {
  const num = `${p.number}${p.subLetter ?? ''}.`;
  const words = shorten(p.preview, 45);
  return [num, p.marking ? p.marking.raw : '', words].filter(Boolean).join(' ');
}

function shorten(text: string, max: number): string {
  const t = text.replace(/\.\.\.$/, '');
  if (t.length <= max && !text.endsWith('...')) return t;
  const cut = t.lastIndexOf(' ', max);
  return `${t.slice(0, cut > 15 ? cut : max).replace(/(?<![\s,;:])[\s,;:]+$/, '')}...`;
}

function cableChildren(c: Cable): OutlineNode[] {
  const out: OutlineNode[] = [];
  if (c.metadata) out.push(node('metadata', 'Metadata', c.metadata, c.metadata.identifier?.value.text ?? ''));
  if (c.envelope) {
    const e = c.envelope;
    const env = node('envelope', 'Envelope', e, e.dtg?.group.text ?? '');
    for (const role of ['from', 'to', 'info', 'xmt'] as const) {
      for (const a of e[role]) {
        env.children.push(node('addressee', `${ROLE_LABEL[role]} ${a.name.text}`, a, [a.route?.text, a.precedence?.text].filter(Boolean).join(' '), a.name));
      }
    }
    out.push(env);
  }
  if (c.banner) {
    // The banner node spans the banner line and its caption and passing lines (the E.O., TAGS, SUBJECT lines
    // that follow have nodes of their own); a caption may precede the banner in damaged texts.
    const stop = Math.min(...[c.eo, c.tags, c.subject, c.references, c.classifiedBy].map((x) => (x && x.start > c.banner!.start ? x.start : Infinity)));
    const parts: Span[] = [c.banner, ...c.captions, ...c.passingLines].filter((x) => x === c.banner || x.start < stop);
    const range = { start: Math.min(...parts.map((x) => x.start)), end: Math.max(...parts.map((x) => x.end)) };
    const b = node('banner', lineText(c, c.banner), range, c.banner.level ?? '', c.banner);
    for (const cap of c.captions) if (cap.start >= range.start && cap.end <= range.end) b.children.push(node('caption', cap.normalized, cap, cap.known ? '' : 'unknown caption'));
    out.push(b);
  }
  if (c.subject) out.push(node('subject', `Subject: ${c.subject.text}`, c.subject, c.subject.marking?.normalized ?? '', c.subject.label));
  if (c.references) {
    const r = node('references', 'References', c.references, `${c.references.items.length}`, c.references.label);
    for (const it of c.references.items) r.children.push(node('reference', `${it.letter ? `${it.letter}. ` : ''}${it.text}`, it, it.cableId ?? ''));
    out.push(r);
  }
  let classifiedBy: OutlineNode | null = null;
  if (c.classifiedBy) {
    const reasons = c.classifiedBy.reasons.map((x) => x.text).join(', ');
    classifiedBy = node('classifiedBy', 'Classified By', c.classifiedBy, [c.classifiedBy.section?.text, reasons].filter(Boolean).join(' '), c.classifiedBy.label);
  }
  const bodyNodes: OutlineNode[] = [];
  const headings = c.headings.map((h) => node('heading', h.text, h.section, '', h));
  const paragraphs = c.paragraphs.map((p) => node('paragraph', paragraphLabel(p), p, p.marking?.normalized ?? '', p.numberToken));
  c.paragraphs.forEach((p, k) => (p.heading >= 0 && headings[p.heading] ? headings[p.heading].children : bodyNodes).push(paragraphs[k]));
  bodyNodes.push(...headings);
  for (const blk of c.blocks) {
    if (blk.kind === 'TEXT' || blk.kind === 'QUOTE' || blk.kind === 'NOTE') continue; // asides are too small to navigate by
    const bn = node(blk.kind === 'SUMMARY' ? 'summary' : 'comment', blk.kind === 'SUMMARY' ? 'Summary' : 'Comment', blk, blk.close ? '' : 'unclosed', blk.open);
    placeBlock(bodyNodes, bn);
  }
  if (classifiedBy) {
    // A Classified By statement written inside the body (as paragraph 1, or after a heading) nests where it stands.
    const host = deepestContaining(bodyNodes, classifiedBy.range);
    if (host) insertSorted(host.children, classifiedBy);
    else out.push(classifiedBy);
  }
  bodyNodes.sort((x, y) => x.range.start - y.range.start);
  out.push(...bodyNodes);
  if (c.signature) out.push(node('signature', `Signature: ${c.signature.text}`, c.signature));
  return out;
}

/**
 * Puts a SUMMARY/COMMENT node where it nests: inside the paragraph or heading that holds it, or around the
 * whole paragraphs it spans (`1. (C) SUMMARY: ...` to `2. ... END SUMMARY.`). One that cuts across a heading is
 * left to folding.
 */
function placeBlock(siblings: OutlineNode[], bn: OutlineNode): void {
  const r = bn.range;
  const holder = siblings.find((n) => n.range.start <= r.start && r.end <= n.range.end);
  if (holder) {
    if (holder.kind === 'paragraph') insertSorted(holder.children, bn);
    else placeBlock(holder.children, bn);
    return;
  }
  const touched = siblings.filter((n) => n.range.start < r.end && r.start < n.range.end);
  if (touched.some((n) => n.kind !== 'paragraph')) return;
  bn.range = { start: Math.min(r.start, ...touched.map((n) => n.range.start)), end: Math.max(r.end, ...touched.map((n) => n.range.end)) };
  bn.children = touched;
  for (const t of touched) siblings.splice(siblings.indexOf(t), 1);
  insertSorted(siblings, bn);
}

function deepestContaining(nodes: OutlineNode[], r: Span): OutlineNode | null {
  for (const n of nodes) {
    if (n.range.start <= r.start && r.end <= n.range.end) return deepestContaining(n.children, r) ?? n;
  }
  return null;
}

function insertSorted(nodes: OutlineNode[], n: OutlineNode): void {
  const at = nodes.findIndex((x) => x.range.start > n.range.start);
  nodes.splice(at < 0 ? nodes.length : at, 0, n);
}

function lineText(c: Cable, span: Span): string {
  const parts = [c.banner?.designation.text, c.banner?.section ? `SECTION ${c.banner.section.indexToken.text} OF ${c.banner.section.totalToken.text}` : '', c.banner?.mrn ? `${c.banner.mrn.post.text} ${c.banner.mrn.serial.text}` : ''];
  return parts.filter(Boolean).join(' ') || `${span.start}`;
}
