/**
 * One file linted down to what cable-lint prints for it. The main thread and the worker threads both call this,
 * so the output cannot depend on which of them did the work; only plain data (structured-cloneable) comes back.
 */
import type { RuleLevels } from '../config/model';
import { positionAt } from '../parser/lineIndex';
import { referenceSites } from '../workspace/references';
import { analyseText, type Analysis, type LintDiagnostic, type Severity } from './analyse';
import { cableJson, jsonRange } from './cableJson';
import { formatOutline } from './formatOutline';
import { readCableFile } from './readCableFile';

export type Format = 'text' | 'json' | 'sarif';

export interface LintFileOptions {
  format: Format;
  outline: boolean;
}

export interface FileReport {
  /** Why the file could not be read (nothing else is set then). */
  readError: string | null;
  /** How it was read when that deserves a word (`read as UTF-16LE`). */
  note: string | null;
  /** A bug met while analysing this file (the run goes on with the other files). */
  failure: string | null;
  cables: number;
  counts: Record<Severity, number>;
  /** Text format: the outline (with --outline) and one line per problem. */
  lines: string[];
  /** JSON format: the file's entry of `files`. */
  json: unknown;
  /** SARIF format: what the SARIF writer reads of an analysis. */
  sarif: { lineStarts: number[]; diagnostics: LintDiagnostic[] } | null;
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];

function emptyReport(): FileReport {
  return { readError: null, note: null, failure: null, cables: 0, counts: { error: 0, warning: 0, information: 0, hint: 0 }, lines: [], json: null, sarif: null };
}

export function lintFile(file: string, shown: string, levels: RuleLevels, options: LintFileOptions): FileReport {
  const report = emptyReport();
  const read = readCableFile(file);
  if (!read.ok) {
    report.readError = read.reason;
    return report;
  }
  report.note = read.note;
  try {
    const a = analyseText(read.text, levels, { outline: options.outline || options.format === 'json' });
    report.cables = a.doc.cables.length;
    a.diagnostics.sort((x, y) => x.span.start - y.span.start || SEVERITY_ORDER.indexOf(x.severity) - SEVERITY_ORDER.indexOf(y.severity));
    for (const d of a.diagnostics) report.counts[d.severity]++;
    if (options.format === 'json') report.json = fileJson(shown, a);
    else if (options.format === 'sarif') report.sarif = { lineStarts: a.doc.lineStarts, diagnostics: a.diagnostics };
    else {
      if (options.outline) report.lines.push(...formatOutline(shown, a));
      for (const d of a.diagnostics) report.lines.push(textLine(shown, a, d));
    }
  } catch (err) {
    report.failure = err instanceof Error ? err.message : String(err);
  }
  return report;
}

function textLine(path: string, a: Analysis, d: LintDiagnostic): string {
  const pos = positionAt(a.doc.lineStarts, d.span.start);
  return `${path}:${pos.line + 1}:${pos.character + 1}: ${d.severity} ${d.rule} ${d.message}`;
}

function fileJson(path: string, a: Analysis) {
  const sites = referenceSites(a.doc, { mentions: false });
  return {
    path,
    cables: a.doc.cables.map((c, k) => cableJson(a.doc, c, a.outline[k], sites)),
    diagnostics: a.diagnostics.map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, range: jsonRange(a.doc, d.span) })),
  };
}
