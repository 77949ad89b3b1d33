/**
 * Figures 1-3, in one process, single thread: analysis throughput (parse + all rules + outline) over the real
 * cables, the floor (split into lines, test each line's first character) over the same strings in the same run,
 * and scaling of one multi-cable document replicated 1x/4x/16x. File reading is excluded from every timing.
 * Prints one JSON object on stdout.
 *   node --expose-gc bench/sections/analysis.mjs <analysis bundle> [--quick]
 */
import { createRequire } from 'node:module';
import { loadCorpus, multiCableDocument } from '../lib/corpus.mjs';
import { nowMs, summary } from '../lib/stats.mjs';

const require = createRequire(import.meta.url);
const bundle = process.argv[2];
const quick = process.argv.includes('--quick');
const { parseCables, runRules, buildOutline } = require(bundle);

const gc = () => globalThis.gc?.();
const MB = 1e6;

const corpus = loadCorpus();
const texts = corpus.files.map((f) => f.text);

/** One analysis pass over every file: stage times in ms and a checksum the optimiser cannot drop. */
function analysePass() {
  let parse = 0;
  let rules = 0;
  let outline = 0;
  let check = 0;
  for (const text of texts) {
    const t0 = nowMs();
    const doc = parseCables(text);
    const t1 = nowMs();
    const found = runRules(doc);
    const t2 = nowMs();
    const tree = buildOutline(doc);
    const t3 = nowMs();
    parse += t1 - t0;
    rules += t2 - t1;
    outline += t3 - t2;
    check += doc.cables.length + found.length + tree.length;
  }
  return { total: parse + rules + outline, parse, rules, outline, check };
}

/** The floor: touch every byte once, the way the cheapest line-oriented reader would. */
function floorPass() {
  const t0 = nowMs();
  let count = 0;
  for (const text of texts) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) if (lines[i].charCodeAt(0) === 32) count++;
  }
  return { total: nowMs() - t0, check: count };
}

const warmups = quick ? 1 : 5;
const runs = quick ? 3 : 7;
for (let k = 0; k < warmups; k++) {
  analysePass();
  floorPass();
}
const analysis = [];
const floor = [];
const ratio = [];
const stages = { parse: [], rules: [], outline: [] };
for (let r = 0; r < runs; r++) {
  // No forced collection between passes: a full collection shrinks V8's young generation, and the pass after it
  // pays to grow it back (measured 52 against 70 MB/s). Linting a collection runs in that steady state, each pass
  // paying for its own garbage. The floor alternates before and after so neither always follows the other.
  const f1 = r % 2 ? floorPass() : null;
  const a = analysePass();
  const f = f1 ?? floorPass();
  analysis.push(corpus.bytes / MB / (a.total / 1000));
  floor.push(corpus.bytes / MB / (f.total / 1000));
  ratio.push(a.total / f.total);
  stages.parse.push(corpus.bytes / MB / (a.parse / 1000));
  stages.rules.push(corpus.bytes / MB / (a.rules / 1000));
  stages.outline.push(corpus.bytes / MB / (a.outline / 1000));
}

// ---------------------------------------------------------------- scaling: one document, 1x / 4x / 16x
const factors = quick ? [1, 4] : [1, 4, 16];
const scaling = [];
for (const times of factors) {
  let doc = multiCableDocument(corpus, times);
  const bytes = Buffer.byteLength(doc);
  const samples = [];
  let cables = 0;
  const n = times === 1 ? (quick ? 2 : 5) : times === 4 ? (quick ? 1 : 3) : 3;
  for (let r = 0; r < n; r++) {
    // One document of up to 142 MB: the previous run's model is collected before each timed run.
    gc();
    const t0 = nowMs();
    const parsed = parseCables(doc);
    runRules(parsed);
    buildOutline(parsed);
    const ms = nowMs() - t0;
    cables = parsed.cables.length;
    samples.push(ms / (bytes / MB));
  }
  scaling.push({ times, bytes, cables, msPerMB: summary(samples) });
  doc = null;
}

process.stdout.write(
  `${JSON.stringify({
    corpus: { files: corpus.files.length, bytes: corpus.bytes },
    analysisMBs: summary(analysis),
    stagesMBs: { parse: summary(stages.parse), rules: summary(stages.rules), outline: summary(stages.outline) },
    floorMBs: summary(floor),
    ratio: summary(ratio),
    scaling,
  })}\n`,
);
