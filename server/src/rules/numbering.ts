/**
 * Paragraph numbering analysis shared by para-number-gap and para-number-duplicate.
 *
 * Cables number top-level paragraphs 1, 2, 3... but also contain numbered lists inside paragraphs, embedded
 * texts that restart at 1, and the Classified-By text numbered as paragraph 1. To stay precise:
 * - only paragraphs outside BEGIN TEXT/QUOTE blocks and without a sub-letter are considered;
 * - in a portion-marked cable (most paragraphs marked) only marked paragraphs are top level: inner lists are
 *   unmarked;
 * - a gap is a number above the highest number so far + 1 with no paragraph numbered in between (a list that
 *   restarts at 1 never creates a gap);
 * - a duplicate is a number repeated immediately (4, 4), never a restart at a lower number.
 */
import type { Cable, Paragraph } from '../parser/model';

export interface NumberingIssue {
  kind: 'gap' | 'duplicate';
  paragraph: Paragraph;
  previous: Paragraph;
}

export function numberingIssues(cable: Cable): NumberingIssue[] {
  const candidates = cable.paragraphs.filter((p) => !p.quoted && !p.subLetter);
  const marked = candidates.filter((p) => p.marking);
  const markedStyle = marked.length >= 2 && marked.length * 2 >= candidates.length;
  const top = markedStyle ? candidates.filter((p) => p.marking || p.classifiedBy) : candidates;
  const issues: NumberingIssue[] = [];
  let previous: Paragraph | null = null;
  let max = 0;
  for (const p of top) {
    if (previous) {
      if (p.number === previous.number) {
        issues.push({ kind: 'duplicate', paragraph: p, previous });
      } else if (p.number > max + 1) {
        const prev: Paragraph = previous;
        const between = candidates.some((c) => c.start > prev.start && c.start < p.start && c.number > max && c.number < p.number);
        if (!between) issues.push({ kind: 'gap', paragraph: p, previous });
      }
    }
    max = Math.max(max, p.number);
    previous = p;
  }
  return issues;
}
