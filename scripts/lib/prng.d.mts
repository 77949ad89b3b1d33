/** Numbers in [0, 1) from `seed` (mulberry32). */
export function prng(seed: number): () => number;
