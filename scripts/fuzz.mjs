// npm run fuzz: the robustness tests (tests/robustness) at full strength: many more property runs, the issue's
// full input sizes (10 MB on one line, 100 000 paragraphs...), 50 000 server edits, every-edit comparisons.
// A failure prints its seed; replay it with the same seed.
//
//   npm run fuzz                          a new seed (printed)
//   npm run fuzz -- --seed 1234567        replay a seed
//   npm run fuzz -- properties regex      only the test files whose names match
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let seed = String(Date.now() % 2_147_483_647);
const filters = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--seed' && args[i + 1]) seed = args[++i];
  else if (args[i].startsWith('--seed=')) seed = args[i].slice(7);
  else filters.push(args[i]);
}
if (!/^\d+$/.test(seed)) {
  console.error(`fuzz: --seed needs a whole number (got ${seed})`);
  process.exit(2);
}

console.log(`fuzz: seed ${seed} (replay: npm run fuzz -- --seed ${seed}${filters.length ? ` ${filters.join(' ')}` : ''})`);
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const vitest = join(root, 'node_modules/vitest/vitest.mjs');
if (!existsSync(vitest)) {
  console.error('fuzz: vitest is not installed (npm ci)');
  process.exit(2);
}
const paths = filters.length ? filters.map((f) => `tests/robustness/${f}`) : ['tests/robustness'];
const run = spawnSync(process.execPath, [vitest, 'run', ...paths], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CABLE_FUZZ: '1', CABLE_FUZZ_SEED: seed },
});
if (run.status !== 0) console.error(`fuzz: failed with seed ${seed} (replay: npm run fuzz -- --seed ${seed})`);
process.exit(run.status ?? 1);
