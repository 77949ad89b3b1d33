/**
 * The cable model: what the parser produces and every feature reads.
 *
 * All positions are UTF-16 offsets into the document text (`start` inclusive, `end` exclusive), so the model
 * is lossless: `text.slice(span.start, span.end)` is always the source of a node. Lines and characters are
 * derived with `LineIndex` (lineIndex.ts). Values are normalised copies (NBSP folded to space, trimmed);
 * the raw text is always recoverable from the span.
 */

import type { BannerDesignation } from '../knowledge/classification';

export interface Span {
  start: number;
  end: number;
}

/** A piece of source text with its normalised value. */
export interface Token extends Span {
  text: string;
}

/** Classification levels. Control markings (SBU, LOU, FOUO, EFTO) are not levels: they live in `controls`. */
export type Level = 'UNCLASSIFIED' | 'CONFIDENTIAL' | 'SECRET' | 'TOP SECRET';

export interface ParsedDocument {
  text: string;
  /** Offset of the first character of every line (line 0 starts at 0). */
  lineStarts: number[];
  cables: Cable[];
  /** Findings about the file as a whole (no cable found, binary content...). */
  problems: ParseProblem[];
}

export interface ParseProblem extends Span {
  code: 'no-cable' | 'binary-content';
  message: string;
}

export interface Cable extends Span {
  /** 0-based position in the file. */
  index: number;
  metadata: Metadata | null;
  /** True for "This record is a partial extract..." records: envelope and captions may be missing. */
  partial: Token | null;
  envelope: Envelope | null;
  /** The classification line. When the mirror repeats the caption block, the first one. */
  banner: Banner | null;
  /** Later classification lines that repeat the first (mirror header/content overlap, 1970s page banners). */
  repeatedBanners: Banner[];
  /** Caption/handling lines between the banner and the E.O. line (SENSITIVE, SIPDIS, NOFORN...), each token. */
  captions: Caption[];
  /** `STATE FOR ...`, `DEPT FOR ...`, `PASS TO ...` lines. */
  passingLines: Token[];
  eo: EoLine | null;
  tags: TagsLine | null;
  subject: Subject | null;
  references: References | null;
  classifiedBy: ClassifiedBy | null;
  /** Span of the caption block (banner to the line before the body), for folding and outline. */
  captionBlock: Span | null;
  /** Where the numbered body starts (after the last caption-block element). */
  body: Span | null;
  paragraphs: Paragraph[];
  /** Marked portions that are not numbered paragraphs (sub-items, unnumbered paragraphs), in text order. */
  subPortions: SubPortion[];
  headings: Heading[];
  blocks: Block[];
  continuations: Continuation[];
  pageHeaders: Token[];
  redactions: Span[];
  signature: Token | null;
  /** ISO 8601 UTC date of the cable: from the DTG, else metadata Created; null if neither parses. */
  date: string | null;
  /** Canonical identifier: metadata Identifier if present, else derived from DTG year + MRN. */
  identifier: string | null;
}

// ---------------------------------------------------------------------------------------------- metadata

export type MetadataLayout =
  /** The seed's mirror: four labels on four lines, then four values. */
  | 'labels'
  /** alx/cablegate raw files: identifier, title, date, classification, origin on five lines. */
  | 'raw-cablegate'
  /** wikileaks.org table: `Reference ID | Created | Released | Classification | Origin` row. */
  | 'table'
  /** A cables.csv row: tab- or comma-separated fields. */
  | 'csv-row';

export interface MetadataField {
  label: Token | null;
  value: Token;
}

export interface Metadata extends Span {
  layout: MetadataLayout;
  identifier: MetadataField | null;
  created: MetadataField | null;
  /** `created` as ISO 8601 UTC, or null when it does not parse. */
  createdIso: string | null;
  released: MetadataField | null;
  releasedIso: string | null;
  classification: MetadataField | null;
  /** Level of the metadata classification label. */
  classificationLevel: Level | null;
  origin: MetadataField | null;
  title: MetadataField | null;
  /** The `Tags:` field: each tag token. */
  tags: Token[];
  tagsLabel: Token | null;
}

// ---------------------------------------------------------------------------------------------- envelope

export interface Envelope extends Span {
  /** FL1 `VZCZCXRO7817`. */
  transmission: { span: Span; channel: Token; sequence: Token } | null;
  /** FL2 precedence prosign `OO`. */
  prosign: Token | null;
  /** FL2 routing indicators (all lines). */
  routingIndicators: Token[];
  /** FL3 `DE RUEHTA #0308/01 0510929`. */
  de: DeLine | null;
  /** FL4 `ZNR UUUUU ZZH`. */
  security: SecurityLine | null;
  /** FL5 `O 200929Z FEB 09`. */
  dtg: Dtg | null;
  /** The `FM`, `TO`, `INFO`, `XMT` keyword tokens, in order. */
  keywords: Token[];
  from: Addressee[];
  to: Addressee[];
  info: Addressee[];
  xmt: Addressee[];
  /** FL11/15/16 `BT`, `#0308`, `NNNN` when present. */
  trailers: Token[];
}

export interface DeLine extends Span {
  station: Token;
  serial: Token;
  section: Token | null;
  julianDay: Token | null;
  time: Token | null;
}

export interface SecurityLine extends Span {
  /** `ZNR` or `ZNY`. */
  signal: Token;
  /** `UUUUU`, `CCCCC`, `EEEEE`... */
  group: Token;
  /** Level the group stands for; EFTO (`EEEEE`) is UNCLASSIFIED. */
  level: Level | null;
  efto: boolean;
  /** `/AAAAA` or `/BBBBB` SPECAT suffix. */
  specat: Token | null;
  /** Trailing operating signals (`ZZH`, `ZFR`...). */
  opSignals: Token[];
}

export interface Dtg extends Span {
  /** One or two precedence letters (`O`, or `O R`). */
  precedences: Token[];
  /** The `200929Z FEB 09` group. */
  group: Token;
  day: number;
  hour: number;
  minute: number;
  /** 1-12. */
  month: number;
  /** Four-digit year (two-digit years expanded: 66-99 -> 19xx, else 20xx). */
  year: number;
  /** ISO 8601 UTC, or null if the date is impossible (31 FEB). */
  iso: string | null;
  /** The op-signal after the date (`ZFR`), or the run of them when it is repeated (`ZFR ZFR ZFR`). */
  opSignal: Token | null;
}

export type AddresseeRole = 'from' | 'to' | 'info' | 'xmt';

export interface Addressee extends Span {
  role: AddresseeRole;
  /** Routing indicator before the slash (`RUEHC`), if any. */
  route: Token | null;
  /** Station / PLAD (`SECSTATE WASHDC`). */
  name: Token;
  /** Addressee precedence word (`IMMEDIATE`, `NIACT IMMEDIATE`...). */
  precedence: Token | null;
  /** Per-addressee message number (`4680`). */
  serial: Token | null;
}

// ---------------------------------------------------------------------------------------------- banner and captions

// The designations allowed on the classification line: one vocabulary, kept with the other marking tables.
export type { BannerDesignation };

export interface Banner extends Span {
  /** The designation as written (`C O N F I D E N T I A L`, `unclas`). */
  designation: Token;
  /** Normalised designation; null when a letter-spaced word is not a known designation (misspelled). */
  normalized: BannerDesignation | null;
  /** The letters of a letter-spaced word with spaces removed (`CONFIDENTAL`), for misspelling checks. */
  letters: string;
  level: Level | null;
  /** Control markings carried by the designation: `LOU`, `EFTO`. */
  controls: string[];
  letterSpaced: boolean;
  lowerCase: boolean;
  section: SectionCount | null;
  mrn: Mrn | null;
  /** Caveat words on the banner line after the MRN (`NOFORN`, `EXDIS`). */
  caveats: Token[];
}

export interface SectionCount extends Span {
  index: number;
  total: number;
  indexToken: Token;
  totalToken: Token;
}

export interface Mrn extends Span {
  /** Post as written, spaces kept (`BUENOS AIRES`). */
  post: Token;
  serial: Token;
  serialNumber: number;
}

export interface Caption extends Token {
  /** Upper-case caption word or phrase (`SIPDIS`, `NOFORN`, `SENSITIVE`). */
  normalized: string;
  /** Whether it is a caption of the known vocabulary. Unknown all-caps words in the block are kept for checks. */
  known: boolean;
}

// ---------------------------------------------------------------------------------------------- E.O., TAGS, SUBJECT, REF

export interface EoLine extends Span {
  /** `E.O. 12958` as written. */
  label: Token;
  /** `12958`; null when the line has no recognisable order number. */
  order: Token | null;
  na: Token | null;
  /** The `DECL:` keyword, if written. */
  declKeyword: Token | null;
  /** Declassification value: date, event text, OADR, X1..., or a 1970s GDS/XGDS-n/RDS-n instruction. */
  decl: Token | null;
  /** Any other text after the order (`AS AMENDED; DECLASSIFIED JUNE 21, 2006`). */
  other: Token | null;
}

export interface Tag extends Token {
  /** `person` for the parenthesised name after OVIP/PREL etc. (`CLINTON, HILLARY`), else `tag`. */
  kind: 'tag' | 'person';
}

export interface TagsLine extends Span {
  label: Token;
  tags: Tag[];
}

export interface Subject extends Span {
  label: Token;
  /** Subject text joined across its lines with single spaces, portion mark removed. */
  text: string;
  /** Source spans of each line of the subject text. */
  lines: Span[];
  marking: PortionMarking | null;
}

export interface References extends Span {
  label: Token;
  items: ReferenceItem[];
}

export interface ReferenceItem extends Span {
  /** `A`, `B`... when lettered. */
  letter: string | null;
  text: string;
  /** Canonical cable identifier when the item names one (`08ASTANA55`), else null. */
  cableId: string | null;
  /** True when the item gave no year and `cableId` uses the citing cable's year. */
  yearInferred: boolean;
}

export interface ClassifiedBy extends Span {
  label: Token;
  /** Who classified, as written up to the reason. */
  who: Token | null;
  /** `1.4`, `1.5`, or another section number as written. */
  section: Token | null;
  /** Reason letters, lower-case, in order. */
  reasons: Token[];
  /** True when the reason is given in category words instead of letters. */
  categoryWords: boolean;
}

// ---------------------------------------------------------------------------------------------- body

export interface PortionMarking extends Token {
  /** The full source of the mark, parentheses included (`(S//NF)`, `C)`, `( C )`). */
  raw: string;
  /** Canonical form, `//` between parts: `(C/NF)` and `(C//NF)` are both `C//NF`, `(SBU/N)` is `SBU//NF`. */
  normalized: string;
  /** Level of the mark, or null when the level token is not recognised. */
  level: Level | null;
  /** SBU/LOU/FOUO when the portion is unclassified but controlled. */
  controls: string[];
  /** Dissemination controls (`NF`, `XD`, `ND`, `REL ...`). */
  dissemination: string[];
  /**
   * Why the mark is malformed, if it is: missing parenthesis, inner spaces `( C )`, lower case in an upper-case
   * cable, a control separated by a space only `(C NF)`, the level written as a word `(Secret/Rel UK)`.
   */
  malformed: 'missing-open-paren' | 'inner-spaces' | 'lower-case' | 'space-separator' | 'full-word-level' | null;
  /** True when the mark's level token is not in the portion-mark grammar (`(X)`, `(CS)`). */
  unknown: boolean;
  /** `C - ENTIRE TEXT` statements. */
  entireText: boolean;
}

export interface Paragraph extends Span {
  number: number;
  /** `3.` / `¶3.` / `2a.` as written. */
  numberToken: Token;
  subLetter: string | null;
  marking: PortionMarking | null;
  /** The first line of the paragraph. */
  firstLine: Span;
  /** First words of the paragraph text after the mark, for outline labels. */
  preview: string;
  /** Inside a BEGIN TEXT/END TEXT or QUOTE/UNQUOTE block (embedded text restarts numbering). */
  quoted: boolean;
  /** True for the numbered classified-by paragraph (`1. Classified by ...`). */
  classifiedBy: boolean;
  /** Index of the heading whose section holds this paragraph, or -1. */
  heading: number;
}

/**
 * A portion mark opening a portion that is not a numbered paragraph: a lettered, numbered or bulleted sub-item
 * (`A. (S/NF) USG Concern: ...`, `-- (C) On Iraq, ...`, `1) (C/NF) HOW DOES ...`), or a paragraph or title written
 * without a number (`(S/NF) GOA Response: ...`, `(C) KEY POINTS`). Only a known mark of the portion-mark grammar at
 * the start of a line's text (after the label, if any) is one: `(AKP)` opening a wrapped line, a list letter `(c)`
 * in a cable that marks in upper case, or `(C)` after a list's `(B)` are not.
 */
export interface SubPortion extends Span {
  /** The item's label as written (`A.`, `--`, `1)`, `(13)`), or null for a paragraph or title without one. */
  label: Token | null;
  marking: PortionMarking;
  /** Index in the cable's `paragraphs` of the numbered paragraph it stands in, or -1. */
  paragraph: number;
  /** The first line of the portion. */
  firstLine: Span;
  /** First words of the portion text after the mark, for outline labels. */
  preview: string;
  /** Inside a BEGIN TEXT/END TEXT or QUOTE/UNQUOTE block. */
  quoted: boolean;
  /** Index of the heading whose section holds this portion, or -1 (as for paragraphs; a marked title: the one before). */
  heading: number;
}

export interface Heading extends Token {
  /** Span to the end of the heading's section (next heading or end of body). */
  section: Span;
  /** The `-----` underline, if any. */
  underline: Span | null;
}

export type BlockKind = 'SUMMARY' | 'COMMENT' | 'NOTE' | 'TEXT' | 'QUOTE';

export interface Block extends Span {
  kind: BlockKind;
  open: Token;
  close: Token | null;
}

export interface Continuation extends Token {
  post: Token;
  serial: Token;
  serialNumber: number;
  section: number;
  page: number | null;
  total: number;
}
