/**
 * The built language server (dist/server.js) over stdio, for abuse tests: spawned with optional Node flags (the
 * inspector, to force a garbage collection and read the heap), answering the server's own requests as an editor
 * does, recording notifications, and reading the child's memory from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { EDITOR_CAPABILITIES, ROOT } from '../../protocol/lspClient';
import { NotificationLog, type Notification } from '../../support/notifications';
import { memoryMB } from './processes';

export const SERVER = join(ROOT, 'dist/server.js');

export class AbuseClient {
  private readonly log = new NotificationLog(() => `server stderr: ${this.stderr.join('').slice(-2000)}`);
  /** Every notification received, in order. */
  readonly notes: readonly Notification[] = this.log.all;
  readonly stderr: string[] = [];
  /** What `workspace/configuration` answers for section `cable` (any JSON: wrong types on purpose). */
  settings: unknown = {};
  readonly exited: Promise<number | null>;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.stderr!.on('data', (b: Buffer) => this.stderr.push(b.toString()));
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((it) => (it.section === 'cable' ? this.settings : null)));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/showDocument', () => ({ success: true }));
    conn.onRequest('window/showMessageRequest', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('workspace/applyEdit', () => ({ applied: false }));
    for (const method of ['textDocument/publishDiagnostics', 'window/showMessage', 'window/logMessage', 'telemetry/event', '$/progress']) {
      conn.onNotification(method, (params: unknown) => this.log.add(method, params));
    }
    conn.listen();
  }

  static start(nodeArgs: string[] = []): AbuseClient {
    const proc = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    return new AbuseClient(proc, conn);
  }

  /** What the server announced in `initialize`. */
  capabilities: Record<string, unknown> = {};

  async initialize(rootUri: string | null, capabilities: ClientCapabilities = EDITOR_CAPABILITIES): Promise<void> {
    const r = await this.conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'w' }] : null, capabilities });
    this.capabilities = r.capabilities;
    await this.conn.sendNotification('initialized', {});
  }

  /** The first notification from now on (or already received after `since`) that `pick` accepts. */
  waitFor(pick: (n: Notification) => boolean, timeoutMs: number, what: string, since = this.notes.length): Promise<Notification> {
    return this.log.waitFor(pick, since, timeoutMs, what);
  }

  /** The diagnostics published for this version of `uri` (already received, or still to come). */
  diagnostics(uri: string, version: number, timeoutMs = 60_000, since = 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor(
      (n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === uri && (n.params as PublishDiagnosticsParams).version === version,
      timeoutMs,
      `diagnostics for ${uri} version ${version}`,
      since,
    ).then((n) => n.params as PublishDiagnosticsParams);
  }

  rssMB(): number | null {
    return memoryMB(this.proc.pid!);
  }

  alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async stop(): Promise<void> {
    if (!this.alive()) return;
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 10_000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // Already gone.
    }
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000))]);
    if (code === 'timeout') this.proc.kill('SIGKILL');
    this.conn.dispose();
  }
}

/** The inspector address a child started with `--inspect=127.0.0.1:0` printed on stderr. */
export async function inspectorUrl(client: AbuseClient, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(client.stderr.join(''));
    if (m) return m[0];
    if (Date.now() > deadline) throw new Error(`no inspector address on stderr: ${client.stderr.join('')}`);
    await once(client.proc.stderr!, 'data');
  }
}

/**
 * A full garbage collection in the child, then its heap and resident memory (MB): through its inspector, by a
 * helper process (Node 20 has WebSocket behind a flag; the helper needs no package).
 */
export async function collectAndMeasure(url: string): Promise<{ heapMB: number; rssMB: number }> {
  const helper = spawn(process.execPath, ['--experimental-websocket', '--no-warnings', join(__dirname, 'inspectorGc.mjs'), url], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  helper.stdout!.on('data', (b: Buffer) => out.push(b));
  helper.stderr!.on('data', (b: Buffer) => err.push(b));
  const [code] = (await once(helper, 'close')) as [number];
  if (code !== 0) throw new Error(`inspector helper failed (${code}): ${Buffer.concat(err).toString()}`);
  const m = JSON.parse(Buffer.concat(out).toString()) as { heapUsed: number; rss: number };
  return { heapMB: m.heapUsed / 1048576, rssMB: m.rss / 1048576 };
}
