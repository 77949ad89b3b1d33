/**
 * Time grows linearly with the input, for the parser and every feature together: doubling an input costs at most
 * 2.5 times as much. Measured as a ratio within one run (see support/timing.ts); the figures are printed.
 */
import { describe, expect, it } from 'vitest';
import { TEXT_INPUTS } from './generators/adversarial';
import { mutate, realCables } from './generators/mutations';
import type { Position } from 'vscode-languageserver-types';
import { docOf, fullService, LineMap } from './support/checks';
import { FUZZ } from './support/scale';
import { growth, type Growth } from './support/timing';

/** Doubling the input may cost at most this much more (linear: 2; quadratic: 4). */
const MAX_RATIO = 2.5;

const REAL = realCables(30).map((c) => c.text);

/** Real cables glued together until `size`, some of them damaged: a gigantic concatenation of real downloads. */
function realConcatenation(size: number): string {
  const out: string[] = [];
  let len = 0;
  for (let k = 0; len < size; k++) {
    let t = REAL[k % REAL.length];
    if (k % 3 === 1) t = mutate(t, { op: 'lineEnds', style: 'crlf', seed: k });
    if (k % 5 === 2) t = mutate(t, { op: 'deleteLines', at: k * 7919, count: 5 });
    out.push(t);
    len += t.length + 1;
  }
  return out.join('\n').slice(0, size);
}

const INPUTS: { name: string; make: (n: number) => string; growthMax?: number }[] = [
  ...TEXT_INPUTS.map((g) => ({ name: g.name, make: g.make, growthMax: g.growthMax })),
  { name: 'real-concatenation', make: realConcatenation },
  { name: 'random-bytes-as-text', make: (n) => Array.from({ length: n }, (_, i) => String.fromCharCode(32 + ((i * 2654435761) >>> 0) % 95)).join('') },
];

/** The input and 40 positions spread over it (a fixed count: each answer may cost more as n grows). */
function prepare(make: (n: number) => string) {
  return (n: number) => {
    const text = make(n);
    const map = new LineMap(text);
    const positions: Position[] = [];
    for (let k = 0; k < 40; k++) {
      const line = Math.floor((k * map.lineCount) / 40);
      positions.push({ line, character: Math.min(map.lengths[line], 7 * k) });
    }
    return { text, positions };
  };
}

/** Every feature of a fresh service once; only the service is timed, not the test's own checks. */
function everything({ text, positions }: { text: string; positions: Position[] }): void {
  const svc = fullService();
  const d = docOf(text);
  svc.getDocumentSymbols(d);
  svc.getFoldingRanges(d, { collapsedText: true });
  const diagnostics = svc.computeDiagnostics(d);
  svc.getCodeActions(d, { diagnostics }, { canShowDocument: true, documentChanges: true, disable: { filePath: '/robust/cable.txt', workspaceRoot: '/robust', canCreateFiles: true } });
  svc.getCodeActions(d, { diagnostics: [], only: ['source.fixAll.cable'] }, { documentChanges: true });
  for (const p of positions) {
    svc.getHover(d, p);
    svc.getDocumentHighlights(d, p);
  }
  svc.getSelectionRanges(d, positions);
  svc.getSummary(d);
}

describe('time grows linearly with the input (ratio for 2n over n, all features)', () => {
  it.each(INPUTS)('$name', { timeout: 300_000 }, ({ name, make, growthMax }) => {
    const opts = FUZZ ? { start: 256 * 1024, max: 16 * 1024 * 1024, minMs: 400, reps: 7 } : { start: 64 * 1024, max: 4 * 1024 * 1024, minMs: 40, reps: 5 };
    const limits = { ...opts, start: Math.min(opts.start, (growthMax ?? Infinity) / 4), max: Math.min(opts.max, growthMax ?? Infinity) };
    // Other test files run beside this one: a ratio over the limit is measured again (up to three times) before it
    // counts. Noise passes on a second try; a quadratic cost (4x) does not.
    const tries: Growth[] = [];
    for (let attempt = 0; attempt < 3 && !(tries.length && tries[tries.length - 1].ratio <= MAX_RATIO); attempt++) tries.push(growth(prepare(make), everything, limits));
    const g = tries.reduce((a, b) => (b.ratio < a.ratio ? b : a));
    console.log(`[linearity] ${name.padEnd(22)} ${String(g.n).padStart(9)} chars x${g.iterations} ${g.tN.toFixed(1).padStart(8)} ms, 2n ${g.t2N.toFixed(1).padStart(8)} ms, ratio ${tries.map((t) => t.ratio.toFixed(2)).join(' / ')}`);
    expect(g.ratio).toBeLessThanOrEqual(MAX_RATIO);
  });
});
