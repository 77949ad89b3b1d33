/**
 * Cable identifiers inside the text of one REF item: `08 ASTANA 55`, `STATE 124823 (NOTAL)`, `(08) SAO PAULO 581`,
 * `Berlin 1337, Berlin 1340`, `2009 BERLIN 1528`, `BELGRADE743`, `10SHENYANG 003`. REF items also hold e-mails,
 * intelligence report numbers, daily reports and dates; those must yield nothing. Links are only drawn to cables
 * that exist in the workspace, so an odd reading costs at most a hover, but the stop words below keep even that rare.
 */
import { cableIdFromParts, expandYear } from './cableId';
import { isAsciiLetter, isDigit, isTrimSpace, isUpper } from './chars';
import { LONG_POST_NAMES } from './postNames';

export interface CableMention {
  /** Offsets into the text given to `findCableMentions`. */
  start: number;
  end: number;
  /** Canonical identifier. */
  id: string;
  /** The item letter written right before the identifier (`b) vienna 309`, `(C)STATE 72896`), upper case. */
  letter: string | null;
  /** Readings with fewer post words, tried in order when `id` is not in the workspace (`FOLLOWING UP PARIS 12`). */
  alternatives: string[];
  /** True when the text gave no year and the citing cable's year was used. */
  yearInferred: boolean;
  /** Four-digit year, post as written (spaces kept), serial as written: the decoded identifier for hovers. */
  year: number;
  post: string;
  serial: string;
}

/** Words that are never (part of) a post name in front of a serial. */
const STOP_WORDS = new Set(
  (
    'A AN AND OR OF THE FOR TO FROM IN ON AT BY WITH AS PER SEE ALSO NOT NO NR NUMBER NUMBERS PARA PARAS PARAGRAPH ' +
    'PARAGRAPHS PAGE PAGES SECTION SECTIONS REF REFS REFTEL REFTELS NOTAL AND PREVIOUS DATED ITEM ITEMS ' +
    'EMBASSY AMEMBASSY AMCONSUL CONSULATE MISSION POST DEPARTMENT ' +
    'IIR TD OSC FBI CIA DIA NSA DTG EMAIL E-MAIL EMAILS E-MAILS MAIL FAX TELCON TELCONS LETTER MEMO MEMCON NOTE REPORT ' +
    'REPORTS DAILY POINTS POINT SVTC VTC CABLE CABLES TELEGRAM TELEGRAMS MESSAGE MSG DOC DOCUMENT FILE ' +
    'SECTO TOSEC ATO ' +
    // The Foreign Affairs Manual and Handbooks by volume and section (`7 FAM 180`, `2 FAM 227`, `5 FAH-1 H-210`).
    'FAM FAH ' +
    'JAN JANUARY FEB FEBRUARY MAR MARCH APR APRIL MAY JUN JUNE JUL JULY AUG AUGUST SEP SEPT SEPTEMBER OCT ' +
    'OCTOBER NOV NOVEMBER DEC DECEMBER MON MONDAY TUE TUESDAY WED WEDNESDAY THU THURSDAY FRI FRIDAY SAT SATURDAY ' +
    'SUN SUNDAY'
  ).split(/\s+/),
);

const LONG_POSTS = LONG_POST_NAMES.map((name) => name.split(' '));

interface Word {
  text: string;
  start: number;
  end: number;
}

/** `MADRID 00001003 001.2 OF 002`: the page continuation marker that wrapped REF lines carry. */
const CONTINUATION_AFTER = /^\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}/i;
/** What makes a number part of something else: a date (`05/11/07`), a code (`314-05`), a decimal, a time. */
const JOINED_AFTER = /^(?:[/.:-]\d|[/-][A-Za-z]|[A-Za-z])/;
/** A list letter ending the text before an identifier: `A.`, `b)`, `(C)`, `D:`; not the `S.` of `U.S.`. */
const LETTER_BEFORE = /(?:^|[\s;,(])\(?([A-Za-z])\s?[.):]\s*$/;
const MAX_TEXT = 4000;

/** Whether a word can be part of a post name, given the case of the surrounding text. */
function isPostWord(text: string, lowerCaseText: boolean): boolean {
  // `^[A-Za-z][A-Za-z-]*$`, by character: most words are rejected on their first one.
  if (text.length < 2 || !isAsciiLetter(text.charCodeAt(0))) return false;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 45 && !isAsciiLetter(c)) return false;
  }
  // In mixed-case text post names are capitalised (`Berlin`, `Abu Dhabi`); lower-case words are prose.
  if (!lowerCaseText && !isUpper(text.charCodeAt(0))) return false;
  return !STOP_WORDS.has(text.toUpperCase());
}

/** Whether `source[from, to)` is a non-empty run of spaces, tabs, line breaks or NBSP: two words of one name. */
function blankBetween(source: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10 && c !== 0xa0) return false;
  }
  return true;
}

function yearOf(text: string): number | null {
  const t = text.replace(/[()]/g, '');
  if (/^\d{2}$/.test(t)) return expandYear(+t);
  if (/^\d{4}$/.test(t)) {
    const y = +t;
    return y >= 1945 && y <= 2030 ? y : null;
  }
  return null;
}

/**
 * The words of `text` as `/\(\d{2}\)|[A-Za-z]+\d+|\d+[A-Za-z]+|[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]|\d+|\S/g` finds
 * them: a year in brackets, letters glued to digits (`BELGRADE743`), digits glued to letters (`10SHENYANG`), a
 * word, a number, else one character; white space between. Read by character (a pattern call per word cost more
 * than the rest of the reading).
 */
function tokenize(text: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < text.length) {
    if (isTrimSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = wordEnd(text, i);
    out.push({ text: text.slice(i, end), start: i, end });
    i = end;
  }
  return out;
}

/** End of the word that starts at `i` (not white space): the pattern's alternatives, tried in its order. */
function wordEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 40 && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && text.charCodeAt(i + 3) === 41) return i + 4;
  if (isAsciiLetter(c)) {
    const letters = runEnd(text, i, isAsciiLetter);
    // Letters glued to digits.
    if (isDigit(text.charCodeAt(letters))) return runEnd(text, letters, isDigit);
    // A word: letters, apostrophes and hyphens, ending in a letter; else the one letter.
    let last = i;
    for (let k = i + 1; k < text.length; k++) {
      const d = text.charCodeAt(k);
      if (isAsciiLetter(d)) last = k;
      else if (d !== 39 && d !== 45) break;
    }
    return last + 1;
  }
  if (isDigit(c)) {
    const digits = runEnd(text, i, isDigit);
    // Digits glued to letters, else the number.
    return isAsciiLetter(text.charCodeAt(digits)) ? runEnd(text, digits, isAsciiLetter) : digits;
  }
  return i + 1;
}

function runEnd(text: string, from: number, test: (c: number) => boolean): number {
  let k = from;
  while (k < text.length && test(text.charCodeAt(k))) k++;
  return k;
}

/** Index of the first word of the post name that ends at `words[k - 1]`; `k` when there is none. */
function postStartIndex(words: Word[], k: number, source: string, lowerCaseText: boolean): number {
  // (Compared on the last word first: it rules out nearly every name at once.)
  const long = longPostStart(words, k - 1, words[k - 1].text.toUpperCase(), source);
  if (long < k - 1) return long;
  let from = k;
  while (
    from > 0 &&
    k - from < 3 &&
    isPostWord(words[from - 1].text, lowerCaseText) &&
    (from === k || blankBetween(source, words[from - 1].end, words[from].start))
  ) {
    from--;
  }
  return from;
}

/**
 * Index of the first word of a LONG_POSTS name whose last word, `last` (upper case), is written at words[at] (the
 * whole word, or its letters before a glued serial: `THE HAGUE97`) after the name's other words; `at` when none is.
 */
function longPostStart(words: Word[], at: number, last: string, source: string): number {
  for (const name of LONG_POSTS) {
    const from = at - name.length + 1;
    if (from < 0 || name[name.length - 1] !== last) continue;
    let ok = true;
    for (let j = 0; ok && j < name.length - 1; j++) {
      ok = words[from + j].text.toUpperCase() === name[j] && blankBetween(source, words[from + j].end, words[from + j + 1].start);
    }
    if (ok) return from;
  }
  return at;
}

interface Candidate {
  yearWord: Word | null;
  /** Post name as written, and where it starts. */
  post: string;
  postStart: number;
  /** Shorter readings of the post (`UP PARIS`, `PARIS` for `FOLLOWING UP PARIS`), longest first. */
  shorter: string[];
  serial: string;
}

/** The year written right before the post (`08 ASTANA`, `2009 BERLIN`, `(08) SAO PAULO`), if any. */
function yearBefore(words: Word[], from: number, source: string): Word | null {
  if (from === 0) return null;
  const y = words[from - 1];
  const y0 = y.text.charCodeAt(0);
  if (!(isDigit(y0) || y0 === 40) || !/^(?:\d{2}|\d{4}|\(\d{2}\))$/.test(y.text) || !blankBetween(source, y.end, words[from].start)) return null;
  // `3/4 09` or `18 2009`: the number belongs to a date, not to the post.
  const prev = from > 1 ? words[from - 2] : null;
  if (prev && (isDigit(prev.text.charCodeAt(0)) || (prev.end === y.start && prev.text.length === 1 && '/.:-'.includes(prev.text)))) return null;
  return yearOf(y.text) === null ? null : y;
}

function candidateAt(words: Word[], k: number, source: string, lowerCaseText: boolean): Candidate | null {
  const w = words[k];
  // Every identifier ends in its serial's last digit: most words are rejected here, before any pattern.
  const lastChar = w.text.charCodeAt(w.text.length - 1);
  if (lastChar < 48 || lastChar > 57) return null;
  const glued = isAsciiLetter(w.text.charCodeAt(0)) ? /^([A-Za-z]{3,})(\d{1,8})$/.exec(w.text) : null;
  if (glued) {
    // `BELGRADE743`; not the tail of a longer code (`DTG261447ZNOV08`).
    if (!isPostWord(glued[1], lowerCaseText) || /[A-Za-z0-9]/.test(source[w.start - 1] ?? ' ')) return null;
    // The last word of a long post glued onto the serial (`THE HAGUE97`): the whole name.
    const from = longPostStart(words, k, glued[1].toUpperCase(), source);
    if (from < k) {
      const post = source.slice(words[from].start, w.start + glued[1].length);
      return { yearWord: yearBefore(words, from, source), post, postStart: words[from].start, shorter: [glued[1]], serial: glued[2] };
    }
    return { yearWord: yearBefore(words, k, source), post: glued[1], postStart: w.start, shorter: [], serial: glued[2] };
  }
  if (!/^\d{1,8}$/.test(w.text) || k === 0) return null;
  const before = words[k - 1];
  if (!blankBetween(source, before.end, w.start)) return null;
  const gy = isDigit(before.text.charCodeAt(0)) ? /^(\d{2}|\d{4})([A-Za-z]{3,})$/.exec(before.text) : null;
  if (gy) {
    // `10SHENYANG 003`.
    if (!isPostWord(gy[2], lowerCaseText) || yearOf(gy[1]) === null) return null;
    const yearWord = { text: gy[1], start: before.start, end: before.start + gy[1].length };
    return { yearWord, post: gy[2], postStart: yearWord.end, shorter: [], serial: w.text };
  }
  const from = postStartIndex(words, k, source, lowerCaseText);
  if (from === k) return null;
  const shorter: string[] = [];
  for (let j = from + 1; j < k; j++) shorter.push(source.slice(words[j].start, before.end));
  return {
    yearWord: yearBefore(words, from, source),
    post: source.slice(words[from].start, before.end),
    postStart: words[from].start,
    shorter,
    serial: w.text,
  };
}

/** Whether what follows a serial ending at `end` makes it part of something else (JOINED_AFTER, CONTINUATION_AFTER). */
function joinedAfter(source: string, end: number): boolean {
  // Each pattern is tried only after a character it can start with; at the end of the text neither can match.
  const c = source.charCodeAt(end);
  if (c === 47 || c === 46 || c === 58 || c === 45 || isAsciiLetter(c)) return JOINED_AFTER.test(source.slice(end, end + 40));
  return isTrimSpace(c) && CONTINUATION_AFTER.test(source.slice(end, end + 40));
}

/** The identifier word `k` ends, with the year it was read with; null when that word ends none. */
interface Reading {
  candidate: Candidate;
  id: string;
  year: number;
  /** No year was written: the citing cable's year was used. */
  yearInferred: boolean;
}

function readingAt(words: Word[], k: number, source: string, lowerCaseText: boolean, citingYear: number | null): Reading | null {
  const c = candidateAt(words, k, source, lowerCaseText);
  if (!c || joinedAfter(source, words[k].end)) return null;
  const explicitYear = c.yearWord ? yearOf(c.yearWord.text) : null;
  const year = explicitYear ?? (typeof citingYear === 'number' && citingYear > 0 ? citingYear : null);
  if (year === null) return null;
  const id = cableIdFromParts(year, c.post, c.serial);
  return id ? { candidate: c, id, year, yearInferred: explicitYear === null } : null;
}

/** The source text read (a bounded prefix), whether it has no upper-case pair, and its words. */
function wordsOf(text: string): { source: string; lowerCaseText: boolean; words: Word[] } {
  const source = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  return { source, lowerCaseText: !/[A-Z]{2}/.test(source), words: tokenize(source) };
}

/**
 * Every cable identifier in one REF item's text. `citingYear` (the citing cable's year) fills in a missing year,
 * as cables do: `REF: STATE 1234` in a 2009 cable means 09STATE1234.
 */
export function findCableMentions(text: string, citingYear: number | null): CableMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const { source, lowerCaseText, words } = wordsOf(text);
  const out: CableMention[] = [];
  for (let k = 0; k < words.length; k++) {
    const r = readingAt(words, k, source, lowerCaseText, citingYear);
    if (!r) continue;
    const { candidate: c, id, year } = r;
    const alternatives = alternativesOf(year, c.shorter, c.serial, id);
    const start = c.yearWord ? c.yearWord.start : c.postStart;
    const lead = LETTER_BEFORE.exec(source.slice(out.length ? out[out.length - 1].end : 0, start));
    const post = c.post.toUpperCase().replace(/\s+/g, ' ');
    out.push({ start, letter: lead ? lead[1].toUpperCase() : null, end: words[k].end, id, alternatives, yearInferred: r.yearInferred, year, post, serial: c.serial });
    // `TRIPOLI 33, 53`, `STATE 1234 AND 5678`: more serials of the same post and year after it.
    for (const j of serialsAfter(words, k, source)) {
      const serial = words[j].text;
      const more = cableIdFromParts(year, c.post, serial);
      if (!more) break;
      out.push({ start: words[j].start, letter: null, end: words[j].end, id: more, alternatives: alternativesOf(year, c.shorter, serial, more), yearInferred: r.yearInferred, year, post, serial });
      k = j;
    }
  }
  return out;
}

/** The identifiers read with the shorter post readings (`UP PARIS`, `PARIS`), other than `id`. */
function alternativesOf(year: number, shorter: string[], serial: string, id: string): string[] {
  const out: string[] = [];
  for (const p of shorter) {
    const alt = cableIdFromParts(year, p, serial);
    if (alt && alt !== id) out.push(alt);
  }
  return out;
}

/**
 * The indexes of the serials that go on the list of the serial at words[k] (`33, 53`, `1234 AND 5678`, `12 & 14`):
 * each after a comma, `AND` or `&`, a bare number standing as a serial does, before the end, another separator, a
 * semicolon, a colon or a bracket (`53 (NOTAL)`). None when a number of the list stands as something else does: a
 * day (`1234, 5 AND 6 FEBRUARY`), a year (`33, 1972`), a number joined to more (`33, 05/11/07`); a number that starts
 * another citation (`4914, 09 RIYADH 1868`) ends the list.
 */
function serialsAfter(words: Word[], k: number, source: string): number[] {
  const out: number[] = [];
  for (let at = k; ; at += 2) {
    const sep = words[at + 1];
    const n = words[at + 2];
    if (!sep || !n || !(sep.text === ',' || sep.text === '&' || sep.text.toUpperCase() === 'AND') || !/^\d{1,7}$/.test(n.text)) return out;
    const after = words[at + 3];
    if (after && !/^[,;:&()]$/.test(after.text) && after.text.toUpperCase() !== 'AND') {
      // The next citation's year (`09 RIYADH`, `2009 BERLIN`): the list ended before it. Anything else: no list.
      return (n.text.length === 2 || n.text.length === 4) && isPostWord(after.text, false) ? out : [];
    }
    if (joinedAfter(source, n.end) || (n.text.length === 4 && yearOf(n.text) !== null)) return [];
    out.push(at + 2);
  }
}

/**
 * The first identifier `findCableMentions` finds (its id, and whether the year was inferred), or null: what a REF
 * item keeps (the parser's model), without reading the other mentions, their alternatives or letters.
 */
export function firstCableMention(text: string, citingYear: number | null): { id: string; yearInferred: boolean } | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const { source, lowerCaseText, words } = wordsOf(text);
  for (let k = 0; k < words.length; k++) {
    const r = readingAt(words, k, source, lowerCaseText, citingYear);
    if (r) return { id: r.id, yearInferred: r.yearInferred };
  }
  return null;
}
