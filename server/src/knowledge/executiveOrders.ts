/**
 * The executive orders that governed classification while cables were written (§B.1), and the values a
 * cable's E.O. line gives for declassification (DECL dates, events, exemptions, 1970s GDS/XGDS/RDS codes).
 */
import { checkDate, daysInMonth, expandTwoDigitYear, isoDate, monthName } from './dtg';
import { escapeMarkdown } from './hoverTexts';

/** An executive order on classification. Dates are ISO `YYYY-MM-DD`. */
export interface ExecutiveOrder {
  number: '11652' | '12065' | '12356' | '12958' | '13292' | '13526';
  signed: string;
  effective: string;
  /** Date the next order took effect (this one stopped governing new markings); null if still in force. */
  superseded: string | null;
  /** Order that replaced this one (for 13292: the order that replaced the order it amended). */
  supersededBy: string | null;
  /** True for E.O. 13292, which amended 12958 rather than replacing it: cables kept citing `E.O. 12958`. */
  amendment: boolean;
  /** The order an amendment amends (`12958` for 13292); null otherwise. */
  amends: string | null;
  /** The E.O. line and declassification vocabulary of its era. */
  marking: string;
  hover: string;
}

/** §B.1, oldest first. */
export const EXECUTIVE_ORDERS: readonly ExecutiveOrder[] = Object.freeze([
  {
    number: '11652',
    signed: '1972-03-08',
    effective: '1972-06-01',
    superseded: '1978-12-01',
    supersededBy: '12065',
    amendment: false,
    amends: null,
    marking: 'GDS / XGDS-1..4 / N/A',
    hover:
      '**E.O. 11652**: governed classification 1972–1978 (signed 8 Mar 1972, in force 1 Jun 1972 – 30 Nov 1978). General Declassification Schedule (GDS) with exemptions XGDS-1..4.',
  },
  {
    number: '12065',
    signed: '1978-06-28',
    effective: '1978-12-01',
    superseded: '1982-08-01',
    supersededBy: '12356',
    amendment: false,
    amends: null,
    marking: 'GDS <date> (NAME) / RDS-n <date> (NAME)',
    hover:
      '**E.O. 12065**: governed classification 1978–1982 (signed 28 Jun 1978, in force 1 Dec 1978 – 31 Jul 1982). Declassification or review date plus the classifier\'s name.',
  },
  {
    number: '12356',
    signed: '1982-04-02',
    effective: '1982-08-01',
    superseded: '1995-10-14',
    supersededBy: '12958',
    amendment: false,
    amends: null,
    marking: 'DECL: OADR',
    hover:
      '**E.O. 12356**: governed classification 1982–1995 (signed 2 Apr 1982, in force 1 Aug 1982 – 13 Oct 1995). Typical instruction: DECL: OADR.',
  },
  {
    number: '12958',
    signed: '1995-04-17',
    effective: '1995-10-14',
    superseded: '2010-06-27',
    supersededBy: '13526',
    amendment: false,
    amends: null,
    marking: 'DECL: <date> / X1..X8; reasons 1.5 (a)-(g), from 2003 1.4 (a)-(h)',
    hover:
      '**E.O. 12958**: governed classification 1995–2010 (signed 17 Apr 1995, in force 14 Oct 1995 – 26 Jun 2010); amended by E.O. 13292 in 2003, still cited as 12958.',
  },
  {
    number: '13292',
    signed: '2003-03-25',
    effective: '2003-03-25',
    superseded: '2010-06-27',
    supersededBy: '13526',
    amendment: true,
    amends: '12958',
    marking: 'cables still cite E.O. 12958; reasons 1.4 (a)-(h); X1..X8 retired 22 Sep 2003',
    hover:
      '**E.O. 13292**: amended E.O. 12958 (signed 25 Mar 2003; ISOO directive 22 Sep 2003) until 2010. Cables kept citing "E.O. 12958".',
  },
  {
    number: '13526',
    signed: '2009-12-29',
    effective: '2010-06-27',
    superseded: null,
    supersededBy: null,
    amendment: false,
    amends: null,
    marking: 'DECL: <date> / 25X / 50X1-HUM / 50X2-WMD; reasons 1.4 (a)-(h)',
    hover:
      '**E.O. 13526**: governs classification since 2010 (signed 29 Dec 2009, in force 27 Jun 2010).',
  },
] as ExecutiveOrder[]);

const byNumber = new Map(EXECUTIVE_ORDERS.map((e) => [e.number as string, e]));

/**
 * The orders an E.O. line can cite, from the table above: another number there (`E.O. 12598`, `E.O. 19528`) is a
 * mistyped one or an order on something else.
 */
export const CLASSIFICATION_ORDER_NUMBERS: readonly string[] = Object.freeze(EXECUTIVE_ORDERS.map((e) => e.number));

/** The order with this number (`'12958'`, `12958`, `'E.O. 12958'`), or null. */
export function lookupExecutiveOrder(number: string | number): ExecutiveOrder | null {
  const text = typeof number === 'string' ? number : typeof number === 'number' ? String(number) : '';
  const digits = /(\d{5})/.exec(text)?.[1];
  return digits ? byNumber.get(digits) ?? null : null;
}

function isoDay(date: string | Date): string | null {
  if (date instanceof Date) return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
  if (typeof date !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(date.trim());
  return m ? m[1] : null;
}

/** The order in force on a date, and the amendment then in force (13292 over 12958). */
export interface OrderInForce {
  order: ExecutiveOrder;
  amendedBy: ExecutiveOrder | null;
}

/**
 * Which order governed classification on `date` (ISO string or Date): 12958 "as amended by 13292" from
 * 2003-03-25. Null before E.O. 11652 took effect (1972-06-01; earlier cables fall under E.O. 10501, not
 * in our sources) or for an unreadable date.
 */
export function orderInForce(date: string | Date): OrderInForce | null {
  const day = isoDay(date);
  if (!day) return null;
  for (const order of EXECUTIVE_ORDERS) {
    if (order.amendment) continue;
    if (day >= order.effective && (order.superseded === null || day < order.superseded)) {
      const amendedBy = EXECUTIVE_ORDERS.find((a) => a.amends === order.number && day >= a.effective) ?? null;
      return { order, amendedBy };
    }
  }
  return null;
}

/** Where a cable's date falls relative to the window of the order it cites. */
export type CitationStatus =
  /** Between the effective date and six months after supersession. */
  | 'in-force'
  /** Before the order was signed: it cannot be cited. */
  | 'before-signature'
  /** Signed but not yet in force. */
  | 'before-effective'
  /** More than six months after the next order took effect. */
  | 'long-after-supersession'
  /** Superseded less than six months before: tolerated while posts switch over. */
  | 'grace-period';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Six months after each supersession date: a handful of constants, computed once each. */
const graceEnds = new Map<string, string>();

function graceEndOf(superseded: string): string {
  let end = graceEnds.get(superseded);
  if (end === undefined) {
    end = addMonths(superseded, 6);
    graceEnds.set(superseded, end);
  }
  return end;
}

/** Adds calendar months to an ISO day, clamping to month end (2010-06-27 + 6 -> 2010-12-27). */
function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  // daysInMonth counts what the Date would (for a malformed day, year is NaN and isoDate gives '' either way).
  return isoDate(year, month, Math.min(d, daysInMonth(year, month)));
}

/**
 * How a citation of order `number` fits the cable `date` (§B.3 eo-date-inconsistent): signature, effective
 * date, supersession and a six-month grace period after it (12958 tolerated to 2010-12-27, 12356 to
 * 1996-04-14). Null for an unknown order or unreadable date.
 */
export function citationStatus(number: string | number, date: string | Date): { status: CitationStatus; order: ExecutiveOrder; graceEnds: string | null } | null {
  // The rule's usual call, `('12958', '2009-02-20')`, is read without regexes; anything else the general way.
  const order = typeof number === 'string' && number.length === 5 ? byNumber.get(number) ?? lookupExecutiveOrder(number) : lookupExecutiveOrder(number);
  const day = typeof date === 'string' && date.length === 10 && ISO_DAY.test(date) ? date : isoDay(date);
  if (!order || !day) return null;
  const graceEnds = order.superseded ? graceEndOf(order.superseded) : null;
  let status: CitationStatus;
  if (day < order.signed) status = 'before-signature';
  else if (day < order.effective) status = 'before-effective';
  else if (order.superseded === null || day < order.superseded) status = 'in-force';
  else if (graceEnds !== null && day > graceEnds) status = 'long-after-supersession';
  else status = 'grace-period';
  return { status, order, graceEnds };
}

/** Hover for an E.O. number, with the years it governed; null for an unknown number. */
export function executiveOrderHover(number: string | number): string | null {
  return lookupExecutiveOrder(number)?.hover ?? null;
}

// ------------------------------------------------------------------------------------------ DECL values

/** Kinds of DECL value. */
export type DeclKind =
  /** A calendar date. */
  | 'date'
  /** Free text naming an event (`after korean unification`). */
  | 'event'
  /** OADR, MR, or a 1970s GDS/XGDS-n/RDS-n/XDS/ADS instruction. */
  | 'legacy'
  /** X1-X8, 1.6Xn, 25Xn, 50X1-HUM, 50X2-WMD. */
  | 'exemption'
  /** Date-shaped but impossible, or a single unknown code (`X9`, `13/45/2019`). */
  | 'malformed';

/** A DECL value classified. */
export interface DeclValue {
  kind: DeclKind;
  /** ISO `YYYY-MM-DD` for dates (also the date given with GDS/RDS). */
  date?: string;
  /** The code for legacy/exemption values (`OADR`, `X1`, `RDS-4`); the first one when several. */
  token?: string;
  /** All codes when several are given (`X1, X5`). */
  tokens?: string[];
  /** Classifier's name in parentheses after a 1970s date (`VEST, GEORGE S.`). */
  name?: string;
  /** Why a value is malformed. */
  reason?: string;
  /** How a two-digit year was expanded: against the cable date, or by the fixed 1966-2065 window. */
  pivot?: 'cable-date' | 'fixed';
}

/**
 * Exemption and legacy codes. Under 12958 §1.6(d) the exemptions X1-X8 [EO12958]; 25X1-9 and 50X1-HUM /
 * 50X2-WMD under 13526 [EO13526]; OADR (E.O. 12356) and MR [CAPCO08]. `25X1-human` was seen in a cable.
 */
const EXEMPTION = /^(?:X[1-8]|1\.6X[1-8]|25X[1-9](?:-HUMAN)?|50X1-HUM|50X2-WMD)$/;
const LEGACY = /^(?:OADR|MR)$/;
const LEGACY_1970S = /^(X?GDS|RDS|XDS|ADS)(?:-?(\d))?$/;

/**
 * Century for a two-digit DECL year, pivoted on the cable's year. A DECL date lies in the cable's future:
 * normally up to 25 years, longer only under 25X/50X exemptions. A date a little in the past is an error
 * the `decl-before-cable` rule must see as such (a 2009 cable with `08/24/05` means 2005, not 2105), so
 * the year is placed in the window [cableYear - 25, cableYear + 75).
 */
export function expandDeclYear(yy: number, cableYear: number): number {
  if (!Number.isInteger(yy) || yy < 0 || yy > 99 || !Number.isInteger(cableYear)) return NaN;
  const low = cableYear - 25;
  let year = Math.floor(low / 100) * 100 + yy;
  if (year < low) year += 100;
  return year;
}

/** dateParts' answer for digit groups that fit none of the date shapes. */
const NOT_A_DATE: readonly number[] = [];

/**
 * The three date shapes of parseDateToken read by character codes (DECL dates are read for every cable):
 * `[year, month, day, digits of the year]` for `yyyy/m/d`, `yyyymmdd` and `m/d/yy(yy)` (`/` or `-`), NOT_A_DATE
 * for other digit groups, null for any other text (left to the regexes).
 */
function dateParts(tok: string): readonly number[] | null {
  let groups = 0;
  let a = 0;
  let b = 0;
  let c = 0;
  let digits = 0;
  let la = 0;
  let lb = 0;
  for (let i = 0; i < tok.length; i++) {
    const ch = tok.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      const v = ch - 48;
      if (groups === 0) a = a * 10 + v;
      else if (groups === 1) b = b * 10 + v;
      else c = c * 10 + v;
      digits++;
    } else if ((ch === 47 || ch === 45) && digits > 0 && groups < 2) {
      if (groups === 0) la = digits;
      else lb = digits;
      groups++;
      digits = 0;
    } else {
      return null;
    }
  }
  if (digits === 0) return null;
  if (groups === 0) {
    return digits === 8 ? [Math.floor(a / 10_000), Math.floor(a / 100) % 100, a % 100, 4] : NOT_A_DATE;
  }
  if (groups === 1) return NOT_A_DATE;
  if (la === 4 && lb <= 2 && digits <= 2) return [a, b, c, 4];
  if (la <= 2 && lb <= 2 && (digits === 2 || digits === 4)) return [c, a, b, digits];
  return NOT_A_DATE;
}

function parseDateToken(tok: string, cableYear: number | null): { date?: string; reason?: string; pivot?: 'cable-date' | 'fixed' } | null {
  let y: number;
  let m: number;
  let d: number;
  let pivot: 'cable-date' | 'fixed' | undefined;
  let match: RegExpExecArray | null;
  const parts = dateParts(tok);
  if (parts === NOT_A_DATE) return null;
  if (parts !== null) {
    [y, m, d] = parts;
    if (parts[3] === 2) {
      if (cableYear !== null) {
        y = expandDeclYear(y, cableYear);
        pivot = 'cable-date';
      } else {
        y = expandTwoDigitYear(y);
        pivot = 'fixed';
      }
    }
  } else if ((match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(tok))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(tok))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(tok))) {
    [m, d] = [Number(match[1]), Number(match[2])];
    if (match[3].length === 2) {
      const yy = Number(match[3]);
      if (cableYear !== null) {
        y = expandDeclYear(yy, cableYear);
        pivot = 'cable-date';
      } else {
        y = expandTwoDigitYear(yy);
        pivot = 'fixed';
      }
    } else {
      y = Number(match[3]);
    }
  } else {
    return null;
  }
  const checked = checkDate(y, m, d);
  if (!checked.valid) {
    const hint = m > 12 && d <= 12 ? ' (written day first?)' : '';
    return { reason: `${checked.reason}${hint}`, pivot };
  }
  return { date: isoDate(y, m, d), pivot };
}

/** A digit followed by digits, `/` and `-` only, at most 300 characters (no spaces, no trailing `.`). */
function dateShaped(text: string): boolean {
  if (text.length === 0 || text.length > 300) return false;
  const c0 = text.charCodeAt(0);
  if (c0 < 48 || c0 > 57) return false;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 48 || c > 57) && c !== 47 && c !== 45) return false;
  }
  return true;
}

function cableYearOf(cableDate: string | Date | undefined | null): number | null {
  if (cableDate == null) return null;
  // The model's dates are ISO strings: read the year in place when the day is written `YYYY-MM-DD`.
  if (typeof cableDate === 'string' && /^\d{4}-\d{2}-\d{2}/.test(cableDate)) return Number(cableDate.slice(0, 4));
  const day = isoDay(cableDate);
  return day ? Number(day.slice(0, 4)) : null;
}

/**
 * Classifies the value after `DECL:` (or after the E.O. number in the 1970s): `05/19/2031`, `5/19/31`,
 * `2031/05/19`, `20310519`, `OADR`, `MR`, `X1, X5`, `1.6X1`, `25X1`, `50X1-HUM`, `GDS 11/15/85 (VEST,
 * GEORGE S.)`, `RDS-4 6/5/99 (GERLACH, FREDERICK H.)`, `XGDS-1`, or event text. Text after a date
 * (`05/19/2031 TAGS: ...` on joined lines) is ignored. `cableDate` (ISO or Date) pivots two-digit years
 * ({@link expandDeclYear}); without it the fixed 1966-2065 window is used.
 */
export function parseDeclValue(text: string, cableDate?: string | Date | null): DeclValue {
  if (typeof text !== 'string') return { kind: 'malformed', reason: 'no value' };
  let value: string;
  let words: string[];
  let first: string;
  if (dateShaped(text)) {
    // The usual value, one date word (`02/19/2019`): the folding below would leave it as it is.
    value = text;
    words = [text];
    first = text;
  } else {
    value = text.replace(/[\s\u00a0]+/g, ' ').trim().replace(/(?<![.;])[.;]+$/, '').slice(0, 300);
    if (value === '') return { kind: 'malformed', reason: 'no value' };
    words = value.split(' ');
    first = words[0].toUpperCase().replace(/,$/, '');
  }
  const cableYear = cableYearOf(cableDate);

  // A date first: anything digit-led with separators is judged as a date.
  if (/^\d[\d/-]*$/.test(first)) {
    const parsed = parseDateToken(first, cableYear);
    if (parsed?.date) return parsed.pivot ? { kind: 'date', date: parsed.date, pivot: parsed.pivot } : { kind: 'date', date: parsed.date };
    if (parsed) return parsed.pivot ? { kind: 'malformed', reason: parsed.reason, pivot: parsed.pivot } : { kind: 'malformed', reason: parsed.reason };
    if (/[/-]/.test(first) || /^\d{5,}$/.test(first)) return { kind: 'malformed', reason: `"${first}" is not a m/d/yy, yyyy/mm/dd or yyyymmdd date` };
  }

  // 1970s: GDS / XGDS-n / RDS-n [date] [(NAME)] [OR-x].
  const legacy = LEGACY_1970S.exec(first);
  if (legacy) {
    const token = legacy[2] ? `${legacy[1]}-${legacy[2]}` : legacy[1];
    const out: DeclValue = { kind: 'legacy', token, tokens: [token] };
    const dateWord = words[1]?.replace(/,$/, '');
    if (dateWord && /^\d/.test(dateWord)) {
      const parsed = parseDateToken(dateWord, cableYear);
      if (parsed?.date) {
        out.date = parsed.date;
        if (parsed.pivot) out.pivot = parsed.pivot;
      }
    }
    const name = /\(([^()]{1,80})\)/.exec(value);
    if (name) out.name = name[1].trim();
    return out;
  }

  // Codes: one or more exemption/legacy tokens separated by commas, spaces, `and`.
  const codes = value.toUpperCase().split(/[\s,;]+|\bAND\b/).filter(Boolean);
  const allCodes = codes.length > 0 && codes.every((c) => EXEMPTION.test(c) || LEGACY.test(c));
  if (allCodes) {
    const kind: DeclKind = codes.some((c) => EXEMPTION.test(c)) ? 'exemption' : 'legacy';
    return { kind, token: codes[0], tokens: codes };
  }
  if (words.length === 1) {
    return { kind: 'malformed', reason: `"${value}" is not a date, an event, or a known code` };
  }
  return { kind: 'event' };
}

/** Hover texts for DECL codes (our words, from §C). */
export const DECL_CODE_HOVERS: Readonly<Record<string, string>> = Object.freeze({
  OADR: '**OADR**: "Originating Agency\'s Determination Required" (E.O. 12356); not valid on documents after 14 Oct 1995.',
  MR: '**MR** ("manual review"): never an authorised declassification instruction.',
  X: '**X1–X8**: E.O. 12958 §1.6(d) exemptions from 10-year declassification; not valid from 22 Sep 2003.',
  '1.6X': '**1.6X1–1.6X8**: E.O. 12958 §1.6(d) exemptions from 10-year declassification; not valid from 22 Sep 2003.',
  '25X': '**25X**: exemption from automatic declassification at 25 years.',
  '50X1-HUM': '**50X1-HUM**: exempt beyond 50 years: would reveal a confidential human source or intelligence source.',
  '50X2-WMD': '**50X2-WMD**: exempt beyond 50 years: key design concepts of weapons of mass destruction.',
  GDS: '**GDS**: E.O. 11652 General Declassification Schedule (or, with a date, E.O. 12065 declassification date).',
  XGDS: '**XGDS-n**: exempt from the E.O. 11652 General Declassification Schedule, category n (1 foreign government information, 2 statute/crypto/sources, 3 specific matters, 4 personal jeopardy).',
  RDS: '**RDS-n**: E.O. 12065 review for declassification on the date given, with the classifier\'s name.',
  XDS: '**XDS**: 1970s extended-declassification marking (details not verified in our sources).',
  ADS: '**ADS**: 1970s declassification marking (details not verified in our sources).',
});

function codeHoverKey(token: string): string {
  if (/^X[1-8]$/.test(token)) return 'X';
  if (token.startsWith('1.6X')) return '1.6X';
  if (token.startsWith('25X')) return '25X';
  const legacy = LEGACY_1970S.exec(token);
  if (legacy) return legacy[1];
  return token;
}

function yearsBetween(fromIso: string, toIso: string): number {
  const a = Date.parse(fromIso);
  const b = Date.parse(toIso);
  return (b - a) / (365.2425 * 86_400_000);
}

/**
 * Hover text for a parsed DECL value, with its distance from the cable date when both are known
 * (`Declassify on 19 May 2031: 22.2 years after the cable.`).
 */
export function declHover(value: DeclValue, cableDate?: string | Date | null): string {
  if (!value || typeof value !== 'object') return 'Declassification instruction.';
  const cableDay = cableDate == null ? null : isoDay(cableDate);
  switch (value.kind) {
    case 'date': {
      const [y, m, d] = (value.date ?? '').split('-').map(Number);
      let text = `"Declassify on" date: **${d} ${monthName(m)} ${y}**`;
      if (cableDay && value.date) {
        const years = yearsBetween(cableDay, value.date);
        text += years > 0 ? `, ${years.toFixed(1)} years after the cable` : years < 0 ? `, ${(-years).toFixed(1)} years **before** the cable` : ', the cable\'s own date';
      }
      return `${text}. Normally at most 25 years after origin unless a 25X/50X exemption applies.`;
    }
    case 'event':
      return '"Declassify on" an **event**: the information is declassified when the event described occurs.';
    case 'legacy':
    case 'exemption': {
      const parts = (value.tokens ?? []).map((t) => DECL_CODE_HOVERS[codeHoverKey(t)] ?? `**${escapeMarkdown(t)}**`);
      const unique = [...new Set(parts)];
      const extra = value.date ? ` Date given: ${value.date}.` : '';
      return unique.join(' ') + extra;
    }
    default:
      return `Declassification instruction **not readable**${value.reason ? `: ${escapeMarkdown(value.reason)}` : ''}.`;
  }
}
