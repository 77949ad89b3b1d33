/** Hovers for the text: portion marks, SUMMARY/COMMENT/NOTE blocks, continuation markers, page headers, signature. */
import { parsePortionMark, portionMarkHover } from '../../knowledge/classification';
import { continuationHover, ELEMENT_HOVERS } from '../../knowledge/hoverTexts';
import type { BlockKind, PortionMarking } from '../../parser/model';
import { esc, paragraphs, type HoverTable } from './context';

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

export function markingHover(m: PortionMarking, where: 'paragraph' | 'subject'): string {
  const inner = m.raw.trim().replace(/^\(/, '').replace(/\)$/, '');
  const parsed = parsePortionMark(inner);
  let text = parsed
    ? portionMarkHover(parsed)
    : `Portion mark **${esc(m.raw)}**: not in the portion-mark grammar (level U, SBU, LOU, C, S or TS, then controls such as NF).`;
  if (where === 'subject') text = text.replace('this paragraph only', 'the subject line only');
  return paragraphs(text, m.malformed ? MALFORMED_NOTE[m.malformed] : null);
}

export const bodyHovers: HoverTable = {
  marking: (el) => markingHover(el.node, el.where),

  'block-open': (el) => `${BLOCK_OPEN[el.node.kind]}${el.node.close ? '.' : `; no END ${el.node.kind} closes it.`}`,

  'block-close': (el) => BLOCK_CLOSE[el.node.kind],

  continuation: (el) => continuationHover(el.node.serialNumber, el.node.section, el.node.total, el.node.page),

  'page-header': () => ELEMENT_HOVERS['page-header'],

  signature: () => 'Signature: the name the cable goes out under (usually the chief of mission, or the Secretary for Department cables).',

  redaction: () => 'Redaction: text removed before publication.',
};
