/**
 * `Cable: Show Cable Summary`: a read-only virtual Markdown document (scheme `cable-summary`) beside the cable,
 * regenerated when the cable changes. The query of the summary URI holds the cable's URI.
 */
import * as vscode from 'vscode';
import type { CableSummary } from './deriveSummary';
import { inertMarkdown } from './markdownText';
import type { SummarySource } from './summarySource';

export const SUMMARY_SCHEME = 'cable-summary';

export function renderSummary(s: CableSummary, cableName: string): string {
  // Every value comes from the cable (or its file name): inert in a Markdown preview.
  const md = inertMarkdown;
  const out: string[] = [`# Cable summary: ${md(s.identifier ?? cableName)}`, ''];
  if (s.cableCount && s.cableCount > 1) out.push(`Cable ${(s.cableIndex ?? 0) + 1} of ${s.cableCount} in ${md(cableName)}.`, '');
  const field = (name: string, value: string | undefined) => out.push(`- **${name}:** ${value && value.length ? md(value) : '—'}`);
  const list = (name: string, values: string[]) => {
    if (values.length <= 1) return field(name, values[0]);
    out.push(`- **${name}:**`);
    for (const v of values) out.push(`  - ${md(v)}`);
  };
  field('Identifier', s.identifier);
  field('Date', s.created && s.date && !s.date.startsWith(s.created.slice(0, 10)) ? `${s.created} (${s.date})` : s.created ?? s.date);
  field('Classification', s.classification ? `${s.classification.text} (line ${s.classification.line + 1})` : undefined);
  if (s.classification?.caveats?.length) field('Captions', s.classification.caveats.join(', '));
  field('Origin', s.origin);
  field('From', s.from);
  list('To', s.to);
  list('Info', s.info);
  field('Subject', s.subject);
  list('TAGS', s.tags.map((t) => (t.meaning ? `${t.code}: ${t.meaning}` : t.code)));
  list('References', s.references);
  if (s.diagnostics) {
    const d = s.diagnostics;
    const parts = ([['error', 'error'], ['warning', 'warning'], ['information', 'info'], ['hint', 'hint']] as const)
      .filter(([k]) => (d[k] ?? 0) > 0)
      .map(([k, label]) => `${d[k]} ${label}${d[k] === 1 || label === 'info' ? '' : 's'}`);
    field('Marking problems', parts.length ? parts.join(', ') : 'none');
  }
  out.push('', s.producer === 'server' ? '_From the language server._' : '_Read from the first lines by the extension; TAG meanings come with the language server._', '');
  return out.join('\n');
}

export class SummaryView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  constructor(private source: SummarySource) {
    this.disposables = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(SUMMARY_SCHEME, this),
      vscode.workspace.onDidChangeTextDocument((e) => {
        const key = e.document.uri.toString();
        if (this.open.has(key)) this.changed.fire(summaryUri(e.document.uri));
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === SUMMARY_SCHEME) this.open.delete(d.uri.query);
      }),
    ];
  }

  setSource(source: SummarySource): void {
    this.source = source;
    this.refreshAll();
  }

  /** Regenerates every open summary, e.g. when the server (a better source) starts or stops. */
  refreshAll(): void {
    for (const key of this.open) this.changed.fire(summaryUri(vscode.Uri.parse(key)));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const cableUri = vscode.Uri.parse(uri.query);
    this.open.add(cableUri.toString());
    const doc = await vscode.workspace.openTextDocument(cableUri);
    return renderSummary(await this.source.summarize(doc), cableUri.path.split('/').pop() ?? cableUri.toString());
  }

  /** Opens the summary of `target` (default: the active cable) beside it; returns the summary document. */
  async show(target?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const uri = target ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme === SUMMARY_SCHEME) {
      void vscode.window.showInformationMessage('Open a cable first.');
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(summaryUri(uri));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return doc;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function summaryUri(cable: vscode.Uri): vscode.Uri {
  const name = cable.path.split('/').pop() || 'cable';
  // The .md path gives the view Markdown highlighting; the query carries the cable.
  return vscode.Uri.from({ scheme: SUMMARY_SCHEME, path: `/${name} summary.md`, query: cable.toString() });
}
