/**
 * What the workspace index keeps of a cable: a compact, plain-data entry (no text, no parse tree) with the
 * identifiers it answers to, what workspace-symbol search reads (subject, origin, TAGS, date), where to point an
 * editor (line/character ranges) and the cables its REF items cite. Plain data, so a file's entries can be built
 * anywhere (another thread, another process) and handed to the index as JSON.
 */
import { detached } from '../parser/strings';
import { parseCables } from '../parser/index';
import { positionAt } from '../parser/lineIndex';
import type { Cable, ParsedDocument, Span } from '../parser/model';
import { canonicalCableId, cableIdFromParts } from '../parser/cableId';
import { referenceSites } from './references';

/** `[startLine, startCharacter, endLine, endCharacter]`, 0-based, UTF-16 characters as in LSP. */
export type Range4 = [number, number, number, number];

export interface IndexedReference {
  /** Identifier the item names, then shorter readings tried when it is not in the workspace. */
  ids: string[];
  letter: string | null;
  range: Range4;
}

export interface IndexedCable {
  /** Canonical identifiers the cable answers to (metadata identifier, then banner MRN + year, when they differ). */
  ids: string[];
  /** Identifier as written in the file (the metadata one when present), for display. */
  label: string | null;
  subject: string;
  origin: string;
  tags: string[];
  /** `YYYY-MM-DD`, or null. */
  date: string | null;
  /** Whole cable. */
  range: Range4;
  /** Identifier, MRN or banner: where a link to the cable lands. */
  selection: Range4;
  refs: IndexedReference[];
}

export interface IndexedFile {
  uri: string;
  /** Whatever the host uses to tell versions apart (mtime, document version); compared for equality only. */
  stamp: string | number | null;
  cables: IndexedCable[];
}

const MAX_SUBJECT = 240;
const MAX_ORIGIN = 80;
const MAX_TAGS = 40;
const MAX_REFS = 60;

export function indexText(uri: string, text: string, stamp: string | number | null = null): IndexedFile {
  return indexParsed(uri, parseCables(text), stamp);
}

export function indexParsed(uri: string, doc: ParsedDocument, stamp: string | number | null = null): IndexedFile {
  const sites = referenceSites(doc, { mentions: false });
  const cables = doc.cables.map((cable) => {
    const entry = cableEntry(doc, cable);
    for (const site of sites) {
      if (site.cableIndex !== cable.index || entry.refs.length >= MAX_REFS) continue;
      for (const ref of site.refs) entry.refs.push({ ids: [ref.id, ...ref.alternatives].map(own), letter: site.letter ? own(site.letter) : null, range: toRange(doc, site) });
    }
    return entry;
  });
  return { uri: own(uri), stamp: typeof stamp === 'string' ? own(stamp) : stamp, cables };
}

export function toRange(doc: Pick<ParsedDocument, 'lineStarts'>, span: Span): Range4 {
  const a = positionAt(doc.lineStarts, span.start);
  const b = positionAt(doc.lineStarts, Math.max(span.start, span.end));
  return [a.line, a.character, b.line, b.character];
}

/** A copy that does not keep the file's text alive (the index holds a few hundred bytes per cable, not the file). */
export const own = detached;

function clip(s: string | null | undefined, max: number): string {
  if (!s) return '';
  const t = s.replace(/\s+/g, ' ').trim();
  return own(t.length > max ? `${t.slice(0, max - 1)}…` : t);
}

/** Identifiers a cable answers to: its written identifier and the one its banner MRN and date give. */
export function cableIds(cable: Cable): string[] {
  const ids: string[] = [];
  const written = cable.identifier ? canonicalCableId(cable.identifier) : null;
  if (written) ids.push(written);
  const mrn = cable.banner?.mrn;
  const year = cable.envelope?.dtg?.year ?? (cable.date ? +cable.date.slice(0, 4) : null);
  if (mrn && year) {
    const derived = cableIdFromParts(year, mrn.post.text, mrn.serial.text);
    if (derived && !ids.includes(derived)) ids.push(derived);
  }
  return ids;
}

function cableEntry(doc: ParsedDocument, cable: Cable): IndexedCable {
  const md = cable.metadata;
  const tagSource = cable.tags?.tags.filter((t) => t.kind === 'tag').map((t) => t.text) ?? md?.tags.map((t) => t.text) ?? [];
  const tags = [...new Set(tagSource.map((t) => t.toUpperCase().replace(/(?<![,;])[,;]+$/, '')).filter((t) => t))].slice(0, MAX_TAGS).map(own);
  const origin = md?.origin?.value.text || cable.envelope?.from[0]?.name.text || cable.banner?.mrn?.post.text || '';
  const target: Span = md?.identifier?.value ?? cable.banner?.mrn ?? cable.banner ?? { start: cable.start, end: cable.start };
  return {
    ids: cableIds(cable).map(own),
    label: cable.identifier ? clip(cable.identifier, 60) : null,
    subject: clip(cable.subject?.text || md?.title?.value.text, MAX_SUBJECT),
    origin: clip(origin, MAX_ORIGIN),
    tags,
    date: cable.date ? own(cable.date.slice(0, 10)) : null,
    range: toRange(doc, cable),
    selection: toRange(doc, target),
    refs: [],
  };
}
