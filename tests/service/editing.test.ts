/**
 * Editing a long multi-cable file: each new version is parsed and linted from the previous one (only the cables
 * around the edit), and every feature must answer exactly what a fresh service answers for the same text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../server/src/parser/model';
import { RULE_CATALOG, runRules } from '../../server/src/rules/index';
import { doc, service } from './helpers';

const DIR = join(__dirname, '../fixtures/cables');
const CABLES = readdirSync(DIR)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .filter((_, k) => k % 30 === 3)
  .map((n) => readFileSync(join(DIR, n), 'utf8').replace(/\s+$/, ''));
const FILE = CABLES.join('\n\n');
const URI = 'file:///work/cables/many.txt';

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.oneof(fc.constant(0), fc.nat({ max: 2 }), fc.nat({ max: 300 })),
  ins: fc.constantFrom('', 'x', ' ', '\n', '(C) ', '1. (S) New paragraph.\n', 'NNNN\n', 'SECRET\n', 'E.O. 12958: DECL: 01/01/2019\n'),
});

function apply(text: string, e: { at: number; del: number; ins: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.ins + text.slice(at + Math.min(e.del, text.length - at));
}

/** Positions spread over the text, for hovers. */
function probes(text: string, n: number): { line: number; character: number }[] {
  const lines = text.split('\n');
  return Array.from({ length: n }, (_, k) => {
    const line = Math.floor(((k + 0.5) * lines.length) / n);
    return { line, character: Math.min(lines[line].length, 3 + (k % 7)) };
  });
}

describe('a long file edited version after version', () => {
  it('answers diagnostics, outline, folding and hovers as a fresh service does', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const svc = service();
        let text = FILE;
        let version = 1;
        svc.computeDiagnostics(doc(text, URI, version));
        svc.getDocumentSymbols(doc(text, URI, version));
        svc.getFoldingRanges(doc(text, URI, version));
        for (const e of edits) {
          text = apply(text, e);
          version++;
          const d = doc(text, URI, version);
          const fresh = service();
          const f = doc(text, URI, version);
          expect(svc.computeDiagnostics(d)).toEqual(fresh.computeDiagnostics(f));
          expect(svc.getDocumentSymbols(d)).toEqual(fresh.getDocumentSymbols(f));
          expect(svc.getFoldingRanges(d)).toEqual(fresh.getFoldingRanges(f));
          for (const p of probes(text, 12)) expect(svc.getHover(d, p)).toEqual(fresh.getHover(f, p));
        }
      }),
      { numRuns: Number(process.env.EDITING_RUNS ?? 25), seed: Number(process.env.EDITING_SEED ?? 17) },
    );
  });

  it('lints only the cables around a keystroke', () => {
    const linted: number[] = [];
    const svc = service({ linter: { run: (parsed: ParsedDocument, levels) => (linted.push(parsed.cables.length), runRules(parsed, levels)), catalog: RULE_CATALOG } });
    svc.computeDiagnostics(doc(FILE, URI, 1));
    const all = linted.length;
    expect(all).toBe(svc.parse(doc(FILE, URI, 1)).cables.length);
    const at = FILE.indexOf('\n', FILE.length / 2) + 1;
    svc.computeDiagnostics(doc(`${FILE.slice(0, at)}x${FILE.slice(at)}`, URI, 2));
    expect(linted.length - all).toBeGreaterThan(0);
    expect(linted.length - all).toBeLessThanOrEqual(4);
  });

  it('parses each version once, whatever the requests', () => {
    const svc = service();
    const d = doc(FILE, URI, 1);
    const parsed = svc.parse(d);
    svc.computeDiagnostics(d);
    svc.getDocumentSymbols(d);
    svc.getFoldingRanges(d);
    svc.getHover(d, { line: 10, character: 2 });
    svc.getDocumentHighlights(d, { line: 10, character: 2 });
    svc.getSelectionRanges(d, [{ line: 10, character: 2 }]);
    svc.getSummary(d);
    expect(svc.parse(d)).toBe(parsed);
    const d2 = doc(`${FILE} `, URI, 2);
    expect(svc.parse(d2)).not.toBe(parsed);
    expect(svc.parse(d2).cables[0]).toBe(parsed.cables[0]); // an unchanged cable is kept, not parsed again
  });
});
