/** Headings and titles between paragraphs: what a short line that is not a paragraph may be. */
import { END_OF_PART, ENDS_WITH_CLOSER, MARKER_INITIALS } from './blocks';
import { textCharAt } from './bodyChars';
import { isAsciiLetter, isDigit, isTrimSpace, isUpper } from './chars';
import { sectionHeaderEnd, startsParagraph } from './headerLines';
import { isBlank, type Line } from './lines';
import type { Heading, Paragraph } from './model';
import { LOOSE_PARA, paragraphNumber } from './paragraphNumbers';
import { BARE_BANNER, CONTINUATION, isPageBreak, isStrayLine, PRINT_QUEUE } from './strayLines';
import { rest } from './strings';

/**
 * A rule of dashes, also spaced (`- - - -`) or broken by Cablegate texts (`--------------------------------------------- -`,
 * `------------  -----------------`). Spaced, two dashes make a rule too: `- -` boxes a three-letter heading (`LRA`,
 * 07KAMPALA1449); `--` alone stays an empty item.
 */
export const UNDERLINE = /^(?:- {0,2}){2,}-$|^- {1,2}-$/;
/**
 * The rule opening such a line before its title (`------- ` in `------- Summary -------`), also spaced (`- - - ` in
 * `- - - Concerns about TFCA - - -`, 09BRASILIA1342).
 */
export const RULE_BEFORE = /^(?:-{3,}(?: {1,2}-+)*|-(?: -){2,})\s+(?=\S)/;
/** A line ending on the article `an` or `the`: the sentence goes on below it. */
const ENDS_ON_ARTICLE = /\s(?:AN|THE)$/i;

/**
 * `line.text.charCodeAt(at)` for a character that is not white space (the first after the indent, the last), read
 * from the document instead: line texts are slices, and reading a slice's characters costs several times more than
 * reading the flat document's. Folding keeps offsets and only makes spaces, so such a character is the same in both.
 */
/**
 * `End Key Points and Comments.` closes the heading `(C) COMMENTS` (or `(C) KEY POINTS`): the line is END and words
 * only, and the heading's words (without its portion mark) are those words, or one of the parts they join with AND
 * (not any phrase among them: `End of the key points debate is near.` is prose).
 */
export function closesHeading(t: string, heading: string): boolean {
  const m = END_OF_PART.exec(t);
  if (!m) return false;
  const head = titleKey(heading.replace(/^\([A-Z/ ]{1,12}\)\s*/i, ''));
  const named = titleKey(m[1]);
  return head.length > 0 && (named === head || named.split(' AND ').includes(head));
}

/** Upper-case letters and digits, runs of anything else as one space: a title to compare with another. */
function titleKey(s: string): string {
  return s.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();
}

/**
 * `...political parties.` / `BUT RAHMONOV IS NOT A SIMPLE PAWN` / blank / `13. (C) ...`: a line of capitals between a
 * finished sentence in mixed case and a numbered paragraph, the blank line above it lost by the mirror. Not a
 * redaction (`XXXXXXXXXXXX`); isHeading judges the rest, as for a line after a blank line.
 */
export function headsParagraph(lines: Line[], i: number, to: number, lastText: number, text: string): boolean {
  const next = i + 1 < to ? lines[i + 1] : null;
  if (!next || !isBlank(next) || lastText !== i - 1) return false;
  // Letters and punctuation are read from the document (folding makes spaces only); line texts end with no white space.
  const line = lines[i];
  const end = line.start + line.text.length;
  if (line.text.length - line.indent > 90 || hasLowerCase(text, line.start, end) || text.startsWith('XXXXX', line.start + line.indent)) return false;
  const above = lines[i - 1];
  const aboveEnd = above.start + above.text.length;
  if (!endsSentence(text, above.start, aboveEnd) || !hasLowerCase(text, above.start, aboveEnd)) return false;
  let k = i + 2;
  while (k < to && isBlank(lines[k])) k++;
  return k < to && paragraphNumber(lines[k].text, lines[k].indent) !== null;
}

/**
 * A title on its own line between two paragraphs with no blank line around it, as mirror pages print many cables
 * (`... END SUMMARY` / `Time to Close Refugee Camps` / `4. (C) ...`, `//Op Troika and its Updates//`): the line
 * above ends a sentence or a block, the next line opens a numbered paragraph, and the line is a title: it starts
 * with a capital or `//`, ends with no sentence or clause mark, and its long words are capitalised. Prose ending a
 * paragraph without its period (`The rest is history`) has a long lower-case word. (A title between blank lines is
 * titlesParagraphUnruled's.)
 */
export function titleBetweenParagraphs(text: string, lines: Line[], i: number, to: number, lastText: number, cLast: number): boolean {
  if (lastText !== i - 1 || i + 1 >= to || cLast === 46 || cLast === 44 || cLast === 59 || cLast === 58 || cLast === 33) return false;
  // The cheap tests first: the first character of this line and of the next, then how the line above ends.
  const line = lines[i];
  const c0 = line.text.charCodeAt(line.indent);
  // (Or a year first, as a title dates its part: `2009: The Year the Bubble Burst`, 10CARACAS69.)
  if (!(isUpper(c0) || (c0 === 47 && line.text.charCodeAt(line.indent + 1) === 47) || ((c0 === 49 || c0 === 50) && YEAR_FIRST.test(rest(line.text, line.indent))))) return false;
  let next = lines[i + 1];
  // A page break between the title and its paragraph (`Controlling Inflation: BCV Intervention and Coercion` /
  // `CARACAS 00000069 003 OF 004` / `7. (C) ...`, 10CARACAS69): the paragraph after the page furniture is the
  // title's. (A page marker ends with its page count: the last character is tested first.)
  if (!isBlank(next) && i + 2 < to && isDigit(next.text.charCodeAt(next.text.length - 1)) && isPageBreak(next)) next = lines[i + 2];
  if (isBlank(next) || paragraphNumber(next.text, next.indent) === null) return false;
  // A question is a title only in capitals (`BIG FISH OR SMALL FRY?`, 09ASTANA677); in mixed case, prose.
  if (cLast === 63 && hasLowerCase(text, line.start + line.indent, line.start + line.text.length)) return false;
  const above = lines[i - 1];
  const aboveEnd = above.start + above.text.length;
  if (!endsSentence(text, above.start, aboveEnd) && !endsSentenceInParens(text, above.start, aboveEnd) && !ENDS_WITH_CLOSER.test(above.text)) return false;
  return isTitle(rest(line.text, line.indent), c0);
}

/**
 * `G. Information Infrastructure and Telecommunications` / `Systems (INFR-3)` at the end of a paragraph that lists
 * `A.` to `F.` (08STATE116392, 08STATE30340), `B.  (SBU)  WHAT IS THE STATE OF CIVIL/MILITARY RELATIONS?` under
 * `A.  (SBU)  WHY WAS ...` (10STATE6451): the next item of a lettered list inside the open paragraph, not a title
 * over the paragraphs below. A lettered title follows the title lettered before it (`A. (U) PRESIDENT CALDERON` /
 * `1. ...` / `B. (U) CABINET`), not an item of the paragraph. Asked only of a line whose third character is a space.
 */
export function continuesLetteredList(lines: Line[], i: number, p: Paragraph | undefined, lastHeading: Heading | undefined): boolean {
  const line = lines[i];
  const letter = line.text.charCodeAt(line.indent) | 32;
  const punct = line.text.charCodeAt(line.indent + 1);
  // `B.` to `Z.` or `B)` to `Z)`, any case.
  if (!p || letter < 98 || letter > 122 || (punct !== 46 && punct !== 41)) return false;
  const item = (t: string, at: number) => (t.charCodeAt(at) | 32) === letter - 1 && t.charCodeAt(at + 1) === punct && isTrimSpace(t.charCodeAt(at + 2));
  if (lastHeading && item(lastHeading.text, 0)) return false;
  for (let k = i - 1; k >= 0 && lines[k].start >= p.firstLine.start; k--) if (item(lines[k].text, lines[k].indent)) return true;
  return false;
}

/** The line is a title's (`TITLE_WORDS`), not a redacted, table, stray, question or block-marker line. */
function isTitle(t: string, c0: number): boolean {
  // (`XXXXXXXXXXXX`: a redacted line.)
  if (!TITLE_WORDS.test(t) || t.startsWith('XXXXX') || isTableRow(t) || isStrayLine(t) || isPressQuestion(t)) return false;
  return !(MARKER_INITIALS.includes(c0 | 32) && /^(?:END|BEGIN)\s|^(?:SUMMARY|COMMENT|NOTE|QUOTE|UNQUOTE)\b/i.test(t));
}

/** `--`, `----`: a rule too short for isUnderline, under a short title (`EU` / `--`, `G-20` / `----`). */
function isDashLine(line: Line): boolean {
  const t = line.text;
  for (let k = line.indent; k < t.length; k++) if (t.charCodeAt(k) !== 45) return false;
  return t.length - line.indent >= 2;
}

/**
 * Where a rule run on after a title on its line starts (the white space before it), or -1: `NO-NONSENSE STYLE -----`,
 * or in pieces when the source broke it (`... STAFF --------------------------------------------- -----`, a 45-dash run
 * and the rest). As `/\s-{3,}(?: {1,2}-+)*$/` would find it, read from the end: the pattern is quadratic on a long
 * run of dashes and spaces.
 */
export function inlineRuleAt(t: string): number {
  // A spaced rule (`Concerns about TFCA - - -`) is read apart: its pieces are one dash each.
  const spaced = t.length > 4 && t.charCodeAt(t.length - 2) === 32 ? spacedRuleAt(t) : -1;
  if (spaced >= 0) return spaced;
  let found = -1;
  let k = t.length;
  for (;;) {
    let d = k;
    while (d > 0 && t.charCodeAt(d - 1) === 45) d--;
    if (d === k || d === 0) return found;
    const c = t.charCodeAt(d - 1);
    if (k - d >= 3 && (c === 32 || c === 9)) found = d - 1;
    // The piece before, one or two spaces to the left.
    let g = d;
    while (g > 0 && d - g < 2 && t.charCodeAt(g - 1) === 32) g--;
    if (g === d || g === 0 || t.charCodeAt(g - 1) !== 45) return found;
    k = g;
  }
}

/**
 * Where a spaced rule run on after a title starts (the white space before it), or -1: three single dashes or more,
 * one space apart (`- - -`), as 09BRASILIA1342 and 09BRASILIA1113 box their titles (`- - - Trade and Finance - - -`).
 */
function spacedRuleAt(t: string): number {
  let k = t.length - 1;
  let n = 0;
  while (t.charCodeAt(k) === 45 && (k === 0 || t.charCodeAt(k - 1) !== 45)) {
    n++;
    if (k >= 2 && t.charCodeAt(k - 1) === 32 && t.charCodeAt(k - 2) === 45) k -= 2;
    else break;
  }
  return n >= 3 && k > 0 && t.charCodeAt(k) === 45 && isTrimSpace(t.charCodeAt(k - 1)) ? k - 1 : -1;
}

/** Whether `lines[k]` ends on a rule run on after its words (`Relationship - - -`) and a blank line (or the end) follows. */
function closesBoxedTitle(lines: Line[], k: number, to: number): boolean {
  const t = lines[k].text;
  return t.charCodeAt(t.length - 1) === 45 && (k + 1 >= to || isBlank(lines[k + 1])) && inlineRuleAt(rest(t, lines[k].indent)) > 0;
}

/** Whether the first text line after the blank lines (or a dash line) from `k` on opens a numbered paragraph (number or mark first). */
function paragraphAfterBlanks(lines: Line[], k: number, to: number): boolean {
  if (k < to && isDashLine(lines[k])) k++;
  while (k < to && isBlank(lines[k])) k++;
  // A page break between the title and its paragraph, the title's rule carried under it (`Erdogan Spokesman on the
  // Media: Feed the Beast or Else` / blank / `Ankara 00001643 002 of 002` / blank / `---- ----` / `5. (C) ...`,
  // 08ANKARA1643): the page furniture is no text of the cable's, and the paragraph after it is the title's.
  if (k < to && isPageBreak(lines[k])) {
    k++;
    while (k < to && isBlank(lines[k])) k++;
    if (k < to && (isDashLine(lines[k]) || isUnderline(lines[k]))) k++;
    while (k < to && isBlank(lines[k])) k++;
  }
  if (k >= to) return false;
  const l = lines[k];
  const at = l.text.charCodeAt(l.indent) === 40 ? l.text.indexOf(')', l.indent) + 1 : l.indent;
  if (paragraphNumber(l.text, at > 0 ? at + (l.text.charCodeAt(at) === 32 ? 1 : 0) : l.indent) !== null) return true;
  // A number without its dot before a portion mark (`2 (C) The Majles-e Khobregan ...`, `7, (U) ...`), as the body
  // reads one (09RPODUBAI389); not `1) (C)`, an item's number.
  const loose = isDigit(l.text.charCodeAt(l.indent)) ? LOOSE_PARA.exec(rest(l.text, l.indent)) : null;
  return loose !== null && loose[4] !== ')';
}

/** A year and a title after it (`2009: The Year the Bubble Burst`). */
const YEAR_FIRST = /^(?:19|20)\d\d:?\s+[A-Z]/;

/**
 * Every word of five letters or more starts with a capital (after any quote or bracket): titles lower-case short
 * words only (`on`, `from`, `with`).
 */
const TITLE_WORDS = /^(?!.*(?:^|[\s(/"'\u201c\u2018-])[a-z]{5})/;

/** `... End note.)`: a sentence closed inside a parenthesis. */
function endsSentenceInParens(text: string, from: number, to: number): boolean {
  return to - from >= 2 && text.charCodeAt(to - 1) === 41 && endsSentence(text, from, to - 1);
}

/** `/[.?!]["'\u2019\u201d]?$/` over `text[from, to)`. */
function endsSentence(text: string, from: number, to: number): boolean {
  let k = to - 1;
  if (k < from) return false;
  let c = text.charCodeAt(k);
  if ((c === 34 || c === 39 || c === 0x2019 || c === 0x201d) && k > from) c = text.charCodeAt(--k);
  return c === 46 || c === 63 || c === 33;
}

/**
 * Whether the header of a later section's first printed page follows line `i` (blank lines, the page's banner and
 * print-queue lines, then `PAGE 01 ... 02 OF 02` and the header: sectionHeaderEnd) and the text after that header is
 * no numbered paragraph: line `i` is then the end of the section before, which the section break cut mid-sentence
 * (`THE DEFINITION OF A LEGAL AUTHORITY IS OPEN TO DEBATE, BUT FM` / ... / `TAURAN'S INSISTENCE ...`, 02VATICAN4444).
 * A title at the foot of a section has its paragraph after the header.
 */
function cutBySectionBreak(lines: Line[], i: number, to: number): boolean {
  let k = i + 1;
  for (let n = 0; k < to && n < 8; k++, n++) {
    const l = lines[k];
    if (isBlank(l)) continue;
    const t = rest(l.text, l.indent).trimEnd();
    if (!BARE_BANNER.test(t) && !PRINT_QUEUE.test(t)) break;
  }
  if (k >= to || lines[k].text.charCodeAt(lines[k].indent) !== 80) return false;
  const end = sectionHeaderEnd(lines, k, to);
  if (end < 0) return false;
  let j = end + 1;
  while (j < to && isBlank(lines[j])) j++;
  return j < to && !startsParagraph(rest(lines[j].text, lines[j].indent));
}

/** From `k` (a blank line): blank lines, a page's continuation marker, blank lines, then a rule. */
function ruleAfterPageBreak(lines: Line[], k: number, to: number): boolean {
  while (k < to && isBlank(lines[k])) k++;
  if (k >= to || !CONTINUATION.test(rest(lines[k].text, lines[k].indent).trimEnd())) return false;
  k++;
  while (k < to && isBlank(lines[k])) k++;
  return k < to && isUnderline(lines[k]);
}

/** The cheap first tests of isHeading: most prose lines fail them. `len`: the line's length after its indent. */
export function headingPossible(text: string, lines: Line[], i: number, to: number, prevBlank: boolean, len: number, cLast: number): boolean {
  if (len > 140) return false;
  if (cLast === 45) return true;
  const next = i + 1 < to ? lines[i + 1] : null;
  // A blank next line starts with white space or a line break, never `-`.
  const c = next && !isBlank(next) ? textCharAt(text, next, next.indent) : -1;
  if (!prevBlank) return c === 45;
  // Only a rule under the line (isUnderline: `-`, or white space `\s` takes first) or below a blank next line, or a
  // blank line under a next line that starts with a capital (a title over two lines: startsUnruledTwoLineTitle),
  // makes a heading of a line with lower case: without one, a lower-case letter (found from the first characters
  // of prose, in the document) rules it out.
  // (Or a rule closing the next line after one opening this line: a title boxed over two lines, closesBoxedTitle.)
  const ruled =
    c === 45 ||
    c >= 128 ||
    (next !== null && c < 0) ||
    (c >= 0 && ruledBelowNext(text, lines, i, to)) ||
    (isUpper(c) && i + 2 < to && isBlank(lines[i + 2])) ||
    (isUpper(c) && i + 3 < to && textCharAt(text, lines[i + 3], lines[i + 3].indent) === 45 && inThreeLineBox(lines, i, to)) ||
    (c >= 0 && textCharAt(text, next!, next!.text.length - 1) === 45 && textCharAt(text, lines[i], lines[i].indent) === 45);
  return ruled || !hasLowerCase(text, lines[i].start + lines[i].indent, lines[i].start + lines[i].indent + len);
}

/** `/[A-Za-z]{2}/` over `text[from, to)`. */
function hasTwoLetters(text: string, from: number, to: number): boolean {
  let run = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k) | 32;
    run = c >= 97 && c <= 122 ? run + 1 : 0;
    if (run === 2) return true;
  }
  return false;
}

/** `/^\(?[A-Z]{1,3}\)/` over `text[from, to)`: `(C)`, `A)` (an item or a mark, not a heading). */
function startsWithShortCapsParen(text: string, from: number, to: number): boolean {
  let k = from < to && text.charCodeAt(from) === 40 ? from + 1 : from;
  const letters = k;
  while (k < to && k - letters < 4 && isUpper(text.charCodeAt(k))) k++;
  return k > letters && k - letters <= 3 && k < to && text.charCodeAt(k) === 41;
}

/** Whether `text[from, to)` has an ASCII lower-case letter (folding makes spaces only: the document's letters are the line's). */
function hasLowerCase(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}
/**
 * A line ending a sentence with a period (`THE FOLLOWING RESPONSES ARE KEYED TO PARAGRAPH 3 REFTEL.`, `A.  NONE.`):
 * not an ellipsis (`TIMELINES...`), not an abbreviation with inner dots that can end a title (`... AND THE U.S.`).
 */
function endsSentenceWithPeriod(t: string): boolean {
  // `/[^.]\.$/` by its last two characters: the pattern scanned the whole line.
  return t.length >= 2 && t.charCodeAt(t.length - 1) === 46 && t.charCodeAt(t.length - 2) !== 46;
}

/** Whether the first line with text from line `k` on is a dashed item (`-TOUGH ...`, `-- AN INTERVIEW ...`) without lower case. */
function capsDashItemAt(lines: Line[], k: number, to: number, text: string): boolean {
  while (k < to && isBlank(lines[k])) k++;
  if (k >= to) return false;
  const l = lines[k];
  return l.text.charCodeAt(l.indent) === 45 && !isUnderline(l) && !hasLowerCase(text, l.start + l.indent, l.start + l.text.length);
}

/** `FOLLOWING` or `FOLLOWS` as a word: what a line that introduces a list says. */
export const LEADS_IN = /\bFOLLOW(?:ING|S)\b/i;

const ENDS_WITH_ABBREVIATION = /(?:^|[\s("'/-])(?:[A-Z]\.){2,}$/i;

/**
 * A short all-caps line standing alone, or any short line underlined with dashes. `t` starts at offset `at` of the
 * document `text`, where its letters and punctuation are read (the same there: folding makes spaces only).
 */
export function isHeading(lines: Line[], i: number, to: number, prevBlank: boolean, t: string, text: string, at: number): boolean {
  if (t.length > 140) return false;
  const next = i + 1 < to ? lines[i + 1] : null;
  const underlined = !!next && next.text.charCodeAt(next.indent) === 45;
  if (!prevBlank && !underlined && t.charCodeAt(t.length - 1) !== 45) return false;
  // A rule run on after the title on its line (`TITLE ----- -----`, the line break lost) is no part of the title's
  // length: the 90 characters are the title's own (`"JOAN OF ARC OF SUBVERSION" BECOMES CHIEF OF STAFF ---...`).
  const ruleAfter = t.charCodeAt(t.length - 1) === 45 ? inlineRuleAt(t) : -1;
  if ((ruleAfter >= 0 ? ruleAfter : t.length) > 90) return false;
  // A word of two letters at least; over a rule, also a name of one letter and a number (`G-20` / `----`, 09BEIJING2963),
  // or an abbreviation with its letters apart (`U.S.` / `---` over its delegation's names, 05BOGOTA7402).
  if (!hasTwoLetters(text, at, at + t.length) && !(underlined && ((LETTER_NUMBER_NAME.test(t) && (isDashLine(next!) || isUnderline(next!))) || ENDS_WITH_ABBREVIATION.test(t)))) return false;
  if (isTableRow(t)) return false;
  // Under prose, a rule that opens a box (rule, heading, rule) is the box's, not this line's underline.
  // A title may end in an abbreviation (`In pyongyang - messages for the u.s.`) when it stands alone.
  if (
    next &&
    isUnderline(next) &&
    (!endsWithOneOf(t, '.,;') || apartEllipsis(lines, i, t, prevBlank, text) || (prevBlank && ENDS_WITH_ABBREVIATION.test(t))) &&
    (prevBlank || !opensBox(lines, i + 1, to))
  )
    return !isStrayLine(t);
  // A rule one blank line below a line standing alone (`What Officials Say about the Air` / blank / `-----`). A rule
  // that opens the next box (rule, heading, rule) is that heading's, not this line's: `END NONPAPER FOR SAUDI ARABIA`
  // / blank / `---` / `REPORTING DEADLINE` / `---` closes the text above (08STATE128877).
  if (prevBlank && next && isBlank(next) && i + 2 < to && isUnderline(lines[i + 2]) && !endsWithOneOf(t, '.,;:') && !opensBox(lines, i + 2, to)) return !isStrayLine(t);
  if (ruleAfter > 0 && t.length <= 140) return !isStrayLine(t);
  // The first line of a title boxed over two lines (`- - - High-Level Visits, Dialogue, Thinking Needed in` /
  // `Relationship - - -` / blank, 09BRASILIA1342): a rule opens this line and one closes the next, which stands
  // alone above a blank line. The next line is then a heading joined to this one.
  if (prevBlank && next && !isBlank(next) && t.charCodeAt(0) === 45 && RULE_BEFORE.test(t) && closesBoxedTitle(lines, i + 1, to)) return !isStrayLine(t);
  // A box cut by a page break: `-----` / `Comment: Not Thoroughly-Corrupted, but Cause for Concern` / blank /
  // `MAPUTO 00000713 003 OF 003` / blanks / `-----` (09MAPUTO713): the rule after the page marker closes it. The
  // marker may follow the title with no blank line (`Reintegration: Reassurance from the U.S.` / `KABUL 00000170 002
  // OF 003` / `-----`, 10KABUL170).
  if (prevBlank && i > 0 && isUnderline(lines[i - 1]) && next && ruleAfterPageBreak(lines, i + 1, to)) return !isStrayLine(t);
  if (prevBlank && next && startsTwoLineHeading(text, lines, i, to, t, at)) return !isStrayLine(t);
  if (prevBlank && next && inThreeLineBox(lines, i, to)) return !isStrayLine(t);
  // (In capitals too when written `//TITLE//`, or over a rule too short to underline: `EU` / `--`, `G-20` / `----`;
  // or right above its numbered paragraph: `PROGRESS AND CONCERNS IN NORTHERN MALI` / `3. (S) ATT said ...`, 09BAMAKO776.)
  const unruled =
    prevBlank &&
    next &&
    (isBlank(next)
      ? hasLowerCase(text, at, at + t.length) || t.startsWith('//')
      : (isDashLine(next) && !isUnderline(next)) || paragraphNumber(next.text, next.indent) !== null);
  if (unruled && titlesParagraphUnruled(lines, i, i, to, t, text, at)) return true;
  if (prevBlank && next && !isBlank(next) && i + 2 < to && isBlank(lines[i + 2]) && startsUnruledTwoLineTitle(lines, i, to, t, text, at)) return true;
  if (!prevBlank || hasLowerCase(text, at, at + t.length) || endsWithOneOf(t, ',;')) return false;
  if (endsSentenceWithPeriod(t) && !ENDS_WITH_ABBREVIATION.test(t)) return false;
  // `THE NEWSPAPER ALSO PUBLISHED THE FOLLOWING REPORTS:`, `... AS FOLLOWS:` alone in an all-caps paragraph: a
  // sentence that introduces the list under it, not a title (a ruled one, asked above, stays the author's heading).
  if (t.charCodeAt(t.length - 1) === 58 && LEADS_IN.test(t)) return false;
  // `THERE WERE THREE KEY ELEMENTS TO THE COMPROMISE WE PROPOSED:` over `-TOUGH BUT REALIZABLE TESTS, ...`: with the
  // dashed items in capitals too, no change of case sets the line off as a title: it leads in to its list. (Over
  // mixed-case items, `FOR EU MEMBER STATES ONLY:` / `-- As we move ...`, the capitals mark a heading.)
  if (t.charCodeAt(t.length - 1) === 58 && next && isBlank(next) && capsDashItemAt(lines, i + 2, to, text)) return false;
  if (isPressQuestion(t)) return false;
  const c0 = text.charCodeAt(at);
  // (`SUMMARY AND TABLE OF CONTENTS`, `SUMMARY AND OBJECTIVES`: a title naming the summary and more, which opens no
  // block; `SUMMARY AND COMMENT` opens one.)
  if (MARKER_INITIALS.includes(c0 | 32) && /^(?:END|BEGIN)\s|^(?:SUMMARY|COMMENT|NOTE|QUOTE|UNQUOTE)\b(?!\s+AND\s+(?!COMMENT\b)[A-Z])/i.test(t)) return false;
  if (startsWithShortCapsParen(text, at, at + t.length) || c0 === 45 || c0 === 42 || c0 === 61) return false;
  // A caps line alone that stops on an article (`VIABLE CANDIDATE TO SUCCEED WOULD BE IN THE CONTEXT OF AN`) is prose
  // cut off by a page break without its header (07PARIS170), not a title: no title ends on `an` or `the`.
  if (!next || isBlank(next)) return !ENDS_ON_ARTICLE.test(t) && !isStrayLine(t) && !cutBySectionBreak(lines, i, to);
  if (isUnderline(next)) return !isStrayLine(t);
  // The first line of a heading written over two lines above its rule (`EU PROVIDES 43 MILLION` / `EUROS TO ...` / `---`).
  return i + 2 < to && isUnderline(lines[i + 2]) && isCapsLine(next.text.slice(next.indent)) && !isStrayLine(t);
}

/**
 * A title that trails off into the next one (`Saleh Promises No New MANPADS...` over `...In Exchange for One Million
 * Dollars`), between two rules or standing alone over its rule: an ellipsis ends no sentence, and the rule above or
 * the blank line sets the line apart from prose (a paragraph trailing off above a rule has its own text above it).
 * With no blank lines in the cable (`... meets the eyes.”` / `Congress Party Dismisses...` / `---`, 08NEWDELHI3228),
 * the line is a title when the text above ends a sentence and the rule under it is the line's own length, as an
 * author underlines a title: a sentence trailing off goes on from the line above and has no rule made to its measure.
 */
function apartEllipsis(lines: Line[], i: number, t: string, alone: boolean, text: string): boolean {
  if (!t.endsWith('...')) return false;
  if (alone || (i > 0 && isUnderline(lines[i - 1]))) return true;
  if (i === 0 || i + 1 >= lines.length || !TITLE_WORDS.test(t)) return false;
  const above = lines[i - 1];
  const rule = lines[i + 1];
  return !isBlank(above) && endsSentence(text, above.start, above.start + above.text.length) && Math.abs(rule.text.length - rule.indent - t.length) <= 1;
}

/**
 * The line goes on with the first line of the paragraph just opened, which stops mid-phrase on a word (`6. (c) notes
 * from the secgen's june 10 meeting with north` / `korean ambassador in london (ri yong ho)` / `---`): the rule under
 * it underlines the paragraph's own title, written over two lines, and no heading starts here.
 */
export function continuesParagraphTitle(text: string, lines: Line[], i: number, p: { firstLine: { start: number } } | undefined): boolean {
  const prev = lines[i - 1];
  // A line wrapped at the teletype's width; a whole paragraph on one line (mirror pages) is no title cut short.
  if (!p || !prev || p.firstLine.start !== prev.start + prev.indent || prev.text.length > 80) return false;
  const c = textCharAt(text, prev, prev.text.length - 1) | 32;
  // A redaction ending the line (`6. (S) XXXXXXXXXXXX` over `THE OPPOSITION` / `---`, 09ADDISABABA1318) is what
  // WikiLeaks cut out of the paragraph, no word of a title going on below.
  return c >= 97 && c <= 122 && !(c === 120 && endsWithRedaction(text, prev));
}

/** Whether `line` ends with five capital X or more (`XXXXXXXXXXXX`), read from the document. */
function endsWithRedaction(text: string, line: Line): boolean {
  const end = line.start + line.text.length;
  if (line.text.length - line.indent < 5) return false;
  for (let k = end - 5; k < end; k++) if (text.charCodeAt(k) !== 88) return false;
  return true;
}

/**
 * A title in mixed case without a rule, alone between blank lines over a numbered paragraph (`The Lebanese
 * Connection`, `Consulate Engagement: A Work in Progress`, `Tudeh Activists Re-Emerging?`), as many 2000s cables
 * set their headings. Prose comes to such a line only as a stray fragment of a paragraph, so the line must read as
 * a title: a capital first, no clause or sentence ended in it or at its end, and the text above it not broken off
 * mid-sentence (`... non-Muslim` / blank / `Brazilians. Brazil's Muslims ...` goes on with that paragraph).
 */
function titlesParagraphUnruled(lines: Line[], i: number, last: number, to: number, t: string, text: string, at: number): boolean {
  const c0 = text.charCodeAt(at);
  // A title in quotation marks (`"Photo of the Azores"`, 04MADRID2215) is read inside them: a capital first, and
  // no sentence ended inside the closing mark (`"We want back in."` is a quoted sentence).
  const quoted = t.length > 2 && isDoubleQuote(c0) && isDoubleQuote(t.charCodeAt(t.length - 1));
  const title = quoted ? t.slice(1, -1) : t;
  const first = quoted ? text.charCodeAt(at + 1) : c0;
  if (t.length > 80 || !(isUpper(first) || (c0 === 47 && text.charCodeAt(at + 1) === 47)) || endsWithOneOf(title, ',;:!')) return false;
  // A period ends a title only as the end of an abbreviation in capitals (`Major Party Differences on Relations with
  // the U.S.`, 04MADRID527), never a sentence's (`... in the region.`) nor `a.m.`.
  if (endsWithOneOf(title, '.') && !(isUpper(title.charCodeAt(title.length - 2)) && ENDS_WITH_ABBREVIATION.test(title))) return false;
  if (!paragraphAfterBlanks(lines, last + 1, to)) return false;
  if (STATEMENT_INSIDE.test(title) || isPressQuestion(title) || BLOCK_WORD.test(title) || NOTICE_OR_LABEL.test(title)) return false;
  // A question inside a title (`What Next? Brits Concerned`, 10BUENOSAIRES71) keeps its long words capitalised; a
  // question of prose broken off there (`... what comes next? Brits worry`) has a long word in lower case.
  if (QUESTION_INSIDE.test(title) && !TITLE_WORDS.test(title)) return false;
  // (Right under a heading's first line, `Media Coverage Goes From Nervous and Negative to Hopeful and` / `Positive`,
  // the line is that heading's end, not the end of a sentence.)
  let a = i - 1;
  const underText = a >= 0 && !isBlank(lines[a]);
  while (a >= 0 && isBlank(lines[a])) a--;
  if (a >= 0 && !underText) {
    const above = lines[a];
    const c = text.charCodeAt(above.start + above.text.length - 1);
    // A lower-case letter or a comma at the end of the text above: the sentence there goes on in this line.
    if ((c >= 97 && c <= 122) || c === 44) return false;
  }
  return !isStrayLine(t);
}

/**
 * The first line of a title written over two lines without a rule, alone between blank lines over a numbered
 * paragraph (`Section A.  STORAGE AND DISSEMINATION OF THIS` / `TELEGRAM`): both lines read as a title, and the
 * second starts with a capital, as the rest of a title does and the rest of a sentence does not (after a title in
 * capitals, it is in capitals too). The second line, alone above the blank line, is then a heading joined to this one.
 */
function startsUnruledTwoLineTitle(lines: Line[], i: number, to: number, t: string, text: string, at: number): boolean {
  const next = lines[i + 1];
  const n = rest(next.text, next.indent);
  const nextAt = next.start + next.indent;
  if (t.length > 70 || n.length > 40 || endsWithOneOf(t, '.,;:!?-') || endsWithOneOf(n, '.,;:!') || !isUpper(text.charCodeAt(nextAt))) return false;
  if (!hasLowerCase(text, at, at + t.length) && hasLowerCase(text, nextAt, nextAt + n.length)) return false;
  if (isUnderline(next) || paragraphNumber(next.text, next.indent) !== null || SENTENCE_INSIDE.test(n)) return false;
  return titlesParagraphUnruled(lines, i, i + 1, to, t, text, at);
}

/**
 * Where a title run onto the end of its paragraph's last line starts, the line break before it lost in the source
 * (`... End summary. State of Play: An Expected Rise, A Long Way to Go`, 10BRASILIA49; 09BRASILIA905, 10BRASILIA45):
 * after a sentence ended inside the line, a phrase in mixed case that reads as a title (a capital first, every word
 * of five letters or more capitalised, two words at least) and ends on a letter or a digit, as no sentence does.
 * Else -1. Asked only of the last line of a paragraph that a blank line and a numbered paragraph follow.
 */
export function titleEndingLine(text: string, line: Line): number {
  const t = line.text;
  const c = t.charCodeAt(t.length - 1);
  if (!isAsciiLetter(c) && !isDigit(c) && c !== 63) return -1;
  const m = TITLE_AFTER_SENTENCE.exec(t);
  if (!m) return -1;
  const title = m[1];
  const at = t.length - title.length;
  if (!hasLowerCase(text, line.start + at, line.start + t.length) || title.indexOf(' ') < 0 || !TITLE_WORDS.test(title)) return -1;
  if ((BLOCK_WORD.test(title) && !TITLED_COMMENT.test(title)) || NOTICE_OR_LABEL.test(title) || isStrayLine(title)) return -1;
  // `... for Rousseff.) Rousseff: The Start of Something Big or the Best She'll Get?`: a question ends a paragraph's
  // prose as often as a title, so one is a title only when written as titles are, as no sentence is: four words at
  // least, every word of four letters or more capitalised, and more words capitalised than not (`Who is to say?`,
  // `Why not Dilma?`, `What does it mean?` stay prose).
  if (c === 63 && !titleCaseQuestion(title)) return -1;
  return at;
}

/** A sentence ended (`... said.`, `... roof."`), then the rest of the line, with no sentence end in it, to its end (or a question mark). */
const TITLE_AFTER_SENTENCE = /[a-z]{3}[.!?]["'\u2019\u201d)]?\s+([A-Z][^.!?]{7,79}\??)$/;

/** Whether question `title` is written in title case: see titleEndingLine. */
function titleCaseQuestion(title: string): boolean {
  const words = title.split(' ').filter((w) => w.length > 0);
  if (words.length < 4) return false;
  let upper = 0;
  for (const w of words) {
    const c = w.charCodeAt(0);
    if (isUpper(c)) upper++;
    else if (w.replace(/\W+$/, '').length >= 4) return false;
  }
  return upper * 2 > words.length;
}

/** `"` or a curly double quotation mark (`\u201c`, `\u201d`). */
function isDoubleQuote(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x201d;
}

/** A sentence ended inside a line (`Brazilians. Brazil's ...`): a word of three lower-case letters or more, then `.`, `!` or `?`, then more. */
const SENTENCE_INSIDE = /[a-z]{3}[.!?]["'\u2019\u201d)]?\s+\S/;
/** SENTENCE_INSIDE's first test of a title alone: a statement or exclamation ended inside it; a question is read apart. */
const STATEMENT_INSIDE = /[a-z]{3}[.!]["'\u2019\u201d)]?\s+\S/;
const QUESTION_INSIDE = /[a-z]{3}\?["'\u2019\u201d)]?\s+\S/;
/** `G-20`, `G8`, `P5`: a name of one capital and a number. */
const LETTER_NUMBER_NAME = /^[A-Z]-?\d{1,3}$/;
/**
 * A capitals label (`SOURCE: Consular Workload Statistics ...` under a table), a REF line written without its colon
 * (`REF A SECRETARY'S LETTER TO MBZ ...`) or a notice (`This is a PRT Karbala Reporting Cable`).
 */
const NOTICE_OR_LABEL = /^(?:[A-Z]{2,}:|REF(?:S|TELS?)?\b|This\s+(?:is|cable|message)\b)/;
/** A block marker or a label (`End Comment`, `Summary`, `Classified By: ...`, `Note`), never a title here. */
const BLOCK_WORD = /^(?:(?:END|BEGIN)\s|(?:SUMMARY|COMMENT|NOTE|QUOTE|UNQUOTE)\b|(?:CLASSIFIED|DERIVED|DECLASSIFY)\s+(?:BY|FROM|ON)\b)/i;
/**
 * `Comment: The Race Is About to Begin` run onto a paragraph's end (10BRASILIA49): a comment's title, a title of two
 * words at least after the label; the comment itself is read from it to its END COMMENT (body.ts commentHeading).
 */
const TITLED_COMMENT = /^(?:COMMENT|Comment):\s+[A-Z]\S*\s+\S/;

/** Whether the line after `lines[i]` has a rule under it. */
export function ruledBelowNext(text: string, lines: Line[], i: number, to: number): boolean {
  return i + 2 < to && textCharAt(text, lines[i + 2], lines[i + 2].indent) === 45 && isUnderline(lines[i + 2]);
}

/**
 * The first line of a heading written over two lines above its rule, in any case (`Sandinistas Look out for
 * Themselves and the Wealthy, While` / `the Poor Suffer` / `---`): it starts with a capital (or a portion mark), and
 * neither line ends a sentence or a clause. Prose reaches a rule this way only in its last line.
 */
function startsTwoLineHeading(text: string, lines: Line[], i: number, to: number, t: string, at: number): boolean {
  const next = lines[i + 1];
  if (isBlank(next) || !ruledBelowNext(text, lines, i, to) || isUnderline(next) || endsWithOneOf(t, '.,;')) return false;
  const c0 = text.charCodeAt(at);
  if (!isUpper(c0) && !(c0 === 40 && isUpper(text.charCodeAt(at + 1)))) return false;
  const n = next.text.length - next.indent;
  return n <= 90 && !endsWithOneOf(next.text, '.,;') && paragraphNumber(next.text, next.indent) === null;
}

/**
 * Line `i` is the first or second of a title written over three lines between two rules (`-----` / `Maria Teresa
 * Fernandez de la Vega` / `First Vice President, Minister of the Presidency,` / `and Spokesperson of the Government` /
 * `-----`, 08MADRID552), the top rule opening the box after a blank line. No line ends a sentence, and each is short,
 * as a title's are; the third line, over its rule, is read as any title over an underline is.
 */
function inThreeLineBox(lines: Line[], i: number, to: number): boolean {
  const top = i > 0 && isUnderline(lines[i - 1]) ? i - 1 : i > 1 && isUnderline(lines[i - 2]) ? i - 2 : -1;
  if (top < 0 || top + 4 >= to || !isUnderline(lines[top + 4]) || (top > 0 && !isBlank(lines[top - 1]))) return false;
  for (let k = top + 1; k <= top + 3; k++) {
    const l = lines[k];
    const n = l.text.length - l.indent;
    if (n === 0 || n > 70 || isUnderline(l) || endsWithOneOf(l.text.trimEnd(), k === top + 3 ? '.,;:' : '.;:')) return false;
  }
  return isUpper(lines[top + 1].text.charCodeAt(lines[top + 1].indent));
}

/** Whether the rule at `lines[r]` has one line of text and another rule under it. */
function opensBox(lines: Line[], r: number, to: number): boolean {
  return r + 2 < to && !isBlank(lines[r + 1]) && !isUnderline(lines[r + 1]) && isUnderline(lines[r + 2]);
}

/**
 * A row of a table set out in columns (`FY 2004  FY 2005   FY 2006`, `NIV           107,967  127,320   137,472`):
 * three or more cells apart by runs of two or more spaces, two of them with a figure. A title is one phrase, never
 * columns of figures; a lettered or numbered heading (`A.  BACKGROUND`) has two cells.
 */
function isTableRow(t: string): boolean {
  if (t.indexOf('  ') < 0) return false;
  const cells = t.trim().split(/\s{2,}/);
  if (cells.length < 3) return false;
  let withFigure = 0;
  for (const c of cells) if (/\d/.test(c) && ++withFigure === 2) return true;
  return false;
}

/**
 * A question of press guidance (`Q.  WHAT WAS THE CAUSE OF THE CRASH`, `Q: DO YOU HAVE A READ OUT ...?`, after a
 * paragraph sign in Cablegate texts): the question its answer (`A.`) follows, not a heading. Tested from its first letter.
 */
function isPressQuestion(t: string): boolean {
  const k = t.charCodeAt(0) === 0xb6 ? 1 : 0;
  return (t.charCodeAt(k) | 32) === 113 && PRESS_QUESTION.test(t);
}

const PRESS_QUESTION = /^\u00b6?Q\s*[.:]\s/i;

/** Whether the last character of `t` is one of `chars` (`/[.,;]$/` by a character test). */
function endsWithOneOf(t: string, chars: string): boolean {
  return t.length > 0 && chars.indexOf(t[t.length - 1]) >= 0;
}

/** A short all-caps line that ends no sentence or clause: a heading's second line. */
function isCapsLine(t: string): boolean {
  return t.length <= 90 && /[A-Z]{2}/.test(t) && !/[a-z]/.test(t) && !endsWithOneOf(t, '.,;');
}

/** A line of dashes alone; the pattern runs only when the first character after the indent can start one, and the last is `-`. */
export function isUnderline(line: Line): boolean {
  const c = line.text.charCodeAt(line.indent);
  return (c === 45 || c >= 128) && line.text.charCodeAt(line.text.length - 1) === 45 && UNDERLINE.test(line.text.trim());
}
