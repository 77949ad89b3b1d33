// Runs last: after everything above opened, edited and reverted files, the workspace copy is byte-identical to the
// manifest the harness wrote before starting VS Code. The harness checks again after VS Code has shut down.
'use strict';
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { test, workspaceRoot } = require('../lib');

function hashTree(root) {
  const out = {};
  const walk = (d) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else out[path.relative(root, p)] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(root);
  return out;
}

test('no document was left dirty and the workspace folder is byte-identical', async () => {
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file').map((d) => d.uri.fsPath);
  assert.deepEqual(dirty, [], 'no file document left with unsaved edits');
  const manifestFile = process.env.CABLE_E2E_MANIFEST;
  if (!manifestFile) {
    // Electron launcher: no manifest; compare with the fixture in the repository instead.
    const fixture = path.join(__dirname, '..', 'workspace');
    const now = hashTree(workspaceRoot().fsPath);
    for (const [rel, h] of Object.entries(hashTree(fixture))) assert.equal(now[rel], h, rel);
    return;
  }
  const expected = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  assert.deepEqual(hashTree(workspaceRoot().fsPath), expected);
});
