/** One file's analysis for the CLI: parse, outline, and the problems to report. */
import { buildOutline, type OutlineNode } from '../outline/outline';
import { parseCables } from '../parser/index';
import type { ParsedDocument, Span } from '../parser/model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface LintDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
}

export interface Analysis {
  doc: ParsedDocument;
  outline: OutlineNode[];
  diagnostics: LintDiagnostic[];
}

/** Parser findings about the file as a whole, reported under their own ids. */
const PARSER_PROBLEM_SEVERITY: Record<string, Severity> = { 'no-cable': 'warning', 'binary-content': 'error' };

export function analyseText(text: string): Analysis {
  const doc = parseCables(text);
  const diagnostics: LintDiagnostic[] = doc.problems.map((p) => ({
    rule: p.code,
    severity: PARSER_PROBLEM_SEVERITY[p.code] ?? 'warning',
    message: p.message,
    span: { start: p.start, end: p.end },
  }));
  return { doc, outline: buildOutline(doc), diagnostics };
}
