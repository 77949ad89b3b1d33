/** Rule configuration: validation that reports, precedence (id > tag > default; later layers win), overrides by glob, discovery. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findConfigFile, loadConfigForFile, parseRuleArguments, type ConfigHost } from '../../server/src/config/discover';
import { configLayersFor, levelInLayer, overrideMatches, resolveLevels } from '../../server/src/config/resolve';
import { parseConfigText, validateConfig, validateRules } from '../../server/src/config/validate';
import { parseCables } from '../../server/src/parser/index';
import { RULE_CATALOG, runRules } from '../../server/src/rules/index';

function memoryHost(files: Record<string, string>): ConfigHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile(path) {
      reads.push(path);
      return files[path];
    },
  };
}

describe('validation', () => {
  it('accepts ids, tags, default and the five levels', () => {
    const { config, problems } = validateConfig(
      { rules: { default: 'warning', portion: 'off', 'portion-unmarked': 'error', era: 'hint', 'lou-after-1995': 'information' } },
      RULE_CATALOG,
      'f',
    );
    expect(problems).toEqual([]);
    expect(config.rules).toEqual({ default: 'warning', portion: 'off', 'portion-unmarked': 'error', era: 'hint', 'lou-after-1995': 'information' });
  });

  it('reports unknown rule ids with a suggestion, and keeps the valid entries', () => {
    const { rules, problems } = validateRules({ 'portion-unmarkd': 'off', 'banner-misspelled': 'warning' }, RULE_CATALOG, '.cablelintrc.json');
    expect(Object.keys(rules)).toEqual(['banner-misspelled']);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toEqual(['rules', 'portion-unmarkd']);
    expect(problems[0].message).toBe('Unknown rule or tag "portion-unmarkd". Did you mean "portion-unmarked"?');
    expect(problems[0].source).toBe('.cablelintrc.json');
  });

  it('reports upper-case ids and wrong value types', () => {
    const { problems } = validateRules({ 'PORTION-UNMARKED': 'off', 'banner-misspelled': true, 'lou-after-1995': 'info', portion: 2 }, RULE_CATALOG, 's');
    expect(problems.map((p) => p.message)).toEqual([
      'Unknown rule or tag "PORTION-UNMARKED". Rule ids are lower case: "portion-unmarked".',
      '"banner-misspelled" must be one of "off", "hint", "information", "warning", "error", found boolean true.',
      '"lou-after-1995" must be one of "off", "hint", "information", "warning", "error", found "info".',
      '"portion" must be one of "off", "hint", "information", "warning", "error", found number 2.',
    ]);
  });

  it('reports unknown top-level keys, bad overrides, and invalid JSON', () => {
    const bad = validateConfig({ 'portion-unmarked': 'off', overrides: [{ files: [], rules: { nope: 'off' } }, 'x', { files: ['*.txt'], rule: {} }] }, RULE_CATALOG, 'f');
    const messages = bad.problems.map((p) => `${p.path.join('.')}: ${p.message}`);
    expect(messages).toContain('portion-unmarked: Unknown key "portion-unmarked"; allowed: "rules", "overrides", "$schema". Put rule levels under "rules": { "portion-unmarked": ... }.');
    expect(messages).toContain('overrides.0.files: "files" must be a non-empty array of glob strings, found an array.');
    expect(messages).toContain('overrides.0.rules.nope: Unknown rule or tag "nope".');
    expect(messages).toContain('overrides.1: Each override must be an object with "files" and "rules", found "x".');
    expect(messages).toContain('overrides.2.rule: Unknown override key "rule"; an override has "files" and "rules".');
    expect(messages).toContain('overrides.2: Override 2 has no "rules".');
    const json = parseConfigText('{ "rules": ', RULE_CATALOG, 'f');
    expect(json.problems[0].message).toMatch(/^Not valid JSON: /);
    expect(parseConfigText('[]', RULE_CATALOG, 'f').problems[0].message).toBe('The config must be a JSON object with "rules" and/or "overrides", found an array.');
  });

  it('parses --rule arguments and reports bad ones', () => {
    const ok = parseRuleArguments(['portion-unmarked=off', 'caption=error'], RULE_CATALOG);
    expect(ok).toEqual({ rules: { 'portion-unmarked': 'off', caption: 'error' }, problems: [] });
    const bad = parseRuleArguments(['portion-unmarked', 'nope=off', 'banner-misspelled=loud'], RULE_CATALOG);
    expect(bad.problems.map((p) => p.message)).toEqual([
      '--rule expects id=level (e.g. portion-unmarked=off), found "portion-unmarked".',
      'Unknown rule or tag "nope".',
      '"banner-misspelled" must be one of "off", "hint", "information", "warning", "error", found "loud".',
    ]);
  });
});

describe('precedence', () => {
  const tags = RULE_CATALOG.tagsOf('portion-unmarked'); // portion, era

  it('inside one layer: explicit id beats tag beats default', () => {
    expect(levelInLayer({ default: 'hint', portion: 'off', 'portion-unmarked': 'error' }, 'portion-unmarked', tags)).toBe('error');
    expect(levelInLayer({ default: 'hint', portion: 'off' }, 'portion-unmarked', tags)).toBe('off');
    expect(levelInLayer({ default: 'hint' }, 'portion-unmarked', tags)).toBe('hint');
    expect(levelInLayer({ caption: 'off' }, 'portion-unmarked', tags)).toBeUndefined();
  });

  it('two tags of a rule in one layer: the key written last wins', () => {
    expect(levelInLayer({ portion: 'off', era: 'error' }, 'portion-unmarked', tags)).toBe('error');
    expect(levelInLayer({ era: 'error', portion: 'off' }, 'portion-unmarked', tags)).toBe('off');
  });

  it('across layers the later one wins, and a silent layer changes nothing', () => {
    const levels = resolveLevels([{ 'portion-unmarked': 'error' }, { portion: 'hint' }, { caption: 'off' }], RULE_CATALOG);
    expect(levels['portion-unmarked']).toBe('hint');
    expect(levels['portion-exceeds-banner']).toBe('hint');
    expect(levels['caveat-misspelled']).toBe('off');
    expect(levels['banner-misspelled']).toBeUndefined();
  });
});

describe('overrides', () => {
  const o = (files: string[]) => ({ files, rules: {} });

  it('match by glob relative to the config folder; a glob without / matches the name at any depth', () => {
    expect(overrideMatches(o(['*.txt']), 'a/b/09ASTANA308.txt')).toBe(true);
    expect(overrideMatches(o(['1970s/**']), '1970s/x/75STATE1.txt')).toBe(true);
    expect(overrideMatches(o(['1970s/**']), 'other/75STATE1.txt')).toBe(false);
    expect(overrideMatches(o(['09ASTANA308.txt']), 'deep/09ASTANA308.txt')).toBe(true);
    expect(overrideMatches(o(['./09ASTANA308.txt']), 'deep/09ASTANA308.txt')).toBe(false);
    expect(overrideMatches(o(['./09ASTANA308.txt']), '09ASTANA308.txt')).toBe(true);
    expect(overrideMatches(o(['sub/*.txt']), 'sub\\a.txt')).toBe(true);
  });

  it('apply in file order after the base rules', () => {
    const config = {
      rules: { portion: 'off' as const },
      overrides: [
        { files: ['*.txt'], rules: { 'portion-unmarked': 'error' as const } },
        { files: ['old/*.txt'], rules: { 'portion-unmarked': 'hint' as const } },
      ],
    };
    expect(resolveLevels(configLayersFor(config, 'old/a.txt'), RULE_CATALOG)['portion-unmarked']).toBe('hint');
    expect(resolveLevels(configLayersFor(config, 'new/a.txt'), RULE_CATALOG)['portion-unmarked']).toBe('error');
    expect(resolveLevels(configLayersFor(config, 'new/a.cable'), RULE_CATALOG)['portion-unmarked']).toBe('off');
  });
});

describe('discovery', () => {
  it('uses the nearest .cablelintrc.json up the tree and stops at stopDir', () => {
    const host = memoryHost({
      '/w/.cablelintrc.json': '{"rules":{"default":"off"}}',
      '/w/a/.cablelintrc.json': '{"rules":{"portion":"hint"}}',
    });
    expect(findConfigFile('/w/a/b/c', host)?.path).toBe('/w/a/.cablelintrc.json');
    expect(host.reads).toEqual(['/w/a/b/c/.cablelintrc.json', '/w/a/b/.cablelintrc.json', '/w/a/.cablelintrc.json']);
    expect(findConfigFile('/w/x', host)?.path).toBe('/w/.cablelintrc.json');
    expect(findConfigFile('/w/x', host, '/w/x')).toBeNull();
    expect(findConfigFile('/elsewhere', host)).toBeNull();
  });

  it('layers settings < file rules < matching overrides < --rule, relative globs from the config folder', () => {
    const host = memoryHost({
      '/w/.cablelintrc.json': JSON.stringify({
        rules: { portion: 'warning', 'made-up-rule': 'off' },
        overrides: [{ files: ['legacy/**'], rules: { 'portion-unmarked': 'off' } }],
      }),
    });
    const inLegacy = loadConfigForFile('/w/legacy/75STATE1.txt', RULE_CATALOG, { host, settingsRules: { 'portion-unmarked': 'error', default: 'hint' } });
    expect(inLegacy.configPath).toBe('/w/.cablelintrc.json');
    expect(inLegacy.levels['portion-unmarked']).toBe('off');
    expect(inLegacy.levels['portion-exceeds-banner']).toBe('warning');
    expect(inLegacy.levels['banner-misspelled']).toBe('hint');
    expect(inLegacy.problems.map((p) => [p.source, p.message])).toEqual([['/w/.cablelintrc.json', 'Unknown rule or tag "made-up-rule".']]);
    const elsewhere = loadConfigForFile('/w/new/09X1.txt', RULE_CATALOG, { host, extraRules: { 'portion-unmarked': 'information' } });
    expect(elsewhere.levels['portion-unmarked']).toBe('information');
  });

  it('reports bad editor settings with the setting name', () => {
    const r = loadConfigForFile('/none/a.txt', RULE_CATALOG, { host: memoryHost({}), settingsRules: { portionunmarked: 'off' } });
    expect(r.configPath).toBeNull();
    expect(r.problems).toEqual([{ path: ['cable.rules', 'portionunmarked'], message: 'Unknown rule or tag "portionunmarked". Did you mean "portion-unmarked"?', source: 'settings' }]);
  });

  describe('on the real file system', () => {
    const root = mkdtempSync(join(tmpdir(), 'cablelint-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    it('finds the nearest file and applies its override to a real cable', () => {
      mkdirSync(join(root, 'a', 'b'), { recursive: true });
      writeFileSync(join(root, '.cablelintrc.json'), '{"rules":{"default":"error"}}');
      writeFileSync(join(root, 'a', '.cablelintrc.json'), JSON.stringify({ overrides: [{ files: ['b/*.txt'], rules: { 'portion-unmarked': 'off' } }] }));
      const cable = join(root, 'a', 'b', 'c.txt');
      const loaded = loadConfigForFile(cable, RULE_CATALOG);
      expect(loaded.configPath).toBe(join(root, 'a', '.cablelintrc.json'));
      const text = [
        'C O N F I D E N T I A L ASTANA 000308',
        '',
        'E.O. 12958: DECL: 02/19/2019',
        'TAGS: PGOV',
        'SUBJECT: TEST',
        '',
        'Classified By: Ambassador X, reasons 1.4 (b)',
        '',
        '1. (C) Marked.',
        '',
        '2. Not marked.',
        '',
      ].join('\n');
      const doc = parseCables(text);
      expect(runRules(doc).map((d) => d.ruleId)).toContain('portion-unmarked');
      expect(runRules(doc, loaded.levels).map((d) => d.ruleId)).not.toContain('portion-unmarked');
    });
  });
});
