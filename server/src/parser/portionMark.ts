/** Portion markings after a paragraph number (§A.7): `(C)`, `(S//NF)`, `(SBU/N)`, malformed `C)`, `( C )`, legacy `C - ENTIRE TEXT`. */
import { parsePortionMark } from '../knowledge/classification';
import type { Level, PortionMarking } from './model';
import { detached } from './strings';

/** Level tokens of the portion-mark grammar and what they mean. SBU/LOU are unclassified controls, not levels. */
const LEVELS: Record<string, { level: Level; controls: string[] }> = {
  U: { level: 'UNCLASSIFIED', controls: [] },
  SBU: { level: 'UNCLASSIFIED', controls: ['SBU'] },
  LOU: { level: 'UNCLASSIFIED', controls: ['LOU'] },
  C: { level: 'CONFIDENTIAL', controls: [] },
  S: { level: 'SECRET', controls: [] },
  TS: { level: 'TOP SECRET', controls: [] },
};

/** Level words of legacy `ENTIRE TEXT` statements. */
const ENTIRE_TEXT_LEVELS: Record<string, string> = {
  U: 'U',
  UNCLASSIFIED: 'U',
  LOU: 'LOU',
  'LIMITED OFFICIAL USE': 'LOU',
  SBU: 'SBU',
  'SENSITIVE BUT UNCLASSIFIED': 'SBU',
  C: 'C',
  CONFIDENTIAL: 'C',
  S: 'S',
  SECRET: 'S',
  TS: 'TS',
  'TOP SECRET': 'TS',
};

/** Canonical dissemination controls (the rest, FOUO/SBU, are unclassified controls). */
const DISSEMINATION = new Set(['NF', 'XD', 'ND', 'OC', 'PROPIN', 'FGI']);

/** The level token of an attempted mark: 1-4 letters (a fifth letter makes it a word, not a mark). */
const LEVEL_TOKEN = /^\s*([A-Za-z]{1,4})\s*/;

const enum Read {
  Start,
  /** After `/`: a second `/` may follow. */
  Slash,
  /** After a separator: white space, then a letter. */
  AfterSeparator,
  /** Inside a control: letters, spaces, commas, hyphens. */
  Word,
  /** White space after a control: only a separator or the end may follow. */
  Trailing,
}

const isLetter = (c: string) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
const isSpace = (c: string) => /\s/.test(c);

/** The states reached from `state` by reading `c` (a `-` inside a control may also be a separator). */
function step(state: Read, c: string, out: Set<Read>): void {
  switch (state) {
    case Read.Start:
      if (c === '/') out.add(Read.Slash);
      else if (c === '-') out.add(Read.AfterSeparator);
      return;
    case Read.Slash:
      if (c === '/') out.add(Read.AfterSeparator);
      else step(Read.AfterSeparator, c, out);
      return;
    case Read.AfterSeparator:
      if (isLetter(c)) out.add(Read.Word);
      else if (isSpace(c)) out.add(Read.AfterSeparator);
      return;
    case Read.Word:
      if (isLetter(c) || c === ' ' || c === ',') out.add(Read.Word);
      else if (c === '-') out.add(Read.Word).add(Read.AfterSeparator);
      else if (c === '/') out.add(Read.Slash);
      else if (isSpace(c)) out.add(Read.Trailing);
      return;
    case Read.Trailing:
      if (isSpace(c)) out.add(Read.Trailing);
      else if (c === '/') out.add(Read.Slash);
      else if (c === '-') out.add(Read.AfterSeparator);
      return;
  }
}

/**
 * What a mark looks like: a short level token, then nothing or separators (`/`, `//`, `-`) each followed by a
 * control word (letters, spaces, commas, hyphens): `S // NF`, `C-REL UK`. Returns the level token and the controls
 * text, or null. Read in one pass with every reading of an ambiguous `-` kept at once: the equivalent regular
 * expression (nested repetition over `-`) backtracks exponentially. Mark texts are at most 31 characters here,
 * so no length cap on a control word is needed.
 */
export function readMarkCandidate(inner: string): { level: string; controls: string } | null {
  const m = LEVEL_TOKEN.exec(inner);
  if (!m) return null;
  const controls = inner.slice(m[0].length);
  let states = new Set<Read>([Read.Start]);
  for (const c of controls) {
    const next = new Set<Read>();
    for (const s of states) step(s, c, next);
    if (next.size === 0) return null;
    states = next;
  }
  const done = controls === '' || states.has(Read.Word) || states.has(Read.Trailing);
  return done ? { level: m[1], controls } : null;
}
const ENTIRE_TEXT = /^\(?\s*(U|C|S|TS|LOU|SBU|UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE|SENSITIVE BUT UNCLASSIFIED)\s*(?:-{1,2}|\u2013|\u2014|:)?\s*ENTIRE\s+TEXT\b\.?\)?\.?/i;

/**
 * Reads a portion mark at `s[from]` (text right after the paragraph number). Returns null when there is none.
 * `offset` is the document offset of `s[0]`; `upperCaseCable` says whether lower-case marks are malformed.
 */
export function readPortionMark(s: string, from: number, offset: number, upperCaseCable: boolean): PortionMarking | null {
  // Most marks are `(C)`: ENTIRE_TEXT runs only when an `x` of ENTIRE TEXT is in its reach (two native searches), and
  // a mark in parentheses is read from `s` without a copy of the text after it.
  if (hasWithin(s, 'X', from, MARK_REACH) || hasWithin(s, 'x', from, MARK_REACH)) {
    const rest = s.slice(from, from + MARK_REACH);
    const et = ENTIRE_TEXT.exec(rest);
    if (et) {
      const level = ENTIRE_TEXT_LEVELS[et[1].toUpperCase()];
      const info = LEVELS[level];
      return mark(rest.slice(0, et[0].length), from, offset, level, info, null, false, true);
    }
  }
  if (s.charCodeAt(from) === 40) {
    // The closing parenthesis within 32 characters, and no other opening one before it.
    const close = s.indexOf(')', from) - from;
    if (close < 0 || close > 32) return readRelList(s, from, close, offset, upperCaseCable);
    const inner = s.indexOf('(', from + 1);
    if (inner >= 0 && inner < from + close) return null;
    return fromInnerCached(s.slice(from, from + close + 1), from, offset, upperCaseCable);
  }
  // `C)` / `SBU)`: a known level with its opening parenthesis missing.
  const open = /^([A-Z]{1,3}(?:\/\/?[A-Z]{1,6})?)\)/.exec(s.slice(from, from + MARK_REACH));
  if (open && LEVELS[open[1].split('/')[0]]) {
    const m = fromInner(open[0], open[1], from, offset, upperCaseCable);
    if (m) m.malformed = 'missing-open-paren';
    return m;
  }
  return null;
}

/** A mark with a REL TO list: `(S//REL ...`, `(C/REL ...`. */
const REL_MARK = /^\(\s*(?:TS|S|C|U|SBU)\s*\/\/?\s*REL\b/i;
/** How long a REL TO list may run. */
const REL_REACH = 200;

/**
 * A mark whose REL TO list runs past the usual length (`(S/REL FRANCE, BRITAIN, TURKEY, SAUDI ARABIA, JORDAN, AND
 * QATAR)`), or on to the next line (`(S//REL AFGHANISTAN, KYRGYZSTAN, TAJIKISTAN,`): read to its parenthesis, or to
 * the end of the line. `close`: the parenthesis's distance from `from`, or -1.
 */
function readRelList(s: string, from: number, close: number, offset: number, upperCaseCable: boolean): PortionMarking | null {
  if (!REL_MARK.test(s.slice(from, from + 16))) return null;
  const inner = s.indexOf('(', from + 1);
  if (close >= 0) {
    if (close > REL_REACH || (inner >= 0 && inner < from + close)) return null;
    return fromInnerCached(s.slice(from, from + close + 1), from, offset, upperCaseCable);
  }
  if (inner >= 0 || s.length - from > REL_REACH) return null;
  let end = s.length;
  while (end > from && (s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 44)) end--;
  const raw = s.slice(from, end);
  return fromInner(raw, raw.slice(1), from, offset, upperCaseCable);
}

/** How far after the paragraph number a mark (or an `ENTIRE TEXT` statement) is read. */
const MARK_REACH = 60;

/** Whether `c` occurs in `s[from, from + reach)`. */
function hasWithin(s: string, c: string, from: number, reach: number): boolean {
  const at = s.indexOf(c, from);
  return at >= 0 && at < from + reach;
}

/**
 * Marks read so far, by their text, for upper-case and other cables: a cable repeats the same few marks (`(C)`,
 * `(SBU)`) on every paragraph. Each caller gets its own copy at its own offsets. Cleared when full.
 */
const MARKS = [new Map<string, PortionMarking | null>(), new Map<string, PortionMarking | null>()];
const MARKS_KEPT = 256;

/** `raw`: the mark with its parentheses. */
function fromInnerCached(raw: string, from: number, offset: number, upperCaseCable: boolean): PortionMarking | null {
  const marks = MARKS[upperCaseCable ? 1 : 0];
  let m = marks.get(raw);
  if (m === undefined) {
    // Kept across documents: the key and the kept mark's strings are copies, not views into this document.
    const key = detached(raw);
    m = fromInner(key, key.slice(1, -1), 0, 0, upperCaseCable);
    if (m) {
      m.text = detached(m.text);
      m.raw = detached(m.raw);
      m.normalized = detached(m.normalized);
    }
    if (marks.size >= MARKS_KEPT) marks.clear();
    marks.set(key, m);
  }
  if (!m) return null;
  return {
    start: offset + from,
    end: offset + from + raw.length,
    text: m.text,
    raw: m.raw,
    normalized: m.normalized,
    level: m.level,
    controls: m.controls.slice(),
    dissemination: m.dissemination.slice(),
    malformed: m.malformed,
    unknown: m.unknown,
    entireText: m.entireText,
  };
}

function fromInner(raw: string, inner: string, from: number, offset: number, upperCaseCable: boolean): PortionMarking | null {
  const read = parsePortionMark(inner);
  if (!read) {
    // Not a mark of the grammar: an attempted one (`(X)`, `(CS)`) is reported as unknown, prose is not a mark.
    const c = readMarkCandidate(inner);
    if (!c || c.level !== c.level.toUpperCase() || (c.controls && c.controls !== c.controls.toUpperCase())) return null;
    // The optional leading white space is taken only after a non-space: a run is then read once, not once per
    // position (quadratic), with the same matches.
    return mark(raw, from, offset, inner.trim().toUpperCase().replace(/(?:(?<!\s)\s+)?(\/\/|\/|-)\s*/g, '$1'), null, null, true, false);
  }
  const info = LEVELS[read.level];
  const m = mark(raw, from, offset, read.normalized, info, null, !read.known, read.entireText);
  m.dissemination = read.controls.filter((x) => DISSEMINATION.has(x) || x.startsWith('REL'));
  m.controls = [...info.controls, ...read.controls.filter((x) => x === 'FOUO' || (x === 'SBU' && read.level !== 'SBU'))];
  const issue = read.issues.find((i) => i !== 'lower-case' || upperCaseCable);
  m.malformed = issue ?? null;
  return m;
}

function mark(
  raw: string,
  from: number,
  offset: number,
  normalized: string,
  info: { level: Level; controls: string[] } | null,
  malformed: PortionMarking['malformed'],
  unknown: boolean,
  entireText: boolean,
): PortionMarking {
  return {
    start: offset + from,
    end: offset + from + raw.length,
    text: raw,
    raw,
    normalized,
    level: info?.level ?? null,
    controls: info ? [...info.controls] : [],
    dissemination: [],
    malformed,
    unknown,
    entireText,
  };
}
