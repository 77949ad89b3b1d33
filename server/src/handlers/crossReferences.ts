/**
 * Cross-cable features over LSP: the workspace index built in the background (with cancellable
 * `window/workDoneProgress`), kept current from the client's file watcher and from open documents, and the
 * requests that read it (document links, definition, references, code lens, workspace symbols), plus optional
 * diagnostics for every cable on disk (`cable.validate.workspace`). The features themselves are pure
 * (workspace/features.ts); this file only moves data between the connection, the disk and the index.
 */
import { promises as fs } from 'node:fs';
import {
  CancellationTokenSource,
  CodeLensRefreshRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CancellationToken,
  type ClientCapabilities,
  type CodeLens,
  type Connection,
  type DidChangeWatchedFilesParams,
  type DocumentLink,
  type Hover,
  type InitializeParams,
  type Location,
  type LocationLink,
  type Position,
  type ServerCapabilities,
  type SymbolInformation,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cableEnd, cableStart } from '../parser/incremental';
import type { ParsedDocument } from '../parser/model';
import type { CableLanguageService } from '../service/index';
import { offsetOf, rangeOf } from '../service/positions';
import {
  buildIndex,
  getCodeLenses,
  getDefinition,
  getDocumentLinks,
  getReferences,
  getWorkspaceSymbols,
  referenceHover,
  referenceSites,
  WorkspaceIndex,
  type IndexSource,
  type ReferenceSite,
} from '../workspace/index';
import type { LintConfig } from './lintConfig';
import { fileUriToPath } from './uris';
import { isCableFileName, nodeIndexSource } from './workspaceFiles';

export const CABLE_FILES_GLOB = '**/*.{txt,cable}';
/** Open documents are re-indexed this long after the last edit. */
const OPEN_DOCUMENT_DELAY_MS = 300;
/** Code lenses are refreshed at most this often while the index changes. */
const LENS_REFRESH_DELAY_MS = 500;
const SITE_CACHE_SIZE = 16;

export interface CrossReferenceHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The server's language service: open documents are parsed once, by it. */
  service: CableLanguageService;
  /** Levels for workspace diagnostics (settings + `.cablelintrc.json`), as for open documents. */
  config: LintConfig;
  /** A second service for files on disk, so linting them never evicts open documents from the main cache. */
  diskService: CableLanguageService;
  source?: IndexSource;
}

interface ClientSupport {
  watchFiles: boolean;
  progress: boolean;
  lensRefresh: boolean;
  linkSupport: boolean;
  configuration: boolean;
  workspaceFolders: boolean;
}

async function guarded<T>(connection: Connection, name: string, fallback: T, body: () => T | Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    connection.console.error(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return fallback;
  }
}

function readSupport(c: ClientCapabilities): ClientSupport {
  return {
    watchFiles: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    progress: !!c.window?.workDoneProgress,
    lensRefresh: !!c.workspace?.codeLens?.refreshSupport,
    linkSupport: !!c.textDocument?.definition?.linkSupport,
    configuration: !!c.workspace?.configuration,
    workspaceFolders: !!c.workspace?.workspaceFolders,
  };
}

/** `cable.validate.workspace` from a `cable` settings object (nested as VS Code sends it, or dotted). */
function validateWorkspaceSetting(section: unknown): boolean {
  if (!section || typeof section !== 'object') return false;
  const s = section as Record<string, unknown>;
  const nested = s.validate && typeof s.validate === 'object' ? (s.validate as Record<string, unknown>).workspace : undefined;
  return (nested ?? s['validate.workspace']) === true;
}

export class CrossReferences {
  readonly index = new WorkspaceIndex();
  private support: ClientSupport = readSupport({});
  private roots: string[] = [];
  private readonly source: IndexSource;
  private build: CancellationTokenSource | null = null;
  private building: Promise<void> = Promise.resolve();
  private readonly openTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly sites = new Map<string, { version: number; sites: ReferenceSite[] }>();
  private lensTimer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private validateWorkspace = false;
  private pushedValidate = false;
  private validation: CancellationTokenSource | null = null;
  /** Files (not open) whose disk diagnostics we published. */
  private readonly validated = new Set<string>();

  constructor(private readonly host: CrossReferenceHost) {
    this.source = host.source ?? nodeIndexSource();
  }

  // ------------------------------------------------------------------ lifecycle (called by startServer)

  /** From `initialize`: what the client can do, the workspace folders; returns the capabilities to add. */
  initialize(params: InitializeParams): ServerCapabilities {
    this.support = readSupport(params.capabilities ?? {});
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    this.roots = folders.map((f) => f.uri).filter((u) => u.startsWith('file:'));
    return {
      documentLinkProvider: { resolveProvider: false },
      definitionProvider: true,
      referencesProvider: true,
      codeLensProvider: { resolveProvider: false },
      workspaceSymbolProvider: true,
    };
  }

  /** After `initialized`: watch cable files and workspace folders, read the setting, build the index. */
  async initialized(): Promise<void> {
    if (this.support.workspaceFolders) {
      this.host.connection.workspace.onDidChangeWorkspaceFolders((e) =>
        this.foldersChanged(
          e.added.map((f) => f.uri),
          e.removed.map((f) => f.uri),
        ),
      );
    }
    if (this.support.watchFiles) {
      await this.host.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CABLE_FILES_GLOB }] })
        .catch(() => undefined);
    }
    await this.readSetting();
    this.rebuild();
  }

  foldersChanged(added: readonly string[], removed: readonly string[]): void {
    for (const r of removed) {
      this.roots = this.roots.filter((x) => x !== r);
      this.index.removeUnder(r);
    }
    for (const a of added) if (a.startsWith('file:') && !this.roots.includes(a)) this.roots.push(a);
    this.rebuild();
  }

  /** `workspace/didChangeConfiguration`: `settings` is what a push-only client sent. */
  async configurationChanged(settings: unknown): Promise<void> {
    const section = settings && typeof settings === 'object' ? (settings as Record<string, unknown>).cable : undefined;
    this.pushedValidate = validateWorkspaceSetting(section);
    const before = this.validateWorkspace;
    await this.readSetting();
    if (this.validateWorkspace !== before || this.validateWorkspace) this.revalidateAll();
  }

  dispose(): void {
    this.build?.cancel();
    this.validation?.cancel();
    for (const t of this.openTimers.values()) clearTimeout(t);
    if (this.lensTimer) clearTimeout(this.lensTimer);
  }

  /** Resolves when the current background build (if any) has finished. */
  whenBuilt(): Promise<void> {
    return this.building;
  }

  private async readSetting(): Promise<void> {
    let value = this.pushedValidate;
    if (this.support.configuration) {
      try {
        const [section] = await this.host.connection.workspace.getConfiguration([{ section: 'cable' }]);
        value = validateWorkspaceSetting(section);
      } catch {
        // Keep the pushed value.
      }
    }
    this.validateWorkspace = value;
  }

  // ------------------------------------------------------------------ the index

  /** (Re)build the index of the workspace folders in the background; a running build is cancelled first. */
  rebuild(): void {
    this.build?.cancel();
    const cts = new CancellationTokenSource();
    // Reading the token now makes cancel() safe to call twice (a second cancel before the token exists throws).
    void cts.token;
    this.build = cts;
    this.building = this.runBuild(cts).finally(() => {
      if (this.build === cts) this.build = null;
      cts.dispose();
    });
  }

  private async runBuild(cts: CancellationTokenSource): Promise<void> {
    if (this.roots.length === 0) return;
    const { connection } = this.host;
    let progress: Awaited<ReturnType<Connection['window']['createWorkDoneProgress']>> | null = null;
    if (this.support.progress) {
      progress = await connection.window.createWorkDoneProgress().catch(() => null);
      progress?.begin('Indexing cables', 0, 'listing files', true);
    }
    const token = {
      get isCancellationRequested() {
        return cts.token.isCancellationRequested || !!progress?.token.isCancellationRequested;
      },
    };
    try {
      for (const doc of this.host.documents.all()) this.indexOpen(doc);
      const result = await buildIndex(this.index, this.source, this.roots, {
        token,
        skip: (uri) => this.host.documents.get(uri) !== undefined,
        progressEvery: 100,
        onProgress: (done, total) => progress?.report(total > 0 ? Math.floor((done / total) * 100) : 100, `${done}/${total} files`),
      });
      connection.console.log(
        `Cable index: ${this.index.cableCount} cables in ${this.index.fileCount} files (${result.indexed} read, ${result.unchanged} unchanged, ` +
          `${result.failed} unreadable) in ${result.ms} ms${result.cancelled ? ', cancelled' : ''}.`,
      );
      this.refreshLenses();
      if (!result.cancelled && this.validateWorkspace) this.revalidateAll();
    } catch (err) {
      connection.console.error(`Indexing the workspace failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    } finally {
      progress?.done();
    }
  }

  private inRoots(uri: string): boolean {
    return this.roots.some((r) => uri.startsWith(r.endsWith('/') ? r : `${r}/`));
  }

  /** Index an open document's current text (its parse is the service's, shared with every other feature). */
  private indexOpen(doc: TextDocument): ParsedDocument {
    const parsed = this.host.service.parse(doc);
    this.index.setParsed(doc.uri, parsed, `open:${doc.version}`);
    return parsed;
  }

  documentOpened(doc: TextDocument): void {
    this.indexOpen(doc);
    this.refreshLenses();
  }

  documentChanged(doc: TextDocument): void {
    const pending = this.openTimers.get(doc.uri);
    if (pending) clearTimeout(pending);
    this.openTimers.set(
      doc.uri,
      setTimeout(() => {
        this.openTimers.delete(doc.uri);
        const current = this.host.documents.get(doc.uri);
        if (!current) return;
        this.indexOpen(current);
        this.refreshLenses();
      }, OPEN_DOCUMENT_DELAY_MS),
    );
  }

  /** A closed document goes back to what is on disk (or out of the index if it is not a workspace file). */
  documentClosed(uri: string): void {
    const pending = this.openTimers.get(uri);
    if (pending) clearTimeout(pending);
    this.openTimers.delete(uri);
    this.sites.delete(uri);
    this.enqueue(async () => {
      if (this.inRoots(uri) && (await this.reindexFromDisk(uri))) {
        if (this.validateWorkspace) await this.validateFile(uri);
      } else this.index.remove(uri);
      this.refreshLenses();
    });
  }

  /** Re-read one file; false when it is gone or unreadable (then it leaves the index). */
  private async reindexFromDisk(uri: string): Promise<boolean> {
    const stamp = await this.source.stamp(uri);
    if (stamp === null) {
      this.index.remove(uri);
      return false;
    }
    if (this.index.stampOf(uri) === stamp) return true;
    const text = await this.source.read(uri);
    if (text === null) {
      this.index.remove(uri);
      return false;
    }
    this.index.setText(uri, text, stamp);
    return true;
  }

  /** Updates run one after another, so a delete never races the read of the same file. */
  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((err) => this.host.connection.console.error(`Cable index update failed: ${String(err)}`));
  }

  /** `workspace/didChangeWatchedFiles`: cable files and folders created, changed or deleted on disk. */
  watchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    const changes = params.changes.filter((c) => c.uri.startsWith('file:') && !this.host.documents.get(c.uri));
    if (changes.length === 0) return;
    this.enqueue(async () => {
      for (const change of changes) {
        const name = change.uri.slice(change.uri.lastIndexOf('/') + 1);
        if (change.type === FileChangeType.Deleted) {
          // A deleted folder is reported as one event for the folder.
          const removed = [change.uri, ...this.index.uris().filter((u) => u.startsWith(`${change.uri}/`))];
          for (const uri of removed) if (this.index.remove(uri)) this.clearValidation(uri);
          continue;
        }
        if (isCableFileName(name)) {
          if ((await this.reindexFromDisk(change.uri)) && this.validateWorkspace) await this.validateFile(change.uri);
          else if (!this.index.has(change.uri)) this.clearValidation(change.uri);
          continue;
        }
        // A folder created or moved in: index what it holds.
        const path = fileUriToPath(change.uri);
        const isDir = path ? await fs.stat(path).then((s) => s.isDirectory(), () => false) : false;
        if (isDir) {
          for (const uri of await this.source.list([change.uri])) {
            if (!this.host.documents.get(uri) && (await this.reindexFromDisk(uri)) && this.validateWorkspace) await this.validateFile(uri);
          }
        }
      }
      this.refreshLenses();
    });
  }

  private refreshLenses(): void {
    if (!this.support.lensRefresh || this.lensTimer) return;
    this.lensTimer = setTimeout(() => {
      this.lensTimer = null;
      void this.host.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }, LENS_REFRESH_DELAY_MS);
  }

  // ------------------------------------------------------------------ workspace diagnostics

  private revalidateAll(): void {
    this.validation?.cancel();
    const cts = new CancellationTokenSource();
    void cts.token;
    this.validation = cts;
    if (!this.validateWorkspace) {
      for (const uri of this.validated) void this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.validated.clear();
      return;
    }
    void (async () => {
      let sliceStart = Date.now();
      for (const uri of this.index.uris()) {
        if (cts.token.isCancellationRequested) return;
        if (!uri.startsWith('file:') || this.host.documents.get(uri)) continue;
        await this.validateFile(uri, cts.token);
        if (Date.now() - sliceStart > 20) {
          await new Promise((r) => setTimeout(r, 0));
          sliceStart = Date.now();
        }
      }
    })().catch((err) => this.host.connection.console.error(`Workspace diagnostics failed: ${String(err)}`));
  }

  /** Lint one file from disk and publish the result (not for open documents: those have their own). */
  private async validateFile(uri: string, token?: CancellationToken): Promise<void> {
    if (this.host.documents.get(uri)) return;
    const text = await this.source.read(uri);
    if (text === null || token?.isCancellationRequested) return;
    const levels = await this.host.config.levelsFor(uri);
    this.host.config.evict(uri);
    if (token?.isCancellationRequested || this.host.documents.get(uri) || !this.validateWorkspace) return;
    const document = { uri, version: 0, getText: () => text };
    const diagnostics = this.host.diskService.computeDiagnostics(document, { levels });
    this.host.diskService.forget(uri);
    this.validated.add(uri);
    await this.host.connection.sendDiagnostics({ uri, diagnostics });
  }

  private clearValidation(uri: string): void {
    if (this.validated.delete(uri)) void this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  // ------------------------------------------------------------------ requests

  private sitesOf(doc: TextDocument, parsed: ParsedDocument): ReferenceSite[] {
    const hit = this.sites.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.sites;
    const sites = referenceSites(parsed);
    this.sites.delete(doc.uri);
    this.sites.set(doc.uri, { version: doc.version, sites });
    while (this.sites.size > SITE_CACHE_SIZE) this.sites.delete(this.sites.keys().next().value as string);
    return sites;
  }

  /** The open document and its parse, or null. */
  private open(uri: string): { doc: TextDocument; parsed: ParsedDocument; sites: ReferenceSite[] } | null {
    const doc = this.host.documents.get(uri);
    if (!doc) return null;
    const parsed = this.host.service.parse(doc);
    return { doc, parsed, sites: this.sitesOf(doc, parsed) };
  }

  /**
   * The hover for a REF identifier or a `REFTEL A` mention: decoded identifier and whether the workspace holds
   * the cable. For the hover feature to show with (or instead of) its own text; null elsewhere.
   */
  hover(uri: string, position: Position): Hover | null {
    const doc = this.host.documents.get(uri);
    if (!doc) return null;
    const parsed = this.host.service.parse(doc);
    const offset = offsetOf(parsed, position);
    if (offset === null) return null;
    // Only the cable under the cursor: a hover right after an edit in a large dump must not read every cable.
    const cables = parsed.cables;
    let lo = 0;
    let hi = cables.length - 1;
    // (cableStart/cableEnd: the search does not copy the cables it passes over after an edit.)
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (cableStart(cables, mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const cable = lo < cables.length && cableStart(cables, lo) <= offset && offset <= cableEnd(cables, lo) ? cables[lo] : null;
    if (!cable) return null;
    const h = referenceHover(parsed, offset, this.index, referenceSites({ ...parsed, cables: [cable] }));
    return h ? { contents: { kind: 'markdown', value: h.markdown }, range: rangeOf(parsed, h) } : null;
  }

  /** Registers the requests and follows open documents. */
  register(): void {
    const { connection, documents } = this.host;
    documents.onDidOpen((e) => this.documentOpened(e.document));
    documents.onDidChangeContent((e) => this.documentChanged(e.document));
    documents.onDidClose((e) => this.documentClosed(e.document.uri));
    connection.onDocumentLinks((params) =>
      guarded<DocumentLink[]>(connection, 'documentLink', [], () => {
        const o = this.open(params.textDocument.uri);
        return o ? getDocumentLinks(o.parsed, o.doc.uri, this.index, o.sites) : [];
      }),
    );
    connection.onDefinition((params) =>
      guarded<Location[] | LocationLink[] | null>(connection, 'definition', null, () => {
        const o = this.open(params.textDocument.uri);
        return o ? getDefinition(o.parsed, params.position, this.index, this.support.linkSupport, o.sites) : null;
      }),
    );
    connection.onReferences((params) =>
      guarded<Location[] | null>(connection, 'references', null, () => {
        const o = this.open(params.textDocument.uri);
        return o ? getReferences(o.parsed, o.doc.uri, params.position, this.index, !!params.context?.includeDeclaration, o.sites) : null;
      }),
    );
    connection.onCodeLens((params) =>
      guarded<CodeLens[]>(connection, 'codeLens', [], () => {
        const o = this.open(params.textDocument.uri);
        return o ? getCodeLenses(o.parsed, o.doc.uri, this.index) : [];
      }),
    );
    connection.onWorkspaceSymbol((params, token) =>
      guarded<SymbolInformation[]>(connection, 'workspaceSymbol', [], () =>
        token.isCancellationRequested ? [] : getWorkspaceSymbols(this.index, typeof params.query === 'string' ? params.query : ''),
      ),
    );
  }
}
