#!/usr/bin/env node
/**
 * `npm run bench`: the six performance figures of the project, side by side with the floor and the targets.
 * Each section runs in its own Node process (no section pays for another's garbage); each figure is a median of
 * several runs after a warm-up, shown with min and max. Prints a table and writes bench/results.json.
 *
 *   node bench/run.mjs [--quick] [--only analysis,editor,cli] [--profile]
 *
 * --quick    fewer runs and smaller inputs (a smoke run, not figures to quote)
 * --profile  also write V8 CPU profiles (node --cpu-prof) to bench/profiles/ and print their hottest lines
 * Expects dist/ to be built (`npm run bench` builds it first).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { summarise } from './profileSummary.mjs';
import { num, table } from './lib/stats.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const profile = args.includes('--profile');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1]).split(',') : ['analysis', 'editor', 'cli'];
const PROFILES = join(HERE, 'profiles');

if (!existsSync(join(ROOT, 'dist/server.js')) || !existsSync(join(ROOT, 'dist/cable-lint.js'))) {
  process.stderr.write('bench: dist/ is not built; run `npm run bench` (it builds first) or `npm run build`.\n');
  process.exit(2);
}

function machine() {
  const c = cpus();
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout: no commit to record
  }
  return { cores: c.length, cpu: c[0]?.model?.trim() ?? 'unknown', node: process.version, os: `${platform()} ${release()}`, memoryGB: +(totalmem() / 2 ** 30).toFixed(1), commit, date: new Date().toISOString() };
}

/** Runs one section in a fresh Node process and returns the JSON it prints. */
function section(name, nodeArgs, scriptArgs) {
  const prof = profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, ...prof, join(HERE, 'sections', `${name}.mjs`), ...scriptArgs, ...(quick ? ['--quick'] : [])], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...(profile ? { BENCH_SERVER_PROFILE_DIR: PROFILES } : {}) },
    });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench section ${name} failed (exit ${code})`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)));
      } catch (e) {
        reject(new Error(`bench section ${name} printed no result: ${out.slice(-500)}`));
      }
    });
  });
}

async function analysisBundle() {
  const outfile = join(HERE, 'out', 'analysis.cjs');
  await build({ entryPoints: [join(HERE, 'analysis.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' });
  return outfile;
}

const results = { machine: machine(), quick };
if (profile) {
  rmSync(PROFILES, { recursive: true, force: true });
  mkdirSync(PROFILES, { recursive: true });
}
const log = (s) => process.stderr.write(`bench: ${s}\n`);
if (only.includes('analysis')) {
  log('analysis, floor and scaling (in process, one thread)...');
  results.analysis = await section('analysis', ['--expose-gc', '--max-old-space-size=6144'], [await analysisBundle()]);
}
if (only.includes('editor')) {
  log('editor latency and memory through the language server...');
  results.editor = await section('editor', [], []);
}
if (only.includes('cli')) {
  log('cable-lint over 10 000 files...');
  results.cli = await section('cli', [], []);
}

// ------------------------------------------------------------------------------------------------ table
const TARGETS = { analysisMBs: 150, ratio: 4, seedP95: 10, bigP95: 100, rssMB: 150 };
const rows = [];
const mm = (s, f = (x) => num(x)) => (s ? `${f(s.min)}-${f(s.max)}` : '');
const ok = (b) => (b ? 'yes' : 'NO');
const MB = (b) => b / 2 ** 20;
const a = results.analysis;
if (a) {
  rows.push(['1 analysis: parse + rules + outline', `${num(a.analysisMBs.median)} MB/s`, mm(a.analysisMBs), `>= ${TARGETS.analysisMBs} MB/s`, ok(a.analysisMBs.median >= TARGETS.analysisMBs)]);
  for (const st of ['parse', 'rules', 'outline']) rows.push([`    ${st} alone`, `${num(a.stagesMBs[st].median)} MB/s`, mm(a.stagesMBs[st]), '', '']);
  rows.push(['2 floor: split lines + first char', `${num(a.floorMBs.median)} MB/s`, mm(a.floorMBs), '', '']);
  rows.push(['  analysis time / floor time', `${num(a.ratio.median, 1)}x`, mm(a.ratio, (x) => num(x, 1)), `<= ${TARGETS.ratio}x`, ok(a.ratio.median <= TARGETS.ratio)]);
  const base = a.scaling[0].msPerMB.median;
  for (const s of a.scaling) {
    const flat = s.msPerMB.median / base;
    rows.push([`3 scaling ${s.times}x (${num(s.bytes / 1e6, 0)} MB, ${s.cables} cables)`, `${num(s.msPerMB.median)} ms/MB`, mm(s.msPerMB), s.times === 1 ? 'flat' : `${num(flat, 2)}x of 1x`, s.times === 1 ? '' : ok(flat <= 1.3)]);
  }
  rows.push([`  corpus: ${a.corpus.files} files, ${num(a.corpus.bytes / 1e6, 1)} MB`, '', '', '', '']);
}
const e = results.editor;
if (e) {
  for (const [key, label, target] of [
    ['seed', `seed (${num(e.seed.bytes / 1024, 0)} KB)`, TARGETS.seedP95],
    ['big', `${num(e.big.bytes / 1e6, 1)} MB, ${e.big.diagnostics} diagnostics`, TARGETS.bigP95],
  ]) {
    const r = e[key];
    rows.push([`4 ${label}: didChange -> diagnostics`, `p50 ${num(r.didChangeToDiagnosticsMs.p50)} ms`, `p95 ${num(r.didChangeToDiagnosticsMs.p95)} ms`, `p95 < ${target} ms`, ok(r.didChangeToDiagnosticsMs.p95 < target)]);
    rows.push(['    documentSymbol', `p50 ${num(r.documentSymbolMs.p50)} ms`, `p95 ${num(r.documentSymbolMs.p95)} ms`, '', '']);
    rows.push([`    hover (${num(100 * r.hoverHitRate, 0)}% had content)`, `p50 ${num(r.hoverMs.p50)} ms`, `p95 ${num(r.hoverMs.p95)} ms`, '', '']);
    if (r.semanticTokensMs) rows.push(['    semanticTokens (whole document)', `p50 ${num(r.semanticTokensMs.p50)} ms`, `p95 ${num(r.semanticTokensMs.p95)} ms`, '', '']);
    rows.push(['    open -> first diagnostics', `${num(r.openToDiagnosticsMs)} ms`, '', '', '']);
  }
  const m = e.memory;
  const rss = (x) => MB(x.vmRss ?? x.rss);
  rows.push(['5 server memory idle: RSS / heap', `${num(rss(m.idle))} MB`, `heap ${num(MB(m.idle.heapUsed))} MB`, '', '']);
  rows.push(['  10 MB file open, right after the edits', `${num(rss(m.open))} MB`, `heap ${num(MB(m.open.heapUsed))} MB`, '', '']);
  rows.push([`  10 MB file open, idle ${m.openSettled.idleSeconds} s`, `${num(rss(m.openSettled))} MB`, `heap ${num(MB(m.openSettled.heapUsed))} MB`, `RSS < ${TARGETS.rssMB} MB`, ok(rss(m.openSettled) < TARGETS.rssMB)]);
  rows.push(['  closed, right after', `${num(rss(m.closed))} MB`, `heap ${num(MB(m.closed.heapUsed))} MB`, '', '']);
  rows.push([`  closed, idle ${m.closedSettled.idleSeconds} s`, `${num(rss(m.closedSettled))} MB`, `heap ${num(MB(m.closedSettled.heapUsed))} MB`, `near idle (${num(rss(m.idle))} MB)`, ok(rss(m.closedSettled) < rss(m.idle) * 1.5)]);
  if (m.closedSettled.vmHwm) rows.push(['  peak RSS over the session', `${num(MB(m.closedSettled.vmHwm))} MB`, '', '', '']);
}
const c = results.cli;
if (c) {
  for (const [name, r] of Object.entries(c.modes)) {
    rows.push([`6 cable-lint, ${c.files} files, ${name}`, `${num(r.filesPerSecond.median, 0)} files/s`, mm(r.filesPerSecond, (x) => num(x, 0)), `${num(r.MBs)} MB/s`, r.exit === 2 ? 'FAILED' : '']);
  }
  rows.push(['  outputs identical (bytes and exit code)', c.identicalOutput ? 'yes' : 'NO', '', '', ok(c.identicalOutput)]);
  rows.push(['  process start-up (--version)', `${num(c.startupMs.median)} ms`, mm(c.startupMs), '', '']);
}
const m = results.machine;
const header = `Machine: ${m.cores} cores (${m.cpu}), Node ${m.node}, ${m.os}, ${m.memoryGB} GB${m.commit ? `, commit ${m.commit}` : ''}${quick ? ' (QUICK RUN: not figures to quote)' : ''}`;
const printed = `${header}\n\n${table(['figure', 'median', 'min-max / p95', 'target', 'met'], rows)}\n`;
process.stdout.write(printed);
results.table = printed;
writeFileSync(join(HERE, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stderr.write('bench: wrote bench/results.json\n');

if (profile) {
  for (const f of readdirSync(PROFILES).filter((n) => n.endsWith('.cpuprofile'))) {
    const s = summarise(JSON.parse(readFileSync(join(PROFILES, f), 'utf8')), 15);
    process.stdout.write(`\nProfile ${f} (${num(s.totalMs, 0)} ms): hottest functions (self time)\n${s.functions.join('\n')}\nhottest lines\n${s.lines.join('\n')}\n`);
  }
}
