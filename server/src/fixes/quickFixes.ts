/**
 * Code actions computed from a diagnostic's `data` alone (no re-parse). Pure: the server maps these to LSP
 * `CodeAction`s, the CLI can apply `edit` actions.
 *
 * Only mechanical, certain fixes edit the cable, and only the marked text. Level mismatches never get an edit:
 * reclassifying is a human decision, so they get a navigation action to the other side instead.
 */
import type { Span } from '../parser/model';
import type { FindingData, TextEdit } from '../rules/types';

export type QuickFix =
  | { kind: 'edit'; title: string; edits: TextEdit[]; isPreferred: boolean }
  | { kind: 'navigate'; title: string; target: Span };

/** Anything carrying what a rule attached to a finding (a `RuleDiagnostic`, or LSP `Diagnostic.data`). */
export interface DiagnosticLike {
  ruleId: string;
  data?: FindingData | unknown;
}

function isSpan(value: unknown): value is Span {
  const s = value as Span;
  return typeof s === 'object' && s !== null && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end >= s.start;
}

function isEdit(value: unknown): value is TextEdit {
  const e = value as TextEdit;
  return typeof e === 'object' && e !== null && isSpan(e.span) && typeof e.newText === 'string';
}

/**
 * The fixes a diagnostic offers, preferred first. `data` comes back from the client untrusted, so its shape is
 * checked; a malformed payload yields no action rather than an exception.
 */
export function quickFixesFor(diagnostic: DiagnosticLike): QuickFix[] {
  const data = diagnostic.data as FindingData | undefined;
  const out: QuickFix[] = [];
  if (data && typeof data === 'object') {
    const fix = data.fix;
    if (fix && typeof fix.title === 'string' && Array.isArray(fix.edits) && fix.edits.length > 0 && fix.edits.every(isEdit)) {
      out.push({ kind: 'edit', title: fix.title, edits: fix.edits.map((e) => ({ span: { start: e.span.start, end: e.span.end }, newText: e.newText })), isPreferred: true });
    }
    const nav = data.navigate;
    if (nav && typeof nav.title === 'string' && isSpan(nav.span)) {
      out.push({ kind: 'navigate', title: nav.title, target: { start: nav.span.start, end: nav.span.end } });
    }
  }
  return out;
}

/** Title of the "disable this rule for this file" action. */
export function disableRuleTitle(ruleId: string): string {
  return `Disable ${ruleId} for this file (.cablelintrc.json)`;
}
