/**
 * Code actions for cable diagnostics:
 * - the rule's certain fix (preferred), and "fix all" for a rule with several fixable findings;
 * - for inconsistencies, a navigation action to the other side (never an automatic reclassification);
 * - "Disable <rule> for this file": an override written to the nearest `.cablelintrc.json` (or a new one at the
 *   workspace root): cables are source documents users should not edit, so silencing goes into the config;
 * - "Open documentation for <rule>";
 * - `source.fixAll.cable`: every certain fix in the document.
 * Offsets in `Diagnostic.data` are used only when they belong to the current document version; otherwise the
 * current findings are matched by rule id and range.
 */
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { findConfigFile, type ConfigHost } from '../config/discover';
import type { RuleLevels } from '../config/model';
import { disableRuleForFile } from '../fixes/disableRule';
import { disableRuleTitle, quickFixesFor } from '../fixes/quickFixes';
import { computeLineStarts } from '../parser/lineIndex';
import type { FindingData, RuleDiagnostic, TextEdit } from '../rules/types';
import { DIAGNOSTIC_SOURCE, findingsOf, type CableDiagnosticData } from './diagnostics';
import { rangeOf } from './positions';
import type { Cancellation, Linter } from './types';
import type { CacheEntry } from './workspaceCache';

/** Commands the server executes (`workspace/executeCommand`). */
export const COMMANDS = Object.freeze({
  openRuleDocumentation: 'cable.openRuleDocumentation',
  revealRange: 'cable.revealRange',
  /** For editors that cannot create a file through a workspace edit: the server writes the override itself. */
  disableRuleForFile: 'cable.disableRuleForFile',
});

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cable`;

export interface DisableTarget {
  /** The cable's path on disk. */
  filePath: string;
  /** Where a new `.cablelintrc.json` goes when none applies yet. */
  workspaceRoot: string;
  /** The client can create files in a workspace edit. */
  canCreateFiles: boolean;
}

export interface CodeActionOptions {
  levels: RuleLevels;
  linter?: Linter;
  files?: ConfigHost;
  /** The client supports `window/showDocument`, so the navigation and documentation commands work. */
  canShowDocument: boolean;
  /** The client supports versioned `documentChanges`. */
  documentChanges: boolean;
  /** The client shows `CodeAction.disabled` (with its reason). */
  disabledSupport: boolean;
  /** Null when the document is not a file on disk (untitled, virtual): no "disable for this file". */
  disable: DisableTarget | null;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function wanted(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return !kind.startsWith(CodeActionKind.Source);
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** The fix/navigate data of a client diagnostic, valid for the current version; null if stale and unmatched. */
function currentData(entry: CacheEntry, d: Diagnostic, ruleId: string, findings: RuleDiagnostic[]): FindingData | null {
  const data = d.data as Partial<CableDiagnosticData> | undefined;
  if (data && typeof data === 'object' && data.version === entry.version && data.ruleId === ruleId) return data;
  const match = findings.find((f) => f.ruleId === ruleId && sameRange(rangeOf(entry.parsed, f.range), d.range));
  return match ? (match.data ?? {}) : null;
}

function textEdits(entry: CacheEntry, edits: readonly TextEdit[]): LspTextEdit[] {
  const len = entry.parsed.text.length;
  return edits
    .filter((e) => e.span.start <= len && e.span.end <= len)
    .map((e) => ({ range: rangeOf(entry.parsed, e.span), newText: e.newText }));
}

function documentEdit(entry: CacheEntry, edits: readonly TextEdit[], versioned: boolean): WorkspaceEdit {
  const lsp = textEdits(entry, edits);
  if (versioned) return { documentChanges: [{ textDocument: { uri: entry.uri, version: entry.version }, edits: lsp }] };
  return { changes: { [entry.uri]: lsp } };
}

/**
 * Non-overlapping edits of several fixes (a fix that would overlap an earlier one is left out whole). The offsets
 * taken so far are remembered rather than compared pair by pair, so a file with 100 000 fixable marks costs time in
 * proportion to the marked text, not to the square of the number of fixes.
 */
function mergeFixes(fixes: readonly TextEdit[][]): TextEdit[] {
  const replaced = new Set<number>(); // characters inside a taken non-empty edit
  const starts = new Set<number>(); // where a taken non-empty edit starts
  const inserts = new Set<number>(); // offsets of taken insertions (empty spans)
  const clashes = ({ span: { start, end } }: TextEdit): boolean => {
    // An insertion clashes only strictly inside a taken edit; a replacement with any taken character or insertion.
    if (start === end) return replaced.has(start - 1) && replaced.has(start) && !starts.has(start);
    for (let c = start; c < end; c++) if (replaced.has(c) || (c > start && inserts.has(c))) return true;
    return false;
  };
  const taken: TextEdit[] = [];
  for (const edits of fixes) {
    if (edits.some(clashes)) continue;
    for (const e of edits) {
      if (e.span.start === e.span.end) inserts.add(e.span.start);
      else starts.add(e.span.start);
      for (let c = e.span.start; c < e.span.end; c++) replaced.add(c);
    }
    taken.push(...edits);
  }
  return taken;
}

function fixesOf(f: RuleDiagnostic): TextEdit[] | null {
  const q = quickFixesFor({ ruleId: f.ruleId, data: f.data }).find((x) => x.kind === 'edit');
  return q && q.kind === 'edit' ? q.edits : null;
}

function disableAction(entry: CacheEntry, ruleId: string, diagnostics: Diagnostic[], options: CodeActionOptions): CodeAction | null {
  const target = options.disable;
  if (!target || !options.files) return null;
  const title = disableRuleTitle(ruleId);
  const existing = findConfigFile(nodePath.dirname(target.filePath), options.files);
  const result = disableRuleForFile({ ruleId, filePath: target.filePath, existing, workspaceRoot: target.workspaceRoot });
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics };
  if (!result.ok) {
    if (!options.disabledSupport) return null;
    action.disabled = { reason: result.error };
    return action;
  }
  // Editors without versioned document changes (or file creation) get the command: the server writes the file.
  if (!options.documentChanges || (!existing && !target.canCreateFiles)) {
    action.command = { title, command: COMMANDS.disableRuleForFile, arguments: [entry.uri, ruleId] };
    return action;
  }
  const uri = pathToFileURL(result.configPath).href;
  if (existing) {
    const starts = computeLineStarts(existing.text);
    const last = starts.length - 1;
    const range: Range = { start: { line: 0, character: 0 }, end: { line: last, character: existing.text.length - starts[last] } };
    action.edit = { documentChanges: [{ textDocument: { uri, version: null }, edits: [{ range, newText: result.text }] }] };
    return action;
  }
  action.edit = {
    documentChanges: [
      { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: true } },
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: result.text }] },
    ],
  };
  return action;
}

export function getCodeActions(entry: CacheEntry, context: CodeActionContext, options: CodeActionOptions, token: Cancellation): CodeAction[] {
  const only = Array.isArray(context?.only) ? context.only : undefined;
  const findings = findingsOf(entry, options.levels, options.linter);
  if (token.isCancellationRequested) return [];
  const out: CodeAction[] = [];
  const perRule = new Map<string, Diagnostic[]>();
  const diagnostics = Array.isArray(context?.diagnostics) ? context.diagnostics : [];

  for (const d of diagnostics) {
    if (!d || d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string') continue;
    const ruleId = d.code;
    const list = perRule.get(ruleId) ?? [];
    list.push(d);
    perRule.set(ruleId, list);
    if (!wanted(only, CodeActionKind.QuickFix)) continue;
    const data = currentData(entry, d, ruleId, findings);
    if (!data) continue;
    for (const q of quickFixesFor({ ruleId, data })) {
      if (q.kind === 'edit') {
        out.push({ title: q.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: q.isPreferred, edit: documentEdit(entry, q.edits, options.documentChanges) });
      } else if (options.canShowDocument) {
        const range = rangeOf(entry.parsed, q.target);
        out.push({ title: q.title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: q.title, command: COMMANDS.revealRange, arguments: [entry.uri, range] } });
      }
    }
  }

  if (wanted(only, CodeActionKind.QuickFix)) {
    for (const [ruleId, ds] of perRule) {
      const fixable = findings.filter((f) => f.ruleId === ruleId).map(fixesOf).filter((e): e is TextEdit[] => e !== null);
      if (fixable.length > 1) {
        out.push({ title: `Fix all ${ruleId} problems in this file`, kind: CodeActionKind.QuickFix, diagnostics: ds, edit: documentEdit(entry, mergeFixes(fixable), options.documentChanges) });
      }
      const disable = disableAction(entry, ruleId, ds, options);
      if (disable) out.push(disable);
      const docsUrl = (ds[0].codeDescription?.href as string | undefined) ?? findings.find((f) => f.ruleId === ruleId)?.docsUrl;
      if (docsUrl && options.canShowDocument) {
        const title = `Open documentation for ${ruleId}`;
        out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: ds, command: { title, command: COMMANDS.openRuleDocumentation, arguments: [ruleId] } });
      }
    }
  }

  if (wanted(only, FIX_ALL_KIND) && only) {
    const all = mergeFixes(findings.map(fixesOf).filter((e): e is TextEdit[] => e !== null));
    if (all.length > 0) out.push({ title: 'Fix all certain cable problems', kind: FIX_ALL_KIND, edit: documentEdit(entry, all, options.documentChanges) });
  }
  return out;
}
