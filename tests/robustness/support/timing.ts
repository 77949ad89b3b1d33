/**
 * Growth ratios, not wall-clock limits: the cost for 2n over the cost for n, both measured in the same run,
 * interleaved, the minimum of several repetitions each (the minimum is the sample least disturbed by garbage
 * collection). Cost is the process's CPU time, not elapsed time, so other programs competing for the machine's
 * cores do not count. A linear algorithm gives about 2; a quadratic one 4.
 */
export interface Growth {
  n: number;
  /** Calls per timed sample (small inputs are repeated so a sample is long enough to time). */
  iterations: number;
  tN: number;
  t2N: number;
  ratio: number;
}

/** CPU milliseconds (user + system) spent by this process in `iterations` calls of `f`. */
export function cpuTime(f: () => void, iterations = 1): number {
  const t0 = process.cpuUsage();
  for (let i = 0; i < iterations; i++) f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

function quickest(f: () => void, samples: number, iterations = 1): number {
  let best = Infinity;
  for (let s = 0; s < samples; s++) best = Math.min(best, cpuTime(f, iterations));
  return best;
}

/**
 * Measures `work(make(n))` against `work(make(2n))`. `n` starts at `start` and doubles (up to `max` for 2n) until
 * one call costs at least `minMs`, so fixed costs do not hide the growth; if `max` is reached first, each sample
 * repeats the call until it lasts about `minMs`. Inputs are made once, outside the timing; every input is run
 * before timing starts (warm-up).
 */
export function growth<T>(make: (n: number) => T, work: (input: T) => void, opts: { start: number; max: number; minMs: number; reps: number }): Growth {
  let n = opts.start;
  let small = make(n);
  work(small);
  let t = quickest(() => work(small), 3);
  while (t < opts.minMs && n * 4 <= opts.max) {
    n *= 2;
    small = make(n);
    work(small);
    t = quickest(() => work(small), 3);
  }
  const iterations = t >= opts.minMs ? 1 : Math.ceil(opts.minMs / Math.max(t, 0.05));
  const big = make(2 * n);
  work(big);
  let tN = Infinity;
  let t2N = Infinity;
  for (let r = 0; r < opts.reps; r++) {
    tN = Math.min(tN, cpuTime(() => work(small), iterations));
    t2N = Math.min(t2N, cpuTime(() => work(big), iterations));
  }
  return { n, iterations, tN, t2N, ratio: t2N / tN };
}
