#!/usr/bin/env node
// Installs what the real-VS-Code tests need, outside the repository:
//   - Debian packages chromium, ripgrep, libkrb5-dev (via apt when root, else a clear message);
//   - code-server 4.100.3 (= VS Code 1.100.3, the last release that runs on Node 20) into a cache folder.
// code-server's own postinstall downloads ripgrep from GitHub, which is unreachable here, so its steps are done by hand
// with Debian's rg. A marker file written last tells later runs the cache is complete; anything without it is wiped.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { codeServerDir, CODE_SERVER_VERSION, CHROMIUM } from './paths.mjs';

// Skipping is announced loudly by run.mjs; nothing to install then.
if (process.env.CABLE_SKIP_E2E === '1') process.exit(0);

const MARKER = '.provisioned';
const started = Date.now();
const log = (msg) => console.log(`[provision] ${msg}`);

function fail(msg) {
  console.error(`[provision] ERROR: ${msg}`);
  process.exit(1);
}

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}${opts.cwd ? `   (in ${opts.cwd})` : ''}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) fail(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function which(bin) {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

// ---- 1. system packages ------------------------------------------------------------------------------------------
// Each entry: what must exist, and the Debian package that provides it.
const SYSTEM_NEEDS = [
  { ok: () => existsSync(CHROMIUM), pkg: 'chromium', what: `Chromium (${CHROMIUM})` },
  { ok: () => which('rg') !== null, pkg: 'ripgrep', what: 'rg' },
  { ok: () => existsSync('/usr/include/gssapi/gssapi.h') || which('krb5-config') !== null, pkg: 'libkrb5-dev', what: 'Kerberos headers (native module `kerberos`)' },
  { ok: () => which('make') !== null && which('g++') !== null, pkg: 'build-essential', what: 'make and g++ (native modules)' },
  { ok: () => which('python3') !== null, pkg: 'python3', what: 'python3 (node-gyp)' },
];

// Nice to have: screenshots show the status item's coloured dot instead of a box.
const OPTIONAL_NEEDS = [{ ok: () => existsSync('/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf'), pkg: 'fonts-noto-color-emoji', what: 'a colour emoji font' }];

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const missing = SYSTEM_NEEDS.filter((n) => !n.ok());
const optionalMissing = OPTIONAL_NEEDS.filter((n) => !n.ok());
if (optionalMissing.length > 0 && !isRoot) {
  log(`note: ${optionalMissing.map((n) => `${n.what} (${n.pkg})`).join(', ')} missing; screenshots will show boxes for emoji`);
}
if (missing.length > 0 || (optionalMissing.length > 0 && isRoot)) {
  const pkgs = [...missing, ...(isRoot ? optionalMissing : [])].map((n) => n.pkg);
  if (!isRoot) {
    fail(
      `missing ${missing.map((n) => n.what).join(', ')}.\n` +
        `  Install them once, as root:  sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}\n` +
        `  (or set CABLE_CHROMIUM=/path/to/chromium if you have another Chromium build), then run this again.\n` +
        `  To skip the real-VS-Code tests deliberately: CABLE_SKIP_E2E=1.`,
    );
  }
  log(`installing Debian packages: ${pkgs.join(' ')}`);
  run('apt-get', ['update'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const still = SYSTEM_NEEDS.filter((n) => !n.ok());
  if (still.length > 0) fail(`still missing after apt-get: ${still.map((n) => n.what).join(', ')}`);
}

// ---- 2. code-server into the cache -------------------------------------------------------------------------------
const root = codeServerDir();
const markerPath = join(root, MARKER);
const cs = join(root, 'node_modules', 'code-server');
const entry = join(cs, 'out', 'node', 'entry.js');

if (existsSync(markerPath) && existsSync(entry)) {
  log(`code-server ${CODE_SERVER_VERSION} already provisioned in ${root} (${readFileSync(markerPath, 'utf8').trim()})`);
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(0);
}

if (existsSync(root)) {
  log(`removing incomplete cache ${root}`);
  rmSync(root, { recursive: true, force: true });
}
mkdirSync(root, { recursive: true });
writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'cable-e2e-code-server', private: true }, null, 2) + '\n');

// Native modules (argon2, node-pty, spdlog, kerberos) build from source against the local Node headers;
// node-pty's install runs `npx node-gyp`, which needs yes=true to proceed without a prompt.
const nodedir = [dirname(dirname(process.execPath)), '/usr'].find((d) => existsSync(join(d, 'include', 'node', 'node_api.h')));
if (!nodedir) fail(`no Node headers found (looked for include/node/node_api.h beside ${process.execPath} and in /usr)`);
const env = {
  ...process.env,
  npm_config_nodedir: nodedir,
  npm_config_yes: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};
const npm = (args, cwd) => run('npm', args, { cwd, env });

npm(['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`], root);
npm(['rebuild', 'argon2'], root);

const vs = join(cs, 'lib', 'vscode');
if (!existsSync(join(vs, 'package.json'))) fail(`unexpected layout: ${vs}/package.json missing`);
npm(['install', '--omit=dev', '--ignore-scripts'], vs);

// @vscode/ripgrep's postinstall exits early when its binary is already there.
const rgTarget = join(vs, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
mkdirSync(dirname(rgTarget), { recursive: true });
copyFileSync(which('rg'), rgTarget);
chmodSync(rgTarget, 0o755);
npm(['rebuild'], vs);

function link(target, path) {
  try {
    lstatSync(path);
    rmSync(path, { force: true });
  } catch {
    /* absent */
  }
  symlinkSync(target, path);
}
link('node_modules', join(vs, 'node_modules.asar'));
link('code-linux.sh', join(vs, 'bin', 'remote-cli', 'code-server'));
link('browser-linux.sh', join(vs, 'bin', 'helpers', 'browser.sh'));
npm(['install', '--omit=dev'], join(vs, 'extensions'));

// Smoke test before declaring the cache good.
const v = spawnSync(process.execPath, [entry, '--version'], { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: join(root, '.xdg-config'), XDG_DATA_HOME: join(root, '.xdg-data') } });
if (v.status !== 0 || !v.stdout.includes(CODE_SERVER_VERSION)) fail(`code-server --version failed:\n${v.stdout}\n${v.stderr}`);
log(`code-server --version: ${v.stdout.trim().split('\n').pop()}`);

writeFileSync(markerPath, `code-server ${CODE_SERVER_VERSION} provisioned ${new Date().toISOString()}\n`);
log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s -> ${root}`);
