/**
 * A cable summary read by the client itself from the first lines of the text: enough for the status bar and the
 * summary view while the language server has no `cable/summary` request. Pure: no vscode import.
 * Deliberately shallow (labels and captions only); the parser in server/src/parser is the real reader.
 */
import { findMarking, splitLines, type Marking } from './classification';

export interface CableSummary {
  identifier?: string;
  created?: string;
  /** ISO 8601 date (server only). */
  date?: string;
  classification?: Marking & { caveats?: string[] };
  origin?: string;
  from?: string;
  to: string[];
  info: string[];
  subject?: string;
  tags: { code: string; meaning?: string; kind?: string }[];
  references: string[];
  /** Problem counts by severity for this cable (server only). */
  diagnostics?: Partial<Record<'error' | 'warning' | 'information' | 'hint', number>>;
  /** Position of this cable in a file that holds several (server only). */
  cableIndex?: number;
  cableCount?: number;
  /** Who produced it: `client` (this file) or `server` (the language server's parser). */
  producer: 'client' | 'server';
}

const HEADER_LABELS = new Set(['Identifier', 'Reference ID', 'Created', 'Released', 'Classification', 'Origin']);
const DTG = /^[ZOPRY](?: [ZOPRY])? ([0-3]\d[0-2]\d[0-5]\dZ [A-Z]{3} \d{2,4})\b/;
const FM = /^FM (.+)$/;
const TO = /^TO (.+)$/;
const INFO = /^INFO (.+)$/;
const TAGS = /^TAGS?[:;]? *(.+)$/;
const SUBJECT = /^SUBJ(?:ECT)?:? *(.+)$/;
const REF = /^REFS?(?:\(S\))?: *(.+)$/;
// `E.0.`: a digit zero typed for the O (09BERLIN1626).
const EO = /^(?:E\.? ?O\.?|E\. ?0\.) ?\d{5}/;
// Envelope lines that end an addressee list.
const ENVELOPE_STOP = /^(?:INFO\b|BT\b|ZEN\b|UNCLAS|LIMITED OFFICIAL USE|C ?O ?N ?F|S ?E ?C ?R|T ?O ?P ?S|$)/;

/** WikiLeaks mirror layout: a block of labels, then a block of values in the same order. */
function readHeader(lines: string[]): Map<string, string> {
  const labels: string[] = [];
  while (labels.length < lines.length && HEADER_LABELS.has(lines[labels.length].trim())) labels.push(lines[labels.length].trim());
  const values = new Map<string, string>();
  labels.forEach((label, k) => {
    const v = lines[labels.length + k]?.trim();
    if (v) values.set(label === 'Reference ID' ? 'Identifier' : label, v);
  });
  return values;
}

/** Lines from `start` that continue a list: the first line's rest, then following lines until a stop line. */
function continuation(lines: string[], start: number, first: string, stop: RegExp, max = 60): string[] {
  const out = [first.trim()];
  for (let j = start + 1; j < Math.min(lines.length, start + max); j++) {
    const l = lines[j].trim();
    if (stop.test(l)) break;
    out.push(l);
  }
  return out.filter((s) => s.length > 0);
}

/** TAGS split on spaces/commas, keeping a person tag's parenthesised name with it: `OVIP (CLINTON, HILLARY)`. */
export function splitTags(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/\([^)]*\)|[^\s,()]+/g)) {
    if (m[0].startsWith('(') && out.length > 0) out[out.length - 1] += ` ${m[0]}`;
    else out.push(m[0]);
  }
  return out;
}

export function deriveSummary(text: string): CableSummary {
  const lines = splitLines(text, 400);
  const header = readHeader(lines);
  const classification = findMarking(text);
  const s: CableSummary = { classification, to: [], info: [], tags: [], references: [], producer: 'client' };
  s.identifier = header.get('Identifier');
  s.created = header.get('Created');
  s.origin = header.get('Origin');
  const captionsFrom = classification ? classification.line : 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim();
    let m: RegExpExecArray | null;
    if (i < captionsFrom) {
      if (!s.created && (m = DTG.exec(l))) s.created = m[1];
      else if (!s.from && (m = FM.exec(l))) s.from = m[1];
      else if (s.to.length === 0 && (m = TO.exec(l))) s.to = continuation(lines, i, m[1], ENVELOPE_STOP);
      else if (s.info.length === 0 && (m = INFO.exec(l))) s.info = continuation(lines, i, m[1], ENVELOPE_STOP);
      continue;
    }
    if (s.tags.length === 0 && (m = TAGS.exec(l))) s.tags = splitTags(m[1]).map((code) => ({ code }));
    else if (!s.subject && (m = SUBJECT.exec(l))) s.subject = continuation(lines, i, m[1], /^$|^REFS?\b|^\d+\. /, 6).join(' ');
    else if (s.references.length === 0 && (m = REF.exec(l))) s.references = continuation(lines, i, m[1], /^$|^\d+\. /, 12);
    // The body starts at the first numbered paragraph: nothing below is a caption.
    if (/^1\. /.test(l) && !EO.test(l)) break;
  }
  if (!s.identifier && classification) s.identifier = classification.mrn;
  if (!s.origin && s.from) s.origin = s.from.replace(/ (?:IMMEDIATE|PRIORITY|ROUTINE|FLASH|NIACT IMMEDIATE)$/, '');
  return s;
}
