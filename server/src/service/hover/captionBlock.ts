/** Hovers for the classification line, captions, E.O./DECL, TAGS, SUBJECT, REF and Classified By lines. */
import { lookupCaveat, lookupHandlingNote, suggestCaveat } from '../../knowledge/captions';
import { lookupBanner } from '../../knowledge/classification';
import { declHover, executiveOrderHover, lookupExecutiveOrder, orderInForce, parseDeclValue } from '../../knowledge/executiveOrders';
import { ELEMENT_HOVERS, mrnHover, sectionCountHover } from '../../knowledge/hoverTexts';
import { reasonHover } from '../../knowledge/reasons';
import { tagHover } from '../../knowledge/tags';
import type { Cable } from '../../parser/model';
import { cableYear, esc, paragraphs, shortDate, type HoverTable } from './context';

/** Which order governed on the cable's date, compared with the one cited. */
function inForceNote(cable: Cable, cited: string): string | null {
  if (!cable.date) return null;
  const now = orderInForce(cable.date);
  const when = shortDate(cable.date);
  if (!now) return `No order in our table governed on this cable's date (${when}).`;
  const governing = now.amendedBy ? `E.O. ${now.order.number} as amended by E.O. ${now.amendedBy.number}` : `E.O. ${now.order.number}`;
  const same = cited === now.order.number || (now.amendedBy !== null && cited === now.amendedBy.number);
  return same ? `In force on this cable's date (${when}): ${governing}.` : `On this cable's date (${when}) the order in force was ${governing}.`;
}

export const captionBlockHovers: HoverTable = {
  'banner-designation': (el) => {
    const info = lookupBanner(el.text);
    if (info) return info.hover;
    return `Classification line: **${esc(el.text)}** is not a known designation (UNCLAS, UNCLAS EFTO, LIMITED OFFICIAL USE, CONFIDENTIAL, SECRET, TOP SECRET).`;
  },

  'section-count': (el) => sectionCountHover(el.index, el.total),

  mrn: (el) => mrnHover(el.post, el.serial, cableYear(el.cable)),

  caption: (el) => {
    const cv = lookupCaveat(el.text);
    if (cv) return cv.hover;
    // (A corrected-copy note's text is its whole line; the parser's reading names the note.)
    const note = lookupHandlingNote(el.normalized ?? el.text);
    if (note) return note;
    const guess = suggestCaveat(el.text);
    return `Caption **${esc(el.text)}**: not in our caption vocabulary${guess ? `; did you mean ${guess}?` : '.'}`;
  },

  'passing-line': () => ELEMENT_HOVERS['passing-line'],

  'eo-label': (el) => {
    if (!el.order) return 'E.O. line: the executive order governing classification, then the declassification instruction (or N/A).';
    const eo = lookupExecutiveOrder(el.order);
    if (!eo) return `**E.O. ${esc(el.order)}**: not an order on classification that cables cite (11652, 12065, 12356, 12958, 13292, 13526).`;
    return paragraphs(executiveOrderHover(el.order), inForceNote(el.cable, eo.number));
  },

  'eo-na': () => ELEMENT_HOVERS['eo-na'],

  'decl-keyword': () => ELEMENT_HOVERS.decl,

  decl: (el) => declHover(parseDeclValue(el.text, el.cable.date), el.cable.date),

  'tags-label': () => ELEMENT_HOVERS['tags-label'],

  tag: (el) => {
    if (el.person) return `Person tag: **${esc(el.text)}**, a name filed under the tag before it (e.g. OVIP, PREL).`;
    return tagHover(el.text);
  },

  'subject-label': () => ELEMENT_HOVERS.subject,

  'ref-label': () => ELEMENT_HOVERS.reference,

  reference: (el) => {
    const r = el.node;
    const letter = r.letter ? ` ${esc(r.letter)}` : '';
    if (!r.cableId) return `Reference${letter}: ${esc(r.text.length > 100 ? `${r.text.slice(0, 100)}…` : r.text)} (no cable identifier recognised).`;
    const inferred = r.yearInferred ? ' (year not given: taken from this cable\'s date)' : '';
    return `Reference${letter}: cable **${esc(r.cableId)}**${inferred}.`;
  },

  notal: () => lookupCaveat('NOTAL')?.hover ?? null,

  'classified-by-label': () => ELEMENT_HOVERS['classified-by'],

  reason: (el) => reasonHover({ section: el.section, sectionKnown: el.section === '1.4' || el.section === '1.5', letters: el.letters, invalid: [], start: 0, end: 0 }),
};
