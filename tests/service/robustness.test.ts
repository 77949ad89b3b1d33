import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CableLanguageService, ServiceDocument } from '../../server/src/service/index';
import { doc, fixture, SEED, service } from './helpers';

/** Every feature at a spread of positions; returns how many hovers answered. */
function exercise(svc: CableLanguageService, d: ServiceDocument, step = 7): number {
  const text = d.getText();
  svc.getDocumentSymbols(d);
  svc.getFoldingRanges(d, { collapsedText: true });
  const diagnostics = svc.computeDiagnostics(d);
  svc.getCodeActions(d, { diagnostics }, { canShowDocument: true, documentChanges: true });
  svc.getSummary(d);
  const lines = text.split(/\r\n|\r|\n/);
  let hovers = 0;
  for (let l = 0; l < lines.length; l++) {
    for (let c = 0; c <= lines[l].length; c += step) {
      const p = { line: l, character: c };
      if (svc.getHover(d, p)) hovers++;
      svc.getDocumentHighlights(d, p);
    }
  }
  svc.getSelectionRanges(d, [{ line: 0, character: 0 }, { line: lines.length - 1, character: 0 }]);
  return hovers;
}

describe('robustness', () => {
  // A spread of the real corpus (every 8th file), not all of it: the point is variety, not volume.
  it('real fixture cables: all features answer, and there is always something to hover', { timeout: 60_000 }, () => {
    const dir = join(__dirname, '../fixtures/cables');
    const names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort().filter((_, k) => k % 8 === 0);
    expect(names.length).toBeGreaterThan(20);
    const svc = service();
    for (const name of names) {
      const hovers = exercise(svc, doc(fixture(name), `file:///f/${name}`), 13);
      expect(hovers, name).toBeGreaterThan(0);
    }
  });

  it('CRLF, NBSP and lower case change nothing structural', () => {
    const svc = service();
    const crlf = SEED.replace(/\n/g, '\r\n');
    expect(svc.getDocumentSymbols(doc(crlf, 'file:///w/crlf.txt')).map((s) => s.name)).toEqual(svc.getDocumentSymbols(doc(SEED)).map((s) => s.name));
    expect(svc.getFoldingRanges(doc(crlf, 'file:///w/crlf.txt'))).toEqual(svc.getFoldingRanges(doc(SEED)));
    expect(exercise(svc, doc(SEED.replace(/ /g, '\u00a0'), 'file:///w/nbsp.txt'))).toBeGreaterThanOrEqual(0);
    expect(exercise(svc, doc(SEED.toLowerCase(), 'file:///w/lower.txt'))).toBeGreaterThan(0);
  });

  it('binary, huge lines, truncation and garbage never throw', () => {
    const svc = service();
    const inputs = [
      '\u0000\u0001\u0002PK\u0003\u0004'.repeat(2000),
      'A'.repeat(300_000),
      `${SEED.slice(0, 1200)}`,
      SEED.slice(0, SEED.length / 2),
      'TAGS: '.repeat(5000),
      '1. (S'.repeat(3000),
      '(((((((((('.repeat(5000),
      '\ud800\udc00\ud800'.repeat(1000),
    ];
    inputs.forEach((t, k) => expect(() => exercise(svc, doc(t, `file:///w/bad${k}.txt`), 97)).not.toThrow());
  });

  it('random text around real cable lines never throws (fast-check)', () => {
    const svc = service();
    const seedLines = SEED.split('\n');
    let n = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...seedLines), fc.string({ maxLength: 40 })), { maxLength: 60 }), (parts) => {
        exercise(svc, doc(parts.join('\n'), `file:///w/r${n++}.txt`), 5);
      }),
      { numRuns: 150 },
    );
  });

  it('bad requests get empty answers', () => {
    const svc = service();
    const d = doc(SEED);
    expect(svc.getHover(d, { line: 1e9, character: 0 })).toBeNull();
    expect(svc.getHover(d, { line: 0, character: 1e9 })).toBeNull();
    expect(svc.getHover(d, { line: 1.5, character: 0 })).toBeNull();
    expect(svc.getHover(d, null as never)).toBeNull();
    expect(svc.getDocumentHighlights(d, { line: -3, character: 2 })).toEqual([]);
    expect(svc.getSelectionRanges(d, null as never)).toEqual([]);
    expect(svc.getCodeActions(d, null as never)).toEqual([]);
    expect(svc.getCodeActions(d, { diagnostics: null as never })).toEqual([]);
  });
});
