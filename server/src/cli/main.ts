#!/usr/bin/env node
/** cable-lint: lint cable files and directories; text, JSON or SARIF output (README "cable-lint"). */
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import type { Analysis, Severity } from './analyse';
import { findCableFiles } from './findFiles';
import { lintFile, type FileReport, type Format } from './lintFile';
import { toSarif, type SarifFile } from './sarif';
import { lintInWorkers, serveIfWorker, type Job } from './workerPool';
import { loadConfigForFile, nodeConfigHost, parseRuleArguments, type ConfigHost } from '../config/discover';
import type { RuleLevels } from '../config/model';
import { resolveLevels } from '../config/resolve';
import { RULE_CATALOG } from '../rules/index';

const USAGE = `Usage: cable-lint [options] <file|directory>...

Lints US State Department cables (*.txt, *.cable; directories are searched recursively).

Options:
  --format <text|json|sarif>  output format (default: text)
  --outline              with text output, print each cable's outline before its problems
  --rule <id=level>      set a rule (or tag) to off, hint, information, warning or error; repeatable
  --no-config            ignore .cablelintrc.json files
  --jobs <n>             threads analysing files (default: cores - 1 with 4 cores or more, else 1)
  -h, --help             show this help
  --version              show the version

Exit status: 0 no errors, 1 at least one error-level problem, 2 usage error or a file that could not be read.`;

const FORMATS: Format[] = ['text', 'json', 'sarif'];

interface Options {
  format: Format;
  outline: boolean;
  rules: string[];
  useConfig: boolean;
  jobs: number;
  paths: string[];
}

/** Below this many files, starting worker threads costs more than it saves. */
const WORKERS_FROM_FILES = 64;

/**
 * One thread already keeps two cores busy (V8 compiles and collects garbage on helper threads) and each worker
 * compiles the linter again: on 2 cores workers lint no faster (npm run bench). With 4 cores or more there is
 * room for them.
 */
function defaultJobs(): number {
  const cores = availableParallelism();
  return cores >= 4 ? Math.min(cores - 1, 8) : 1;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { format: 'text', outline: false, rules: [], useConfig: true, jobs: defaultJobs(), paths: [] };
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
    } else if (a === '--jobs' || a.startsWith('--jobs=')) {
      const n = a === '--jobs' ? argv[++i] : a.slice(7);
      if (!/^[1-9]\d{0,2}$/.test(n ?? '')) return `--jobs needs a number of threads, found ${n ?? '(missing)'}`;
      o.jobs = Number(n);
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

async function main(argv: string[]): Promise<number> {
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
  // One run reads each folder's .cablelintrc.json once, not once per file below it.
  const host = cachedHost(nodeConfigHost);
  const plainLevels = resolveLevels([ruleArgs.rules], RULE_CATALOG);
  const configs = found.files.map((file) =>
    parsed.useConfig ? loadConfigForFile(file, RULE_CATALOG, { extraRules: ruleArgs.rules, host }) : { levels: plainLevels, configPath: null, problems: [] },
  );
  const reportedConfigs = new Set<string>();
  const sarifFiles: SarifFile[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const jsonFiles: unknown[] = [];
  let cables = 0;
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(`${out.join('\n')}\n`);
    out.length = 0;
  };
  // Problems go to stderr in file order, after what stdout holds for the files before: 2>&1 reads in order.
  const warn = (line: string) => {
    flush();
    process.stderr.write(`cable-lint: ${line}\n`);
  };
  for (const e of found.errors) {
    warn(`${e.path}: ${e.reason}`);
    exit = 2;
  }
  // Called once per file, in file order, whichever thread linted it.
  const take = (index: number, r: FileReport) => {
    const shown = displayPath(found.files[index]);
    if (r.readError) {
      warn(`${shown}: ${r.readError}`);
      exit = 2;
      return;
    }
    if (r.note) {
      warn(`${shown}: ${r.note}`);
      exit = 2;
    }
    const loaded = configs[index];
    // A configuration's problems are told once, with the first file read under it.
    if (loaded.configPath && !reportedConfigs.has(loaded.configPath)) {
      reportedConfigs.add(loaded.configPath);
      for (const p of loaded.problems) {
        warn(`${displayPath(loaded.configPath)}: ${p.message}`);
        exit = 2;
      }
    }
    if (r.failure) {
      warn(`${shown}: internal error: ${r.failure}`);
      exit = 2;
      return;
    }
    cables += r.cables;
    for (const s of Object.keys(counts) as Severity[]) counts[s] += r.counts[s];
    if (r.counts.error > 0 && exit === 0) exit = 1;
    if (parsed.format === 'json') jsonFiles.push(r.json);
    else if (parsed.format === 'sarif' && r.sarif) sarifFiles.push({ path: shown, analysis: sarifAnalysis(r.sarif) });
    else {
      out.push(...r.lines);
      if (out.length > 500) flush();
    }
  };
  const options = { format: parsed.format, outline: parsed.outline };
  const jobs: Job[] = found.files.map((file, k) => ({ file, shown: displayPath(file), levels: configs[k].levels }));
  if (parsed.jobs > 1 && jobs.length >= WORKERS_FROM_FILES) {
    await lintInWorkers(__filename, jobs, parsed.jobs, options, take);
  } else {
    jobs.forEach((j, k) => take(k, lintFile(j.file, j.shown, j.levels, options)));
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

function cachedHost(host: ConfigHost): ConfigHost {
  const seen = new Map<string, string | undefined>();
  return {
    readFile(path) {
      if (!seen.has(path)) seen.set(path, host.readFile(path));
      return seen.get(path);
    },
  };
}

/** What the SARIF writer reads of an analysis: positions and problems (the model stays in the worker). */
function sarifAnalysis(s: NonNullable<FileReport['sarif']>): Analysis {
  return { doc: { text: '', lineStarts: s.lineStarts, cables: [], problems: [] }, outline: [], diagnostics: s.diagnostics };
}

function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

if (!serveIfWorker()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      // A bug must still end with a clear line and the documented exit status, not a stack trace.
      process.stderr.write(`cable-lint: internal error: ${(err as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
