/**
 * LSP requests -> language service calls. Each handler finds the open document (unknown URI: empty answer),
 * reads the document's settings where the feature needs them, and calls the service with the request's
 * cancellation token. A failure is logged and answered with an empty result: a request never takes the server down.
 */
import * as nodePath from 'node:path';
import type {
  CodeAction,
  CodeActionParams,
  Connection,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  Hover,
  SelectionRange,
  SemanticTokens,
  TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CableLanguageService, CableSummary } from '../service/index';
import type { ClientFeatures } from './capabilities';
import type { LintConfig } from './lintConfig';
import type { SettingsCache } from './settings';
import { fileUriToPath, workspaceRootFor } from './uris';

export const SUMMARY_REQUEST = 'cable/summary';

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: CableLanguageService;
  settings: SettingsCache;
  config: LintConfig;
  client: () => ClientFeatures;
  workspaceFolders: () => readonly string[];
  /** A hover that takes precedence where it answers: references resolved against the workspace index. */
  referenceHover?: (uri: string, position: { line: number; character: number }) => Hover | null;
}

/** Runs a handler body, turning exceptions into `fallback` and a log line. */
async function guarded<T>(ctx: FeatureContext, name: string, fallback: T, body: () => T | Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    // One warning line for the user's log (malformed requests land here too); the stack goes to the verbose log.
    ctx.connection.console.warn(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    if (err instanceof Error && err.stack) ctx.connection.console.log(err.stack);
    return fallback;
  }
}

function summaryUri(params: unknown): string | null {
  if (!params || typeof params !== 'object') return null;
  const p = params as { uri?: unknown; textDocument?: { uri?: unknown } };
  if (typeof p.textDocument?.uri === 'string') return p.textDocument.uri;
  return typeof p.uri === 'string' ? p.uri : null;
}

export function registerFeatures(ctx: FeatureContext): void {
  const { connection, documents, service } = ctx;

  connection.onDocumentSymbol((params, token) =>
    guarded<DocumentSymbol[]>(ctx, 'documentSymbol', [], async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const settings = await ctx.settings.get(doc.uri);
      return service.getDocumentSymbols(doc, { maxItemsComputed: settings.maxItemsComputed }, token);
    }),
  );

  connection.onFoldingRanges((params, token) =>
    guarded<FoldingRange[]>(ctx, 'foldingRange', [], async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const settings = await ctx.settings.get(doc.uri);
      const client = ctx.client();
      return service.getFoldingRanges(doc, { maxItemsComputed: settings.maxItemsComputed, rangeLimit: client.foldingRangeLimit, collapsedText: client.collapsedText }, token);
    }),
  );

  connection.onHover((params, token) =>
    guarded<Hover | null>(ctx, 'hover', null, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      return ctx.referenceHover?.(doc.uri, params.position) ?? service.getHover(doc, params.position, token);
    }),
  );

  connection.onDocumentHighlight((params, token) =>
    guarded<DocumentHighlight[]>(ctx, 'documentHighlight', [], () => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? service.getDocumentHighlights(doc, params.position, token) : [];
    }),
  );

  connection.onSelectionRanges((params, token) =>
    guarded<SelectionRange[]>(ctx, 'selectionRange', [], () => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? service.getSelectionRanges(doc, params.positions, token) : [];
    }),
  );

  connection.languages.semanticTokens.on((params, token) =>
    guarded<SemanticTokens>(ctx, 'semanticTokens', { data: [] }, () => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? service.getSemanticTokens(doc, undefined, token) : { data: [] };
    }),
  );

  connection.languages.semanticTokens.onRange((params, token) =>
    guarded<SemanticTokens>(ctx, 'semanticTokens/range', { data: [] }, () => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? service.getSemanticTokens(doc, params.range, token) : { data: [] };
    }),
  );

  connection.onCodeAction((params: CodeActionParams, token) =>
    guarded<CodeAction[]>(ctx, 'codeAction', [], async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const levels = await ctx.config.levelsFor(doc.uri);
      if (token.isCancellationRequested) return [];
      const client = ctx.client();
      const filePath = fileUriToPath(doc.uri);
      const disable = filePath
        ? { filePath: nodePath.resolve(filePath), workspaceRoot: workspaceRootFor(filePath, ctx.workspaceFolders()), canCreateFiles: client.createFiles }
        : null;
      return service.getCodeActions(
        doc,
        params.context,
        { levels, canShowDocument: client.showDocument, documentChanges: client.documentChanges, disabledSupport: client.codeActionDisabled, disable },
        token,
      );
    }),
  );

  connection.onRequest(SUMMARY_REQUEST, (params: unknown, token) =>
    guarded<CableSummary | null>(ctx, SUMMARY_REQUEST, null, async () => {
      const uri = summaryUri(params);
      const doc = uri ? documents.get(uri) : undefined;
      if (!doc) return null;
      const levels = await ctx.config.levelsFor(doc.uri);
      return service.getSummary(doc, { levels }, token);
    }),
  );
}
