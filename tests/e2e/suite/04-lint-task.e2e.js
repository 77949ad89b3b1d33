// Cable: Lint Workspace runs the bundled cable-lint as a task; the $cable-lint problem matcher reports problems for
// files that were never opened. Needs dist/cable-lint.js.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { test, fixtureUri, within, waitForDiagnostics } = require('../lib');

test('Cable: Lint Workspace reports portion-exceeds-banner through the problem matcher', async () => {
  const target = fixtureUri('cables/09ASTANA308-confidential-paragraph.txt');
  const ended = new Promise((resolve) => {
    const sub = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution.task.definition.type === 'cable-lint') {
        sub.dispose();
        resolve(e.exitCode);
      }
    });
  });
  const execution = await vscode.commands.executeCommand('cable.lintWorkspace');
  assert.ok(execution, 'the command started a task');
  assert.equal(execution.task.source, 'cable');
  const exitCode = await within(ended, 'the lint task to end', 60_000);
  assert.ok(exitCode === 0 || exitCode === 1, `cable-lint exit code ${exitCode} (0 clean, 1 problems found)`);
  const ds = await waitForDiagnostics(
    target,
    (ds) => ds.some((d) => d.source === 'cable-lint' && (d.code === 'portion-exceeds-banner' || d.code?.value === 'portion-exceeds-banner')),
    'a cable-lint problem on the inconsistent fixture',
  );
  const d = ds.find((d) => d.source === 'cable-lint');
  assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  // The file was never opened as a document by this test: the problem comes from the task output.
}, { needs: 'cli', timeout: 90_000 });
