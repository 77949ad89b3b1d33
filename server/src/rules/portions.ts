/**
 * Whether a numbered paragraph carries a portion mark in any of the forms real cables use, beyond the mark
 * right after the number that the parser reads. Used where a wrong "unmarked" would be a false positive.
 */
import { parsePortionMark } from '../knowledge/classification';
import type { Paragraph } from '../parser/model';
import { memoized } from './memo';

/**
 * A WikiLeaks redaction where the mark would be: `7. XXXXXXXXXXXX`, `6. (C XXXXXXXXXXXX`, and the bracketed notes of
 * the releases redacted with the newspapers, `7. [DETAILS REMOVED]` (08RPODUBAI49), `[NAME REMOVED]`.
 */
const REDACTED_START = /^\s*(?:(?:\(\s*[A-Za-z/ ]{0,8})?[Xx]{5,}|\[[A-Z ]{0,24}REMOVED\])/;
/** The bracketed note of a release redacted with the newspapers: `[DETAILS REMOVED]`, `[NAME REMOVED]`, `[SOURCE REMOVED]`. */
export const REMOVED_NOTE = /\[[A-Z ]{0,24}REMOVED\]/;
/** Parenthesised groups, short enough to be a mark. */
const PAREN = /\(([^()\n]{1,40})\)/g;
/** A mark that opens a sub-item inside the paragraph: `-- (S/NF)`, `A. (C)`, `(a) (S)`. */
const SUB_ITEM_MARK = /^[ \t]*(?:-{1,2}|\*|[A-Za-z]\.|\([A-Za-z]\)|[A-Za-z]\))[ \t]*\(([^()\n]{1,40})\)/gm;
/** How far into the first line a misplaced mark still belongs to the paragraph (`1. Summary and comment. (C) ...`). */
const FIRST_LINE_REACH = 60;

/** Whether the text in parentheses reads as a portion mark; the same few texts (`C`, `S/NF`) come back often. */
const isMark = memoized((inner: string): boolean => {
  const m = parsePortionMark(inner);
  return m !== null && !m.entireText;
});

export type MarkEvidence = 'parsed' | 'after-number' | 'in-first-line' | 'in-sub-items' | 'redacted' | null;

/**
 * How the paragraph is marked, or null when it is not. `after-number`: a mark the parser did not read (mixed
 * case `(S/Rel China)`, a space separator `(C NF)`, a REL list wrapped onto the next line).
 */
export function markEvidence(text: string, p: Paragraph): MarkEvidence {
  if (p.marking) return 'parsed';
  const after = text.slice(p.numberToken.end, Math.min(p.end, p.numberToken.end + 200));
  if (REDACTED_START.test(after)) return 'redacted';
  const open = /^\s*\(([^()]{1,80})(?:\)|$)/.exec(after);
  if (open && isMark(open[1].replace(/\s+/g, ' ').trim().replace(/,$/, ''))) return 'after-number';
  // A REL list wrapped before its closing parenthesis: `(S//REL AFGHANISTAN, KYRGYZSTAN,`.
  const wrapped = /^\s*\(([A-Za-z]{1,3}\s*\/\/?\s*REL\b[^()\n]*)/i.exec(after);
  if (wrapped && isMark(wrapped[1].trim().replace(/,$/, ''))) return 'after-number';
  const firstLine = text.slice(p.numberToken.end, Math.min(p.firstLine.end, p.numberToken.end + FIRST_LINE_REACH));
  // Both searches need a `(`: most unmarked paragraphs (list items, plain text) are passed over by indexOf.
  if (firstLine.indexOf('(') >= 0) for (const m of firstLine.matchAll(PAREN)) if (isMark(m[1])) return 'in-first-line';
  const body = text.slice(p.firstLine.end, p.end);
  if (body.indexOf('(') >= 0) for (const m of body.matchAll(SUB_ITEM_MARK)) if (isMark(m[1])) return 'in-sub-items';
  return null;
}
