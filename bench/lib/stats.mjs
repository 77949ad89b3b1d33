/** Summary statistics and table formatting for the benchmark figures. */

/** Value at quantile q (0..1) of the samples, linear interpolation between the nearest ranks. */
export function quantile(samples, q) {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  const pos = (s.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/** Median, min and max of repeated runs (the form every figure is reported in). */
export function summary(samples) {
  return { median: quantile(samples, 0.5), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length };
}

/** p50/p95 (and max) of latencies. */
export function latency(samples) {
  return { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), max: Math.max(...samples), n: samples.length };
}

export function nowMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** A fixed-width text table; numbers are formatted by the caller. */
export function table(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => String(r[c] ?? '').length)));
  const line = (r) => r.map((v, c) => (c === 0 ? String(v ?? '').padEnd(widths[c]) : String(v ?? '').padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** `12.3` with a sensible number of digits for the magnitude. */
export function num(x, digits) {
  if (x === null || x === undefined || Number.isNaN(x)) return '-';
  const d = digits ?? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2);
  return x.toFixed(d);
}
