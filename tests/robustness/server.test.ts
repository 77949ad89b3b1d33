/**
 * The language server (dist/server.js, spawned, over stdio) under abuse: thousands of random incremental edits
 * checked against a fresh full parse, a thousand documents opened and closed (memory returns to its baseline,
 * measured after a forced garbage collection through the inspector), bad requests of every kind, and a huge
 * document (a hover sent during its analysis is answered; memory stays bounded).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol, FoldingRange, Hover, Position, PublishDiagnosticsParams, Range, SelectionRange, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { buildServer } from '../protocol/lspClient';
import { prng } from '../../scripts/lib/prng.mjs';
import { MB, TEXT_INPUTS } from './generators/adversarial';
import { HOSTILE_CHARS, mutate, SEED, STRUCTURE_SNIPPETS } from './generators/mutations';
import { docOf, fullService, LineMap } from './support/checks';
import { AbuseClient, collectAndMeasure, inspectorUrl } from './support/lsp';
import { STACK_TRACE } from './support/processes';
import { FUZZ, SEED as FUZZ_SEED } from './support/scale';

let workspace: string;
let rootUri: string;
const uriOf = (name: string) => pathToFileURL(join(workspace, name)).href;

beforeAll(() => {
  buildServer();
  workspace = mkdtempSync(join(tmpdir(), 'cable-robust-lsp-'));
  rootUri = pathToFileURL(workspace).href;
}, 240_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

/** Error-level messages the server logged or showed (a handler that threw, a failed run). */
function errorsLogged(client: AbuseClient, since = 0): string[] {
  return client.notes
    .slice(since)
    .filter((n) => (n.method === 'window/logMessage' || n.method === 'window/showMessage') && (n.params as { type: number }).type === 1)
    .map((n) => (n.params as { message: string }).message);
}

/** A server started and initialised on the test workspace, as an editor does. */
async function startInitialised(): Promise<AbuseClient> {
  const client = AbuseClient.start();
  await client.initialize(rootUri);
  return client;
}

/** A server started with its inspector open (to force collections and read its heap), initialised. */
async function startInspected(): Promise<{ client: AbuseClient; inspector: string }> {
  const client = AbuseClient.start(['--inspect=127.0.0.1:0']);
  const inspector = await inspectorUrl(client);
  await client.initialize(rootUri);
  return { client, inspector };
}

// ------------------------------------------------------------------------------------------ random edits

/** Offset of an LSP position in `map` (positions are always valid here). */
const offsetOf = (map: LineMap, p: Position) => map.starts[p.line] + p.character;

function positionOf(map: LineMap, offset: number): Position {
  let lo = 0;
  let hi = map.lineCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: Math.min(offset - map.starts[lo], map.lengths[lo]) };
}

const SEED_LINES = SEED.split('\n');

/** One random change to `text`: an LSP content change and the text it makes (applied here, independently). */
function randomChange(text: string, rand: () => number): { change: TextDocumentContentChangeEvent; text: string; at: Position } {
  const map = new LineMap(text);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const randomPosition = (): Position => {
    const line = Math.floor(rand() * map.lineCount);
    return { line, character: Math.floor(rand() * (map.lengths[line] + 1)) };
  };
  const r = rand();
  if (r < 0.003) {
    // Whole-document replacement (a change without a range).
    const next = mutate(SEED, { op: 'lineEnds', style: 'mixed', seed: Math.floor(rand() * 1e9) });
    return { change: { text: next }, text: next, at: { line: 0, character: 0 } };
  }
  const a = randomPosition();
  let b = a;
  const kind = text.length > 40_000 ? 'delete' : text.length < 1_500 ? 'insert' : r < 0.45 ? 'insert' : r < 0.75 ? 'delete' : 'replace';
  if (kind !== 'insert') {
    const span = rand() < 0.9 ? Math.floor(rand() * 40) : Math.floor(rand() * 3000);
    b = positionOf(map, Math.min(text.length, offsetOf(map, a) + span));
  }
  const insert =
    kind === 'delete'
      ? ''
      : pick([
          () => pick(HOSTILE_CHARS),
          () => pick(STRUCTURE_SNIPPETS),
          () => `${pick(SEED_LINES)}\n`,
          () => SEED_LINES.slice(Math.floor(rand() * 100), Math.floor(rand() * 100) + 8).join(rand() < 0.5 ? '\n' : '\r\n'),
          () => String.fromCharCode(...Array.from({ length: 1 + Math.floor(rand() * 6) }, () => Math.floor(rand() * 0xffff))),
          () => pick(['1. (C) ', '(S//NF)', 'SIPIDS', 'E.O. 12958: DECL: 1/1/2019', ' ', '\n\n', 'XXXXXXXXX', 'END SUMMARY.', 'TAGS: PGOV']),
        ])();
  const s = offsetOf(map, a);
  const e = offsetOf(map, b);
  const range: Range = { start: a, end: b };
  const next = text.slice(0, s) + insert + text.slice(e);
  return { change: { range, text: insert }, text: next, at: positionOf(new LineMap(next), s + insert.length) };
}

/** What the server's answers and a fresh full parse of the same text must agree on. */
function localSelection(text: string, version: number, positions: Position[]): SelectionRange[] {
  // A new URI per version: the service parses the whole text, no cached or incremental state.
  return fullService().getSelectionRanges(docOf(text, `file:///fresh/${version}.txt`, 1), positions);
}

/** Edits whose selection ranges are compared whole with a fresh full parse (the others: the text's extent). */
const FULL_EVERY = FUZZ ? 1 : 5;

describe('10 000 random incremental edits', () => {
  let client: AbuseClient;
  beforeAll(async () => void (client = await startInitialised()), 60_000);
  afterAll(() => client?.stop());

  it('after every edit the server reads the text a full parse reads; diagnostics and outline agree after every batch', { timeout: 600_000 }, async () => {
    const uri = uriOf('edited.txt');
    const rand = prng(FUZZ_SEED);
    const total = FUZZ ? 50_000 : 10_000;
    const batch = 500;
    let text = SEED;
    let version = 1;
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version, text } });
    let checked = 0;
    let serverWait = 0;
    let localTime = 0;
    const started = Date.now();
    for (let done = 0; done < total; done += batch) {
      const pending: { version: number; text: string; positions: Position[]; answer: Promise<SelectionRange[]> }[] = [];
      for (let k = 0; k < batch; k++) {
        // One to three changes per notification, each relative to the text the previous one made.
        const changes: TextDocumentContentChangeEvent[] = [];
        let at: Position = { line: 0, character: 0 };
        for (let c = rand() < 0.8 ? 1 : 2 + Math.floor(rand() * 2); c > 0; c--) {
          const step = randomChange(text, rand);
          changes.push(step.change);
          text = step.text;
          at = step.at;
        }
        version++;
        void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
        // The innermost selection range at the edit spans the word there; the outermost spans the whole text
        // (its end is the last line and its length): both differ if the server applied the change differently.
        const positions = [at, { line: 0, character: 0 }];
        pending.push({ version, text, positions, answer: client.conn.sendRequest<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions }) });
      }
      const t0 = Date.now();
      await Promise.all(pending.map((p) => p.answer));
      serverWait += Date.now() - t0;
      const t1 = Date.now();
      for (const [k, p] of pending.entries()) {
        const got = await p.answer;
        const what = `selection ranges after the edit that made version ${p.version}`;
        // Every edit: the outermost range is the whole text as the server holds it (its lines, the last one's length).
        const map = new LineMap(p.text);
        let outer = got[1];
        while (outer?.parent) outer = outer.parent;
        expect(outer?.range, what).toEqual({ start: { line: 0, character: 0 }, end: { line: map.lineCount - 1, character: map.lengths[map.lineCount - 1] } });
        // Every FULL_EVERY-th edit (every edit under fuzz): the whole answer equals a fresh full parse's.
        if (k % FULL_EVERY === 0) {
          expect(got, what).toEqual(localSelection(p.text, p.version, p.positions));
          checked++;
        }
      }
      localTime += Date.now() - t1;
      const published = await client.diagnostics(uri, version);
      const local = fullService().computeDiagnostics(docOf(text, uri, version));
      expect(published.diagnostics, `diagnostics of version ${version}`).toEqual(local);
      const symbols = await client.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      expect(symbols).toEqual(fullService().getDocumentSymbols(docOf(text, `file:///fresh/s${version}.txt`)));
      const folding = await client.conn.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
      expect(folding).toEqual(fullService().getFoldingRanges(docOf(text, `file:///fresh/f${version}.txt`), { collapsedText: true, rangeLimit: 5000 }));
    }
    // The final text, hovered all over.
    const map = new LineMap(text);
    const local = fullService();
    for (let l = 0; l < map.lineCount; l += Math.max(1, Math.floor(map.lineCount / 60))) {
      for (const character of [0, map.lengths[l] >> 1, map.lengths[l]]) {
        const h = await client.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: l, character } });
        expect(h, `hover at ${l}:${character}`).toEqual(local.getHover(docOf(text, 'file:///fresh/final.txt'), { line: l, character }));
      }
    }
    console.log(`[lsp] waiting for the server ${serverWait} ms, local checks ${localTime} ms`);
    console.log(`[lsp] ${total} edits (${checked} compared whole with a fresh parse) in ${((Date.now() - started) / 1000).toFixed(1)} s; final text ${text.length} characters, ${map.lineCount} lines`);
    expect(client.alive()).toBe(true);
    expect(client.stderr.join('')).not.toMatch(STACK_TRACE);
    expect(errorsLogged(client)).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------ many documents

describe('1 000 documents opened and closed', () => {
  let client: AbuseClient;
  let inspector: string;
  beforeAll(async () => ({ client, inspector } = await startInspected()), 60_000);
  afterAll(() => client?.stop());

  /** A different cable each time (so nothing is shared between documents by accident). */
  const cable = (k: number) => SEED.replace('ASTANA 000308', `ASTANA ${String(k).padStart(6, '0')}`).replace('3. (SBU)', k % 2 ? '3. (C)' : '3. (SBU)') + `\nNOTE ${k}\n`;

  /** Opens documents k0..k1-1, uses every feature on each, waits for their diagnostics. */
  async function openAndUse(k0: number, k1: number): Promise<string[]> {
    const uris: string[] = [];
    for (let k = k0; k < k1; k++) {
      const uri = uriOf(`many/${k}.txt`);
      uris.push(uri);
      await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: cable(k) } });
      const td = { textDocument: { uri } };
      await Promise.all([
        client.conn.sendRequest('textDocument/documentSymbol', td),
        client.conn.sendRequest('textDocument/foldingRange', td),
        client.conn.sendRequest('textDocument/hover', { ...td, position: { line: 18, character: 5 } }),
        client.conn.sendRequest('textDocument/codeAction', { ...td, range: { start: { line: 90, character: 0 }, end: { line: 90, character: 9 } }, context: { diagnostics: [] } }),
        client.conn.sendRequest('cable/summary', td),
        client.diagnostics(uri, 1),
      ]);
    }
    return uris;
  }

  async function closeAll(uris: string[]): Promise<void> {
    for (const uri of uris) await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    // Closing publishes an empty list: wait for the last one, so every close has been handled.
    await client.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === uris[uris.length - 1] && (n.params as PublishDiagnosticsParams).diagnostics.length === 0 && (n.params as PublishDiagnosticsParams).version === undefined, 60_000, 'the last close');
  }

  it('memory returns to its baseline (after a forced garbage collection), and grows while they are open', { timeout: 600_000 }, async () => {
    const n = FUZZ ? 3000 : 1000;
    // Warm-up: code compiled and caches sized (what grows after it is compiled code, not documents: heap snapshots).
    await closeAll(await openAndUse(0, 200));
    const base = await collectAndMeasure(inspector);
    const uris = await openAndUse(200, 200 + n);
    const open = await collectAndMeasure(inspector);
    await closeAll(uris);
    const after = await collectAndMeasure(inspector);
    console.log(
      `[lsp] ${n} documents: heap ${base.heapMB.toFixed(1)} MB -> ${open.heapMB.toFixed(1)} MB open -> ${after.heapMB.toFixed(1)} MB closed; ` +
        `RSS ${base.rssMB.toFixed(0)} -> ${open.rssMB.toFixed(0)} -> ${after.rssMB.toFixed(0)} MB`,
    );
    // The measurement sees documents: a thousand open cables take memory...
    expect(open.heapMB - base.heapMB).toBeGreaterThan(5);
    // ...and closing them gives it back (a leak of even 10 KB per document would show as 10 MB).
    expect(after.heapMB - base.heapMB).toBeLessThan(8);
    expect(after.rssMB - base.rssMB).toBeLessThan(30);
    expect(client.alive()).toBe(true);
    expect(errorsLogged(client)).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------ bad requests

describe('bad requests and bad settings', () => {
  let client: AbuseClient;
  beforeAll(async () => void (client = await startInitialised()), 60_000);
  afterAll(() => client?.stop());

  const request = <T>(method: string, params: unknown) => client.conn.sendRequest<T>(method, params);

  it('unknown documents and positions outside the document get empty answers', { timeout: 60_000 }, async () => {
    const uri = uriOf('known.txt');
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: SEED } });
    const unknown = { textDocument: { uri: uriOf('never-opened.txt') } };
    expect(await request('textDocument/hover', { ...unknown, position: { line: 0, character: 0 } })).toBeNull();
    expect(await request('textDocument/documentSymbol', unknown)).toEqual([]);
    expect(await request('textDocument/foldingRange', unknown)).toEqual([]);
    expect(await request('textDocument/documentHighlight', { ...unknown, position: { line: 0, character: 0 } })).toEqual([]);
    expect(await request('textDocument/selectionRange', { ...unknown, positions: [{ line: 0, character: 0 }] })).toEqual([]);
    expect(await request('textDocument/codeAction', { ...unknown, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })).toEqual([]);
    expect(await request('cable/summary', unknown)).toBeNull();
    expect(await request('cable/summary', { textDocument: { uri: 'not a uri at all' } })).toBeNull();
    expect(await request('cable/summary', null)).toBeNull();
    const known = { textDocument: { uri } };
    for (const position of [
      { line: 1e6, character: 0 },
      { line: 0, character: 1e6 },
      { line: -1, character: 0 },
      { line: 0, character: -5 },
      { line: 2.5, character: 1 },
      { line: Number.MAX_SAFE_INTEGER, character: Number.MAX_SAFE_INTEGER },
    ]) {
      expect(await request('textDocument/hover', { ...known, position }), JSON.stringify(position)).toBeNull();
      expect(await request('textDocument/documentHighlight', { ...known, position })).toEqual([]);
      expect(await request('textDocument/selectionRange', { ...known, positions: [{ line: 0, character: 0 }, position] })).toEqual([]);
    }
    // A range past the end still gets the actions for what lies inside the document.
    expect(Array.isArray(await request('textDocument/codeAction', { ...known, range: { start: { line: 0, character: 0 }, end: { line: 1e6, character: 1e6 } }, context: { diagnostics: [] } }))).toBe(true);
    expect(client.alive()).toBe(true);
  });

  it('malformed params, unknown methods and notifications about unknown documents: an error or an empty answer, never a crash', { timeout: 60_000 }, async () => {
    const uri = uriOf('known.txt');
    const answers: unknown[] = [];
    for (const [method, params] of [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: null, position: null }],
      ['textDocument/documentSymbol', { textDocument: { uri: 42 } }],
      ['textDocument/selectionRange', { textDocument: { uri }, positions: 'everywhere' }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: { diagnostics: [{ code: 'caveat-misspelled', source: 'cable', range: null, data: { fix: { title: 'x', edits: [{ span: { start: -5, end: 1e12 }, newText: 7 }] } } }] } }],
      ['workspace/executeCommand', { command: 'cable.disableRuleForFile', arguments: ['file:///etc/passwd', 42] }],
      ['workspace/executeCommand', { command: 'cable.revealRange', arguments: [null, 'x'] }],
      ['workspace/executeCommand', { command: 'no.such.command', arguments: [] }],
      ['cable/noSuchRequest', {}],
    ] as const) {
      answers.push(await request(method, params).then((r) => ({ result: r ?? null }), (e: { code?: number }) => ({ error: e.code })));
    }
    for (const a of answers) expect(a).toSatisfy((x: { result?: unknown; error?: number }) => 'result' in x || typeof x.error === 'number');
    // Notifications the server cannot apply: ignored.
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf('never-opened.txt'), version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf('never-opened.txt') } });
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: SEED } });
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 7 }, contentChanges: [{ range: { start: { line: 5000, character: 0 }, end: { line: 6000, character: 3 } }, text: 'tail' }] });
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: null });
    await client.conn.sendNotification('$/noSuchNotification', { x: 1 });
    // Still serving, with the document as the edits left it (the out-of-range change lands at the end).
    const d = await client.diagnostics(uri, 7);
    expect(Array.isArray(d.diagnostics)).toBe(true);
    expect(await request('textDocument/hover', { textDocument: { uri }, position: { line: 18, character: 5 } })).not.toBeNull();
    expect(client.alive()).toBe(true);
    expect(client.stderr.join('')).not.toMatch(STACK_TRACE);
  });

  it('every request the server announces, for an unknown document, outside the document, or with junk params', { timeout: 60_000 }, async () => {
    const uri = uriOf('known.txt');
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: SEED } });
    /** Request per announced capability, with the params of a position inside a document. */
    const BY_CAPABILITY: Record<string, [string, (td: { uri: unknown }, position: unknown) => unknown]> = {
      hoverProvider: ['textDocument/hover', (textDocument, position) => ({ textDocument, position })],
      definitionProvider: ['textDocument/definition', (textDocument, position) => ({ textDocument, position })],
      referencesProvider: ['textDocument/references', (textDocument, position) => ({ textDocument, position, context: { includeDeclaration: true } })],
      documentHighlightProvider: ['textDocument/documentHighlight', (textDocument, position) => ({ textDocument, position })],
      selectionRangeProvider: ['textDocument/selectionRange', (textDocument, position) => ({ textDocument, positions: [position] })],
      documentSymbolProvider: ['textDocument/documentSymbol', (textDocument) => ({ textDocument })],
      foldingRangeProvider: ['textDocument/foldingRange', (textDocument) => ({ textDocument })],
      documentLinkProvider: ['textDocument/documentLink', (textDocument) => ({ textDocument })],
      codeLensProvider: ['textDocument/codeLens', (textDocument) => ({ textDocument })],
      codeActionProvider: ['textDocument/codeAction', (textDocument, position) => ({ textDocument, range: { start: position, end: position }, context: { diagnostics: [] } })],
      workspaceSymbolProvider: ['workspace/symbol', (_td, position) => ({ query: typeof position === 'object' ? '((((((((((' : position })],
    };
    const announced = Object.keys(client.capabilities).filter((k) => k in BY_CAPABILITY);
    expect(announced.length).toBeGreaterThanOrEqual(7);
    const outcomes: string[] = [];
    for (const cap of announced) {
      const [method, params] = BY_CAPABILITY[cap];
      for (const [td, position] of [
        [{ uri: uriOf('never-opened.txt') }, { line: 0, character: 0 }],
        [{ uri }, { line: 1e9, character: 1e9 }],
        [{ uri }, { line: -1, character: -1 }],
        [{ uri: 42 }, null],
        [{ uri: 'file:///../../etc/passwd' }, { line: 0, character: 'x' }],
      ] as const) {
        const r = await client.conn.sendRequest(method, params(td, position)).then(
          (x) => (x === null || Array.isArray(x) ? 'empty-or-list' : 'value'),
          (e: { code?: number }) => `error ${e.code}`,
        );
        outcomes.push(`${method}: ${r}`);
      }
    }
    // Answers or protocol errors, never silence: every request above came back.
    expect(outcomes).toHaveLength(announced.length * 5);
    expect(await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 18, character: 5 } })).not.toBeNull();
    expect(client.alive()).toBe(true);
    expect(client.stderr.join('')).not.toMatch(STACK_TRACE);
  });

  it('a cancelled request gets a cancellation error or its answer, and the server goes on', { timeout: 120_000 }, async () => {
    const uri = uriOf('big-to-cancel.txt');
    const text = TEXT_INPUTS.find((i) => i.name === 'paragraph-numbers')!.make(1 * MB);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text } });
    const outcomes: string[] = [];
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeAction', 'cable/summary', 'textDocument/hover']) {
      const { CancellationTokenSource } = await import('vscode-languageserver-protocol');
      const cts = new CancellationTokenSource();
      const params = method === 'textDocument/codeAction'
        ? { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 50_000, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.cable'] } }
        : method === 'textDocument/hover' ? { textDocument: { uri }, position: { line: 20, character: 1 } } : { textDocument: { uri } };
      const p = client.conn.sendRequest(method, params, cts.token);
      cts.cancel(); // sends $/cancelRequest
      outcomes.push(await p.then(() => 'answered', (e: { code?: number }) => (e.code === -32800 ? 'cancelled' : `error ${e.code}`)));
    }
    expect(outcomes.every((o) => o === 'answered' || o === 'cancelled'), outcomes.join(', ')).toBe(true);
    console.log(`[lsp] cancelled requests: ${outcomes.join(', ')}`);
    expect(await request('textDocument/hover', { textDocument: { uri: uriOf('known.txt') }, position: { line: 18, character: 5 } })).not.toBeNull();
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect(client.alive()).toBe(true);
  });

  it('settings of the wrong type: a warning, defaults, and diagnostics still published', { timeout: 60_000 }, async () => {
    const cases: { settings: unknown; warns: RegExp }[] = [
      { settings: { rules: 'everything off' }, warns: /cable\.rules/ },
      { settings: { rules: { 'portion-exceeds-banner': 42, 'no-such-rule': 'error', default: ['x'] } }, warns: /no-such-rule|portion-exceeds-banner|default/ },
      { settings: { maxItemsComputed: 'many' }, warns: /maxItemsComputed/ },
      { settings: { maxItemsComputed: -3 }, warns: /maxItemsComputed/ },
      { settings: 42, warns: /settings|cable/ },
      { settings: [1, 2, 3], warns: /settings|cable/ },
    ];
    const uri = uriOf('settings.txt');
    let version = 1;
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version, text: SEED.replace('3. (SBU) During', '3. (S) During') } });
    for (const c of cases) {
      const since = client.notes.length;
      client.settings = c.settings;
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      version++;
      await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }] });
      const d = await client.diagnostics(uri, version);
      // The rule still runs at its default level: wrong settings are ignored, not obeyed halfway.
      expect(d.diagnostics.map((x) => x.code), JSON.stringify(c.settings)).toContain('portion-exceeds-banner');
      const warned = client.notes.slice(since).filter((n) => n.method === 'window/showMessage' || n.method === 'window/logMessage').map((n) => n.params as { type: number; message: string });
      expect(
        warned.some((w) => w.type === 2 && c.warns.test(w.message)),
        `a warning for ${JSON.stringify(c.settings)}; got ${JSON.stringify(warned)}`,
      ).toBe(true);
    }
    client.settings = {};
    expect(client.alive()).toBe(true);
    expect(client.stderr.join('')).not.toMatch(STACK_TRACE);
  });

  it('a .cablelintrc.json of the wrong shape or not JSON: problems shown on that file, the cable still linted', { timeout: 60_000 }, async () => {
    const since = client.notes.length;
    for (const [folder, config] of [
      ['bad-shape', JSON.stringify({ rules: { 'portion-exceeds-banner': 42, 'no-such-rule': 'off' }, overrides: 'all', extra: true })],
      ['not-json', '{ "rules": { "portion-exceeds-banner": "off", } '],
      ['binary', '\u0000\u0001PK\u0003\u0004'],
    ]) {
      mkdirSync(join(workspace, folder), { recursive: true });
      writeFileSync(join(workspace, folder, '.cablelintrc.json'), config);
      const uri = uriOf(`${folder}/cable.txt`);
      const configUri = uriOf(`${folder}/.cablelintrc.json`);
      await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: SEED.replace('3. (SBU) During', '3. (S) During') } });
      const d = await client.diagnostics(uri, 1);
      // The broken file turns nothing off: the rule runs at its default level.
      expect(d.diagnostics.map((x) => x.code), folder).toContain('portion-exceeds-banner');
      const shown = await client.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === configUri, 30_000, `problems on ${folder}/.cablelintrc.json`, 0);
      expect((shown.params as PublishDiagnosticsParams).diagnostics.length, folder).toBeGreaterThan(0);
    }
    expect(client.alive()).toBe(true);
    expect(errorsLogged(client, since)).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------ a huge document

describe('a huge document', () => {
  let client: AbuseClient;
  let inspector: string;
  beforeAll(async () => ({ client, inspector } = await startInspected()), 60_000);
  afterAll(() => client?.stop());

  const HUGE = FUZZ
    ? [
        { name: 'paragraph-numbers', size: 100_000 * 21 },
        { name: 'one-line', size: 10 * MB },
        { name: 'concatenated-cables', size: 4 * MB },
      ]
    : [
        { name: 'paragraph-numbers', size: 2 * MB },
        { name: 'one-line', size: 10 * MB },
      ];

  it.each(HUGE)('$name: a hover sent while it is analysed is answered; memory stays bounded and is given back', { timeout: 600_000 }, async ({ name, size }) => {
    const small = uriOf(`small-${name}.txt`);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'cable', version: 1, text: SEED } });
    await client.diagnostics(small, 1);
    const base = await collectAndMeasure(inspector);
    const text = TEXT_INPUTS.find((i) => i.name === name)!.make(size);
    const mb = text.length / MB;
    const bound = 30_000 + 20_000 * mb;
    const big = uriOf(`huge-${name}.txt`);
    const started = Date.now();
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, client.rssMB() ?? 0)), 20);
    try {
      await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'cable', version: 1, text } });
      // Sent right behind the open: the server is (or is about to be) busy linting the big document.
      const hover = await Promise.race([
        client.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: { line: 18, character: 5 } }),
        new Promise<'late'>((r) => setTimeout(() => r('late'), bound)),
      ]);
      const hoverMs = Date.now() - started;
      expect(hover, `no hover answer within ${bound / 1000} s`).not.toBe('late');
      expect(JSON.stringify(hover)).toContain('RUEHTA');
      const symbols = await client.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: big } });
      expect(Array.isArray(symbols)).toBe(true);
      const d = await client.diagnostics(big, 1, bound);
      const doneMs = Date.now() - started;
      const open = await collectAndMeasure(inspector);
      await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: big } });
      await client.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === big && (n.params as PublishDiagnosticsParams).version === undefined, 60_000, 'the close of the big document');
      const after = await collectAndMeasure(inspector);
      console.log(
        `[lsp] ${name} ${mb.toFixed(1)} MB: hover answered after ${hoverMs} ms, ${d.diagnostics.length} diagnostics after ${doneMs} ms; ` +
          `peak RSS ${peak.toFixed(0)} MB; heap ${base.heapMB.toFixed(0)} -> ${open.heapMB.toFixed(0)} (open) -> ${after.heapMB.toFixed(0)} MB (closed)`,
      );
      // Bounded: a generous multiple of the text (a JavaScript string of it alone is 1-2 bytes per character).
      expect(peak).toBeLessThan(400 + 250 * mb);
      expect(after.heapMB - base.heapMB).toBeLessThan(20);
    } finally {
      clearInterval(watch);
    }
    expect(client.alive()).toBe(true);
    expect(errorsLogged(client)).toEqual([]);
  });
});
