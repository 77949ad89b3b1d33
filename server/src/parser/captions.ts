/** The caption block between the banner and the body (§A.4-A.6): captions, passing lines, E.O., TAGS, SUBJECT, REF, Classified By. */
import { CAVEAT_INITIALS, HANDLING_NOTES, lookupCaveat } from '../knowledge/captions';
import { afterSectionPeriod, sectionAgainAt } from '../knowledge/reasons';
import { isAsciiLetter, isTrimSpace, lengthWithoutTrailing, trimStartIndex, upperAscii } from './chars';
import { findCableMentions, firstCableMention } from './referenceText';
import { rest } from './strings';
import type { Line } from './lines';
import type { Caption, ClassifiedBy, EoLine, ReferenceItem, Tag, TagsLine, Token } from './model';
import { tok, words as wordsOf } from './tokens';

/** Keywords that open a caption-block element; in flattened texts several share one line. */
const KEYWORD =
  /(?:^|[\s.])(E\.? ?O\.? {0,2}(?:11652|12065|12356|12958|13292|13526)\b|E\. ?[O0]\. {0,2}\d{5}\b|TAGS?[:;]|TAGS?(?= +[A-Z]{2,6}(?:[ ,]|$))|SUBJ(?:ECT)?\s?[:.;]|SUBJECT(?= [A-Z(])|REFS?(?:\(S\))?:|REFS?\.(?= +[A-Z(])|REFTELS?:|CLASS?I?FIED BY\b)/gi;

export type KeywordKind = 'eo' | 'tags' | 'subject' | 'ref' | 'classifiedBy';

export interface KeywordHit {
  kind: KeywordKind;
  /** Index in line.text where the keyword starts. */
  at: number;
}

export function keywordKind(word: string): KeywordKind {
  const w = word.toUpperCase();
  if (w.startsWith('CLAS')) return 'classifiedBy';
  if (w.startsWith('E')) return 'eo';
  if (w.startsWith('TAG')) return 'tags';
  if (w.startsWith('SUBJ')) return 'subject';
  if (w.startsWith('REF')) return 'ref';
  return 'classifiedBy';
}

/** The kind of a keyword KEYWORD matched, by its first letter (each alternative starts with its own). */
function matchedKind(word: string): KeywordKind {
  switch (word.charCodeAt(0) | 32) {
    case 101:
      return 'eo';
    case 116:
      return 'tags';
    case 115:
      return 'subject';
    case 114:
      return 'ref';
    default:
      return 'classifiedBy';
  }
}

/** What follows the order number of a real E.O. caption: `:`, `;` (`E.O. 12958: DECL`), or `,`. */
const EO_CAPTION_AFTER = /^ ?[:;,]/;

/** The last line searched and its hits: the header parser asks about the same line several times. */
let lastText: string | null = null;
let lastHits: readonly KeywordHit[] = [];

/** Drops the remembered line: its text is a slice that would keep the whole document alive after the parse. */
export function forgetKeywordMemo(): void {
  lastText = null;
  lastHits = [];
}

/** Every caption keyword on the line, in order. Shared with other callers asking about the same text: never change it. */
export function findKeywords(line: Line): readonly KeywordHit[] {
  const text = line.text;
  if (text === lastText) return lastHits;
  // Most lines have none: they share one empty list instead of each allocating one.
  let out: KeywordHit[] | null = null;
  KEYWORD.lastIndex = 0;
  let subject = false;
  for (let m = KEYWORD.exec(text); m; m = KEYWORD.exec(text)) {
    const at = m.index + m[0].length - m[1].length;
    const kind = matchedKind(m[1]);
    // `REF.  STATE 203771` (a period for the colon) only opens its line: elsewhere `REF.` is prose.
    if (kind === 'ref' && m[1].charCodeAt(m[1].length - 1) === 46 && at !== line.indent) continue;
    // `SUBJECT: E.O. 13382 ENTITIES`: an order named in the subject is not an E.O. line (those give `E.O. n:`).
    if (kind === 'eo' && subject && !EO_CAPTION_AFTER.test(text.slice(KEYWORD.lastIndex, KEYWORD.lastIndex + 3))) continue;
    if (kind === 'subject') subject = true;
    // `Classified By: Classified by Ambassador X`: the label written twice opens one element, not two (else the first
    // holds the bare label and the second, the one with the classifier and reasons, is dropped).
    if (kind === 'classifiedBy' && out && out[out.length - 1].kind === 'classifiedBy' && REPEATED_LABEL.test(text.slice(out[out.length - 1].at, at))) continue;
    (out ??= []).push({ kind, at });
  }
  lastText = text;
  lastHits = out ?? NO_HITS;
  return lastHits;
}

const NO_HITS: readonly KeywordHit[] = [];

/** A Classified By label and nothing else: the text before the label written a second time. */
const REPEATED_LABEL = /^CLASS?I?FIED\s+BY\s*:?\s*$/i;

/**
 * The order number; with the dots written (`E.O. 12598`) a mistyped number still makes an E.O. line, and so does a
 * digit zero typed for the letter O (`E.0. 12958: N/A`, 09BERLIN1626).
 */
// `E.O.  12356:` (two spaces) in 1980s cables.
const EO_LABEL = /^E\.? ?O\.? {0,2}(11652|12065|12356|12958|13292|13526)\b[:;.,]?|^E\. ?[O0]\. {0,2}(\d{5})\b[:;.,]?/i;
const LEGACY_DECL = /^(?:X?GDS|RDS|XDS|ADS)\b/i;
/** `E.O. 12958: 07/22/2019`: a date with no `DECL:` word before it is still the declassification date. */
const BARE_DATE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\s*$/;

export function parseEo(line: Line, at: number, to: number): EoLine {
  const s = line.text.slice(at, to);
  const m = EO_LABEL.exec(s)!;
  const number = m[1] ?? m[2];
  const label = tok(line, at, at + m[0].length - (isLabelPunctuation(m[0].charCodeAt(m[0].length - 1)) ? 1 : 0));
  const orderAt = at + s.indexOf(number);
  const eo: EoLine = {
    start: line.start + at,
    end: line.start + at + s.trimEnd().length,
    label,
    order: tok(line, orderAt, orderAt + number.length),
    na: null,
    declKeyword: null,
    decl: null,
    other: null,
  };
  readEoValue(eo, line, at + m[0].length, to);
  return eo;
}

/** `N/A`, `NA`, `N.A.`: the order does not apply (an unclassified cable). */
const NOT_APPLICABLE = /^N(?:\/A|\. ?A\.?|A)(?![A-Za-z0-9])\.?/i;

/**
 * The E.O. line's label ends its line and the next line opens with `DECL:` or `N/A` (`E.O. 12958:` / `DECL:
 * 12-20-12`): that line is read as the rest of the E.O. line. False when it is no such line.
 */
export function continueEo(eo: EoLine, next: Line): boolean {
  if (eo.na || eo.declKeyword || eo.decl || eo.other) return false;
  const c = next.text.charCodeAt(next.indent) | 32;
  if ((c !== 100 || !/^DECL/i.test(next.text.slice(next.indent))) && (c !== 110 || !NOT_APPLICABLE.test(next.text.slice(next.indent)))) return false;
  readEoValue(eo, next, next.indent, next.text.length);
  eo.end = next.start + next.text.length;
  return true;
}

/** What follows the E.O. label on `line` from `from` to `to`: N/A, DECL and its value, a legacy code, or other text. */
function readEoValue(eo: EoLine, line: Line, from: number, to: number): void {
  let i = from;
  while (i < to && line.text.charCodeAt(i) === 32) i++;
  const rest = line.text.slice(i, to);
  // Each pattern is tried only after its first letter (N/A, DECL...).
  const c = rest.charCodeAt(0) | 32;
  // `N/A`, and `NA` / `N.A.` in 1980s cables.
  const na = c === 110 ? NOT_APPLICABLE.exec(rest) : null;
  // `DECL:`, and the variants real cables carry: `DECLl:`, `Declassify on`.
  const decl = !na && c === 100 ? /^(?:DECL[A-Z]?\b|DECLASSIFY\s+ON\b)\s*[:;.]?/i.exec(rest) : null;
  if (na) eo.na = tok(line, i, i + na[0].length);
  else if (decl) {
    eo.declKeyword = tok(line, i, i + lengthWithoutTrailing(decl[0], ':;.'));
    const value = tok(line, i + decl[0].length, to);
    if (value.text) eo.decl = value;
  } else if (((c === 120 || c === 103 || c === 114 || c === 97) && LEGACY_DECL.test(rest)) || (c >= 48 && c <= 57 && BARE_DATE.test(rest))) eo.decl = tok(line, i, to);
  else if (rest.trim()) eo.other = tok(line, i, to);
}

/** `[:;.,]`: the punctuation an E.O. label may end with. */
function isLabelPunctuation(c: number): boolean {
  return c === 58 || c === 59 || c === 46 || c === 44;
}

/** TAGS tokens separated by spaces and/or commas; a parenthesised name after a tag is a person tag. */
export function parseTags(line: Line, at: number, to: number): TagsLine {
  const s = line.text;
  const labelEnd = at + tagsLabelLength(s, at, to);
  const label = tok(line, at, labelEnd);
  const tags = scanTags(line, labelEnd, to);
  const last = tags.length ? tags[tags.length - 1].end : label.end;
  return { start: label.start, end: last, label, tags };
}

/** Length of `^TAGS?[:;]?` (any case) matched on `s[at, to)`, read by character after the `TAG` a keyword hit found. */
function tagsLabelLength(s: string, at: number, to: number): number {
  if (to - at < 3 || (s.charCodeAt(at) | 32) !== 116 || (s.charCodeAt(at + 1) | 32) !== 97 || (s.charCodeAt(at + 2) | 32) !== 103) {
    return /^TAGS?[:;]?/i.exec(s.slice(at, to))![0].length;
  }
  let n = at + 3;
  if (n < to && (s.charCodeAt(n) | 32) === 115) n++;
  if (n < to && (s.charCodeAt(n) === 58 || s.charCodeAt(n) === 59)) n++;
  return n - at;
}

export function scanTags(line: Line, from: number, to: number): Tag[] {
  const s = line.text;
  const tags: Tag[] = [];
  let i = from;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 44 || c === 59 || c === 9) {
      i++;
      continue;
    }
    if (c === 40) {
      const close = s.indexOf(')', i);
      const end = close < 0 || close > to ? to : close;
      const t = tok(line, i + 1, end);
      if (t.text) tags.push({ start: t.start, end: t.end, text: t.text, kind: 'person' });
      i = end + 1;
      continue;
    }
    const b = i;
    for (; i < to; i++) {
      const d = s.charCodeAt(i);
      if (d === 32 || d === 44 || d === 59 || d === 9 || d === 40) break;
    }
    const t = tok(line, b, i);
    if (t.text) tags.push({ start: t.start, end: t.end, text: t.text, kind: 'tag' });
  }
  return tags;
}

/** Short codes of letters apart by spaces and commas, in either case (the case is checked on its own). */
const TAGS_LINE = /^[a-z]{2,6}(?:[ ,]+[a-z]{2,6}){0,24},?$/i;

/**
 * A line that only continues a wrapped TAGS line: short upper-case tokens (country codes run to a dozen or more);
 * lower-case ones where the TAGS line was lower-cased too (`lowerCase`).
 */
export function isTagsContinuation(line: Line, lowerCase = false): boolean {
  const t = line.text.trim();
  if (t.length === 0 || t.length > 100 || !TAGS_LINE.test(t)) return false;
  return lowerCase ? t === t.toLowerCase() : t === t.toUpperCase();
}

// ---------------------------------------------------------------------------------------------- captions

export function isKnownCaption(normalized: string): boolean {
  return lookupCaveat(normalized) !== null || HANDLING_NOTES.has(normalized);
}

const PASSING = /^(?:(?:[A-Z][A-Z/&.-]*)(?: [A-Z][A-Z/&.-]*){0,3} (?:FOR|PASS(?: TO)?|ALSO FOR)\b|PASS(?: TO)?\b|FOR\b|ALSO FOR\b)/i;

export function isPassingLine(text: string): boolean {
  return PASSING.test(text.trim());
}

/**
 * A caption line: short, mostly upper case, no sentence. Prose is not a caption, so a stray lower-case line
 * in the block ends the caption block rather than becoming a pretend caveat.
 */
export function looksLikeCaptionLine(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 70 || /[.:?!]\s*$|\d{3,}/.test(t)) return false;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return upper >= 3 && lower === 0;
}

/** A line made only of known captions in any case (`Noforn`, `sipdis` in lower-case cables). */
export function isKnownCaptionLine(text: string): boolean {
  // The first part must be known: an ASCII first letter that opens no caption rejects the line at once.
  const c = text.charCodeAt(trimStartIndex(text));
  if (c < 128 && !CAPTION_INITIALS.has(upperAscii(c))) return false;
  // Each part normalised as `p.trim().toUpperCase().replace(/\s+/g, ' ')`, stopping at the first unknown one.
  for (const p of text.split(',')) if (!isKnownCaption(collapseSpaces(p.trim().toUpperCase()))) return false;
  return true;
}

/**
 * First letters of every known caption, alias and handling phrase: a part that starts with another ASCII
 * character cannot be known (a non-ASCII one may upper-case to one of them).
 */
const CAPTION_INITIALS: ReadonlySet<number> = new Set([...CAVEAT_INITIALS, ...[...HANDLING_NOTES.keys()].map((p) => p.charCodeAt(0))]);

/** `s.replace(/\s+/g, ' ')`, skipping the regex when every white space is already a single space. */
function collapseSpaces(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? s.charCodeAt(i + 1) === 32 || isTrimSpace(s.charCodeAt(i + 1)) : isTrimSpace(c)) return s.replace(/\s+/g, ' ');
  }
  return s;
}

/**
 * Caption parts that address the cable rather than control it: none known, each an office symbol (`EUR/SE`) or
 * several words (`SCARDAVILLE OF DHS`); in a list of several, also bureau codes and words of up to four letters
 * (`EUR, PM, H`, `DEPT, FOR, DS/IP/EAP`). A single unknown word stays a caption: it may be a misspelt caveat, and
 * those are five letters or more (SIPDIS, NOFORN, EXDIS).
 */
export function isAddressingLine(parts: readonly Caption[]): boolean {
  if (parts.length === 0) return false;
  for (const p of parts) if (p.known || !addressesCable(p.normalized, parts.length > 1)) return false;
  return true;
}

function addressesCable(part: string, inList: boolean): boolean {
  return part.indexOf('/') >= 0 || part.indexOf(' ') >= 0 || (inList && SHORT_CODE.test(part));
}

const SHORT_CODE = /^[A-Z]{1,4}$/;

/**
 * `SIPDIS  S/CT SHARRI R. CLARK`: known captions, then addressing text on the same line from an office symbol or a
 * passing instruction on (`SIPDIS, DEA HQ FOR HARRIGAN`, 08RPODUBAI56). The index of the first part of that text, or -1.
 * `NOFORN, NOT FOR INTERNET DISTRIBUTION` (09STATE15113) passes the cable to no one: a handling phrase, left a caption.
 */
export function addressingTail(parts: readonly Caption[]): number {
  let k = 0;
  while (k < parts.length && parts[k].known) k++;
  if (k === 0 || k === parts.length) return -1;
  const t = parts[k].normalized;
  if (t.indexOf('/') < 0 && (!isPassingLine(t) || t.startsWith('NOT '))) return -1;
  for (let j = k; j < parts.length; j++) if (parts[j].known) return -1;
  return k;
}

/** A classification level and `//` before control markings (`SECRET//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`). */
const LEVEL_WITH_CONTROLS = /^(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS)\/\/(?=\S)/i;

/** `C O R R E C T E D C O P Y (ADDED TAGS)`, `CORRECTED COPY - PARAGRAPHS RENUMBERED`: letter-spaced or not. */
const CORRECTED_COPY = /^C ?O ?R ?R ?E ?C ?T ?E ?D +C ?O ?P ?Y\b/i;

export function parseCaptionLine(line: Line): Caption[] {
  const out: Caption[] = [];
  let from = line.indent;
  const s = line.text;
  if ((s.charCodeAt(from) | 32) === 99 && CORRECTED_COPY.test(rest(s, from))) {
    // One handling note, its explanation included: its words (`ADDED NOFORN CAPTION`) are not captions.
    const t = tok(line, from);
    return [{ start: t.start, end: t.end, text: t.text, normalized: 'CORRECTED COPY', known: true }];
  }
  const level = LEVEL_WITH_CONTROLS.exec(rest(s, from));
  if (level) {
    // `SECRET//NOFORN` under the banner: the classification written with its control markings, each of them a
    // caption (the level is the banner's own).
    const end = lengthWithoutTrailing(s, ' ');
    for (let at = from + level[0].length; at < end; ) {
      let to = s.indexOf('//', at);
      if (to < 0 || to > end) to = end;
      const t = tok(line, at, to);
      if (t.text) {
        const normalized = collapseSpaces(t.text.toUpperCase());
        out.push({ start: t.start, end: t.end, text: t.text, normalized, known: isKnownCaption(normalized) });
      }
      at = to + 2;
    }
    return out;
  }
  while (from <= s.length) {
    let to = s.indexOf(',', from);
    if (to < 0) to = s.length;
    // A comma inside parentheses separates no parts: `STATE:NEA/MAG (SWILLIAMS, MNARDI, MHAYES)` is one (09TUNIS415).
    const open = s.lastIndexOf('(', to);
    if (open >= from && to < s.length) {
      const close = s.indexOf(')', open);
      if (close > to) {
        to = s.indexOf(',', close);
        if (to < 0) to = s.length;
      }
    }
    const t = tok(line, from, to);
    if (t.text) {
      const normalized = collapseSpaces(t.text.toUpperCase());
      const known = isKnownCaption(normalized);
      if (!known && normalized.indexOf(' ') >= 0 && normalized.split(' ').some(isKnownCaption)) {
        // `SECRET NOFORN`: separate words on one line, not one phrase.
        for (const w of wordsOf(line, from, to)) {
          const upper = w.text.toUpperCase();
          out.push({ start: w.start, end: w.end, text: w.text, normalized: upper, known: isKnownCaption(upper) });
        }
      } else out.push({ start: t.start, end: t.end, text: t.text, normalized, known });
    }
    from = to + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- REF

const REF_CABLE = /^(?:\(?[A-Z]\)?[.)]?\s+)?(?:(\d{4}|\d{2})\s+)?([A-Z][A-Z-]+(?: [A-Z][A-Z-]+){0,2})\s+(\d{1,7})(?![\d/.-]\d)/;

/** The patterns for one item letter, built once: `A. ...` opening the list, and `B.` / `(B)` inside it. */
const itemPatterns = new Map<string, { first: RegExp; next: RegExp; line: RegExp }>();

function itemPattern(letter: string): { first: RegExp; next: RegExp; line: RegExp } {
  let p = itemPatterns.get(letter);
  if (!p) {
    // A mirror's paragraph sign may stand before the letter (`A. GENEVA 1706` / `¶B. GENEVA 1919`).
    // Either case (`a) vienna 350 b) vienna 309`, `B. KUWAIT 79` / `c. KUWAIT 90`); only the expected letter counts.
    const l = `[${letter}${letter.toLowerCase()}]`;
    p = {
      first: new RegExp(`^(?:¶ ?)?\\(?${l}[.)]\\s`),
      next: new RegExp(`(?:^|[\\s;,])(?:¶ ?)?\\(?${l}[.)]\\s`, 'g'),
      line: new RegExp(`^(?:¶ ?)?\\(?${l}[.)](?:\\s|$)`),
    };
    if (itemPatterns.size < 64) itemPatterns.set(letter, p);
  }
  return p;
}

/** Where lettered REF item `letter` starts inside line text `t` (`OF 10/6 D) STATE 215870`), or -1. */
export function letteredItemAt(t: string, letter: string): number {
  const re = itemPattern(letter).next;
  re.lastIndex = 0;
  const m = re.exec(t);
  return m ? m.index + (isItemSeparator(t.charCodeAt(m.index)) ? 1 : 0) : -1;
}

/** Whether line text `t` opens lettered REF item `letter` (`B. BERLIN 200`, `(b) ...`, `¶B.`), the letter in either case. */
export function opensLetteredItem(t: string, letter: string): boolean {
  return itemPattern(letter).line.test(t);
}

export function splitReferenceItems(text: string, base: number, firstLetter = 'A'): { letter: string | null; from: number; to: number }[] {
  // Lettered items run A, B, C...; look for the next expected letter only, so initials like "U.S." never split.
  const items: { letter: string | null; from: number; to: number }[] = [];
  const first = itemPattern(firstLetter).first.exec(text);
  if (!first) {
    // Unlettered lists are separated by semicolons (`STATE 272523; USUN 6028`), or by colons or commas when every
    // piece names a cable (`TEHRAN 1091: TEHRAN 263: MOSCOW 1603`).
    // Commas too when every piece names a cable (`06 RIYADH 4914, 09 RIYADH 1868, ...`).
    const namesCables = (sep: string) => text.includes(sep) && text.split(sep).every((x) => REF_CABLE.test(x.trim()));
    const sep = text.includes(';') ? ';' : namesCables(':') ? ':' : namesCables(',') ? ',' : null;
    if (!sep) return citationRun(text, base) ?? [{ letter: null, from: base, to: base + text.length }];
    const out: { letter: string | null; from: number; to: number }[] = [];
    let at = 0;
    for (let k = text.indexOf(sep); ; k = text.indexOf(sep, at)) {
      const end = k < 0 ? text.length : k;
      // A piece that is cables cited one after another is as many items: the separator left off at a line's end
      // (`...; 09 SAN SALVADOR 978` / `09 SAN SALVADOR 1033; ...`, 10SANSALVADOR37).
      const run = text.slice(at, end).trim() ? citationRun(text.slice(at, end), base + at) : null;
      if (run) out.push(...run);
      else if (text.slice(at, end).trim()) out.push({ letter: null, from: base + at, to: base + end });
      if (k < 0) break;
      at = k + 1;
    }
    return out;
  }
  let at = 0;
  let letter = firstLetter.charCodeAt(0);
  while (at < text.length) {
    const re = itemPattern(String.fromCharCode(letter + 1)).next;
    re.lastIndex = at + 2;
    const m = re.exec(text);
    const end = m ? m.index + (isItemSeparator(text.charCodeAt(m.index)) ? 1 : 0) : text.length;
    items.push({ letter: String.fromCharCode(letter), from: base + at, to: base + end });
    if (!m || letter >= 90) break;
    at = end;
    letter++;
  }
  return items;
}

/**
 * An unlettered REF that is nothing but cables cited one after another, with no separator (`SAO PAULO 433 SAO PAULO
 * 421 BRASILIA 709 2008 SAO PAULO 542`, a list whose letters and line breaks were lost): one item per cable. Null
 * when there are fewer than two, or when any other text stands before, between or after them (`STATE 1234 AND
 * 5678`, `TEHRAN 12 PARA 3`), where the item is one reference as written.
 */
function citationRun(text: string, base: number): { letter: null; from: number; to: number }[] | null {
  // Only the spans are used: any year lets a citation without one be read (`SAO PAULO 433`).
  const found = RUN_DIGITS.test(text) ? findCableMentions(text, 2000) : [];
  if (found.length < 2) return null;
  // Where each item starts: its citation, or the year before it that the reading left to the serial before
  // (`709 2008 SAO PAULO 542` reads as a date first).
  const starts: number[] = [];
  let at = 0;
  for (const m of found) {
    const gap = text.slice(at, m.start);
    const year = gap.trim();
    if (year && !YEAR.test(year)) return null;
    starts.push(year ? at + gap.indexOf(year) : m.start);
    at = m.end;
  }
  if (text.slice(at).replace(/\(NOTAL\)/gi, '').trim()) return null;
  return starts.map((from, k) => ({ letter: null, from: base + from, to: base + (k + 1 < starts.length ? starts[k + 1] : text.length) }));
}

/** The year of the next citation, all that may stand between two of a run but white space. */
const YEAR = /^\d{2}(?:\d{2})?$/;

/** Two runs of digits at least: a text that may cite two cables. */
const RUN_DIGITS = /\d\D+\d/;

/** `[\s;,]`: what may stand before an item's letter. */
function isItemSeparator(c: number): boolean {
  return c === 59 || c === 44 || isTrimSpace(c);
}

const HAS_DIGIT = /\d/;
const ITEM_LETTER = /^\s*(?:¶ ?)?\(?[A-Za-z]\)?[.)]\s*/;
/**
 * Mirrors that render REF lists as HTML lists print the list letter before the cable's own (`A. A. STATE 3080`,
 * `A. (A) KABUL 463`, `B. B) BAKU 30`, `A. A: OSLO 629`): the same letter again before a year or a post is that copy;
 * an initial (`A. A. Smith e-mail`) is kept.
 */
const DOUBLED_LETTER = /^\(?([A-Za-z])[.):]\s+(?=\d|[A-Z]{2})/;

export function makeReferenceItem(
  text: string,
  from: number,
  to: number,
  letter: string | null,
  citingYear: number | null,
  textBase: number,
  spanOf: (a: number, b: number) => { start: number; end: number },
): ReferenceItem {
  const raw = text.slice(from - textBase, to - textBase);
  // An unlettered item keeps its text as it is (the letter pattern would put back what it matched).
  let trimmed = (letter ? raw.replace(ITEM_LETTER, '') : raw).trim();
  const doubled = letter ? DOUBLED_LETTER.exec(trimmed) : null;
  if (doubled && doubled[1].toUpperCase() === letter) trimmed = trimmed.slice(doubled[0].length);
  const last = trimmed.charCodeAt(trimmed.length - 1);
  const clean = last === 59 || last === 44 || last === 58 ? trimmed.slice(0, -1) : trimmed;
  // The same reading as the workspace's REF links (first identifier named), so outline, hover and links agree.
  // (An item with no digit names no cable: most e-mail and meeting references skip the reading.)
  const first = HAS_DIGIT.test(raw) ? firstCableMention(raw, citingYear) : null;
  const span = spanOf(from, to);
  return { start: span.start, end: span.end, letter, text: clean, cableId: first?.id ?? null, yearInferred: first?.yearInferred ?? false };
}

/**
 * Mirror pages that print a REF block as an HTML list letter each of its lines, the cable's own letters included:
 * `A. (A) EMBASSY PARIS DAILY REPORT FOR FEBRUARY 17` / `B. 2006` / `C. (B) ...` (06PARIS1031, 07PARIS2027). When
 * own letters run A, B, C... under the mirror's and some line has none or the two disagree, the own letters are the
 * items' letters and a line without one goes on with the item above. `text` is the document.
 */
export function withOwnLetters(items: ReferenceItem[], text: string): ReferenceItem[] {
  if (items.length < 2) return items;
  const own: (string | null)[] = [];
  let expected = 65;
  let changes = false;
  for (const it of items) {
    const m = it.letter ? OWN_LETTER.exec(text.slice(it.start, Math.min(it.end, it.start + 24))) : null;
    const letter = m ? m[1].toUpperCase() : null;
    if (letter !== null) {
      if (letter.charCodeAt(0) !== expected++) return items;
      if (letter !== it.letter) changes = true;
    } else if (own.length === 0) return items;
    else changes = true;
    own.push(letter);
  }
  if (!changes || expected - 65 < 2) return items;
  const out: ReferenceItem[] = [];
  items.forEach((it, k) => {
    const letter = own[k];
    if (letter) {
      out.push({ ...it, letter, text: it.text.replace(OWN_PREFIX, '') });
      return;
    }
    const prev = out[out.length - 1];
    const named = prev.cableId ?? it.cableId;
    out[out.length - 1] = { ...prev, end: it.end, text: `${prev.text} ${it.text}`, cableId: named, yearInferred: prev.cableId ? prev.yearInferred : it.yearInferred };
  });
  return out;
}

/** The mirror's letter, then the cable's own in parentheses: `B. (B) RIO 346`, `C. (B) EMBASSY ...`. */
const OWN_LETTER = /^(?:¶ ?)?\(?[A-Za-z]\)?[.)]\s+\(([A-Za-z])\)\s/;
const OWN_PREFIX = /^\([A-Za-z]\)\s+/;

// ---------------------------------------------------------------------------------------------- Classified By

const CATEGORY_WORDS =
  /foreign government information|foreign relations|foreign activities|intelligence (?:activities|sources)|military plans|weapons systems|scientific|nuclear (?:materials|facilities)|vulnerabilities|weapons of mass destruction|sources and methods/i;

/**
 * Parses a Classified By paragraph given as joined text with a function mapping text offsets back to the
 * document. `text` starts at the label.
 */
export function parseClassifiedBy(text: string, toToken: (a: number, b: number) => Token): ClassifiedBy {
  const lm = /^CLASS?I?FIED\s+BY\s*:?(?:\s*CLASS?I?FIED\s+BY\b\s*:?)?/i.exec(text)!;
  // (A label written twice, `Classified By: Classified by X`: the label token is the first; the classifier follows the second.)
  const label = toToken(0, /^CLASS?I?FIED\s+BY\s*:?/i.exec(text)![0].length);
  // (`1.4. (b and d)`: a period may close the section before a parenthesised list; `1.4, b/d`: a comma may follow it.)
  const sec = /(?:^|[^\d.])(1 ?\. ?\d)(?!\d)(?:\.(?=[ \u00a0]{0,3}\())?\s*,?\s*[(]?\s*[a-zA-Z](?![a-zA-Z])/.exec(text);
  const reasonWord = /(?:[,;]|(?<![\s,;]))\s*(?:\bfor\s+)?\breasons?\b|\bE\.O\.\s*\d|;/i.exec(text.slice(lm[0].length));
  let whoEnd = text.length;
  if (reasonWord) whoEnd = lm[0].length + reasonWord.index;
  else if (sec) whoEnd = sec.index;
  let whoStart = lm[0].length;
  while (whoStart < whoEnd && isTrimSpace(text.charCodeAt(whoStart))) whoStart++;
  let who: Token | null = null;
  if (whoEnd > whoStart) {
    // (Tokens are copied field by field: an object spread that then overrides a field is slow.)
    const w = toToken(whoStart, whoEnd);
    const name = w.text.slice(0, lengthWithoutTrailing(w.text, ',:'));
    if (name) who = { start: w.start, end: w.end, text: name };
  }
  let section: Token | null = null;
  const reasons: Token[] = [];
  if (sec) {
    const sAt = sec.index + sec[0].indexOf(sec[1]);
    const st = toToken(sAt, sAt + sec[1].length);
    section = { start: st.start, end: st.end, text: sec[1].replace(/ /g, '') };
    scanReasonLetters(text, afterSectionPeriod(text, sAt + sec[1].length), section.text, toToken, reasons);
  } else if (reasonWord && /reason/i.test(reasonWord[0])) {
    // `for reasons b, d.`, `Reasons (b) and (d)`: letters straight after the word, no section written.
    let from = lm[0].length + reasonWord.index + reasonWord[0].length;
    if (text.charCodeAt(from) === 58) from++;
    scanReasonLetters(text, from, '', toToken, reasons);
  }
  return {
    start: label.start,
    end: toToken(0, text.trimEnd().length).end,
    label,
    who,
    section,
    reasons,
    categoryWords: !sec && CATEGORY_WORDS.test(text),
  };
}

const CONNECTIVE = /^(?:and|or)$/i;

/**
 * Where `word` (ending at `j`) and the next word, one space apart, spell `and`/`or` (a connective cut by a line
 * break, `a` / `nd`): the offset after the second part; else -1. A whole connective is not a cut one.
 */
function joinedConnective(text: string, word: string, j: number): number {
  if (word.length > 2 || CONNECTIVE.test(word) || text.charCodeAt(j) !== 32 || !isAsciiLetter(text.charCodeAt(j + 1))) return -1;
  let k = j + 1;
  while (k < text.length && isAsciiLetter(text.charCodeAt(k))) k++;
  return k - j - 1 <= 2 && CONNECTIVE.test(word + text.slice(j + 1, k)) ? k : -1;
}

/** Letters a-z after `1.4`, in any separator style, up to the sentence end or the next real word. */
function scanReasonLetters(text: string, from: number, section: string, toToken: (a: number, b: number) => Token, out: Token[]): void {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // `1.5 (B) and 1.5 (D)`: the same section written again before the next letter.
    const again = sectionAgainAt(text, i, section);
    if (again > 0) {
      i += again;
      continue;
    }
    if (c === 46 && (i + 1 >= text.length || isTrimSpace(text.charCodeAt(i + 1)))) return;
    if (isAsciiLetter(c)) {
      let j = i;
      while (j < text.length && isAsciiLetter(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      // A line break inside `and`/`or` (`1.4 (b) an` / `d (d).`) reaches here as two words joined by one space.
      const joined = joinedConnective(text, word, j);
      if (joined > 0) {
        i = joined;
        continue;
      }
      if (word.length === 1) {
        const t = toToken(i, j);
        out.push({ start: t.start, end: t.end, text: word.toLowerCase() });
      } else if (!CONNECTIVE.test(word)) return;
      i = j;
      continue;
    }
    // `[\s(),/&+]`
    if (!(isTrimSpace(c) || c === 40 || c === 41 || c === 44 || c === 47 || c === 38 || c === 43)) return;
    i++;
  }
}
