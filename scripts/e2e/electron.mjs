#!/usr/bin/env node
// Second launcher for the same tests (tests/e2e/index.js) in desktop VS Code, via @vscode/test-electron 2.5.
// For people with a desktop and network: it downloads VS Code from Microsoft (CI cannot, and uses run.mjs).
//
//   node scripts/e2e/electron.mjs                    # against the working tree (npm run build first)
//   node scripts/e2e/electron.mjs --vsix [file]      # against the packaged extension
//   options: --code-version stable|1.100.3|insiders, --code-path /path/to/code (skip the download), --grep REGEX
// On Linux without a display, run it under xvfb-run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { changedPaths, hashTree, prepareWorkspace, QUIET_SETTINGS } from './workspace.mjs';

if (process.env.CABLE_SKIP_E2E === '1') {
  console.log('!!! CABLE_SKIP_E2E=1: the desktop VS Code tests were NOT run.');
  process.exit(0);
}

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const opts = { vsix: undefined, version: 'stable', codePath: undefined, grep: undefined };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--vsix') opts.vsix = argv[i + 1] && !argv[i + 1].startsWith('--') ? resolve(argv[++i]) : join(repo, `${pkg.name}-${pkg.version}.vsix`);
  else if (a === '--code-version') opts.version = argv[++i];
  else if (a === '--code-path') opts.codePath = resolve(argv[++i]);
  else if (a === '--grep') opts.grep = argv[++i];
  else {
    console.error(`electron.mjs: unknown argument ${a}`);
    process.exit(2);
  }
}
if (opts.vsix && !existsSync(opts.vsix)) {
  console.error(`${opts.vsix} not found. Run: npm run package`);
  process.exit(1);
}
if (!opts.vsix && !existsSync(join(repo, 'dist', 'extension.js'))) {
  console.error('dist/extension.js missing. Run: npm run build');
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'cable-e2e-electron-'));
const workspace = join(tmp, 'workspace');
const userData = join(tmp, 'user-data');
const extensions = join(tmp, 'extensions');
const manifestFile = join(tmp, 'workspace-manifest.json');
const resultFile = join(tmp, 'result.json');
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
const manifest = prepareWorkspace(repo, workspace, manifestFile);

let exitCode = 1;
try {
  const vscodeExecutablePath = opts.codePath ?? (await downloadAndUnzipVSCode(opts.version));
  let extensionDevelopmentPath = repo;
  if (opts.vsix) {
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    const r = spawnSync(cli, [...cliArgs, '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', opts.vsix], {
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (r.status !== 0) throw new Error(`--install-extension failed (${r.status})`);
    // VS Code runs extensionTestsPath only with a development extension: an empty one keeps the packaged one in charge.
    extensionDevelopmentPath = join(repo, 'tests', 'e2e', 'harness');
  }
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath,
    extensionTestsPath: join(repo, 'tests', 'e2e', 'index.js'),
    extensionTestsEnv: {
      CABLE_E2E_RESULT: resultFile,
      CABLE_E2E_MANIFEST: manifestFile,
      CABLE_E2E_MODE: opts.vsix ? 'vsix (electron)' : 'dev (electron)',
      ...(opts.grep ? { CABLE_E2E_GREP: opts.grep } : {}),
    },
    launchArgs: [
      workspace,
      '--user-data-dir', userData,
      '--extensions-dir', extensions,
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      // Only the extension under test (and, with --vsix, the installed one) may run.
      ...(opts.vsix ? [] : ['--disable-extensions']),
    ],
  });
  exitCode = 0;
} catch (err) {
  console.error(`[e2e electron] ${err?.message ?? err}`);
}

let passed = 0;
let failed = 0;
let ran = false;
try {
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  passed = result.passed;
  failed = result.failed;
  ran = true;
} catch {
  failed++;
  console.error('[e2e electron] no result file: the test run did not complete.');
  console.error('  Downloading VS Code needs network; offline, pass --code-path to an installed VS Code, or use scripts/e2e/run.mjs.');
}
if (ran) {
  const changed = changedPaths(manifest, hashTree(workspace));
  if (changed.length) {
    failed++;
    console.error(`[e2e electron] workspace changed: ${changed.join(', ')}`);
  } else passed++;
}
rmSync(tmp, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode === 0 && failed === 0 ? 0 : 1);
