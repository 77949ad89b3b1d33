/** One file's analysis for the CLI: parse, outline, and the problems to report (parser findings + rules). */
import { buildOutline, type OutlineNode } from '../outline/outline';
import { parseCables } from '../parser/index';
import type { ParsedDocument, Span } from '../parser/model';
import { runRules, type RuleDiagnostic } from '../rules/index';
import type { RuleLevels } from '../config/model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface LintDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  related: RuleDiagnostic['related'];
  docsUrl: string | null;
}

export interface Analysis {
  doc: ParsedDocument;
  outline: OutlineNode[];
  diagnostics: LintDiagnostic[];
}

/** Parser findings about the file as a whole, reported under their own ids. */
const PARSER_PROBLEM_SEVERITY: Record<string, Severity> = { 'no-cable': 'warning', 'binary-content': 'error' };

/** `outline: false` skips the outline (plain text output without --outline prints none); `outline` is then empty. */
export function analyseText(text: string, levels: RuleLevels = {}, options: { outline?: boolean } = {}): Analysis {
  const doc = parseCables(text);
  const diagnostics: LintDiagnostic[] = doc.problems.map((p) => ({
    rule: p.code,
    severity: PARSER_PROBLEM_SEVERITY[p.code] ?? 'warning',
    message: p.message,
    span: { start: p.start, end: p.end },
    related: [],
    docsUrl: null,
  }));
  for (const d of runRules(doc, levels)) {
    diagnostics.push({ rule: d.ruleId, severity: d.severity, message: d.message, span: d.range, related: d.related, docsUrl: d.docsUrl });
  }
  return { doc, outline: options.outline === false ? [] : buildOutline(doc), diagnostics };
}
