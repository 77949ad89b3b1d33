/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per source line, mapped back
 * to the TypeScript sources through the bundle's source map when one sits next to it. Prints the top entries.
 *   node bench/profileSummary.mjs <file.cpuprofile> [top=25]
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** source-map-js comes with the dev tools (vitest); without it positions stay in the bundle. */
function loadConsumer(scriptUrl) {
  let path;
  try {
    path = scriptUrl.startsWith('file:') ? fileURLToPath(scriptUrl) : scriptUrl;
  } catch {
    return null;
  }
  if (!path || !existsSync(`${path}.map`)) return null;
  try {
    const { SourceMapConsumer } = require('source-map-js');
    return new SourceMapConsumer(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
  } catch {
    return null;
  }
}

export function summarise(profile, top = 25) {
  const { nodes, samples, timeDeltas } = profile;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  for (let i = 0; i < samples.length; i++) selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0));
  // Per-line self time from positionTicks where V8 recorded them, else the function's own line.
  const consumers = new Map();
  const where = (url, line, column) => {
    if (!consumers.has(url)) consumers.set(url, loadConsumer(url));
    const c = consumers.get(url);
    if (c) {
      const p = c.originalPositionFor({ line, column: Math.max(0, column) });
      if (p.source) return `${relative(process.cwd(), p.source.replace(/^(\.\.\/)+/, '/').replace(/^.*?\/server\/src\//, 'server/src/'))}:${p.line}`;
    }
    return `${url.replace(/^.*\//, '')}:${line}`;
  };
  const funcs = new Map();
  const lines = new Map();
  let total = 0;
  for (const n of nodes) {
    const us = selfUs.get(n.id) ?? 0;
    total += us;
    if (!us) continue;
    const cf = n.callFrame;
    const name = cf.functionName || '(anonymous)';
    const fkey = cf.url ? `${name}  ${where(cf.url, cf.lineNumber + 1, cf.columnNumber)}` : name;
    funcs.set(fkey, (funcs.get(fkey) ?? 0) + us);
    if (cf.url && n.positionTicks?.length) {
      const ticks = n.positionTicks.reduce((s, t) => s + t.ticks, 0);
      for (const t of n.positionTicks) {
        const key = where(cf.url, t.line, 0);
        lines.set(key, (lines.get(key) ?? 0) + (us * t.ticks) / ticks);
      }
    } else if (cf.url) {
      const key = where(cf.url, cf.lineNumber + 1, cf.columnNumber);
      lines.set(key, (lines.get(key) ?? 0) + us);
    }
  }
  void byId;
  const fmt = (m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  return { totalMs: total / 1000, functions: fmt(funcs), lines: fmt(lines) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node bench/profileSummary.mjs <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  const s = summarise(JSON.parse(readFileSync(file, 'utf8')), Number(process.argv[3] ?? 25));
  process.stdout.write(`total ${s.totalMs.toFixed(0)} ms\n\nself time by function:\n${s.functions.join('\n')}\n\nself time by line:\n${s.lines.join('\n')}\n`);
}
