/** The WikiLeaks / mirror metadata header that precedes the cable text (§A.1). */
import { isDigit, trimEndIndex, trimStartIndex } from './chars';
import { isBlank, type Line } from './lines';
import type { Level, Metadata, MetadataField, Token } from './model';
import { isoDate, MONTHS, tok, words } from './tokens';
import { utcIso } from './utcIso';

const LABELS = ['Identifier', 'Created', 'Classification', 'Origin'];
// `[A-Z0-9]*\d` (not `\d+`): the same identifiers without two quantifiers competing for the digits (quadratic).
const IDENTIFIER = /^\d{2,4}[A-Z][A-Z0-9]*\d(?:_[a-z])?$/;
const METADATA_CLASSIFICATION = /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET)(?:\/\/[A-Z ]+)?$/;
const RAW_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

export interface MetadataResult {
  metadata: Metadata;
  /** Index of the first line after the header. */
  next: number;
}

const TABLE_HEADER = /^Reference ID\s*[|\t]/;

/**
 * True when a metadata header starts at line `i` (a cable boundary in multi-cable files). Asked of every line
 * of a file, so a line is first judged on its first character: `Identifier`, `Reference ID`, or a digit (the
 * raw layout's identifier).
 */
export function startsMetadata(lines: Line[], i: number): boolean {
  const s = lines[i].text;
  const c0 = s.charCodeAt(lines[i].indent);
  // Most lines: a first character that is none of I, R, a digit, or white space that trim() would skip.
  if (c0 !== 73 && c0 !== 82 && !(c0 >= 48 && c0 <= 57) && c0 > 32 && c0 < 127) return false;
  const p = trimStartIndex(s, lines[i].indent);
  const c = s.charCodeAt(p);
  if (c === 73) {
    if (!s.startsWith('Identifier', p) || trimEndIndex(s, p) !== p + 10) return false;
    return (lines[i + 1]?.text.trim() ?? '') === 'Created';
  }
  if (c === 82) return s.startsWith('Reference ID', p) && TABLE_HEADER.test(s.trim());
  return isDigit(c) && isRawHeader(lines, i);
}

function isRawHeader(lines: Line[], i: number): boolean {
  return (
    i + 4 < lines.length &&
    IDENTIFIER.test(lines[i].text.trim()) &&
    RAW_DATE.test(lines[i + 2].text.trim()) &&
    METADATA_CLASSIFICATION.test(lines[i + 3].text.trim())
  );
}

/**
 * The header that starts at line `i`, or null. (The segmenter parses each header to jump over it and hands the
 * result to the cable parser with the segment, so each is parsed once.)
 */
export function parseMetadata(lines: Line[], i: number): MetadataResult | null {
  const t = lines[i].text.trim();
  if (t === 'Identifier') return parseLabels(lines, i);
  if (t.startsWith('Reference ID')) return parseTable(lines, i);
  if (isRawHeader(lines, i)) return parseRaw(lines, i);
  return null;
}

function field(label: Token | null, line: Line | undefined): MetadataField | null {
  if (!line || isBlank(line)) return null;
  return { label, value: tok(line, 0) };
}

/** The labels of the `labels` layout. */
const LABEL_NAMES: readonly string[] = ['Identifier', 'Created', 'Released', 'Classification', 'Origin'];

/**
 * Whether the line, trimmed, is one of LABEL_NAMES: compared in place by length and characters (no trimmed copy to
 * hash, as a Set lookup would need).
 */
function isLabelLine(line: Line): boolean {
  const s = line.text;
  const from = trimStartIndex(s, line.indent);
  const n = trimEndIndex(s, from) - from;
  for (const name of LABEL_NAMES) if (name.length === n && s.startsWith(name, from)) return true;
  return false;
}

function parseLabels(lines: Line[], i: number): MetadataResult {
  // Labels run on consecutive lines (4, or 5 with Released), then the values in the same order.
  const labels: Token[] = [];
  let j = i;
  while (j < lines.length && labels.length < 6 && isLabelLine(lines[j])) {
    labels.push(tok(lines[j], 0));
    j++;
  }
  let next = Math.min(lines.length, j + labels.length);
  const md = emptyMetadata('labels', lines[i].start);
  // A repeated label keeps its last value.
  for (let k = 0; k < labels.length; k++) {
    const f = field(labels[k], lines[j + k]);
    switch (labels[k].text) {
      case 'Identifier':
        md.identifier = f;
        break;
      case 'Created':
        md.created = f;
        break;
      case 'Released':
        md.released = f;
        break;
      case 'Classification':
        md.classification = f;
        break;
      case 'Origin':
        md.origin = f;
        break;
    }
  }
  next = parseTitleAndTags(lines, next, md);
  finish(md, lines, next);
  return { metadata: md, next };
}

/** `Cable title:` (value on the same line or on the following non-blank lines) then `Tags:` then the pdf link text. */
function parseTitleAndTags(lines: Line[], j: number, md: Metadata): number {
  while (j < lines.length && isBlank(lines[j])) j++;
  const titleLine = lines[j];
  if (titleLine && titleLine.text.startsWith('Cable title:')) {
    const label = tok(titleLine, 0, 'Cable title:'.length);
    const inline = tok(titleLine, 'Cable title:'.length);
    let value: Token | null = inline.text ? inline : null;
    j++;
    // The title sits on the lines before `Tags:`; keep the first span of non-blank lines.
    for (let k = j; k < lines.length && k < j + 12 && !lines[k].text.startsWith('Tags:'); k++) {
      if (isBlank(lines[k])) {
        if (value) break;
        continue;
      }
      // An empty title: the cable itself follows (`VZCZCXRO3979`, 06KABUL3934), not a title.
      if (!value && lines[k].text.startsWith('VZCZC', lines[k].indent)) break;
      const part = tok(lines[k], 0);
      value = value ? { start: value.start, end: part.end, text: `${value.text} ${part.text}` } : part;
      j = k + 1;
    }
    md.title = value ? { label, value } : { label, value: { start: label.end, end: label.end, text: '' } };
    while (j < lines.length && isBlank(lines[j])) j++;
  }
  const tagsLine = lines[j];
  if (tagsLine && tagsLine.text.startsWith('Tags:')) {
    md.tagsLabel = tok(tagsLine, 0, 5);
    md.tags = [];
    for (const w of words(tagsLine, 5)) {
      const text = w.text.endsWith(',') ? w.text.slice(0, -1) : w.text;
      if (text) md.tags.push({ start: w.start, end: w.end, text });
    }
    j++;
    if (j < lines.length && lines[j].text.trim() === 'pdf how-to read a cable') j++;
  }
  return j;
}

function parseTable(lines: Line[], i: number): MetadataResult {
  // A separator's leading white space is taken only after a non-space, so a run of spaces is read once (same splits).
  const sep = /(?:(?<!\s)\s+)?[|\t]\s*/;
  const labelLine = lines[i];
  const valueLine = lines[i + 1];
  const names = labelLine.text.split(sep);
  const md = emptyMetadata('table', labelLine.start);
  if (valueLine) {
    // Walk the value line cell by cell so every value keeps its own offsets.
    let from = 0;
    names.forEach((name) => {
      const m = /[|\t]/.exec(valueLine.text.slice(from));
      const to = m ? from + m.index : valueLine.text.length;
      const f = { label: null, value: tok(valueLine, from, to) };
      if (name === 'Reference ID') md.identifier = f;
      else if (name === 'Created') md.created = f;
      else if (name === 'Released') md.released = f;
      else if (name === 'Classification') md.classification = f;
      else if (name === 'Origin') md.origin = f;
      from = to + 1;
    });
  }
  const next = parseTitleAndTags(lines, Math.min(lines.length, i + 2), md);
  finish(md, lines, next);
  return { metadata: md, next };
}

function parseRaw(lines: Line[], i: number): MetadataResult {
  const md = emptyMetadata('raw-cablegate', lines[i].start);
  md.identifier = field(null, lines[i]);
  md.title = field(null, lines[i + 1]);
  md.created = field(null, lines[i + 2]);
  md.classification = field(null, lines[i + 3]);
  md.origin = field(null, lines[i + 4]);
  finish(md, lines, i + 5);
  return { metadata: md, next: i + 5 };
}

function emptyMetadata(layout: Metadata['layout'], start: number): Metadata {
  return {
    layout,
    start,
    end: start,
    identifier: null,
    created: null,
    createdIso: null,
    released: null,
    releasedIso: null,
    classification: null,
    classificationLevel: null,
    origin: null,
    title: null,
    tags: [],
    tagsLabel: null,
  };
}

function finish(md: Metadata, lines: Line[], next: number): void {
  const last = lines[Math.max(0, Math.min(next, lines.length) - 1)];
  md.end = Math.max(md.start, last ? last.end : md.start);
  md.createdIso = md.created ? parseMetadataDate(md.created.value.text) : null;
  md.releasedIso = md.released ? parseMetadataDate(md.released.value.text) : null;
  md.classificationLevel = md.classification ? levelOfLabel(md.classification.value.text) : null;
}

/** `2009-02-20 09:29:00`, `2009-02-20 09:29`, or alx/cablegate's `Thu Oct 11 00:00:00 +0200 2001`. */
export function parseMetadataDate(text: string): string | null {
  const t = text.trim();
  const iso = isoDateOpening(t);
  if (iso !== undefined) return iso;
  const raw = RAW_DATE.exec(t);
  if (raw) {
    const month = MONTHS.indexOf(raw[1].toUpperCase()) + 1;
    const local = isoDate(+raw[9], month, +raw[2], +raw[3], +raw[4], +raw[5]);
    if (!local) return null;
    // Raw Cablegate dates are days written as local midnight (`Thu Jun 21 00:00:00 +0200 2001`): the day is the
    // value; moving it to UTC would date the cable a day early.
    if (raw[3] === '00' && raw[4] === '00' && raw[5] === '00') return local;
    const offsetMin = (raw[6] === '-' ? -1 : 1) * (+raw[7] * 60 + +raw[8]);
    return new Date(Date.parse(local) - offsetMin * 60000).toISOString().replace('.000Z', 'Z');
  }
  return null;
}

/**
 * `^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?` read by character (the layout of nearly every
 * header): what `utcIso` makes of the date `t` opens with, or undefined when `t` opens with none.
 */
function isoDateOpening(t: string): string | null | undefined {
  if (t.length < 16 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(13) !== 58) return undefined;
  const sep = t.charCodeAt(10);
  if (sep !== 32 && sep !== 84) return undefined;
  const year = digitsAt(t, 0, 4);
  const month = digitsAt(t, 5, 2);
  const day = digitsAt(t, 8, 2);
  const hour = digitsAt(t, 11, 2);
  const minute = digitsAt(t, 14, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return undefined;
  // `(?::(\d{2}))?`: seconds only when a colon and two digits follow.
  const second = t.charCodeAt(16) === 58 ? digitsAt(t, 17, 2) : -1;
  return utcIso(year, month, day, hour, minute, second < 0 ? 0 : second);
}

/** The number `t[at, at + n)` spells in ASCII digits, or -1 when one is not a digit. */
function digitsAt(t: string, at: number, n: number): number {
  let v = 0;
  for (let k = at; k < at + n; k++) {
    const c = t.charCodeAt(k);
    if (!isDigit(c)) return -1;
    v = v * 10 + c - 48;
  }
  return v;
}

export function levelOfLabel(text: string): Level | null {
  const t = text.trim().toUpperCase();
  if (t.startsWith('TOP SECRET')) return 'TOP SECRET';
  if (t.startsWith('SECRET')) return 'SECRET';
  if (t.startsWith('CONFIDENTIAL')) return 'CONFIDENTIAL';
  if (t.startsWith('UNCLASSIFIED')) return 'UNCLASSIFIED';
  return null;
}
