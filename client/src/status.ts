/**
 * Status bar item: the overall marking of the active cable.
 * Colour: a coloured dot (🟢 unclassified, 🔵 confidential, 🔴 secret, 🟠 top secret) before text in the theme's own
 * status bar foreground. The status bar is #007ACC blue in Dark+ and Light+ and near-white or near-black in the
 * Modern themes, so any single text colour is illegible on one of them; a dot carries its own colour on every
 * background and the text stays readable. Marking problems switch the item to the theme's warning background.
 */
import * as vscode from 'vscode';
import type { Level } from './classification';
import type { SummarySource } from './summarySource';

export const REVEAL_COMMAND = 'cable.revealClassification';

const LEVEL_STYLE: Record<Level, { dot: string; name: string }> = {
  U: { dot: '🟢', name: 'Unclassified' },
  LOU: { dot: '🟢', name: 'Unclassified (Limited Official Use)' },
  C: { dot: '🔵', name: 'Confidential' },
  S: { dot: '🔴', name: 'Secret' },
  TS: { dot: '🟠', name: 'Top Secret' },
};

/** What the item shows, exported for the e2e tests (they read it through the extension's API). */
export interface StatusSnapshot {
  visible: boolean;
  text: string;
  tooltip: string;
  warning: boolean;
  level?: Level;
  documentUri?: string;
  bannerLine?: number;
}

export function countMarkingProblems(diagnostics: readonly vscode.Diagnostic[]): number {
  return diagnostics.filter(
    (d) => d.source === 'cable' && (d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning),
  ).length;
}

/** The active editor's document as currently open: after a language switch, the newest object for its URI. */
function activeDocument(): vscode.TextDocument | undefined {
  const editorDoc = vscode.window.activeTextEditor?.document;
  if (!editorDoc) return undefined;
  const key = editorDoc.uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed) ?? editorDoc;
}

export class ClassificationStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cable.classification', vscode.StatusBarAlignment.Left, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private snapshot: StatusSnapshot = { visible: false, text: '', tooltip: '', warning: false };
  private readonly changed = new vscode.EventEmitter<StatusSnapshot>();
  /** Fires after every refresh, so tests wait on it instead of sleeping. */
  readonly onDidChange = this.changed.event;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(private source: SummarySource) {
    this.item.name = 'Cable Classification';
    this.disposables.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      // A language switch reopens the document under the same URI while its editor stays active.
      vscode.workspace.onDidOpenTextDocument((d) => d.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => e.document.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && this.refreshSoon()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.refresh();
      }),
      vscode.commands.registerCommand(REVEAL_COMMAND, (uri?: vscode.Uri, line?: number) => this.reveal(uri, line)),
    );
    this.refresh();
  }

  /** Swaps where the marking comes from (e.g. once the server answers `cable/summary`). */
  setSource(source: SummarySource): void {
    this.source = source;
    this.refresh();
  }

  current(): StatusSnapshot {
    return { ...this.snapshot };
  }

  private refreshSoon(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => this.refresh(), 150);
  }

  async refresh(): Promise<void> {
    const gen = ++this.generation;
    const doc = activeDocument();
    if (!doc || doc.languageId !== 'cable') return this.show(gen, { visible: false, text: '', tooltip: '', warning: false });
    const summary = await this.source.summarize(doc);
    const problems = countMarkingProblems(vscode.languages.getDiagnostics(doc.uri));
    const marking = summary.classification;
    const warning = problems > 0;
    const problemText = warning ? `\n${problems} marking problem${problems === 1 ? '' : 's'}: see Problems.` : '';
    if (!marking) {
      return this.show(gen, {
        visible: true,
        text: `${warning ? '$(warning) ' : ''}$(question) no classification line`,
        tooltip: `No classification line found near the top of this cable.${problemText}`,
        warning,
        documentUri: doc.uri.toString(),
      });
    }
    const style = LEVEL_STYLE[marking.level];
    return this.show(gen, {
      visible: true,
      text: `${warning ? '$(warning) ' : ''}${style.dot} ${marking.text}`,
      tooltip: `${style.name}: ${marking.text} (line ${marking.line + 1}). Click to show the classification line.${problemText}`,
      warning,
      level: marking.level,
      documentUri: doc.uri.toString(),
      bannerLine: marking.line,
    });
  }

  private show(gen: number, s: StatusSnapshot): void {
    if (gen !== this.generation) return; // a newer refresh started while this one awaited the source
    this.snapshot = s;
    if (!s.visible) {
      this.item.hide();
    } else {
      this.item.text = s.text;
      this.item.tooltip = s.tooltip;
      this.item.backgroundColor = s.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      this.item.accessibilityInformation = { label: `Cable classification ${s.text.replace(/\$\([^)]*\)|[🟢🔵🔴🟠]/gu, '').trim()}` };
      this.item.command =
        s.bannerLine === undefined ? undefined : { title: 'Show classification line', command: REVEAL_COMMAND, arguments: [vscode.Uri.parse(s.documentUri!), s.bannerLine] };
      this.item.show();
    }
    this.changed.fire(this.current());
  }

  private async reveal(uri?: vscode.Uri, line?: number): Promise<void> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    const at = line ?? this.snapshot.bannerLine;
    if (!target || at === undefined) return;
    const editor = await vscode.window.showTextDocument(target, { preserveFocus: false, preview: false });
    const range = editor.document.lineAt(Math.min(at, editor.document.lineCount - 1)).range;
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}
