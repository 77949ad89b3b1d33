/**
 * Dates of the envelope: the FL5 date-time group (`200929Z FEB 09`) and the FL3 DE line's julian filing
 * time (`0510929` = day-of-year 051, 09:29 Z). Pure calendar arithmetic in UTC; nothing throws.
 */
import { escapeMarkdown } from './hoverTexts';

/** Three-letter month abbreviations as written in DTGs. */
export const MONTHS: readonly string[] = Object.freeze([
  'JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC',
]);

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** English weekday names, Sunday first (index = `Date.getUTCDay()`). */
export const WEEKDAYS: readonly string[] = Object.freeze([
  'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
]);

/** Full English name of month 1-12, or null. */
export function monthName(month: number): string | null {
  return Number.isInteger(month) && month >= 1 && month <= 12 ? MONTH_NAMES[month - 1] : null;
}

/**
 * Month number 1-12 for `FEB`, `Feb`, `FEBRUARY` (also `SEPT`); null otherwise.
 */
export function monthNumber(abbrev: string): number | null {
  if (typeof abbrev !== 'string') return null;
  const a = abbrev.trim().toUpperCase();
  if (a.length < 3) return null;
  const i = MONTHS.indexOf(a.slice(0, 3));
  if (i < 0) return null;
  // Accept the abbreviation, SEPT, or the full name; reject other words that merely start like a month.
  if (a.length === 3 || a === 'SEPT' || a === MONTH_NAMES[i].toUpperCase()) return i + 1;
  return null;
}

/**
 * Century for a two-digit DTG/Created year. Cables span 1966-2010, so 66-99 are 1966-1999 and 00-65 are
 * 2000-2065: every real cable date lands in its own century, and the pivot sits in the gap no cable uses.
 * (DECL years are not cable dates: see executiveOrders.ts, which pivots them on the cable's date.)
 */
export function expandTwoDigitYear(yy: number): number {
  if (!Number.isInteger(yy) || yy < 0 || yy > 99) return NaN;
  return yy >= 66 ? 1900 + yy : 2000 + yy;
}

/** Number of days in `month` (1-12) of `year`, proleptic Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return 0;
  // Cable-era years from the table (checkDate runs for every date read); others as Date.UTC counts them (it
  // reads years 0-99 as 1900-1999).
  if (year >= 1000 && year <= 9999) return month === 2 ? (isLeapYear(year) ? 29 : 28) : MONTH_DAYS[month - 1];
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days per month of a common year. */
const MONTH_DAYS: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  if (!Number.isInteger(year)) return false;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** A calendar date checked for existence. */
export interface CheckedDate {
  year: number;
  month: number;
  day: number;
  valid: boolean;
  /** Why the date is impossible ("February 2009 has 28 days"). */
  reason?: string;
}

/** Checks that `year-month-day` exists; never throws. */
export function checkDate(year: number, month: number, day: number): CheckedDate {
  // Object literals with the keys in one order (no spread): this runs for every date a rule reads.
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return { year, month, day, valid: false, reason: 'not a whole-number date' };
  // Four-digit years only: Date.UTC maps years 0-99 to 19xx, and no cable or DECL date is that old.
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return { year, month, day, valid: false, reason: `year ${year} is out of range` };
  if (!Number.isInteger(month) || month < 1 || month > 12) return { year, month, day, valid: false, reason: `month ${month} does not exist` };
  const dim = daysInMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > dim) {
    return { year, month, day, valid: false, reason: `${MONTH_NAMES[month - 1]} ${year} has ${dim} days, not ${day}` };
  }
  return { year, month, day, valid: true };
}

/** A date-time group decoded. */
export interface DecodedDtg {
  /** ISO 8601 UTC (`2009-02-20T09:29:00Z`); null when invalid. */
  iso: string | null;
  /** Weekday of the date (`Friday`); null when invalid. */
  weekday: string | null;
  valid: boolean;
  /** Why it is invalid (impossible date, hour 25, unknown month...). */
  reason?: string;
  year: number | null;
  month: number | null;
  day: number | null;
  hour: number | null;
  minute: number | null;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** `YYYY-MM-DD` for whole-number parts (existence not checked); empty for non-integers. */
export function isoDate(year: number, month: number, day: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return '';
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function toInt(v: unknown): number {
  if (typeof v === 'number') return Number.isInteger(v) ? v : NaN;
  if (typeof v === 'string' && /^\s*\d{1,4}\s*$/.test(v)) return Number(v.trim());
  return NaN;
}

/**
 * Decodes the parts of a DTG. `year` may be two-digit (`'09'` -> 2009, see {@link expandTwoDigitYear}) or
 * four-digit. Impossible values are reported with `valid: false` and a reason, never thrown.
 *
 * @example decodeDtg('20', '0929', 'FEB', '09') // { iso: '2009-02-20T09:29:00Z', weekday: 'Friday', valid: true, ... }
 */
export function decodeDtg(day: string | number, hhmm: string, monthAbbrev: string, year: string | number): DecodedDtg {
  const out: DecodedDtg = { iso: null, weekday: null, valid: false, year: null, month: null, day: null, hour: null, minute: null };
  const yText = typeof year === 'number' ? String(year) : typeof year === 'string' ? year.trim() : '';
  let y = toInt(yText);
  if (Number.isNaN(y) || !(yText.length === 2 || yText.length === 4)) return { ...out, reason: `year "${yText}" is not 2 or 4 digits` };
  if (yText.length === 2) y = expandTwoDigitYear(y);
  out.year = y;
  const m = monthNumber(monthAbbrev);
  if (m === null) return { ...out, reason: `"${typeof monthAbbrev === 'string' ? monthAbbrev.slice(0, 20) : ''}" is not a month` };
  out.month = m;
  const d = toInt(day);
  const time = typeof hhmm === 'string' ? hhmm.trim() : '';
  if (!/^\d{4}$/.test(time)) return { ...out, day: Number.isNaN(d) ? null : d, reason: `time "${time}" is not HHMM` };
  const hour = Number(time.slice(0, 2));
  const minute = Number(time.slice(2));
  out.day = Number.isNaN(d) ? null : d;
  out.hour = hour;
  out.minute = minute;
  const checked = checkDate(y, m, d);
  if (!checked.valid) return { ...out, reason: checked.reason };
  if (hour > 23) return { ...out, reason: `hour ${hour} does not exist` };
  if (minute > 59) return { ...out, reason: `minute ${minute} does not exist` };
  const date = new Date(Date.UTC(y, m - 1, d, hour, minute));
  return {
    ...out,
    valid: true,
    iso: `${isoDate(y, m, d)}T${pad(hour)}:${pad(minute)}:00Z`,
    weekday: WEEKDAYS[date.getUTCDay()],
  };
}

const DTG_GROUP = /^\s*(\d{2})(\d{4})Z\s+([A-Za-z]{3,9})\s+(\d{2}|\d{4})\s*$/;

/**
 * Decodes a whole group as written, `200929Z FEB 09` (case-insensitive); null when the text does not
 * have the DTG shape at all (shape OK but impossible date -> `valid: false`).
 */
export function decodeDtgText(group: string): DecodedDtg | null {
  if (typeof group !== 'string' || group.length > 40) return null;
  const m = DTG_GROUP.exec(group);
  if (!m) return null;
  return decodeDtg(m[1], m[2], m[3], m[4]);
}

/** Hover text for a decoded DTG: `Date-time group: 20 February 2009, 09:29 UTC (a Friday).` */
export function dtgHover(d: DecodedDtg): string {
  if (!d || typeof d !== 'object') return 'Date-time group (DDHHMMZ MON YY, UTC).';
  if (!d.valid || d.year === null || d.month === null) {
    return `Date-time group (DDHHMMZ MON YY, UTC): **not a valid date**${d.reason ? ` (${escapeMarkdown(d.reason)})` : ''}.`;
  }
  return (
    `Date-time group: **${d.day} ${monthName(d.month)} ${d.year}, ${pad(d.hour ?? 0)}:${pad(d.minute ?? 0)} UTC** ` +
    `(a ${d.weekday}). "Z" = Zulu (UTC); WikiLeaks shows this as Created.`
  );
}

type DateInput = string | Date | { year: number; month: number; day: number };

function toYmd(date: DateInput): { year: number; month: number; day: number } | null {
  if (date instanceof Date) {
    const t = date.getTime();
    if (Number.isNaN(t)) return null;
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  if (typeof date === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date.trim());
    if (!m) return null;
    return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  }
  if (date && typeof date === 'object') {
    const { year, month, day } = date as { year: unknown; month: unknown; day: unknown };
    if (typeof year === 'number' && typeof month === 'number' && typeof day === 'number') return { year, month, day };
  }
  return null;
}

/**
 * Day of the year, 1-366 (`2009-02-20` -> 51). Accepts an ISO string (date part used), a Date (UTC) or
 * `{year, month, day}`; null for impossible dates.
 */
export function dayOfYear(date: DateInput): number | null {
  const ymd = toYmd(date);
  if (!ymd || !checkDate(ymd.year, ymd.month, ymd.day).valid) return null;
  const start = Date.UTC(ymd.year, 0, 1);
  return Math.round((Date.UTC(ymd.year, ymd.month - 1, ymd.day) - start) / 86_400_000) + 1;
}

/** The calendar date of day-of-year `doy` (1-365/366) in `year`; null when out of range. */
export function fromDayOfYear(year: number, doy: number): { year: number; month: number; day: number; iso: string } | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || !Number.isInteger(doy)) return null;
  if (doy < 1 || doy > (isLeapYear(year) ? 366 : 365)) return null;
  const d = new Date(Date.UTC(year, 0, doy));
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return { year, month, day, iso: isoDate(year, month, day) };
}

/** The DE line's `jjjhhmm` filing time decoded. */
export interface FilingTime {
  dayOfYear: number;
  hour: number;
  minute: number;
  valid: boolean;
  reason?: string;
}

/** Decodes `0510929` (day 051, 09:29 Z). Null when the text is not 7 digits. */
export function decodeFilingTime(jjjhhmm: string): FilingTime | null {
  if (typeof jjjhhmm !== 'string') return null;
  // The DE line gives exactly 7 digits: read them without trimming or a regex; anything else the long way.
  let t = jjjhhmm;
  if (digitsAt(t, 0, 7) < 0 || t.length !== 7) {
    if (!/^\d{7}$/.test(jjjhhmm.trim())) return null;
    t = jjjhhmm.trim();
  }
  const doy = digitsAt(t, 0, 3);
  const hour = digitsAt(t, 3, 5);
  const minute = digitsAt(t, 5, 7);
  if (doy < 1 || doy > 366) return { dayOfYear: doy, hour, minute, valid: false, reason: `day-of-year ${doy} does not exist` };
  if (hour > 23) return { dayOfYear: doy, hour, minute, valid: false, reason: `hour ${hour} does not exist` };
  if (minute > 59) return { dayOfYear: doy, hour, minute, valid: false, reason: `minute ${minute} does not exist` };
  return { dayOfYear: doy, hour, minute, valid: true };
}

/** The number written with ASCII digits in `text[from, to)`, or -1 when there are other characters (or too few). */
export function digitsAt(text: string, from: number, to: number): number {
  if (typeof text !== 'string' || typeof from !== 'number' || typeof to !== 'number' || !(text.length >= to) || !(from >= 0)) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * `Date.parse` of a real date and time written `YYYY-MM-DDTHH:MM:SSZ` (the parser's form), by Date.UTC with no
 * string parsing; NaN for any other text, which callers hand to Date.parse.
 */
function utcMillis(iso: string): number {
  if (iso.length !== 20 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45 || iso.charCodeAt(10) !== 84) return NaN;
  if (iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58 || iso.charCodeAt(19) !== 90) return NaN;
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 7);
  const day = digitsAt(iso, 8, 10);
  const hour = digitsAt(iso, 11, 13);
  const minute = digitsAt(iso, 14, 16);
  const second = digitsAt(iso, 17, 19);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (what Date.UTC counts, without the call): the rules ask it
 * for every cable's DTG.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Minutes from the DTG to the DE filing time (positive = filed after the DTG). The DE line has no year, so
 * the year (DTG year -1, same, +1) giving the smallest gap is used: a cable dated 31 DEC may be filed on
 * day 001. Null when either input is invalid.
 */
export function filingMinutesFromDtg(jjjhhmm: string, dtgIso: string): number | null {
  const f = decodeFilingTime(jjjhhmm);
  if (!f || !f.valid || typeof dtgIso !== 'string') return null;
  let dtg = utcMillis(dtgIso);
  let year: number;
  if (Number.isNaN(dtg)) {
    dtg = Date.parse(dtgIso);
    if (Number.isNaN(dtg)) return null;
    year = new Date(dtg).getUTCFullYear();
  } else {
    year = digitsAt(dtgIso, 0, 4);
  }
  let best: number | null = null;
  for (let y = year - 1; y <= year + 1; y++) {
    // The days fromDayOfYear accepts, counted on from 1 January (as Date.UTC would), no Date needed.
    if (y < 1000 || y > 9999 || f.dayOfYear < 1 || f.dayOfYear > (isLeapYear(y) ? 366 : 365)) continue;
    const t = (daysFromCivil(y, 1, 1) + f.dayOfYear - 1) * 86_400_000 + f.hour * 3_600_000 + f.minute * 60_000;
    const diff = Math.round((t - dtg) / 60_000);
    if (best === null || Math.abs(diff) < Math.abs(best)) best = diff;
  }
  return best;
}

/** Hover text for the DE filing time, optionally placed in a year (`day 051 of 2009 = 20 February`). */
export function filingTimeHover(jjjhhmm: string, year?: number): string {
  const f = decodeFilingTime(jjjhhmm);
  if (!f || !f.valid) return `Julian day + time of file (jjjhhmm, UTC): **not valid**${f?.reason ? ` (${f.reason})` : ''}.`;
  const date = typeof year === 'number' ? fromDayOfYear(year, f.dayOfYear) : null;
  const when = date ? ` = ${date.day} ${monthName(date.month)} ${year}` : '';
  return `Time of file: day-of-year **${pad(f.dayOfYear, 3)}**${when}, **${pad(f.hour)}:${pad(f.minute)} UTC**.`;
}
