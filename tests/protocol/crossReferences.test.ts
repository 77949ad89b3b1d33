/**
 * Cross-cable features through the built server over stdio, with a copy of tests/fixtures/xref as the workspace
 * folder (a copy, because the test creates, changes and deletes files in it): the background index with
 * progress, REF links and definitions, citing cables as references and as a code lens, workspace symbols, the
 * index following file-watcher notifications, and workspace diagnostics read from disk.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClientCapabilities,
  CodeLens,
  DocumentLink,
  InitializeResult,
  Location,
  LocationLink,
  PublishDiagnosticsParams,
  SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { buildServer, EDITOR_CAPABILITIES, ROOT, TestClient } from './lspClient';

const XREF = join(ROOT, 'tests/fixtures/xref');
const CABLES = join(ROOT, 'tests/fixtures/cables');

const CAPABILITIES: ClientCapabilities = {
  ...EDITOR_CAPABILITIES,
  workspace: { ...EDITOR_CAPABILITIES.workspace, codeLens: { refreshSupport: true } },
  window: { ...EDITOR_CAPABILITIES.window, workDoneProgress: true },
  textDocument: { ...EDITOR_CAPABILITIES.textDocument, definition: { linkSupport: true }, documentLink: {}, references: {}, codeLens: {} },
};

interface Progress {
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; cancellable?: boolean; message?: string; percentage?: number };
}

/** Polls `ask` until `ok` holds: the index is built in the background, so answers settle after a while. */
async function eventually<T>(ask: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T = await ask();
  while (!ok(last)) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}; last answer: ${JSON.stringify(last)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await ask();
  }
  return last;
}

function textAt(path: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = readFileSync(path, 'utf8').split('\n');
  return lines[range.start.line].slice(range.start.character, range.start.line === range.end.line ? range.end.character : undefined);
}

function positionOf(text: string, needle: string, nth = 0, delta = 1) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, i + delta);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('cross-cable features over the protocol', () => {
  let client: TestClient;
  let init: InitializeResult;
  let workspace: string;
  const progress: Progress[] = [];
  const uriOf = (rel: string) => pathToFileURL(join(workspace, rel)).href;
  const pathOf = (rel: string) => join(workspace, rel);
  const logs: string[] = [];

  const opened = new Set<string>();
  const open = async (rel: string) => {
    opened.add(uriOf(rel));
    const text = readFileSync(pathOf(rel), 'utf8');
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(rel), languageId: 'cable', version: 1, text } });
    return text;
  };
  const symbols = (query: string) => client.conn.sendRequest<SymbolInformation[]>('workspace/symbol', { query });
  const references = (rel: string, position: { line: number; character: number }, includeDeclaration = false) =>
    client.conn.sendRequest<Location[] | null>('textDocument/references', { textDocument: { uri: uriOf(rel) }, position, context: { includeDeclaration } });
  const watched = (changes: { rel: string; type: 1 | 2 | 3 }[]) =>
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map((c) => ({ uri: uriOf(c.rel), type: c.type })) });

  beforeAll(async () => {
    buildServer();
    workspace = mkdtempSync(join(tmpdir(), 'cable-xref-'));
    cpSync(XREF, workspace, { recursive: true });
    client = TestClient.stdio();
    client.conn.onNotification('$/progress', (p: Progress) => {
      progress.push(p);
    });
    client.conn.onNotification('window/logMessage', (p: { message: string }) => {
      logs.push(p.message);
    });
    client.conn.onRequest('workspace/codeLens/refresh', () => null);
    init = await client.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'xref' }],
      capabilities: CAPABILITIES,
    });
    await client.conn.sendNotification('initialized', {});
  }, 240_000);

  afterAll(async () => {
    if (client) await client.stop().catch(() => client.proc.kill());
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('offers links, definitions, references, code lenses and workspace symbols', () => {
    const c = init.capabilities;
    expect(c.documentLinkProvider).toEqual({ resolveProvider: false });
    expect(c.definitionProvider).toBe(true);
    expect(c.referencesProvider).toBe(true);
    expect(c.codeLensProvider).toEqual({ resolveProvider: false });
    expect(c.workspaceSymbolProvider).toBe(true);
  });

  it('watches cable files and indexes the folder in the background with cancellable progress', async () => {
    await client.waitFor(
      (r) => r.method === 'client/registerCapability' && JSON.stringify(r.params).includes('**/*.{txt,cable}'),
      0,
      15_000,
      'the cable-file watcher registration',
    );
    const found = await eventually(() => symbols('09STATE127892'), (s) => s.length > 0, 'the index');
    expect(found[0].location.uri).toBe(uriOf('washington/09STATE127892.txt'));
    await eventually(async () => progress.some((p) => p.value.kind === 'end'), (x) => x, 'the end of the indexing progress');
    const begin = progress.find((p) => p.value.kind === 'begin')!;
    expect(begin.value).toMatchObject({ title: 'Indexing cables', cancellable: true });
    expect(progress.filter((p) => p.token === begin.token).map((p) => p.value.kind).pop()).toBe('end');
  });

  it('follows a REF item to the cited cable: document link and definition', async () => {
    const text = await open('09PARIS1162.txt');
    const links = await client.conn.sendRequest<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: uriOf('09PARIS1162.txt') } });
    expect(links).toHaveLength(1);
    expect(textAt(pathOf('09PARIS1162.txt'), links[0].range)).toBe('PARIS 1097');
    expect(links[0].target).toBe(`${uriOf('09PARIS1097.txt')}#L5,1`);

    const defs = await client.conn.sendRequest<LocationLink[]>('textDocument/definition', {
      textDocument: { uri: uriOf('09PARIS1162.txt') },
      position: positionOf(text, 'PARIS 1097'),
    });
    expect(defs).toHaveLength(1);
    expect(defs[0].targetUri).toBe(uriOf('09PARIS1097.txt'));
    expect(textAt(pathOf('09PARIS1097.txt'), defs[0].targetSelectionRange)).toBe('09PARIS1097');
  });

  it('follows a REFTEL mention in the text to its lettered REF item\'s cable', async () => {
    const text = await open('09BERLIN1176.txt');
    const defs = await client.conn.sendRequest<LocationLink[]>('textDocument/definition', {
      textDocument: { uri: uriOf('09BERLIN1176.txt') },
      position: positionOf(text, 'REFTEL E', 1, 3),
    });
    expect(defs.map((d) => d.targetUri)).toEqual([uriOf('09BERLIN1162.txt')]);
    const unresolved = await client.conn.sendRequest('textDocument/definition', {
      textDocument: { uri: uriOf('09BERLIN1176.txt') },
      position: positionOf(text, 'BERLIN 32'),
    });
    expect(unresolved).toBeNull();
  });

  it('lists the cables that cite a cable from its identifier, and shows them in a code lens', async () => {
    const rel = 'washington/09STATE127892.txt';
    const text = await open(rel);
    const citing = ['09TALLINN373.txt', '09USNATO588.txt', '09WARSAW1228.txt', 'washington/10STATE7810.txt'].map(uriOf);
    const refs = (await references(rel, positionOf(text, '09STATE127892')))!;
    expect(refs.map((r) => r.uri)).toEqual(citing);
    expect(refs.map((r) => textAt(fileOf(r.uri), r.range))).toEqual(['STATE 127892', 'STATE 127892', 'STATE 127892', '09 STATE 127892']);
    const fromBanner = (await references(rel, positionOf(text, 'S E C R E T')))!;
    expect(fromBanner.map((r) => r.uri)).toEqual(citing);

    const lenses = await client.conn.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(rel) } });
    expect(lenses.map((l) => l.command?.title)).toEqual(['cited by 4 cables']);
    expect(textAt(pathOf(rel), lenses[0].range)).toMatch(/^S E C R E T STATE 127892/);
  });

  const fileOf = (uri: string) => new URL(uri).pathname;

  it('searches workspace symbols by identifier, TAGS, date and subject words', async () => {
    expect((await symbols('09PARIS1097')).map((s) => s.location.uri)).toEqual([uriOf('09PARIS1097.txt')]);
    const tagged = await symbols('#PGOV FR');
    expect(tagged.map((s) => s.location.uri)).toContain(uriOf('09PARIS1162.txt'));
    for (const s of tagged) expect(s.name).toMatch(/PGOV.*\bFR\b|\bFR\b.*PGOV/);
    const dated = await symbols('2009-08');
    expect(dated.length).toBeGreaterThan(0);
    for (const s of dated) expect(s.name).toContain('2009-08');
    expect((await symbols('syria prisoner')).map((s) => s.location.uri)).toEqual([uriOf('09PARIS1162.txt')]);
  });

  it('keeps the index current through files created, changed and deleted on disk', async () => {
    const cited = '09PARIS1046.txt';
    const citedText = await open(cited);
    const at = positionOf(citedText, '09PARIS1046');
    const citingOf = async () => ((await references(cited, at)) ?? []).map((r) => r.uri);
    expect(await citingOf()).toEqual([uriOf('09PARIS1097.txt')]);

    // Created: a new folder holding a cable that cites 09PARIS1046.
    mkdirSync(pathOf('new'), { recursive: true });
    writeFileSync(pathOf('new/copy.txt'), readFileSync(pathOf('09PARIS1162.txt'), 'utf8').replace('B. PARIS 1097', 'B. PARIS 1046'));
    await watched([{ rel: 'new/copy.txt', type: 1 }]);
    await eventually(citingOf, (u) => u.includes(uriOf('new/copy.txt')), 'the created file to be indexed');

    // Changed: 09PARIS1097 no longer cites it.
    writeFileSync(pathOf('09PARIS1097.txt'), readFileSync(pathOf('09PARIS1097.txt'), 'utf8').replace('REF: PARIS 1046', 'REF: PARIS 1045'));
    await watched([{ rel: '09PARIS1097.txt', type: 2 }]);
    expect(await eventually(citingOf, (u) => !u.includes(uriOf('09PARIS1097.txt')), 'the changed file to be re-indexed')).toEqual([uriOf('new/copy.txt')]);

    // Deleted: a folder, reported as one event.
    rmSync(pathOf('new'), { recursive: true });
    await watched([{ rel: 'new', type: 3 }]);
    expect(await eventually(citingOf, (u) => u.length === 0, 'the deleted folder to leave the index')).toEqual([]);

    // Deleted: a cited cable that is not open disappears from symbols; the server keeps answering.
    rmSync(pathOf('09PARIS1097.txt'));
    await watched([{ rel: '09PARIS1097.txt', type: 3 }]);
    await eventually(() => symbols('09PARIS1097'), (s) => s.length === 0, '09PARIS1097 to leave the index');
    expect((await symbols('09BERLIN1162')).length).toBe(1);
  }, 60_000);

  it('reports problems for cables on disk when cable.validate.workspace is on, and clears them when off', async () => {
    const closed = uriOf('00HARARE6677.txt');
    let mark = client.mark();
    client.settings = { validate: { workspace: true } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { cable: client.settings } });
    const published = await client.diagnostics(closed, mark);
    expect(Array.isArray(published.diagnostics)).toBe(true);
    const anyWithFindings = await client.waitFor(
      (r) => r.method === 'textDocument/publishDiagnostics' && (r.params as PublishDiagnosticsParams).diagnostics.length > 0 && !opened.has((r.params as PublishDiagnosticsParams).uri),
      mark,
      20_000,
      'diagnostics with findings for a file that is not open',
    );
    const withFindings = (anyWithFindings.params as PublishDiagnosticsParams).uri;
    expect(withFindings.startsWith(pathToFileURL(workspace).href)).toBe(true);

    mark = client.mark();
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { cable: {} } });
    const cleared = await client.diagnostics(withFindings, mark, (p) => p.diagnostics.length === 0);
    expect(cleared.diagnostics).toEqual([]);
  }, 60_000);

  it('stops indexing when the progress is cancelled', async () => {
    const big = mkdtempSync(join(tmpdir(), 'cable-xref-big-'));
    try {
      cpSync(CABLES, big, { recursive: true });
      const before = progress.length;
      await client.conn.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [{ uri: pathToFileURL(big).href, name: 'big' }], removed: [] },
      });
      const begin = await eventually(async () => progress.slice(before).find((p) => p.value.kind === 'begin'), (p) => !!p, 'a new indexing progress');
      await client.conn.sendNotification('window/workDoneProgress/cancel', { token: begin!.token });
      await eventually(async () => logs.some((l) => /^Cable index: .* cancelled\.$/.test(l)), (x) => x, 'the build to report its cancellation');
      expect(progress.filter((p) => p.token === begin!.token).pop()!.value.kind).toBe('end');
      // What was indexed before the cancellation stays usable.
      expect((await symbols('09STATE127892')).length).toBeGreaterThan(0);
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  }, 60_000);
});
