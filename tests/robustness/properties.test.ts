/**
 * Every feature of the language service on random and mutated real cables: nothing throws, every range lies inside
 * the document, the outline nests, hovers cover their position, selection chains grow, quick fixes change only
 * the range they claim, and the same text always gives the same answers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutate, mutatedCableArb, randomTextArb, realCables } from './generators/mutations';
import { fullService, LineMap, runAllFeatures } from './support/checks';
import { runs, SEED } from './support/scale';

const BASES = realCables(60);

/** Positions drawn by fast-check: mostly inside the text, some past the end of a line or of the document. */
const positionsArb = fc.array(fc.record({ line: fc.integer({ min: -2, max: 400 }), character: fc.integer({ min: -2, max: 300 }) }), { minLength: 1, maxLength: 25 });

function clampSome(map: LineMap, ps: { line: number; character: number }[]) {
  // Most positions land on a real line (modulo), the rest stay as drawn (often outside).
  return ps.map((p, k) => (k % 4 === 3 ? p : { line: Math.abs(p.line) % map.lineCount, character: Math.abs(p.character) % (map.lengths[Math.abs(p.line) % map.lineCount] + 1) }));
}

function holds(text: string, positions: { line: number; character: number }[]): void {
  const map = new LineMap(text);
  const ps = clampSome(map, positions);
  const first = runAllFeatures(fullService(), text, { positions: ps, applyFixes: true });
  expect(first.violations).toEqual([]);
  // Deterministic: a fresh service, and the same service asked again (cached), answer the same.
  const again = runAllFeatures(fullService(), text, { positions: ps });
  expect(JSON.stringify(again.results)).toBe(JSON.stringify(first.results));
}

describe('language service properties', () => {
  it('mutated real cables', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(mutatedCableArb(BASES), positionsArb, (m, ps) => holds(m.text, ps)),
      { seed: SEED, numRuns: runs(60, 3000) },
    );
  });

  it('random text', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(randomTextArb, positionsArb, (t, ps) => holds(t, ps)),
      { seed: SEED + 1, numRuns: runs(80, 5000) },
    );
  });

  it('regressions found by these properties', () => {
    // FM and SUBJECT lines swapped: the banner symbol (spanning the caption block) covered its sibling, the subject.
    const capetown = BASES.find((b) => b.name === '09CAPETOWN204.txt')!;
    const text = mutate(capetown.text, { op: 'swapLines', a: 640972307, b: 728562015 });
    expect(runAllFeatures(fullService(), text).violations).toEqual([]);
  });

  it('a cable truncated at every line, and in the middle of every line', { timeout: 600_000 }, () => {
    const svc = fullService();
    // The seed plus, under fuzz, every sampled real cable.
    for (const base of runs(1, BASES.length) === 1 ? BASES.slice(0, 1) : BASES) {
      const map = new LineMap(base.text);
      for (let l = 0; l < map.lineCount; l++) {
        for (const cut of [map.starts[l], map.starts[l] + (map.lengths[l] >> 1)]) {
          const text = base.text.slice(0, cut);
          const r = runAllFeatures(svc, text, { uri: `file:///robust/${base.name}-${cut}.txt`, positions: [{ line: l, character: 0 }, { line: Math.max(0, l - 1), character: 3 }] });
          expect(r.violations, `${base.name} cut at ${cut}`).toEqual([]);
        }
      }
    }
  });
});
