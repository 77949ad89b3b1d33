// Runs one regular expression against pathological strings and reports the CPU time per string, in a worker
// thread so that a catastrophic pattern (which would never return) can be stopped from outside.
// Message in:  { id, engine: 'js'|'onig', source, flags, shapes: [{prefix, unit, tail}], sizes: [small, big], floorMs, samples }
// Messages out: { id, progress: shapeIndex } before each string, then { id, done: true, results } or { id, error }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

const require = createRequire(import.meta.url);
let onig = null;

async function loadOnig() {
  if (onig) return onig;
  const mod = require('vscode-oniguruma');
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await mod.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  onig = mod;
  return onig;
}

function cpu(f) {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** A matcher that scans the whole string the way its user does: every match of a global regex, else the first. */
function jsScan(source, flags) {
  const re = new RegExp(source, flags);
  if (!re.global) return (s) => void re.exec(s);
  return (s) => {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) if (m[0].length === 0) re.lastIndex++;
  };
}

/** TextMate calls the scanner again from the end of each match along the line (vscode-textmate adds the \n). */
function onigScan(source) {
  const scanner = new onig.OnigScanner([source]);
  return (s) => {
    const str = new onig.OnigString(`${s}\n`);
    try {
      let pos = 0;
      while (pos <= s.length) {
        const m = scanner.findNextMatchSync(str, pos);
        if (!m) break;
        const end = m.captureIndices[0].end;
        pos = end > pos ? end : pos + 1;
      }
    } finally {
      str.dispose();
    }
  };
}

function build(shape, n) {
  const reps = Math.max(1, Math.ceil(n / Math.max(1, shape.unit.length)));
  return shape.prefix + shape.unit.repeat(reps) + shape.tail;
}

parentPort.on('message', async (task) => {
  try {
    if (task.engine === 'onig') await loadOnig();
    const scan = task.engine === 'onig' ? onigScan(task.source) : jsScan(task.source, task.flags);
    const [small, big] = task.sizes;
    const results = [];
    for (let k = 0; k < task.shapes.length; k++) {
      parentPort.postMessage({ id: task.id, progress: k });
      const sBig = build(task.shapes[k], big);
      scan(sBig.slice(0, 64)); // warm-up on a short string
      const tBig = cpu(() => scan(sBig));
      if (tBig < task.floorMs) {
        results.push({ shape: k, tBig });
        continue;
      }
      // Above the screening floor: measure the growth properly (minimum of several samples, interleaved).
      const sSmall = build(task.shapes[k], small);
      let a = Infinity;
      let b = tBig;
      for (let r = 0; r < task.samples; r++) {
        a = Math.min(a, cpu(() => scan(sSmall)));
        b = Math.min(b, cpu(() => scan(sBig)));
      }
      results.push({ shape: k, tBig: b, tSmall: a, ratio: b / Math.max(a, 0.001) });
    }
    parentPort.postMessage({ id: task.id, done: true, results });
  } catch (err) {
    parentPort.postMessage({ id: task.id, error: String(err && err.message ? err.message : err) });
  }
});
