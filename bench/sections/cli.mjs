/**
 * Figure 6: cable-lint over a directory of 10 000 cable files (copies of the real fixtures), files per second,
 * with one thread (--jobs 1) and with worker threads (one per core, at least 2); both outputs must be
 * byte-identical. Also the
 * bare process start-up (`--version`), to show what the per-run overhead is. Prints one JSON object on stdout.
 *   node bench/sections/cli.mjs [--quick]
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus, ROOT } from '../lib/corpus.mjs';
import { nowMs, summary } from '../lib/stats.mjs';

const quick = process.argv.includes('--quick');
const FILES = quick ? 2000 : 10_000;
const CLI = join(ROOT, 'dist/cable-lint.js');

function run(args) {
  return new Promise((resolve, reject) => {
    const t0 = nowMs();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const hash = createHash('sha256');
    let bytes = 0;
    let err = '';
    child.stdout.on('data', (b) => {
      bytes += b.length;
      hash.update(b);
    });
    child.stderr.on('data', (b) => (err += b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: nowMs() - t0, code, bytes, sha256: hash.digest('hex'), stderr: err }));
  });
}

const corpus = loadCorpus();
const dir = mkdtempSync(join(tmpdir(), 'cable-lint-bench-'));
try {
  for (let i = 0; i < FILES; i++) {
    const sub = join(dir, String(Math.floor(i / 100)).padStart(3, '0'));
    if (i % 100 === 0) mkdirSync(sub);
    const f = corpus.files[i % corpus.files.length];
    copyFileSync(f.path, join(sub, `${String(i).padStart(5, '0')}-${f.name}`));
  }
  const bytes = Array.from({ length: FILES }, (_, i) => corpus.files[i % corpus.files.length].bytes).reduce((a, b) => a + b, 0);

  const startup = [];
  for (let r = 0; r < 5; r++) startup.push((await run(['--version'])).ms);

  const modes = [
    { name: 'one thread', args: ['--jobs', '1', dir] },
    { name: `${Math.max(2, availableParallelism())} worker threads`, args: ['--jobs', String(Math.max(2, availableParallelism())), dir] },
  ];
  const results = {};
  await run(modes[0].args); // warm the page cache
  const runs = quick ? 1 : 3;
  for (const m of modes) {
    const samples = [];
    let last;
    for (let r = 0; r < runs; r++) {
      last = await run(m.args);
      samples.push(FILES / (last.ms / 1000));
    }
    results[m.name] = { filesPerSecond: summary(samples), MBs: (summary(samples).median * bytes) / FILES / 1e6, exit: last.code, outputBytes: last.bytes, sha256: last.sha256, stderr: last.stderr.slice(0, 500) };
  }
  const [a, b] = Object.values(results);
  process.stdout.write(
    `${JSON.stringify({ files: FILES, bytes, startupMs: summary(startup), modes: results, identicalOutput: a.sha256 === b.sha256 && a.exit === b.exit })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
