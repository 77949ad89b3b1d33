/**
 * The registry against cable-format.md §B.3 (ids and default severities copied here as the spec's data), rule
 * metadata completeness, the documentation examples (each triggers exactly its rule; each clean example is
 * clean), robustness on hostile input.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCables } from '../../server/src/parser/index';
import { RULE_CATALOG, RULES, runRules } from '../../server/src/rules/index';
import { RULE_TAGS } from '../../server/src/rules/types';

/** §B.3 of the format spec: id -> default severity (`info` there is `information` here). */
const SPEC_B3: Record<string, string> = {
  'portion-exceeds-banner': 'error',
  'banner-exceeds-portions': 'information',
  'envelope-level-mismatch': 'error',
  'metadata-level-mismatch': 'error',
  'metadata-caveat-mismatch': 'warning',
  'portion-mark-unknown': 'error',
  'portion-mark-malformed': 'warning',
  'portion-unmarked': 'warning',
  'classified-by-missing': 'error',
  'reason-missing': 'error',
  'reason-code-invalid': 'error',
  'reason-code-era': 'information',
  'decl-missing': 'error',
  'eo-na-on-classified': 'error',
  'decl-malformed': 'error',
  'decl-before-cable': 'error',
  'decl-exceeds-25y': 'warning',
  'decl-legacy-value': 'warning',
  'decl-on-unclassified': 'warning',
  'eo-date-inconsistent': 'error',
  'eo-line-missing': 'warning',
  'section-count-mismatch': 'warning',
  'para-number-gap': 'warning',
  'para-number-duplicate': 'warning',
  'noforn-portion-not-in-banner': 'error',
  'sipdis-with-restrictive-caption': 'warning',
  'sbu-portion-without-sensitive': 'warning',
  'lou-after-1995': 'information',
  'caveat-misspelled': 'warning',
  'banner-misspelled': 'error',
  'created-dtg-mismatch': 'warning',
  'id-origin-mismatch': 'warning',
  'origin-fm-mismatch': 'information',
  'precedence-mismatch': 'warning',
  'released-before-created': 'error',
};
/** The quick fixes the issue asks for. */
const FIXABLE = ['portion-mark-malformed', 'caveat-misspelled', 'id-origin-mismatch'];

describe('registry', () => {
  it('has exactly the §B.3 diagnostics with their default severities', () => {
    expect(Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity]))).toEqual(SPEC_B3);
  });

  it('has one file per rule named after its id', () => {
    const dir = join(__dirname, '..', '..', 'server', 'src', 'rules');
    const files = new Set(readdirSync(dir));
    for (const r of RULES) expect(files.has(`${r.id}.ts`), r.id).toBe(true);
  });

  it('marks the fixable rules, and only those', () => {
    expect(RULES.filter((r) => r.fixable).map((r) => r.id).sort()).toEqual([...FIXABLE].sort());
  });

  it('gives every rule complete metadata', () => {
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      expect(r.description.length, r.id).toBeGreaterThan(20);
      expect(r.tags.length, r.id).toBeGreaterThan(0);
      for (const t of r.tags) expect(Object.keys(RULE_TAGS)).toContain(t);
      expect(r.docs.checks.length, r.id).toBeGreaterThan(40);
      expect(r.docs.why.length, r.id).toBeGreaterThan(40);
      expect(r.docs.sources.length, r.id).toBeGreaterThan(0);
    }
    expect(RULE_CATALOG.tags).not.toContain('default');
    expect(new Set(RULE_CATALOG.ids).size).toBe(RULES.length);
    for (const t of RULE_CATALOG.tags) expect(RULE_CATALOG.ids).not.toContain(t);
  });
});

describe('documentation examples', () => {
  for (const r of RULES) {
    it(`${r.id}: the triggering example triggers exactly this rule, the clean one nothing`, () => {
      const hits = runRules(parseCables(r.docs.triggers.text));
      expect(hits.length).toBeGreaterThan(0);
      expect([...new Set(hits.map((d) => d.ruleId))]).toEqual([r.id]);
      expect(runRules(parseCables(r.docs.clean.text))).toEqual([]);
    });
  }
});

describe('robustness', () => {
  it('never throws and keeps ranges inside the text, on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const doc = parseCables(s);
        for (const d of runRules(doc, {}, { onRuleError: (id, e) => { throw new Error(`${id}: ${String(e)}`); } })) {
          expect(d.range.start).toBeGreaterThanOrEqual(0);
          expect(d.range.end).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('survives cable-shaped garbage: mutated real cable lines', () => {
    const seed = readFileSync(join(__dirname, '..', '..', 'seeds', '000_0ac2a656c61260b0.txt'), 'utf8').split('\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(seed.length - 1), fc.string({ maxLength: 30 })), { maxLength: 12 }), (edits) => {
        const lines = [...seed];
        for (const [i, s] of edits) lines[i] = s + lines[i].slice(s.length);
        const text = lines.join('\r\n');
        const out = runRules(parseCables(text), {}, { onRuleError: (id, e) => { throw new Error(`${id}: ${String(e)}`); } });
        for (const d of out) expect(d.range.end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 200 },
    );
  });
});
