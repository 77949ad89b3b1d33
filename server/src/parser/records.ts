/** Mirror records around a cable: cables.csv rows and dumps, partial extracts and their previews, release stamps. */
import { parseBanner } from './banner';
import { subLine } from './headerLines';
import { isBlank, type Line } from './lines';

export const PARTIAL_START = 'This record is a partial extract of the original cable.';
export const PARTIAL = /^This record is a partial extract of the original cable\.[^.]*\.?/;

/**
 * DECLASSIFICATION_STAMP needs 20 characters and `d/r` (Declassified/Released) or `view` (Review), in any case:
 * found with native searches for `/` and `v`/`V`, most lines having neither where it counts.
 */
export function mayBeStamp(t: string): boolean {
  if (t.length < 20) return false;
  for (let k = t.indexOf('/'); k >= 0; k = t.indexOf('/', k + 1)) {
    if ((t.charCodeAt(k - 1) | 32) === 100 && (t.charCodeAt(k + 1) | 32) === 114) return true;
  }
  return hasView(t, 'v') || hasView(t, 'V');
}

function hasView(t: string, v: string): boolean {
  for (let k = t.indexOf(v); k >= 0; k = t.indexOf(v, k + 1)) {
    if ((t.charCodeAt(k + 1) | 32) === 105 && (t.charCodeAt(k + 2) | 32) === 101 && (t.charCodeAt(k + 3) | 32) === 119) return true;
  }
  return false;
}

/** Row number, date, identifier: the first fields of a cables.csv row, tab- or space-separated. */
export const CSV_ROW = /^\d{1,7}(?:\t| {2,})\d{4}-\d\d-\d\d(?: \d\d:\d\d(?::\d\d)?)?(?:\t| {2,})(\d{2}[A-Z]{2,}\d{1,7})(?:\t| {2,})/;
/** A dump row's date and identifier fields, tab-separated, inside a line (glued onto the text before it). */
export const GLUED_ROW = /\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?\t(\d{2}[A-Z]{2,}\d{1,7})\t/;
const ROW_DESIGNATION = /\b(?:C O N F I D E N T I A L|S E C R E T|UNCLAS|CONFIDENTIAL|SECRET)\b/g;

/** Where a cables.csv row's content starts after its fields: the transmission line, or the first full banner; -1. */
export function csvRowContentAt(line: Line, from: number): number {
  const text = line.text.slice(0, 2000);
  const vz = text.indexOf('VZCZC', from);
  if (vz >= 0) return vz;
  ROW_DESIGNATION.lastIndex = from;
  for (let m = ROW_DESIGNATION.exec(text); m; m = ROW_DESIGNATION.exec(text)) {
    const banner = parseBanner(subLine(line, m.index), 0, { allowBare: false });
    if (banner && (banner.mrn || banner.section)) return m.index;
  }
  return -1;
}

/** A cable identifier alone on a line (`08STATE15228`): where mirror pages glue a second cable on. */
export const BARE_IDENTIFIER = /^\d{2}[A-Z]{3,}\d{1,7}$/;
/** `Declassified/Released US Department of State EO Systematic Review 30 JUN 2005`. */
export const DECLASSIFICATION_STAMP = /Declassified\/Released|EO Systematic Review/i;

/** The first field of a cables.csv record on a mirror page: `ID: 248711`. */
export const CSV_RECORD_START = /^ID: \d{1,7}\s*$/;
/** The fields of that record, one a line, in their order on the page. */
const CSV_RECORD_FIELDS = ['ID: ', 'ORIGIN: ', 'DATE: ', 'SOURCE: ', 'CLASSIFICATION: ', 'MISC: ', 'DESTINATION: '];

/**
 * The last line of the cables.csv record whose `ID:` field is line `k` (its fields in order, no blank line between),
 * or -1 when the next line is not its `ORIGIN:` field (an addressee that merely starts `ID:` is not a record).
 */
export function csvRecordEnd(lines: Line[], k: number, b: number): number {
  let f = 1;
  let j = k + 1;
  for (; j < b && f < CSV_RECORD_FIELDS.length; j++, f++) {
    const l = lines[j];
    if (!l.text.startsWith(CSV_RECORD_FIELDS[f], l.indent)) break;
  }
  return f > 2 ? j - 1 : -1;
}

/** `----------------- header ends ----------------`: the end of a cables.csv dump in alx/cablegate files. */
const DUMP_END = /^-{5,} ?header ends ?-{5,}$/;
/** The dump's first field, alone or glued onto the line before it (`DIRONDCP WASHDCid: 2446`). */
const DUMP_START = /(?:^|[A-Za-z])id: \d{1,7}$/;
export const DUMP_REFID = /^refid: /;

/**
 * The cables.csv dump inside lines a..b (`id: 219`, `date:`, `refid:`, ..., `header:`, the header again, `header
 * ends`): its first and last line, and where its first field starts on the first; null when there is none.
 */
export function csvDumpIn(text: string, lines: Line[], a: number, b: number): { start: number; gluedAt: number; end: number } | null {
  if (a >= b) return null;
  // Searched in this cable's text only: a search running on into the next cables would be quadratic in a dump file.
  const from = lines[a].start;
  const at = text.slice(from, lines[b - 1].end).indexOf('header ends');
  if (at < 0) return null;
  let end = a;
  while (end < b && lines[end].end < from + at) end++;
  if (end >= b || !DUMP_END.test(lines[end].text.slice(lines[end].indent))) return null;
  let refid = false;
  for (let k = end - 1; k >= a && k >= end - 80; k--) {
    const t = lines[k].text;
    if (DUMP_REFID.test(t)) refid = true;
    const m = refid ? DUMP_START.exec(t) : null;
    if (m) return { start: k, gluedAt: m.index + (t.charCodeAt(m.index) === 105 && m.index === 0 ? 0 : 1), end };
  }
  return null;
}

/** The fields of a cable page after a truncated preview, one a line between blank lines (see previewRecordAfter). */
const RECORD_FIELDS: readonly RegExp[] = [
  /^\d{1,7}$/,
  /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?$/,
  /^(?:\d{2}|\d{4})[A-Z]{3,}\d{1,7}(?:_[a-z])?$/,
  /^[A-Z][A-Za-z.,'() -]{1,80}$/,
  /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET)(?:\/\/[A-Z ]+)*$/,
];
/** How far a preview runs: the header and the first words of the first paragraph. */
const PREVIEW_LINES = 60;

/**
 * Partial records in alx/cablegate files (`This record is a partial extract...`) may hold a truncated preview of the
 * cable (a copy of its header, cut off with `...` in the first paragraph), then the record's fields (`12703`,
 * `2003-12-15`, `03THEHAGUE3067`, `Embassy The Hague`, `CONFIDENTIAL`), then the full cable. From the notice at line
 * `from`: the index of the last field line when that layout follows, else -1.
 */
export function previewRecordAfter(lines: Line[], from: number, b: number): number {
  const last = Math.min(b, from + PREVIEW_LINES);
  for (let k = from; k < last; k++) {
    if (!lines[k].text.trimEnd().endsWith('...')) continue;
    const end = recordFieldsAfter(lines, k, b);
    // (A header line that merely ends in `...`, a subject say, is not the preview's end: the search goes on.)
    if (end >= 0) return end;
  }
  return -1;
}

/** The index of the last of RECORD_FIELDS on the lines after `k` (blank lines between), or -1. */
function recordFieldsAfter(lines: Line[], k: number, b: number): number {
  let f = 0;
  for (let j = k + 1; j < b && j <= k + 3 * RECORD_FIELDS.length + 4; j++) {
    if (isBlank(lines[j])) continue;
    if (!RECORD_FIELDS[f].test(lines[j].text.trim())) return -1;
    if (++f === RECORD_FIELDS.length) return j;
  }
  return -1;
}
