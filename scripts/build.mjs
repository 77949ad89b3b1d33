// Bundles every entry point into dist/ (CommonJS, Node 20). `vscode` is provided by the editor.
import { build } from 'esbuild';
import { chmodSync, existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const entries = [
  { in: 'server/src/cli/main.ts', out: 'cable-lint', bin: true },
  { in: 'server/src/server.ts', out: 'server', bin: true },
  { in: 'client/src/extension.ts', out: 'extension', bin: false },
].filter((e) => existsSync(e.in));

await build({
  entryPoints: entries.map((e) => ({ in: e.in, out: e.out })),
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode'],
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(version) },
});

for (const e of entries) if (e.bin) chmodSync(`dist/${e.out}.js`, 0o755);
