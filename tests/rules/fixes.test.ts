/** Pure quick-fix computation, edit application, and the "disable this rule for this file" config edit. */
import { describe, expect, it } from 'vitest';
import { RULE_CATALOG } from '../../server/src/rules/index';
import { overrideMatches } from '../../server/src/config/resolve';
import { parseConfigText } from '../../server/src/config/validate';
import { applyEdits } from '../../server/src/fixes/edits';
import { disableRuleForFile, disableRuleInConfig, escapeGlob, fileGlob } from '../../server/src/fixes/disableRule';
import { disableRuleTitle, quickFixesFor } from '../../server/src/fixes/quickFixes';
import { parseCables } from '../../server/src/parser/index';
import { runRules } from '../../server/src/rules/index';
import { cableExample } from '../../server/src/rules/examples';

describe('quickFixesFor', () => {
  it('offers the edit as the preferred fix and navigation as a second action', () => {
    expect(
      quickFixesFor({
        ruleId: 'x',
        data: { fix: { title: 'Change to (C)', edits: [{ span: { start: 3, end: 6 }, newText: '(C)' }] }, navigate: { title: 'Go', span: { start: 0, end: 2 } } },
      }),
    ).toEqual([
      { kind: 'edit', title: 'Change to (C)', edits: [{ span: { start: 3, end: 6 }, newText: '(C)' }], isPreferred: true },
      { kind: 'navigate', title: 'Go', target: { start: 0, end: 2 } },
    ]);
  });

  it('ignores malformed data coming back from a client', () => {
    for (const data of [undefined, null, 'x', 3, { fix: { title: 'a', edits: [{ span: { start: 5, end: 2 }, newText: '' }] } }, { fix: { edits: [] } }, { navigate: { span: {} } }]) {
      expect(quickFixesFor({ ruleId: 'x', data })).toEqual([]);
    }
  });

  it('level mismatches offer navigation to the other side, never an edit', () => {
    const text = cableExample({ banner: 'UNCLAS ASTANA 000308', eo: 'E.O. 12958: N/A', classifiedBy: '', body: '1. (U) One.\n\n2. (C) Two.' });
    const [d] = runRules(parseCables(text), {}, { only: ['portion-exceeds-banner'] });
    const fixes = quickFixesFor(d);
    expect(fixes.map((f) => f.kind)).toEqual(['navigate']);
    const target = fixes[0].kind === 'navigate' ? fixes[0].target : { start: 0, end: 0 };
    expect(text.slice(target.start, target.end)).toBe('UNCLAS');
    expect(d.related.map((r) => text.slice(r.span.start, r.span.end))).toEqual(['UNCLAS']);
    expect(d.message).toBe('Paragraph 2 is marked (C) but the banner is UNCLAS.');
  });
});

describe('applyEdits', () => {
  it('applies non-overlapping edits in any order', () => {
    expect(applyEdits('abcdef', [{ span: { start: 4, end: 5 }, newText: 'E' }, { span: { start: 0, end: 1 }, newText: 'AA' }])).toBe('AAbcdEf');
  });
  it('refuses overlapping or out-of-range edits', () => {
    expect(() => applyEdits('abc', [{ span: { start: 0, end: 2 }, newText: '' }, { span: { start: 1, end: 3 }, newText: '' }])).toThrow(RangeError);
    expect(() => applyEdits('abc', [{ span: { start: 2, end: 9 }, newText: '' }])).toThrow(RangeError);
  });
});

describe('disable rule for this file', () => {
  it('creates a config when there is none', () => {
    const r = disableRuleInConfig(null, 'portion-unmarked', 'cables/09ASTANA308.txt');
    expect(r).toEqual({ ok: true, text: '{\n  "overrides": [\n    {\n      "files": [\n        "./cables/09ASTANA308.txt"\n      ],\n      "rules": {\n        "portion-unmarked": "off"\n      }\n    }\n  ]\n}\n' });
  });

  it('keeps existing content, appends an override, and extends the last one for the same file', () => {
    const start = '{\n\t"rules": { "default": "warning" },\n\t"overrides": [{ "files": ["old/**"], "rules": { "portion": "off" } }]\n}\n';
    const once = disableRuleInConfig(start, 'caveat-misspelled', 'a.txt');
    if (!once.ok) throw new Error(once.error);
    const twice = disableRuleInConfig(once.text, 'portion-unmarked', 'a.txt');
    if (!twice.ok) throw new Error(twice.error);
    const parsed = JSON.parse(twice.text);
    expect(parsed.rules).toEqual({ default: 'warning' });
    expect(parsed.overrides).toEqual([
      { files: ['old/**'], rules: { portion: 'off' } },
      { files: ['./a.txt'], rules: { 'caveat-misspelled': 'off', 'portion-unmarked': 'off' } },
    ]);
    expect(twice.text).toContain('\n\t"rules"');
    expect(parseConfigText(twice.text, RULE_CATALOG, 'f').problems).toEqual([]);
  });

  it('refuses to rewrite a file it cannot parse', () => {
    expect(disableRuleInConfig('{ "rules": ', 'x', 'a.txt')).toMatchObject({ ok: false });
    expect(disableRuleInConfig('{ "overrides": 3 }', 'x', 'a.txt')).toEqual({ ok: false, error: '"overrides" in .cablelintrc.json is not an array.' });
  });

  it('writes a glob that matches exactly that file, even with glob characters in its name', () => {
    for (const name of ['09ASTANA308.txt', 'weird (copy) [2].txt', 'sub/dir/a*b?.txt', 'win\\path\\c.txt']) {
      const glob = fileGlob(name);
      const posix = name.replace(/\\/g, '/');
      expect(overrideMatches({ files: [glob], rules: {} }, posix)).toBe(true);
      expect(overrideMatches({ files: [glob], rules: {} }, `other/${posix}`)).toBe(false);
    }
    expect(overrideMatches({ files: [fileGlob('a*b.txt')], rules: {} }, 'aXb.txt')).toBe(false);
    expect(escapeGlob('a(b)')).toBe('a\\(b\\)');
  });

  it('places the override in the nearest config, or a new one at the workspace root', () => {
    const existing = disableRuleForFile({ ruleId: 'r', filePath: '/w/a/b/c.txt', existing: { path: '/w/a/.cablelintrc.json', text: '{}' }, workspaceRoot: '/w' });
    expect(existing.configPath).toBe('/w/a/.cablelintrc.json');
    expect(existing.ok && JSON.parse(existing.text).overrides[0].files).toEqual(['./b/c.txt']);
    const fresh = disableRuleForFile({ ruleId: 'r', filePath: '/w/a/b/c.txt', existing: null, workspaceRoot: '/w' });
    expect(fresh.configPath).toBe('/w/.cablelintrc.json');
    expect(fresh.ok && JSON.parse(fresh.text).overrides[0].files).toEqual(['./a/b/c.txt']);
    expect(disableRuleTitle('portion-unmarked')).toBe('Disable portion-unmarked for this file (.cablelintrc.json)');
  });
});

describe('configured levels in runRules', () => {
  const text = cableExample({ envelope: 'O 200929Z FEB 93\nFM AMEMBASSY ASTANA\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 4680', eo: 'E.O. 12356: DECL: OADR', classifiedBy: '', body: '1. (C) One.\n\n2. Two.' });

  it('uses the finding\'s era severity when the rule is not configured, the configured level otherwise', () => {
    const doc = parseCables(text);
    const unconfigured = runRules(doc).find((d) => d.ruleId === 'portion-unmarked');
    expect(unconfigured?.severity).toBe('information');
    expect(runRules(doc, { 'portion-unmarked': 'error' }).find((d) => d.ruleId === 'portion-unmarked')?.severity).toBe('error');
    expect(runRules(doc, { 'portion-unmarked': 'off' }).find((d) => d.ruleId === 'portion-unmarked')).toBeUndefined();
  });

  it('carries code, docs URL and the cable index', () => {
    const [d] = runRules(parseCables(text), {}, { only: ['portion-unmarked'] });
    expect(d.docsUrl).toBe('https://github.com/diplomatic-cables/diplomatic-cables/blob/main/docs/rules/portion-unmarked.md');
    expect(d.cableIndex).toBe(0);
  });
});
