/**
 * Cable identifiers: `YY` + post + serial without leading zeros (`08ASTANA55`, cable-format.md §A.1). Every
 * spelling a cable or a reference uses is reduced to that one key, so a REF item, a file's metadata and a banner
 * MRN meet in the index whatever form each was written in.
 */
import { isTrimSpace, isUpper } from './chars';
import { canonicalPost } from './postNames';

export interface CableIdParts {
  /** Two-digit year, as in the canonical identifier. */
  yy: string;
  /** Four-digit year (66-99 -> 19xx, else 20xx, as the parser expands DTG years). */
  year: number;
  /** Canonical post token (`STATE`, `BUENOSAIRES`). */
  post: string;
  serial: number;
  /** PlusD collection suffix (`a` in `05STATE226504_a`), lower case. */
  suffix: string | null;
  /** True when banner words or operating signals that leaked into a WikiLeaks identifier were removed. */
  corrected: boolean;
}

/**
 * Banner words and section counts that leaked into malformed WikiLeaks identifiers between the year and the post
 * (`10EFTOKABUL668`, `08SECTION01OF03CAIRO1416`).
 */
const LEAKED_PREFIX = /^(?:EFTO|UNCLAS(?:SIFIED)?|CONFIDENTIAL|SECRET|SECTION\d{1,2}OF\d{1,2})/;
/**
 * Post letters, then the serial (zero padding allowed), then an operating signal that leaked in after the serial
 * (`07OSLO000160ZDK164`, `06MADRID002583ZFR2585`).
 */
const BODY = /^([A-Z]+)0*(\d{1,7})(Z[A-Z]{2}\d*)?$/;

export function expandYear(yy: number): number {
  return yy >= 66 ? 1900 + yy : 2000 + yy;
}

/** Reads an identifier in any of its written forms; null when it is not one (no year, no post or no serial). */
export function parseCableId(raw: string): CableIdParts | null {
  if (typeof raw !== 'string' || raw.length > 80) return null;
  let s = hasWhiteSpace(raw) ? raw.replace(/[\s\u00a0]+/g, '') : raw;
  let suffix: string | null = null;
  // (Each pattern below is tried only where its first character is: `_` before the suffix, a leaked word's initial.)
  const sfx = s.charCodeAt(s.length - 2) === 95 ? /_([a-z])$/i.exec(s) : null;
  if (sfx) {
    suffix = sfx[1].toLowerCase();
    s = s.slice(0, -2);
  }
  s = s.toUpperCase();
  const ym = /^(?:\d{4}(?=[A-Z])|\d{2}(?=[A-Z]))/.exec(s);
  if (!ym) return null;
  let rest = s.slice(ym[0].length);
  let corrected = false;
  for (let guard = 0; guard < 4; guard++) {
    const c = rest.charCodeAt(0);
    const leaked = c === 69 || c === 85 || c === 67 || c === 83 ? LEAKED_PREFIX.exec(rest) : null;
    if (!leaked || !/^[A-Z]{2}/.test(rest.slice(leaked[0].length))) break;
    rest = rest.slice(leaked[0].length);
    corrected = true;
  }
  const m = BODY.exec(rest);
  if (!m) return null;
  if (m[3]) corrected = true;
  let year = +ym[0];
  if (ym[0].length === 4) {
    if (year < 1900 || year > 2099) return null;
  } else year = expandYear(year);
  const serial = parseInt(m[2], 10);
  if (!(serial > 0)) return null;
  const post = canonicalPost(m[1], year);
  if (post.length < 2) return null;
  return { yy: twoDigits(year % 100), year, post, serial, suffix, corrected };
}

export function formatCableId(parts: Pick<CableIdParts, 'yy' | 'post' | 'serial'>): string {
  return `${parts.yy}${parts.post}${parts.serial}`;
}

/** The canonical identifier of any written form, or null. `2009STATE0124823_a` -> `09STATE124823`. */
export function canonicalCableId(raw: string): string | null {
  const p = parseCableId(raw);
  return p ? formatCableId(p) : null;
}

/** Identifier from the parts a reference or a banner gives: year (2 or 4 digits), post as written, serial. */
export function cableIdFromParts(year: number | string, post: string, serial: number | string): string | null {
  const y = typeof year === 'number' ? year : parseInt(year, 10);
  if (!Number.isFinite(y) || y < 0) return null;
  const yy = twoDigits(y % 100);
  const n = typeof serial === 'number' ? serial : parseInt(serial, 10);
  const p = canonicalPost(post, y < 100 ? expandYear(y) : y);
  // At most seven digits, as parseCableId reads them: a longer number is a date or a phone number, not a serial.
  if (!(n > 0) || n > 9_999_999 || !isUpperWord(p)) return null;
  return `${yy}${p}${n}`;
}

/** `/^[A-Z]{2,}$/`, by character. */
function isUpperWord(s: string): boolean {
  if (s.length < 2) return false;
  for (let i = 0; i < s.length; i++) if (!isUpper(s.charCodeAt(i))) return false;
  return true;
}

/** Whether `s` holds white space (what `\s` matches): most identifiers are written without. */
function hasWhiteSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isTrimSpace(s.charCodeAt(i))) return true;
  return false;
}

/** `00`..`99` (as `String(n).padStart(2, '0')`), built once. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

function twoDigits(n: number): string {
  return TWO_DIGITS[n] ?? String(n).padStart(2, '0');
}

/** Whether two written identifiers name the same cable. */
export function sameCable(a: string, b: string): boolean {
  const x = canonicalCableId(a);
  return x !== null && x === canonicalCableId(b);
}
