import { cableExample } from './examples';
import { bannerName } from './facts';
import { markEvidence } from './portions';
import type { Finding, Rule } from './types';

/** E.O. 12958 took effect: portion marking is required on every cable from here on (R3). */
const PORTION_MARKING_REQUIRED = '1995-10-14';
/**
 * 1970s telegrams were routinely sent without portion marks or with an ENTIRE TEXT statement (§A.8, §B.4):
 * not flagged at all before this date; info until portion marking became required.
 */
const FIRST_CHECKED_DAY = '1980-01-01';

/** R3: every numbered paragraph of a classified cable carries a portion mark. */
export const rule: Rule = {
  id: 'portion-unmarked',
  description: 'A numbered paragraph of a classified cable has no portion mark.',
  defaultSeverity: 'warning',
  tags: ['portion', 'era'],
  fixable: false,
  docs: {
    checks:
      'In a cable with a CONFIDENTIAL, SECRET or TOP SECRET banner, reports each top-level numbered paragraph with no portion mark. A paragraph counts as marked when a mark follows its number (any case, `(C NF)`, a REL list wrapped onto the next line), appears early in its first line (`1. Summary and comment. (C) ...`), or opens its sub-items (`-- (S/NF)`, `A. (C)`); a WikiLeaks redaction where the mark would be (`7. XXXXXXXXXXXX`, `7. [DETAILS REMOVED]`) is not reported. Numbered items inside a paragraph (a list restarting at 1) are not top level: an unmarked paragraph is reported only when its number follows the previous top-level paragraph. Skipped: sub-paragraphs (`2a.`), paragraphs quoted inside BEGIN TEXT/END TEXT or QUOTE/UNQUOTE, the numbered Classified-By paragraph, cables with a legacy `ENTIRE TEXT` statement, and cables dated before 1980. Severity is information for cables dated before 1995-10-14 (before E.O. 12958), warning after.',
    why: 'Each classified document must show which portions are classified and which are not (R3: E.O. 12958 §1.7(c), E.O. 13526 §1.6(c)); State puts the mark right after the paragraph number [FAH1-240]. An unmarked paragraph keeps its classification (R7) but the reader cannot tell its level.',
    sources: ['R3', 'R7'],
    triggers: {
      text: cableExample({ body: '1. (C) The minister described the reform plan.\n\n2. She asked for support.' }),
      note: 'Paragraph 2 has no mark in a CONFIDENTIAL cable.',
    },
    clean: { text: cableExample(), note: 'Every paragraph is marked.' },
    notFlagged: [
      'Unnumbered text: headings, SUMMARY/COMMENT blocks, signature, single-paragraph cables.',
      'Numbered lists inside a paragraph; redacted paragraph openings; numbered headings whose sub-items are marked.',
      'Legacy `1. C - ENTIRE TEXT.` statements.',
      'The Classified-By text numbered as paragraph 1.',
      '1970s cables.',
    ],
  },
  check({ cable, facts, text }) {
    if (!facts.classified || facts.entireText) return [];
    if (facts.day !== null && facts.day < FIRST_CHECKED_DAY) return [];
    const early = facts.day !== null && facts.day < PORTION_MARKING_REQUIRED;
    const out: Finding[] = [];
    // Numbered list items inside a paragraph restart or skip the top-level sequence; an unmarked paragraph only
    // counts when its number continues the sequence of top-level paragraphs (the last marked one + 1).
    let last = 0;
    // Last number of a list that restarted below the top-level sequence; its next item is not a paragraph.
    let inner = -1;
    for (const p of cable.paragraphs) {
      if (p.quoted || p.subLetter) continue;
      // The Classified-By paragraph counts as marked: no need to look for its mark.
      if (p.classifiedBy || markEvidence(text, p) !== null) {
        last = p.number;
        inner = -1;
        continue;
      }
      if (last !== 0 && p.number <= last) {
        inner = p.number;
        continue;
      }
      const continuesList = inner >= 0 && p.number === inner + 1;
      if (continuesList) inner = p.number;
      if (last !== 0 && (p.number !== last + 1 || continuesList)) continue;
      last = p.number;
      // Nothing to mark: a truncated `1. ...`.
      if (!/[A-Za-z]/.test(text.slice(p.numberToken.end, p.end))) continue;
      out.push({
        range: { start: p.numberToken.start, end: p.numberToken.end },
        message: `Paragraph ${p.number} has no portion mark; the banner is ${bannerName(cable)}, so each paragraph needs (U), (SBU), (C), (S) or (TS) after its number.`,
        ...(early ? { severityOverride: 'information' as const } : {}),
      });
    }
    return out;
  },
};
