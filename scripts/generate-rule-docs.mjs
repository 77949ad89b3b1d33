// Writes docs/rules/<id>.md, docs/rules/README.md and schemas/cablelintrc.schema.json from the rule metadata.
// The rendering lives in scripts/ruleDocs.ts (shared with the staleness test); esbuild bundles it for Node here.
// Usage: node scripts/generate-rule-docs.mjs [--check]   (--check: exit 1 if a file is stale, write nothing)
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const out = join(tmpdir(), `cable-rule-docs-${process.pid}.mjs`);

await build({
  entryPoints: [join(root, 'scripts/ruleDocs.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
const { generatedFiles } = await import(pathToFileURL(out).href);
rmSync(out, { force: true });

const files = generatedFiles();
const stale = [];
for (const [path, content] of files) {
  const abs = join(root, path);
  const current = existsSync(abs) ? readFileSync(abs, 'utf8') : null;
  if (current === content) continue;
  stale.push(path);
  if (!check) {
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}
// Pages of rules that no longer exist.
for (const name of readdirSync(join(root, 'docs/rules'))) {
  const path = `docs/rules/${name}`;
  if (name.endsWith('.md') && !files.has(path)) {
    stale.push(path);
    if (!check) rmSync(join(root, path));
  }
}
if (check && stale.length > 0) {
  console.error(`Stale generated files (run node scripts/generate-rule-docs.mjs):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
console.log(check ? 'Rule docs and schema are up to date.' : `Wrote ${stale.length} file(s)${stale.length ? `:\n  ${stale.join('\n  ')}` : ''}`);
