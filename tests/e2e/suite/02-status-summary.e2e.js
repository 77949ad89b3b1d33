// Classification status item and the summary view, against the real workbench.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { test, api, fixtureUri, openEditor, waitForLanguage, until, screenshot, waitForServer, waitForDiagnostics } = require('../lib');

const SEED = 'seeds/000_0ac2a656c61260b0.txt';

async function openCable(rel) {
  const uri = fixtureUri(rel);
  await openEditor(uri);
  await waitForLanguage(uri, 'cable');
  // Language switches reopen the document: show the cable version.
  return openEditor(uri);
}

function waitForStatus(a, predicate, what) {
  return until(() => (predicate(a.status()) ? a.status() : undefined), [a.onDidChangeStatus], what);
}

test('status bar shows UNCLAS//SBU for the seed and reveals its classification line', async () => {
  const a = await api();
  const editor = await openCable(SEED);
  const key = editor.document.uri.toString();
  const s = await waitForStatus(a, (s) => s.visible && s.documentUri === key, 'the status item for the seed');
  assert.match(s.text, /UNCLAS\/\/SBU/);
  assert.equal(s.level, 'U');
  const bannerLine = editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('UNCLAS SECTION 01 OF 02 ASTANA 000308'));
  assert.equal(s.bannerLine, bannerLine);
  // What a click runs: the item's command with its arguments.
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  await vscode.commands.executeCommand('cable.revealClassification', editor.document.uri, s.bannerLine);
  const active = vscode.window.activeTextEditor;
  assert.equal(active.document.uri.toString(), key);
  assert.equal(active.selection.start.line, bannerLine);
  await screenshot('status-unclassified', '.statusbar');
});

test('status bar appears when the active plaintext editor is detected as a cable', async () => {
  const a = await api();
  const seedText = (await vscode.workspace.fs.readFile(fixtureUri(SEED))).toString();
  const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: seedText });
  await openEditor(doc);
  // No re-showing after the switch: the item follows the editor that is already active.
  const s = await waitForStatus(a, (s) => s.visible && s.documentUri === doc.uri.toString(), 'the status item for the switched editor');
  assert.match(s.text, /UNCLAS\/\/SBU/);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

test('status bar shows SECRET//NOFORN for a secret cable', async () => {
  const a = await api();
  const editor = await openCable('cables/04BOGOTA8900.txt');
  const s = await waitForStatus(a, (s) => s.visible && s.documentUri === editor.document.uri.toString(), 'the status item for 04BOGOTA8900');
  assert.equal(s.level, 'S');
  assert.match(s.text, /SECRET\/\/NOFORN/);
});

test('status item is hidden for a non-cable document', async () => {
  const a = await api();
  await openEditor(fixtureUri('not-cables/plain.txt'));
  await waitForStatus(a, (s) => !s.visible, 'the status item to hide');
});

test('Show Cable Summary opens a read-only summary of the active cable', async () => {
  await openCable(SEED);
  const doc = await vscode.commands.executeCommand('cable.showSummary');
  assert.ok(doc, 'command returns the summary document');
  assert.equal(doc.uri.scheme, 'cable-summary');
  const text = doc.getText();
  assert.match(text, /09ASTANA308/);
  assert.match(text, /UNCLAS\/\/SBU/);
  assert.match(text, /PGOV/);
  assert.match(text, /KAZAKHSTAN: JUSTICE MINISTER BALIYEVA EXPRESSES/);
  const visible = vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === doc.uri.toString());
  assert.ok(visible, 'summary is shown beside the cable');
  await screenshot('summary');
  await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
});

test('the summary comes from the language server once it runs: TAG meanings and problem counts', async () => {
  await openCable(SEED);
  await waitForServer();
  const doc = await vscode.commands.executeCommand('cable.showSummary');
  const text = await until(
    () => (/PGOV: Political/.test(doc.getText()) ? doc.getText() : undefined),
    [vscode.workspace.onDidChangeTextDocument],
    'the server summary with TAG meanings',
  );
  assert.match(text, /From the language server/);
  assert.match(text, /Marking problems:/);
  await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
}, { needs: 'server' });

test('status item turns warning-styled when the cable has marking errors', async () => {
  const a = await api();
  await waitForServer();
  const editor = await openCable('cables/09ASTANA308-confidential-paragraph.txt');
  await waitForDiagnostics(editor.document.uri, (ds) => ds.some((d) => d.source === 'cable'), 'cable diagnostics');
  const s = await waitForStatus(a, (s) => s.warning && s.documentUri === editor.document.uri.toString(), 'a warning-styled status item');
  assert.match(s.text, /\$\(warning\)/);
  await screenshot('status-warning', '.statusbar');
}, { needs: 'server' });

test('status item is legible in Dark+ and Light+ (screenshots)', async () => {
  const a = await api();
  await openCable('cables/04BOGOTA8900.txt');
  await waitForStatus(a, (s) => s.visible && s.level === 'S', 'the SECRET status item');
  const workbench = vscode.workspace.getConfiguration('workbench');
  try {
    for (const [theme, kind, cssClass, shot] of [
      ['Default Dark+', vscode.ColorThemeKind.Dark, 'vs-dark', 'status-dark-plus'],
      ['Default Light+', vscode.ColorThemeKind.Light, 'vs', 'status-light-plus'],
    ]) {
      await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
      await until(() => vscode.window.activeColorTheme.kind === kind, [vscode.window.onDidChangeActiveColorTheme], `theme ${theme}`);
      // The harness waits until the workbench carries the theme's class, i.e. the new colours are applied.
      await screenshot(shot, `.monaco-workbench.${cssClass} .statusbar`);
    }
  } finally {
    await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
  }
});
