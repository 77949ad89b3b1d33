/**
 * Precision on real cables: every rule over every cable in tests/fixtures/cables/, compared with the checked-in
 * tests/corpus-rules.expected.json (per-rule counts of cables and findings, and every finding as file:line:rule),
 * so a change in findings shows up in review. Regenerate after a reviewed change with
 *   UPDATE_CORPUS_RULES=1 npx vitest run tests/rules/corpus.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCables } from '../../server/src/parser/index';
import { runRules } from '../../server/src/rules/index';
import { runCorpus } from './corpusRun';

const EXPECTED = join(__dirname, '..', 'corpus-rules.expected.json');

describe('rules over the real-cable corpus', () => {
  const summary = runCorpus();
  const current = {
    files: summary.files,
    rules: summary.rules,
    findings: summary.findings.map((f) => f.at),
  };

  it('matches the reviewed expectations', () => {
    if (process.env.UPDATE_CORPUS_RULES) writeFileSync(EXPECTED, JSON.stringify(current, null, 2) + '\n');
    const expected = JSON.parse(readFileSync(EXPECTED, 'utf8'));
    expect(current.rules).toEqual(expected.rules);
    expect(current.findings).toEqual(expected.findings);
    expect(current.files).toBe(expected.files);
  });

  it('never crashes a rule', () => {
    expect(summary.findings.filter((f) => f.severity === 'crash')).toEqual([]);
  });

  it('fires no rule on more than 5% of the cables (a rule that does is probably wrong)', () => {
    const noisy = Object.entries(summary.rules).filter(([, r]) => r.cables > summary.files * 0.05);
    expect(noisy).toEqual([]);
  });

  it('leaves most real cables clean', () => {
    const dirty = new Set(summary.findings.map((f) => f.at.split(':')[0]));
    expect(dirty.size).toBeLessThan(summary.files * 0.25);
  });

  it('reports nothing on the seed (09ASTANA308)', () => {
    const seed = readFileSync(join(__dirname, '..', '..', 'seeds', '000_0ac2a656c61260b0.txt'), 'utf8');
    expect(runRules(parseCables(seed))).toEqual([]);
  });
});
