/**
 * The cross-cable editor features, LSP-typed but transport-free (like the language service): document links and
 * go-to-definition for REF identifiers and `REFTEL A` mentions, find-references from a cable's identifier, MRN or
 * banner, the "cited by N cables" code lens, and workspace symbols. Inputs are a parsed document, its URI and
 * the workspace index; the host decides when the index is current.
 */
import {
  SymbolKind,
  type CodeLens,
  type DocumentLink,
  type Location,
  type LocationLink,
  type Position,
  type Range,
  type SymbolInformation,
} from 'vscode-languageserver-types';
import type { Cable, ParsedDocument, Span } from '../parser/model';
import { offsetOf, positionOf, rangeOf } from '../service/positions';
import { cableIds, type Range4 } from './entries';
import { fileLabel } from './hover';
import { referenceSites, siteAt, type ReferenceSite } from './references';
import type { CableHit, WorkspaceIndex } from './workspaceIndex';

/** The code lens command: the client shows `locations` as references at `position` (VS Code: editor.action.showReferences). */
export const SHOW_CITING_CABLES_COMMAND = 'cable.showCitingCables';

export const MAX_WORKSPACE_SYMBOLS = 500;

function toRange(r: Range4): Range {
  return { start: { line: r[0], character: r[1] }, end: { line: r[2], character: r[3] } };
}

function hitsOf(site: ReferenceSite, index: WorkspaceIndex): CableHit[] {
  const out: CableHit[] = [];
  const seen = new Set<string>();
  for (const ref of site.refs) {
    for (const hit of index.resolve(ref)) {
      const key = `${hit.uri}#${hit.cable.range.join(',')}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(hit);
      }
    }
  }
  return out;
}

/** `file:///x/09PARIS1097.txt#L12,5`: VS Code opens a link target at the line and column of such a fragment. */
function targetWithPosition(hit: CableHit): string {
  const [line, character] = hit.cable.selection;
  return `${hit.uri.replace(/#.*$/, '')}#L${line + 1},${character + 1}`;
}

function tooltipOf(hit: CableHit): string {
  const name = hit.cable.label ?? hit.cable.ids[0] ?? 'cable';
  return `Open ${name} (${fileLabel(hit.uri)})`;
}

/** Links for every REF identifier and mention whose cable is in the workspace; unresolved ones get none. */
export function getDocumentLinks(doc: ParsedDocument, uri: string, index: WorkspaceIndex, sites = referenceSites(doc)): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const site of sites) {
    const hits = hitsOf(site, index).filter((h) => h.uri !== uri || !sameSpan(h.cable.range, doc, site));
    if (hits.length === 0) continue;
    out.push({ range: rangeOf(doc, site), target: targetWithPosition(hits[0]), tooltip: tooltipOf(hits[0]) });
  }
  return out;
}

/** A site inside the very cable it resolves to (a cable citing itself): no link onto itself. */
function sameSpan(range: Range4, doc: ParsedDocument, site: Span): boolean {
  const a = positionOf(doc, site.start);
  return (a.line > range[0] || (a.line === range[0] && a.character >= range[1])) && (a.line < range[2] || (a.line === range[2] && a.character <= range[3]));
}

/** Go to the cable(s) a REF identifier or mention names. */
export function getDefinition(
  doc: ParsedDocument,
  position: Position,
  index: WorkspaceIndex,
  linkSupport: boolean,
  sites = referenceSites(doc),
): Location[] | LocationLink[] | null {
  const offset = offsetOf(doc, position);
  if (offset === null) return null;
  const site = siteAt(sites, offset);
  if (!site) return null;
  const hits = hitsOf(site, index);
  if (hits.length === 0) return null;
  if (linkSupport) {
    const origin = rangeOf(doc, site);
    return hits.map((h) => ({ originSelectionRange: origin, targetUri: h.uri, targetRange: toRange(h.cable.range), targetSelectionRange: toRange(h.cable.selection) }));
  }
  return hits.map((h) => ({ uri: h.uri, range: toRange(h.cable.selection) }));
}

/** The spans of a cable that stand for the cable itself: metadata identifier, banner (with its MRN), repeats. */
function identitySpans(cable: Cable): Span[] {
  const spans: Span[] = [];
  if (cable.metadata?.identifier) spans.push(cable.metadata.identifier.value);
  if (cable.banner) spans.push(cable.banner);
  for (const b of cable.repeatedBanners) spans.push(b);
  return spans;
}

/** The cable whose identifier, MRN or banner is under `offset`. */
export function cableAtIdentity(doc: ParsedDocument, offset: number): Cable | null {
  for (const cable of doc.cables) {
    if (offset < cable.start || offset > cable.end) continue;
    if (identitySpans(cable).some((s) => offset >= s.start && offset <= s.end)) return cable;
  }
  return null;
}

function citingLocations(ids: readonly string[], index: WorkspaceIndex): Location[] {
  const out: Location[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    for (const hit of index.citedBy(id)) {
      const key = `${hit.uri}#${hit.ref.range.join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ uri: hit.uri, range: toRange(hit.ref.range) });
    }
  }
  return out;
}

/**
 * Find references. On a cable's identifier, MRN or banner: the REF items across the workspace that cite it (and
 * the identifier itself when the client asks for the declaration). On a REF identifier or mention: every
 * citation of the cable it names.
 */
export function getReferences(
  doc: ParsedDocument,
  uri: string,
  position: Position,
  index: WorkspaceIndex,
  includeDeclaration: boolean,
  sites = referenceSites(doc),
): Location[] | null {
  const offset = offsetOf(doc, position);
  if (offset === null) return null;
  const cable = cableAtIdentity(doc, offset);
  if (cable) {
    const ids = cableIds(cable);
    if (ids.length === 0) return null;
    const out = citingLocations(ids, index);
    if (includeDeclaration) {
      const decl = cable.metadata?.identifier?.value ?? cable.banner?.mrn ?? cable.banner ?? cable;
      out.unshift({ uri, range: rangeOf(doc, decl) });
    }
    return out;
  }
  const site = siteAt(sites, offset);
  if (!site || site.refs.length === 0) return null;
  const ids = site.refs.map((r) => index.resolveId([r.id, ...r.alternatives])).filter((x): x is string => !!x);
  const out = citingLocations(ids, index);
  if (includeDeclaration) for (const h of hitsOf(site, index)) out.unshift({ uri: h.uri, range: toRange(h.cable.selection) });
  return out;
}

/** "cited by N cables" above the banner (or the identifier) of each cable that N > 0 cables cite. */
export function getCodeLenses(doc: ParsedDocument, uri: string, index: WorkspaceIndex): CodeLens[] {
  const out: CodeLens[] = [];
  for (const cable of doc.cables) {
    const ids = cableIds(cable);
    if (ids.length === 0) continue;
    const locations = citingLocations(ids, index);
    if (locations.length === 0) continue;
    const citing = new Set(
      ids.flatMap((id) => index.citedBy(id).map((h) => `${h.uri}#${h.cable.range[0]},${h.cable.range[1]}`)),
    ).size;
    const anchor = cable.banner ?? cable.metadata?.identifier?.value ?? cable;
    const range = rangeOf(doc, anchor);
    out.push({
      range,
      command: {
        title: `cited by ${citing} cable${citing === 1 ? '' : 's'}`,
        command: SHOW_CITING_CABLES_COMMAND,
        arguments: [uri, range.start, locations],
      },
    });
  }
  return out;
}

/**
 * Workspace symbols, best first. VS Code filters what a server returns by fuzzy-matching the query against the
 * symbol name (the first word against the name, the rest against the container), so the name carries everything
 * the search looked at: identifier, date, origin, TAGS, subject. The container is the file.
 */
export function getWorkspaceSymbols(index: WorkspaceIndex, query: string, limit = MAX_WORKSPACE_SYMBOLS): SymbolInformation[] {
  return index.search(query, limit).map(({ uri, cable }) => {
    const parts = [cable.label ?? cable.ids[0] ?? fileLabel(uri), cable.date, cable.origin, cable.tags.join(' '), cable.subject].filter((p) => !!p);
    return {
      name: parts.join(' · '),
      kind: SymbolKind.File,
      location: { uri, range: toRange(cable.selection) },
      containerName: fileLabel(uri),
    };
  });
}
