/** What a header line is: envelope lines, addressees, glued banners and dates, distribution lines, what follows. */
import { NO_BARE, parseBanner } from './banner';
import { findKeywords, isKnownCaptionLine } from './captions';
import { isDigit, isUpper, lengthWithoutTrailing } from './chars';
import {
  parseDe,
  parseDtg,
  parseIndicatorLine,
  parseProsignLine,
  parseRoleLine,
  parseSecurity,
  parseTransmission,
} from './envelope';
import { isBlank, type Line } from './lines';
import { isPageBreak } from './strayLines';
import type { Envelope } from './model';

/**
 * Also a number with a comma or parenthesis for its dot before a portion mark (`1, (C) Summary. ...`, 08ISLAMABAD405;
 * `1) (SBU)`): as the body reads it (LOOSE_PARA), no line of a caption, REF or Classified By text.
 */
const PARA_START = /^(?:¶ ?)?\d{1,3}[a-z]?\.(?=\s|\(|$|[A-Z])|^\d{1,3}[,)] {1,3}\((?:U|C|S|TS|SBU|LOU)\b/;
/** 1970s distribution and routing lines that sit among the envelope lines; not part of the model. */
export const DISTRIBUTION = /^(?:ACTION +[A-Z]+-\d|INFO +[A-Z]+-\d|ORIGIN |DRAFTED BY|APPROVED BY|DISTRIBUTE|Distribution:|-{6,}|[A-Z]+-\d\d(?: |$))/;
export const PAGE_HEADER = /^PAGE \d{2}\b/;
/** A page's classification line alone among the envelope lines. */
export const BARE_LEVEL = /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)$/;
export const TRAILER = /^(?:BT|#\d{4})$/;
/** What a bare designation line needs close below it to be a banner. */
const CAPTION_NEAR = /^\s*(?:E\.? ?O\.? ?\d|E\. ?0\. ?\d|TAGS?[:;]|SUBJ|SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS|LIMDIS)/i;
const CAPTION_KEYWORD_START = /^(?:E\.? ?O\.? ?\d|E\. ?0\. ?\d|TAGS?\b|SUBJ)/i;
const ENVELOPE_START = /^VZCZC|^DE [QRU][A-Z]{3}|^FM [A-Z]/;

/** A numbered paragraph opens `t` (PARA_START, tried only after a digit or `¶`). */
export function startsParagraph(t: string): boolean {
  const c = t.charCodeAt(0);
  return (isDigit(c) || c === 182) && PARA_START.test(t);
}

/**
 * DISTRIBUTION needs a dash line, an upper-case word with a dash (`AF-00`, `ACTION AF-00`, `INFO LOG-00`), or one of
 * its opening words that need none: addressee lines (`AMEMBASSY ...`, `INFO ...`) skip the pattern.
 */
export function mayBeDistribution(t: string, c0: number): boolean {
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
export function mayBeBareLevel(c0: number): boolean {
  return c0 === 85 || c0 === 67 || c0 === 83 || c0 === 76;
}

export function nextIsBanner(lines: Line[], i: number): boolean {
  for (let j = i + 1; j < Math.min(lines.length, i + 3); j++) {
    if (isBlank(lines[j])) continue;
    return parseBanner(lines[j], lines[j].indent, { allowBare: false }) !== null;
  }
  return false;
}

/** A view of part of a line (after `This record is a partial extract...`), sharing the line's offsets. */
export function subLine(line: Line, from: number): Line {
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
export function gluedBannerAt(line: Line): number {
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
export function gluedDateAt(line: Line): number {
  const t = line.text;
  const end = lengthWithoutTrailing(t, '');
  if (end === 0 || !isDigit(t.charCodeAt(end - 1)) || t.length > 200 || (t.indexOf(',') < 0 && t.indexOf('-') < 0)) return -1;
  const m = GLUED_DATE.exec(t.slice(0, end));
  return m ? m.index : -1;
}

/** The part of a line before `to` (trailing spaces dropped), sharing the line's offsets. */
export function headOf(line: Line, to: number): Line {
  const text = line.text.slice(0, to).trimEnd();
  return { ...line, end: line.start + text.length, text };
}

export function emptyEnvelope(start: number): Envelope {
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

/** The envelope read so far (started at `line` when there is none yet), extended over `line`, which it takes. */
export function envelopeTaking(holder: { env: Envelope | null }, line: Line): Envelope {
  const e = (holder.env ??= emptyEnvelope(line.start + line.indent));
  e.end = line.start + line.text.length;
  return e;
}

/** An addressee line: `RI/NAME ...` or an upper-case station name, not a classification label or a date. */
export function looksLikeAddressee(t: string): boolean {
  const c0 = t.charCodeAt(0);
  if (!isUpper(c0) || t.length > 120 || hasLowerRun(t)) return false;
  // Each pattern only after the first letter it needs (U, C, S, T; E, T, S, R, C).
  if ((c0 === 85 || c0 === 67 || c0 === 83 || c0 === 84) && (ADDRESSEE_LEVEL.test(t) || BANNER_LINE_START.test(t))) return false;
  if ((c0 === 69 || c0 === 84 || c0 === 83 || c0 === 82 || c0 === 67) && ADDRESSEE_KEYWORD.test(t)) return false;
  // A handling caption (`SIPDIS`, `NOFORN`) opens the text of a cable without its banner line (10SANSALVADOR37).
  // (Routing lines, `RUEHBJ/AMEMBASSY BEIJING 0611`, have a `/` that no caption line has: they skip the lookup.)
  if (t.indexOf('/') < 0 && isKnownCaptionLine(t)) return false;
  // `NOTE - DO NOT PUBLISH - AWAITING LEGAL ON MENTION OF PACHAURI` (08STATE93970), `NOTE: ...`: a note on the cable
  // (the publisher's, the sender's), no addressee; no post or office is named NOTE.
  if (c0 === 78 && isNoteLine(t)) return false;
  // (A paragraph starts with a digit or `¶`, never with the upper-case letter checked above.)
  return true;
}

/** `NOTE` followed by a dash, colon or period (after spaces or not): the word as a label, not a name's first word. */
function isNoteLine(t: string): boolean {
  if (!t.startsWith('NOTE')) return false;
  let i = 4;
  while (t.charCodeAt(i) === 32) i++;
  const c = t.charCodeAt(i);
  return c === 45 || c === 58 || c === 46 || c === 0x2013 || c === 0x2014;
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

export function isEnvelopeLine(line: Line): boolean {
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

export function isRepeatedEnvelopeStart(line: Line, env: Envelope | null): boolean {
  return !!env?.transmission && line.text.startsWith('VZCZC', line.indent);
}

/** Whether caption lines follow line `k` closely (within 9 lines): a bare designation there is the banner. */
export function bannerExpected(lines: Line[], k: number, b: number): boolean {
  for (let j = k + 1; j < Math.min(b, k + 10); j++) {
    if (CAPTION_NEAR.test(lines[j].text)) return true;
  }
  return false;
}

/** Whether envelope or banner lines follow within `window` lines: the current line is noise inside the header. */
export function envelopeFollows(lines: Line[], k: number, b: number, window: number): boolean {
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
export function previousLineEnd(lines: Line[], k: number): number {
  for (let j = k - 1; j >= 0; j--) if (!isBlank(lines[j])) return lines[j].start + lines[j].text.length;
  return -1;
}

/** Whether the next non-blank line (at most one blank between) opens with a caption keyword (`REFS:`, `SUBJECT:`). */
export function keywordLineNext(lines: Line[], k: number, b: number): boolean {
  for (let j = k + 1; j < b && j <= k + 2; j++) {
    const l = lines[j];
    if (isBlank(l)) continue;
    const hits = findKeywords(l);
    return hits.length > 0 && hits[0].at === l.indent;
  }
  return false;
}

/** Whether an E.O., TAGS or SUBJECT line follows within a few non-blank lines. */
export function captionKeywordFollows(lines: Line[], k: number, b: number): boolean {
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

/** `PAGE 01  VATICA  04444  02 OF 02  130613Z`: a printout's first page of a section; the section's number. */
const FIRST_PAGE = /^PAGE 01 +\S+(?: \S+)? +\d{5} +(\d\d) OF \d\d\b/;
/** `C O N F I D E N T I A L SECTION 02 OF 02 VATICAN 004444`: a banner with the section's number. */
const SECTION_OF = /\bSECTION \d\d OF \d\d\b/;

/**
 * The last line of the header that a later section's first printed page repeats (distribution, DTG, addressees,
 * banner, captions), when line `i` is that page's header (`PAGE 01 ... 02 OF 02 ...`) and the sections were printed one
 * after another in one record (02VATICAN4444, 00HARARE6677); else -1. The header must show a banner naming its section,
 * then caption keywords (E.O., TAGS, SUBJECT), before any numbered paragraph or further page break: it ends with the
 * last keyword line of the run that follows the banner's captions.
 */
export function sectionHeaderEnd(lines: Line[], i: number, to: number): number {
  const m = FIRST_PAGE.exec(lines[i].text.slice(lines[i].indent));
  if (!m || m[1] === '01') return -1;
  let banner = false;
  let end = -1;
  for (let k = i + 1; k < to && k <= i + 40; k++) {
    const l = lines[k];
    if (isBlank(l)) {
      if (end >= 0) break;
      continue;
    }
    const t = l.text.slice(l.indent);
    if (startsParagraph(t) || isPageBreak(l)) break;
    if (!banner) {
      banner = SECTION_OF.test(t) && parseBanner(l, l.indent, NO_BARE) !== null;
    } else if (CAPTION_KEYWORD_START.test(t)) {
      end = k;
    } else if (end >= 0) {
      break;
    }
  }
  return end;
}
