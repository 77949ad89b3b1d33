/**
 * Cable identifiers inside the text of one REF item: `08 ASTANA 55`, `STATE 124823 (NOTAL)`, `(08) SAO PAULO 581`,
 * `Berlin 1337, Berlin 1340`, `2009 BERLIN 1528`, `BELGRADE743`, `10SHENYANG 003`. REF items also hold e-mails,
 * intelligence report numbers, daily reports and dates; those must yield nothing. Links are only drawn to cables
 * that exist in the workspace, so an odd reading costs at most a hover, but the stop words below keep even that rare.
 */
import { cableIdFromParts, expandYear } from './cableId';
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
    'IIR TD OSC FBI CIA DIA NSA DTG EMAIL E-MAIL EMAILS E-MAILS TELCON TELCONS LETTER MEMO MEMCON NOTE REPORT ' +
    'REPORTS DAILY POINTS POINT SVTC VTC CABLE CABLES TELEGRAM TELEGRAMS MESSAGE MSG DOC DOCUMENT FILE ' +
    'SECTO TOSEC ATO ' +
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

/** A year in brackets, letters glued to digits (`BELGRADE743`), digits glued to letters (`10SHENYANG`), a word, a number. */
const TOKEN = /\(\d{2}\)|[A-Za-z]+\d+|\d+[A-Za-z]+|[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]|\d+|\S/g;
/** `MADRID 00001003 001.2 OF 002`: the page continuation marker that wrapped REF lines carry. */
const CONTINUATION_AFTER = /^\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}/i;
/** What makes a number part of something else: a date (`05/11/07`), a code (`314-05`), a decimal, a time. */
const JOINED_AFTER = /^(?:[/.:-]\d|[/-][A-Za-z]|[A-Za-z])/;
/** A list letter ending the text before an identifier: `A.`, `b)`, `(C)`, `D:`; not the `S.` of `U.S.`. */
const LETTER_BEFORE = /(?:^|[\s;,(])\(?([A-Za-z])\s?[.):]\s*$/;
const BLANK = /^[ \t\r\n\u00a0]+$/;
const MAX_TEXT = 4000;

/** Whether a word can be part of a post name, given the case of the surrounding text. */
function isPostWord(text: string, lowerCaseText: boolean): boolean {
  if (text.length < 2 || !/^[A-Za-z][A-Za-z-]*$/.test(text)) return false;
  // In mixed-case text post names are capitalised (`Berlin`, `Abu Dhabi`); lower-case words are prose.
  if (!lowerCaseText && !/^[A-Z]/.test(text)) return false;
  return !STOP_WORDS.has(text.toUpperCase());
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

function tokenize(text: string): Word[] {
  const out: Word[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Index of the first word of the post name that ends at `words[k - 1]`; `k` when there is none. */
function postStartIndex(words: Word[], k: number, source: string, lowerCaseText: boolean): number {
  for (const name of LONG_POSTS) {
    const from = k - name.length;
    if (from >= 0 && name.every((part, j) => words[from + j].text.toUpperCase() === part)) return from;
  }
  let from = k;
  while (
    from > 0 &&
    k - from < 3 &&
    isPostWord(words[from - 1].text, lowerCaseText) &&
    (from === k || BLANK.test(source.slice(words[from - 1].end, words[from].start)))
  ) {
    from--;
  }
  return from;
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
  if (!/^(?:\d{2}|\d{4}|\(\d{2}\))$/.test(y.text) || !BLANK.test(source.slice(y.end, words[from].start))) return null;
  // `3/4 09` or `18 2009`: the number belongs to a date, not to the post.
  const prev = from > 1 ? words[from - 2] : null;
  if (prev && (/^\d/.test(prev.text) || (prev.end === y.start && /^[/.:-]$/.test(prev.text)))) return null;
  return yearOf(y.text) === null ? null : y;
}

function candidateAt(words: Word[], k: number, source: string, lowerCaseText: boolean): Candidate | null {
  const w = words[k];
  // Every identifier ends in its serial's last digit: most words are rejected here, before any pattern.
  const lastChar = w.text.charCodeAt(w.text.length - 1);
  if (lastChar < 48 || lastChar > 57) return null;
  const glued = /^([A-Za-z]{3,})(\d{1,8})$/.exec(w.text);
  if (glued) {
    // `BELGRADE743`; not the tail of a longer code (`DTG261447ZNOV08`).
    if (!isPostWord(glued[1], lowerCaseText) || /[A-Za-z0-9]/.test(source[w.start - 1] ?? ' ')) return null;
    return { yearWord: yearBefore(words, k, source), post: glued[1], postStart: w.start, shorter: [], serial: glued[2] };
  }
  if (!/^\d{1,8}$/.test(w.text) || k === 0) return null;
  const before = words[k - 1];
  if (!BLANK.test(source.slice(before.end, w.start))) return null;
  const gy = /^(\d{2}|\d{4})([A-Za-z]{3,})$/.exec(before.text);
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

/**
 * Every cable identifier in one REF item's text. `citingYear` (the citing cable's year) fills in a missing year,
 * as cables do: `REF: STATE 1234` in a 2009 cable means 09STATE1234.
 */
export function findCableMentions(text: string, citingYear: number | null): CableMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const source = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const lowerCaseText = !/[A-Z]{2}/.test(source);
  const words = tokenize(source);
  const out: CableMention[] = [];
  for (let k = 0; k < words.length; k++) {
    const c = candidateAt(words, k, source, lowerCaseText);
    if (!c) continue;
    const w = words[k];
    const after = source.slice(w.end, w.end + 40);
    if (JOINED_AFTER.test(after) || CONTINUATION_AFTER.test(after)) continue;
    const explicitYear = c.yearWord ? yearOf(c.yearWord.text) : null;
    const year = explicitYear ?? (typeof citingYear === 'number' && citingYear > 0 ? citingYear : null);
    if (year === null) continue;
    const id = cableIdFromParts(year, c.post, c.serial);
    if (!id) continue;
    const alternatives: string[] = [];
    for (const p of c.shorter) {
      const alt = cableIdFromParts(year, p, c.serial);
      if (alt && alt !== id) alternatives.push(alt);
    }
    const start = c.yearWord ? c.yearWord.start : c.postStart;
    const lead = LETTER_BEFORE.exec(source.slice(out.length ? out[out.length - 1].end : 0, start));
    out.push({
      start,
      letter: lead ? lead[1].toUpperCase() : null,
      end: w.end,
      id,
      alternatives,
      yearInferred: explicitYear === null,
      year,
      post: c.post.toUpperCase().replace(/\s+/g, ' '),
      serial: c.serial,
    });
  }
  return out;
}
