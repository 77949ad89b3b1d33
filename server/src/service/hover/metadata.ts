/** Hovers for the WikiLeaks/mirror metadata header. */
import { parseMetadataClassification } from '../../knowledge/classification';
import { decodeDtg } from '../../knowledge/dtg';
import { ELEMENT_HOVERS } from '../../knowledge/hoverTexts';
import { esc, paragraphs, type HoverTable } from './context';

const LABELS = {
  identifier: ELEMENT_HOVERS['meta-identifier'],
  created: ELEMENT_HOVERS['meta-created'],
  released: ELEMENT_HOVERS['meta-released'],
  classification: ELEMENT_HOVERS['meta-classification'],
  origin: ELEMENT_HOVERS['meta-origin'],
  title: 'Cable title: the subject line as the release lists it.',
  tags: ELEMENT_HOVERS['tags-label'],
} as const;

/** `2009-02-20T09:29:00Z` -> `2009-02-20 09:29 UTC (a Friday)`. */
function when(iso: string | null): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso) : null;
  if (!m) return null;
  const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
  const d = decodeDtg(m[3], m[4] + m[5], months[Number(m[2]) - 1], m[1]);
  return `**${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]} UTC**${d.weekday ? ` (a ${d.weekday})` : ''}`;
}

/** `09ASTANA308` -> year, post, serial; PlusD's `_a` collection suffix allowed. */
function identifierParts(id: string): string | null {
  const m = /^(\d{2}|\d{4})([A-Z][A-Z-]*?)(\d+)(?:_([a-z]))?$/.exec(id.trim());
  if (!m) return null;
  return `year ${m[1]}, post ${esc(m[2])}, serial ${Number(m[3])}${m[4] ? `, collection suffix _${m[4]}` : ''}`;
}

export const metadataHovers: HoverTable = {
  'meta-label': (el) => LABELS[el.field],

  'meta-value': (el) => {
    const c = el.cable.metadata;
    switch (el.field) {
      case 'identifier': {
        const parts = identifierParts(el.text);
        return paragraphs(`**${esc(el.text)}**${parts ? `: ${parts}.` : '.'}`, LABELS.identifier);
      }
      case 'created': {
        const w = when(c?.createdIso ?? null);
        return w ? `Created ${w}: the cable's date-time group.` : `Created: **${esc(el.text)}** is not a readable date.`;
      }
      case 'released': {
        const w = when(c?.releasedIso ?? null);
        return w ? `Released ${w}: when WikiLeaks published the cable.` : LABELS.released;
      }
      case 'classification':
        return parseMetadataClassification(el.text)?.hover ?? `Classification label **${esc(el.text)}**: not one of the labels the release uses.`;
      case 'origin':
        return LABELS.origin;
      default:
        return null;
    }
  },
};
