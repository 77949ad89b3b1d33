/**
 * The built language server (dist/server.js) driven over its stdio exactly as an editor drives it.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CodeAction,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  PublishDiagnosticsParams,
  SelectionRange,
  DocumentHighlight,
} from 'vscode-languageserver-protocol/node';
import { buildServer, EDITOR_CAPABILITIES, ROOT, TestClient } from './lspClient';

const SEED_PATH = join(ROOT, 'seeds/000_0ac2a656c61260b0.txt');
const SEED = readFileSync(SEED_PATH, 'utf8');

const value = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

describe('cable-language-server over stdio', () => {
  let client: TestClient;
  let init: InitializeResult;
  let workspace: string;
  let uri: string;

  beforeAll(async () => {
    buildServer();
    workspace = mkdtempSync(join(tmpdir(), 'cable-lsp-'));
    copyFileSync(SEED_PATH, join(workspace, '09ASTANA308.txt'));
    uri = pathToFileURL(join(workspace, '09ASTANA308.txt')).href;
    client = TestClient.stdio();
    init = await client.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'w' }],
      capabilities: EDITOR_CAPABILITIES,
    });
    await client.conn.sendNotification('initialized', {});
  }, 240_000);

  afterAll(async () => {
    if (client && client.proc.exitCode === null) client.proc.kill();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  const hoverAt = (line: number, character: number) => client.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });

  it('initializes with the capabilities the features need', () => {
    expect(init.serverInfo?.name).toBe('cable-language-server');
    const c = init.capabilities;
    expect(c.textDocumentSync).toEqual({ openClose: true, change: 2 });
    expect(c.documentSymbolProvider).toBeTruthy();
    expect(c.foldingRangeProvider).toBe(true);
    expect(c.hoverProvider).toBe(true);
    expect(c.documentHighlightProvider).toBe(true);
    expect(c.selectionRangeProvider).toBe(true);
    expect(c.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.cable'] });
    expect(c.executeCommandProvider).toEqual({ commands: ['cable.openRuleDocumentation', 'cable.revealRange', 'cable.disableRuleForFile'] });
    expect(c.experimental).toEqual({ cableSummary: true });
    expect(c.semanticTokensProvider).toEqual({ legend: { tokenTypes: ['cableHeading', 'cableSignature'], tokenModifiers: [] }, full: true, range: true });
  });

  it('registers a watcher for .cablelintrc.json', async () => {
    const r = await client.waitFor((x) => x.method === 'client/registerCapability', 0, 15_000, 'a capability registration');
    expect(r.params).toEqual({
      registrations: [
        { id: expect.any(String), method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: [{ globPattern: '**/.cablelintrc.json' }] } },
      ],
    });
  });

  it('opens the seed and publishes no diagnostics for it', async () => {
    const mark = client.mark();
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: SEED } });
    const published = await client.diagnostics(uri, mark);
    expect(published).toEqual({ uri, version: 1, diagnostics: [] });
    // Settings were pulled for the document's own scope.
    expect(JSON.stringify(client.configurationRequests)).toContain(`"scopeUri":"${uri}"`);
  });

  it('answers document symbols: the parts of the cable, paragraphs under headings', async () => {
    const symbols = await client.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name).slice(0, 2)).toEqual(['Metadata', 'Envelope']);
    const tip = symbols.find((s) => s.name === 'PROGRESS ON TIP')!;
    expect(tip.children!.map((c) => c.name)).toEqual([
      '3. (SBU) During a February 19 introductory meeting...',
      '4. (SBU) Baliyeva ran point-by-point through our...',
      '5. (SBU) Baliyeva explained that the government is...',
    ]);
  });

  it('answers folding ranges', async () => {
    const ranges = await client.conn.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    expect(ranges).toContainEqual({ startLine: 14, endLine: 36, collapsedText: 'FM AMEMBASSY ASTANA · 200929Z FEB 09' });
    expect(ranges).toContainEqual({ startLine: 65, endLine: 85, kind: 'region' });
    expect(ranges).toContainEqual({ startLine: 87, endLine: 136 });
  });

  it('hovers at RUEHTA, PGOV, 200929Z FEB 09, (SBU) and E.O. 12958', async () => {
    const ri = await hoverAt(18, 5);
    expect(ri?.range).toEqual({ start: { line: 18, character: 3 }, end: { line: 18, character: 9 } });
    expect(value(ri)).toMatch(/^Routing indicator \*\*RUEHTA\*\*: AMEMBASSY ASTANA \(/);
    expect(value(ri)).toContain('Originating station of this cable (`DE` line)');

    expect(value(await hoverAt(45, 7))).toBe('**PGOV** — subject tag: Political Affairs\\-\\-Government\\; Internal Governmental Affairs (source: PlusD)');
    expect(value(await hoverAt(20, 9))).toMatch(/^Date-time group: \*\*20 February 2009, 09:29 UTC\*\* \(a Friday\)/);
    expect(value(await hoverAt(65, 4))).toBe(
      'Portion mark **(SBU)**: this paragraph only is SENSITIVE BUT UNCLASSIFIED: unclassified, administratively controlled by State.',
    );
    const eo = value(await hoverAt(44, 2));
    expect(eo).toMatch(/^\*\*E\.O\. 12958\*\*: governed classification 1995–2010/);
    expect(eo).toContain("In force on this cable's date (20 Feb 2009): E.O. 12958 as amended by E.O. 13292.");
  });

  it('answers highlights, selection ranges and the cable summary', async () => {
    const hl = await client.conn.sendRequest<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri }, position: { line: 45, character: 7 } });
    expect(hl.map((h) => h.range.start.line)).toEqual([12, 45, 57]);
    const sel = await client.conn.sendRequest<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 26, character: 2 }] });
    expect(sel[0].range).toEqual({ start: { line: 26, character: 0 }, end: { line: 26, character: 6 } });
    const summary = await client.conn.sendRequest<{ identifier: string; classification: { text: string } }>('cable/summary', { textDocument: { uri } });
    expect(summary).toMatchObject({ identifier: '09ASTANA308', classification: { text: 'UNCLAS//SBU' } });
  });

  it('answers semantic tokens for the headings and the signature, whole or by range', async () => {
    const lines = SEED.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle));
    const full = await client.conn.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    // Absolute line of each token (the encoding's line deltas summed), with its length and type index.
    const tokens: [number, number, number][] = [];
    for (let i = 0, line = 0; i < full.data.length; i += 5) tokens.push([(line += full.data[i]), full.data[i + 2], full.data[i + 3]]);
    expect(tokens).toContainEqual([lineOf('PROGRESS ON TIP'), 'PROGRESS ON TIP'.length, 0]);
    expect(tokens).toContainEqual([lineOf('HOAGLAND'), 'HOAGLAND'.length, 1]);
    const line = lineOf('DOING MORE ON IPR');
    const ranged = await client.conn.sendRequest<{ data: number[] }>('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line, character: 0 }, end: { line, character: 5 } },
    });
    expect(ranged.data).toEqual([line, lines[line].indexOf('DOING'), 'DOING MORE ON IPR'.length, 0, 0]);
  });

  it('an incremental edit (SBU) -> (S) brings the portion-exceeds-banner problem, with its actions', async () => {
    const mark = client.mark();
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 90, character: 3 }, end: { line: 90, character: 8 } }, text: '(S)' }],
    });
    const published = await client.diagnostics(uri, mark, (p) => p.version === 2);
    expect(published.diagnostics).toHaveLength(1);
    const [d] = published.diagnostics;
    expect(d).toMatchObject({
      code: 'portion-exceeds-banner',
      severity: 1,
      source: 'cable',
      range: { start: { line: 90, character: 3 }, end: { line: 90, character: 6 } },
      codeDescription: { href: expect.stringMatching(/docs\/rules\/portion-exceeds-banner\.md$/) },
    });
    expect(d.relatedInformation?.[0].location).toEqual({ uri, range: { start: { line: 37, character: 0 }, end: { line: 37, character: 6 } } });

    const actions = await client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    expect(actions.map((a) => a.title)).toEqual([
      'Go to the banner',
      'Disable portion-exceeds-banner for this file (.cablelintrc.json)',
      'Open documentation for portion-exceeds-banner',
    ]);
    const disable = actions[1];
    expect(disable.edit?.documentChanges?.[0]).toEqual({
      kind: 'create',
      uri: pathToFileURL(join(workspace, '.cablelintrc.json')).href,
      options: { overwrite: false, ignoreIfExists: true },
    });

    // The navigation and documentation commands run on the server and ask the editor to show the target.
    await client.conn.sendRequest('workspace/executeCommand', actions[0].command);
    await client.conn.sendRequest('workspace/executeCommand', actions[2].command);
    expect(client.shownDocuments).toEqual([
      { uri, selection: { start: { line: 37, character: 0 }, end: { line: 37, character: 6 } }, takeFocus: true },
      { uri: 'https://github.com/diplomatic-cables/diplomatic-cables/blob/main/docs/rules/portion-exceeds-banner.md', external: true },
    ]);

    const summary = await client.conn.sendRequest<{ diagnostics: Record<string, number> }>('cable/summary', { uri });
    expect(summary.diagnostics).toEqual({ error: 1, warning: 0, information: 0, hint: 0 });
  });

  it('re-lints when a .cablelintrc.json appears (watched file) and when settings change', async () => {
    let mark = client.mark();
    writeFileSync(join(workspace, '.cablelintrc.json'), JSON.stringify({ rules: { 'portion-exceeds-banner': 'warning' } }));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(workspace, '.cablelintrc.json')).href, type: 1 }] });
    let published = await client.diagnostics(uri, mark);
    expect(published.diagnostics.map((x) => [x.code, x.severity])).toEqual([['portion-exceeds-banner', 2]]);

    mark = client.mark();
    client.settings = { rules: { 'portion-exceeds-banner': 'hint' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    published = await client.diagnostics(uri, mark);
    // The config file is above the settings: still a warning.
    expect(published.diagnostics.map((x) => [x.code, x.severity])).toEqual([['portion-exceeds-banner', 2]]);

    mark = client.mark();
    writeFileSync(join(workspace, '.cablelintrc.json'), '{ "rules": { "portion-exceeds-banner": "off", "no-such-rule": "error" } }');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(workspace, '.cablelintrc.json')).href, type: 2 }] });
    published = await client.diagnostics(uri, mark);
    expect(published.diagnostics).toEqual([]);
    // The mistake in the config file is reported on the config file itself.
    const onConfig = await client.diagnostics(pathToFileURL(join(workspace, '.cablelintrc.json')).href, 0, (p) => p.diagnostics.length > 0);
    expect(onConfig.diagnostics[0]).toMatchObject({ source: 'cable', message: expect.stringContaining('no-such-rule') });
  });

  it('closing the document publishes an empty list', async () => {
    const mark = client.mark();
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const published: PublishDiagnosticsParams = await client.diagnostics(uri, mark);
    expect(published.diagnostics).toEqual([]);
  });

  it('answers bad requests with empty results, never a crash', async () => {
    const unknown = 'file:///nowhere/unknown.txt';
    expect(await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: unknown } })).toEqual([]);
    expect(await client.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri: unknown } })).toEqual([]);
    expect(await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: unknown }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })).toEqual([]);
    expect(await client.conn.sendRequest('cable/summary', { uri: unknown })).toBeNull();
    expect(await client.conn.sendRequest('cable/summary', {})).toBeNull();
    expect(await client.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: unknown } })).toEqual({ data: [] });

    const open = pathToFileURL(join(workspace, 'again.txt')).href;
    const mark = client.mark();
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: open, languageId: 'cable', version: 1, text: SEED } });
    await client.diagnostics(open, mark);
    expect(await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: open }, position: { line: 99_999, character: 0 } })).toBeNull();
    expect(await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: open }, position: { line: 18, character: 999 } })).toBeNull();
    expect(await client.conn.sendRequest('textDocument/documentHighlight', { textDocument: { uri: open }, position: { line: 99_999, character: 3 } })).toEqual([]);
    expect(await client.conn.sendRequest('textDocument/selectionRange', { textDocument: { uri: open }, positions: [{ line: 99_999, character: 0 }] })).toEqual([]);
    expect(await client.conn.sendRequest('textDocument/semanticTokens/range', { textDocument: { uri: open }, range: { start: { line: 'x', character: 0 }, end: null } })).toEqual({ data: [] });
    expect(await client.conn.sendRequest('workspace/executeCommand', { command: 'cable.openRuleDocumentation', arguments: ['javascript:alert(1)'] })).toBeNull();
    // Still alive and answering.
    expect(value(await client.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: open }, position: { line: 45, character: 7 } }))).toContain('PGOV');
  });

  it('logged no errors, then shuts down and exits cleanly', async () => {
    const errors = client.received.filter((r) => r.method === 'window/logMessage' && (r.params as { type: number }).type === 1);
    expect(errors).toEqual([]);
    expect(await client.stop()).toBe(0);
  });
});

describe('cable-language-server for a minimal client', () => {
  it('works without configuration pull, watchers, showDocument or document changes; settings come pushed', async () => {
    const client = TestClient.stdio();
    const dir = mkdtempSync(join(tmpdir(), 'cable-min-'));
    try {
      await client.conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
      await client.conn.sendNotification('initialized', {});
      const text = SEED.replace('3. (SBU) During', '3. (S) During');
      const untitled = 'untitled:Untitled-1';
      let mark = client.mark();
      await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'cable', version: 1, text } });
      let published = await client.diagnostics(untitled, mark);
      expect(published.diagnostics.map((d) => d.code)).toEqual(['portion-exceeds-banner']);
      // Not a file on disk, no showDocument: no action can work.
      const none = await client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: untitled }, range: published.diagnostics[0].range, context: { diagnostics: published.diagnostics } });
      expect(none).toEqual([]);

      mark = client.mark();
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { cable: { rules: { portion: 'off' } } } });
      published = await client.diagnostics(untitled, mark);
      expect(published.diagnostics).toEqual([]);
      expect(client.configurationRequests).toEqual([]);
      expect(client.registrations).toEqual([]);

      // A file on disk: "disable for this file" comes as a server command that writes the override.
      mark = client.mark();
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { cable: {} } });
      const file = pathToFileURL(join(dir, 'c.txt')).href;
      await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: file, languageId: 'cable', version: 1, text } });
      published = await client.diagnostics(file, mark, (p) => p.diagnostics.length === 1);
      const [disable] = await client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: file }, range: published.diagnostics[0].range, context: { diagnostics: published.diagnostics } });
      expect(disable.title).toBe('Disable portion-exceeds-banner for this file (.cablelintrc.json)');
      mark = client.mark();
      await client.conn.sendRequest('workspace/executeCommand', disable.command);
      expect(JSON.parse(readFileSync(join(dir, '.cablelintrc.json'), 'utf8'))).toEqual({ overrides: [{ files: ['./c.txt'], rules: { 'portion-exceeds-banner': 'off' } }] });
      published = await client.diagnostics(file, mark);
      expect(published.diagnostics).toEqual([]);
      // Told with a plain notification, never a prompt that some editors would block on.
      const told = await client.waitFor((r) => r.method === 'window/showMessage', mark);
      expect(told.params).toEqual({ type: 3, message: `portion-exceeds-banner is off for c.txt (${join(dir, '.cablelintrc.json')}).` });
      expect(client.received.filter((r) => r.method === 'window/showMessageRequest')).toEqual([]);
    } finally {
      expect(await client.stop()).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('cable-language-server over Node IPC (the VS Code client\'s transport)', () => {
  it('initializes and answers a hover', async () => {
    const client = TestClient.ipc();
    try {
      const init = await client.conn.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: EDITOR_CAPABILITIES });
      expect(init.capabilities.hoverProvider).toBe(true);
      await client.conn.sendNotification('initialized', {});
      const uri = 'file:///virtual/seed.txt';
      await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: SEED } });
      const h = await client.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 65, character: 4 } });
      expect(value(h)).toMatch(/^Portion mark \*\*\(SBU\)\*\*/);
    } finally {
      expect(await client.stop()).toBe(0);
    }
  }, 60_000);
});
