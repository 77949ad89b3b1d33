/** Shared reading of the E.O. line's declassification value for the decl-* rules. */
import { daysInMonth, digitsAt, isoDate } from '../knowledge/dtg';
import { parseDeclValue, type DeclValue } from '../knowledge/executiveOrders';
import type { Cable, Token } from '../parser/model';

/** Orders whose lines carry 1970s GDS/XGDS/RDS vocabulary, judged only when date-shaped. */
export const LEGACY_1970S_ORDERS = new Set(['11652', '12065']);

export interface Decl {
  token: Token;
  value: DeclValue;
  /** The E.O. line's order number as written, if any. */
  order: string | null;
}

/**
 * The DECL value of the cable, parsed against the cable date (two-digit years pivot on it). Null when the line
 * says N/A or has no value. Rules read it once per cable from `facts.decl`.
 */
export function readDecl(cable: Cable): Decl | null {
  const eo = cable.eo;
  if (!eo?.decl || eo.na) return null;
  return { token: eo.decl, value: parseDeclValue(eo.decl.text, cable.date), order: eo.order?.text ?? null };
}

/** Adds `years` calendar years to a `YYYY-MM-DD` day. */
export function addYears(day: string, years: number): string {
  return `${String(Number(day.slice(0, 4)) + years).padStart(4, '0')}${day.slice(4)}`;
}

/** Adds days to a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
  if (days === 1) {
    const next = nextDay(day);
    if (next !== null) return next;
  }
  const t = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The day after a real `YYYY-MM-DD` date (years 1000-9998) by calendar arithmetic, or null for anything else
 * (left to the Date path): decl-exceeds-25y asks this for every dated DECL value.
 */
function nextDay(day: string): string | null {
  if (day.length !== 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45) return null;
  const y = digitsAt(day, 0, 4);
  const m = digitsAt(day, 5, 7);
  const d = digitsAt(day, 8, 10);
  if (y < 1000 || y > 9998 || m < 1 || m > 12 || d < 1) return null;
  const last = daysInMonth(y, m);
  if (d > last) return null;
  if (d < last) return isoDate(y, m, d + 1);
  return m < 12 ? isoDate(y, m + 1, 1) : isoDate(y + 1, 1, 1);
}

