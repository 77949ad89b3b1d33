#!/usr/bin/env node
/** cable-lint: lint cable files and directories; text, JSON or SARIF output (README "cable-lint"). */
import { relative } from 'node:path';
import { analyseText, type Analysis, type LintDiagnostic, type Severity } from './analyse';
import { cableJson, jsonRange } from './cableJson';
import { findCableFiles } from './findFiles';
import { formatOutline } from './formatOutline';
import { readCableFile } from './readCableFile';
import { toSarif, type SarifFile } from './sarif';
import { loadConfigForFile, parseRuleArguments } from '../config/discover';
import type { RuleLevels } from '../config/model';
import { resolveLevels } from '../config/resolve';
import { RULE_CATALOG } from '../rules/index';
import { positionAt } from '../parser/lineIndex';

const USAGE = `Usage: cable-lint [options] <file|directory>...

Lints US State Department cables (*.txt, *.cable; directories are searched recursively).

Options:
  --format <text|json|sarif>  output format (default: text)
  --outline              with text output, print each cable's outline before its problems
  --rule <id=level>      set a rule (or tag) to off, hint, information, warning or error; repeatable
  --no-config            ignore .cablelintrc.json files
  -h, --help             show this help
  --version              show the version

Exit status: 0 no errors, 1 at least one error-level problem, 2 usage error or a file that could not be read.`;

type Format = 'text' | 'json' | 'sarif';
const FORMATS: Format[] = ['text', 'json', 'sarif'];

interface Options {
  format: Format;
  outline: boolean;
  rules: string[];
  useConfig: boolean;
  paths: string[];
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { format: 'text', outline: false, rules: [], useConfig: true, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format' || a.startsWith('--format=')) {
      const f = a === '--format' ? argv[++i] : a.slice(9);
      if (!FORMATS.includes(f as Format)) return `unknown format: ${f ?? '(missing)'} (expected text, json or sarif)`;
      o.format = f as Format;
    } else if (a === '--rule' || a.startsWith('--rule=')) {
      const r = a === '--rule' ? argv[++i] : a.slice(7);
      if (!r) return '--rule needs id=level';
      o.rules.push(r);
    } else if (a === '--no-config') o.useConfig = false;
    else if (a === '--outline') o.outline = true;
    else if (a === '-h' || a === '--help') return 'help';
    else if (a === '--version') return 'version';
    else if (a.startsWith('-') && a !== '-') return `unknown option: ${a}`;
    else o.paths.push(a);
  }
  if (o.paths.length === 0) return 'no files or directories given';
  return o;
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];

function main(argv: string[]): number {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (typeof parsed === 'string') {
    process.stderr.write(`cable-lint: ${parsed}\n\n${USAGE}\n`);
    return 2;
  }
  const ruleArgs = parseRuleArguments(parsed.rules, RULE_CATALOG);
  if (ruleArgs.problems.length) {
    for (const p of ruleArgs.problems) process.stderr.write(`cable-lint: --rule: ${p.message}\n`);
    return 2;
  }
  const found = findCableFiles(parsed.paths);
  let exit = 0;
  const reportedConfigs = new Set<string>();
  const levelsFor = (file: string): RuleLevels => {
    if (!parsed.useConfig) return resolveLevels([ruleArgs.rules], RULE_CATALOG);
    const loaded = loadConfigForFile(file, RULE_CATALOG, { extraRules: ruleArgs.rules });
    if (loaded.configPath && !reportedConfigs.has(loaded.configPath)) {
      reportedConfigs.add(loaded.configPath);
      for (const p of loaded.problems) {
        process.stderr.write(`cable-lint: ${displayPath(loaded.configPath)}: ${p.message}\n`);
        exit = 2;
      }
    }
    return loaded.levels;
  };
  const sarifFiles: SarifFile[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const jsonFiles: unknown[] = [];
  let cables = 0;
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(`${out.join('\n')}\n`);
    out.length = 0;
  };
  for (const e of found.errors) {
    process.stderr.write(`cable-lint: ${e.path}: ${e.reason}\n`);
    exit = 2;
  }
  for (const file of found.files) {
    const shown = displayPath(file);
    const read = readCableFile(file);
    if (!read.ok) {
      process.stderr.write(`cable-lint: ${shown}: ${read.reason}\n`);
      exit = 2;
      continue;
    }
    if (read.note) {
      process.stderr.write(`cable-lint: ${shown}: ${read.note}\n`);
      exit = 2;
    }
    const a = analyseText(read.text, levelsFor(file));
    cables += a.doc.cables.length;
    a.diagnostics.sort((x, y) => x.span.start - y.span.start || SEVERITY_ORDER.indexOf(x.severity) - SEVERITY_ORDER.indexOf(y.severity));
    for (const d of a.diagnostics) counts[d.severity]++;
    if (a.diagnostics.some((d) => d.severity === 'error') && exit === 0) exit = 1;
    if (parsed.format === 'json') jsonFiles.push(fileJson(shown, a));
    else if (parsed.format === 'sarif') sarifFiles.push({ path: shown, analysis: a });
    else {
      if (parsed.outline) out.push(...formatOutline(shown, a));
      for (const d of a.diagnostics) out.push(textLine(shown, a, d));
      if (out.length > 500) flush();
    }
  }
  if (parsed.format === 'json') {
    process.stdout.write(`${JSON.stringify({ version: 1, files: jsonFiles })}\n`);
  } else if (parsed.format === 'sarif') {
    process.stdout.write(`${JSON.stringify(toSarif(sarifFiles, VERSION), null, 2)}\n`);
  } else {
    const total = counts.error + counts.warning + counts.information + counts.hint;
    out.push(
      `${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information} information, ${counts.hint} hint${counts.hint === 1 ? '' : 's'}) in ${found.files.length} file${found.files.length === 1 ? '' : 's'}, ${cables} cable${cables === 1 ? '' : 's'}`,
    );
    flush();
  }
  return exit;
}

function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}

function textLine(path: string, a: Analysis, d: LintDiagnostic): string {
  const pos = positionAt(a.doc.lineStarts, d.span.start);
  return `${path}:${pos.line + 1}:${pos.character + 1}: ${d.severity} ${d.rule} ${d.message}`;
}

function fileJson(path: string, a: Analysis) {
  return {
    path,
    cables: a.doc.cables.map((c, k) => cableJson(a.doc, c, a.outline[k])),
    diagnostics: a.diagnostics.map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, range: jsonRange(a.doc, d.span) })),
  };
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  // A bug must still end with a clear line and the documented exit status, not a stack trace.
  process.stderr.write(`cable-lint: internal error: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
