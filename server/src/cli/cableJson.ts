/** The CLI's JSON view of a cable (README "JSON output"): stable field names, plain values, 0-based positions. */
import type { OutlineNode } from '../outline/outline';
import { positionAt } from '../parser/lineIndex';
import type { Addressee, Cable, ParsedDocument, ReferenceItem, Span } from '../parser/model';
import { paragraphLabel } from '../parser/paragraphNumbers';
import type { ReferenceSite } from '../workspace/references';

export interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export function jsonRange(doc: ParsedDocument, span: Span): JsonRange {
  return { start: positionAt(doc.lineStarts, span.start), end: positionAt(doc.lineStarts, span.end) };
}

function addressees(list: Addressee[]) {
  return list.map((a) => ({ route: a.route?.text ?? null, name: a.name.text, precedence: a.precedence?.text ?? null, serial: a.serial?.text ?? null }));
}

function outlineJson(doc: ParsedDocument, nodes: OutlineNode[]): unknown[] {
  return nodes.map((n) => ({ name: n.name, detail: n.detail, kind: n.kind, range: jsonRange(doc, n.range), children: outlineJson(doc, n.children) }));
}

/**
 * The cables one REF item names, as the workspace index reads them (references.ts: `(A) KABUL 4088`, `Abu Dhabi 1384`,
 * not `IIR 6 902 9642 06`), so the JSON and the editor's links agree.
 */
function itemCables(sites: readonly ReferenceSite[], c: Cable, item: ReferenceItem): string[] {
  const ids: string[] = [];
  for (const s of sites) if (s.kind === 'item' && s.cableIndex === c.index && s.start >= item.start && s.end <= item.end) ids.push(s.refs[0].id);
  return ids;
}

/** `sites`: the document's REF item sites (referenceSites with mentions off). */
export function cableJson(doc: ParsedDocument, c: Cable, outline: OutlineNode | undefined, sites: readonly ReferenceSite[] = []) {
  const e = c.envelope;
  const b = c.banner;
  const caveats = [...(b?.caveats.map((x) => x.text) ?? []), ...c.captions.filter((x) => x.known).map((x) => x.normalized)];
  return {
    identifier: c.identifier,
    created: c.metadata?.createdIso ?? e?.dtg?.iso ?? null,
    metadataClassification: c.metadata?.classification?.value.text ?? null,
    classification: {
      level: b?.level ?? null,
      caveats: [...new Set(caveats)],
      text: b ? doc.text.slice(b.start, b.end).trim() : null,
    },
    origin: c.metadata?.origin?.value.text ?? e?.from[0]?.name.text ?? null,
    dtg: e?.dtg ? doc.text.slice(e.dtg.start, e.dtg.end) : null,
    precedence: e?.dtg?.precedences.map((p) => p.text).join(' ') ?? e?.prosign?.text ?? null,
    from: addressees(e?.from ?? []),
    to: addressees(e?.to ?? []),
    info: addressees(e?.info ?? []),
    mrn: b?.mrn ? `${b.mrn.post.text} ${b.mrn.serial.text}` : null,
    section: b?.section ? { index: b.section.index, total: b.section.total } : null,
    captions: c.captions.map((x) => x.normalized),
    eo: c.eo ? { order: c.eo.order?.text ?? null, declassify: c.eo.na ? 'N/A' : (c.eo.decl?.text ?? null) } : null,
    tags: c.tags ? c.tags.tags.map((t) => t.text) : c.metadata?.tags.map((t) => t.text) ?? [],
    subject: c.subject?.text ?? c.metadata?.title?.value.text ?? null,
    references:
      c.references?.items.map((r) => {
        const cables = itemCables(sites, c, r);
        return { letter: r.letter, text: r.text, cable: cables[0] ?? null, cables };
      }) ?? [],
    classifiedBy: c.classifiedBy
      ? { text: doc.text.slice(c.classifiedBy.start, c.classifiedBy.end).replace(/\s+/g, ' '), reasons: c.classifiedBy.reasons.map((r) => r.text) }
      : null,
    paragraphs: c.paragraphs.map((p) => ({
      number: paragraphLabel(p),
      marking: p.marking?.normalized ?? null,
      line: positionAt(doc.lineStarts, p.start).line,
    })),
    portions: c.subPortions.map((p) => ({
      label: p.label?.text ?? null,
      marking: p.marking.normalized,
      paragraph: p.paragraph >= 0 ? paragraphLabel(c.paragraphs[p.paragraph]) : null,
      line: positionAt(doc.lineStarts, p.start).line,
    })),
    signature: c.signature?.text ?? null,
    outline: outline ? outlineJson(doc, outline.children) : [],
  };
}
