#!/usr/bin/env node
// Figures for the cross-cable index on a 10 000-file folder (copies of tests/fixtures/cables): build time,
// event-loop stalls during the build, heap retained, snapshot size, no-op rebuild, one-file re-index, searches,
// citedBy. Prints figures; asserts nothing. Usage: node bench/workspace-index.mjs [fileCount]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

if (typeof globalThis.gc !== 'function') {
  // Heap figures need a forced collection: re-run under --expose-gc.
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const COUNT = Number(process.argv[2] ?? 10000);
const work = mkdtempSync(join(tmpdir(), 'cable-xref-bench-'));

// The pure modules, bundled for Node (the bench must run without a TypeScript loader).
const bundle = join(work, 'workspace.cjs');
await build({
  stdin: {
    contents: `export * from ${JSON.stringify(join(root, 'server/src/workspace/index.ts'))};
export { nodeIndexSource } from ${JSON.stringify(join(root, 'server/src/handlers/workspaceFiles.ts'))};`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: bundle,
  logLevel: 'warning',
});
const ws = createRequire(import.meta.url)(bundle);

const fmt = (n, d = 1) => n.toFixed(d);
const mb = (b) => `${fmt(b / 1048576)} MB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};

try {
  // ------------------------------------------------------------------ the folder
  const fixtures = join(root, 'tests/fixtures/cables');
  const sources = readdirSync(fixtures).filter((f) => f.endsWith('.txt')).sort();
  const folder = join(work, 'cables');
  let bytes = 0;
  for (let i = 0; i < COUNT; i++) {
    const dir = join(folder, `d${String(Math.floor(i / 500)).padStart(2, '0')}`);
    if (i % 500 === 0) mkdirSync(dir, { recursive: true });
    const src = join(fixtures, sources[i % sources.length]);
    copyFileSync(src, join(dir, `${String(i).padStart(5, '0')}-${sources[i % sources.length]}`));
    bytes += statSync(src).size;
  }
  console.log(`folder: ${COUNT} files (${sources.length} distinct real cables, cycled), ${mb(bytes)}`);

  const rootUri = pathToFileURL(folder).href;
  // The server's own file access: asynchronous walk, stat stamps, the CLI's decoding.
  const source = ws.nodeIndexSource();
  const readSync = (uri) => readFileSync(fileURLToPath(uri), 'utf8');

  // ------------------------------------------------------------------ build
  let t = performance.now();
  const listed = await source.list([rootUri]);
  console.log(`list (async walk): ${fmt(performance.now() - t)} ms, ${listed.length} files`);

  const heapBefore = heap();
  const index = new ws.WorkspaceIndex();
  let lastTick = performance.now();
  let worstStall = 0;
  const ticker = setInterval(() => {
    const n = performance.now();
    worstStall = Math.max(worstStall, n - lastTick);
    lastTick = n;
  }, 1);
  t = performance.now();
  const result = await ws.buildIndex(index, source, [rootUri], { sliceMs: 20 });
  const buildMs = performance.now() - t;
  clearInterval(ticker);
  console.log(
    `build: ${fmt(buildMs, 0)} ms (${fmt((result.indexed / buildMs) * 1000, 0)} files/s), ${index.cableCount} cables, ` +
      `failed ${result.failed}; worst event-loop stall ${fmt(worstStall)} ms (slice 20 ms)`,
  );
  const heapAfter = heap();
  const retained = heapAfter - heapBefore;
  const snapshot = JSON.stringify(index);
  console.log(
    `memory: index retains ${mb(retained)} of heap (${fmt(retained / index.cableCount / 1024, 2)} KB per cable); ` +
      `snapshot JSON ${mb(snapshot.length)}; source text was ${mb(bytes)}`,
  );

  // ------------------------------------------------------------------ incremental
  t = performance.now();
  const again = await ws.buildIndex(index, source, [rootUri]);
  console.log(`no-op rebuild (stamps unchanged): ${fmt(performance.now() - t, 0)} ms, unchanged ${again.unchanged}`);
  const uris = index.uris();
  const one = [];
  for (let i = 0; i < 200; i++) {
    const uri = uris[(i * 37) % uris.length];
    const text = readSync(uri);
    const s = performance.now();
    index.setText(uri, text, `edit${i}`);
    one.push(performance.now() - s);
  }
  console.log(`re-index one file (read excluded): median ${fmt(median(one), 2)} ms, max ${fmt(Math.max(...one), 2)} ms`);
  const rm = [];
  for (let i = 0; i < 200; i++) {
    const uri = uris[(i * 53) % uris.length];
    const f = index.get(uri);
    const s = performance.now();
    index.remove(uri);
    rm.push(performance.now() - s);
    index.put(f);
  }
  console.log(`remove one file: median ${fmt(median(rm), 3)} ms`);

  // ------------------------------------------------------------------ queries
  for (const q of ['09STATE127892', 'STATE 127892', '#PGOV KZ', '2009-02', 'nuclear iran', 'prisonr', 'berlin', '09ber1162', '']) {
    const times = [];
    let hits = 0;
    for (let i = 0; i < 15; i++) {
      const s = performance.now();
      hits = index.search(q, 200).length;
      times.push(performance.now() - s);
    }
    console.log(`search ${JSON.stringify(q).padEnd(16)} median ${fmt(median(times), 1)} ms (${hits} results, limit 200)`);
  }
  const cited = [];
  let citing = 0;
  for (let i = 0; i < 15; i++) {
    const s = performance.now();
    citing = index.citedBy('09STATE127892').length;
    cited.push(performance.now() - s);
  }
  console.log(`citedBy 09STATE127892: median ${fmt(median(cited), 2)} ms (${citing} citing REF items over the copies)`);
  const look = [];
  for (let i = 0; i < 1000; i++) {
    const s = performance.now();
    index.lookup('09PARIS1097');
    look.push(performance.now() - s);
  }
  console.log(`lookup: median ${fmt(median(look) * 1000, 1)} µs`);

  t = performance.now();
  const restored = ws.WorkspaceIndex.fromJSON(JSON.parse(snapshot));
  console.log(`restore from snapshot: ${fmt(performance.now() - t, 0)} ms (${restored.cableCount} cables)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
