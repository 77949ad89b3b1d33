// A deterministic pseudo-random generator (mulberry32): the same seed gives the same numbers on every machine, so
// benchmarks replay the same edits and generated test inputs are the same bytes. Plain JavaScript: the benchmarks
// run it under Node directly, the tests import it through prng.d.mts.

/** Numbers in [0, 1) from `seed`. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
