/** What the client can do (from `initialize`), and what this server offers in return. */
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { COMMANDS, FIX_ALL_KIND, SEMANTIC_LEGEND } from '../service/index';

export interface ClientFeatures {
  /** `workspace/configuration` (pull settings per document). */
  configuration: boolean;
  /** Dynamic registration of file watchers (`.cablelintrc.json`). */
  watchFiles: boolean;
  workspaceFolders: boolean;
  /** `window/showDocument`: the navigation and documentation commands work. */
  showDocument: boolean;
  documentChanges: boolean;
  createFiles: boolean;
  codeActionDisabled: boolean;
  collapsedText: boolean;
  foldingRangeLimit: number | undefined;
}

export function readClientFeatures(c: ClientCapabilities): ClientFeatures {
  const edit = c.workspace?.workspaceEdit;
  return {
    configuration: !!c.workspace?.configuration,
    watchFiles: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    workspaceFolders: !!c.workspace?.workspaceFolders,
    showDocument: !!c.window?.showDocument?.support,
    documentChanges: !!edit?.documentChanges,
    createFiles: !!edit?.resourceOperations?.includes('create'),
    codeActionDisabled: !!c.textDocument?.codeAction?.disabledSupport,
    collapsedText: !!c.textDocument?.foldingRange?.foldingRange?.collapsedText,
    foldingRangeLimit: c.textDocument?.foldingRange?.rangeLimit,
  };
}

export function serverCapabilities(client: ClientFeatures): ServerCapabilities {
  return {
    positionEncoding: 'utf-16',
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    documentSymbolProvider: { label: 'Cable' },
    foldingRangeProvider: true,
    hoverProvider: true,
    documentHighlightProvider: true,
    selectionRangeProvider: true,
    semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true, range: true },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    executeCommandProvider: { commands: [COMMANDS.openRuleDocumentation, COMMANDS.revealRange, COMMANDS.disableRuleForFile] },
    workspace: client.workspaceFolders ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
    experimental: { cableSummary: true },
  };
}
