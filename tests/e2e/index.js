// Test runner loaded by VS Code inside the extension host (extensionTestsPath). CommonJS, no dependencies:
// loads tests/e2e/suite/*.e2e.js in name order (not *.test.js: vitest would pick those up), runs their tests one after another, writes a JSON result file
// and prints `N passed, N failed`. run() rejects when a test failed, which makes VS Code exit with code 1.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { registry, say } = require('./lib');

const DEFAULT_TIMEOUT_MS = 30_000;

function withTimeout(promise, ms, name) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).catch((err) => {
    throw err instanceof Error ? err : new Error(`${name}: ${String(err)}`);
  });
}

async function run() {
  const suiteDir = path.join(__dirname, 'suite');
  const files = fs.readdirSync(suiteDir).filter((f) => f.endsWith('.e2e.js')).sort();
  for (const f of files) {
    registry.currentFile = `tests/e2e/suite/${f}`;
    require(path.join(suiteDir, f));
  }
  const grep = process.env.CABLE_E2E_GREP ? new RegExp(process.env.CABLE_E2E_GREP, 'i') : undefined;
  const selected = registry.tests.filter((t) => !grep || grep.test(t.name));
  say(`running ${selected.length} tests from ${files.length} files (mode: ${process.env.CABLE_E2E_MODE ?? 'unknown'})`);

  const results = [];
  for (const t of selected) {
    const t0 = Date.now();
    let status = 'passed';
    let error;
    try {
      await withTimeout(Promise.resolve().then(t.fn), t.timeout ?? DEFAULT_TIMEOUT_MS, t.name);
    } catch (err) {
      status = 'failed';
      error = err && err.stack ? err.stack.split('\n').slice(0, 6).join('\n') : String(err);
    }
    const ms = Date.now() - t0;
    results.push({ name: t.name, file: t.file, needs: t.needs, status, ms, error });
    say(`${status === 'passed' ? 'PASS' : 'FAIL'} ${t.name}${t.needs ? ` [needs ${t.needs}]` : ''} (${ms} ms)${error ? `\n    ${error.split('\n')[0]}` : ''}`);
  }

  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.length - passed;
  const out = process.env.CABLE_E2E_RESULT || path.join(os.tmpdir(), 'cable-e2e-result.json');
  fs.writeFileSync(out, JSON.stringify({ mode: process.env.CABLE_E2E_MODE, passed, failed, tests: results }, null, 2));
  say(`${passed} passed, ${failed} failed`);
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} e2e test(s) failed`);
}

module.exports = { run };
