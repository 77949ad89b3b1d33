// Cross-cable features served by the language server's workspace index: REF links, citing cables, workspace symbols.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { openServedCable, test, positionOf } = require('../lib');

const CITING = 'xref/09PARIS1162.txt'; // REF: ... B. PARIS 1097
const CITED = 'xref/09PARIS1097.txt';

const openCable = openServedCable;

/**
 * The workspace index is built in the background and announces no event the extension host can wait on, so the
 * query is repeated until it answers (bounded: 20 s).
 */
async function eventually(query, what, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await query();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const endsWith = (uri, rel) => uri.path.endsWith(`/${rel}`);

test('a REF item links to the cited cable, and go-to-definition lands on it', async () => {
  const editor = await openCable(CITING);
  const doc = editor.document;
  const at = positionOf(doc, 'PARIS 1097');
  const links = await eventually(async () => {
    const ls = await vscode.commands.executeCommand('vscode.executeLinkProvider', doc.uri);
    return (ls || []).some((l) => l.target && endsWith(l.target, CITED)) ? ls : undefined;
  }, 'a document link to 09PARIS1097.txt');
  const link = links.find((l) => l.target && endsWith(l.target, CITED));
  assert.ok(link.range.contains(at), `the link covers the REF item: ${JSON.stringify(link.range)}`);
  const defs = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, at);
  const uris = (defs || []).map((d) => d.targetUri || d.uri);
  assert.ok(uris.some((u) => endsWith(u, CITED)), `definition: ${uris.map((u) => u.path)}`);
}, { needs: 'server', timeout: 45_000 });

test('the cited cable lists the cables that cite it, and its lens says so', async () => {
  const editor = await openCable(CITED);
  const doc = editor.document;
  const lenses = await eventually(async () => {
    const ls = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri, 10);
    return (ls || []).some((l) => l.command && /cited by \d+ cables?/.test(l.command.title)) ? ls : undefined;
  }, 'a "cited by" code lens');
  const lens = lenses.find((l) => l.command && /cited by/.test(l.command.title));
  assert.match(lens.command.title, /^cited by 1 cable$/);
  const refs = await vscode.commands.executeCommand('vscode.executeReferenceProvider', doc.uri, lens.range.start);
  assert.ok((refs || []).some((r) => endsWith(r.uri, CITING)), `references: ${(refs || []).map((r) => r.uri.path)}`);
}, { needs: 'server', timeout: 45_000 });

test('a workspace symbol search finds cables by identifier and by TAGS', async () => {
  await openCable(CITED);
  const byId = await eventually(async () => {
    const s = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', '09PARIS1046');
    return (s || []).length ? s : undefined;
  }, 'a workspace symbol for 09PARIS1046');
  assert.ok(byId.some((s) => endsWith(s.location.uri, 'xref/09PARIS1046.txt')), `symbols: ${byId.map((s) => s.name)}`);
  const byTag = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', '#FR');
  assert.ok((byTag || []).some((s) => endsWith(s.location.uri, 'xref/09PARIS1162.txt')), `#FR: ${(byTag || []).map((s) => s.name)}`);
}, { needs: 'server', timeout: 45_000 });
