/**
 * Wires a connection to the language service: document sync (incremental), settings and `.cablelintrc.json`
 * handling, debounced diagnostics, feature requests, commands. `server.ts` only creates the connection.
 */
import * as nodePath from 'node:path';
import { DidChangeWatchedFilesNotification, TextDocuments, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { nodeConfigHost } from '../config/discover';
import { CONFIG_FILE_NAME, type RuleLevels } from '../config/model';
import type { ParsedDocument } from '../parser/model';
import { RULE_CATALOG, runRules } from '../rules/index';
import { createCableLanguageService } from '../service/index';
import { readClientFeatures, serverCapabilities, type ClientFeatures } from './capabilities';
import { registerCommands } from './commands';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { CrossReferences } from './crossReferences';
import { registerFeatures } from './features';
import { LintConfig } from './lintConfig';
import { tell } from './messages';
import { SettingsCache } from './settings';
import { fileUriToPath } from './uris';

export interface ServerInfo {
  name: string;
  version: string;
}

const FEATURE_LABEL = { documentSymbols: 'outline', foldingRanges: 'folding ranges' } as const;

export function startCableServer(connection: Connection, info: ServerInfo): void {
  let client: ClientFeatures = readClientFeatures({});
  let folders: string[] = [];

  const linter = { run: (doc: ParsedDocument, levels: RuleLevels) => runRules(doc, levels, { onRuleError: (id, e) => connection.console.error(`Rule ${id} failed: ${String(e)}`) }), catalog: RULE_CATALOG };
  const service = createCableLanguageService({
    linter,
    files: nodeConfigHost,
    onResultLimitExceeded: ({ uri, feature, limit }) => {
      const name = nodePath.basename(fileUriToPath(uri) ?? uri);
      tell(connection, 'info', 
        `${name}: the ${FEATURE_LABEL[feature]} stops at ${limit} items (setting cable.maxItemsComputed).`,
      );
    },
  });
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsCache(connection, () => client.configuration);
  const config = new LintConfig(connection, settings, RULE_CATALOG, nodeConfigHost);
  const diagnostics = new DiagnosticsScheduler(connection, documents, service, config);
  // Cross-cable features (workspace index, links, references, lens, symbols): handlers/crossReferences.ts.
  const crossRefs = new CrossReferences({ connection, documents, service, config, diskService: createCableLanguageService({ linter, cacheSize: 2 }) });

  const setFolders = (list: { uri: string }[] | null | undefined) => {
    folders = (list ?? []).map((f) => fileUriToPath(f.uri)).filter((p): p is string => p !== null);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = readClientFeatures(params.capabilities ?? {});
    if (params.workspaceFolders) setFolders(params.workspaceFolders);
    else if (params.rootUri) setFolders([{ uri: params.rootUri }]);
    return { capabilities: { ...serverCapabilities(client), ...crossRefs.initialize(params) }, serverInfo: info };
  });

  connection.onInitialized(() => {
    if (client.watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] }).catch(() => undefined);
    }
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => fileUriToPath(f.uri)));
        folders = folders.filter((f) => !removed.has(f));
        for (const f of e.added) {
          const p = fileUriToPath(f.uri);
          if (p) folders.push(p);
        }
      });
    }
    void crossRefs.initialized();
  });

  connection.onDidChangeConfiguration((params) => {
    settings.clear();
    settings.setPushed(params?.settings);
    void crossRefs.configurationChanged(params?.settings);
    config.clear();
    diagnostics.scheduleAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    crossRefs.watchedFilesChanged(params);
    if (!params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) return;
    config.clear();
    diagnostics.scheduleAll();
  });

  // TextDocuments fires a content change right after every open: lint an opened document at once, and debounce
  // only real edits.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    diagnostics.schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document.uri)) return;
    diagnostics.schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    diagnostics.clear(e.document.uri);
    settings.evict(e.document.uri);
    config.evict(e.document.uri);
    service.forget(e.document.uri);
    // V8 keeps the input of the last regular expression match (RegExp.lastMatch); a slice of the closed document
    // there would keep its whole text alive until the next match. A match on an empty string lets it go.
    /(?:)/.exec('');
  });

  registerFeatures({
    connection,
    documents,
    service,
    settings,
    config,
    client: () => client,
    workspaceFolders: () => folders,
    referenceHover: (uri, position) => crossRefs.hover(uri, position),
  });
  registerCommands(connection, documents, {
    workspaceFolders: () => folders,
    configChanged: () => {
      config.clear();
      diagnostics.scheduleAll();
    },
  });

  crossRefs.register();
  connection.onShutdown(() => {
    diagnostics.dispose();
    crossRefs.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
