/**
 * Diagnostics: the rule engine's findings (and the parser's own file-level problems) as LSP diagnostics.
 * `code` is the rule id, `codeDescription.href` its documentation page, `source` is `cable`, related spans become
 * `relatedInformation`, and `data` carries what a quick fix needs (plus the document version it was computed for,
 * so a code action can tell whether the offsets are still good). Findings are memoised per version and levels.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { RuleLevels } from '../config/model';
import type { Cable, ParsedDocument } from '../parser/model';
import type { FindingData, RuleDiagnostic, Severity } from '../rules/types';
import { rangeOf } from './positions';
import type { Cancellation, Linter } from './types';
import { movedBy } from '../parser/incremental';
import { detachStrings, type CacheEntry } from './workspaceCache';

export const DIAGNOSTIC_SOURCE = 'cable';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = Object.freeze({
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
});

/** Parser findings about the file as a whole; same ids and severities as the CLI reports them. */
const PARSER_PROBLEM_SEVERITY: Readonly<Record<string, Severity>> = Object.freeze({ 'no-cable': 'warning', 'binary-content': 'error' });

/** What `Diagnostic.data` holds. */
export interface CableDiagnosticData extends FindingData {
  ruleId: string;
  /** Document version the offsets refer to. */
  version: number;
  cableIndex: number;
}

function parserProblems(doc: ParsedDocument): RuleDiagnostic[] {
  // An empty (new) document is not "a file without a cable" yet.
  if (doc.text.trim() === '') return [];
  return doc.problems.map((p) => ({
    ruleId: p.code,
    severity: PARSER_PROBLEM_SEVERITY[p.code] ?? 'warning',
    message: p.message,
    range: { start: p.start, end: p.end },
    related: [],
    docsUrl: '',
    cableIndex: -1,
  }));
}

function levelsKey(levels: RuleLevels): string {
  return JSON.stringify(Object.keys(levels).sort().map((k) => [k, levels[k]]));
}

/**
 * Rule findings for this version and these levels (computed once), parser problems first. Rules check one cable
 * at a time, so findings are kept per cable: after an edit only the re-parsed cables are linted again.
 */
export function findingsOf(entry: CacheEntry, levels: RuleLevels, linter: Linter | undefined): RuleDiagnostic[] {
  const key = `lint:${levelsKey(levels)}`;
  return entry.memo(key, () => {
    const own = parserProblems(entry.parsed);
    if (!linter) return own;
    const found: RuleDiagnostic[] = [];
    for (let k = 0; k < entry.parsed.cables.length; k++) {
      const r = entry.cableResult(key, k, (cable) => lintCable(entry.parsed, cable, levels, linter), true);
      if (r.delta === 0 && r.index === k) {
        for (const f of r.value) found.push(f);
        continue;
      }
      // Kept from an earlier version: this version's offsets and cable index (a few findings per cable at most).
      for (const f of r.value) found.push({ ...movedBy(f, r.delta), cableIndex: k });
    }
    // The order of the rule runner over a whole document (rules/index.ts).
    found.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
    const ids = new Set(found.map((f) => f.ruleId));
    return [...own.filter((p) => !ids.has(p.ruleId)), ...found];
  });
}

function lintCable(doc: ParsedDocument, cable: Cable, levels: RuleLevels, linter: Linter): RuleDiagnostic[] {
  try {
    // Findings are kept across versions: their strings must not hold this version's text alive.
    const found = linter.run({ text: doc.text, lineStarts: doc.lineStarts, cables: [cable], problems: [] }, levels);
    detachStrings(found);
    return found;
  } catch {
    return [];
  }
}

export function toLspDiagnostic(entry: CacheEntry, f: RuleDiagnostic): Diagnostic {
  const doc = entry.parsed;
  const d: Diagnostic = {
    range: rangeOf(doc, f.range),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
  };
  if (f.docsUrl) d.codeDescription = { href: f.docsUrl };
  if (f.related.length > 0) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: entry.uri, range: rangeOf(doc, r.span) }, message: r.message }));
  }
  const data: CableDiagnosticData = { ruleId: f.ruleId, version: entry.version, cableIndex: f.cableIndex };
  if (f.data?.fix) data.fix = f.data.fix;
  if (f.data?.navigate) data.navigate = f.data.navigate;
  d.data = data;
  return d;
}

export function computeDiagnostics(entry: CacheEntry, levels: RuleLevels, linter: Linter | undefined, token: Cancellation): Diagnostic[] {
  if (token.isCancellationRequested) return [];
  const findings = findingsOf(entry, levels, linter);
  if (token.isCancellationRequested) return [];
  return findings.map((f) => toLspDiagnostic(entry, f));
}
