/** Paragraph numbers: where a numbered paragraph starts, and what may stand before its text. */
import { hasWordAt } from './caseless';
import { isAsciiLetter, isDigit, isTrimSpace, isUpper } from './chars';
import type { Line } from './lines';
import type { Paragraph, PortionMarking } from './model';
import { readPortionMark } from './portionMark';

/** `7, (U)`, `9 (C)`, `1) (SBU)`: groups as PARA's (no `¶`, no sub-letter), then the separator; a portion mark must follow. */
export const LOOSE_PARA = /^()(\d{1,3})()([,)]?)(?= {1,3}\((?:U|C|S|TS|SBU|LOU)\b)/;

/**
 * `19` or `20` at `text[at]`, as MIRROR_FOOTER starts: numbered paragraphs (`1. ...`, `2) ...`) ending with a capital
 * skip the pattern.
 */
export function startsCentury(text: string, at: number): boolean {
  const c = text.charCodeAt(at + 1);
  return text.charCodeAt(at) === 49 ? c === 57 : c === 48;
}

/**
 * The line's text ends at `end` of the document like CONTINUATION (`... OF 002`, any case): `OF` three characters
 * before the last three (digits). Letters and digits are the same in the document as in the line; the case-insensitive
 * pattern costs several times more than the same pattern without `i`.
 */
export function endsLikeContinuation(text: string, end: number): boolean {
  return (text.charCodeAt(end - 6) | 32) === 111 && (text.charCodeAt(end - 5) | 32) === 102 && isDigit(text.charCodeAt(end - 3)) && isDigit(text.charCodeAt(end - 2));
}

/** A paragraph number as written at the start of a line's text. */
export interface ParagraphNumber {
  /** Its length, separator included (`¶ 3.`, `2a.`, `7,`). */
  length: number;
  number: number;
  subLetter: string | null;
}

/** A paragraph's number as messages and the JSON name it: `3`, `2a`. */
export function paragraphLabel(p: Paragraph): string {
  return `${p.number}${p.subLetter ?? ''}`;
}

/**
 * `3.`, `¶3.`, `2a.`, `1.(C)` at `s[at]`: up to three digits, a lower-case sub-letter, a dot that starts no decimal
 * (`1.4`): white space, `(`, the end, or a capital starting a word (`3.The`, `3.A)`, `3.A `) must follow. Read by
 * character codes: the pattern `^(¶ ?)?(\d{1,3})([a-z])?\.(?=\s|\(|$|[A-Z][a-z]|[A-Z]\)|[A-Z] )` ran on every line
 * starting with a digit.
 */
export function paragraphNumber(s: string, at: number): ParagraphNumber | null {
  let i = at;
  if (s.charCodeAt(i) === 0xb6) {
    i++;
    if (s.charCodeAt(i) === 32) i++;
  }
  const digits = i;
  let number = 0;
  while (i - digits < 4 && isDigit(s.charCodeAt(i))) number = number * 10 + (s.charCodeAt(i++) - 48);
  if (i === digits || i - digits > 3) return null;
  let subLetter: string | null = null;
  const c = s.charCodeAt(i);
  if (c >= 97 && c <= 122) {
    subLetter = s[i];
    i++;
  }
  if (s.charCodeAt(i) !== 46 || !dotEndsNumber(s, i + 1)) return null;
  return { length: i + 1 - at, number, subLetter };
}

/** What may follow a paragraph number's dot at `s[i]`: white space, `(`, the end, or a capital and `[a-z]`, `)` or a space. */
function dotEndsNumber(s: string, i: number): boolean {
  if (i >= s.length) return true;
  const c = s.charCodeAt(i);
  if (c === 40 || isTrimSpace(c)) return true;
  if (!isUpper(c)) return false;
  const d = s.charCodeAt(i + 1);
  return (d >= 97 && d <= 122) || d === 41 || d === 32;
}

/** A month name, abbreviated or not, ending a line: `... beginning on Sept.`. */
const ENDS_WITH_MONTH = /(?:^|[\s(])(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\.?$/i;

/**
 * A day of the month wrapped onto the next line (`... beginning on Sept.` / `23.  Post should ...`, the mirror putting
 * `¶` before it): not the next number, no blank line before it, and the line above ends with a month.
 */
export function wrappedDay(lines: Line[], lastText: number, n: number, prevBlank: boolean, last: number): boolean {
  return !prevBlank && n !== last + 1 && n >= 1 && n <= 31 && lastText >= 0 && ENDS_WITH_MONTH.test(lines[lastText].text);
}

const ENTIRE_TEXT_CLASSIFIED_BY = /\bENTIRE TEXT\.?\s+CLASSIFIED\s+BY\b/i;

/**
 * `CLASSIFIED BY` where the paragraph's text starts, or `ENTIRE TEXT CLASSIFIED BY` anywhere in its first line `s`
 * (`text` is the document, `s` starts at its offset `start`).
 */
export function isClassifiedByParagraph(s: string, textAt: number, text: string, start: number): boolean {
  if ((textCharAtOffset(text, start, s, textAt) | 32) === 99 && /^CLASSIFIED\s+BY\b/i.test(s.slice(textAt))) return true;
  return (hasEntireText(s, 'X', text, start) || hasEntireText(s, 'x', text, start)) && ENTIRE_TEXT_CLASSIFIED_BY.test(s);
}

/** `s.charCodeAt(at)` read from the document when it is in range (a letter there is the same in both). */
function textCharAtOffset(text: string, start: number, s: string, at: number): number {
  return at < s.length ? text.charCodeAt(start + at) : NaN;
}

/**
 * Whether `s` holds `ENTIRE TEXT` (any case) with its `X` written as `x`: found from that rare letter by native
 * searches, which spares most first lines (often a whole paragraph long) the case-insensitive scan. The `E` nine
 * characters before is read from the document first (a letter there is the line's).
 */
function hasEntireText(s: string, x: string, text: string, start: number): boolean {
  for (let i = s.indexOf(x, 9); i >= 0; i = s.indexOf(x, i + 1)) {
    if ((text.charCodeAt(start + i - 9) | 32) === 101 && hasWordAt(s, i - 9, 'entire text')) return true;
  }
  return false;
}

/** Whether a digit follows, after spaces, the first `)` after `s[from]`. */
export function digitAfterParen(s: string, from: number): boolean {
  let at = s.indexOf(')', from) + 1;
  if (at === 0) return false;
  while (at < s.length && s.charCodeAt(at) === 32) at++;
  return isDigit(s.charCodeAt(at));
}

/** A known portion mark in parentheses at `s[from]`, after spaces (`(C)`, `(S/NF)`). */
export function startsWithMark(s: string, from: number, upperCaseCable: boolean): boolean {
  let at = from;
  while (at < s.length && s.charCodeAt(at) === 32) at++;
  if (s.charCodeAt(at) !== 40) return false;
  const m = readPortionMark(s, at, 0, upperCaseCable);
  return m !== null && m.level !== null && !m.unknown;
}

/** First letters (lower case) of the levels a classification line opens with: TOP SECRET, SECRET, CONFIDENTIAL, UNCLASSIFIED. */
export const LEVEL_INITIALS = [116, 115, 99, 117];

/**
 * The line is a known classification with its control markings and nothing else, written without parentheses
 * (`SECRET//FGI//NOFORN`, `CONFIDENTIAL//REL GERMANY`): read as the same mark in parentheses would be.
 */
export function isClassificationAlone(t: string, upperCaseCable: boolean): boolean {
  if (t.indexOf('//') < 0 || t.indexOf('(') >= 0 || t.length > 60) return false;
  const m = readPortionMark(`(${t})`, 0, 0, upperCaseCable);
  return m !== null && m.level !== null && !m.unknown && m.end === t.length + 2;
}

/** The line is one known classification in parentheses and nothing else (`(SECRET//REL GERMANY)`, `(CONFIDENTIAL)`). */
export function isMarkingAlone(s: string, indent: number, offset: number, upperCaseCable: boolean): boolean {
  const m = readPortionMark(s, indent, offset, upperCaseCable);
  return m !== null && m.level !== null && !m.unknown && m.end === offset + s.trimEnd().length;
}

// ---------------------------------------------------------------------------------------------- sub-items

/**
 * Whether a line whose text starts with `c0` then `c1` may open a sub-item or an unnumbered paragraph with a mark
 * (subItemMark): a necessary condition, tested before anything else is read. `(`, `-`, `*`, `•`, a digit (`1)`), a
 * letter before `.` or `)` (`A.`, `a)`), `o` before a space, or a roman numeral's second letter (`iv)`).
 */
export function maySubItem(c0: number, c1: number): boolean {
  if (c0 === 40 || c0 === 45 || c0 === 42 || c0 === 0x2022 || isDigit(c0)) return true;
  if (!isAsciiLetter(c0)) return false;
  if (c1 === 46 || c1 === 41) return true;
  if (c1 === 32) return c0 === 111;
  return isRoman(c0) && isRoman(c1);
}

/** `i`, `v` or `x`, either case. */
function isRoman(c: number): boolean {
  const l = c | 32;
  return l === 105 || l === 118 || l === 120;
}

/**
 * Where a sub-item's label ends (`A.`, `a)`, `iv)`, `(B)`, `(13)`, `1)`, `--`, `*`, `•`, `o`) for a line whose text
 * starts at `s[at]` with `c0`, or -1 when the text does not start with one.
 */
function labelEnd(s: string, at: number, c0: number): number {
  if (c0 === 40) {
    // `(B)`, `(13)`: one letter or one or two digits in parentheses.
    const c1 = s.charCodeAt(at + 1);
    if (s.charCodeAt(at + 2) === 41) return isAsciiLetter(c1) || isDigit(c1) ? at + 3 : -1;
    return isDigit(c1) && isDigit(s.charCodeAt(at + 2)) && s.charCodeAt(at + 3) === 41 ? at + 4 : -1;
  }
  if (c0 === 45) {
    let end = at + 1;
    while (end < at + 3 && s.charCodeAt(end) === 45) end++;
    return end;
  }
  if (c0 === 42 || c0 === 0x2022) return at + 1;
  if (isDigit(c0)) {
    const end = isDigit(s.charCodeAt(at + 1)) ? at + 2 : at + 1;
    return s.charCodeAt(end) === 41 ? end + 1 : -1;
  }
  const c1 = s.charCodeAt(at + 1);
  if (c1 === 46 || c1 === 41) return at + 2;
  if (c0 === 111 && c1 === 32) return at + 1;
  // `ii)`, `iv.`, `xii)`: a roman numeral of up to four letters.
  let end = at;
  while (end < at + 4 && isRoman(s.charCodeAt(end))) end++;
  const c = s.charCodeAt(end);
  return end > at + 1 && (c === 46 || c === 41) ? end + 1 : -1;
}

/** A sub-item's or unnumbered paragraph's mark, and where its label (if any) ends. */
export interface SubItemMark {
  /** End of the label in the line (the text start when there is none). */
  labelEnd: number;
  mark: PortionMarking;
}

/**
 * The portion mark opening a line's text (at `s[at]`, first character `c0`) that is not a numbered paragraph: right
 * at the start (`(S/NF) GOA Response: ...`), or after a sub-item label and spaces (`A. (S/NF) USG Concern: ...`,
 * `-- (C) On Iraq, ...`). `offset` is the document offset of `s[0]`. Only a known mark of the grammar followed by no
 * word character counts; a lower-case one (`(c) the intelligence value ...`: a list letter) only when the cable's
 * paragraph marks are lower case too (`lowerMarks`). Call only where maySubItem holds.
 */
export function subItemMark(s: string, at: number, c0: number, offset: number, upperCaseCable: boolean, lowerMarks: boolean): SubItemMark | null {
  if (c0 === 40) {
    const m = subMark(s, at, offset, upperCaseCable, lowerMarks);
    if (m) return { labelEnd: at, mark: m };
  }
  const end = labelEnd(s, at, c0);
  if (end < 0 || s.charCodeAt(end) !== 32) return null;
  let markAt = end + 1;
  while (s.charCodeAt(markAt) === 32) markAt++;
  if (s.charCodeAt(markAt) !== 40) return null;
  const m = subMark(s, markAt, offset, upperCaseCable, lowerMarks);
  return m ? { labelEnd: end, mark: m } : null;
}

function subMark(s: string, at: number, offset: number, upperCaseCable: boolean, lowerMarks: boolean): PortionMarking | null {
  const m = readPortionMark(s, at, offset, upperCaseCable);
  if (!m || m.level === null || m.unknown || m.entireText) return null;
  // `(U)nited`: a word goes on after the parenthesis.
  const after = s.charCodeAt(m.end - offset);
  if (isAsciiLetter(after) || isDigit(after)) return null;
  let l = at + 1;
  while (s.charCodeAt(l) === 32) l++;
  return lowerMarks || isUpper(s.charCodeAt(l)) ? m : null;
}

/**
 * Paragraph numbers run onto the line of the paragraph above, the line break before them lost in the source
 * (`... for use in Brazil. 9. (SBU) Over the last two years ...`, 08BRASILIA1565; 07SANTIAGO983, 07KABUL185): where
 * one starts inside a line, found by one native search of the body for `. (` (the number's period, then its mark),
 * each hit then read back to a number of one or two digits after a finished sentence. The body loop asks `within`
 * for its lines in order.
 */
export class GluedNumbers {
  private readonly text: string;
  private readonly end: number;
  /** The next `. (` at or after the last line asked about (`end`: none). */
  private next: number;

  constructor(text: string, start: number, end: number) {
    this.text = text;
    this.end = end;
    this.next = this.find(start);
  }

  /**
   * Where a paragraph number starts after the first character of the text running from `from` to `end` (document
   * offsets), with a sentence ended before it (`.`, `!`, `?`, or a closing quote or parenthesis after one); or -1.
   */
  within(from: number, end: number): number {
    while (this.next < from) this.next = this.find(this.next + 1);
    while (this.next < end) {
      const at = this.numberBefore(this.next);
      if (at > from) return at;
      this.next = this.find(this.next + 1);
    }
    return -1;
  }

  private numberBefore(k: number): number {
    const t = this.text;
    let d = k;
    while (d > k - 2 && d > 0 && isDigit(t.charCodeAt(d - 1))) d--;
    if (d === k || t.charCodeAt(d - 1) !== 32 || t.charCodeAt(d) === 48) return -1;
    const c = t.charCodeAt(d - 2);
    const ended = c === 46 || c === 33 || c === 63 || ((c === 34 || c === 41 || c === 0x201d) && t.charCodeAt(d - 3) === 46);
    return ended ? d : -1;
  }

  private find(from: number): number {
    const k = this.text.indexOf('. (', from);
    return k < 0 || k >= this.end ? this.end : k;
  }
}
