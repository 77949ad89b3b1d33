import { describe, expect, it } from 'vitest';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-types';

/** The plain text edits of a document edit (the service never sends snippet or annotated edits). */
const plain = (e: TextDocumentEdit): TextEdit[] => e.edits as TextEdit[];
import { applyEdits } from '../../server/src/fixes/edits';
import { COMMANDS, FIX_ALL_KIND } from '../../server/src/service/index';
import { at, doc, SEED, service } from './helpers';

const SECRET_PARA = SEED.replace('3. (SBU) During', '3. (S) During');
const MISSPELT = SEED.replace('SENSITIVE\nSIPDIS\n', 'SENSITIVE\nSIPIDS\n');

/** An in-memory file system for `.cablelintrc.json` lookups. */
function memoryFiles(files: Record<string, string>) {
  return { readFile: (p: string) => files[p] };
}

const fullClient = { canShowDocument: true, documentChanges: true, disabledSupport: true };

describe('diagnostics', () => {
  it('the seed is clean', () => {
    expect(service().computeDiagnostics(doc(SEED))).toEqual([]);
  });

  it('turns a finding into an LSP diagnostic with code, docs link, source, related information and data', () => {
    const d = doc(SECRET_PARA, 'file:///w/s.txt', 7);
    const [diag] = service().computeDiagnostics(d);
    expect(diag).toMatchObject({
      range: { start: { line: 90, character: 3 }, end: { line: 90, character: 6 } },
      severity: DiagnosticSeverity.Error,
      code: 'portion-exceeds-banner',
      codeDescription: { href: 'https://github.com/diplomatic-cables/diplomatic-cables/blob/main/docs/rules/portion-exceeds-banner.md' },
      source: 'cable',
      relatedInformation: [{ location: { uri: 'file:///w/s.txt', range: { start: { line: 37, character: 0 }, end: { line: 37, character: 6 } } } }],
      data: { ruleId: 'portion-exceeds-banner', version: 7, cableIndex: 0, navigate: { title: 'Go to the banner' } },
    });
    expect(diag.message).toMatch(/\(S\)/);
  });

  it('applies configured levels: a severity, or off', () => {
    const d = doc(SECRET_PARA);
    expect(service().computeDiagnostics(d, { levels: { 'portion-exceeds-banner': 'hint' } })[0].severity).toBe(DiagnosticSeverity.Hint);
    expect(service().computeDiagnostics(d, { levels: { 'portion-exceeds-banner': 'off' } })).toEqual([]);
  });

  it('reports a file without a cable, but not an empty one', () => {
    const svc = service();
    expect(svc.computeDiagnostics(doc('Dear diary,\nnothing here.\n', 'file:///w/a.txt'))[0]).toMatchObject({ code: 'no-cable', severity: DiagnosticSeverity.Warning });
    expect(svc.computeDiagnostics(doc('', 'file:///w/b.txt'))).toEqual([]);
    expect(svc.computeDiagnostics(doc('  \n\n', 'file:///w/c.txt'))).toEqual([]);
  });

  it('lints once per version and levels', () => {
    let runs = 0;
    const svc = service({ linter: { run: () => (runs++, []), catalog: { ids: [], tags: [], tagsOf: () => [] } } });
    const d = doc(SEED);
    svc.computeDiagnostics(d);
    svc.computeDiagnostics(d);
    svc.getSummary(d);
    expect(runs).toBe(1);
    svc.computeDiagnostics(d, { levels: { x: 'off' } });
    expect(runs).toBe(2);
    // A new version re-lints only the cables that changed: none when the text is the same, the edited one otherwise.
    svc.computeDiagnostics(doc(SEED, d.uri, 2));
    expect(runs).toBe(2);
    svc.computeDiagnostics(doc(SEED.replace('During a February 19', 'During a February 18'), d.uri, 3));
    expect(runs).toBe(3);
  });
});

describe('code actions', () => {
  const actionsFor = (text: string, files: Record<string, string> = {}, version = 1) => {
    const svc = service({ files: memoryFiles(files) });
    const d = doc(text, 'file:///w/cables/c.txt', version);
    const diagnostics = svc.computeDiagnostics(d);
    const actions = svc.getCodeActions(d, { diagnostics }, { ...fullClient, disable: { filePath: '/w/cables/c.txt', workspaceRoot: '/w', canCreateFiles: true } });
    return { svc, d, diagnostics, actions };
  };

  it('level mismatch: navigation to the banner, no edit of the cable', () => {
    const { actions } = actionsFor(SECRET_PARA);
    const nav = actions.find((a) => a.title === 'Go to the banner')!;
    expect(nav.kind).toBe(CodeActionKind.QuickFix);
    expect(nav.edit).toBeUndefined();
    expect(nav.command).toEqual({
      title: 'Go to the banner',
      command: COMMANDS.revealRange,
      arguments: ['file:///w/cables/c.txt', { start: { line: 37, character: 0 }, end: { line: 37, character: 6 } }],
    });
  });

  it('open documentation runs a server command with the rule id', () => {
    const { actions } = actionsFor(SECRET_PARA);
    const open = actions.find((a) => a.title === 'Open documentation for portion-exceeds-banner')!;
    expect(open.command).toMatchObject({ command: COMMANDS.openRuleDocumentation, arguments: ['portion-exceeds-banner'] });
  });

  it('disable for this file: creates .cablelintrc.json at the workspace root when none applies', () => {
    const { actions } = actionsFor(SECRET_PARA);
    const dis = actions.find((a) => a.title.startsWith('Disable portion-exceeds-banner'))!;
    const changes = dis.edit!.documentChanges!;
    expect(changes[0]).toEqual({ kind: 'create', uri: 'file:///w/.cablelintrc.json', options: { overwrite: false, ignoreIfExists: true } });
    const text = plain(changes[1] as TextDocumentEdit)[0].newText;
    expect(JSON.parse(text)).toEqual({ overrides: [{ files: ['./cables/c.txt'], rules: { 'portion-exceeds-banner': 'off' } }] });
  });

  it('disable for this file: rewrites the nearest existing config, keeping its content', () => {
    const existing = '{\n  "rules": { "lou-after-1995": "hint" }\n}\n';
    const { actions } = actionsFor(SECRET_PARA, { '/w/cables/.cablelintrc.json': existing });
    const dis = actions.find((a) => a.title.startsWith('Disable portion-exceeds-banner'))!;
    const edit = dis.edit!.documentChanges![0] as TextDocumentEdit;
    expect(edit.textDocument.uri).toBe('file:///w/cables/.cablelintrc.json');
    expect(edit.edits[0].range).toEqual({ start: { line: 0, character: 0 }, end: { line: 3, character: 0 } });
    expect(JSON.parse(plain(edit)[0].newText)).toEqual({
      rules: { 'lou-after-1995': 'hint' },
      overrides: [{ files: ['./c.txt'], rules: { 'portion-exceeds-banner': 'off' } }],
    });
  });

  it('disable for this file: shown disabled with the reason when the config is broken', () => {
    const { actions } = actionsFor(SECRET_PARA, { '/w/cables/.cablelintrc.json': '{ broken' });
    const dis = actions.find((a) => a.title.startsWith('Disable portion-exceeds-banner'))!;
    expect(dis.edit).toBeUndefined();
    expect(dis.disabled?.reason).toMatch(/not valid JSON/);
  });

  it('disable for this file: editors without document changes get a server command instead of an edit', () => {
    const svc = service({ files: memoryFiles({}) });
    const d = doc(SECRET_PARA, 'file:///w/cables/c.txt');
    const actions = svc.getCodeActions(d, { diagnostics: svc.computeDiagnostics(d) }, { disable: { filePath: '/w/cables/c.txt', workspaceRoot: '/w', canCreateFiles: false } });
    expect(actions.map((a) => [a.title, a.edit, a.command])).toEqual([
      [
        'Disable portion-exceeds-banner for this file (.cablelintrc.json)',
        undefined,
        { title: 'Disable portion-exceeds-banner for this file (.cablelintrc.json)', command: COMMANDS.disableRuleForFile, arguments: [d.uri, 'portion-exceeds-banner'] },
      ],
    ]);
  });

  it('a certain fix edits only the marked text, and the edit removes the problem', () => {
    const { svc, d, actions, diagnostics } = actionsFor(MISSPELT);
    expect(diagnostics.map((x) => x.code)).toEqual(['caveat-misspelled']);
    const fix = actions.find((a) => a.isPreferred)!;
    const edit = fix.edit!.documentChanges![0] as TextDocumentEdit;
    expect(edit.textDocument).toEqual({ uri: d.uri, version: 1 });
    const offsetOf = (p: { line: number; character: number }) => MISSPELT.split('\n').slice(0, p.line).join('\n').length + 1 + p.character;
    const fixed = applyEdits(
      MISSPELT,
      plain(edit).map((e) => ({ span: { start: offsetOf(e.range.start), end: offsetOf(e.range.end) }, newText: e.newText })),
    );
    expect(fixed).toBe(SEED);
    expect(svc.computeDiagnostics(doc(fixed, d.uri, 2))).toEqual([]);
  });

  it('source.fixAll.cable collects every certain fix, only when asked for', () => {
    const twice = MISSPELT.replace('SENSITIVE\nSIPIDS', 'SENSITVE\nSIPIDS');
    const { svc, d, actions } = actionsFor(twice);
    expect(actions.some((a) => a.kind === FIX_ALL_KIND)).toBe(false);
    const all = svc.getCodeActions(d, { diagnostics: [], only: [CodeActionKind.SourceFixAll] }, fullClient);
    expect(all.map((a) => a.kind)).toEqual([FIX_ALL_KIND]);
    expect((all[0].edit!.documentChanges![0] as TextDocumentEdit).edits.length).toBe(2);
  });

  it('stale diagnostics: data from an older version is not trusted; the current finding at the same range is used', () => {
    const { svc, diagnostics } = actionsFor(MISSPELT, {}, 1);
    const newer = doc(MISSPELT, 'file:///w/cables/c.txt', 2);
    const actions = svc.getCodeActions(newer, { diagnostics }, fullClient);
    const fix = actions.find((a) => a.isPreferred)!;
    expect((fix.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version).toBe(2);
    const moved: Diagnostic[] = diagnostics.map((x) => ({ ...x, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }));
    expect(svc.getCodeActions(newer, { diagnostics: moved }, fullClient).filter((a) => a.isPreferred)).toEqual([]);
  });

  it('without showDocument or a file path, only actions that can work are offered', () => {
    const svc = service();
    const d = doc(SECRET_PARA, 'untitled:Untitled-1');
    const diagnostics = svc.computeDiagnostics(d);
    const titles = svc.getCodeActions(d, { diagnostics }, {}).map((a: CodeAction) => a.title);
    expect(titles).toEqual([]);
  });

  it('ignores diagnostics from other sources and malformed data', () => {
    const svc = service();
    const d = doc(SEED);
    const foreign: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'spell', code: 'typo' };
    const bad: Diagnostic = { ...foreign, source: 'cable', code: 'caveat-misspelled', data: { version: 1, ruleId: 'caveat-misspelled', fix: { title: 'x', edits: [{ span: 'no' }] } } };
    expect(svc.getCodeActions(d, { diagnostics: [foreign, bad] }, fullClient).filter((a) => a.edit)).toEqual([]);
  });
});
