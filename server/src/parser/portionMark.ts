/** Portion markings after a paragraph number (§A.7): `(C)`, `(S//NF)`, `(SBU/N)`, malformed `C)`, `( C )`, legacy `C - ENTIRE TEXT`. */
import { parsePortionMark } from '../knowledge/classification';
import type { Level, PortionMarking } from './model';

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
  C: 'C',
  CONFIDENTIAL: 'C',
  S: 'S',
  SECRET: 'S',
  TS: 'TS',
  'TOP SECRET': 'TS',
};

/** Canonical dissemination controls (the rest, FOUO/SBU, are unclassified controls). */
const DISSEMINATION = new Set(['NF', 'XD', 'ND', 'OC', 'PROPIN', 'FGI']);

/** What a mark looks like: a short level token, optionally separators and controls. */
const CANDIDATE = /^\s*([A-Za-z]{1,4})\s*((?:(?:\/\/?|-)\s*[A-Za-z][A-Za-z ,-]{0,30}?\s*)*)$/;
const ENTIRE_TEXT = /^\(?\s*(U|C|S|TS|LOU|UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE)\s*(?:-{1,2}|\u2013|\u2014|:)?\s*ENTIRE\s+TEXT\b\.?\)?\.?/i;

/**
 * Reads a portion mark at `s[from]` (text right after the paragraph number). Returns null when there is none.
 * `offset` is the document offset of `s[0]`; `upperCaseCable` says whether lower-case marks are malformed.
 */
export function readPortionMark(s: string, from: number, offset: number, upperCaseCable: boolean): PortionMarking | null {
  const rest = s.slice(from, from + 60);
  const et = ENTIRE_TEXT.exec(rest);
  if (et) {
    const level = ENTIRE_TEXT_LEVELS[et[1].toUpperCase()];
    const info = LEVELS[level];
    return mark(rest.slice(0, et[0].length), from, offset, level, info, null, false, true);
  }
  if (rest.startsWith('(')) {
    const close = rest.indexOf(')');
    if (close < 0 || close > 32) return null;
    const inner = rest.slice(1, close);
    if (inner.includes('(')) return null;
    return fromInner(rest.slice(0, close + 1), inner, from, offset, upperCaseCable);
  }
  // `C)` / `SBU)`: a known level with its opening parenthesis missing.
  const open = /^([A-Z]{1,3}(?:\/\/?[A-Z]{1,6})?)\)/.exec(rest);
  if (open && LEVELS[open[1].split('/')[0]]) {
    const m = fromInner(open[0], open[1], from, offset, upperCaseCable);
    if (m) m.malformed = 'missing-open-paren';
    return m;
  }
  return null;
}

function fromInner(raw: string, inner: string, from: number, offset: number, upperCaseCable: boolean): PortionMarking | null {
  const read = parsePortionMark(inner);
  if (!read) {
    // Not a mark of the grammar: an attempted one (`(X)`, `(CS)`) is reported as unknown, prose is not a mark.
    const c = CANDIDATE.exec(inner);
    if (!c || c[1] !== c[1].toUpperCase() || (c[2] && c[2] !== c[2].toUpperCase())) return null;
    return mark(raw, from, offset, inner.trim().toUpperCase().replace(/\s*(\/\/|\/|-)\s*/g, '$1'), null, null, true, false);
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
