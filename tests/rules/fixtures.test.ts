/**
 * markdownlint-style rule fixtures: each tests/fixtures/rules/<rule>[--variant].txt is a real cable with one
 * targeted change (recorded in the sidecar .json: base file + find/replace). The fixture must trigger exactly the
 * hits in the sidecar, all of its own rule; for fixable rules, applying every quick fix must remove the problem,
 * leave a lint-clean cable and change nothing outside the edited ranges.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/fixes/edits';
import { quickFixesFor } from '../../server/src/fixes/quickFixes';
import { lineOf, parseCables } from '../../server/src/parser/index';
import { RULES, getRule, runRules } from '../../server/src/rules/index';

const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, 'tests', 'fixtures', 'rules');

interface Sidecar {
  base: string;
  change: { find: string; replace: string; occurrence?: number };
  note: string;
  hits: { rule: string; line: number; severity: string }[];
}

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

function applyChange(base: string, change: Sidecar['change']): string {
  let at = -1;
  for (let n = 0; n < (change.occurrence ?? 1); n++) at = base.indexOf(change.find, at + 1);
  if (at < 0) throw new Error(`change not found in base: ${JSON.stringify(change.find)}`);
  return base.slice(0, at) + change.replace + base.slice(at + change.find.length);
}

describe('rule fixtures', () => {
  it('every rule has at least one fixture', () => {
    const covered = new Set(fixtures.map((f) => f.split('--')[0]));
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  for (const name of fixtures) {
    const ruleId = name.split('--')[0];
    describe(name, () => {
      const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
      const sidecar = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Sidecar;

      it('is its real base cable with the one change the sidecar records', () => {
        const base = readFileSync(join(ROOT, sidecar.base), 'utf8');
        expect(applyChange(base, sidecar.change)).toBe(text);
        expect(runRules(parseCables(base))).toEqual([]);
      });

      it('triggers exactly the recorded hits, all of its rule', () => {
        const doc = parseCables(text);
        const hits = runRules(doc).map((d) => ({ rule: d.ruleId, line: lineOf(doc.lineStarts, d.range.start) + 1, severity: d.severity }));
        expect(hits).toEqual(sidecar.hits);
        expect(hits.length).toBeGreaterThan(0);
        expect(new Set(hits.map((h) => h.rule))).toEqual(new Set([ruleId]));
      });

      const rule = getRule(ruleId)!;
      if (rule.fixable) {
        it('quick fix removes the problem and changes only the marked text', () => {
          const diags = runRules(parseCables(text), {}, { only: [ruleId] });
          const edits = diags.flatMap((d) => {
            const fixes = quickFixesFor(d).filter((f) => f.kind === 'edit');
            expect(fixes.length).toBe(1);
            return fixes[0].kind === 'edit' ? fixes[0].edits : [];
          });
          for (const e of edits) {
            // The edit stays inside the diagnostic's range.
            const owner = diags.find((d) => d.range.start <= e.span.start && e.span.end <= d.range.end);
            expect(owner).toBeDefined();
          }
          const fixed = applyEdits(text, edits);
          expect(runRules(parseCables(fixed))).toEqual([]);
          // Outside the edited ranges nothing changed.
          const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
          let from = 0;
          let shift = 0;
          for (const e of sorted) {
            expect(fixed.slice(from + shift, e.span.start + shift)).toBe(text.slice(from, e.span.start));
            shift += e.newText.length - (e.span.end - e.span.start);
            from = e.span.end;
          }
          expect(fixed.slice(from + shift)).toBe(text.slice(from));
          // For these fixtures the fix undoes the targeted change exactly.
          const base = readFileSync(join(ROOT, sidecar.base), 'utf8');
          expect(fixed).toBe(base);
        });
      }
    });
  }
});
