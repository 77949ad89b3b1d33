/**
 * Where a parsed document points at other cables: each cable identifier inside a REF item, and each in-text
 * mention (`REFTEL A`, `(REF B)`) of a lettered item. Offsets are the document's; the index, links, go-to
 * definition and hovers all read these sites. Every identifier an item names is read from its source text by
 * parser/referenceText.ts (the parser's `cableId` is the first of them), with the shorter post readings the index
 * tries when the longest is not in the workspace.
 */
import type { Cable, ParsedDocument } from '../parser/model';
import { findCableMentions } from '../parser/referenceText';
import { findTextMentions } from './textMentions';

/** A cable named by a reference, decoded. */
export interface CableRef {
  /** Canonical identifier (`08ASTANA55`). */
  id: string;
  /** Shorter post readings, tried in order when `id` is not in the workspace. */
  alternatives: string[];
  yearInferred: boolean;
  year: number;
  /** Post as written (`BUENOS AIRES`, `SECSTATE`). */
  post: string;
  /** Serial as written (`000043`). */
  serial: string;
}

export interface ReferenceSite {
  cableIndex: number;
  /** `item`: an identifier in the REF line; `mention`: `REFTEL A` in the text. */
  kind: 'item' | 'mention';
  start: number;
  end: number;
  /** Upper-case item letter, when lettered. */
  letter: string | null;
  /** The cables the site names: one for an item identifier, those of the item for a mention (may be none). */
  refs: CableRef[];
  /** The REF item's text (normalised), for hovers on mentions of items that name no cable (`E-MAIL OF 3/4`). */
  itemText: string;
}

export interface SiteOptions {
  /** Also scan cable text for `REFTEL A` mentions (default true; the index only needs REF items). */
  mentions?: boolean;
}

function citingYear(cable: Cable): number | null {
  return cable.envelope?.dtg?.year ?? (cable.date ? +cable.date.slice(0, 4) : null) ?? null;
}

/** All reference sites of a document, in document order per cable. */
export function referenceSites(doc: ParsedDocument, options: SiteOptions = {}): ReferenceSite[] {
  const out: ReferenceSite[] = [];
  for (const cable of doc.cables) {
    try {
      cableSites(doc, cable, options.mentions !== false, out);
    } catch {
      // A reference that cannot be read is no reason to lose the others or the request.
    }
  }
  return out;
}

function cableSites(doc: ParsedDocument, cable: Cable, withMentions: boolean, out: ReferenceSite[]): void {
  const refs = cable.references;
  if (!refs || refs.items.length === 0) return;
  const year = citingYear(cable);
  const byLetter = new Map<string, { refs: CableRef[]; text: string }>();
  const itemSites: ReferenceSite[] = [];
  for (const item of refs.items) {
    const raw = doc.text.slice(item.start, item.end);
    const found = findCableMentions(raw, year);
    const letterOf = (own: string | null) => own ?? item.letter?.toUpperCase() ?? null;
    for (const m of found) {
      const ref: CableRef = { id: m.id, alternatives: m.alternatives, yearInferred: m.yearInferred, year: m.year, post: m.post, serial: m.serial };
      itemSites.push({
        cableIndex: cable.index,
        kind: 'item',
        start: item.start + m.start,
        end: item.start + m.end,
        letter: letterOf(m.letter),
        refs: [ref],
        itemText: item.text,
      });
    }
    const letter = item.letter?.toUpperCase();
    if (letter && !byLetter.has(letter)) byLetter.set(letter, { refs: [], text: item.text });
  }
  for (const site of itemSites) {
    if (!site.letter) continue;
    const group = byLetter.get(site.letter) ?? { refs: [], text: site.itemText };
    group.refs.push(...site.refs);
    byLetter.set(site.letter, group);
  }
  out.push(...itemSites);
  if (!withMentions) return;
  const from = refs.end;
  const to = cable.end;
  if (to <= from) return;
  const single = refs.items.length === 1;
  const only = single ? { refs: itemSites.flatMap((s) => s.refs), text: refs.items[0].text } : null;
  for (const m of findTextMentions(doc.text.slice(from, to), new Set(byLetter.keys()), single)) {
    const group = m.letter ? byLetter.get(m.letter) : only;
    if (!group) continue;
    out.push({
      cableIndex: cable.index,
      kind: 'mention',
      start: from + m.start,
      end: from + m.end,
      letter: m.letter,
      refs: group.refs,
      itemText: group.text,
    });
  }
}

/** The site under an offset (the innermost, i.e. the shortest, when sites nest). */
export function siteAt(sites: readonly ReferenceSite[], offset: number): ReferenceSite | null {
  let best: ReferenceSite | null = null;
  for (const s of sites) {
    if (offset >= s.start && offset <= s.end && (!best || s.end - s.start < best.end - best.start)) best = s;
  }
  return best;
}
