/** Hovers for the text: portion marks, SUMMARY/COMMENT/NOTE blocks, continuation markers, page headers, signature. */
import { parsePortionMark, portionMarkHover } from '../../knowledge/classification';
import { continuationHover, ELEMENT_HOVERS } from '../../knowledge/hoverTexts';
import type { BlockKind, PortionMarking } from '../../parser/model';
import { lookupBanner } from '../../knowledge/classification';
import { markInner } from '../elements';
import { esc, paragraphs, type HoverTable } from './context';

// Each lazy part ends on a non-space (`(?<! )`), so white space is read by `\s+` alone: the same headers (the text is
// trimmed), without a quadratic split of a run of spaces between the two.
const PAGE_HEADER = /^(?:[A-Z ]+?(?<! )\s+)?PAGE\s+(\d{1,3})\s+([A-Z][A-Z .'-]*?)(?<! )\s+(\d{3,8})(?:\s+(\d{1,3})\s+OF\s+(\d{1,3}))?(?:\s+(\d{2})(\d{2})(\d{2})Z)?\b/;

/** `PAGE 02 HARARE 06677 01 OF 03 291400Z` decoded; a bare level word is the page's classification banner. */
function pageHeaderHover(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim().toUpperCase();
  const banner = lookupBanner(t);
  if (banner) return `Page banner **${banner.designation}**: the classification repeated at each page break of a converted text.`;
  const m = PAGE_HEADER.exec(t);
  if (!m) return ELEMENT_HOVERS['page-header'];
  const parts = [`page **${Number(m[1])}**`, `post ${esc(m[2])}`, `serial ${Number(m[3])}`];
  if (m[4]) parts.push(`section ${Number(m[4])} of ${Number(m[5])}`);
  if (m[6]) parts.push(`time ${m[6]}${m[7]}${m[8]}Z (day ${Number(m[6])}, ${m[7]}:${m[8]} UTC)`);
  return `Page header of a 1970s or converted text: ${parts.join(', ')}.`;
}

const MALFORMED_NOTE: Record<NonNullable<PortionMarking['malformed']>, string> = {
  'missing-open-paren': 'Written without its opening parenthesis.',
  'inner-spaces': 'Written with spaces inside the parentheses.',
  'lower-case': 'Written in lower case in an upper-case cable.',
  'space-separator': 'A control is separated by a space only (usual: `/` or `//`).',
  'full-word-level': 'The level is written as a word (usual: U, C, S, TS).',
};

const BLOCK_OPEN: Record<BlockKind, string> = {
  SUMMARY: 'Start of the drafter\'s summary',
  COMMENT: 'Start of the post\'s own comment (its analysis, as opposed to reporting)',
  NOTE: 'Start of an aside note',
  TEXT: 'Start of quoted text (numbering inside restarts)',
  QUOTE: 'Start of a quoted message (numbering inside restarts)',
};

const BLOCK_CLOSE: Record<BlockKind, string> = {
  SUMMARY: ELEMENT_HOVERS['end-summary'],
  COMMENT: ELEMENT_HOVERS['end-comment'],
  NOTE: ELEMENT_HOVERS['end-note'],
  TEXT: 'Closes quoted text.',
  QUOTE: 'Closes a quoted message.',
};

export function markingHover(m: PortionMarking, where: 'paragraph' | 'subject' | 'portion'): string {
  const parsed = parsePortionMark(markInner(m.raw));
  let text = parsed
    ? portionMarkHover(parsed)
    : `Portion mark **${esc(m.raw)}**: not in the portion-mark grammar (level U, SBU, LOU, C, S or TS, then controls such as NF).`;
  if (where === 'subject') text = text.replace('this paragraph only', 'the subject line only');
  // A sub-item's or an unnumbered paragraph's mark (`A. (S/NF) ...`) classifies the text it opens.
  else if (where === 'portion') text = text.replace('this paragraph only', 'this portion only');
  return paragraphs(text, m.malformed ? MALFORMED_NOTE[m.malformed] : null);
}

export const bodyHovers: HoverTable = {
  marking: (el) => markingHover(el.node, el.where),

  'block-open': (el) => `${BLOCK_OPEN[el.node.kind]}${el.node.close ? '.' : `; no END ${el.node.kind} closes it.`}`,

  'block-close': (el) => BLOCK_CLOSE[el.node.kind],

  continuation: (el) => continuationHover(el.node.serialNumber, el.node.section, el.node.total, el.node.page),

  'page-header': (el) => pageHeaderHover(el.text),

  signature: () => 'Signature: the name the cable goes out under (usually the chief of mission, or the Secretary for Department cables).',

  redaction: () => 'Redaction: text removed before publication.',
};
