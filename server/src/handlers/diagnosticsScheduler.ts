/**
 * Push diagnostics, debounced per document: an edit (re)starts a timer, and when it fires the document's
 * configuration is read (cached) and the rules run on the current version. A newer edit cancels a run in flight;
 * results for a version that is no longer current are dropped. Closing a document cancels its pending work and
 * publishes an empty list.
 *
 * The wait follows what the document's last run cost: a run that took less than QUICK_RUN_MS (a single cable, or
 * one re-parsed cable of a long file) starts at once, as waiting would cost the user more than the work; an
 * expensive one (a whole 10 MB file parsed again) waits DIAGNOSTICS_DELAY_MS so that a burst of typing runs it once.
 *
 * Push rather than pull: every LSP editor (Neovim, Helix, Emacs, VS Code) shows pushed diagnostics without extra
 * client support, and the server already knows when a document or its configuration changed.
 */
import { CancellationTokenSource, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CableLanguageService } from '../service/index';
import type { LintConfig } from './lintConfig';

export const DIAGNOSTICS_DELAY_MS = 200;
export const QUICK_RUN_MS = 50;

export class DiagnosticsScheduler {
  /** Cancels the pending run of a document. */
  private readonly timers = new Map<string, () => void>();
  private readonly running = new Map<string, CancellationTokenSource>();
  /** Milliseconds the last run took, per document. */
  private readonly cost = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: CableLanguageService,
    private readonly config: LintConfig,
    private readonly delay = DIAGNOSTICS_DELAY_MS,
  ) {}

  schedule(uri: string, delay = this.delayFor(uri)): void {
    this.timers.get(uri)?.();
    this.running.get(uri)?.cancel();
    const fire = () => {
      this.timers.delete(uri);
      void this.run(uri);
    };
    // No wait: still after the messages already read (a burst of changes runs once), without a timer's 1 ms floor.
    if (delay <= 0) {
      const immediate = setImmediate(fire);
      this.timers.set(uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(fire, delay);
      this.timers.set(uri, () => clearTimeout(timer));
    }
  }

  /** The debounce for an edit of `uri`: none after a quick run, the full delay after a slow or unknown one. */
  delayFor(uri: string): number {
    return (this.cost.get(uri) ?? Infinity) < QUICK_RUN_MS ? 0 : this.delay;
  }

  /** Re-lint every open document (settings or a config file changed). */
  scheduleAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
  }

  /** The document closed: cancel its work and clear what it showed. */
  clear(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
    this.running.get(uri)?.cancel();
    this.running.delete(uri);
    this.cost.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const cancel of this.timers.values()) cancel();
    for (const s of this.running.values()) s.cancel();
    this.timers.clear();
    this.running.clear();
  }

  private async run(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const source = new CancellationTokenSource();
    // Read the token at once: cancel() twice on a source whose token was never read throws in vscode-jsonrpc, and
    // edits arriving while the levels are awaited cancel it once each (the throw stopped their scheduling).
    const token = source.token;
    this.running.set(uri, source);
    try {
      const levels = await this.config.levelsFor(uri);
      if (token.isCancellationRequested) return;
      const current = this.documents.get(uri);
      if (!current || current.version !== doc.version) return;
      const started = performance.now();
      const diagnostics = this.service.computeDiagnostics(current, { levels }, token);
      this.cost.set(uri, performance.now() - started);
      if (token.isCancellationRequested) return;
      await this.connection.sendDiagnostics({ uri, version: current.version, diagnostics });
    } catch (err) {
      this.connection.console.error(`Diagnostics for ${uri} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    } finally {
      if (this.running.get(uri) === source) this.running.delete(uri);
      source.dispose();
    }
  }
}
