#!/usr/bin/env node
// Runs tests/e2e/suite/*.e2e.js inside a real VS Code: code-server 4.100.3 (VS Code 1.100.3 server + web workbench)
// driven by Debian's Chromium through playwright-core. The workbench loads this extension in development mode from
// the URL payload and calls tests/e2e/index.js's run(); the result comes back through window.codeAutomationExit and a
// JSON file. Builds nothing: expects dist/ (npm run build) or a .vsix (--vsix).
//
//   node scripts/e2e/run.mjs                       # against the working tree (dist/)
//   node scripts/e2e/run.mjs --vsix [file.vsix]    # against the packaged extension, installed into a fresh folder
//   options: --screenshots DIR (also copy screenshots there, e.g. docs/images), --grep REGEX, --timeout SECONDS, --keep
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, watch, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, codeServerEntry } from './paths.mjs';
import { changedPaths, hashTree, prepareWorkspace, QUIET_SETTINGS } from './workspace.mjs';

if (process.env.CABLE_SKIP_E2E === '1') {
  const bar = '!'.repeat(100);
  console.log(`${bar}\n!!! CABLE_SKIP_E2E=1: the real-VS-Code tests were NOT run. Unset it to run them.\n${bar}`);
  process.exit(0);
}

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (msg) => console.log(`[e2e ${elapsed()}] ${msg}`);

// ---- arguments ---------------------------------------------------------------------------------------------------
const opts = { vsix: undefined, screenshots: undefined, grep: undefined, timeout: 300, keep: false, extensionPath: undefined };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--vsix') opts.vsix = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true;
    else if (a === '--screenshots') opts.screenshots = resolve(value());
    else if (a === '--grep') opts.grep = value();
    else if (a === '--timeout') opts.timeout = Number(value());
    else if (a === '--keep') opts.keep = true;
    // Development of the harness itself: load the extension from another folder.
    else if (a === '--extension-path') opts.extensionPath = resolve(value());
    else usage(`unknown argument ${a}`);
  }
  if (!(opts.timeout > 0)) usage('--timeout must be a positive number of seconds');
}
function usage(msg) {
  console.error(`run.mjs: ${msg}\nusage: node scripts/e2e/run.mjs [--vsix [file]] [--screenshots DIR] [--grep REGEX] [--timeout S] [--keep]`);
  process.exit(2);
}

function fail(msg) {
  console.error(`[e2e] ERROR: ${msg}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// ---- preconditions -----------------------------------------------------------------------------------------------
const entry = codeServerEntry();
if (!existsSync(entry)) fail(`code-server is not provisioned (${entry} missing). Run: node scripts/e2e/provision.mjs`);
if (!existsSync(CHROMIUM)) fail(`Chromium not found at ${CHROMIUM}. Run: node scripts/e2e/provision.mjs (as root it installs it), or set CABLE_CHROMIUM.`);
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
if (opts.vsix === true) opts.vsix = join(repo, `${pkg.name}-${pkg.version}.vsix`);
if (opts.vsix) {
  opts.vsix = resolve(opts.vsix);
  if (!existsSync(opts.vsix)) fail(`${opts.vsix} not found. Run: npm run package`);
} else {
  const ext = opts.extensionPath ?? repo;
  if (!existsSync(join(ext, 'dist', 'extension.js'))) fail(`${ext}/dist/extension.js missing. Run: npm run build`);
}

// ---- throwaway state ---------------------------------------------------------------------------------------------
const tmp = mkdtempSync(join(tmpdir(), 'cable-e2e-'));
const dirs = {
  userData: join(tmp, 'user-data'),
  extensions: join(tmp, 'extensions'),
  xdgConfig: join(tmp, 'xdg-config'),
  xdgData: join(tmp, 'xdg-data'),
  xdgCache: join(tmp, 'xdg-cache'),
  workspace: join(tmp, 'workspace'),
  requests: join(tmp, 'screenshot-requests'),
};
for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
const shotsDir = join(repo, 'out', 'e2e', opts.vsix ? 'screenshots-vsix' : 'screenshots');
rmSync(shotsDir, { recursive: true, force: true });
mkdirSync(shotsDir, { recursive: true });
const resultFile = join(tmp, 'result.json');
const manifestFile = join(tmp, 'workspace-manifest.json');
const logFile = join(repo, 'out', 'e2e', 'code-server.log');
const workbenchLog = join(repo, 'out', 'e2e', 'workbench.log');

// The workspace is a copy: the tests may open and edit (never save) its files, and it must stay byte-identical.
const manifest = prepareWorkspace(repo, dirs.workspace, manifestFile);
mkdirSync(join(dirs.userData, 'User'), { recursive: true });
writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));

const baseEnv = {
  ...process.env,
  XDG_CONFIG_HOME: dirs.xdgConfig,
  XDG_DATA_HOME: dirs.xdgData,
  XDG_CACHE_HOME: dirs.xdgCache,
  // Read by tests/e2e/index.js inside the extension host (it inherits code-server's environment).
  CABLE_E2E_RESULT: resultFile,
  CABLE_E2E_MANIFEST: manifestFile,
  CABLE_E2E_SCREENSHOTS: dirs.requests,
  CABLE_E2E_MODE: opts.vsix ? 'vsix' : 'dev',
  ...(opts.grep ? { CABLE_E2E_GREP: opts.grep } : {}),
};
delete baseEnv.VSCODE_IPC_HOOK_CLI; // a terminal inside another VS Code would redirect the CLI there

// ---- cleanup on every exit path ----------------------------------------------------------------------------------
let server; // code-server child, leader of its own process group
let browser;
let page;
let cleaning = false;
async function stopProcesses() {
  if (cleaning) return;
  cleaning = true;
  try {
    await browser?.close();
  } catch {
    /* already gone */
  }
  if (server && server.exitCode === null && server.signalCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* group already gone */
    }
    const exited = await Promise.race([new Promise((r) => server.once('exit', () => r(true))), new Promise((r) => setTimeout(() => r(false), 5000))]);
    if (!exited) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
  // Extension hosts and language servers are in the same group; make sure none outlives the run.
  if (server) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* group empty: expected */
    }
  }
}
function removeTemp() {
  if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
  else log(`kept ${tmp}`);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    log(`received ${sig}, stopping`);
    await stopProcesses();
    removeTemp();
    process.exit(130);
  });
}
const overall = setTimeout(async () => {
  console.error(`[e2e] ERROR: overall timeout of ${opts.timeout} s reached`);
  await finish(undefined, `timeout after ${opts.timeout} s`);
}, opts.timeout * 1000);

// ---- helpers -----------------------------------------------------------------------------------------------------
function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function waitForHealth(base, deadlineMs) {
  const until = Date.now() + deadlineMs;
  let last = '';
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode} (see ${logFile})`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) return;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = e.cause?.code ?? e.message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not become healthy within ${deadlineMs / 1000} s (${last})`);
}

function codeServerArgs(extra) {
  return [
    entry,
    '--auth', 'none',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...extra,
  ];
}

// ---- run ---------------------------------------------------------------------------------------------------------
let finished = false;
async function finish(exitCode, problem) {
  if (finished) return;
  finished = true;
  clearTimeout(overall);
  if (page && (exitCode !== 0 || problem)) {
    // What the window showed when things went wrong.
    await page.screenshot({ path: join(shotsDir, 'failure.png'), timeout: 5000 }).catch(() => undefined);
  }
  await stopProcesses();

  let result;
  try {
    result = JSON.parse(readFileSync(resultFile, 'utf8'));
  } catch {
    /* no result file: counted as a failure below */
  }
  // The harness's own check after VS Code has shut down: nothing in the workspace copy was written.
  const after = existsSync(dirs.workspace) ? hashTree(dirs.workspace) : undefined;
  const tests = result?.tests ?? [];
  if (after) {
    const changed = changedPaths(manifest, after);
    tests.push({
      name: 'harness: workspace folder is byte-identical after VS Code shut down',
      file: 'scripts/e2e/run.mjs',
      status: changed.length ? 'failed' : 'passed',
      error: changed.length ? `changed, added or removed: ${changed.join(', ')}` : undefined,
    });
  }
  console.log('');
  console.log(`Results (${opts.vsix ? `packaged ${relative(repo, opts.vsix)}` : 'working tree'}):`);
  for (const t of tests) {
    const tag = t.needs ? ` [needs ${t.needs}]` : '';
    console.log(`  ${t.status === 'passed' ? 'PASS' : 'FAIL'}  ${t.name}${tag}${t.ms !== undefined ? ` (${t.ms} ms)` : ''}`);
    if (t.status !== 'passed' && t.error) console.log(`        ${String(t.error).split('\n').join('\n        ')}`);
  }
  let passed = tests.filter((t) => t.status === 'passed').length;
  let failed = tests.length - passed;
  if (!result) {
    failed++;
    console.log(`  FAIL  the test run itself: ${problem ?? 'no result file was written'} (logs: ${logFile}, ${workbenchLog})`);
  } else if (problem) {
    failed++;
    console.log(`  FAIL  the test run itself: ${problem}`);
  }
  const shots = existsSync(shotsDir) ? readdirSync(shotsDir).filter((f) => f.endsWith('.png')) : [];
  if (shots.length) {
    console.log(`Screenshots: ${relative(repo, shotsDir)}/ (${shots.join(', ')})`);
    if (opts.screenshots) {
      mkdirSync(opts.screenshots, { recursive: true });
      for (const f of shots) cpSync(join(shotsDir, f), join(opts.screenshots, f));
      console.log(`Copied to ${relative(repo, opts.screenshots) || opts.screenshots}/`);
    }
  }
  removeTemp();
  console.log(`VS Code exit code: ${exitCode ?? 'none'}; total ${elapsed()}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && exitCode === 0 ? 0 : 1);
}

async function main() {
  mkdirSync(dirname(logFile), { recursive: true });
  const csLog = createWriteStream(logFile);
  const wbLog = createWriteStream(workbenchLog);

  let extensionDevelopmentPath = opts.extensionPath ?? repo;
  if (opts.vsix) {
    log(`installing ${relative(repo, opts.vsix)} into a fresh extensions folder`);
    const r = spawnSync(process.execPath, codeServerArgs(['--install-extension', opts.vsix]), { env: baseEnv, encoding: 'utf8', timeout: 120_000 });
    csLog.write(`--- install-extension ---\n${r.stdout}\n${r.stderr}\n`);
    if (r.status !== 0) throw new Error(`--install-extension failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
    const installed = readdirSync(dirs.extensions).filter((d) => d.startsWith(`${pkg.publisher}.${pkg.name}-`));
    if (installed.length !== 1) throw new Error(`expected one installed ${pkg.publisher}.${pkg.name}, found: ${readdirSync(dirs.extensions).join(', ')}`);
    log(`installed ${installed[0]}`);
    // VS Code runs extensionTestsPath only with a development extension: an empty one keeps the packaged one in charge.
    extensionDevelopmentPath = join(repo, 'tests', 'e2e', 'harness');
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, codeServerArgs(['--bind-addr', `127.0.0.1:${port}`, '--ignore-last-opened', dirs.workspace]), {
    env: baseEnv,
    detached: true, // own process group: cleanup kills the whole tree by group id
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.pipe(csLog);
  server.stderr.pipe(csLog);
  server.on('exit', (code, sig) => {
    if (!cleaning) log(`code-server exited unexpectedly (${code ?? sig})`);
  });
  await waitForHealth(base, 30_000);
  log(`code-server ready on ${base}`);

  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
  let exitResolve;
  const exited = new Promise((r) => (exitResolve = r));
  await context.exposeFunction('codeAutomationLog', (type, args) => {
    wbLog.write(`[${type}] ${Array.isArray(args) ? args.join(' ') : String(args)}\n`);
  });
  await context.exposeFunction('codeAutomationExit', (code) => {
    exitResolve(Number(code));
  });
  page = await context.newPage();
  page.on('console', (msg) => {
    const text = msg.text();
    wbLog.write(`[console.${msg.type()}] ${text}\n`);
    // Lines printed by the test runner inside the extension host reach the page console in development mode.
    const m = /\[cable-e2e\] (.*)/.exec(text);
    if (m) console.log(`  | ${m[1]}`);
  });
  page.on('pageerror', (err) => wbLog.write(`[pageerror] ${err.stack ?? err}\n`));
  page.on('crash', () => void finish(undefined, 'the browser page crashed'));
  browser.on('disconnected', () => void finish(undefined, 'the browser went away'));

  // Screenshot requests: the tests write NAME.json ({ waitFor?: css selector }) and wait for NAME.png.
  const taking = new Set();
  const takeShot = async (file) => {
    const name = file.replace(/\.json$/, '');
    if (taking.has(name)) return;
    taking.add(name);
    let req = {};
    try {
      req = JSON.parse(readFileSync(join(dirs.requests, file), 'utf8'));
    } catch {
      /* empty request: plain screenshot */
    }
    try {
      if (req.waitFor) await page.waitForSelector(req.waitFor, { state: 'visible', timeout: 10_000 });
      // Two animation frames: the last DOM change is painted.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const png = join(shotsDir, `${name}.png`);
      await page.screenshot({ path: png });
      // Rename makes the answer atomic for the waiting test.
      writeFileSync(join(dirs.requests, `${name}.png.tmp`), readFileSync(png));
      renameSync(join(dirs.requests, `${name}.png.tmp`), join(dirs.requests, `${name}.png`));
      log(`screenshot ${name}.png`);
    } catch (e) {
      writeFileSync(join(dirs.requests, `${name}.error`), String(e?.message ?? e));
      log(`screenshot ${name} failed: ${e?.message ?? e}`);
    }
  };
  const watcher = watch(dirs.requests, (_event, file) => {
    if (file && file.endsWith('.json')) void takeShot(file);
  });

  const toRemote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', toRemote(extensionDevelopmentPath)],
    ['extensionTestsPath', toRemote(join(repo, 'tests', 'e2e', 'index.js'))],
  ];
  const url = `${base}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`opening the workbench (${opts.vsix ? 'packaged extension' : `extension from ${relative(repo, extensionDevelopmentPath) || '.'}`})`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  log('workbench rendered; tests running');

  const code = await exited;
  watcher.close();
  log(`tests finished, VS Code exit code ${code}`);
  await finish(code);
}

main().catch(async (err) => {
  console.error(`[e2e] ERROR: ${err?.stack ?? err}`);
  await finish(undefined, String(err?.message ?? err));
});
