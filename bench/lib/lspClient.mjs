/**
 * A minimal LSP client for the editor benchmark: starts the built server (dist/server.js --stdio) as a child
 * process, answers its requests as an editor would, and lets the benchmark wait for a document's diagnostics.
 * The child runs with a small preload (memProbe.cjs) that reports the server's memory on stderr when asked.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const HERE = dirname(fileURLToPath(import.meta.url));
export const SERVER = join(HERE, '../../dist/server.js');
const PROBE = join(HERE, 'memProbe.cjs');

const CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true },
  textDocument: {
    synchronization: { didSave: false },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
  },
};

export class BenchClient {
  constructor(proc, conn) {
    this.proc = proc;
    this.conn = conn;
    this.waiters = [];
    this.latest = new Map();
    this.stderr = '';
    this.memWaiters = [];
    proc.stderr.on('data', (b) => {
      this.stderr += b.toString();
      let k;
      while ((k = this.stderr.indexOf('\n')) >= 0) {
        const line = this.stderr.slice(0, k);
        this.stderr = this.stderr.slice(k + 1);
        if (line.startsWith('BENCH-MEM ')) this.memWaiters.shift()?.(JSON.parse(line.slice(10)));
      }
    });
    conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('window/showMessageRequest', () => null);
    conn.onNotification('window/logMessage', () => undefined);
    conn.onNotification('window/showMessage', () => undefined);
    conn.onNotification('textDocument/publishDiagnostics', (p) => {
      this.latest.set(p.uri, p);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pick(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    conn.listen();
  }

  static async start() {
    const dir = process.env.BENCH_SERVER_PROFILE_DIR;
    const prof = dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-name=server.cpuprofile'] : [];
    const proc = spawn(process.execPath, ['--expose-gc', ...(process.env.BENCH_SERVER_FLAGS ? process.env.BENCH_SERVER_FLAGS.split(' ') : []), ...prof, '-r', PROBE, SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // The environment the VS Code client starts the server with (client/src/serverClient.ts).
      env: { ...process.env, MALLOC_TRIM_THRESHOLD_: process.env.MALLOC_TRIM_THRESHOLD_ ?? '131072' },
    });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new BenchClient(proc, conn);
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: CAPABILITIES });
    await conn.sendNotification('initialized', {});
    return client;
  }

  /** The next diagnostics for `uri` that `pick` accepts. */
  diagnostics(uri, pick, timeoutMs = 120_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        pick: (p) => p.uri === uri && pick(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  open(uri, text, version = 1) {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version, text } });
  }

  change(uri, version, range, text) {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  close(uri) {
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  symbols(uri) {
    return this.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }

  hover(uri, position) {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  semanticTokens(uri) {
    return this.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
  }

  /** Server memory after a full collection: heap from the process itself, RSS as the kernel counts it. */
  memory() {
    const reply = new Promise((resolve) => this.memWaiters.push(resolve));
    this.proc.kill('SIGUSR2');
    return reply.then((m) => ({ ...m, ...procStatus(this.proc.pid) }));
  }

  async stop() {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    await new Promise((resolve) => (this.proc.exitCode !== null ? resolve() : this.proc.on('exit', resolve)));
    this.conn.dispose();
  }
}

/** VmRSS and VmHWM (peak RSS) of a process from /proc, in bytes; empty where /proc is not available. */
export function procStatus(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN) * 1024;
    return { vmRss: kb('VmRSS'), vmHwm: kb('VmHWM') };
  } catch {
    return {};
  }
}
