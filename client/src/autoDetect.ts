/**
 * `.txt` cables open as plaintext (VS Code maps the extension before any firstLine rule applies), so plaintext
 * documents are inspected with the parser's own detectCable and switched to `cable`. Only plaintext is ever
 * touched: a document in any other language is left alone, and so is one the user switched back to plaintext.
 */
import * as vscode from 'vscode';
import { detectCable } from '../../server/src/parser/detect';
import { SUMMARY_SCHEME } from './summaryView';

/** Schemes whose documents are never cables: the output panel, and this extension's own summary view. */
const IGNORED_SCHEMES = new Set(['output', 'vscode-scm', SUMMARY_SCHEME]);

export class CableAutoDetect implements vscode.Disposable {
  /**
   * Documents this class switched. If one shows up as plaintext again, the user changed the language back
   * (VS Code reopens the document under the new language): respect that for the rest of the session.
   */
  private readonly switched = new Set<string>();
  /** Documents closed in the current turn: a language change closes and reopens a document in the same turn. */
  private readonly closing = new Set<string>();
  private readonly disposables: vscode.Disposable[];
  private readonly detected = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires with the re-opened `cable` document after a switch. */
  readonly onDidSwitch = this.detected.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables = [
      this.detected,
      vscode.workspace.onDidOpenTextDocument((d) => {
        this.closing.delete(d.uri.toString());
        void this.consider(d);
      }),
      // A real close forgets the document: untitled names (Untitled-1, …) are reused for new buffers.
      vscode.workspace.onDidCloseTextDocument((d) => {
        const key = d.uri.toString();
        this.closing.add(key);
        setTimeout(() => {
          if (this.closing.delete(key)) this.switched.delete(key);
        }, 0);
      }),
      // An untitled buffer is empty when opened: look again once something is pasted into it.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.isUntitled && e.contentChanges.length > 0) void this.consider(e.document);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cable.autoDetect')) this.considerOpen();
      }),
    ];
    this.considerOpen();
  }

  considerOpen(): void {
    for (const d of vscode.workspace.textDocuments) void this.consider(d);
  }

  private async consider(doc: vscode.TextDocument): Promise<void> {
    if (doc.languageId !== 'plaintext' || IGNORED_SCHEMES.has(doc.uri.scheme)) return;
    const key = doc.uri.toString();
    if (this.switched.has(key)) return;
    if (!vscode.workspace.getConfiguration('cable', doc.uri).get<boolean>('autoDetect', true)) return;
    const verdict = detectCable(doc.getText());
    if (!verdict.isCable) return;
    this.switched.add(key);
    try {
      const cable = await vscode.languages.setTextDocumentLanguage(doc, 'cable');
      this.log.info(`Opened ${vscode.workspace.asRelativePath(doc.uri)} as a cable (${verdict.reason}).`);
      this.detected.fire(cable);
    } catch (err) {
      this.switched.delete(key);
      this.log.warn(`Could not switch ${key} to cable: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
