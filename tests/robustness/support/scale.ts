/**
 * How hard the robustness tests push. `npm test` runs them small (seconds); `npm run fuzz` (scripts/fuzz.mjs)
 * sets CABLE_FUZZ=1 for many more runs and the full input sizes the issue names, and CABLE_FUZZ_SEED to explore
 * other seeds. A failure prints its seed and path, so it can be replayed.
 */
export const FUZZ = process.env.CABLE_FUZZ === '1';

/** The fast-check seed: fixed for `npm test` (reproducible), chosen by `npm run fuzz`. */
export const SEED = process.env.CABLE_FUZZ_SEED ? Number(process.env.CABLE_FUZZ_SEED) : 20261127;

/** Number of runs: `quick` in npm test, `fuzz` under npm run fuzz. */
export function runs(quick: number, fuzz: number): number {
  return FUZZ ? fuzz : quick;
}
