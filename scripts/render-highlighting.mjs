#!/usr/bin/env node
// Renders the seed cable highlighted by syntaxes/cable.tmLanguage.json with the Dark+ token
// colours (resolved by vscode-textmate's own theme engine, as in VS Code) to HTML, then
// screenshots it with headless Chromium into docs/images/highlighting.png.
//
//   node scripts/render-highlighting.mjs [--theme "Light+"] [--out docs/images/x.png] [--html-only]
//
// A development tool for the README picture; not part of `npm test`.
// Needs Debian's chromium (`apt-get install -y chromium`) unless --html-only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const themeName = option('--theme', 'Dark+');
const out = resolve(root, option('--out', 'docs/images/highlighting.png'));
const seedPath = join(root, 'seeds', '000_0ac2a656c61260b0.txt');

// Which seed lines to show (1-based, inclusive), in two columns; gaps are marked.
const COLUMNS = [
  [[1, 62]],
  [
    [63, 70],
    [85, 99],
    [139, 147],
    [211, 220],
  ],
];
// The seed is unclassified; these lines (not from the seed) show the other level colours.
const EXAMPLES = [
  'C O N F I D E N T I A L SECTION 01 OF 02 MADRID 000123',
  'S E C R E T STATE 083673',
  'ZNY SSSSS ZZH',
  '1. (U) Unclassified paragraph.   2. (SBU) Sensitive but unclassified.',
  '3. (C) Confidential paragraph.',
  '4. (S//NF) Secret, no foreign nationals.',
  '5. (TS) Top secret paragraph.',
];

const themes = JSON.parse(readFileSync(join(root, 'tests', 'grammar', 'default-themes.json'), 'utf8')).themes;
const theme = themes[themeName];
if (!theme) throw new Error(`unknown theme ${themeName}; known: ${Object.keys(themes).join(', ')}`);

const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
const registry = new vsctm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (p) => new oniguruma.OnigScanner(p),
    createOnigString: (s) => new oniguruma.OnigString(s),
  }),
  loadGrammar: async () =>
    vsctm.parseRawGrammar(readFileSync(join(root, 'syntaxes', 'cable.tmLanguage.json'), 'utf8'), 'cable.tmLanguage.json'),
  theme: { settings: [{ settings: { foreground: theme.foreground, background: theme.background } }, ...theme.tokenColors] },
});
const grammar = await registry.loadGrammar('source.cable');
const colors = registry.getColorMap();

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, ' ');
const lines = readFileSync(seedPath, 'utf8').split(/\r?\n/);
let stack = vsctm.INITIAL;
function renderTokens(text, tokens) {
  let row = '';
  for (let i = 0; i < tokens.length; i += 2) {
    const start = tokens[i];
    const end = i + 2 < tokens.length ? tokens[i + 2] : text.length;
    const meta = tokens[i + 1];
    const fontStyle = (meta & 0b111100000000000) >>> 11;
    const css = [`color:${colors[(meta & 0xff8000) >>> 15]}`];
    if (fontStyle & 1) css.push('font-style:italic');
    if (fontStyle & 2) css.push('font-weight:bold');
    if (fontStyle & 4) css.push('text-decoration:underline');
    row += `<span style="${css.join(';')}">${escape(text.slice(start, end))}</span>`;
  }
  return row;
}
const html = lines.map((text) => {
  const { tokens, ruleStack } = grammar.tokenizeLine2(text, stack);
  stack = ruleStack;
  return renderTokens(text, tokens);
});

function highlightAlone(text) {
  const { tokens } = grammar.tokenizeLine2(text, vsctm.INITIAL);
  return renderTokens(text, tokens);
}
// Each example is its own one-line document; three spaces separate two examples on a row.
const examples = EXAMPLES.map((text) => text.split('   ').map(highlightAlone).join('   '));

const column = (ranges) =>
  ranges
    .map(([from, to], k) => {
      const rows = [];
      if (k > 0) rows.push('<div class="gap">⋯</div>');
      for (let n = from; n <= to; n++) rows.push(`<div class="line"><span class="num">${n}</span>${html[n - 1] || ' '}</div>`);
      return rows.join('');
    })
    .join('');

const page = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; background: ${theme.background}; }
  .title { font: 13px sans-serif; color: #999; background: #252526; padding: 7px 14px; border-bottom: 1px solid #333; }
  .editor { display: flex; gap: 28px; padding: 10px 14px; }
  .col { flex: 0 0 auto; }
  .line, .gap { font: 14px/19px "DejaVu Sans Mono", "Liberation Mono", monospace; white-space: pre; color: ${theme.foreground}; }
  .gap { color: #6e7681; padding-left: 56px; }
  .note { font: italic 13px/19px sans-serif; margin-top: 19px; }
  .num { display: inline-block; width: 40px; margin-right: 16px; text-align: right; color: #6e7681; }
</style></head><body>
<div class="title">000_0ac2a656c61260b0.txt — Diplomatic Cable — ${escape(themeName)}</div>
<div class="editor">${COLUMNS.map(
  (c, i) =>
    `<div class="col">${column(c)}${
      i === COLUMNS.length - 1
        ? `<div class="gap note">other levels (examples, not from the seed)</div>${examples.map((e) => `<div class="line"><span class="num"></span>${e}</div>`).join('')}`
        : ''
    }</div>`,
).join('')}</div>
</body></html>`;

const dir = mkdtempSync(join(tmpdir(), 'cable-render-'));
const htmlPath = join(dir, 'highlighting.html');
writeFileSync(htmlPath, page);
console.log(`wrote ${htmlPath}`);
if (args.includes('--html-only')) process.exit(0);

const height = 10 + 31 + Math.max(...COLUMNS.map((c) => c.reduce((n, [a, b], k) => n + (b - a + 1) + (k ? 1 : 0), 0))) * 19 + 24;
const result = spawnSync(
  'chromium',
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--hide-scrollbars',
    `--window-size=1500,${height}`,
    `--screenshot=${out}`,
    `file://${htmlPath}`,
  ],
  { encoding: 'utf8', timeout: 120_000 },
);
if (result.status !== 0) {
  console.error(result.stderr);
  process.exit(1);
}
console.log(`wrote ${out}`);
