/**
 * The cross-cable layer: identifiers, reference reading, the workspace index, its search and background build, and
 * the editor features over them (LSP-typed results, no transport). Pure: no Node APIs, no connection.
 */
export { canonicalCableId, cableIdFromParts, expandYear, formatCableId, parseCableId, sameCable, type CableIdParts } from '../parser/cableId';
export { canonicalPost, LONG_POST_NAMES, POST_ALIASES } from '../parser/postNames';
export { findCableMentions, type CableMention } from '../parser/referenceText';
export { findTextMentions, type TextMention } from './textMentions';
export { referenceSites, siteAt, type CableRef, type ReferenceSite, type SiteOptions } from './references';
export { cableIds, indexParsed, indexText, toRange, type IndexedCable, type IndexedFile, type IndexedReference, type Range4 } from './entries';
export { parseQuery, scoreCable, type ParsedQuery, type QueryTerm } from './search';
export { WorkspaceIndex, type CableHit, type CitingHit, type IndexSnapshot, type SymbolHit } from './workspaceIndex';
export { fileLabel, referenceHover, referenceSiteHover, type ReferenceHover } from './hover';
export { buildIndex, DEFAULT_MAX_FILE_CHARS, type BuildOptions, type BuildResult, type IndexSource } from './builder';
export {
  cableAtIdentity,
  getCodeLenses,
  getDefinition,
  getDocumentLinks,
  getReferences,
  getWorkspaceSymbols,
  MAX_WORKSPACE_SYMBOLS,
  SHOW_CITING_CABLES_COMMAND,
} from './features';
