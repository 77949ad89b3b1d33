// Helpers for the e2e tests: registration, waiting on VS Code events with a deadline (never fixed sleeps),
// fixtures in the workspace copy, the extension's API, and screenshots taken by the harness outside.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'diplomatic-cables.diplomatic-cables';
const registry = { tests: [], currentFile: '' };

/**
 * Registers a test. `options.needs` names the part it depends on beyond the client (`server`, `cli`),
 * shown next to its result so a failure points at the missing part.
 */
function test(name, fn, options = {}) {
  registry.tests.push({ name, fn, file: registry.currentFile, needs: options.needs, timeout: options.timeout });
}

function say(msg) {
  // Goes to the extension host log and, in development mode, to the page console the harness forwards.
  console.log(`[cable-e2e] ${msg}`);
}

/**
 * Resolves with check()'s value as soon as it is truthy: now, or after one of `events` fired.
 * Rejects after `ms` with `what` in the message.
 */
function until(check, events, what, ms = 15_000) {
  return new Promise((resolve, reject) => {
    const subs = [];
    let done = false;
    const finish = (fn, v) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subs.forEach((s) => s.dispose());
      fn(v);
    };
    const probe = async () => {
      try {
        const v = await check();
        if (v) finish(resolve, v);
      } catch (err) {
        finish(reject, err);
      }
    };
    const timer = setTimeout(() => finish(reject, new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    for (const ev of events) subs.push(ev(() => void probe()));
    void probe();
  });
}

/** Resolves or rejects like `promise`, or rejects after `ms`. */
function within(promise, what, ms = 15_000) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function workspaceRoot() {
  const f = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!f) throw new Error('no workspace folder open');
  return f.uri;
}

function fixtureUri(rel) {
  return vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/'));
}

async function api() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return ext.activate();
}

function findOpen(uri) {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** Waits until the open document at `uri` has language `languageId`; returns that document. */
function waitForLanguage(uri, languageId, ms) {
  return until(
    () => {
      const d = findOpen(uri);
      return d && d.languageId === languageId ? d : undefined;
    },
    [vscode.workspace.onDidOpenTextDocument, vscode.workspace.onDidCloseTextDocument],
    `${path.basename(uri.path)} to have language ${languageId}`,
    ms,
  );
}

async function openEditor(uriOrDoc, options = {}) {
  const doc = uriOrDoc instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uriOrDoc) : uriOrDoc;
  return vscode.window.showTextDocument(doc, { preview: false, ...options });
}

/**
 * A barrier behind everything the extension does for documents opened before it: a fresh untitled copy of a cable
 * is opened and we wait until it turns `cable`. Opens are handled in order, so any switch of an earlier document
 * has happened by then.
 */
async function detectionBarrier(cableText) {
  const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: cableText });
  return waitForLanguage(doc.uri, 'cable');
}

/**
 * A barrier behind language switches already requested by the extension: our own language change on a scratch
 * document is answered by the main thread after every earlier request, and the earlier documents' updates reach
 * the extension host before that answer.
 */
async function roundTrip() {
  const scratch = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  await vscode.languages.setTextDocumentLanguage(scratch, 'plaintext');
}

/** Waits until the language server runs (started by the first cable document); fails at once if it cannot start. */
async function waitForServer(ms = 20_000) {
  const a = await api();
  return until(
    () => {
      if (a.isServerRunning()) return true;
      const err = a.serverError();
      if (err) throw new Error(err);
      return false;
    },
    [a.onDidChangeServerState],
    'the language server to run',
    ms,
  );
}

function waitForDiagnostics(uri, predicate, what, ms) {
  return until(
    () => {
      const ds = vscode.languages.getDiagnostics(uri);
      return predicate(ds) ? ds : undefined;
    },
    [vscode.languages.onDidChangeDiagnostics],
    what,
    ms,
  );
}

/**
 * Asks the harness for a screenshot of the browser window and waits for it. Without a harness (the Electron
 * launcher) it returns at once. `waitFor` is a CSS selector the harness waits to be visible first.
 */
function screenshot(name, waitFor) {
  const dir = process.env.CABLE_E2E_SCREENSHOTS;
  if (!dir) return Promise.resolve(false);
  const png = path.join(dir, `${name}.png`);
  const err = path.join(dir, `${name}.error`);
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(dir, () => check());
    const timer = setTimeout(() => done(() => reject(new Error(`screenshot ${name} not taken within 20 s`))), 20_000);
    let finished = false;
    function done(fn) {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      watcher.close();
      fn();
    }
    function check() {
      if (fs.existsSync(png)) done(() => resolve(true));
      else if (fs.existsSync(err)) done(() => reject(new Error(`screenshot ${name}: ${fs.readFileSync(err, 'utf8')}`)));
    }
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ waitFor }));
    check();
  });
}

/** Plain text of a hover's contents. */
function hoverText(hovers) {
  return (hovers || [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

function positionOf(doc, needle, occurrence = 0) {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found in ${path.basename(doc.uri.path)}`);
  }
  return doc.positionAt(at + 1);
}

/** Opens a fixture cable once it is `cable` and the language server runs (a language switch reopens it). */
async function openServedCable(rel) {
  const uri = fixtureUri(rel);
  await openEditor(uri);
  await waitForLanguage(uri, 'cable');
  await waitForServer();
  return openEditor(uri);
}

module.exports = {
  openServedCable,
  EXTENSION_ID,
  registry,
  test,
  say,
  until,
  within,
  fixtureUri,
  workspaceRoot,
  api,
  findOpen,
  waitForLanguage,
  openEditor,
  detectionBarrier,
  roundTrip,
  waitForServer,
  waitForDiagnostics,
  screenshot,
  hoverText,
  positionOf,
};
