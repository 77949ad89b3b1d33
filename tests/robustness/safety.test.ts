/**
 * Nothing writes to disk but what the user asks for (a quick fix, applied by the editor as a workspace edit; the
 * `.cablelintrc.json` override), and the manifest's workspace-trust and virtual-workspace declarations are true.
 * Checked three ways: the sources call no file-writing API except the override command; cable-lint and a server
 * session over a copy of real cables leave it byte-identical; the override command writes exactly one file.
 * (The real-VS-Code suite checks the same after opening, hovering and linting: tests/e2e/suite/99-*.)
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { buildServer, ROOT } from '../protocol/lspClient';
import { hashTree } from '../../scripts/lib/hashTree.mjs';
import { AbuseClient } from './support/lsp';
import { runNode } from './support/processes';

/** node:fs calls that change something, by name. */
const WRITES = /^(?:write|writeFile|writeFileSync|writeSync|appendFile|appendFileSync|createWriteStream|mkdir|mkdirSync|mkdtemp|mkdtempSync|rename|renameSync|unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync|copyFile|copyFileSync|cp|cpSync|truncate|truncateSync|symlink|symlinkSync|chmod|chmodSync|utimes|utimesSync)$/;
/** VS Code's own ways to change files: workspace.fs (anything but reading) and workspace.applyEdit. */
const VSCODE_WRITES = /(?:^|\.)workspace\.fs$|(?:^|\.)workspace$/;
const VSCODE_WRITE_NAMES = /^(?:writeFile|delete|rename|copy|createDirectory|applyEdit|save|saveAll)$/;
/** The one deliberate write: the "disable rule for this file" override, for editors without file-creating edits. */
const ALLOWED = new Set(['server/src/handlers/commands.ts:writeFileSync']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('nothing writes to disk unless the user asks', () => {
  it('the extension, the server and cable-lint call no file-writing API but the override command', () => {
    const found: string[] = [];
    const allowedSeen = new Set<string>();
    for (const file of [...sourceFiles(join(ROOT, 'server/src')), ...sourceFiles(join(ROOT, 'client/src'))]) {
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const rel = relative(ROOT, file);
      const visit = (n: ts.Node) => {
        // Calls `x.write...(...)` / `writeFileSync(...)` and imports of such names.
        if (ts.isCallExpression(n)) {
          const callee = n.expression;
          const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
          const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression.getText(sf) : '';
          // `process.stdout.write` and stream writes to the protocol are output, not files.
          const nodeWrite = WRITES.test(name) && !/^process\.std(?:out|err)$|\bconnection\b|\bwriter\b|\bsocket\b/.test(receiver);
          const vscodeWrite = VSCODE_WRITE_NAMES.test(name) && VSCODE_WRITES.test(receiver);
          if (nodeWrite || vscodeWrite) {
            const key = `${rel}:${name}`;
            if (ALLOWED.has(key)) allowedSeen.add(key);
            else found.push(`${key} (line ${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ${n.getText(sf).slice(0, 60)})`);
          }
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    expect(found).toEqual([]);
    // The scan does see writes: the deliberate one is found where it is.
    expect([...allowedSeen]).toEqual([...ALLOWED]);
  });

  describe('on a copy of real cables', () => {
    let dir: string;
    let before: Record<string, string>;
    beforeAll(() => {
      buildServer();
      dir = mkdtempSync(join(tmpdir(), 'cable-robust-safety-'));
      cpSync(join(ROOT, 'tests/fixtures/rules'), join(dir, 'cables'), { recursive: true });
      before = hashTree(dir);
    }, 240_000);
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('cable-lint in every format leaves the folder byte-identical', { timeout: 120_000 }, async () => {
      for (const format of ['text', 'json', 'sarif']) {
        const r = await runNode(join(ROOT, 'dist/cable-lint.js'), ['--format', format, '--outline', '.'], 120_000, dir);
        expect(r.timedOut).toBe(false);
      }
      expect(hashTree(dir)).toEqual(before);
    });

    it('a server session (open, every feature, code actions and fix-all computed, close) leaves it byte-identical; the override command writes one file', { timeout: 180_000 }, async () => {
      const client = AbuseClient.start();
      try {
        await client.initialize(pathToFileURL(dir).href);
        const files = Object.keys(before).filter((f) => f.endsWith('.txt')).slice(0, 40);
        let withProblems: { uri: string; diagnostic: Diagnostic } | null = null;
        for (const f of files) {
          const uri = pathToFileURL(join(dir, f)).href;
          await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: readFileSync(join(dir, f), 'utf8') } });
          const td = { textDocument: { uri } };
          const published = (await client.diagnostics(uri, 1)) as PublishDiagnosticsParams;
          await client.conn.sendRequest('textDocument/documentSymbol', td);
          await client.conn.sendRequest('textDocument/foldingRange', td);
          for (let line = 0; line < 60; line += 3) await client.conn.sendRequest('textDocument/hover', { ...td, position: { line, character: 4 } });
          await client.conn.sendRequest('cable/summary', td);
          const whole = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };
          const actions = await client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { ...td, range: whole, context: { diagnostics: published.diagnostics } });
          await client.conn.sendRequest('textDocument/codeAction', { ...td, range: whole, context: { diagnostics: [], only: ['source.fixAll.cable'] } });
          if (!withProblems && published.diagnostics.length && actions.some((a) => a.title.startsWith('Disable'))) withProblems = { uri, diagnostic: published.diagnostics[0] };
        }
        for (const f of files) await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: pathToFileURL(join(dir, f)).href } });
        await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.txt' }, position: { line: 0, character: 0 } });
        expect(hashTree(dir), 'reading, hovering and linting wrote nothing').toEqual(before);

        // The one write the user can ask the server for: "Disable <rule> for this file" (editors without file edits).
        expect(withProblems).not.toBeNull();
        const { uri, diagnostic } = withProblems!;
        await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version: 1, text: readFileSync(new URL(uri), 'utf8') } });
        await client.conn.sendRequest('workspace/executeCommand', { command: 'cable.disableRuleForFile', arguments: [uri, diagnostic.code] });
        const after = hashTree(dir);
        const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
        expect(changed).toHaveLength(1);
        expect(changed[0]).toMatch(/(^|\/)\.cablelintrc\.json$/);
        expect(Object.keys(before).filter((k) => !(k in after))).toEqual([]);
      } finally {
        await client.stop();
      }
    });
  });

  it('the real-VS-Code suite checks the workspace after opening, hovering and linting', () => {
    const suite = join(ROOT, 'tests/e2e/suite');
    const files = readdirSync(suite).filter((f) => f.endsWith('.e2e.js')).sort();
    expect(files[files.length - 1]).toMatch(/^99-workspace-unchanged/);
    const before99 = files.slice(0, -1).map((f) => readFileSync(join(suite, f), 'utf8')).join('\n');
    expect(before99).toMatch(/vscode\.executeHoverProvider|editor\.action\.showHover/);
    expect(before99).toMatch(/cable\.lintWorkspace/);
    expect(before99).toMatch(/openTextDocument|openEditor/);
    expect(readFileSync(join(suite, files[files.length - 1]), 'utf8')).toMatch(/byte-identical/);
  });
});

describe('the manifest declares untrusted and virtual workspaces truthfully', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const source = (f: string) => readFileSync(join(ROOT, 'client/src', f), 'utf8');

  it('both are declared', () => {
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe(true);
    expect(pkg.capabilities.virtualWorkspaces.supported).toBe('limited');
    expect(pkg.capabilities.virtualWorkspaces.description).toMatch(/Lint Workspace/);
  });

  it('untrusted: no setting can make the extension run or load something from the workspace', () => {
    // Settings a workspace could use to run code would be strings naming a program, path or command.
    for (const [key, p] of Object.entries(pkg.contributes.configuration.properties as Record<string, { type: string; enum?: unknown[]; additionalProperties?: { enum?: unknown[] } }>)) {
      const safe = p.type === 'boolean' || p.type === 'number' || (p.type === 'string' && Array.isArray(p.enum)) || (p.type === 'object' && Array.isArray(p.additionalProperties?.enum));
      expect(safe, key).toBe(true);
    }
    // The one process the extension starts from a command (cable-lint, as a task) is hidden when untrusted, and
    // VS Code itself refuses tasks in Restricted Mode.
    const lint = pkg.contributes.menus.commandPalette.find((m: { command: string }) => m.command === 'cable.lintWorkspace');
    expect(lint.when).toMatch(/isWorkspaceTrusted/);
    // The server is the extension's own file, never a path from settings.
    expect(source('serverClient.ts')).toMatch(/asAbsolutePath\('dist\/server\.js'\)/);
  });

  it('virtual: the features work on any scheme, and the one that needs a disk says so and is hidden', () => {
    expect(source('serverClient.ts')).toMatch(/documentSelector: \[\{ language: 'cable' \}\]/);
    const lint = pkg.contributes.menus.commandPalette.find((m: { command: string }) => m.command === 'cable.lintWorkspace');
    expect(lint.when).toMatch(/!virtualWorkspace/);
    expect(source('lintTask.ts')).toMatch(/scheme === 'file'/);
  });
});
