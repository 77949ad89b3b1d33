#!/usr/bin/env node
// Generates syntaxes/cable.tmLanguage.json from syntaxes/cable.tmLanguage.yaml.
//
//   node scripts/build-grammar.mjs           write the JSON
//   node scripts/build-grammar.mjs --check   exit 1 if the committed JSON is stale
//
// The YAML carries a `variables` map; `{{name}}` in any string is replaced by the
// variable (recursively). A variable given as a list becomes `(?:a|b|...)`.
// Before writing, every regex is compiled with the same Oniguruma build VS Code uses,
// and every scope name is checked to end in `.cable`, so a broken grammar never
// reaches the editor (where a bad regex silently disables the whole rule).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(root, 'syntaxes/cable.tmLanguage.yaml');
const TARGET = join(root, 'syntaxes/cable.tmLanguage.json');
const SCOPE_SUFFIX = '.cable';
const REGEX_KEYS = new Set(['match', 'begin', 'end', 'while']);
const SCOPE_KEYS = new Set(['name', 'contentName']);

function expandVariables(variables) {
  const raw = {};
  for (const [key, value] of Object.entries(variables ?? {})) {
    raw[key] = Array.isArray(value) ? `(?:${value.join('|')})` : String(value);
  }
  const done = {};
  const resolving = new Set();
  const resolve = (key) => {
    if (key in done) return done[key];
    if (!(key in raw)) throw new Error(`unknown variable {{${key}}}`);
    if (resolving.has(key)) throw new Error(`variable cycle at {{${key}}}`);
    resolving.add(key);
    done[key] = raw[key].replace(/\{\{(\w+)\}\}/g, (_, name) => resolve(name));
    resolving.delete(key);
    return done[key];
  };
  for (const key of Object.keys(raw)) resolve(key);
  return done;
}

const usedVariables = new Set();

function substitute(value, vars) {
  return value.replace(/\{\{(\w+)\}\}/g, (_, name) => {
    if (!(name in vars)) throw new Error(`unknown variable {{${name}}}`);
    usedVariables.add(name);
    return vars[name];
  });
}

function transform(node, vars, visit, path = '') {
  if (Array.isArray(node)) return node.map((item, i) => transform(item, vars, visit, `${path}[${i}]`));
  if (node && typeof node === 'object') {
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      const here = path ? `${path}.${key}` : key;
      out[key] = typeof value === 'string' ? visit(key, substitute(value, vars), here) : transform(value, vars, visit, here);
    }
    return out;
  }
  return node;
}

/** Returns { json, problems }: the generated grammar text and any validation errors. */
export async function buildGrammar() {
  const source = yaml.load(readFileSync(SOURCE, 'utf8'));
  const { variables, ...grammar } = source;
  const vars = expandVariables(variables);
  const regexes = [];
  const problems = [];
  const body = transform(grammar, vars, (key, value, path) => {
    if (REGEX_KEYS.has(key)) regexes.push({ path, value });
    if (SCOPE_KEYS.has(key) && path !== 'name') {
      for (const scope of value.split(/\s+/).filter(Boolean)) {
        if (!scope.endsWith(SCOPE_SUFFIX)) problems.push(`${path}: scope "${scope}" does not end in ${SCOPE_SUFFIX}`);
      }
    }
    return value;
  });
  // A variable is used if a rule or another (used) variable refers to it.
  const raw = JSON.stringify(variables ?? {});
  for (const name of Object.keys(variables ?? {})) {
    if (!usedVariables.has(name) && !raw.includes(`{{${name}}}`)) problems.push(`variable ${name} is never used`);
  }
  for (const { path, value } of regexes) {
    if (/\{\d*,?\d*\}\+/.test(value.replace(/\\./g, ''))) {
      problems.push(`${path}: "{n,m}+" is a nested quantifier in Oniguruma's Ruby syntax, not a possessive one`);
    }
  }
  const onig = require('vscode-oniguruma');
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  for (const { path, value } of regexes) {
    // vscode-textmate rewrites \G and \A per line; compiling them as-is is valid too.
    try {
      new onig.OnigScanner([value]).dispose();
    } catch (error) {
      problems.push(`${path}: ${error.message}`);
    }
  }
  const generated = {
    information_for_contributors: [
      'Generated from syntaxes/cable.tmLanguage.yaml by scripts/build-grammar.mjs.',
      'Do not edit: change the YAML and run `npm run build:grammar`.',
    ],
    ...body,
  };
  return { json: `${JSON.stringify(generated, null, 2)}\n`, problems };
}

async function main() {
  const check = process.argv.includes('--check');
  const { json, problems } = await buildGrammar();
  if (problems.length) {
    for (const p of problems) console.error(`grammar: ${p}`);
    process.exit(2);
  }
  if (check) {
    let current = '';
    try {
      current = readFileSync(TARGET, 'utf8');
    } catch {
      // missing file counts as stale
    }
    if (current !== json) {
      console.error('syntaxes/cable.tmLanguage.json is stale: run `npm run build:grammar`.');
      process.exit(1);
    }
    console.log('syntaxes/cable.tmLanguage.json is up to date.');
    return;
  }
  writeFileSync(TARGET, json);
  console.log(`wrote ${TARGET}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
