/**
 * The cable language service: a pure library of editor features over the parser. One factory returns a frozen
 * object of features; each takes a document (uri, version, text), the request's own arguments, and a cancellation
 * token, and returns LSP-typed results. No transport, no file watching, no settings: the host (the LSP server in
 * server.ts + handlers/, or a test) brings configuration levels, limits and file access.
 */
import type {
  CodeAction,
  CodeActionContext,
  Diagnostic,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Position,
  Range,
  SelectionRange,
  SemanticTokens,
} from 'vscode-languageserver-types';
import type { RuleLevels } from '../config/model';
import type { ParsedDocument } from '../parser/model';
import type { RuleDiagnostic } from '../rules/types';
import { getCodeActions, type CodeActionOptions } from './codeActions';
import { computeDiagnostics, findingsOf } from './diagnostics';
import { getDocumentHighlights } from './documentHighlights';
import { getDocumentSymbols } from './documentSymbols';
import { getFoldingRanges } from './folding';
import { getHover } from './hover';
import { effectiveLimit, LimitNotifier } from './limits';
import { spanOfRange } from './positions';
import { getSelectionRanges } from './selectionRanges';
import { getSemanticTokens } from './semanticTokens';
import { summarizeCable, type CableSummary } from './summary';
import { DEFAULT_MAX_ITEMS, NEVER_CANCELLED, type Cancellation, type CableServiceInit, type ServiceDocument } from './types';
import { DocumentCache } from './workspaceCache';

export interface SymbolOptions {
  /** Cap for this request (`cable.maxItemsComputed` of the document's folder); default from the init. */
  maxItemsComputed?: number;
}

export interface FoldingOptions extends SymbolOptions {
  /** The client's own limit (`foldingRange.rangeLimit` capability). */
  rangeLimit?: number;
  /** The client shows `collapsedText`. */
  collapsedText?: boolean;
}

export interface LintOptions {
  /** Configured levels for this document (settings + `.cablelintrc.json`); empty = every rule at its default. */
  levels?: RuleLevels;
}

export interface CableLanguageService {
  /** The parse of this document version (cached). */
  parse(document: ServiceDocument): ParsedDocument;
  getDocumentSymbols(document: ServiceDocument, options?: SymbolOptions, token?: Cancellation): DocumentSymbol[];
  getFoldingRanges(document: ServiceDocument, options?: FoldingOptions, token?: Cancellation): FoldingRange[];
  getHover(document: ServiceDocument, position: Position, token?: Cancellation): Hover | null;
  /** Rule findings with offsets (what the CLI prints), computed once per version and levels. */
  getFindings(document: ServiceDocument, options?: LintOptions, token?: Cancellation): RuleDiagnostic[];
  computeDiagnostics(document: ServiceDocument, options?: LintOptions, token?: Cancellation): Diagnostic[];
  getCodeActions(
    document: ServiceDocument,
    context: CodeActionContext,
    options?: LintOptions & Partial<Omit<CodeActionOptions, 'levels' | 'linter' | 'files'>>,
    token?: Cancellation,
  ): CodeAction[];
  getSelectionRanges(document: ServiceDocument, positions: readonly Position[], token?: Cancellation): SelectionRange[];
  getDocumentHighlights(document: ServiceDocument, position: Position, token?: Cancellation): DocumentHighlight[];
  /** Headings and signatures, for the whole document or the lines of `range` (see semanticTokens.ts). */
  getSemanticTokens(document: ServiceDocument, range?: Range, token?: Cancellation): SemanticTokens;
  /** Summary of the cable at `cableIndex` (default the first); null when the file holds no cable. */
  getSummary(document: ServiceDocument, options?: LintOptions & { cableIndex?: number }, token?: Cancellation): CableSummary | null;
  /** Drop everything cached for a document (it was closed). */
  forget(uri: string): void;
}

export function createCableLanguageService(init: CableServiceInit = {}): CableLanguageService {
  const cache = new DocumentCache(init.cacheSize ?? 64);
  const notifier = new LimitNotifier(init.onResultLimitExceeded);
  const defaultLimit = effectiveLimit(init.maxItemsComputed, DEFAULT_MAX_ITEMS);
  const linter = init.linter;
  const t = (token?: Cancellation) => token ?? NEVER_CANCELLED;

  const service: CableLanguageService = {
    parse: (document) => cache.get(document).parsed,

    getDocumentSymbols(document, options = {}, token) {
      const entry = cache.get(document);
      const limit = effectiveLimit(options.maxItemsComputed, defaultLimit);
      const result = getDocumentSymbols(entry, limit, t(token));
      if (result.limited) notifier.report(document.uri, 'documentSymbols', limit);
      return result.symbols;
    },

    getFoldingRanges(document, options = {}, token) {
      const entry = cache.get(document);
      const limit = effectiveLimit(options.maxItemsComputed, defaultLimit);
      const clientLimit = effectiveLimit(options.rangeLimit, Number.MAX_SAFE_INTEGER);
      const result = getFoldingRanges(entry, Math.min(limit, clientLimit), t(token), { collapsedText: options.collapsedText });
      // Only our own cap deserves a notice; the editor knows its own limit.
      if (result.limited && limit <= clientLimit) notifier.report(document.uri, 'foldingRanges', limit);
      return result.ranges;
    },

    getHover: (document, position, token) => getHover(cache.get(document), position, t(token)),

    getFindings: (document, options = {}, token) => (t(token).isCancellationRequested ? [] : findingsOf(cache.get(document), options.levels ?? {}, linter)),

    computeDiagnostics: (document, options = {}, token) => computeDiagnostics(cache.get(document), options.levels ?? {}, linter, t(token)),

    getCodeActions(document, context, options = {}, token) {
      const full: CodeActionOptions = {
        levels: options.levels ?? {},
        linter,
        files: init.files,
        canShowDocument: options.canShowDocument ?? false,
        documentChanges: options.documentChanges ?? false,
        disabledSupport: options.disabledSupport ?? false,
        disable: options.disable ?? null,
      };
      return getCodeActions(cache.get(document), context, full, t(token));
    },

    getSelectionRanges: (document, positions, token) => getSelectionRanges(cache.get(document), positions, t(token)),

    getDocumentHighlights: (document, position, token) => getDocumentHighlights(cache.get(document), position, t(token)),

    getSemanticTokens(document, range, token) {
      const entry = cache.get(document);
      if (range === undefined) return getSemanticTokens(entry, null, t(token));
      // A malformed range gets no tokens rather than the whole document's.
      const span = spanOfRange(entry.parsed, range);
      return span ? getSemanticTokens(entry, span, t(token)) : { data: [] };
    },

    getSummary(document, options = {}, token) {
      const entry = cache.get(document);
      const cable = entry.parsed.cables[options.cableIndex ?? 0];
      if (!cable || t(token).isCancellationRequested) return null;
      return summarizeCable(entry.parsed, cable, findingsOf(entry, options.levels ?? {}, linter));
    },

    forget(uri) {
      cache.delete(uri);
      notifier.forget(uri);
    },
  };
  return Object.freeze(service);
}

export type { CableServiceInit, Cancellation, Linter, LimitNotice, ServiceDocument } from './types';
export type { CableSummary, SummaryMarking, SummaryTag } from './summary';
export type { CableDiagnosticData } from './diagnostics';
export { COMMANDS, FIX_ALL_KIND, type DisableTarget } from './codeActions';
export { SYMBOL_KINDS } from './documentSymbols';
export { DIAGNOSTIC_SOURCE } from './diagnostics';
export { SEMANTIC_LEGEND, SEMANTIC_TOKEN_TYPES } from './semanticTokens';
