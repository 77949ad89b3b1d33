/**
 * Extension entry: wires the language client, `.txt` detection, the classification status item, the summary view
 * and the lint task. Behaviour lives in the modules; this file only connects them.
 */
import * as vscode from 'vscode';
import { SHOW_CITING_CABLES, showCitingCables } from './citingCables';
import { CableAutoDetect } from './autoDetect';
import { LintTaskProvider, lintWorkspace, TASK_TYPE } from './lintTask';
import { CableServer } from './serverClient';
import { ClassificationStatus, type StatusSnapshot } from './status';
import { serverOrClientSource } from './summarySource';
import { SummaryView } from './summaryView';

/** What activate() returns: a small read-only API, used by the e2e tests to observe the real UI state. */
export interface CableExtensionApi {
  status(): StatusSnapshot;
  onDidChangeStatus: vscode.Event<StatusSnapshot>;
  isServerRunning(): boolean;
  /** Why the language server is not running, when a start failed. */
  serverError(): string | undefined;
  onDidChangeServerState: vscode.Event<boolean>;
  onDidDetectCable: vscode.Event<vscode.TextDocument>;
}

let server: CableServer | undefined;

export function activate(context: vscode.ExtensionContext): CableExtensionApi {
  const output = vscode.window.createOutputChannel('Diplomatic Cables', { log: true });
  server = new CableServer(context, output);
  const source = serverOrClientSource(() => server?.current);
  const status = new ClassificationStatus(source);
  const summary = new SummaryView(source);
  const detect = new CableAutoDetect(output);

  context.subscriptions.push(
    server,
    status,
    summary,
    detect,
    server.onDidChangeState(() => {
      void status.refresh();
      summary.refreshAll();
    }),
    vscode.tasks.registerTaskProvider(TASK_TYPE, new LintTaskProvider(context.extensionPath)),
    vscode.commands.registerCommand('cable.restartServer', () => server?.restart()),
    vscode.commands.registerCommand('cable.showSummary', (uri?: vscode.Uri) => summary.show(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('cable.lintWorkspace', () => lintWorkspace(context.extensionPath)),
    vscode.commands.registerCommand(SHOW_CITING_CABLES, showCitingCables),
  );

  // The server starts with the first cable, not with every plaintext file that activates the extension.
  let startRequested = false;
  const startWhenCable = (d: vscode.TextDocument) => {
    if (d.languageId !== 'cable' || !server || server.current || startRequested) return;
    startRequested = true;
    void server.start();
  };
  vscode.workspace.textDocuments.forEach(startWhenCable);
  // Last, so the server's shutdown can still log while the rest is disposed.
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startWhenCable), output);

  return {
    status: () => status.current(),
    onDidChangeStatus: status.onDidChange,
    isServerRunning: () => server?.isRunning() ?? false,
    serverError: () => server?.lastError(),
    onDidChangeServerState: server.onDidChangeState,
    onDidDetectCable: detect.onDidSwitch,
  };
}

export function deactivate(): Promise<void> | undefined {
  return server?.stop();
}
