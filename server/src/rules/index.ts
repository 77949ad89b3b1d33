/**
 * The rule registry (in the order of cable-format.md §B.3) and the runner that applies configured levels.
 * Pure: no LSP imports. The server maps RuleDiagnostic to LSP diagnostics; the CLI prints them.
 */
import type { RuleCatalog, RuleLevels } from '../config/model';
import type { ParsedDocument } from '../parser/model';
import { ruleDocsUrl } from './docs';
import { computeFacts } from './facts';
import type { Finding, Rule, RuleContext, RuleDiagnostic, RuleLevel, Severity } from './types';
import { rule as r1 } from './portion-exceeds-banner';
import { rule as r2 } from './banner-exceeds-portions';
import { rule as r3 } from './envelope-level-mismatch';
import { rule as r4 } from './metadata-level-mismatch';
import { rule as r5 } from './metadata-caveat-mismatch';
import { rule as r6 } from './portion-mark-unknown';
import { rule as r7 } from './portion-mark-malformed';
import { rule as r8 } from './portion-unmarked';
import { rule as r9 } from './classified-by-missing';
import { rule as r10 } from './reason-missing';
import { rule as r11 } from './reason-code-invalid';
import { rule as r12 } from './reason-code-era';
import { rule as r13 } from './decl-missing';
import { rule as r14 } from './eo-na-on-classified';
import { rule as r15 } from './decl-malformed';
import { rule as r16 } from './decl-before-cable';
import { rule as r17 } from './decl-exceeds-25y';
import { rule as r18 } from './decl-legacy-value';
import { rule as r19 } from './decl-on-unclassified';
import { rule as r20 } from './eo-date-inconsistent';
import { rule as r21 } from './eo-line-missing';
import { rule as r22 } from './section-count-mismatch';
import { rule as r23 } from './para-number-gap';
import { rule as r24 } from './para-number-duplicate';
import { rule as r25 } from './noforn-portion-not-in-banner';
import { rule as r26 } from './sipdis-with-restrictive-caption';
import { rule as r27 } from './sbu-portion-without-sensitive';
import { rule as r28 } from './lou-after-1995';
import { rule as r29 } from './caveat-misspelled';
import { rule as r30 } from './banner-misspelled';
import { rule as r31 } from './created-dtg-mismatch';
import { rule as r32 } from './id-origin-mismatch';
import { rule as r33 } from './origin-fm-mismatch';
import { rule as r34 } from './precedence-mismatch';
import { rule as r35 } from './released-before-created';

/** Every rule, in §B.3 order. */
export const RULES: readonly Rule[] = Object.freeze([r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14, r15, r16, r17, r18, r19, r20, r21, r22, r23, r24, r25, r26, r27, r28, r29, r30, r31, r32, r33, r34, r35]);

const byId = new Map(RULES.map((r) => [r.id, r]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** Rule ids and tags for config validation and resolution. */
export const RULE_CATALOG: RuleCatalog = {
  ids: RULES.map((r) => r.id),
  tags: [...new Set(RULES.flatMap((r) => r.tags))].sort(),
  tagsOf: (id) => byId.get(id)?.tags ?? [],
};

export interface RunOptions {
  /** Only these rules (ids), e.g. for a fixture test. */
  only?: readonly string[];
  /** Called when a rule throws; the run continues without that rule's findings for that cable. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

/**
 * Runs every enabled rule over every cable of a parsed document. `levels` are the configured levels for this file
 * (from loadConfigForFile); a rule not in it runs at its default severity, where a finding may carry its own
 * era-dependent severity. Results are sorted by position. Never throws.
 */
export function runRules(parsed: ParsedDocument, levels: RuleLevels = {}, options: RunOptions = {}): RuleDiagnostic[] {
  const out: RuleDiagnostic[] = [];
  const active = activeRules(levels, options.only);
  for (const cable of parsed.cables) {
    let facts;
    try {
      facts = computeFacts(cable, parsed.text);
    } catch (e) {
      options.onRuleError?.('facts', e);
      continue;
    }
    const ctx: RuleContext = { doc: parsed, text: parsed.text, cable, facts };
    for (const rule of active) {
      let findings;
      try {
        findings = rule.check(ctx);
      } catch (e) {
        options.onRuleError?.(rule.id, e);
        continue;
      }
      if (findings.length === 0) continue;
      const configured = levels[rule.id];
      for (const f of findings) out.push(diagnostic(rule, configured, f, cable.index));
    }
  }
  return out.length > 1 ? out.sort(byPosition) : out;
}

/** The rules to run: all of them unless a level turns one off or `only` names a subset (no copy in the usual case). */
function activeRules(levels: RuleLevels, only: readonly string[] | undefined): readonly Rule[] {
  if (!only) {
    let anyOff = false;
    for (const id in levels) if (levels[id] === 'off') anyOff = true;
    if (!anyOff) return RULES;
  }
  return RULES.filter((r) => (only ? only.includes(r.id) : true) && levels[r.id] !== 'off');
}

function diagnostic(rule: Rule, configured: RuleLevel | undefined, f: Finding, cableIndex: number): RuleDiagnostic {
  const severity: Severity = configured && configured !== 'off' ? configured : (f.severityOverride ?? rule.defaultSeverity);
  // Keys in the same order with or without data (printed JSON keeps them in this order).
  if (f.data) {
    return { ruleId: rule.id, severity, message: f.message, range: f.range, related: f.related ?? [], data: f.data, docsUrl: ruleDocsUrl(rule.id), cableIndex };
  }
  return { ruleId: rule.id, severity, message: f.message, range: f.range, related: f.related ?? [], docsUrl: ruleDocsUrl(rule.id), cableIndex };
}

function byPosition(a: RuleDiagnostic, b: RuleDiagnostic): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId);
}

export type { Rule, RuleDiagnostic, Severity, RuleLevel, Finding, FindingData, TextEdit, RuleTag } from './types';
export { RULE_DOCS_BASE_URL, ruleDocsUrl, ruleDocsPath } from './docs';
