// Features served by the language server (dist/server.js) through the real client. All need the server.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { test, api, fixtureUri, openEditor, waitForLanguage, waitForServer, waitForDiagnostics, until, screenshot, hoverText, positionOf } = require('../lib');

const SEED = 'seeds/000_0ac2a656c61260b0.txt';
const INCONSISTENT = 'cables/09ASTANA308-confidential-paragraph.txt';

async function openCable(rel) {
  const uri = fixtureUri(rel);
  await openEditor(uri);
  await waitForLanguage(uri, 'cable');
  await waitForServer();
  return openEditor(uri);
}

function flatten(symbols) {
  return (symbols || []).flatMap((s) => [s, ...flatten(s.children)]);
}

test('outline holds paragraphs 1-10 of the seed', async () => {
  const editor = await openCable(SEED);
  const uri = editor.document.uri;
  const symbols = await until(
    async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
      return s && s.length ? s : undefined;
    },
    [vscode.languages.onDidChangeDiagnostics],
    'document symbols',
  );
  const names = flatten(symbols).map((s) => s.name);
  for (let n = 1; n <= 10; n++) {
    // Names are the server's choice (`1.`, `¶ 1`, `1. (U) Sensitive…`): the paragraph number must lead.
    const re = new RegExp(`^\\D{0,3}${n}(?:\\.|\\b)`);
    assert.ok(names.some((name) => re.test(name)), `paragraph ${n} in outline: ${JSON.stringify(names)}`);
  }
  await vscode.commands.executeCommand('outline.focus');
  await screenshot('outline', '.outline-tree, .monaco-list');
}, { needs: 'server' });

test('folding ranges exist for the seed', async () => {
  const editor = await openCable(SEED);
  const ranges = await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', editor.document.uri);
  assert.ok(Array.isArray(ranges) && ranges.length >= 3, `folding ranges: ${JSON.stringify(ranges)}`);
  for (const r of ranges) assert.ok(r.end > r.start, 'each range spans lines');
}, { needs: 'server' });

const HOVERS = [
  { at: 'RUEHTA', occurrence: 0, expect: /Astana/i, what: 'routing indicator RUEHTA' },
  { at: 'PGOV', occurrence: 1, expect: /Political/i, what: 'TAG PGOV (caption line)' },
  { at: '(SBU)', occurrence: 0, expect: /Sensitive but unclassified/i, what: 'portion marking (SBU)' },
];
for (const h of HOVERS) {
  test(`hover at ${h.what} mentions ${h.expect.source}`, async () => {
    const editor = await openCable(SEED);
    const pos = positionOf(editor.document, h.at, h.occurrence);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, pos);
    const text = hoverText(hovers);
    assert.match(text, h.expect, `hover text: ${JSON.stringify(text)}`);
    if (h.at === 'PGOV') {
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('editor.action.showHover');
      await screenshot('hover', '.monaco-hover');
    }
  }, { needs: 'server' });
}

/** The inconsistent fixture, its portion-exceeds-banner diagnostic, and the lines a fix may touch. */
async function inconsistentCable() {
  const editor = await openCable(INCONSISTENT);
  const doc = editor.document;
  const ds = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => d.source === 'cable' && codeOf(d) === 'portion-exceeds-banner'), 'portion-exceeds-banner');
  const lines = doc.getText().split(/\r?\n/);
  const cLine = lines.findIndex((l) => l.startsWith('3. (C) During'));
  const bannerLine = lines.findIndex((l) => l.startsWith('UNCLAS SECTION 01 OF 02 ASTANA 000308'));
  // A fix may lower the portion mark or raise the banner, including the banner's repeats; nothing else may change.
  const allowed = new Set([cLine, ...lines.map((l, i) => (l === lines[bannerLine] ? i : -1)).filter((i) => i >= 0)]);
  return { editor, doc, diag: ds.find((d) => codeOf(d) === 'portion-exceeds-banner'), lines, cLine, bannerLine, allowed };
}

test('a paragraph marked (C) under an UNCLAS banner shows portion-exceeds-banner (error, source cable)', async () => {
  const { diag, cLine, bannerLine } = await inconsistentCable();
  assert.ok([cLine, bannerLine].includes(diag.range.start.line), `diagnostic on the (C) paragraph or the banner, got line ${diag.range.start.line + 1}`);
  assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
  assert.equal(diag.source, 'cable');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await screenshot('problems', '.markers-panel .monaco-list-row');
}, { needs: 'server' });

test('the portion-exceeds-banner quick fix applies and changes only the (C) paragraph or banner lines', async () => {
  const { doc, diag, lines, cLine, allowed } = await inconsistentCable();
  const original = doc.getText();
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
  // The command returns title, kind and edit only (no diagnostics): a fix is a quick fix editing the flagged lines.
  const editsOf = (a) => (a.edit ? a.edit.entries().flatMap(([u, es]) => es.map((e) => ({ uri: u.toString(), range: e.range }))) : []);
  const quickFixes = (actions || []).filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) && editsOf(a).length > 0);
  const fix = quickFixes.find((a) => editsOf(a).some((e) => e.uri === doc.uri.toString() && allowed.has(e.range.start.line)));
  assert.ok(fix, `a quick fix editing line ${cLine + 1} or the banner; offered: ${JSON.stringify((actions || []).map((a) => a.title))}`);
  for (const e of editsOf(fix)) {
    assert.equal(e.uri, doc.uri.toString(), `"${fix.title}" edits only this document`);
    assert.ok(allowed.has(e.range.start.line) && e.range.end.line === e.range.start.line, `"${fix.title}" edit confined to the (C) paragraph or banner lines: ${JSON.stringify(e.range)}`);
  }
  try {
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'edit applied');
    const changed = doc.getText().split(/\r?\n/);
    assert.equal(changed.length, lines.length, 'same number of lines');
    const diffLines = lines.map((l, i) => (l === changed[i] ? -1 : i)).filter((i) => i >= 0);
    assert.ok(diffLines.length >= 1 && diffLines.every((i) => allowed.has(i)), `changed lines: ${diffLines.map((i) => i + 1)}`);
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'portion-exceeds-banner'), 'the diagnostic to go away after the fix');
  } finally {
    // Never saved: revert so the workspace stays byte-identical.
    await openEditor(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  assert.equal(doc.getText(), original);
}, { needs: 'server', timeout: 45_000 });

test('Cable: Restart Language Server restarts it and diagnostics come back', async () => {
  const a = await api();
  const editor = await openCable(INCONSISTENT);
  const uri = editor.document.uri;
  let sawStop = false;
  const sub = a.onDidChangeServerState((running) => {
    if (!running) sawStop = true;
  });
  try {
    await vscode.commands.executeCommand('cable.restartServer');
  } finally {
    sub.dispose();
  }
  assert.ok(sawStop, 'the server stopped during the restart');
  await waitForServer();
  await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'portion-exceeds-banner'), 'diagnostics after restart');
}, { needs: 'server', timeout: 45_000 });

function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}
