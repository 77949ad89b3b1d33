/**
 * Figures 4-5 through the real language server (dist/server.js --stdio in a child process): time from a
 * one-character didChange to that version's diagnostics, then documentSymbol, hover and semantic tokens at that version, for the
 * seed and for a 10 MB file of concatenated real cables; p50/p95 over N edits at random places (seeded RNG).
 * Server memory (heap after a full GC, RSS) idle, with the 10 MB file open, and after closing it.
 * Prints one JSON object on stdout.
 *   node bench/sections/editor.mjs [--quick]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchClient } from '../lib/lspClient.mjs';
import { documentOfSize, loadCorpus, loadSeed } from '../lib/corpus.mjs';
import { prng } from '../../scripts/lib/prng.mjs';
import { latency, nowMs } from '../lib/stats.mjs';

const quick = process.argv.includes('--quick');
const EDITS = quick ? 20 : 100;
const BIG_BYTES = 10_000_000;
const TYPED = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,()/';

/** The document as the editor holds it: text plus line starts, kept current across one-character inserts. */
class EditorText {
  constructor(text) {
    this.text = text;
    this.starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  /** Inserts one character that is not a line break. */
  insert(offset, ch) {
    this.text = this.text.slice(0, offset) + ch + this.text.slice(offset);
    const line = this.position(offset).line;
    for (let k = line + 1; k < this.starts.length; k++) this.starts[k] += ch.length;
  }

  /** Where a reader would hover: the first non-blank character of a line. */
  lineStartPosition(line) {
    const s = this.starts[line];
    let i = s;
    while (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9) i++;
    return this.position(i);
  }
}

async function editSession(client, uri, text, seed) {
  const doc = new EditorText(text);
  let version = 1;
  const t0 = nowMs();
  const opened = client.diagnostics(uri, (p) => p.version === version);
  await client.open(uri, text, version);
  const first = await opened;
  const openMs = nowMs() - t0;
  const s0 = nowMs();
  await client.symbols(uri);
  const firstSymbolsMs = nowMs() - s0;
  const random = prng(seed);
  const diag = [];
  const symbols = [];
  const hover = [];
  const tokens = [];
  let hoverHits = 0;
  let diagnosticsCount = first.diagnostics.length;
  for (let e = 0; e < EDITS; e++) {
    const offset = Math.floor(random() * (doc.text.length + 1));
    const ch = TYPED[Math.floor(random() * TYPED.length)];
    const at = doc.position(offset);
    doc.insert(offset, ch);
    version++;
    const v = version;
    const published = client.diagnostics(uri, (p) => p.version === v);
    const a = nowMs();
    await client.change(uri, v, { start: at, end: at }, ch);
    const d = await published;
    const b = nowMs();
    diag.push(b - a);
    diagnosticsCount = d.diagnostics.length;
    await client.symbols(uri);
    const c = nowMs();
    symbols.push(c - b);
    const line = Math.floor(random() * doc.starts.length);
    const h = await client.hover(uri, doc.lineStartPosition(line));
    const t = nowMs();
    hover.push(t - c);
    if (h) hoverHits++;
    // What an editor asks after each keystroke, besides diagnostics: the whole document's semantic tokens.
    await client.semanticTokens(uri);
    tokens.push(nowMs() - t);
  }
  return {
    chars: text.length,
    bytes: Buffer.byteLength(text),
    edits: EDITS,
    openToDiagnosticsMs: openMs,
    firstSymbolsMs,
    diagnostics: diagnosticsCount,
    didChangeToDiagnosticsMs: latency(diag),
    documentSymbolMs: latency(symbols),
    hoverMs: latency(hover),
    hoverHitRate: hoverHits / EDITS,
    semanticTokensMs: latency(tokens),
    doc,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'cable-bench-'));
const corpus = loadCorpus();
const seed = loadSeed();
const big = documentOfSize(corpus, BIG_BYTES);
const seedPath = join(dir, 'seed.cable');
const bigPath = join(dir, 'ten-megabytes.cable');
writeFileSync(seedPath, seed.text);
writeFileSync(bigPath, big);
const seedUri = pathToFileURL(seedPath).href;
const bigUri = pathToFileURL(bigPath).href;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Memory once the server has been idle long enough for the engine to give back what it no longer uses (V8's memory
 * reducer works a few seconds after activity stops, and a forced collection would reset its clock): measured after
 * 10 s without any request, then every 5 s until RSS moves less than 2 MB.
 */
async function settledMemory(client) {
  const t0 = nowMs();
  await sleep(10_000);
  let last = await client.memory();
  for (let i = 0; i < 4; i++) {
    await sleep(5000);
    const m = await client.memory();
    const moved = Math.abs((m.vmRss ?? m.rss) - (last.vmRss ?? last.rss));
    last = m;
    if (moved < 2 * 2 ** 20) break;
  }
  return { ...last, idleSeconds: Math.round((nowMs() - t0) / 1000) };
}

const client = await BenchClient.start();
try {
  const idle = await settledMemory(client);
  const seedRun = await editSession(client, seedUri, seed.text, 7);
  delete seedRun.doc;
  const bigRun = await editSession(client, bigUri, big, 11);
  delete bigRun.doc;
  const open = await client.memory();
  const openSettled = await settledMemory(client);
  const cleared = client.diagnostics(bigUri, (p) => p.diagnostics.length === 0);
  await client.close(bigUri);
  await cleared;
  const closed = await client.memory();
  const closedSettled = await settledMemory(client);
  process.stdout.write(`${JSON.stringify({ seed: { name: seed.name, ...seedRun }, big: bigRun, memory: { idle, open, openSettled, closed, closedSettled } })}\n`);
} finally {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
}
