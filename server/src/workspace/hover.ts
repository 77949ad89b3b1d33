/**
 * Hover text for a reference to another cable: the decoded identifier (year, post, serial), whether the
 * workspace holds it, and, for `REFTEL A` mentions, which REF item the letter stands for. Meant to be shown by the
 * language service's hover next to (or instead of) its own reference text; every piece of cable or file text is
 * escaped, so nothing in it can become a link or markup.
 */
import { escapeMarkdown, quoteCableText } from '../knowledge/hoverTexts';
import type { ParsedDocument, Span } from '../parser/model';
import { referenceSites, siteAt, type CableRef, type ReferenceSite } from './references';
import type { CableHit, WorkspaceIndex } from './workspaceIndex';

export interface ReferenceHover extends Span {
  markdown: string;
  site: ReferenceSite;
}

/** The last path segment of a URI, decoded, for display. */
export function fileLabel(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function describeRef(ref: CableRef, hits: readonly CableHit[] | null): string {
  const year = ref.yearInferred ? `${ref.year} (not written: this cable's year)` : String(ref.year);
  const decoded = `**${escapeMarkdown(ref.id)}**: ${escapeMarkdown(ref.post)} serial ${escapeMarkdown(ref.serial.replace(/^0+(?=\d)/, ''))}, ${year}.`;
  if (hits === null) return decoded;
  if (hits.length === 0) return `${decoded} Not in the workspace.`;
  const first = hits[0];
  const what = [first.cable.date, first.cable.subject ? quoteCableText(first.cable.subject, 100) : null].filter(Boolean).join(', ');
  const more = hits.length > 1 ? ` (and ${hits.length - 1} more ${hits.length === 2 ? 'copy' : 'copies'})` : '';
  return `${decoded} In the workspace: ${escapeMarkdown(fileLabel(first.uri))}${more}${what ? ` — ${what}` : ''}.`;
}

/** Markdown for one reference site. `index` null: decode only (no workspace yet). */
export function referenceSiteHover(site: ReferenceSite, index: WorkspaceIndex | null): string {
  const lines: string[] = [];
  if (site.kind === 'mention') {
    const item = site.letter ? `REF ${escapeMarkdown(site.letter)}` : 'The only reference';
    lines.push(`${item}: ${quoteCableText(site.itemText, 120)}${site.refs.length === 0 ? ' (names no cable).' : ''}`);
  }
  for (const ref of site.refs.slice(0, 8)) lines.push(describeRef(ref, index ? index.resolve(ref) : null));
  return lines.join('\n\n');
}

/**
 * The hover for the reference under `offset` (a REF item identifier or a `REFTEL A` mention), or null when the
 * offset is on neither. `sites` may be passed when the caller already computed them for this document version.
 */
export function referenceHover(
  doc: ParsedDocument,
  offset: number,
  index: WorkspaceIndex | null,
  sites: readonly ReferenceSite[] = referenceSites(doc),
): ReferenceHover | null {
  const site = siteAt(sites, offset);
  if (!site) return null;
  const markdown = referenceSiteHover(site, index);
  return markdown ? { start: site.start, end: site.end, markdown, site } : null;
}
