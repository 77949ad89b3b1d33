/**
 * The outline of a cable as a tree of plain nodes (offsets). The editor's document symbols, the CLI's
 * `--outline` view and the JSON `outline` field are all this tree.
 */
import type { Cable, Paragraph, ParsedDocument, Span, SubPortion } from '../parser/model';

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
  return nodeAt(kind, name, range.start, range.end, detail, selection.start, selection.end);
}

/**
 * A node from offsets. The nodes made for every paragraph, heading, addressee, caption and reference take their
 * offsets from their call site, where one kind of model object is read: read in `node`, from every kind at once, each
 * property read is a slow generic one.
 */
function nodeAt(kind: OutlineKind, name: string, start: number, end: number, detail: string, selectionStart: number, selectionEnd: number): OutlineNode {
  return { name: name || kind, detail, kind, range: { start, end }, selectionRange: { start: selectionStart, end: selectionEnd }, children: [] };
}

/** One top-level node per cable. */
export function buildOutline(doc: ParsedDocument): OutlineNode[] {
  const out: OutlineNode[] = [];
  for (const c of doc.cables) {
    const title = joinWords(c.identifier, c.subject?.text ?? c.metadata?.title?.value.text);
    const n = node('cable', title || `Cable ${c.index + 1}`, c, c.banner?.normalized ?? '', c.banner ?? c.metadata ?? c);
    n.children = cableChildren(c);
    out.push(n);
  }
  return out;
}

/** `a b`, or whichever of the two is given (empty and missing words left out). */
function joinWords(a: string | null | undefined, b: string | null | undefined): string {
  return a && b ? `${a} ${b}` : a || b || '';
}

export function paragraphLabel(p: Paragraph): string {
  // `3a. (C) First words...`: built by concatenation, the mark and the words only when present.
  let label = p.subLetter ? `${p.number}${p.subLetter}.` : `${p.number}.`;
  if (p.marking && p.marking.raw) label += ` ${p.marking.raw}`;
  const words = shorten(p.preview, 45);
  if (words) label += ` ${words}`;
  return label;
}

/** `A. (S/NF) USG Concern: ...`, `-- (C) On Iraq, ...`, `(S/NF) GOA Response: ...`: label, mark, first words. */
export function subPortionLabel(sp: SubPortion): string {
  let label = sp.label ? `${sp.label.text} ${sp.marking.raw}` : sp.marking.raw;
  const words = shorten(sp.preview, 45);
  if (words) label += ` ${words}`;
  return label;
}

/**
 * The text cut to about `max` characters at a word boundary, with `...`; a text the parser already cut (it ends
 * in `...`) keeps its mark. Character tests, no regex over the text: this runs for every paragraph.
 */
function shorten(text: string, max: number): string {
  const cut = text.endsWith('...');
  const t = cut ? text.slice(0, -3) : text;
  if (t.length <= max) return cut ? `${trimSeparatorsEnd(t)}...` : t;
  const space = t.lastIndexOf(' ', max);
  return `${trimSeparatorsEnd(t.slice(0, space > 15 ? space : max))}...`;
}

/** The text without its trailing run of white space, commas, semicolons and colons. */
function trimSeparatorsEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isSeparator(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `[\s,;:]`: JavaScript white space and line terminators, `,`, `;`, `:`. */
function isSeparator(c: number): boolean {
  if (c === 32 || c === 44 || c === 59 || c === 58 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const ROLES = ['from', 'to', 'info', 'xmt'] as const;

function cableChildren(c: Cable): OutlineNode[] {
  const out: OutlineNode[] = [];
  if (c.metadata) out.push(node('metadata', 'Metadata', c.metadata, c.metadata.identifier?.value.text ?? ''));
  if (c.envelope) {
    const e = c.envelope;
    const env = node('envelope', 'Envelope', e, e.dtg?.group.text ?? '');
    for (const role of ROLES) {
      for (const a of e[role]) {
        const name = a.name;
        env.children.push(nodeAt('addressee', `${ROLE_LABEL[role]} ${name.text}`, a.start, a.end, joinWords(a.route?.text, a.precedence?.text), name.start, name.end));
      }
    }
    out.push(env);
  }
  if (c.banner) out.push(bannerNode(c, c.banner));
  // With no banner line (the cable's text opening with `SIPDIS`, 09SANSALVADOR789) the known captions stand on their
  // own; with no banner above them, lines of no known caption (the redacted banner of 10BEIJING207) caption nothing.
  else for (const cap of c.captions) if (cap.known) out.push(captionNode(cap));
  if (c.subject) out.push(node('subject', `Subject: ${c.subject.text}`, c.subject, c.subject.marking?.normalized ?? '', c.subject.label));
  if (c.references) {
    const r = node('references', 'References', c.references, `${c.references.items.length}`, c.references.label);
    for (const it of c.references.items) {
      r.children.push(nodeAt('reference', it.letter ? `${it.letter}. ${it.text}` : it.text, it.start, it.end, it.cableId ?? '', it.start, it.end));
    }
    out.push(r);
  }
  let classifiedBy: OutlineNode | null = null;
  if (c.classifiedBy) {
    const given = c.classifiedBy.reasons;
    let reasons = given.length > 0 ? given[0].text : '';
    for (let i = 1; i < given.length; i++) reasons += `, ${given[i].text}`;
    classifiedBy = node('classifiedBy', 'Classified By', c.classifiedBy, joinWords(c.classifiedBy.section?.text, reasons), c.classifiedBy.label);
  }
  const bodyNodes: OutlineNode[] = [];
  const headings: OutlineNode[] = [];
  for (const h of c.headings) headings.push(nodeAt('heading', h.text, h.section.start, h.section.end, '', h.start, h.end));
  const paragraphNodes: OutlineNode[] = [];
  for (const p of c.paragraphs) {
    const number = p.numberToken;
    const n = nodeAt('paragraph', paragraphLabel(p), p.start, p.end, p.marking?.normalized ?? '', number.start, number.end);
    (p.heading >= 0 && headings[p.heading] ? headings[p.heading].children : bodyNodes).push(n);
    paragraphNodes.push(n);
  }
  for (const h of headings) bodyNodes.push(h);
  // Marked sub-items (`A. (S/NF) USG Concern: ...`) nest in their numbered paragraph; marked paragraphs written
  // without a number stand where they are, in the heading's section that holds them. A marked title is its heading.
  for (const sp of c.subPortions) {
    const sel = sp.label ?? sp.marking;
    const n = nodeAt('paragraph', subPortionLabel(sp), sp.start, sp.end, sp.marking.normalized, sel.start, sel.end);
    if (sp.paragraph >= 0 && paragraphNodes[sp.paragraph]) paragraphNodes[sp.paragraph].children.push(n);
    else if (!c.headings.some((h) => h.start === sp.start)) {
      if (sp.heading >= 0 && headings[sp.heading]) insertSorted(headings[sp.heading].children, n);
      else bodyNodes.push(n);
    }
  }
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
  // Usually in order already (the sort is stable, so skipping it then changes nothing).
  if (!inOrder(bodyNodes)) bodyNodes.sort((x, y) => x.range.start - y.range.start);
  for (const n of bodyNodes) out.push(n);
  if (c.signature) out.push(node('signature', `Signature: ${c.signature.text}`, c.signature));
  return out;
}

function inOrder(nodes: OutlineNode[]): boolean {
  for (let i = 1; i < nodes.length; i++) if (nodes[i].range.start < nodes[i - 1].range.start) return false;
  return true;
}

/**
 * The banner node spans the banner line and its caption and passing lines (the E.O., TAGS, SUBJECT lines that
 * follow have nodes of their own); a caption may precede the banner in damaged texts.
 */
function bannerNode(c: Cable, banner: NonNullable<Cable['banner']>): OutlineNode {
  let stop = Infinity;
  for (const x of [c.eo, c.tags, c.subject, c.references, c.classifiedBy]) if (x && x.start > banner.start && x.start < stop) stop = x.start;
  let start = banner.start;
  let end = banner.end;
  for (const x of c.captions) {
    if (x.start >= stop) continue;
    if (x.start < start) start = x.start;
    if (x.end > end) end = x.end;
  }
  for (const x of c.passingLines) {
    if (x.start >= stop) continue;
    if (x.start < start) start = x.start;
    if (x.end > end) end = x.end;
  }
  const range = { start, end };
  const b = node('banner', lineText(c, banner), range, banner.level ?? '', banner);
  for (const cap of c.captions) {
    if (cap.start >= range.start && cap.end <= range.end) b.children.push(captionNode(cap));
  }
  return b;
}

function captionNode(cap: Cable['captions'][number]): OutlineNode {
  return nodeAt('caption', cap.normalized, cap.start, cap.end, cap.known ? '' : 'unknown caption', cap.start, cap.end);
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
    if (holder.kind === 'paragraph') nestBlock(holder.children, bn);
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

/**
 * Puts block node `bn` among a paragraph's children: inside the block or marked sub-item there that holds it
 * (`SUMMARY. ... COMMENT: ... END COMMENT AND SUMMARY.`, 07PARIS3941; a bullet's `(Comment: ... End Comment.)`,
 * 09RIYADH1667), around the blocks it holds, else beside them.
 */
function nestBlock(children: OutlineNode[], bn: OutlineNode): void {
  const r = bn.range;
  const inner = children.find((n) => n.range.start <= r.start && r.end <= n.range.end);
  if (inner) return nestBlock(inner.children, bn);
  for (let k = children.length - 1; k >= 0; k--) {
    const n = children[k];
    if ((n.kind === 'summary' || n.kind === 'comment') && r.start <= n.range.start && n.range.end <= r.end) insertSorted(bn.children, children.splice(k, 1)[0]);
  }
  insertSorted(children, bn);
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
  const b = c.banner;
  let text = b?.designation.text || '';
  if (b?.section) text = joinWords(text, `SECTION ${b.section.indexToken.text} OF ${b.section.totalToken.text}`);
  if (b?.mrn) text = joinWords(text, `${b.mrn.post.text} ${b.mrn.serial.text}`);
  return text || `${span.start}`;
}
