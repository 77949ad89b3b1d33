/**
 * TAGS (Traffic Analysis by Geography and Subject) lookup over the generated table data/tags.json
 * (provenance in data/PROVENANCE.md). A tag without a published definition has `meaning: null`: hovers
 * must say so, never guess. Person tags (`OVIP (CLINTON, HILLARY)`) are the parser's business.
 */
import tagsData from './data/tags.json';
import { escapeMarkdown } from './hoverTexts';

/** Kinds of TAGS. */
export type TagKind = 'subject' | 'program' | 'geographic' | 'organization' | 'unknown';

/** All kinds, in display order. */
export const TAG_KINDS: readonly TagKind[] = Object.freeze(['subject', 'program', 'geographic', 'organization', 'unknown'] as TagKind[]);

/** What each kind is, for hovers. */
export const TAG_KIND_LABELS: Readonly<Record<TagKind, string>> = Object.freeze({
  subject: 'subject tag',
  program: 'program tag',
  geographic: 'geographic tag (country or region)',
  organization: 'organization tag',
  unknown: 'token seen in TAGS lines, not in any TAGS list',
});

/** One reading of a tag. */
export interface TagInfo {
  tag: string;
  kind: TagKind;
  /** Null where no source defines the tag. */
  meaning: string | null;
  /** Source key of the meaning (see PROVENANCE.md), null when there is none. */
  source: string | null;
  /** Other sources' wording, corpus counts, list membership. */
  notes: string | null;
}

type Row = [string, TagKind, string | null, string | null, string | null];

let index: Map<string, TagInfo[]> | null = null;

function getIndex(): Map<string, TagInfo[]> {
  if (index) return index;
  index = new Map();
  for (const [tag, kind, meaning, source, notes] of (tagsData as unknown as { rows: Row[] }).rows) {
    const info: TagInfo = Object.freeze({ tag, kind, meaning, source, notes });
    const list = index.get(tag);
    if (list) list.push(info);
    else index.set(tag, [info]);
  }
  // A code that is both a country and an organization (AU: Austria / African Union): the geographic
  // reading first, since TAGS lines of the era used FIPS country codes.
  for (const list of index.values()) {
    if (list.length > 1) list.sort((a, b) => Number(a.kind === 'organization') - Number(b.kind === 'organization'));
  }
  return index;
}

function normalize(token: string): string {
  return token.replace(/\u00a0/g, ' ').trim().replace(/(?<![.,;:])[.,;:]+$/, '').toUpperCase();
}

/**
 * The primary reading of a TAGS token (`PGOV`, `pgov`, `KZ,`), or null if the table does not list it.
 * Trailing `.,;:` is ignored. For codes with two readings see {@link lookupTagReadings}.
 */
export function lookupTag(token: string): TagInfo | null {
  if (typeof token !== 'string' || token.length > 40) return null;
  return getIndex().get(normalize(token))?.[0] ?? null;
}

/** Every reading of a token (e.g. `AU`: Austria, then African Union); empty if unlisted. */
export function lookupTagReadings(token: string): TagInfo[] {
  if (typeof token !== 'string' || token.length > 40) return [];
  return [...(getIndex().get(normalize(token)) ?? [])];
}

/** Number of distinct tag codes in the table. */
export function tagCount(): number {
  return getIndex().size;
}

/**
 * Hover text for a token: kind and meaning of every reading, "no published definition" where the table
 * has none, and a plain note when the token is not in the table. Table text is escaped.
 */
export function tagHover(token: string): string {
  const readings = lookupTagReadings(token);
  if (readings.length === 0) return 'TAGS token not found in the TAGS lists we carry.';
  return readings
    .map((r) => {
      const meaning = r.meaning ? `: ${escapeMarkdown(r.meaning)}` : ': no published definition';
      const source = r.source ? ` (source: ${escapeMarkdown(r.source)})` : '';
      return `**${escapeMarkdown(r.tag)}** — ${TAG_KIND_LABELS[r.kind]}${meaning}${source}`;
    })
    .join('\n\n');
}
