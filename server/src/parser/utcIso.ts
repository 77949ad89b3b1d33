import { isoDate } from './tokens';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Same result as `isoDate` (tokens.ts): ISO 8601 UTC for a date-time, or null when the date does not exist.
 * Formats the common case (years 100-9999, whole numbers) directly: a Date object and its toISOString per
 * header date cost more than the rest of the line's parse. Anything else goes through `isoDate` itself.
 */
export function utcIso(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): string | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (
    !(year >= 100 && year <= 9999) ||
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    !Number.isInteger(day) ||
    !(hour >= 0 && Number.isInteger(hour)) ||
    !(minute >= 0 && Number.isInteger(minute)) ||
    !(second >= 0 && Number.isInteger(second))
  ) {
    return isoDate(year, month, day, hour, minute, second);
  }
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0)) return null;
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}Z`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function pad4(n: number): string {
  return n < 1000 ? `0${n}` : `${n}`;
}
