// Features served by the language server (dist/server.js) through the real client. All need the server.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { openServedCable, test, api, openEditor, waitForServer, waitForDiagnostics, until, screenshot, hoverText, positionOf } = require('../lib');

const SEED = 'seeds/000_0ac2a656c61260b0.txt';
const INCONSISTENT = 'cables/09ASTANA308-confidential-paragraph.txt';
const MISSPELLED = 'cables/09ASTANA308-misspelled-caveat.txt';

const openCable = openServedCable;

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

test('semantic tokens mark the seed headings and signature; semantic highlighting is on for cables', async () => {
  const editor = await openCable(SEED);
  const uri = editor.document.uri;
  const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', uri);
  assert.deepEqual(legend && legend.tokenTypes, ['cableHeading', 'cableSignature']);
  const tokens = await until(
    async () => {
      const t = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', uri);
      return t && t.data && t.data.length ? t : undefined;
    },
    [vscode.languages.onDidChangeDiagnostics],
    'semantic tokens',
  );
  const found = [];
  for (let i = 0, line = 0, char = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, length, type] = tokens.data.slice(i, i + 4);
    char = dl === 0 ? char + dc : dc;
    line += dl;
    found.push(`${legend.tokenTypes[type]} ${editor.document.lineAt(line).text.slice(char, char + length)}`);
  }
  assert.ok(found.includes('cableHeading PROGRESS ON TIP'), JSON.stringify(found));
  assert.ok(found.includes('cableSignature HOAGLAND'), JSON.stringify(found));
  const config = vscode.workspace.getConfiguration('editor', { languageId: 'cable' });
  assert.equal(config.get('semanticHighlighting.enabled'), true, 'semantic highlighting on for cables');
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

test('portion-exceeds-banner offers navigation to the banner, never a reclassification, and changes nothing', async () => {
  const { doc, diag, bannerLine } = await inconsistentCable();
  const original = doc.getText();
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
  const editing = (actions || []).filter((a) => a.edit && a.edit.entries().some(([u]) => u.toString() === doc.uri.toString()));
  assert.equal(editing.length, 0, `no action edits the cable: ${JSON.stringify(editing.map((a) => a.title))}`);
  const go = (actions || []).find((a) => a.command && a.command.command === 'cable.revealRange');
  assert.ok(go, `a navigation action; offered: ${JSON.stringify((actions || []).map((a) => a.title))}`);
  await vscode.commands.executeCommand(go.command.command, ...(go.command.arguments || []));
  await until(
    () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === doc.uri.toString() && e.selection.start.line === bannerLine;
    },
    [vscode.window.onDidChangeTextEditorSelection, vscode.window.onDidChangeActiveTextEditor],
    'the banner line to be selected',
  );
  assert.equal(doc.getText(), original);
}, { needs: 'server' });

test('a misspelled caveat quick fix applies and changes only the misspelled word', async () => {
  const editor = await openCable(MISSPELLED);
  const doc = editor.document;
  const original = doc.getText();
  const ds = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'caveat-misspelled'), 'caveat-misspelled');
  const diag = ds.find((d) => codeOf(d) === 'caveat-misspelled');
  assert.equal(doc.getText(diag.range), 'SIPIDS');
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
  const fix = (actions || []).find((a) => a.edit && a.edit.entries().some(([u]) => u.toString() === doc.uri.toString()));
  assert.ok(fix, `a quick fix that edits the cable; offered: ${JSON.stringify((actions || []).map((a) => a.title))}`);
  try {
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'edit applied');
    const at = doc.offsetAt(diag.range.start);
    assert.equal(doc.getText(), original.slice(0, at) + 'SIPDIS' + original.slice(at + 'SIPIDS'.length), 'only the word changed');
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'caveat-misspelled'), 'the diagnostic to go away after the fix');
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
