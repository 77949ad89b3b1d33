/**
 * What a lint rule is (data + a check over the parsed model) and what it reports.
 * Pure types: no LSP imports, so the CLI, the server and the tests share them.
 */
import type { Cable, ParsedDocument, Span } from '../parser/model';
import type { CableFacts } from './facts';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** A configured level: a severity, or `off`. */
export type RuleLevel = 'off' | Severity;

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'hint', 'information', 'warning', 'error'];

/** Tags group rules so they can be configured together (`"portion": "off"`). */
export type RuleTag =
  | 'portion'
  | 'banner'
  | 'caption'
  | 'envelope'
  | 'metadata'
  | 'authority'
  | 'declassification'
  | 'structure'
  | 'era';

export const RULE_TAGS: Readonly<Record<RuleTag, string>> = {
  portion: 'Paragraph portion marks: (U), (C), (S//NF)...',
  banner: 'The classification line (banner) and its level',
  caption: 'Caption/handling lines: SENSITIVE, SIPDIS, NOFORN, EXDIS...',
  envelope: 'The ACP-127 transmission envelope: FL2 prosign, FL4 security group, FL5 DTG',
  metadata: 'The WikiLeaks/mirror metadata header: Identifier, Created, Classification, Origin',
  authority: 'The Classified By line and its reason codes',
  declassification: 'The E.O. line and its declassification instruction',
  structure: 'Paragraph numbering, sections and continuation markers',
  era: 'Checks that depend on which executive order was in force on the cable date',
};

/** A text replacement in the document, by offsets. */
export interface TextEdit {
  span: Span;
  newText: string;
}

/**
 * Data a quick fix or a navigation action can use without re-parsing. JSON-serialisable.
 * `fix`: a certain, mechanical replacement of the marked text only.
 * `navigate`: the other side of an inconsistency (never reclassify automatically).
 */
export interface FindingData {
  fix?: { title: string; edits: TextEdit[] };
  navigate?: { title: string; span: Span };
}

export interface RelatedSpan {
  span: Span;
  message: string;
}

/** What a check returns: where, what (in the cable's own words), and optional fix/navigation data. */
export interface Finding {
  range: Span;
  message: string;
  related?: RelatedSpan[];
  data?: FindingData;
  /** Severity for this finding when the user has not configured the rule (era- or case-dependent rules). */
  severityOverride?: Severity;
}

export interface RuleContext {
  doc: ParsedDocument;
  text: string;
  cable: Cable;
  /** Facts about the cable computed once and shared by all rules (effective levels, captions, era...). */
  facts: CableFacts;
}

export interface RuleExample {
  /** A short excerpt of a cable (as a complete small cable text the parser accepts). */
  text: string;
  /** One line saying why it does or does not trigger. */
  note: string;
}

/** Documentation carried by the rule itself; docs/rules/<id>.md is generated from it. */
export interface RuleDocs {
  /** What the rule checks, precisely. */
  checks: string;
  /** Why: the marking rule it enforces, with source keys from the format spec (R3, [FAH1-240]...). */
  why: string;
  /** Source rule ids from cable-format.md §B.2 / sources, e.g. ['R3', 'R4']. */
  sources: string[];
  triggers: RuleExample;
  clean: RuleExample;
  /** Variants deliberately not flagged (§B.4), one per entry. */
  notFlagged?: string[];
}

export interface Rule {
  /** Stable kebab-case id (the diagnostic code). */
  id: string;
  /** One line: what a finding means. */
  description: string;
  defaultSeverity: Severity;
  tags: RuleTag[];
  /** True when findings carry a certain quick fix (`data.fix`). */
  fixable: boolean;
  docs: RuleDocs;
  check(ctx: RuleContext): Finding[];
}

/** A finding after configuration: what the CLI prints and the server turns into an LSP diagnostic. */
export interface RuleDiagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Span;
  related: RelatedSpan[];
  data?: FindingData;
  /** The rule's documentation page. */
  docsUrl: string;
  /** Which cable of the file (0-based) the finding belongs to. */
  cableIndex: number;
}
