/**
 * `cable/summary`: what the VS Code client shows in the status bar and the summary view. The shape extends the
 * client's own `CableSummary` (client/src/deriveSummary.ts) so the client can use either source unchanged; the
 * extra fields (ISO date, caveats, tag kinds, problem counts, cable count) are optional for it.
 */
import { lookupTag } from '../knowledge/tags';
import type { Addressee, Cable, ParsedDocument } from '../parser/model';
import type { RuleDiagnostic, Severity } from '../rules/types';
import { lineOf } from '../parser/lineIndex';

export type SummaryLevel = 'U' | 'LOU' | 'C' | 'S' | 'TS';

export interface SummaryMarking {
  level: SummaryLevel;
  /** Short overall marking, e.g. `UNCLAS//SBU`, `SECRET//NOFORN`. */
  text: string;
  /** Zero-based line of the classification line. */
  line: number;
  /** Controls carried in the overall marking (SBU for an UNCLAS SENSITIVE cable, NOFORN, NODIS, EXDIS, LIMDIS, STADIS). */
  controls: string[];
  /** Message reference number, e.g. `ASTANA 000308`. */
  mrn: string;
  /** Every caption and banner caveat, as written in the caption block (SENSITIVE, SIPDIS...). */
  caveats: string[];
}

export interface SummaryTag {
  code: string;
  meaning?: string;
  /** subject, program, geographic, organization, unknown (in TAGS lists but undefined), person. */
  kind?: string;
}

export interface CableSummary {
  identifier?: string;
  /** The metadata Created value as written, else the DTG group. */
  created?: string;
  /** ISO 8601 UTC date of the cable (DTG, else metadata Created). */
  date?: string;
  classification?: SummaryMarking;
  origin?: string;
  from?: string;
  to: string[];
  info: string[];
  subject?: string;
  tags: SummaryTag[];
  references: string[];
  /** Problems the rules report for this cable with the file's configuration. */
  diagnostics: Record<Severity, number>;
  /** Which cable of the file this is (0-based) and how many the file holds. */
  cableIndex: number;
  cableCount: number;
}

const DISSEMINATION = ['NOFORN', 'NODIS', 'EXDIS', 'LIMDIS', 'STADIS'];

const SHORT: Record<string, { level: SummaryLevel; short: string }> = {
  UNCLASSIFIED: { level: 'U', short: 'UNCLAS' },
  UNCLAS: { level: 'U', short: 'UNCLAS' },
  'UNCLAS EFTO': { level: 'U', short: 'UNCLAS EFTO' },
  'LIMITED OFFICIAL USE': { level: 'LOU', short: 'LIMITED OFFICIAL USE' },
  CONFIDENTIAL: { level: 'C', short: 'CONFIDENTIAL' },
  SECRET: { level: 'S', short: 'SECRET' },
  'TOP SECRET': { level: 'TS', short: 'TOP SECRET' },
};

function marking(doc: ParsedDocument, c: Cable): SummaryMarking | undefined {
  const b = c.banner;
  if (!b || !b.normalized) return undefined;
  const info = SHORT[b.normalized];
  if (!info) return undefined;
  const caveats = [...b.caveats.map((t) => t.text.toUpperCase()), ...c.captions.map((x) => x.normalized)];
  const controls = DISSEMINATION.filter((d) => caveats.includes(d));
  const sensitive = caveats.some((x) => x === 'SENSITIVE' || x === 'SENSITIVE BUT UNCLASSIFIED');
  const parts = info.level === 'U' && sensitive ? ['SBU', ...controls] : controls;
  return {
    level: info.level,
    text: parts.length ? `${info.short}//${parts.join('/')}` : info.short,
    line: lineOf(doc.lineStarts, b.start),
    controls: parts,
    mrn: b.mrn ? `${b.mrn.post.text} ${b.mrn.serial.text}` : '',
    caveats: [...new Set(caveats)],
  };
}

function addressee(doc: ParsedDocument, a: Addressee): string {
  return doc.text.slice(a.start, a.end).replace(/\s+/g, ' ').trim();
}

export function summarizeCable(doc: ParsedDocument, c: Cable, findings: readonly RuleDiagnostic[]): CableSummary {
  const m = c.metadata;
  const e = c.envelope;
  const tagTokens = c.tags?.tags ?? m?.tags.map((t) => ({ ...t, kind: 'tag' as const })) ?? [];
  const tags: SummaryTag[] = tagTokens.map((t) => {
    if (t.kind === 'person') return { code: t.text, kind: 'person' };
    const info = lookupTag(t.text);
    const tag: SummaryTag = { code: t.text.replace(/(?<![.,;:])[.,;:]+$/, '') };
    if (info) {
      tag.kind = info.kind;
      if (info.meaning) tag.meaning = info.meaning;
    }
    return tag;
  });
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) if (f.cableIndex === c.index || f.cableIndex < 0) counts[f.severity]++;
  const s: CableSummary = {
    to: e ? e.to.map((a) => addressee(doc, a)) : [],
    info: e ? e.info.map((a) => addressee(doc, a)) : [],
    tags,
    references: c.references ? c.references.items.map((it) => `${it.letter ? `${it.letter}. ` : ''}${it.text}`) : [],
    diagnostics: counts,
    cableIndex: c.index,
    cableCount: doc.cables.length,
  };
  if (c.identifier) s.identifier = c.identifier;
  const created = m?.created?.value.text ?? e?.dtg?.group.text;
  if (created) s.created = created;
  if (c.date) s.date = c.date;
  const cls = marking(doc, c);
  if (cls) s.classification = cls;
  const origin = m?.origin?.value.text ?? e?.from[0]?.name.text;
  if (origin) s.origin = origin;
  if (e?.from[0]) s.from = addressee(doc, e.from[0]);
  const subject = c.subject?.text ?? m?.title?.value.text;
  if (subject) s.subject = subject;
  return s;
}
