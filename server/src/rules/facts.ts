/**
 * Facts about one cable that several rules need (banner lattice level, the cable's day, the caption words in
 * force, the portion marks that carry a level). Computed once per cable so every rule reads the same answer.
 */
import { LATTICE, latticeOf, parsePortionMark, rank, type LatticeLevel } from '../knowledge/classification';
import { lookupCaveat } from '../knowledge/captions';
import type { Cable, Level, Paragraph, PortionMarking, Span, Token } from '../parser/model';

/** A portion mark that names a level, with where it sits. */
export interface LevelMark {
  marking: PortionMarking;
  /** The paragraph it opens, or null for the SUBJECT line's mark. */
  paragraph: Paragraph | null;
  lattice: LatticeLevel;
  /** Rank of the mark's classification level only (U/SBU 0, C 2, S 3, TS 4): what R4 rolls up. */
  levelRank: number;
  /** Read by the rules from the text after the number because the parser did not take it as a mark. */
  recovered: boolean;
}

export interface CableFacts {
  /** Banner level in the lattice (LOU = SBU); null without a readable banner. */
  bannerLattice: LatticeLevel | null;
  /** Rank of the banner's classification level (U/LOU 0, C 2, S 3, TS 4), or -1. */
  bannerLevelRank: number;
  /** The banner names CONFIDENTIAL, SECRET or TOP SECRET. */
  classified: boolean;
  /** The banner is UNCLAS/UNCLASSIFIED/EFTO/LOU. */
  unclassified: boolean;
  /** `YYYY-MM-DD` of the cable (DTG, else metadata Created), or null. */
  day: string | null;
  /** Caption-block caveats in force: caption tokens and MRN-line caveats, canonical upper case (`NOFORN`). */
  caveats: Map<string, Token>;
  /** Marks with a level, in document order (paragraphs, quoted ones included, and the SUBJECT mark). */
  levelMarks: LevelMark[];
  /** A legacy `C - ENTIRE TEXT` statement, if any: it marks every paragraph. */
  entireText: PortionMarking | null;
  /** Envelope and metadata cross-checks apply (not a partial extract). */
  crossChecks: boolean;
}

const LEVEL_RANK: Record<Level, number> = { UNCLASSIFIED: 0, CONFIDENTIAL: 2, SECRET: 3, 'TOP SECRET': 4 };

export function levelRank(level: Level | null): number {
  return level ? LEVEL_RANK[level] : -1;
}

/** `YYYY-MM-DD` of an ISO timestamp. */
export function isoDay(iso: string | null | undefined): string | null {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : null;
}

function markOf(marking: PortionMarking, paragraph: Paragraph | null, recovered = false): LevelMark | null {
  if (!marking.level || marking.unknown) return null;
  const lattice = latticeOf(marking.level, marking.controls);
  return { marking, paragraph, lattice, levelRank: LEVEL_RANK[marking.level], recovered };
}

const MARK_AFTER_NUMBER = /^[ \t]*\(([^()\n]{1,40})\)/;

/**
 * A mark right after the paragraph number that the parser did not read (mixed case `(S/Rel China)`, a space
 * separator `(C NF)`), read with the portion-mark grammar so level roll-ups see it.
 */
function recoverMark(text: string, p: Paragraph): PortionMarking | null {
  const m = MARK_AFTER_NUMBER.exec(text.slice(p.numberToken.end, p.numberToken.end + 60));
  if (!m) return null;
  const read = parsePortionMark(m[1]);
  if (!read || read.entireText) return null;
  const start = p.numberToken.end + m.index + m[0].indexOf('(');
  const raw = m[0].trim();
  return {
    start,
    end: start + raw.length,
    text: raw,
    raw,
    normalized: read.normalized,
    level: read.classification,
    controls: read.level === 'SBU' || read.level === 'LOU' ? [read.level] : read.controls.filter((c) => c === 'FOUO'),
    dissemination: read.controls.filter((c) => c !== 'FOUO' && c !== 'SBU'),
    malformed: null,
    unknown: !read.known,
    entireText: false,
  };
}

export function computeFacts(cable: Cable, text: string): CableFacts {
  const banner = cable.banner;
  const bannerLattice = banner?.level ? latticeOf(banner.level, banner.controls) : null;
  const caveats = new Map<string, Token>();
  const addCaveat = (t: Token, text: string) => {
    const known = lookupCaveat(text);
    const key = known ? known.caption : text.toUpperCase();
    if (!caveats.has(key)) caveats.set(key, t);
  };
  for (const c of cable.captions) {
    addCaveat(c, c.normalized);
    // A caption line with more words than the caveat (`SECRET NOFORN`, `NOFORN, SIPDIS, FOR DCMS`) still applies
    // its distribution and release caveats; an agency's `DEA SENSITIVE` is not State's SBU caption.
    if (!c.known) {
      for (const w of c.normalized.split(/[\s,;]+/)) {
        const caveat = lookupCaveat(w);
        if (caveat && (caveat.role === 'release' || caveat.role === 'distribution') && !caveats.has(caveat.caption)) caveats.set(caveat.caption, c);
      }
    }
  }
  for (const c of banner?.caveats ?? []) addCaveat(c, c.text);
  const levelMarks: LevelMark[] = [];
  let entireText: PortionMarking | null = null;
  if (cable.subject?.marking) {
    const m = markOf(cable.subject.marking, null);
    if (m) levelMarks.push(m);
  }
  for (const p of cable.paragraphs) {
    if (!p.marking) {
      const recovered = recoverMark(text, p);
      const m = recovered ? markOf(recovered, p, true) : null;
      if (m) levelMarks.push(m);
      continue;
    }
    if (p.marking.entireText && !entireText && !p.quoted) entireText = p.marking;
    const m = markOf(p.marking, p);
    if (m) levelMarks.push(m);
  }
  levelMarks.sort((a, b) => a.marking.start - b.marking.start);
  const r = levelRank(banner?.level ?? null);
  return {
    bannerLattice,
    bannerLevelRank: r,
    classified: r >= 2,
    unclassified: r === 0,
    day: isoDay(cable.date),
    caveats,
    levelMarks,
    entireText,
    crossChecks: cable.partial === null,
  };
}

/** How a banner reads in messages: its normalised designation (`UNCLAS`, `CONFIDENTIAL`), else as written. */
export function bannerName(cable: Cable): string {
  const b = cable.banner;
  if (!b) return 'missing';
  return b.normalized ?? b.designation.text;
}

/** Human name of a lattice level for messages. */
export function latticeName(l: LatticeLevel): string {
  return { U: 'UNCLASSIFIED', SBU: 'SBU', C: 'CONFIDENTIAL', S: 'SECRET', TS: 'TOP SECRET' }[l];
}

export function latticeRank(l: LatticeLevel): number {
  return LATTICE.indexOf(l);
}

/** `Paragraph 3` / `Paragraph 2a` / `The subject line`, for messages. */
export function portionName(mark: LevelMark | { paragraph: Paragraph | null }): string {
  const p = mark.paragraph;
  if (!p) return 'The subject line';
  return `Paragraph ${p.number}${p.subLetter ?? ''}`;
}

/** A span's text as written, whitespace runs folded (for messages). */
export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}

export { rank };
