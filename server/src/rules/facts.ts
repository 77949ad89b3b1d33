/**
 * Facts about one cable that several rules need (banner lattice level, the cable's day, the caption words in
 * force, the portion marks that carry a level; the DECL value, the Classified-By reasons and the numbering, read
 * on first use). Computed once per cable so every rule reads the same answer, and pays for it once.
 */
import { lookupCaveat, type Caveat } from '../knowledge/captions';
import { LATTICE, latticeOf, parsePortionMark, rank, type LatticeLevel } from '../knowledge/classification';
import { parseReasonLetters, type ReasonLetters } from '../knowledge/reasons';
import type { Cable, Level, Paragraph, PortionMarking, Span, SubPortion, Token } from '../parser/model';
import { paragraphLabel } from '../parser/paragraphNumbers';
import { classifiedByText, normalizeReasonTypos } from './authority';
import { readDecl, type Decl } from './declassification';
import { foreignMrn } from './foreignText';
import { memoized } from './memo';
import { numberingIssues, type NumberingIssue } from './numbering';

/** A portion mark that names a level, with where it sits. */
export interface LevelMark {
  marking: PortionMarking;
  /**
   * The paragraph it opens (or, for a sub-portion's mark, the numbered paragraph holding it), or null for the SUBJECT
   * line's mark and for a sub-portion outside numbered paragraphs.
   */
  paragraph: Paragraph | null;
  /** The sub-item or unnumbered paragraph it opens, or null for a numbered paragraph's or the SUBJECT's mark. */
  sub: SubPortion | null;
  lattice: LatticeLevel;
  /** Rank of the mark's classification level only (U/SBU 0, C 2, S 3, TS 4): what R4 rolls up. */
  levelRank: number;
  /** Read by the rules from the text after the number because the parser did not take it as a mark. */
  recovered: boolean;
}

export interface CableFacts {
  /** Banner level in the lattice (LOU = SBU); null without a readable banner. */
  readonly bannerLattice: LatticeLevel | null;
  /** Rank of the banner's classification level (U/LOU 0, C 2, S 3, TS 4), or -1. */
  readonly bannerLevelRank: number;
  /** The banner names CONFIDENTIAL, SECRET or TOP SECRET. */
  readonly classified: boolean;
  /** The banner is UNCLAS/UNCLASSIFIED/EFTO/LOU. */
  readonly unclassified: boolean;
  /** `YYYY-MM-DD` of the cable (DTG, else metadata Created), or null. */
  readonly day: string | null;
  /** Caption-block caveats in force: caption tokens and MRN-line caveats, canonical upper case (`NOFORN`). */
  readonly caveats: Map<string, Token>;
  /** Marks with a level, in document order (paragraphs and sub-portions, quoted ones included, and the SUBJECT mark). */
  readonly levelMarks: LevelMark[];
  /** A legacy `C - ENTIRE TEXT` statement, if any: it marks every paragraph. */
  readonly entireText: PortionMarking | null;
  /** Envelope and metadata cross-checks apply (not a partial extract). */
  readonly crossChecks: boolean;
  /**
   * The text stops before any numbered paragraph with `...`: the source cut the record short (06KABUL3934 ends in its
   * passing lines), so what the caption block would go on to say cannot be judged.
   */
  readonly cutInHeader: boolean;
  /**
   * The text is another cable's than the header's (see foreignText.ts): checks of the text against the envelope or
   * the metadata do not apply, and `day` (the header's date) is null since the text's own date is unknown.
   */
  readonly foreignText: boolean;
  /** The E.O. line's DECL value read against the cable date (see declassification.ts), or null. */
  readonly decl: Decl | null;
  /** The Classified-By statement as the reason rules read it (see authority.ts), or null. */
  readonly classifiedByStatement: { span: Span; text: string } | null;
  /** Reason letters of that statement, typos of the section read as meant, or null. */
  readonly reasons: ReasonLetters | null;
  /** Gaps and duplicates in the paragraph numbering (see numbering.ts). */
  readonly numbering: readonly NumberingIssue[];
}

/** U 0, C 2, S 3, TS 4 (a switch: no property lookup keyed by a string that may not be internalised). */
export function levelRank(level: Level | null): number {
  switch (level) {
    case 'UNCLASSIFIED':
      return 0;
    case 'CONFIDENTIAL':
      return 2;
    case 'SECRET':
      return 3;
    case 'TOP SECRET':
      return 4;
    default:
      return level ? (LEVEL_RANK as Record<string, number>)[level] : -1;
  }
}

const LEVEL_RANK: Record<Level, number> = { UNCLASSIFIED: 0, CONFIDENTIAL: 2, SECRET: 3, 'TOP SECRET': 4 };

/** `YYYY-MM-DD` of an ISO timestamp. */
export function isoDay(iso: string | null | undefined): string | null {
  // `/^\d{4}-\d{2}-\d{2}/` by character codes: this runs for every cable.
  if (!iso || iso.length < 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  for (const i of DAY_DIGITS) {
    const c = iso.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return iso.length === 10 ? iso : iso.slice(0, 10);
}

/** Where `YYYY-MM-DD` has its digits. */
const DAY_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

function markOf(marking: PortionMarking, paragraph: Paragraph | null, recovered = false, sub: SubPortion | null = null): LevelMark | null {
  if (!marking.level || marking.unknown) return null;
  // latticeOf, without its control scan for the plain marks most paragraphs carry.
  const lattice = marking.level === 'UNCLASSIFIED' && marking.controls.length === 0 ? 'U' : latticeOf(marking.level, marking.controls);
  return { marking, paragraph, sub, lattice, levelRank: levelRank(marking.level), recovered };
}

const MARK_AFTER_NUMBER = /^[ \t]*\(([^()\n]{1,40})\)/;
/** How far after the paragraph number MARK_AFTER_NUMBER looks. */
const MARK_REACH = 60;

/**
 * A mark right after the paragraph number that the parser did not read (mixed case `(S/Rel China)`, a space
 * separator `(C NF)`), read with the portion-mark grammar so level roll-ups see it.
 */
function recoverMark(text: string, p: Paragraph): PortionMarking | null {
  // Most unmarked paragraphs start with a word: only a `(` after blanks can be a mark, so look before slicing.
  const from = p.numberToken.end;
  const reach = Math.min(text.length, from + MARK_REACH);
  let i = from;
  while (i < reach && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i >= reach || text.charCodeAt(i) !== 40) return null;
  const m = MARK_AFTER_NUMBER.exec(text.slice(from, from + MARK_REACH));
  if (!m) return null;
  const read = parsePortionMark(m[1]);
  if (!read || read.entireText) return null;
  const start = from + m.index + m[0].indexOf('(');
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

/** Caption texts repeat across cables (`SIPDIS`, `NOFORN`): their caveat readings are kept. */
const caveatOf = memoized(lookupCaveat);

/** The distribution and release caveats named word by word in a caption line that is not itself a caveat. */
const captionWordCaveats = memoized((normalized: string): readonly Caveat[] => {
  const list: Caveat[] = [];
  for (const w of normalized.split(/[\s,;]+/)) {
    const caveat = lookupCaveat(w);
    if (caveat && (caveat.role === 'release' || caveat.role === 'distribution')) list.push(caveat);
  }
  return list;
});

function addCaveat(caveats: Map<string, Token>, t: Token, text: string): void {
  const known = caveatOf(text);
  const key = known ? known.caption : text.toUpperCase();
  if (!caveats.has(key)) caveats.set(key, t);
}

function caveatsOf(cable: Cable): Map<string, Token> {
  const caveats = new Map<string, Token>();
  for (const c of cable.captions) {
    addCaveat(caveats, c, c.normalized);
    // A caption line with more words than the caveat (`SECRET NOFORN`, `NOFORN, SIPDIS, FOR DCMS`) still applies
    // its distribution and release caveats; an agency's `DEA SENSITIVE` is not State's SBU caption.
    if (!c.known) {
      for (const caveat of captionWordCaveats(c.normalized)) if (!caveats.has(caveat.caption)) caveats.set(caveat.caption, c);
    }
  }
  const banner = cable.banner;
  if (banner) for (const c of banner.caveats) addCaveat(caveats, c, c.text);
  return caveats;
}

/**
 * Facts are read by many rules, most of which stop at a comparison of the banner level or the date; the costlier
 * ones (caveats, marks, the DECL value, the reason letters, numbering) are computed on first use, once.
 */
class Facts implements CableFacts {
  readonly bannerLattice: LatticeLevel | null;
  readonly bannerLevelRank: number;
  readonly classified: boolean;
  readonly unclassified: boolean;
  readonly day: string | null;
  readonly crossChecks: boolean;
  readonly cutInHeader: boolean;
  readonly foreignText: boolean;
  readonly caveats: Map<string, Token>;
  readonly levelMarks: LevelMark[] = [];
  readonly entireText: PortionMarking | null = null;
  private readonly cable: Cable;
  private readonly text: string;
  private declValue: Decl | null | undefined = undefined;
  private statement: { span: Span; text: string } | null | undefined = undefined;
  private reasonLetters: ReasonLetters | null | undefined = undefined;
  private issues: readonly NumberingIssue[] | null = null;

  constructor(cable: Cable, text: string) {
    this.cable = cable;
    this.text = text;
    const banner = cable.banner;
    this.bannerLattice = banner?.level ? latticeOf(banner.level, banner.controls) : null;
    const r = levelRank(banner?.level ?? null);
    this.bannerLevelRank = r;
    this.classified = r >= 2;
    this.unclassified = r === 0;
    this.foreignText = foreignMrn(cable) !== null;
    this.day = this.foreignText ? null : isoDay(cable.date);
    this.crossChecks = cable.partial === null;
    this.cutInHeader = cable.paragraphs.length === 0 && text.slice(Math.max(cable.start, cable.end - 8), cable.end).trimEnd().endsWith('...');
    // Caveats and marks are read by rules on nearly every cable (and a failure here skips the cable's rules).
    this.caveats = caveatsOf(cable);
    const levelMarks = this.levelMarks;
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
      if (p.marking.entireText && !this.entireText && !p.quoted) this.entireText = p.marking;
      const m = markOf(p.marking, p);
      if (m) levelMarks.push(m);
    }
    // Sub-items and unnumbered paragraphs carry levels too (`A. (S/NF) USG Concern: ...`, 06VIENNA515).
    for (const sp of cable.subPortions) {
      const m = markOf(sp.marking, sp.paragraph >= 0 ? cable.paragraphs[sp.paragraph] : null, false, sp);
      if (m) levelMarks.push(m);
    }
    // Usually already in document order; the sort is stable, so skipping it then changes nothing.
    if (!inOrder(levelMarks)) levelMarks.sort((a, b) => a.marking.start - b.marking.start);
  }

  get decl(): Decl | null {
    if (this.declValue === undefined) this.declValue = readDecl(this.cable);
    return this.declValue;
  }

  get classifiedByStatement(): { span: Span; text: string } | null {
    if (this.statement === undefined) this.statement = classifiedByText(this.text, this.cable);
    return this.statement;
  }

  get reasons(): ReasonLetters | null {
    if (this.reasonLetters === undefined) {
      const cb = this.classifiedByStatement;
      this.reasonLetters = cb ? parseReasonLetters(normalizeReasonTypos(cb.text)) : null;
    }
    return this.reasonLetters;
  }

  get numbering(): readonly NumberingIssue[] {
    return (this.issues ??= numberingIssues(this.cable, this.text));
  }
}

function inOrder(marks: LevelMark[]): boolean {
  for (let i = 1; i < marks.length; i++) if (marks[i].marking.start < marks[i - 1].marking.start) return false;
  return true;
}

export function computeFacts(cable: Cable, text: string): CableFacts {
  return new Facts(cable, text);
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

/**
 * `Paragraph 3` / `Paragraph 2a` / `The subject line` / `Item A of paragraph 5` / `The portion "On Iraq, General
 * Petraeus..." in paragraph 1`, for messages.
 */
export function portionName(mark: LevelMark | { paragraph: Paragraph | null; sub?: SubPortion | null }): string {
  const p = mark.paragraph;
  if (mark.sub) return subPortionName(mark.sub, p);
  if (!p) return 'The subject line';
  return `Paragraph ${paragraphLabel(p)}`;
}

/** A sub-portion by its label (`Item A`, `Item 13`), else by its first words; and its numbered paragraph, if any. */
export function subPortionName(sp: SubPortion, p: Paragraph | null): string {
  const where = p ? ` of paragraph ${paragraphLabel(p)}` : '';
  const label = sp.label ? sp.label.text.replace(/^\(|[.)]$/g, '') : '';
  if (label && /^[A-Za-z0-9]+$/.test(label)) return `Item ${label}${where}`;
  if (!sp.preview) return `A portion${where}`;
  const words = sp.preview.length > 40 ? `${sp.preview.slice(0, Math.max(sp.preview.lastIndexOf(' ', 40), 20))}...` : sp.preview;
  return `The portion "${words}"${where}`;
}

/** A portion's name in the middle of a sentence: its first letter in lower case. */
export function portionNameInline(mark: LevelMark): string {
  const name = portionName(mark);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** A span's text as written, whitespace runs folded (for messages). */
export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}

export { rank };
