// `.txt` detection in the real product: cables switch to `cable`, other text files never do.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { test, api, fixtureUri, openEditor, waitForLanguage, detectionBarrier, findOpen, until, roundTrip } = require('../lib');

const SEED = 'seeds/000_0ac2a656c61260b0.txt';
const NOT_CABLES = ['not-cables/plain.txt', 'not-cables/server-log.txt', 'not-cables/markdown-notes.txt', 'not-cables/memo.txt'];

async function cableText() {
  return (await vscode.workspace.fs.readFile(fixtureUri(SEED))).toString();
}

test('the extension activates', async () => {
  const a = await api();
  assert.equal(typeof a.status, 'function', 'activate() returns the test API');
});

test('opening the seed .txt switches its language to cable', async () => {
  const uri = fixtureUri(SEED);
  const doc = await vscode.workspace.openTextDocument(uri);
  assert.ok(['plaintext', 'cable'].includes(doc.languageId), `opened as ${doc.languageId}`);
  await openEditor(doc);
  const cable = await waitForLanguage(uri, 'cable');
  assert.equal(cable.languageId, 'cable');
});

test('a cable without the WikiLeaks header (classification line + captions) is detected too', async () => {
  const uri = fixtureUri('cables/04BOGOTA8900-body-only.txt');
  await vscode.workspace.openTextDocument(uri);
  await waitForLanguage(uri, 'cable');
});

test('ordinary text, a log and Markdown saved as .txt, and a memo stay plaintext', async () => {
  for (const rel of NOT_CABLES) await openEditor(fixtureUri(rel));
  await detectionBarrier(await cableText());
  for (const rel of NOT_CABLES) {
    const d = findOpen(fixtureUri(rel));
    assert.ok(d, `${rel} is open`);
    assert.equal(d.languageId, 'plaintext', `${rel} must stay plaintext`);
  }
});

test('a .log file keeps its own language', async () => {
  const uri = fixtureUri('not-cables/app.log');
  const doc = await vscode.workspace.openTextDocument(uri);
  await detectionBarrier(await cableText());
  assert.equal(findOpen(uri).languageId, doc.languageId);
  assert.notEqual(doc.languageId, 'cable');
});

test('a cable pasted into an untitled buffer switches to cable', async () => {
  const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
  const editor = await openEditor(doc);
  await editor.edit((e) => e.insert(new vscode.Position(0, 0), ''));
  assert.equal(findOpen(doc.uri).languageId, 'plaintext', 'empty buffer stays plaintext');
  const text = await cableText();
  await editor.edit((e) => e.insert(new vscode.Position(0, 0), text));
  await waitForLanguage(doc.uri, 'cable');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

test('a cable switched back to plaintext by the user stays plaintext', async () => {
  const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: await cableText() });
  const cable = await waitForLanguage(doc.uri, 'cable');
  await vscode.languages.setTextDocumentLanguage(cable, 'plaintext');
  await detectionBarrier(await cableText());
  assert.equal(findOpen(doc.uri).languageId, 'plaintext');
});

test('cable.autoDetect off leaves cables plaintext; turning it on switches open ones', async () => {
  const config = vscode.workspace.getConfiguration('cable');
  await config.update('autoDetect', false, vscode.ConfigurationTarget.Global);
  try {
    const uri = fixtureUri('cables/04BOGOTA8900.txt');
    await vscode.workspace.openTextDocument(uri);
    const fresh = await vscode.workspace.openTextDocument({ language: 'plaintext', content: await cableText() });
    await roundTrip();
    assert.equal(findOpen(uri).languageId, 'plaintext', 'file stays plaintext while autoDetect is off');
    assert.equal(findOpen(fresh.uri).languageId, 'plaintext', 'untitled cable stays plaintext while autoDetect is off');
    await config.update('autoDetect', true, vscode.ConfigurationTarget.Global);
    await waitForLanguage(uri, 'cable');
    await waitForLanguage(fresh.uri, 'cable');
  } finally {
    await config.update('autoDetect', undefined, vscode.ConfigurationTarget.Global);
  }
  await until(() => vscode.workspace.getConfiguration('cable').get('autoDetect') === true, [vscode.workspace.onDidChangeConfiguration], 'autoDetect default');
});
