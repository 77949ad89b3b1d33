// Grammar build, assertion tests (vscode-tmgrammar-test) and snapshot tests
// (vscode-tmgrammar-snap), each run through the real CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEMANTIC_TOKEN_TYPES } from '../server/src/service/index';
import { GRAMMAR_PATH, ROOT } from './grammar/support';

const TOOL = join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist');
const ASSERTIONS = join(ROOT, 'tests', 'grammar', 'assertions');
const SNAPSHOTS = join(ROOT, 'tests', 'grammar', 'snapshots');

function run(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('grammar build', () => {
  it('the committed JSON is what the YAML generates (and every regex compiles)', () => {
    const { status, output } = run([join(ROOT, 'scripts', 'build-grammar.mjs'), '--check']);
    expect(output).toContain('up to date');
    expect(status).toBe(0);
  });

  it('is contributed for the cable language with scope source.cable', () => {
    const grammar = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8'));
    expect(grammar.scopeName).toBe('source.cable');
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.contributes.grammars).toContainEqual({
      language: 'cable',
      scopeName: 'source.cable',
      path: './syntaxes/cable.tmLanguage.json',
    });
    expect(manifest.scripts['build:grammar']).toBe('node scripts/build-grammar.mjs');
  });

  it('names every scope with the .cable suffix', () => {
    const scopes = [...grammarScopes(false)];
    expect(scopes.length).toBeGreaterThan(80);
    expect(scopes.filter((s) => !s.endsWith('.cable'))).toEqual([]);
  });

  it("maps each of the server's semantic token types to a scope the grammar gives the same construct", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const declared = manifest.contributes.semanticTokenTypes.map((t: { id: string }) => t.id);
    expect(declared).toEqual([...SEMANTIC_TOKEN_TYPES]);
    const [mapping] = manifest.contributes.semanticTokenScopes;
    expect(mapping.language).toBe('cable');
    expect(Object.keys(mapping.scopes)).toEqual([...SEMANTIC_TOKEN_TYPES]);
    const scopes = grammarScopes();
    expect(mapping.scopes).toEqual({ cableHeading: ['markup.heading.cable'], cableSignature: ['markup.heading.signature.cable'] });
    for (const [type, mapped] of Object.entries(mapping.scopes as Record<string, string[]>)) {
      for (const scope of mapped) expect(scopes.has(scope), `${type} -> ${scope}`).toBe(true);
    }
  });
});

/** Every scope name the grammar can emit (the root `name` is the display name, not a scope). */
function grammarScopes(onlyCable = true): Set<string> {
  const scopes = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'name' || key === 'contentName') && typeof value === 'string') {
        for (const scope of value.split(' ')) if (!onlyCable || scope.endsWith('.cable')) scopes.add(scope);
      } else walk(value);
    }
  };
  const { name: _displayName, ...grammar } = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8'));
  walk(grammar);
  return scopes;
}

describe('docs/scopes.md', () => {
  it('indexes exactly the scopes the grammar emits', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'scopes.md'), 'utf8');
    const index = doc.slice(doc.indexOf('## Index of every scope'));
    const documented = new Set([...index.matchAll(/^- `([^`]+)`$/gm)].map((m) => m[1]));
    expect([...documented].sort()).toEqual([...grammarScopes()].sort());
  });
});

describe('vscode-tmgrammar-test', () => {
  it('passes every assertion file in tests/grammar/assertions', () => {
    const files = readdirSync(ASSERTIONS).filter((f) => f.endsWith('.cable'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      expect(readFileSync(join(ASSERTIONS, f), 'utf8').split('\n')[0]).toMatch(/^# SYNTAX TEST "source\.cable"/);
    }
    const { status, output } = run([join(TOOL, 'unit.js'), '--compact', '-g', GRAMMAR_PATH, 'tests/grammar/assertions/*.cable']);
    if (status !== 0) console.error(output);
    expect(status).toBe(0);
  }, 300_000);

  it('fails on a wrong assertion, so a green run means something', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-grammar-'));
    const file = join(dir, 'wrong.cable');
    writeFileSync(file, ['# SYNTAX TEST "source.cable"', '3. (S) text', '#  ^^^ markup.inserted.classification.unclassified.portion.cable', ''].join('\n'));
    try {
      const { status, output } = run([join(TOOL, 'unit.js'), '-g', GRAMMAR_PATH, file]);
      expect(status).not.toBe(0);
      expect(output).toContain('markup.deleted.classification.secret.portion.cable');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('vscode-tmgrammar-snap', () => {
  it('matches the committed snapshots of real cables', () => {
    const inputs = readdirSync(SNAPSHOTS).filter((f) => f.endsWith('.cable'));
    expect(inputs.length).toBeGreaterThanOrEqual(6);
    // The tool silently creates a missing snapshot and reports success: require them.
    for (const f of inputs) expect(existsSync(join(SNAPSHOTS, `${f}.snap`)), `${f}.snap is committed`).toBe(true);
    const { status, output } = run([
      join(TOOL, 'snapshot.js'),
      '-s',
      'source.cable',
      '-g',
      GRAMMAR_PATH,
      'tests/grammar/snapshots/*.cable',
    ]);
    if (status !== 0) console.error(output);
    expect(output).not.toContain('Generating snapshot');
    expect(status).toBe(0);
  }, 300_000);
});
