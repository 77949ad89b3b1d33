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
 * - a gap is not reported when the missing numbers appear between the two paragraphs where no paragraph is
 *   parsed (flattened text, `3..`, `(13) (C)`), or when a WikiLeaks redaction lies between them (whole paragraphs redacted);
 * - a duplicate is a number repeated immediately (4, 4), never a restart at a lower number.
 */
import type { Cable, Paragraph } from '../parser/model';
import { REMOVED_NOTE } from './portions';

export interface NumberingIssue {
  kind: 'gap' | 'duplicate';
  paragraph: Paragraph;
  previous: Paragraph;
}

/** A WikiLeaks redaction: whole paragraphs were removed with their numbers (`XXXXXXXXXXXX`, `[DETAILS REMOVED]`). */
const REDACTION = /X{6,}|x{6,}/;

/**
 * Whether the skipped numbers still appear between the two paragraphs where the parser does not start a
 * paragraph: run into the previous line by a flattened conversion (`... 291401Z 11. (C) COMMENT`), or with a
 * typo after the number (`3.. (SBU)`). The paragraph is there, so there is no gap.
 */
function skippedNumbersPresent(text: string, from: number, to: number, first: number, last: number): boolean {
  const between = text.slice(from, to);
  for (let k = first; k <= last; k++) {
    if (!numberWritten(k).test(between)) return false;
  }
  return true;
}

/** Compiled once per paragraph number (gaps are checked on many cables; numbers are small). */
const NUMBER_PATTERNS: RegExp[] = [];
const CACHED_NUMBERS = 500;

function numberWritten(k: number): RegExp {
  const cached = k >= 0 && k < CACHED_NUMBERS ? NUMBER_PATTERNS[k] : undefined;
  if (cached) return cached;
  const pattern = new RegExp(`(?:^|[^\\d.])(?:${k}\\s?\\.+|\\(${k}\\))\\s*[(A-Z]`, 'm');
  if (Number.isInteger(k) && k >= 0 && k < CACHED_NUMBERS) NUMBER_PATTERNS[k] = pattern;
  return pattern;
}

function isCandidate(p: Paragraph): boolean {
  return !p.quoted && !p.subLetter;
}

/** No paragraph (outside quotes, without a sub-letter) numbered above `max` and below the one after the gap. */
function numberedBetween(cable: Cable, prev: Paragraph, p: Paragraph, max: number): boolean {
  for (const c of cable.paragraphs) {
    if (isCandidate(c) && c.start > prev.start && c.start < p.start && c.number > max && c.number < p.number) return true;
  }
  return false;
}

const NO_ISSUES: readonly NumberingIssue[] = Object.freeze([]);

export function numberingIssues(cable: Cable, text: string): readonly NumberingIssue[] {
  // Counted without building the candidate lists: this runs on every cable and rarely finds anything.
  let candidates = 0;
  let marked = 0;
  for (const p of cable.paragraphs) {
    if (!isCandidate(p)) continue;
    candidates++;
    if (p.marking) marked++;
  }
  const markedStyle = marked >= 2 && marked * 2 >= candidates;
  let issues: NumberingIssue[] | null = null;
  let previous: Paragraph | null = null;
  let max = 0;
  for (const p of cable.paragraphs) {
    if (!isCandidate(p) || (markedStyle && !p.marking && !p.classifiedBy)) continue;
    if (previous) {
      if (p.number === previous.number) {
        (issues ??= []).push({ kind: 'duplicate', paragraph: p, previous });
      } else if (p.number > max + 1) {
        const prev: Paragraph = previous;
        const gapText = text.slice(prev.numberToken.end, p.start);
        if (!numberedBetween(cable, prev, p, max) && !REDACTION.test(gapText) && !REMOVED_NOTE.test(gapText) && !skippedNumbersPresent(text, prev.numberToken.end, p.start, max + 1, p.number - 1)) {
          (issues ??= []).push({ kind: 'gap', paragraph: p, previous });
        }
      }
    }
    max = Math.max(max, p.number);
    previous = p;
  }
  return issues ?? NO_ISSUES;
}
