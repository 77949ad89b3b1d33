/**
 * A minimal LSP client for protocol tests: starts the built server (dist/server.js) as a child process over
 * stdio or Node IPC, answers the server's requests as an editor would (configuration, registrations,
 * showDocument), records its notifications, and lets tests wait for one with a timeout (never a fixed sleep).
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { NotificationLog, type Notification } from '../support/notifications';

export const ROOT = join(__dirname, '../..');
export const SERVER = join(ROOT, 'dist/server.js');

/** Builds dist/ with the project's own build script. */
export function buildServer(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe', timeout: 180_000 });
}

export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: false },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  },
  window: { showDocument: { support: true }, workDoneProgress: false },
  textDocument: {
    synchronization: { didSave: false },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { rangeLimit: 5000, lineFoldingOnly: true, foldingRange: { collapsedText: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { disabledSupport: true, dataSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    selectionRange: {},
    documentHighlight: {},
    semanticTokens: {
      requests: { full: true, range: true },
      tokenTypes: ['cableHeading', 'cableSignature'],
      tokenModifiers: [],
      formats: ['relative'],
    },
  },
};

export class TestClient {
  private readonly log = new NotificationLog(() => `server stderr: ${this.stderr.join('').slice(-2000)}`);
  /** Every notification received, in order. */
  readonly received: readonly Notification[] = this.log.all;
  /** What `workspace/configuration` answers for section `cable`. */
  settings: Record<string, unknown> = {};
  readonly configurationRequests: unknown[] = [];
  readonly registrations: unknown[] = [];
  readonly shownDocuments: unknown[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<number | null>;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.stderr?.on('data', (b: Buffer) => this.stderr.push(b.toString()));
    conn.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.configurationRequests.push(params);
      return params.items.map((it) => (it.section === 'cable' ? this.settings : null));
    });
    conn.onRequest('client/registerCapability', (params) => {
      this.registrations.push(params);
      this.log.add('client/registerCapability', params);
      return null;
    });
    conn.onRequest('window/showDocument', (params) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    conn.onRequest('window/showMessageRequest', (params) => {
      this.log.add('window/showMessageRequest', params);
      return null;
    });
    conn.onRequest('window/workDoneProgress/create', () => null);
    for (const method of ['textDocument/publishDiagnostics', 'window/showMessage', 'window/logMessage', 'telemetry/event']) {
      conn.onNotification(method, (params: unknown) => this.log.add(method, params));
    }
    conn.listen();
  }

  static stdio(args: string[] = ['--stdio']): TestClient {
    const proc = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    return new TestClient(proc, conn);
  }

  static ipc(): TestClient {
    const proc = fork(SERVER, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    const conn = createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    return new TestClient(proc, conn);
  }

  /** Sequence number of the last notification received: wait for ones after it. */
  mark(): number {
    return this.log.count;
  }

  /** The first notification after `after` that `pick` accepts (already received or still to come). */
  waitFor(pick: (r: Notification) => boolean, after: number, timeoutMs = 15_000, what = 'notification'): Promise<Notification> {
    return this.log.waitFor(pick, after, timeoutMs, what);
  }

  async diagnostics(uri: string, after: number, pick: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const r = await this.waitFor(
      (x) => x.method === 'textDocument/publishDiagnostics' && (x.params as PublishDiagnosticsParams).uri === uri && pick(x.params as PublishDiagnosticsParams),
      after,
      15_000,
      `diagnostics for ${uri}`,
    );
    return r.params as PublishDiagnosticsParams;
  }

  async stop(): Promise<number | null> {
    if (this.proc.exitCode !== null) return this.proc.exitCode;
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000))]);
    if (code === 'timeout') {
      this.proc.kill();
      throw new Error('The server did not exit within 10 s of shutdown/exit.');
    }
    this.conn.dispose();
    return code;
  }
}
