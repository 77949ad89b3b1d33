/**
 * The element index: every token of a cable a user can point at (routing indicator, TAGS token, portion mark,
 * DTG, DE line part...), with its span, the model node it came from, and a key that groups occurrences of the
 * same thing. Hover, document highlights and selection ranges all read it; it is built once per document
 * version (memoised on the cache entry).
 *
 * The mirror layout repeats the caption block (cables.csv `header` + `content` overlap); the parser keeps only
 * the first copy in the model. So that the repeat is not dead text under the mouse, the repeated block is
 * parsed on its own and its tokens are indexed too (marked `repeated`).
 */
import { parsePortionMark } from '../knowledge/classification';
import { cableEnd, cableStart } from '../parser/incremental';
import { parseCables } from '../parser/index';
import type {
  Addressee,
  Banner,
  Block,
  Cable,
  Continuation,
  MetadataField,
  Paragraph,
  ParsedDocument,
  PortionMarking,
  ReferenceItem,
  Span,
  Tag,
  Token,
} from '../parser/model';

export type MetaField = 'identifier' | 'created' | 'released' | 'classification' | 'origin' | 'title';

/** What an element is; the payload carries the model node the hover needs. */
export type ElementPayload =
  | { kind: 'meta-label'; field: MetaField | 'tags' }
  | { kind: 'meta-value'; field: MetaField; node: MetadataField }
  | { kind: 'tag'; node: Tag | Token; person: boolean; inMetadata: boolean }
  | { kind: 'transmission'; channel: string; sequence: string }
  | { kind: 'prosign' }
  | { kind: 'ri'; role: 'fl2' | 'de' | 'addressee'; addressee: Addressee | null }
  | { kind: 'de-keyword' }
  | { kind: 'de-serial' }
  | { kind: 'de-section'; total: number | null }
  | { kind: 'de-filing'; jjjhhmm: string }
  | { kind: 'security-signal' }
  | { kind: 'security-group'; signal: string; specat: string | null }
  | { kind: 'op-signal' }
  | { kind: 'precedence'; position: number; count: number }
  | { kind: 'dtg' }
  | { kind: 'role-keyword' }
  | { kind: 'addressee-name'; addressee: Addressee }
  | { kind: 'addressee-precedence'; addressee: Addressee }
  | { kind: 'addressee-serial'; addressee: Addressee }
  | { kind: 'trailer' }
  | { kind: 'banner-designation'; banner: Banner }
  | { kind: 'section-count'; index: number; total: number }
  | { kind: 'mrn'; post: string; serial: string }
  | { kind: 'caption'; normalized?: string }
  | { kind: 'passing-line' }
  | { kind: 'eo-label'; order: string | null }
  | { kind: 'eo-na' }
  | { kind: 'decl-keyword' }
  | { kind: 'decl' }
  | { kind: 'eo-other' }
  | { kind: 'tags-label' }
  | { kind: 'subject-label' }
  | { kind: 'marking'; node: PortionMarking; where: 'paragraph' | 'subject' | 'portion' }
  | { kind: 'ref-label' }
  | { kind: 'reference'; node: ReferenceItem }
  | { kind: 'notal' }
  | { kind: 'classified-by-label' }
  | { kind: 'reason'; section: string | null; letters: string[] }
  | { kind: 'paragraph-number'; node: Paragraph }
  | { kind: 'block-open'; node: Block }
  | { kind: 'block-close'; node: Block }
  | { kind: 'continuation'; node: Continuation }
  | { kind: 'page-header' }
  | { kind: 'signature' }
  | { kind: 'redaction' }
  | { kind: 'heading' };

export type ElementKind = ElementPayload['kind'];

export type Element = ElementPayload & {
  span: Span;
  /** Source text of the span. */
  text: string;
  /** The cable it belongs to (for its date and its own addressee lines). */
  cable: Cable;
  /** Occurrences with the same key are "the same thing" for document highlights. */
  key: string | null;
  /** The line-level element holding this token (addressee line, DE line, E.O. line...), for selection ranges. */
  owner: Span | null;
  /** Inside the mirror's repeated caption block. */
  repeated: boolean;
};

export interface ElementIndex {
  /** Per cable (same order as `doc.cables`), elements sorted by start. */
  perCable: Element[][];
}

/**
 * Elements of the whole document, memoised per version by the caller's cache. Each cable's list is built the first
 * time it is read: a hover in a file of a thousand cables indexes one cable.
 */
export function buildElementIndex(doc: ParsedDocument): ElementIndex {
  const perCable: Element[][] = new Array(doc.cables.length);
  for (let k = 0; k < perCable.length; k++) {
    Object.defineProperty(perCable, k, {
      configurable: true,
      enumerable: true,
      get() {
        const list = collectCable(doc.text, doc.cables[k]);
        Object.defineProperty(perCable, k, { value: list, writable: true, configurable: true, enumerable: true });
        return list;
      },
    });
  }
  return { perCable };
}

/** The cable whose span holds `offset` (cables do not overlap), else null. */
export function cableIndexAt(doc: ParsedDocument, offset: number): number {
  let lo = 0;
  let hi = doc.cables.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < cableStart(doc.cables, mid)) hi = mid - 1;
    else if (offset > cableEnd(doc.cables, mid)) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The innermost element under `offset`: `start <= offset < end`, or, when nothing is there, one that ends at
 * `offset` (the caret just after a word).
 */
export function elementAt(doc: ParsedDocument, index: ElementIndex, offset: number): Element | null {
  const k = cableIndexAt(doc, offset);
  if (k < 0) return null;
  let best: Element | null = null;
  let touching: Element | null = null;
  for (const e of index.perCable[k]) {
    if (e.span.start > offset) break;
    if (offset < e.span.end) {
      if (!best || e.span.end - e.span.start < best.span.end - best.span.start) best = e;
    } else if (offset === e.span.end && e.span.end > e.span.start) {
      if (!touching || e.span.end - e.span.start < touching.span.end - touching.span.start) touching = e;
    }
  }
  return best ?? touching;
}

// ------------------------------------------------------------------------------------------ collection

class Collector {
  readonly out: Element[] = [];

  constructor(
    private readonly text: string,
    private readonly cable: Cable,
    private readonly shift = 0,
    private readonly repeated = false,
  ) {}

  add(span: Span | null | undefined, payload: ElementPayload, key: string | null = null, owner: Span | null = null): void {
    if (!span || span.end <= span.start) return;
    const s = { start: span.start + this.shift, end: span.end + this.shift };
    const o = owner ? { start: owner.start + this.shift, end: owner.end + this.shift } : null;
    this.out.push({ ...payload, span: s, text: this.text.slice(s.start, s.end), cable: this.cable, key, owner: o, repeated: this.repeated } as Element);
  }

  /** The text of a span in this collector's coordinates. */
  source(span: Span): string {
    return this.text.slice(span.start + this.shift, span.end + this.shift);
  }
}

const up = (s: string) => s.toUpperCase();

function collectCable(text: string, c: Cable): Element[] {
  const col = new Collector(text, c);
  collectMetadata(col, c);
  collectEnvelope(col, c);
  collectCaptionBlock(col, c);
  collectBody(col, c);
  for (const rb of repeatedCaptionBlocks(c)) {
    const slice = text.slice(rb.start, rb.end);
    const mini = parseCables(slice).cables[0];
    if (!mini) continue;
    const sub = new Collector(text, c, rb.start, true);
    collectCaptionBlock(sub, mini);
    col.out.push(...sub.out);
  }
  return col.out.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}

/** Stretches of the caption block that repeat it (the mirror's overlap), each from its banner. */
function repeatedCaptionBlocks(c: Cable): Span[] {
  const block = c.captionBlock;
  if (!block || !c.banner) return [];
  const starts = c.repeatedBanners.map((b) => b.start).filter((s) => s > c.banner!.end && s < block.end);
  return starts.map((s, k) => ({ start: s, end: k + 1 < starts.length ? starts[k + 1] : block.end }));
}

function collectMetadata(col: Collector, c: Cable): void {
  const m = c.metadata;
  if (!m) return;
  const fields: [MetaField, MetadataField | null][] = [
    ['identifier', m.identifier],
    ['created', m.created],
    ['released', m.released],
    ['classification', m.classification],
    ['origin', m.origin],
    ['title', m.title],
  ];
  for (const [field, f] of fields) {
    if (!f) continue;
    col.add(f.label, { kind: 'meta-label', field });
    col.add(f.value, { kind: 'meta-value', field, node: f }, field === 'identifier' ? `id:${up(f.value.text)}` : null);
  }
  col.add(m.tagsLabel, { kind: 'meta-label', field: 'tags' });
  for (const t of m.tags) col.add(t, { kind: 'tag', node: t, person: false, inMetadata: true }, tagKey(t.text));
}

function tagKey(text: string): string {
  return `tag:${up(text).replace(/(?<![.,;:])[.,;:]+$/, '')}`;
}

function collectEnvelope(col: Collector, c: Cable): void {
  const e = c.envelope;
  if (!e) return;
  if (e.transmission) col.add(e.transmission.span, { kind: 'transmission', channel: e.transmission.channel.text, sequence: e.transmission.sequence.text });
  col.add(e.prosign, { kind: 'prosign' });
  for (const ri of e.routingIndicators) col.add(ri, { kind: 'ri', role: 'fl2', addressee: null }, `ri:${up(ri.text)}`);
  if (e.de) {
    const d = e.de;
    col.add({ start: d.start, end: Math.min(d.end, d.start + 2) }, { kind: 'de-keyword' }, null, d);
    col.add(d.station, { kind: 'ri', role: 'de', addressee: null }, `ri:${up(d.station.text)}`, d);
    // `#0308`: include the hash in the hover target.
    col.add({ start: Math.max(d.start, d.serial.start - 1), end: d.serial.end }, { kind: 'de-serial' }, null, d);
    if (d.section) col.add({ start: d.section.start - 1, end: d.section.end }, { kind: 'de-section', total: c.banner?.section?.total ?? null }, null, d);
    if (d.julianDay && d.time) col.add({ start: d.julianDay.start, end: d.time.end }, { kind: 'de-filing', jjjhhmm: d.julianDay.text + d.time.text }, null, d);
  }
  if (e.security) {
    const s = e.security;
    col.add(s.signal, { kind: 'security-signal' }, null, s);
    col.add({ start: s.group.start, end: s.specat?.end ?? s.group.end }, { kind: 'security-group', signal: s.signal.text, specat: s.specat?.text ?? null }, null, s);
    for (const op of s.opSignals) col.add(op, { kind: 'op-signal' }, null, s);
  }
  if (e.dtg) {
    const d = e.dtg;
    d.precedences.forEach((p, k) => col.add(p, { kind: 'precedence', position: k, count: d.precedences.length }, null, d));
    col.add(d.group, { kind: 'dtg' }, null, d);
    col.add(d.opSignal, { kind: 'op-signal' }, null, d);
  }
  for (const k of e.keywords) col.add(k, { kind: 'role-keyword' });
  for (const a of [...e.from, ...e.to, ...e.info, ...e.xmt]) {
    if (a.route) col.add(a.route, { kind: 'ri', role: 'addressee', addressee: a }, `ri:${up(a.route.text)}`, a);
    col.add(a.name, { kind: 'addressee-name', addressee: a }, null, a);
    col.add(a.precedence, { kind: 'addressee-precedence', addressee: a }, null, a);
    col.add(a.serial, { kind: 'addressee-serial', addressee: a }, null, a);
  }
  for (const t of e.trailers) col.add(t, { kind: 'trailer' });
}

function collectBanner(col: Collector, b: Banner): void {
  col.add(b.designation, { kind: 'banner-designation', banner: b }, null, b);
  if (b.section) col.add(b.section, { kind: 'section-count', index: b.section.index, total: b.section.total }, null, b);
  if (b.mrn) col.add(b.mrn, { kind: 'mrn', post: b.mrn.post.text, serial: b.mrn.serial.text }, `mrn:${up(b.mrn.post.text).replace(/\s+/g, '')}:${b.mrn.serialNumber}`, b);
  for (const cv of b.caveats) col.add(cv, { kind: 'caption' }, `cap:${up(cv.text).replace(/(?<![.,;:])[.,;:]+$/, '')}`, b);
}

/** The caption block of `c`: the cable itself, or the mini-cable parsed from a repeated block. */
function collectCaptionBlock(col: Collector, c: Cable): void {
  if (c.banner) collectBanner(col, c.banner);
  for (const cap of c.captions) col.add(cap, { kind: 'caption', normalized: cap.normalized }, `cap:${cap.normalized}`);
  for (const p of c.passingLines) col.add(p, { kind: 'passing-line' });
  if (c.eo) {
    const eo = c.eo;
    const order = eo.order?.text ?? null;
    col.add(eo.label, { kind: 'eo-label', order }, order ? `eo:${order}` : null, eo);
    col.add(eo.na, { kind: 'eo-na' }, null, eo);
    col.add(eo.declKeyword, { kind: 'decl-keyword' }, null, eo);
    col.add(eo.decl, { kind: 'decl' }, null, eo);
    col.add(eo.other, { kind: 'eo-other' }, null, eo);
  }
  if (c.tags) {
    col.add(c.tags.label, { kind: 'tags-label' }, null, c.tags);
    for (const t of c.tags.tags) {
      const person = t.kind === 'person';
      col.add(t, { kind: 'tag', node: t, person, inMetadata: false }, person ? `person:${up(t.text)}` : tagKey(t.text), c.tags);
    }
  }
  if (c.subject) {
    col.add(c.subject.label, { kind: 'subject-label' }, null, c.subject);
    if (c.subject.marking) col.add(c.subject.marking, { kind: 'marking', node: c.subject.marking, where: 'subject' }, markingKey(c.subject.marking), c.subject);
  }
  if (c.references) {
    const r = c.references;
    col.add(r.label, { kind: 'ref-label' }, null, r);
    for (const it of r.items) {
      col.add(it, { kind: 'reference', node: it }, it.cableId ? `id:${up(it.cableId)}` : null, r);
      const src = col.source(it);
      for (const m of src.matchAll(/\bNOTAL\b/gi)) {
        col.add({ start: it.start + (m.index ?? 0), end: it.start + (m.index ?? 0) + 5 }, { kind: 'notal' }, 'cap:NOTAL', it);
      }
    }
  }
  if (c.classifiedBy) {
    const cb = c.classifiedBy;
    col.add(cb.label, { kind: 'classified-by-label' }, null, cb);
    const letters = cb.reasons.map((r) => r.text.toLowerCase());
    const section = cb.section?.text.replace(/\s+/g, '') ?? null;
    if (cb.section) col.add(cb.section, { kind: 'reason', section, letters }, null, cb);
    for (const r of cb.reasons) col.add(r, { kind: 'reason', section, letters: [r.text.toLowerCase()] }, `reason:${r.text.toLowerCase()}`, cb);
  }
}

/** The text inside a mark's parentheses: `(C - ENTIRE TEXT).` -> `C - ENTIRE TEXT`, `( C )` -> `C`, `C)` -> `C`. */
export function markInner(raw: string): string {
  const t = raw.trim().replace(/^\(\s*/, '');
  // The longest tail of dots and white space holding at most one `)`, found from the end (the pattern
  // `[.\s]*\)?[.\s]*$` did the same with cubic backtracking on a run of dots).
  let end = t.length;
  let paren = false;
  while (end > 0) {
    const c = t[end - 1];
    if (c === ')' && !paren) paren = true;
    else if (c !== '.' && !/\s/.test(c)) break;
    end--;
  }
  return t.slice(0, end);
}

function markingKey(m: PortionMarking): string {
  const parsed = parsePortionMark(markInner(m.raw));
  return `mark:${parsed ? parsed.normalized : m.normalized}`;
}

function collectBody(col: Collector, c: Cable): void {
  for (const p of c.paragraphs) {
    col.add(p.numberToken, { kind: 'paragraph-number', node: p }, null, p.firstLine);
    if (p.marking) col.add(p.marking, { kind: 'marking', node: p.marking, where: 'paragraph' }, markingKey(p.marking), p.firstLine);
  }
  // Marks of sub-items and unnumbered paragraphs (`A. (S/NF) ...`) read as paragraph marks do.
  for (const sp of c.subPortions) col.add(sp.marking, { kind: 'marking', node: sp.marking, where: 'portion' }, markingKey(sp.marking), sp.firstLine);
  c.blocks.forEach((b, k) => {
    col.add(b.open, { kind: 'block-open', node: b }, `block:${k}`);
    col.add(b.close, { kind: 'block-close', node: b }, `block:${k}`);
  });
  for (const h of c.headings) col.add(h, { kind: 'heading' });
  for (const cm of c.continuations) {
    col.add(cm, { kind: 'continuation', node: cm }, `mrn:${up(cm.post.text).replace(/\s+/g, '')}:${cm.serialNumber}`);
  }
  for (const ph of c.pageHeaders) col.add(ph, { kind: 'page-header' });
  col.add(c.signature, { kind: 'signature' });
  for (const r of c.redactions) col.add(r, { kind: 'redaction' });
  for (const rb of c.repeatedBanners) {
    // Banners repeated outside the caption block (1970s page banners); the caption-block repeat is indexed apart.
    if (c.captionBlock && rb.start < c.captionBlock.end) continue;
    collectBanner(col, rb);
  }
}
