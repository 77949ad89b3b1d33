/**
 * Catastrophic backtracking audit: every regular expression that reads cable text (parser, knowledge, rules,
 * service, outline; and every pattern of the TextMate grammar, run by the real Oniguruma engine) against
 * pathological strings built from the pattern itself (support/regexShapes.ts).
 *
 * No wall-clock limit: a string that costs more than a screening floor is measured at two lengths (4x apart) and
 * must grow at most 8x (linear is 4x, quadratic 16x; a growth above that is measured twice more and the lowest kept,
 * so one slow run on a busy machine does not fail it); a pattern that does not finish at all is stopped by a
 * watchdog (it runs in a worker thread) and reported. Figures are printed.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { regexesInGrammar, regexesInSources, type FoundRegex } from './support/regexSources';
import { shapesFor, type Shape } from './support/regexShapes';
import { FUZZ, SEED } from './support/scale';

const SOURCES = ['server/src/parser', 'server/src/knowledge', 'server/src/rules', 'server/src/service', 'server/src/outline', 'server/src/workspace', 'client/src'];
const JS = regexesInSources(SOURCES);
const ONIG = regexesInGrammar();

const SIZES: [number, number] = FUZZ ? [8000, 32000] : [2000, 8000];
/** Growth allowed when the string is 4x longer: linear gives 4, quadratic 16. */
const MAX_GROWTH = 8;
const FLOOR_MS = FUZZ ? 8 : 4;
/** A string that has not finished after this long is catastrophic (exponential patterns never finish). */
const WATCHDOG_MS = 20_000;
const SHAPES = FUZZ ? { singles: 40, pairs: 40, samples: 8 } : { singles: 14, pairs: 8, samples: 3 };

/**
 * Patterns that are super-linear in isolation but cannot meet a long hostile string where they are used (the bound
 * is said for each). They are not measured; each must still be in its file, so an entry cannot outlive a rewrite:
 * once the pattern is gone, the test asks for the entry to go too. Anything else found super-linear is rewritten
 * (tests/robustness/regexRewrites.test.ts) or reported to the file's owner.
 */
const AWAITING_OWNER: { file: string; source: string; why: string }[] = [
  { file: 'server/src/workspace/search.ts', source: '^[,;]+|[,;]+$', why: 'one word of a workspace-symbol query typed by the user' },
  { file: 'server/src/workspace/features.ts', source: '#.*$', why: 'a URI: the quadratic shape needs line breaks, which URIs never hold' },
  { file: 'server/src/workspace/hover.ts', source: '[?#].*$', why: 'a URI: the quadratic shape needs line breaks, which URIs never hold' },
  { file: 'client/src/deriveSummary.ts', source: '\\([^)]*\\)|[^\\s,()]+', why: 'a TAGS line as the client reads it, cut at 500 characters (classification.ts splitLines)' },
  { file: 'client/src/status.ts', source: '\\$\\([^)]*\\)|[🟢🔵🔴🟠]', why: "the status item's own text (icons and the marking), never cable text" },
];

function awaiting(r: FoundRegex) {
  return AWAITING_OWNER.find((a) => r.where.startsWith(`${a.file}:`) && r.source === a.source);
}

interface Verdict {
  regex: FoundRegex;
  shapes: Shape[];
  worst?: { shape: number; tBig: number; tSmall?: number; ratio?: number };
  failure?: string;
}

class Auditor {
  private worker: Worker | null = null;
  private id = 0;

  private start(): Worker {
    this.worker ??= new Worker(join(__dirname, 'support/regexWorker.mjs'));
    return this.worker;
  }

  run(regex: FoundRegex, shapes: Shape[], watchdogMs = WATCHDOG_MS): Promise<Verdict> {
    const w = this.start();
    const id = ++this.id;
    return new Promise((resolve) => {
      let current = -1;
      let timer: ReturnType<typeof setTimeout>;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          w.off('message', onMessage);
          void w.terminate();
          this.worker = null;
          const s = shapes[current];
          resolve({ regex, shapes, failure: `did not finish within ${watchdogMs / 1000} s on ${describeShape(s, SIZES[1])}` });
        }, watchdogMs);
      };
      const onMessage = (m: { id: number; progress?: number; done?: boolean; results?: Verdict['worst'][]; error?: string }) => {
        if (m.id !== id) return;
        if (m.progress !== undefined) {
          current = m.progress;
          arm();
          return;
        }
        clearTimeout(timer);
        w.off('message', onMessage);
        if (m.error) return resolve({ regex, shapes, failure: `error: ${m.error}` });
        const results = (m.results ?? []).filter((r): r is NonNullable<typeof r> => !!r);
        const worst = results.reduce<Verdict['worst']>((a, r) => (!a || (r.ratio ?? 0) > (a.ratio ?? 0) || (r.ratio === a.ratio && r.tBig > a.tBig) ? r : a), undefined);
        resolve({ regex, shapes, worst });
      };
      w.on('message', onMessage);
      arm();
      w.postMessage({ id, engine: regex.engine, source: regex.source, flags: regex.flags, shapes, sizes: SIZES, floorMs: FLOOR_MS, samples: 5 });
    });
  }

  async stop(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

function describeShape(s: Shape | undefined, n: number): string {
  if (!s) return 'its first string';
  const show = (x: string) => JSON.stringify(x.length > 30 ? `${x.slice(0, 30)}…` : x);
  return `${show(s.prefix)} + ${show(s.unit)} x ${Math.ceil(n / s.unit.length)} + ${show(s.tail)}`;
}

const auditor = new Auditor();
afterAll(() => auditor.stop());

/**
 * The audit of one pattern, where a growth above the limit is measured again on its string (twice at most) and the
 * lowest kept: a busy machine can slow one run, but a super-linear pattern grows too fast on every run.
 */
async function measure(regex: FoundRegex, shapes: Shape[], watchdogMs = WATCHDOG_MS): Promise<Verdict> {
  const v = await auditor.run(regex, shapes, watchdogMs);
  for (let again = 0; again < 2 && v.worst?.ratio !== undefined && v.worst.ratio > MAX_GROWTH; again++) {
    const shape = v.worst.shape;
    const r = await auditor.run(regex, [v.shapes[shape]], watchdogMs);
    if (r.failure || r.worst?.ratio === undefined) break;
    if (r.worst.ratio < v.worst.ratio) v.worst = { ...r.worst, shape };
  }
  return v;
}

describe('regular expressions: no catastrophic backtracking', () => {
  it('finds the patterns (sources read with the TypeScript parser; the grammar file)', () => {
    const parser = JS.filter((r) => r.where.startsWith('server/src/parser/'));
    expect(parser.length).toBeGreaterThan(40);
    expect(JS.length).toBeGreaterThan(100);
    expect(ONIG.length).toBeGreaterThan(50);
    // Patterns that could not be read statically would escape the audit.
    expect(JS.filter((r) => !r.source).map((r) => r.where)).toEqual([]);
    for (const r of JS) expect(() => new RegExp(r.source, r.flags), r.where).not.toThrow();
    console.log(`[regex] ${parser.length} patterns in the parser, ${JS.length} in TypeScript sources, ${ONIG.length} in the grammar`);
  });

  it('the audit itself catches quadratic and exponential patterns', { timeout: 120_000 }, async () => {
    // One hostile string each: a run of the class, then a character that makes the match fail.
    const verdict = (source: string, unit: string, watchdogMs = WATCHDOG_MS) =>
      measure({ where: 'test', engine: 'js', source, flags: '' }, [{ prefix: '', unit, tail: '!' }], watchdogMs);
    const quadratic = await verdict('[,;:]+$', ',');
    expect(quadratic.failure).toBeUndefined();
    expect(quadratic.worst?.ratio).toBeGreaterThan(MAX_GROWTH);
    const exponential = await verdict('^(?:a|a)+$', 'a', 1500);
    expect(exponential.failure).toMatch(/did not finish/);
    const linear = await verdict('(?<![,;:])[,;:]+$', ',');
    expect(linear.failure).toBeUndefined();
    expect(linear.worst?.ratio ?? 0).toBeLessThanOrEqual(MAX_GROWTH);
  });

  it('patterns bounded where they are used are still there (remove an entry once its pattern is rewritten)', () => {
    for (const a of AWAITING_OWNER) {
      expect(JS.some((r) => r.where.startsWith(`${a.file}:`) && r.source === a.source), `${a.file} /${a.source}/ is gone: remove it from AWAITING_OWNER`).toBe(true);
    }
    const found = JS.filter((r) => awaiting(r));
    console.log(`[regex] super-linear in isolation, bounded where used (not measured):\n${found.map((r) => `  ${r.where} /${r.source}/${r.flags}: ${awaiting(r)!.why}`).join('\n')}`);
  });

  for (const [name, list] of [
    ['TypeScript sources', JS],
    ['TextMate grammar (Oniguruma)', ONIG],
  ] as const) {
    it(`${name}: every pattern grows at most ${MAX_GROWTH}x when its hostile input grows 4x`, { timeout: 900_000 }, async () => {
      const failures: string[] = [];
      const slowest: Verdict[] = [];
      let strings = 0;
      for (const [k, regex] of list.entries()) {
        if (awaiting(regex)) continue;
        const shapes = shapesFor(regex.source, regex.flags, regex.engine, { ...SHAPES, seed: SEED + k });
        strings += shapes.length;
        const v = await measure(regex, shapes);
        const pattern = `/${regex.source}/${regex.flags}${regex.approximated ? ' (dynamic parts sampled)' : ''}`;
        if (v.failure) failures.push(`${regex.where} ${pattern}: ${v.failure}`);
        else if (v.worst?.ratio !== undefined && v.worst.ratio > MAX_GROWTH) {
          failures.push(
            `${regex.where} ${pattern}: ${v.worst.tSmall!.toFixed(1)} ms -> ${v.worst.tBig.toFixed(1)} ms (x${v.worst.ratio.toFixed(1)}) on ${describeShape(v.shapes[v.worst.shape], SIZES[1])}`,
          );
        }
        if (v.worst) slowest.push(v);
      }
      slowest.sort((a, b) => (b.worst?.tBig ?? 0) - (a.worst?.tBig ?? 0));
      console.log(
        `[regex] ${name}: ${list.length} patterns, ${strings} hostile strings of ${SIZES[1]} characters; slowest:\n` +
          slowest
            .slice(0, 5)
            .map((v) => `  ${v.worst!.tBig.toFixed(2).padStart(8)} ms${v.worst!.ratio ? ` (x${v.worst!.ratio.toFixed(1)} for 4x)` : ''}  ${v.regex.where}`)
            .join('\n'),
      );
      expect(failures).toEqual([]);
    });
  }
});
