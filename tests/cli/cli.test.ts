import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cable-lint.js');
const SEED = join(ROOT, 'seeds/000_0ac2a656c61260b0.txt');

function lint(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  expect(b.status, b.stderr).toBe(0);
});

describe('cable-lint', () => {
  it('prints the seed outline with no problems (the README main job)', () => {
    const r = lint(['--outline', 'seeds']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('09ASTANA308 KAZAKHSTAN: JUSTICE MINISTER BALIYEVA EXPRESSES APPRECIATION FOR U.S. ASSISTANCE');
    expect(r.out).toContain('Envelope  [200929Z FEB 09]');
    expect(r.out).toContain('Subject: KAZAKHSTAN');
    expect(r.out).toContain('PROGRESS ON TIP');
    for (let n = 1; n <= 10; n++) expect(r.out).toMatch(new RegExp(`^ +${n}\\. \\((U|SBU)\\) `, 'm'));
    expect(r.out).toContain('3. (SBU) During a February 19 introductory meeting...');
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('0 problems (0 errors, 0 warnings, 0 information, 0 hints) in 1 file, 1 cable');
  });

  it('JSON references name the cables the editor links to', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-lint-refs-'));
    const file = join(dir, 'refs.txt');
    writeFileSync(
      file,
      ['R 201200Z FEB 09', 'FM AMEMBASSY KABUL', 'TO SECSTATE WASHDC 0001', '', 'C O N F I D E N T I A L KABUL 000123', '',
        'E.O. 12958: DECL: 02/20/2019', 'TAGS: PGOV AF', 'SUBJECT: TEST', '',
        'REF: A. STATE 12345', '     B. (A) 08 KABUL 4088', '     C. E-MAIL OF 3/4', '', 'Classified By: Ambassador. Reasons 1.4 (b) and (d).', '',
        '1. (C) Text.', ''].join('\n'),
    );
    const c = JSON.parse(lint(['--format', 'json', file]).out).files[0].cables[0];
    expect(c.references.map((r: { letter: string; cable: string | null; cables: string[] }) => [r.letter, r.cable, r.cables])).toEqual([
      ['A', '09STATE12345', ['09STATE12345']],
      ['B', '08KABUL4088', ['08KABUL4088']],
      ['C', null, []],
    ]);
  });

  it('writes the documented JSON', () => {
    const r = lint(['--format', 'json', SEED]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.version).toBe(1);
    const c = j.files[0].cables[0];
    expect(c.identifier).toBe('09ASTANA308');
    expect(c.created).toBe('2009-02-20T09:29:00Z');
    expect(c.metadataClassification).toBe('UNCLASSIFIED//FOR OFFICIAL USE ONLY');
    expect(c.classification).toEqual({ level: 'UNCLASSIFIED', caveats: ['SENSITIVE', 'SIPDIS'], text: 'UNCLAS SECTION 01 OF 02 ASTANA 000308' });
    expect(c.origin).toBe('Embassy Astana');
    expect(c.dtg).toBe('O 200929Z FEB 09');
    expect(c.precedence).toBe('O');
    expect(c.from).toEqual([{ route: null, name: 'AMEMBASSY ASTANA', precedence: null, serial: null }]);
    expect(c.to).toEqual([{ route: 'RUEHC', name: 'SECSTATE WASHDC', precedence: 'IMMEDIATE', serial: '4680' }]);
    expect(c.info).toHaveLength(14);
    expect(c.mrn).toBe('ASTANA 000308');
    expect(c.section).toEqual({ index: 1, total: 2 });
    expect(c.eo).toEqual({ order: '12958', declassify: 'N/A' });
    expect(c.tags).toEqual(['PGOV', 'PREL', 'PHUM', 'SOCI', 'KCRM', 'KDEM', 'KZ']);
    expect(c.subject).toBe('KAZAKHSTAN: JUSTICE MINISTER BALIYEVA EXPRESSES APPRECIATION FOR U.S. ASSISTANCE');
    expect(c.references).toEqual([]);
    expect(c.classifiedBy).toBeNull();
    expect(c.paragraphs).toHaveLength(10);
    expect(c.paragraphs[2]).toEqual({ number: '3', marking: 'SBU', line: 90 });
    expect(c.portions).toEqual([]);
    expect(c.signature).toBe('HOAGLAND');
    expect(c.outline.map((n: { kind: string }) => n.kind)).toContain('heading');
    expect(j.files[0].diagnostics).toEqual([]);
  });

  it('lists marked portions that are no numbered paragraph, with the paragraph holding them (06VIENNA515)', () => {
    const file = join(ROOT, 'tests/fixtures/cables/06VIENNA515.txt');
    const lines = readFileSync(file, 'utf8').split('\n');
    const c = JSON.parse(lint(['--format', 'json', file]).out).files[0].cables[0];
    const item = c.portions.find((p: { label: string | null }) => p.label === 'A.');
    expect(item).toEqual({ label: 'A.', marking: 'S//NF', paragraph: '5', line: item.line });
    expect(lines[item.line]).toMatch(/^A\. \(S\/NF\) USG Concern: Novin Energy/);
    const unlabelled = c.portions.find((p: { label: string | null; line: number }) => p.label === null && p.line > item.line);
    expect(lines[unlabelled.line]).toMatch(/^\(S\/NF\) GOA Response:/);
    expect(c.portions.every((p: { marking: string }) => p.marking === 'S//NF')).toBe(true);
  });

  it('searches directories recursively for .txt and .cable, and reports unreadable input with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-lint-'));
    mkdirSync(join(dir, 'sub'));
    copyFileSync(SEED, join(dir, 'sub', 'a.cable'));
    copyFileSync(SEED, join(dir, 'b.txt'));
    writeFileSync(join(dir, 'notes.md'), '# not a cable');
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    const r = lint([dir, join(dir, 'missing.txt')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('image.txt: not a text file (binary content)');
    expect(r.err).toContain('missing.txt: no such file or directory');
    expect(r.err).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
    expect(r.out.trimEnd().split('\n').at(-1)).toMatch(/in 3 files, 2 cables$/);
  });

  it('reports a file with no cable as a warning and reads UTF-16', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-lint-'));
    writeFileSync(join(dir, 'memo.txt'), 'Dear Bob,\nsee you at five.\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readSeed(), 'utf16le')]);
    writeFileSync(join(dir, 'wide.txt'), utf16);
    const r = lint(['--format', 'json', dir]);
    const j = JSON.parse(r.out);
    const memo = j.files.find((f: { path: string }) => f.path.endsWith('memo.txt'));
    expect(memo.diagnostics.map((d: { rule: string; severity: string }) => [d.rule, d.severity])).toEqual([['no-cable', 'warning']]);
    const wide = j.files.find((f: { path: string }) => f.path.endsWith('wide.txt'));
    expect(wide.cables[0].identifier).toBe('09ASTANA308');
    expect(r.err).toContain('wide.txt: read as UTF-16LE');
  });

  it('reports rule findings with exit 1; --rule and .cablelintrc.json set their levels', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-lint-'));
    // One targeted change to the real seed: paragraph 3 marked (C) under an UNCLAS banner.
    writeFileSync(join(dir, 'changed.txt'), readSeed().replace('3. (SBU) During', '3. (C) During'));
    const r = lint([dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/changed\.txt:91:4: error portion-exceeds-banner Paragraph 3 is marked \(C\)/);
    const off = lint(['--rule', 'portion-exceeds-banner=off', dir]);
    expect(off.code).toBe(0);
    expect(off.out).not.toContain('portion-exceeds-banner');
    const warn = lint(['--rule', 'portion-exceeds-banner=warning', dir]);
    expect(warn.code).toBe(0);
    expect(warn.out).toContain('warning portion-exceeds-banner');
    writeFileSync(join(dir, '.cablelintrc.json'), JSON.stringify({ rules: {}, overrides: [{ files: ['changed.txt'], rules: { portion: 'off' } }] }));
    expect(lint([dir]).code).toBe(0);
    expect(lint(['--no-config', dir]).code).toBe(1);
    writeFileSync(join(dir, '.cablelintrc.json'), JSON.stringify({ rules: { 'no-such-rule': 'error' } }));
    const bad = lint([dir]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('no-such-rule');
    expect(lint(['--rule', 'nope=error', dir]).code).toBe(2);
  });

  it('writes SARIF 2.1.0 with one rule entry per rule and its help text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-lint-'));
    writeFileSync(join(dir, 'changed.txt'), readSeed().replace('3. (SBU) During', '3. (C) During'));
    const r = lint(['--format', 'sarif', dir]);
    const sarif = JSON.parse(r.out);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('cable-lint');
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toContain('portion-exceeds-banner');
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of run.tool.driver.rules) {
      expect(rule.help.text.length).toBeGreaterThan(20);
      expect(rule.helpUri).toMatch(/docs\/rules\/.+\.md$/);
    }
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'portion-exceeds-banner');
    expect(result.level).toBe('error');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('portion-exceeds-banner');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 91, startColumn: 4 });
  });

  it('rejects bad usage with exit 2 and the usage text', () => {
    expect(lint([]).code).toBe(2);
    const r = lint(['--format', 'xml', 'seeds']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown format: xml');
    expect(lint(['--help']).out).toContain('Usage: cable-lint');
  });
});

function readSeed(): string {
  return readFileSync(SEED, 'utf8');
}

describe('cable-lint with worker threads', () => {
  /** A folder big enough for the worker path: real cables, a changed seed, unreadable and odd files, a bad config. */
  function bigFolder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'cable-lint-jobs-'));
    const fixtures = join(ROOT, 'tests/fixtures/cables');
    const names = readdirSync(fixtures).filter((n) => n.endsWith('.txt')).sort();
    for (let i = 0; i < 150; i++) {
      const sub = join(dir, `d${i % 7}`);
      mkdirSync(sub, { recursive: true });
      copyFileSync(join(fixtures, names[(i * 7) % names.length]), join(sub, `${i}.txt`));
    }
    writeFileSync(join(dir, 'd3', 'changed.txt'), readSeed().replace('3. (SBU) During', '3. (C) During'));
    writeFileSync(join(dir, 'd4', 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    writeFileSync(join(dir, 'd5', 'wide.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readSeed(), 'utf16le')]));
    writeFileSync(join(dir, 'd5', 'memo.txt'), 'Dear Bob,\nsee you at five.\n');
    writeFileSync(join(dir, 'd6', '.cablelintrc.json'), JSON.stringify({ rules: { 'no-such-rule': 'error', 'portion-unmarked': 'off' } }));
    return dir;
  }

  it('prints exactly what one thread prints, in every format, with the same exit status', { timeout: 120_000 }, () => {
    const dir = bigFolder();
    for (const args of [[], ['--outline'], ['--format', 'json'], ['--format', 'sarif'], ['--rule', 'portion=off']]) {
      const one = lint(['--jobs', '1', ...args, dir]);
      const two = lint(['--jobs', '2', ...args, dir]);
      expect(two.code, args.join(' ')).toBe(one.code);
      expect(two.out, args.join(' ')).toBe(one.out);
      expect(two.err, args.join(' ')).toBe(one.err);
    }
    const one = lint(['--jobs', '1', dir]);
    expect(one.code).toBe(2); // the unreadable file and the bad configuration
    expect(one.out.trimEnd().split('\n').at(-1)).toMatch(/in 154 files, \d+ cables$/);
    expect(one.err).toContain('image.txt: not a text file (binary content)');
    expect(one.err).toContain('wide.txt: read as UTF-16LE');
    expect(one.err.match(/no-such-rule/g)).toHaveLength(1); // told once, not once per file
  });

  it('rejects a bad --jobs value', () => {
    for (const bad of ['0', 'two', '-1']) {
      const r = lint(['--jobs', bad, 'seeds']);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--jobs needs a number of threads');
    }
  });
});
