import type { Line } from './lines';
import type { Token } from './model';

/** A token over `line.text[from, to)`, trimmed of surrounding spaces. */
export function tok(line: Line, from: number, to: number = line.text.length): Token {
  let a = Math.max(0, from);
  let b = Math.min(line.text.length, to);
  while (a < b && line.text.charCodeAt(a) === 32) a++;
  while (b > a && line.text.charCodeAt(b - 1) === 32) b--;
  return { start: line.start + a, end: line.start + b, text: line.text.slice(a, b) };
}

/** Whitespace-separated words of `line.text[from, to)` as tokens. */
export function words(line: Line, from = 0, to: number = line.text.length): Token[] {
  const out: Token[] = [];
  const s = line.text;
  let i = from;
  while (i < to) {
    while (i < to && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
    const b = i;
    while (i < to && s.charCodeAt(i) !== 32 && s.charCodeAt(i) !== 9) i++;
    if (i > b) out.push({ start: line.start + b, end: line.start + i, text: s.slice(b, i) });
  }
  return out;
}

export const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** Cables span 1966-2010: two-digit years 66-99 are 19xx, the rest 20xx. */
export function expandYear(y: number): number {
  if (y >= 100) return y;
  return y >= 66 ? 1900 + y : 2000 + y;
}

/** ISO 8601 UTC for a date-time, or null when the date does not exist (31 FEB). */
export function isoDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): string | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const t = Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(t);
  if (d.getUTCDate() !== day || d.getUTCMonth() !== month - 1) return null;
  return d.toISOString().replace('.000Z', 'Z');
}
