/**
 * The cable parser: text in, lossless model out (model.ts). Pure, never throws, linear in the input:
 * every line is visited a bounded number of times and every pattern runs on a bounded prefix of a line.
 */
import { NO_BARE, parseBanner, type BannerOptions } from './banner';
import { isAsciiLetter, isDigit, isUpper, lengthWithoutTrailing } from './chars';
import { parseBody, findRedactions } from './body';
import {
  continueEo,
  findKeywords,
  forgetKeywordMemo,
  addressingTail,
  letteredItemAt,
  isAddressingLine,
  isKnownCaptionLine,
  isPassingLine,
  isTagsContinuation,
  looksLikeCaptionLine,
  makeReferenceItem,
  opensLetteredItem,
  parseCaptionLine,
  parseClassifiedBy,
  parseEo,
  parseTags,
  scanTags,
  splitReferenceItems,
  withOwnLetters,
  type KeywordHit,
} from './captions';
import {
  parseAddressee,
  parseDe,
  parseDtg,
  parseIndicatorLine,
  parseProsignLine,
  parseRoleLine,
  parseSecurity,
  parseTransmission,
} from './envelope';
import { computeLineStarts } from './lineIndex';
import { isBlank, MATCH_PREFIX, scanText, splitLines, type Line } from './lines';
import { parseMetadata, startsMetadata, type MetadataResult } from './metadata';
import type { AddresseeRole, Cable, Envelope, Mrn, ParsedDocument, ParseProblem, References, Span, Token } from './model';
import { readPortionMark } from './portionMark';
import { firstCableMention } from './referenceText';
import { tok } from './tokens';

export * from './model';
export { computeLineStarts, lineOf, offsetAt, positionAt } from './lineIndex';
export { detectCable } from './detect';

/**
 * Also a number with a comma or parenthesis for its dot before a portion mark (`1, (C) Summary. ...`, 08ISLAMABAD405;
 * `1) (SBU)`): as the body reads it (LOOSE_PARA), no line of a caption, REF or Classified By text.
 */
const PARA_START = /^(?:¶ ?)?\d{1,3}[a-z]?\.(?=\s|\(|$|[A-Z])|^\d{1,3}[,)] {1,3}\((?:U|C|S|TS|SBU|LOU)\b/;
const PARTIAL_START = 'This record is a partial extract of the original cable.';
const PARTIAL = /^This record is a partial extract of the original cable\.[^.]*\.?/;
/** 1970s distribution and routing lines that sit among the envelope lines; not part of the model. */
const DISTRIBUTION = /^(?:ACTION +[A-Z]+-\d|INFO +[A-Z]+-\d|ORIGIN |DRAFTED BY|APPROVED BY|DISTRIBUTE|Distribution:|-{6,}|[A-Z]+-\d\d(?: |$))/;
const PAGE_HEADER = /^PAGE \d{2}\b/;
/** A page's classification line alone among the envelope lines. */
const BARE_LEVEL = /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)$/;
const TRAILER = /^(?:BT|#\d{4})$/;
/** What a bare designation line needs close below it to be a banner. */
const CAPTION_NEAR = /^\s*(?:E\.? ?O\.? ?\d|E\. ?0\. ?\d|TAGS?[:;]|SUBJ|SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS|LIMDIS)/i;
const CAPTION_KEYWORD_START = /^(?:E\.? ?O\.? ?\d|E\. ?0\. ?\d|TAGS?\b|SUBJ)/i;
const ENVELOPE_START = /^VZCZC|^DE [QRU][A-Z]{3}|^FM [A-Z]/;

/** A numbered paragraph opens `t` (PARA_START, tried only after a digit or `¶`). */
function startsParagraph(t: string): boolean {
  const c = t.charCodeAt(0);
  return (isDigit(c) || c === 182) && PARA_START.test(t);
}

/**
 * DISTRIBUTION needs a dash line, an upper-case word with a dash (`AF-00`, `ACTION AF-00`, `INFO LOG-00`), or one of
 * its opening words that need none: addressee lines (`AMEMBASSY ...`, `INFO ...`) skip the pattern.
 */
function mayBeDistribution(t: string, c0: number): boolean {
  if (c0 === 45) return true;
  if (!isUpper(c0)) return false;
  if (t.indexOf('-') > 0) return true;
  switch (c0) {
    case 65: // A
      return t.startsWith('APPROVED BY');
    case 68: // D
      return t.startsWith('DRAFTED BY') || t.startsWith('DISTRIBUTE') || t.startsWith('Distribution:');
    case 79: // O
      return t.startsWith('ORIGIN ');
    default:
      return false;
  }
}

/** UNCLASSIFIED, CONFIDENTIAL, SECRET, LIMITED OFFICIAL USE. */
function mayBeBareLevel(c0: number): boolean {
  return c0 === 85 || c0 === 67 || c0 === 83 || c0 === 76;
}

/**
 * DECLASSIFICATION_STAMP needs 20 characters and `d/r` (Declassified/Released) or `view` (Review), in any case:
 * found with native searches for `/` and `v`/`V`, most lines having neither where it counts.
 */
function mayBeStamp(t: string): boolean {
  if (t.length < 20) return false;
  for (let k = t.indexOf('/'); k >= 0; k = t.indexOf('/', k + 1)) {
    if ((t.charCodeAt(k - 1) | 32) === 100 && (t.charCodeAt(k + 1) | 32) === 114) return true;
  }
  return hasView(t, 'v') || hasView(t, 'V');
}

function hasView(t: string, v: string): boolean {
  for (let k = t.indexOf(v); k >= 0; k = t.indexOf(v, k + 1)) {
    if ((t.charCodeAt(k + 1) | 32) === 105 && (t.charCodeAt(k + 2) | 32) === 101 && (t.charCodeAt(k + 3) | 32) === 119) return true;
  }
  return false;
}

export function parseCables(text: string): ParsedDocument {
  // One fast pass finds the lines and says whether there is anything to fold or count: nearly every file has nothing.
  const { lineStarts, odd } = scanText(text);
  const doc: ParsedDocument = { text, lineStarts, cables: [], problems: [] };
  try {
    if (odd && looksBinary(text)) {
      doc.problems.push({ code: 'binary-content', message: 'The file is not text (binary content).', start: 0, end: 0 });
      return doc;
    }
    const lines = splitLines(text, lineStarts, odd);
    const refids: number[] = [];
    let r = 0;
    for (const [a, b, header] of segments(text, lineStarts, lines, refids)) {
      // Only a cable with a `refid:` line can hold a cables.csv dump: the others skip the search for it.
      while (r < refids.length && refids[r] < a) r++;
      const cable = parseCable(text, lines, a, b, doc.cables.length, header, r < refids.length && refids[r] < b);
      if (cable) doc.cables.push(cable);
    }
    if (doc.cables.length === 0) {
      doc.problems.push({ code: 'no-cable', message: 'No cable found: no header, envelope, banner or captions.', start: 0, end: 0 });
    }
  } catch (err) {
    // The parser must never take the editor down: report what broke and keep what was parsed.
    const problem: ParseProblem = { code: 'no-cable', message: `Parser error: ${(err as Error).message}`, start: 0, end: 0 };
    doc.problems.push(problem);
  } finally {
    forgetKeywordMemo();
  }
  return doc;
}

const CONTROL = /[\u0001-\u0008\u000b\u000e-\u001f\ufffd]/g;

/** NUL anywhere in the first 8K, or more than 10% control characters there: not a text file. */
function looksBinary(text: string): boolean {
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  if (head.indexOf('\u0000') >= 0) return true;
  const bad = head.match(CONTROL);
  return bad !== null && bad.length / head.length > 0.1;
}

/**
 * Lines `from` to `to` (exclusive) hold one cable. `header`: the metadata header at `from` as the segmenter parsed
 * it (null when none could be read there), undefined when none starts there.
 */
type Segment = [from: number, to: number, header: MetadataResult | null | undefined];

/**
 * Cable boundaries: a metadata header, a second envelope, or the line after `NNNN`. Also collects into `refids` the
 * lines that open a cables.csv dump's `refid:` field (csvDumpIn), in order: the lines a header jumps over aside,
 * every line that DUMP_REFID accepts.
 */
function segments(text: string, lineStarts: readonly number[], lines: Line[], refids: number[]): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  let onlyBlank = true;
  let envelopeLine: string | null = null;
  let sawCaptions = false;
  let header: MetadataResult | null | undefined;
  const cut = (i: number) => {
    if (!onlyBlank) out.push([start, i, header]);
    start = i;
    onlyBlank = true;
    envelopeLine = null;
    sawCaptions = false;
    header = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    // Most lines are blank or prose: told apart on the text itself, which is read in order, rather than through
    // their Line objects, which are spread over the heap.
    const kind = quickKind(text, lineStarts[i]);
    if (kind === BLANK) continue;
    if (kind !== OTHER) {
      if (kind === CAPTIONS) sawCaptions = true;
      onlyBlank = false;
      continue;
    }
    const line = lines[i];
    const s = line.text;
    const at = line.indent;
    if (at === s.length) continue;
    // Each test below first checks the first character its pattern needs: most lines are prose and pass none.
    const c0 = s.charCodeAt(at);
    if (c0 === 114 && at === 0 && DUMP_REFID.test(s)) refids.push(i);
    if (mayStartMetadata(c0) && startsMetadata(lines, i)) {
      if (i > start) cut(i);
      // Header values (a title that reads `SUBJECT: ...`) are not captions: jump over the header.
      // A header always starts a segment (cut just above): the cable parser takes it from here.
      const md = parseMetadata(lines, i);
      header = md;
      onlyBlank = false;
      if (md && md.next > i + 1) {
        i = md.next - 1;
        continue;
      }
    }
    else if (i > start && isDigit(c0) && BARE_IDENTIFIER.test(s.slice(at)) && nextIsBanner(lines, i)) cut(i);
    // A cables.csv row (`121752<TAB>2007-09-11 12:50:00<TAB>07TBILISI2290<TAB>...VZCZC...`) pasted after a cable starts the
    // next one, when the row goes on with that cable's envelope or banner.
    else if (i > start && isDigit(c0) && CSV_ROW.test(s.slice(at, at + 80)) && csvRowContentAt(line, at) > 0) cut(i);
    // A repeat of the same transmission line (cables.csv header/content overlap) is not a new cable.
    else if (c0 === 86 && s.startsWith('VZCZC', at) && ((envelopeLine !== null && envelopeLine !== s.slice(at)) || sawCaptions)) cut(i);
    if (c0 === 86 && s.startsWith('VZCZC', at)) envelopeLine ??= s.slice(at);
    else if (startsCaptions(s, at, c0)) sawCaptions = true;
    onlyBlank = false;
    if (c0 === 78 && s.length - at === 4 && s.startsWith('NNNN', at)) {
      out.push([start, i + 1, header]);
      start = i + 1;
      onlyBlank = true;
      envelopeLine = null;
      sawCaptions = false;
      header = undefined;
    }
  }
  if (!onlyBlank) out.push([start, lines.length, header]);
  return out;
}

const BLANK = 0;
/** Non-blank, and no boundary test in `segments` applies to it. */
const PLAIN = 1;
/** As PLAIN, but it shows captions have started (startsCaptions). */
const CAPTIONS = 2;
const OTHER = 3;

/**
 * What the line starting at `from` is to `segments`, read from the raw text: BLANK (spaces and tabs only), PLAIN,
 * CAPTIONS, else OTHER, to be read through its Line: a line a boundary test may accept, a `refid:` line, or anything
 * that folding, trimming or the match prefix could make differ from the raw text. Each word is the one its test
 * starts with.
 */
function quickKind(text: string, from: number): number {
  const limit = Math.min(text.length, from + MATCH_PREFIX);
  let k = from;
  let c = text.charCodeAt(k);
  while ((c === 32 || c === 9) && k < limit) c = text.charCodeAt(++k);
  if (k >= text.length || c === 10 || c === 13) return BLANK;
  if (k + 12 >= limit || c < 33 || c > 126) return OTHER;
  if (isDigit(c)) {
    // A raw header's identifier (`06KIEV1261`), a bare identifier and a cables.csv row start with two digits, or a
    // digit and a tab or space: numbered paragraphs (`1. `, `2) `) are plain. A character from U+0080 or a control
    // may fold to a space.
    const d = text.charCodeAt(k + 1);
    return d > 32 && d < 127 && !isDigit(d) ? PLAIN : OTHER;
  }
  switch (c) {
    case 73: // I
      return text.startsWith('Identifier', k) ? OTHER : PLAIN;
    case 82: // R
      return text.startsWith('Reference ID', k) ? OTHER : PLAIN;
    case 86: // V
      return text.startsWith('VZCZC', k) ? OTHER : PLAIN;
    case 78: // N
      return text.startsWith('NNNN', k) ? OTHER : PLAIN;
    case 114: // r (DUMP_REFID, unindented)
      return k === from && text.startsWith('refid:', k) ? OTHER : PLAIN;
    case 84: // T
    case 83: // S
    case 116: // t
    case 115: // s
      return startsCaptions(text, k, c) ? CAPTIONS : PLAIN;
    default:
      return PLAIN;
  }
}

/** Row number, date, identifier: the first fields of a cables.csv row, tab- or space-separated. */
const CSV_ROW = /^\d{1,7}(?:\t| {2,})\d{4}-\d\d-\d\d(?: \d\d:\d\d(?::\d\d)?)?(?:\t| {2,})(\d{2}[A-Z]{2,}\d{1,7})(?:\t| {2,})/;
/** A dump row's date and identifier fields, tab-separated, inside a line (glued onto the text before it). */
const GLUED_ROW = /\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?\t(\d{2}[A-Z]{2,}\d{1,7})\t/;
const ROW_DESIGNATION = /\b(?:C O N F I D E N T I A L|S E C R E T|UNCLAS|CONFIDENTIAL|SECRET)\b/g;

/** Where a cables.csv row's content starts after its fields: the transmission line, or the first full banner; -1. */
function csvRowContentAt(line: Line, from: number): number {
  const text = line.text.slice(0, 2000);
  const vz = text.indexOf('VZCZC', from);
  if (vz >= 0) return vz;
  ROW_DESIGNATION.lastIndex = from;
  for (let m = ROW_DESIGNATION.exec(text); m; m = ROW_DESIGNATION.exec(text)) {
    const banner = parseBanner(subLine(line, m.index), 0, { allowBare: false });
    if (banner && (banner.mrn || banner.section)) return m.index;
  }
  return -1;
}

/** Lines that show captions have started (a repeated envelope after them is a new cable): TAGS, SUBJ, tags, subj. */
function startsCaptions(s: string, at: number, c0: number): boolean {
  const word = c0 === 84 ? 'TAGS' : c0 === 83 ? 'SUBJ' : c0 === 116 ? 'tags' : c0 === 115 ? 'subj' : null;
  return word !== null && s.startsWith(word, at);
}

/**
 * First characters (after the indent) of the lines startsMetadata accepts: `Identifier`, `Reference ID`, a raw header's
 * identifier (a digit), or white space that trim() removes but the indent does not count.
 */
function mayStartMetadata(c: number): boolean {
  return c === 73 || c === 82 || (c >= 48 && c <= 57) || c >= 128;
}

/** A cable identifier alone on a line (`08STATE15228`): where mirror pages glue a second cable on. */
const BARE_IDENTIFIER = /^\d{2}[A-Z]{3,}\d{1,7}$/;
/** `Declassified/Released US Department of State EO Systematic Review 30 JUN 2005`. */
const DECLASSIFICATION_STAMP = /Declassified\/Released|EO Systematic Review/i;

function nextIsBanner(lines: Line[], i: number): boolean {
  for (let j = i + 1; j < Math.min(lines.length, i + 3); j++) {
    if (isBlank(lines[j])) continue;
    return parseBanner(lines[j], lines[j].indent, { allowBare: false }) !== null;
  }
  return false;
}

/** A view of part of a line (after `This record is a partial extract...`), sharing the line's offsets. */
function subLine(line: Line, from: number): Line {
  let indent = 0;
  const text = line.text.slice(from);
  while (indent < text.length && text.charCodeAt(indent) === 32) indent++;
  return { index: line.index, start: line.start + from, end: line.end, text, indent };
}

/** A banner designation written straight after other text (no space between): where a glued banner may start. */
const GLUED_DESIGNATION = /[A-Z0-9/)\t](C O N F I D E N T I A L|S E C R E T|UNCLAS|CONFIDENTIAL|SECRET)\b/;

/**
 * Offset in `line.text` of a classification line glued onto the end of this line, or -1. Only a full banner counts
 * (designation with the post and serial or a SECTION count), so a word that merely ends in `SECRET` is never cut.
 */
function gluedBannerAt(line: Line): number {
  const m = line.text.length < 400 ? GLUED_DESIGNATION.exec(line.text) : null;
  if (!m || m.index < line.indent) return -1;
  const at = m.index + 1;
  const banner = parseBanner(subLine(line, at), 0, { allowBare: false });
  return banner && (banner.mrn || banner.section) ? at : -1;
}

/** A display date ending a line: `Thursday, 29 March 2007, 06:00` (cable pages), `2007-03-29 06:00:00`, `2007-03-29`. */
const GLUED_DATE =
  /(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}(?:, \d{2}:\d{2})?|(?:19|20)\d{2}-[01]\d-[0-3]\d(?: [0-2]\d:[0-5]\d(?::[0-5]\d)?)?)$/;

/**
 * Offset in `line.text` of a display date glued onto the end of an addressee line, or -1. Looked for only on a line
 * ending in a digit after a `,` or `-` (few addressee lines have either).
 */
function gluedDateAt(line: Line): number {
  const t = line.text;
  const end = lengthWithoutTrailing(t, '');
  if (end === 0 || !isDigit(t.charCodeAt(end - 1)) || t.length > 200 || (t.indexOf(',') < 0 && t.indexOf('-') < 0)) return -1;
  const m = GLUED_DATE.exec(t.slice(0, end));
  return m ? m.index : -1;
}

/** The part of a line before `to` (trailing spaces dropped), sharing the line's offsets. */
function headOf(line: Line, to: number): Line {
  const text = line.text.slice(0, to).trimEnd();
  return { ...line, end: line.start + text.length, text };
}

function emptyEnvelope(start: number): Envelope {
  return {
    start,
    end: start,
    transmission: null,
    prosign: null,
    routingIndicators: [],
    de: null,
    security: null,
    dtg: null,
    keywords: [],
    from: [],
    to: [],
    info: [],
    xmt: [],
    trailers: [],
  };
}

/** `header`: the metadata header the segmenter read at line `a` (see Segment). */
/** `mayHoldDump`: a `refid:` line lies in lines a..b (see segments); without one csvDumpIn finds nothing. */
function parseCable(
  text: string,
  lines: Line[],
  a: number,
  b: number,
  index: number,
  header: MetadataResult | null | undefined,
  mayHoldDump: boolean,
): Cable | null {
  let i = a;
  while (i < b && isBlank(lines[i])) i++;
  if (i >= b) return null;
  const cable: Cable = {
    index,
    start: lines[i].start + lines[i].indent,
    end: lines[i].end,
    metadata: null,
    partial: null,
    envelope: null,
    banner: null,
    repeatedBanners: [],
    captions: [],
    passingLines: [],
    eo: null,
    tags: null,
    subject: null,
    references: null,
    classifiedBy: null,
    captionBlock: null,
    body: null,
    paragraphs: [],
    headings: [],
    blocks: [],
    continuations: [],
    pageHeaders: [],
    redactions: [],
    signature: null,
    date: null,
    identifier: null,
  };
  // (A header the segmenter read starts the segment, at `a`: i === a.)
  const md = header !== undefined && i === a ? header : startsMetadata(lines, i) ? parseMetadata(lines, i) : null;
  if (md) {
    cable.metadata = md.metadata;
    i = md.next;
  }

  // ------------------------------------------------------------------ header: envelope, banner, caption block
  // Every recogniser below rejects a line on its first characters before any regex, and keyword hits of a line
  // are found once (findKeywords remembers the last line): most header lines are asked about many times.
  const holder: { env: Envelope | null } = { env: null };
  let role: AddresseeRole | null = null;
  let inIndicators = false;
  let phase: 'envelope' | 'captions' = 'envelope';
  let repeating = false;
  let captionEnd = -1;
  let bodyStart = b;
  let pending: Line | null = null;
  /** A second copy of the envelope (cables.csv header/content overlap): consumed, not added. */
  let envelopeRepeat = false;
  let bareIdentifier: string | null = null;
  // A bare designation (`CONFIDENTIAL`) is a banner only where captions follow closely: looked up only for such a line.
  const bannerOptions: BannerOptions = { allowBare: (l: Line) => bannerExpected(lines, l.index, b) };
  // A cables.csv dump inside the record (its fields, a copy of the header, `header ends`): skipped, and the text after
  // it is the full cable (what came before the dump, past the caption block, is a truncated preview of it).
  const dump = mayHoldDump ? csvDumpIn(text, lines, i, b) : null;

  header: while (i < b || pending) {
    let line: Line = pending ?? lines[i];
    const lineNo = line.index;
    pending = null;
    if (isBlank(line)) {
      i = lineNo + 1;
      continue;
    }
    if (dump && lineNo >= dump.start && lineNo <= dump.end) {
      // The dump's first field may be glued onto the last addressee (`DIRONDCP WASHDCid: 2446`): that part is read.
      if (lineNo > dump.start || dump.gluedAt <= line.indent || line !== lines[lineNo]) {
        i = dump.end + 1;
        continue;
      }
      line = headOf(line, dump.gluedAt);
      pending = null;
      i = lineNo + 1;
    }
    if (lineNo === a && line === lines[lineNo]) {
      const row = CSV_ROW.exec(line.text.slice(line.indent, line.indent + 80));
      if (row) {
        // A cables.csv row: its identifier names the cable; the envelope or banner its content starts with is read.
        bareIdentifier = row[1];
        const rest = csvRowContentAt(line, line.indent + row[0].length);
        if (rest > 0) pending = subLine(line, rest);
        i = lineNo + 1;
        continue;
      }
    }
    // A banner read above the envelope (an inbox printout's `S E C R E T        TRIPOLI 00453` before `VZCZC...`) is a
    // copy: the cable's own banner may still be glued onto the last addressee below it (06TRIPOLI453).
    if (phase === 'envelope' && (!cable.banner || (holder.env !== null && cable.banner.start < holder.env.start))) {
      // Raw Cablegate files glue the classification line onto the last addressee (`...PRIORITYC O N F I D E N T I A L
      // SECTION 01 OF 04 CAIRO 003757`): read the two parts as two lines.
      const glued = gluedBannerAt(line);
      if (glued > 0) {
        pending = subLine(line, glued);
        line = headOf(line, glued);
      }
      // A tab-separated dump row glued onto the last addressee (`...PRIORITY 59252009-07-06 07:31:00<TAB>09BERN279<TAB>...
      // <TAB>VZCZCXYZ0003`): the addressee is read, the row names the cable, its content (the envelope again) follows.
      // A mirror's display date glued onto the last addressee (`RUEHUNV/USMISSION UNVIE VIENNA 0007Thursday, 29 March
      // 2007, 06:00`, 07BANDARSERIBEGAWAN112): not part of the name, and its lower case would make the line prose.
      const dated = role ? gluedDateAt(line) : -1;
      if (dated > line.indent) line = headOf(line, dated);
      const row = line.text.indexOf('\t') > 0 ? GLUED_ROW.exec(line.text) : null;
      if (row && row.index > line.indent) {
        bareIdentifier ??= row[1];
        const rest = csvRowContentAt(line, row.index + row[0].length);
        pending = rest > 0 ? subLine(line, rest) : null;
        line = headOf(line, row.index);
      }
    }
    const t = line.text.slice(line.indent);
    const c0 = t.charCodeAt(0);
    if (phase === 'captions' && isPageContinuation(t)) {
      i = lineNo + 1;
      continue;
    }
    if ((mayBeStamp(t) && DECLASSIFICATION_STAMP.test(t)) || (lineNo === a && BARE_IDENTIFIER.test(t))) {
      // Archival release stamps, and the bare identifier a mirror put above a glued-on cable.
      if (BARE_IDENTIFIER.test(t)) bareIdentifier = t;
      i = lineNo + 1;
      continue;
    }

    const partial = !cable.partial && c0 === 84 && t.startsWith(PARTIAL_START) ? PARTIAL.exec(t) : null;
    if (partial) {
      cable.partial = tok(line, line.indent, line.indent + partial[0].length);
      let rest = line.indent + partial[0].length;
      // A stray quote a mirror left before the glued banner (`...is not available."C O N F I D E N T I A L ...`).
      while (line.text.charCodeAt(rest) === 34) rest++;
      // A truncated preview of the cable (its own banner and MRN, captions, `¶1. (C)  Dutch Politic...`) and the
      // record's fields, then the full cable (03THEHAGUE3067): the preview is skipped, the full cable read.
      const record = previewRecordAfter(lines, lineNo, b);
      if (record >= 0) {
        i = record + 1;
        continue;
      }
      if (line.text.slice(rest).trim()) pending = subLine(line, rest);
      i = lineNo + 1;
      continue;
    }

    if (phase === 'envelope') {
      if (envelopeRepeat || isRepeatedEnvelopeStart(line, holder.env)) {
        if (isEnvelopeLine(line) || (role && looksLikeAddressee(t))) {
          envelopeRepeat = true;
          i = lineNo + 1;
          continue;
        }
        envelopeRepeat = false;
      }
      const pageHeader = c0 === 80 && PAGE_HEADER.test(t);
      if (pageHeader || (mayBeDistribution(t, c0) && DISTRIBUTION.test(t)) || (mayBeBareLevel(c0) && BARE_LEVEL.test(t))) {
        // 1970s and PlusD distribution blocks, page headers and bare page banners among the envelope lines.
        if (pageHeader) cable.pageHeaders.push(tok(line, line.indent));
        i = lineNo + 1;
        continue;
      }
      if (!holder.env?.transmission) {
        const tr = parseTransmission(line);
        if (tr) {
          const e = (holder.env ??= emptyEnvelope(line.start + line.indent));
          e.transmission = { span: { start: tr.span.start, end: tr.span.end }, channel: tr.channel, sequence: tr.sequence };
          inIndicators = true;
          e.end = line.start + line.text.length;
          i = lineNo + 1;
          continue;
        }
      }
      if (!holder.env?.de && !holder.env?.prosign) {
        const ps = parseProsignLine(line);
        if (ps) {
          const e = (holder.env ??= emptyEnvelope(line.start + line.indent));
          e.prosign = ps.prosign;
          e.routingIndicators.push(...ps.indicators);
          inIndicators = true;
          e.end = line.start + line.text.length;
          i = lineNo + 1;
          continue;
        }
      }
      if (inIndicators && !holder.env?.de) {
        const ris = parseIndicatorLine(line);
        if (ris) {
          const e = (holder.env ??= emptyEnvelope(line.start + line.indent));
          e.routingIndicators.push(...ris);
          e.end = line.start + line.text.length;
          i = lineNo + 1;
          continue;
        }
      }
      const de = !holder.env?.de ? parseDe(line) : null;
      if (de) {
        const e = (holder.env ??= emptyEnvelope(line.start + line.indent));
        e.de = de;
        inIndicators = false;
        e.end = line.start + line.text.length;
        i = lineNo + 1;
        continue;
      }
      const sec = !holder.env?.security ? parseSecurity(line) : null;
      if (sec) {
        const e = (holder.env ??= emptyEnvelope(line.start + line.indent));
        e.security = sec;
        e.end = line.start + line.text.length;
        i = lineNo + 1;
        continue;
      }
      const dtg = !holder.env?.dtg ? parseDtg(line) : null;
      if (dtg) {
        const e = (holder.env ??= emptyEnvelope(line.start + line.indent));
        e.dtg = dtg;
        inIndicators = false;
        e.end = line.start + line.text.length;
        i = lineNo + 1;
        continue;
      }
      const roleLine = parseRoleLine(line);
      if (roleLine && !(roleLine.role === 'from' && holder.env?.from.length)) {
        const e = (holder.env ??= emptyEnvelope(line.start + line.indent));
        e.keywords.push(roleLine.keyword);
        role = roleLine.role;
        if (roleLine.addressee) e[roleLine.role].push(roleLine.addressee);
        e.end = line.start + line.text.length;
        i = lineNo + 1;
        continue;
      }
      if ((c0 === 66 || c0 === 35) && TRAILER.test(t)) {
        (holder.env ??= emptyEnvelope(line.start + line.indent)).trailers.push(tok(line, line.indent));
        i = lineNo + 1;
        continue;
      }
      const banner = parseBanner(line, line.indent, bannerOptions);
      if (banner) {
        cable.banner = banner;
        phase = 'captions';
        captionEnd = Math.max(captionEnd, banner.end);
        // A flattened caption block on the banner line itself: `... MOSCOW 000228  SIPDIS  ... E.O. 12958: DECL: ...`.
        const after = findKeywords(line).filter((h) => h.at >= (banner.mrn ?? banner.designation).end - line.start);
        if (after.length) {
          banner.end = line.start + line.text.slice(0, after[0].at).trimEnd().length;
          banner.caveats = banner.caveats.filter((c) => c.end <= banner.end);
          const consumed = captionHits(lines, line, after, b, cable, false, holder.env);
          captionEnd = Math.max(captionEnd, consumed.endOffset);
          i = consumed.nextLine;
          continue;
        }
        i = lineNo + 1;
        continue;
      }
      if (role && c0 === 73 && CSV_RECORD_START.test(t)) {
        const end = csvRecordEnd(lines, lineNo, b);
        if (end > lineNo) {
          // A cables.csv record's fields between the envelope and the banner (`ID: 248711` / `ORIGIN: 10BERLIN180` /
          // ... / `DESTINATION: ...`, 10BERLIN180): record data, not addressees, and the last lines of the header
          // before the cable's text (whose banner may be redacted, 10BEIJING207).
          i = end + 1;
          phase = 'captions';
          continue;
        }
      }
      if (role && looksLikeAddressee(t) && findKeywords(line).length === 0) {
        // Addressee continuation line (`RUEHBJ/AMEMBASSY BEIJING 0611`, `EUCOM`).
        const ad = parseAddressee(line, line.indent, role);
        if (ad) {
          holder.env![role].push(ad);
          holder.env!.end = line.start + line.text.length;
        }
        i = lineNo + 1;
        continue;
      }
      if (!startsParagraph(t) && findKeywords(line).length === 0 && envelopeFollows(lines, lineNo, b, holder.env ? 9 : 24)) {
        // Stray lines inside the header (a date line, a cables.csv row) before the banner or a repeated envelope.
        i = lineNo + 1;
        continue;
      }
      // Anything else ends the envelope: captions without a banner, or the body.
      phase = 'captions';
    }

    // ---------------------------------------------------------------- caption block
    const again = parseBanner(line, line.indent, NO_BARE);
    if (again) {
      // A banner after captions: the mirror's repeated block, or the real banner after a cables.csv header dump.
      if (cable.banner) cable.repeatedBanners.push(again);
      else cable.banner = again;
      if (cable.subject || cable.tags || cable.repeatedBanners.length) repeating = true;
      captionEnd = Math.max(captionEnd, again.end);
      i = lineNo + 1;
      continue;
    }
    if (!holder.env?.transmission && !cable.eo && !cable.tags && !cable.subject) {
      // A banner and distribution notes above the envelope (`CXDOHA: ACTION: AMB ...`): the envelope follows.
      if (parseTransmission(line)) {
        phase = 'envelope';
        pending = line;
        continue;
      }
      if (!startsParagraph(t) && findKeywords(line).length === 0 && envelopeFollows(lines, lineNo, b, 16)) {
        i = lineNo + 1;
        continue;
      }
    }
    const refs = cable.references;
    const lastRef = refs?.items[refs.items.length - 1];
    if (refs && lastRef?.letter && lastRef.letter < 'Z' && !repeating) {
      // A lettered REF list that goes on after a blank line: `B. BERLIN 200`.
      const nextLetter = String.fromCharCode(lastRef.letter.charCodeAt(0) + 1);
      // (`B. (B) RIO 346 Classified By: ...`: the item ends where a caption keyword follows it on its line.)
      const glued = findKeywords(line);
      if (opensLetteredItem(t, nextLetter) && (glued.length === 0 || glued[0].at > line.indent)) {
        const g = gather(lines, line, line.indent, glued.length ? glued[0].at : line.text.length, b, glued.length ? 1 : 6, STOP_CONTINUATION);
        captionEnd = Math.max(captionEnd, addLetteredItems(refs, g, nextLetter, citingYear(cable, holder.env)));
        if (glued.length) {
          const consumed = captionHits(lines, line, glued, b, cable, repeating, holder.env);
          captionEnd = Math.max(captionEnd, consumed.endOffset);
          i = consumed.nextLine;
        } else i = g.nextLine;
        continue;
      }
      // The last item wrapped after a blank line, the next one after it on the line: `C) SAINZ E-MAIL` / blank /
      // `OF 10/6 D) STATE 215870` (04MADRID3914).
      const inside = glued.length === 0 && !startsParagraph(t) && refs.end >= previousLineEnd(lines, lineNo) ? letteredItemAt(t, nextLetter) : -1;
      if (inside > line.indent) {
        const tail = tok(line, line.indent, inside);
        refs.items[refs.items.length - 1] = { ...lastRef, end: tail.end, text: `${lastRef.text} ${tail.text}` };
        const g = gather(lines, line, inside, line.text.length, b, 6, STOP_CONTINUATION);
        captionEnd = Math.max(captionEnd, addLetteredItems(refs, g, nextLetter, citingYear(cable, holder.env)));
        i = g.nextLine;
        continue;
      }
      // The last item's serial wrapped after a blank line: `(C) SECSTATE` / blank / `36633` (05MADRID4026). A line of
      // digits alone goes on with an item that has no digit yet, which then names its cable.
      if (glued.length === 0 && isDigit(c0) && SERIAL_ALONE.test(t) && !/\d/.test(lastRef.text) && refs.end >= previousLineEnd(lines, lineNo)) {
        const text = `${lastRef.text} ${t}`;
        const named = firstCableMention(text, citingYear(cable, holder.env));
        refs.end = line.start + line.text.length;
        refs.items[refs.items.length - 1] = { ...lastRef, end: refs.end, text, cableId: named?.id ?? null, yearInferred: named?.yearInferred ?? false };
        captionEnd = Math.max(captionEnd, refs.end);
        i = lineNo + 1;
        continue;
      }
    }
    const hits = findKeywords(line);
    if (hits.length === 0 || hits[0].at > line.indent) {
      if (startsParagraph(t)) {
        if (dump && lineNo < dump.start) {
          i = dump.end + 1;
          continue;
        }
        bodyStart = lineNo;
        break header;
      }
      if (hits.length === 0) {
        if (DERIVED_FROM_AT.test(t)) {
          // The derivative classifier's line, where `Classified By:` would stand: the caption block's, not the body's.
          captionEnd = Math.max(captionEnd, line.start + line.text.length);
          i = lineNo + 1;
          continue;
        }
        const captionsAllowed = !cable.subject || repeating;
        const lastPassing = cable.passingLines[cable.passingLines.length - 1];
        // `DEPT ALSO FOR EUR/WE, DRL/IL, ...,` goes on to the next line (`AND EB`).
        const continuesPassing = !!lastPassing && lastPassing.text.endsWith(',') && lastPassing.end >= previousLineEnd(lines, lineNo);
        // (`FOR OFFICIAL USE ONLY` reads like passing text but is a handling caption.)
        // After the E.O. line a passing line counts only right above another caption line (`ROME FOR STORELLA` / `REFS:`).
        if ((isPassingLine(t) || continuesPassing) && captionsAllowed && (repeating || !cable.eo || keywordLineNext(lines, lineNo, b)) && !isKnownCaptionLine(t)) {
          if (!repeating) cable.passingLines.push(tok(line, line.indent));
          captionEnd = Math.max(captionEnd, line.start + line.text.length);
          i = lineNo + 1;
          continue;
        }
        if ((looksLikeCaptionLine(t) || isKnownCaptionLine(t)) && captionsAllowed && (repeating || !cable.tags)) {
          const found = parseCaptionLine(line);
          // Office symbols and names (`EB/IFD/ODF, SA/AR AND EUR/SE`) among the captions address the cable: passing text;
          // so does a line of no known caption right under a passing line (its wrapped end: `BENJAMIN, DS/ATA JOHN NASON`).
          const underPassing = !!lastPassing && lastPassing.end >= previousLineEnd(lines, lineNo) && found.every((c) => !c.known);
          const tail = addressingTail(found);
          if (isAddressingLine(found) || underPassing) {
            if (!repeating) cable.passingLines.push(tok(line, line.indent));
          } else {
            const caps = tail > 0 ? found.slice(0, tail) : found;
            cable.captions.push(...(repeating ? caps.filter((c) => !cable.captions.some((x) => x.normalized === c.normalized)) : caps));
            if (tail > 0 && !repeating) cable.passingLines.push(tok(line, found[tail].start - line.start));
          }
          captionEnd = Math.max(captionEnd, line.start + line.text.length);
          i = lineNo + 1;
          continue;
        }
        if (!captionsAllowed && isKnownCaptionLine(t)) {
          // A caveat line after the subject (`SENSITIVE` between SUBJECT and REF) is still a caption.
          cable.captions.push(...parseCaptionLine(line));
          captionEnd = Math.max(captionEnd, line.start + line.text.length);
          i = lineNo + 1;
          continue;
        }
        if (captionsAllowed && !cable.eo && !cable.tags && captionKeywordFollows(lines, lineNo, b)) {
          // Routing and addressing lines before the E.O./TAGS lines (`CG CJTF-101, POLAD, JICCENT`).
          if (!repeating) cable.passingLines.push(tok(line, line.indent));
          captionEnd = Math.max(captionEnd, line.start + line.text.length);
          i = lineNo + 1;
          continue;
        }
        if (dump && lineNo < dump.start) {
          i = dump.end + 1;
          continue;
        }
        bodyStart = lineNo;
        break header;
      }
      // Text before a keyword on the same line: a passing line (`DEPT FOR WHA/BSC E.O. 12958...`) or a mark.
      const prefix = line.text.slice(line.indent, hits[0].at).trim();
      if (prefix && !/^\(?[A-Z]{1,3}\)?$/.test(prefix) && !repeating && isPassingLine(prefix)) {
        cable.passingLines.push(tok(line, line.indent, hits[0].at));
      }
    }
    const consumed = captionHits(lines, line, hits, b, cable, repeating, holder.env);
    captionEnd = Math.max(captionEnd, consumed.endOffset);
    i = consumed.nextLine;
  }
  if (i >= b && bodyStart === b) bodyStart = b;
  cable.envelope = holder.env;
  if (cable.references) cable.references.items = withOwnLetters(cable.references.items, text);
  if (cable.banner || captionEnd >= 0) {
    const captionsStart = firstCaptionStart(cable);
    const first = cable.banner && captionsStart !== null ? Math.min(cable.banner.start, captionsStart) : (cable.banner?.start ?? captionsStart);
    if (first !== null && captionEnd >= first) cable.captionBlock = { start: first, end: captionEnd };
  }

  // ------------------------------------------------------------------ body
  const upper = !(cable.banner?.lowerCase || (cable.subject && !/[A-Z]/.test(cable.subject.text) && /[a-z]/.test(cable.subject.text)));
  const body = parseBody(lines, bodyStart, b, upper, text);
  const sm = cable.subject?.marking;
  if (sm && upper && !sm.malformed && !sm.unknown && sm.raw !== sm.raw.toUpperCase()) sm.malformed = 'lower-case';
  cable.paragraphs = body.paragraphs;
  cable.headings = body.headings;
  cable.blocks = body.blocks;
  cable.continuations = body.continuations;
  cable.pageHeaders.push(...body.pageHeaders);
  cable.signature = body.signature;
  if (holder.env && body.trailers.length) (holder.env as Envelope).trailers.push(...body.trailers);
  if (bodyStart < b && body.end > 0) {
    cable.body = { start: lines[bodyStart].start, end: Math.max(lines[bodyStart].start, body.end) };
  }
  if (!cable.classifiedBy) findClassifiedByInBody(text, lines, cable, bodyStart, b);

  const lastLine = lastNonBlank(lines, a, b);
  cable.end = lastLine ? lastLine.start + lastLine.text.length : cable.start;
  cable.redactions = findRedactions(text, cable.start, cable.end);
  cable.date = holder.env?.dtg?.iso ?? cable.metadata?.createdIso ?? null;
  cable.identifier = cable.metadata?.identifier?.value.text || bareIdentifier || deriveIdentifier(cable);

  const found =
    cable.metadata || holder.env || cable.banner || cable.eo || cable.tags || cable.subject || cable.paragraphs.length > 0;
  return found ? cable : null;
}

/** The first field of a cables.csv record on a mirror page: `ID: 248711`. */
const CSV_RECORD_START = /^ID: \d{1,7}\s*$/;
/** The fields of that record, one a line, in their order on the page. */
const CSV_RECORD_FIELDS = ['ID: ', 'ORIGIN: ', 'DATE: ', 'SOURCE: ', 'CLASSIFICATION: ', 'MISC: ', 'DESTINATION: '];

/**
 * The last line of the cables.csv record whose `ID:` field is line `k` (its fields in order, no blank line between),
 * or -1 when the next line is not its `ORIGIN:` field (an addressee that merely starts `ID:` is not a record).
 */
function csvRecordEnd(lines: Line[], k: number, b: number): number {
  let f = 1;
  let j = k + 1;
  for (; j < b && f < CSV_RECORD_FIELDS.length; j++, f++) {
    const l = lines[j];
    if (!l.text.startsWith(CSV_RECORD_FIELDS[f], l.indent)) break;
  }
  return f > 2 ? j - 1 : -1;
}

/** `----------------- header ends ----------------`: the end of a cables.csv dump in alx/cablegate files. */
const DUMP_END = /^-{5,} ?header ends ?-{5,}$/;
/** The dump's first field, alone or glued onto the line before it (`DIRONDCP WASHDCid: 2446`). */
const DUMP_START = /(?:^|[A-Za-z])id: \d{1,7}$/;
const DUMP_REFID = /^refid: /;

/**
 * The cables.csv dump inside lines a..b (`id: 219`, `date:`, `refid:`, ..., `header:`, the header again, `header
 * ends`): its first and last line, and where its first field starts on the first; null when there is none.
 */
function csvDumpIn(text: string, lines: Line[], a: number, b: number): { start: number; gluedAt: number; end: number } | null {
  if (a >= b) return null;
  // Searched in this cable's text only: a search running on into the next cables would be quadratic in a dump file.
  const from = lines[a].start;
  const at = text.slice(from, lines[b - 1].end).indexOf('header ends');
  if (at < 0) return null;
  let end = a;
  while (end < b && lines[end].end < from + at) end++;
  if (end >= b || !DUMP_END.test(lines[end].text.slice(lines[end].indent))) return null;
  let refid = false;
  for (let k = end - 1; k >= a && k >= end - 80; k--) {
    const t = lines[k].text;
    if (DUMP_REFID.test(t)) refid = true;
    const m = refid ? DUMP_START.exec(t) : null;
    if (m) return { start: k, gluedAt: m.index + (t.charCodeAt(m.index) === 105 && m.index === 0 ? 0 : 1), end };
  }
  return null;
}

/** The fields of a cable page after a truncated preview, one a line between blank lines (see previewRecordAfter). */
const RECORD_FIELDS: readonly RegExp[] = [
  /^\d{1,7}$/,
  /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?$/,
  /^(?:\d{2}|\d{4})[A-Z]{3,}\d{1,7}(?:_[a-z])?$/,
  /^[A-Z][A-Za-z.,'() -]{1,80}$/,
  /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET)(?:\/\/[A-Z ]+)*$/,
];
/** How far a preview runs: the header and the first words of the first paragraph. */
const PREVIEW_LINES = 60;

/**
 * Partial records in alx/cablegate files (`This record is a partial extract...`) may hold a truncated preview of the
 * cable (a copy of its header, cut off with `...` in the first paragraph), then the record's fields (`12703`,
 * `2003-12-15`, `03THEHAGUE3067`, `Embassy The Hague`, `CONFIDENTIAL`), then the full cable. From the notice at line
 * `from`: the index of the last field line when that layout follows, else -1.
 */
function previewRecordAfter(lines: Line[], from: number, b: number): number {
  const last = Math.min(b, from + PREVIEW_LINES);
  for (let k = from; k < last; k++) {
    if (!lines[k].text.trimEnd().endsWith('...')) continue;
    const end = recordFieldsAfter(lines, k, b);
    // (A header line that merely ends in `...`, a subject say, is not the preview's end: the search goes on.)
    if (end >= 0) return end;
  }
  return -1;
}

/** The index of the last of RECORD_FIELDS on the lines after `k` (blank lines between), or -1. */
function recordFieldsAfter(lines: Line[], k: number, b: number): number {
  let f = 0;
  for (let j = k + 1; j < b && j <= k + 3 * RECORD_FIELDS.length + 4; j++) {
    if (isBlank(lines[j])) continue;
    if (!RECORD_FIELDS[f].test(lines[j].text.trim())) return -1;
    if (++f === RECORD_FIELDS.length) return j;
  }
  return -1;
}

/** An addressee line: `RI/NAME ...` or an upper-case station name, not a classification label or a date. */
function looksLikeAddressee(t: string): boolean {
  const c0 = t.charCodeAt(0);
  if (!isUpper(c0) || t.length > 120 || hasLowerRun(t)) return false;
  // Each pattern only after the first letter it needs (U, C, S, T; E, T, S, R, C).
  if ((c0 === 85 || c0 === 67 || c0 === 83 || c0 === 84) && (ADDRESSEE_LEVEL.test(t) || BANNER_LINE_START.test(t))) return false;
  if ((c0 === 69 || c0 === 84 || c0 === 83 || c0 === 82 || c0 === 67) && ADDRESSEE_KEYWORD.test(t)) return false;
  // A handling caption (`SIPDIS`, `NOFORN`) opens the text of a cable without its banner line (10SANSALVADOR37).
  // (Routing lines, `RUEHBJ/AMEMBASSY BEIJING 0611`, have a `/` that no caption line has: they skip the lookup.)
  if (t.indexOf('/') < 0 && isKnownCaptionLine(t)) return false;
  // (A paragraph starts with a digit or `¶`, never with the upper-case letter checked above.)
  return true;
}

const ADDRESSEE_LEVEL = /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET)(?:\/\/.*)?$/;
/** A banner line (`S E C R E T BERN 000279`, `UNCLAS COTONOU 000278`): it ends the addressees. */
const BANNER_LINE_START = /^(?:UNCLAS\b|C O N F|S E C R|T O P S)/;
const ADDRESSEE_KEYWORD = /^(?:E\.? ?O\.? ?\d|E\. ?0\. ?\d|TAGS?\b|SUBJ|REF|CLASSIFIED BY)/i;

/** `/[a-z]{3}/`: three lower-case ASCII letters in a row (prose, not an addressee). */
function hasLowerRun(t: string): boolean {
  let run = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      if (++run === 3) return true;
    } else run = 0;
  }
  return false;
}

function isEnvelopeLine(line: Line): boolean {
  return !!(
    parseTransmission(line) ||
    parseProsignLine(line) ||
    parseIndicatorLine(line) ||
    parseDe(line) ||
    parseSecurity(line) ||
    parseDtg(line) ||
    parseRoleLine(line)
  );
}

function isRepeatedEnvelopeStart(line: Line, env: Envelope | null): boolean {
  return !!env?.transmission && line.text.startsWith('VZCZC', line.indent);
}

/** Whether caption lines follow line `k` closely (within 9 lines): a bare designation there is the banner. */
function bannerExpected(lines: Line[], k: number, b: number): boolean {
  for (let j = k + 1; j < Math.min(b, k + 10); j++) {
    if (CAPTION_NEAR.test(lines[j].text)) return true;
  }
  return false;
}

/** Whether envelope or banner lines follow within `window` lines: the current line is noise inside the header. */
function envelopeFollows(lines: Line[], k: number, b: number, window: number): boolean {
  for (let j = k + 1; j < Math.min(b, k + window); j++) {
    const l = lines[j];
    if (isBlank(l)) continue;
    const t = l.text.slice(l.indent);
    if (startsParagraph(t)) return false;
    const c0 = t.charCodeAt(0);
    if (((c0 === 86 || c0 === 68 || c0 === 70) && ENVELOPE_START.test(t)) || parseDtg(l) || parseBanner(l, l.indent, NO_BARE)) return true;
  }
  return false;
}

/** End offset of the nearest non-blank line before line `k`. */
function previousLineEnd(lines: Line[], k: number): number {
  for (let j = k - 1; j >= 0; j--) if (!isBlank(lines[j])) return lines[j].start + lines[j].text.length;
  return -1;
}

/** Whether an E.O., TAGS or SUBJECT line follows within a few non-blank lines. */
/** Whether the next non-blank line (at most one blank between) opens with a caption keyword (`REFS:`, `SUBJECT:`). */
function keywordLineNext(lines: Line[], k: number, b: number): boolean {
  for (let j = k + 1; j < b && j <= k + 2; j++) {
    const l = lines[j];
    if (isBlank(l)) continue;
    const hits = findKeywords(l);
    return hits.length > 0 && hits[0].at === l.indent;
  }
  return false;
}

function captionKeywordFollows(lines: Line[], k: number, b: number): boolean {
  let seen = 0;
  for (let j = k + 1; j < b && seen < 10; j++) {
    const l = lines[j];
    if (isBlank(l)) continue;
    seen++;
    const t = l.text.slice(l.indent);
    const c0 = t.charCodeAt(0) | 32;
    if ((c0 === 101 || c0 === 116 || c0 === 115) && CAPTION_KEYWORD_START.test(t)) return true;
    if (startsParagraph(t)) return false;
  }
  return false;
}

function firstCaptionStart(cable: Cable): number | null {
  // (No array of the candidates: this runs once per cable.)
  let first = earlier(null, cable.captions[0]?.start);
  first = earlier(first, cable.passingLines[0]?.start);
  first = earlier(first, cable.eo?.start);
  first = earlier(first, cable.tags?.start);
  return earlier(first, cable.subject?.start);
}

/** The smaller of `first` and `x`, where null or undefined is no offset. */
function earlier(first: number | null, x: number | undefined): number | null {
  return typeof x === 'number' && (first === null || x < first) ? x : first;
}

function lastNonBlank(lines: Line[], a: number, b: number): Line | null {
  for (let k = b - 1; k >= a; k--) if (!isBlank(lines[k])) return lines[k];
  return null;
}

/** `YY` of the DTG + MRN post without spaces + serial without zeros (§A.1). */
function deriveIdentifier(cable: Cable): string | null {
  const mrn = cable.banner?.mrn;
  const year = cable.envelope?.dtg?.year ?? (cable.date ? +cable.date.slice(0, 4) : null);
  if (!mrn || !year) return null;
  return `${String(year % 100).padStart(2, '0')}${mrn.post.text.replace(/ /g, '').toUpperCase()}${mrn.serialNumber}`;
}

interface Consumed {
  nextLine: number;
  endOffset: number;
}

/** Joins a keyword element with its continuation lines; returns the text and a mapper back to offsets. */
/** The year a REF item without one is read in: the DTG's, else the metadata's `Created`. */
function citingYear(cable: Cable, envelope: Envelope | null): number | null {
  return envelope?.dtg?.year ?? (cable.metadata?.createdIso ? +cable.metadata.createdIso.slice(0, 4) : null);
}

/** Reads gathered text as lettered REF items from `letter` on, adds them to `refs`; returns where they end. */
function addLetteredItems(refs: References, g: ReturnType<typeof gather>, letter: string, year: number | null): number {
  for (const it of splitReferenceItems(g.text, 0, letter)) refs.items.push(makeReferenceItem(g.text, it.from, it.to, it.letter, year, 0, g.map));
  refs.end = g.map(0, g.text.length).end;
  return refs.end;
}

function gather(
  lines: Line[],
  first: Line,
  from: number,
  to: number,
  b: number,
  maxLines: number,
  continues: (l: Line) => boolean,
  bridge = -1,
): { text: string; map: (a: number, z: number) => Token; lineSpans: Span[]; nextLine: number } {
  const parts: { line: Line; from: number; to: number; textAt: number }[] = [];
  let text = '';
  const add = (line: Line, f: number, t: number) => {
    const seg = line.text.slice(f, t).trimEnd();
    if (text) text += ' ';
    parts.push({ line, from: f, to: f + seg.length, textAt: text.length });
    text += seg;
  };
  add(first, from, to);
  let k = first.index + 1;
  if (to >= first.text.length) {
    while (k < b && parts.length < maxLines) {
      // `bridge`: the line the element goes on at after the blank lines it may cross (see reasonsBelow).
      if (k < bridge && isBlank(lines[k])) {
        k = bridge;
        continue;
      }
      if (isBlank(lines[k]) || !continues(lines[k])) break;
      add(lines[k], lines[k].indent, lines[k].text.length);
      k++;
    }
  }
  const map = (x: number, z: number): Token => {
    const pa = partAt(parts, x);
    const pz = partAt(parts, Math.max(x, z - 1));
    const start = pa.line.start + pa.from + Math.min(x - pa.textAt, pa.to - pa.from);
    const end = pz.line.start + pz.from + Math.min(z - pz.textAt, pz.to - pz.from);
    return { start, end: Math.max(start, end), text: text.slice(x, z) };
  };
  return {
    text,
    map,
    lineSpans: parts.map((p) => ({ start: p.line.start + p.from, end: p.line.start + p.to })),
    nextLine: k,
  };
}

function partAt<T extends { textAt: number }>(parts: T[], x: number): T {
  let p = parts[0];
  for (const q of parts) if (q.textAt <= x) p = q;
  return p;
}

/** A classification line (a page's header or footer, `UNCLASSIFIED` alone): never part of a subject or REF. */
const PAGE_CLASSIFICATION = /^(?:UNCLAS(?:SIFIED)?|C O N|S E C|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\b/;

const STOP_CONTINUATION = (l: Line) => {
  const t = l.text.slice(l.indent);
  // (A rule of dashes boxes the heading that follows: `Classified By: ...` / `-----` / `POLITICAL VIOLENCE`.)
  return (
    !startsParagraph(t) &&
    findKeywords(l).length === 0 &&
    !PAGE_CLASSIFICATION.test(t) &&
    !DASH_RULE.test(t) &&
    !isPageContinuation(t) &&
    !DERIVED_FROM_AT.test(t) &&
    !SUMMARY_START.test(t)
  );
};

/** `Summary` over its rule, `SUMMARY:`, `BEGIN SUMMARY.`: the body's summary, under a Classified By line with no blank line (10BELGRADE3). */
const SUMMARY_START = /^\(?\s*(?:BEGIN\s+)?SUMMARY\b\s*(?:[:.\-\u2013\u2014]|$)/i;

/**
 * The derivative classifier's line (`DERIVED FROM: DSCG 05-1 B, D`), said where an original classifier says
 * `Classified By:`: no part of the subject or REF above it, and where it is glued onto a REF line
 * (`REF: 10 STATE 9124; STATE 120288 DERIVED FROM: ...`) the REF ends before it.
 */
const DERIVED_FROM_AT = /^DERIVED\s+FROM\s*:/i;
const DERIVED_FROM_IN = /\sDERIVED\s+FROM\s*:/i;

/**
 * A page's continuation marker alone on its line (`PRETORIA 00000939 001.2 OF 003`; posts run to four words): page
 * furniture, never part of a subject or REF, and no end of the caption block.
 */
const PAGE_CONTINUATION = /^[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3} {1,3}\d{8} {1,3}\d{3}(?:\.\d{1,3})? OF \d{3}$/i;

/** A page's continuation marker at the end of a line: the serial, page and count. */
const CONTINUATION_TAIL = / {1,3}(\d{8}) {1,3}\d{3}(?:\.\d{1,3})? OF \d{3}$/i;

/**
 * The length of `text` without a continuation marker of this cable's own MRN glued onto its end by the mirror
 * (`... TO WASHINGTON BRASILIA 00000351 001.2 OF 003`): the serial and the post must be the banner's.
 */
function withoutGluedContinuation(text: string, mrn: Mrn | null): number {
  if (!mrn || !isDigit(text.charCodeAt(text.length - 1))) return text.length;
  const m = CONTINUATION_TAIL.exec(text);
  if (!m || parseInt(m[1], 10) !== mrn.serialNumber) return text.length;
  const post = ' ' + mrn.post.text.toUpperCase();
  const before = text.slice(0, m.index).toUpperCase();
  if (!before.endsWith(post)) return text.length;
  let keep = m.index - post.length;
  while (keep > 0 && text.charCodeAt(keep - 1) === 32) keep--;
  return keep;
}

/** PAGE_CONTINUATION, tried only on a line that starts with a letter and ends with a digit, as a match must. */
function isPageContinuation(t: string): boolean {
  return isAsciiLetter(t.charCodeAt(0)) && isDigit(t.charCodeAt(t.length - 1)) && PAGE_CONTINUATION.test(t);
}

/** A line of dashes alone (also spaced or broken by the source). */
const DASH_RULE = /^-[- ]*-$/;

/** `envelope`: the envelope read so far (`cable.envelope` is set only after the header), for the year of REF items. */
function captionHits(lines: Line[], line: Line, hits: readonly KeywordHit[], b: number, cable: Cable, repeating: boolean, envelope: Envelope | null): Consumed {
  let nextLine = line.index + 1;
  let endOffset = line.start + line.text.length;
  for (let h = 0; h < hits.length; h++) {
    const at = hits[h].at;
    // `SUBJECT: SUBJECT: ...`: a doubled label is one label.
    if (h + 1 < hits.length && hits[h + 1].kind === hits[h].kind && !/[^\s:;.]/.test(line.text.slice(at, hits[h + 1].at).replace(/^\S+/, ''))) continue;
    const to = h + 1 < hits.length ? hits[h + 1].at : line.text.length;
    const last = h + 1 === hits.length;
    switch (hits[h].kind) {
      case 'eo':
        if (!cable.eo) {
          cable.eo = parseEo(line, at, to);
          const next = line.index + 1;
          if (last && next < b && !isBlank(lines[next]) && continueEo(cable.eo, lines[next])) {
            nextLine = Math.max(nextLine, next + 1);
            endOffset = Math.max(endOffset, cable.eo.end);
          }
        }
        break;
      case 'tags': {
        const tags = parseTags(line, at, to);
        let k = line.index + 1;
        if (last) {
          const lowerCase = tags.tags.length > 0 && !/[A-Z]/.test(tags.tags[tags.tags.length - 1].text);
          while (k < b && isTagsContinuation(lines[k], lowerCase) && k < line.index + 3) {
            tags.tags.push(...scanTags(lines[k], lines[k].indent, lines[k].text.length));
            tags.end = lines[k].start + lines[k].text.length;
            k++;
          }
          nextLine = Math.max(nextLine, k);
        }
        if (!cable.tags) cable.tags = tags;
        endOffset = Math.max(endOffset, tags.end);
        break;
      }
      case 'subject': {
        const g = gather(lines, line, at, to, b, last ? 6 : 1, STOP_CONTINUATION);
        if (!cable.subject) {
          const lm = /^SUBJ(?:ECT)?\s?[:.;]?\s*/i.exec(g.text)!;
          const label = g.map(0, lengthWithoutTrailing(lm[0], ''));
          let textFrom = lm[0].length;
          // Case is judged once the whole cable is read (see parseCable); here a lower-case mark is not yet malformed.
          const mark = readPortionMark(g.text, textFrom, 0, false);
          let marking = null;
          if (mark) {
            const m = g.map(mark.start, mark.end);
            // (Copied field by field: a spread that overrides fields is slow.)
            marking = {
              start: m.start,
              end: m.end,
              text: mark.text,
              raw: mark.raw,
              normalized: mark.normalized,
              level: mark.level,
              controls: mark.controls,
              dissemination: mark.dissemination,
              malformed: mark.malformed,
              unknown: mark.unknown,
              entireText: mark.entireText,
            };
            textFrom = mark.end;
          }
          const keep = withoutGluedContinuation(g.text, cable.banner?.mrn ?? null);
          const end = g.map(0, keep).end;
          cable.subject = {
            start: label.start,
            end,
            label,
            text: g.text.slice(textFrom, keep).trim(),
            lines: keep === g.text.length ? g.lineSpans : g.lineSpans.filter((l) => l.start < end).map((l) => ({ start: l.start, end: Math.min(l.end, end) })),
            marking,
          };
        }
        nextLine = Math.max(nextLine, g.nextLine);
        endOffset = Math.max(endOffset, g.map(0, g.text.length).end);
        break;
      }
      case 'ref': {
        const g = gather(lines, line, at, to, b, last ? 12 : 1, STOP_CONTINUATION);
        if (!cable.references) {
          const lm = /^(?:REFS?(?:\(S\))?|REFTELS?)[:.]\s*/i.exec(g.text)!;
          const label = g.map(0, lengthWithoutTrailing(lm[0], ':.'));
          const glued = DERIVED_FROM_IN.exec(g.text);
          // `REF: REF (A) MADRID 3785 (B) ...` (05MADRID4026): the label written again before the list opens it.
          const again = REF_AGAIN.exec(g.text.slice(lm[0].length, lm[0].length + 12));
          const from = lm[0].length + (again ? again[0].length : 0);
          const body = g.text.slice(from, glued ? glued.index : g.text.length);
          const year = citingYear(cable, envelope);
          const items = splitReferenceItems(body, from).map((it) => makeReferenceItem(g.text, it.from, it.to, it.letter, year, 0, g.map));
          cable.references = { start: label.start, end: g.map(0, g.text.length).end, label, items: items.filter((x) => x.text) };
        }
        nextLine = Math.max(nextLine, g.nextLine);
        endOffset = Math.max(endOffset, g.map(0, g.text.length).end);
        break;
      }
      case 'classifiedBy': {
        let g = gather(lines, line, at, to, b, last ? 6 : 1, STOP_CONTINUATION);
        const bridge = last ? reasonsBelow(lines, g, b) : -1;
        if (bridge >= 0) g = gather(lines, line, at, to, b, 6, STOP_CONTINUATION, bridge);
        if (!cable.classifiedBy) cable.classifiedBy = parseClassifiedBy(g.text, g.map);
        nextLine = Math.max(nextLine, g.nextLine);
        endOffset = Math.max(endOffset, g.map(0, g.text.length).end);
        break;
      }
    }
  }
  return { nextLine, endOffset };
}

/** A serial alone on its line (`36633`). */
const SERIAL_ALONE = /^\d{1,7}$/;

/** The REF label again, right before the first item of a lettered list (`REF (A) ...`, `REFTEL A. ...`). */
const REF_AGAIN = /^(?:REFS?|REFTELS?)\s+(?=\(?A[.)]\s)/i;

/** Classified By text that stops at the word `reason(s)`, and the line below a blank line giving them (`1.4(C).`). */
const ENDS_AT_REASON = /\breasons?\s*:?$/i;
const REASON_SECTION_START = /^1 ?\. ?[45]\b/;

/**
 * The line a Classified By element goes on at across blank lines: `Classified By: AMBASSADOR X, FOR REASON` / blank /
 * `1.4(C).`. A page break may fall there too, its header between the blank lines (`... ROSENBLATT, REASONS` / blanks /
 * `PAGE 02 RUEHFRA0170 S E C R E T` / `1.4 (B) AND (D).`, 07PARIS170). Only when the gathered text ends at the word
 * `reason(s)` and the line after the crossing opens with a section; else -1.
 */
function reasonsBelow(lines: Line[], g: { text: string; nextLine: number }, b: number): number {
  let k = g.nextLine;
  if (k + 1 >= b || !isBlank(lines[k]) || !ENDS_AT_REASON.test(g.text)) return -1;
  for (let n = 0; k < b && n < 8 && (isBlank(lines[k]) || PAGE_HEADER.test(lines[k].text.slice(lines[k].indent))); n++) k++;
  if (k >= b) return -1;
  const next = lines[k];
  return REASON_SECTION_START.test(next.text.slice(next.indent)) ? k : -1;
}

/** `1. CONFIDENTIAL - ENTIRE TEXT. CLASSIFIED BY: ...` and other Classified By text inside the first paragraphs. */
function findClassifiedByInBody(text: string, lines: Line[], cable: Cable, from: number, b: number): void {
  let stop = Math.min(b, from + 12);
  if (cable.paragraphs.length > 1) {
    // Up to the second paragraph, searched from the body start only (never from the top of a multi-cable file).
    stop = b;
    for (let k = from; k < b; k++) {
      if (lines[k].start >= cable.paragraphs[1].start) {
        stop = k;
        break;
      }
    }
  }
  // Further down, a numbered paragraph whose text is the Classified By line (`2. (U) Classified by Acting DAS ...`).
  const numbered = cable.paragraphs.find((p) => p.classifiedBy);
  for (let k = from; k < b; k++) {
    if (k >= stop && !(numbered && lines[k].start <= numbered.start && numbered.start < lines[k].end)) continue;
    const m = /CLASS?I?FIED\s+BY\b/i.exec(lines[k].text);
    if (!m) continue;
    let g = gather(lines, lines[k], m.index, lines[k].text.length, b, 6, STOP_CONTINUATION);
    const bridge = reasonsBelow(lines, g, b);
    if (bridge >= 0) g = gather(lines, lines[k], m.index, lines[k].text.length, b, 6, STOP_CONTINUATION, bridge);
    cable.classifiedBy = parseClassifiedBy(g.text, g.map);
    const p = cable.paragraphs.find((x) => x.start <= lines[k].start + m.index && x.end >= lines[k].start + m.index);
    if (p) p.classifiedBy = true;
    return;
  }
}
