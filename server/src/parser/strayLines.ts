/** Lines in the text that are not its text: page headers, continuation lines, trailers, stray banners, URLs and notices. */
import { lookupCaveat } from '../knowledge/captions';
import { isTrimSpace } from './chars';
import type { Line } from './lines';
import type { Continuation } from './model';
import { rest } from './strings';
import { tok } from './tokens';

/** `ASTANA 00000308 002 OF 002`; also as the mirror set some texts, `Budapest 00000034 002 of 002`. */
export const CONTINUATION = /^([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,4}) {1,3}(\d{8}) {1,3}(\d{3})(?:\.(\d{1,3}))? OF (\d{3})$/i;
/** CONTINUATION with more text after it on its line: the marker and the spaces up to that text. */
export const GLUED_CONTINUATION = /^([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,4}) {1,3}(\d{8}) {1,3}(\d{3})(?:\.(\d{1,3}))? OF (\d{3}) {1,3}(?=\S)/i;
/** CONTINUATION with its post and serial redacted to one run of X: `XXXXXXXXXXXX  002 OF 002`. */
export const REDACTED_CONTINUATION = /^X{6,} {1,3}\d{3}(?:\.\d{1,3})? OF \d{3}$/;
export const PAGE_HEADER = /^(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|TOP SECRET) {1,4})?PAGE \d{2,3}\b/;
/**
 * A line with no letter or digit (`>`, `********* *`): page and e-mail debris, not text; also a mirror's end marker
 * (`=======================CABLE ENDS============================`).
 */
export const NO_WORD = /^[^A-Za-z0-9\u00c0-\uffff]*$|^=+ *(?:CABLE ENDS|END OF CABLE) *=+$/i;
/** `2002VATICA04444 - Classification: CONFIDENTIAL`: a mirror's page footer (PlusD identifier and level). */
export const MIRROR_FOOTER = /^(?:19|20)\d\d[A-Z]{2,}\d{3,} - Classification: [A-Z][A-Z /]*$/;
/**
 * Lines the posts and mirrors left under a cable's signature (the signature is read above them, see nameAboveDebris):
 * the post's site notice (`"Visit Ankara's Classified Web Site at http://www.intelink.s`, 10ANKARA150), a mirror's
 * database query (`SELECT * FROM \`cable\` WHERE ...`, 06LAPAZ3400), a mail client's (`End Cable Text`,
 * `Zenaida X Toledo 07/30/2008 04:04:14 PM From DB/Inbox: TRANS`, 10BRUSSELS183), a newspaper's print stamp
 * (`Track impresi\u00f3n: ...`, `ID: 187536`, 09SAOPAULO487), the declassification stamp (`Declassified/Released US
 * Department of State EO` / `Systematic Review 05 JUL 2006`, 75TEHRAN2069), a piece of the subject in capitals cut short
 * with `...` (`T ONE ORDERED RELEASED ON...`, 05PARIS1699).
 */
export const TRAILING_DEBRIS =
  /^["\u201c]?Visit [^"]{2,40} Classified Web ?[Ss]ite\b|^SELECT \* FROM |^End Cable Text$|\bFrom DB\/Inbox\b|^Track impresi\u00f3n:|^ID:\s*\d+$|^Declassified\/Released US Department of State\b|^Systematic Review \d\d [A-Z]{3} \d{4}$|^[A-Z][A-Z0-9 ,'-]{2,80}[A-Z0-9]\.\.\.$/;
/** Also `Nnnn`: texts the mirror set in mixed case. */
export const TRAILER = /^(?:BT|NNNN|#\d{4})$/i;
/** A printout's page top: the level, then the print-queue number (`CONFIDENTIAL     PTQ3119`). */
export const PRINT_QUEUE = /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE) +PTQ\d{3,5}$/;
export const BARE_BANNER = /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE|UNCLAS|C O N F I D E N T I A L|S E C R E T)$/i;
/** The minimize notice before the name on the signature line (`MINIMIZE CONSIDERED SHANNON`). */
export const MINIMIZE_NOTICE = /^MINIMIZE CONSIDERED\.? (?=\S)/i;
/**
 * A line that is only the release's redaction mark (`xxxxx`, `XXXXXXXXXXXX`): what it stood for is gone, so the
 * name under it (`xxxxx` / `Johnson`) ends no sentence of it.
 */
export const REDACTION_LINE = /^\s*(?:x{4,}|X{4,})$/;

/** The words PAGE_HEADER can start with, by their first letter (all differ): the pattern runs only after one. */
const PAGE_HEADER_STARTS: Record<number, string> = {};
for (const w of ['PAGE ', 'UNCLASSIFIED ', 'CONFIDENTIAL ', 'SECRET ', 'LIMITED OFFICIAL USE ', 'TOP SECRET ']) PAGE_HEADER_STARTS[w.charCodeAt(0)] = w;

/** `c0`: a PAGE_START letter. */
export function mayStartPageHeader(s: string, at: number, c0: number): boolean {
  return s.startsWith(PAGE_HEADER_STARTS[c0], at);
}

/** Lengths of the BARE_BANNER alternatives, as bits. */
export const BARE_BANNER_LENGTHS = [6, 10, 11, 12, 20, 23].reduce((bits, n) => bits | (1 << n), 0);

/** A continuation marker (`ANKARA 00001643 002 OF 002`) or a `PAGE 02` header: a page break inside the body. */
export function isPageBreak(line: Line): boolean {
  const t = rest(line.text, line.indent);
  return t.length <= 120 && (CONTINUATION.test(t) || PAGE_HEADER.test(t));
}

/** A block's opener or closer on its own line (`(end text)`, `END SUMMARY.`, `UNQUOTE`): the block event, never a heading. */
const BLOCK_MARKER_LINE = /^\(?\s*(?:(?:BEGIN|END)\s+(?:SUMMARY|COMMENT|NOTE|TEXT|QUOTE)\b|UNQUOTE\b)/i;
/** A web address alone on its line (`WWW.FBI.GOV/MAJCASES/EASTAFRICA.SUMMARY.HTM`, `http://...`): text, not a title. */
const URL_LINE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*$|^[a-z0-9-]+(?:\.[a-z0-9-]+)+\/\S*$/i;

/**
 * A block marker, a web address or a stray caption (`SIPDIS` the mirror put under a heading or between paragraphs):
 * a line that titles nothing. Asked last, only of lines every other test takes for a heading (few), since the
 * patterns and the caption lookup cost more than all of them.
 */
export function isStrayLine(t: string): boolean {
  return (mayBeBlockMarker(t) && BLOCK_MARKER_LINE.test(t)) || (mayBeUrl(t) && URL_LINE.test(t)) || lookupCaveat(t) !== null;
}

/** BLOCK_MARKER_LINE's first letter (`b`, `e` or `u`, any case), after an optional `(` and white space. */
function mayBeBlockMarker(t: string): boolean {
  let k = t.charCodeAt(0) === 40 ? 1 : 0;
  while (k < t.length && isTrimSpace(t.charCodeAt(k))) k++;
  const c = t.charCodeAt(k) | 32;
  return c === 98 || c === 101 || c === 117;
}

/** URL_LINE holds no space, and a `/` unless it starts with `www.`. */
function mayBeUrl(t: string): boolean {
  return t.indexOf(' ') < 0 && (t.indexOf('/') >= 0 || (t.charCodeAt(0) | 32) === 119);
}

export function continuation(line: Line, m: RegExpExecArray, end = line.text.length): Continuation {
  const serialAt = line.text.indexOf(m[2], line.indent + m[1].length);
  const whole = tok(line, line.indent, end);
  return {
    start: whole.start,
    end: whole.end,
    text: whole.text,
    post: tok(line, line.indent, line.indent + m[1].length),
    serial: tok(line, serialAt, serialAt + 8),
    serialNumber: parseInt(m[2], 10),
    section: parseInt(m[3], 10),
    page: m[4] ? parseInt(m[4], 10) : null,
    total: parseInt(m[5], 10),
  };
}

/**
 * Where GLUED_CONTINUATION can match in a body: ` 00` (a padded serial, or ` 002 OF`) starting within 45 characters
 * of a line's first character. Found by one native search for `00` over the body, for the lines asked about in order,
 * instead of a search in every line (prose lines are long views of the document: that cost several per cent of the
 * parse). The document is read raw: a character that folds to a space (a control, NBSP) counts as one, so no line
 * the pattern would take is refused.
 */
export class PaddedSerials {
  private readonly body: string;
  private readonly base: number;
  /** Offset in the body of the next `00` at or after the last position asked about (the body's length: none). */
  private next = -1;

  constructor(text: string, start: number, end: number) {
    this.body = text.slice(start, end);
    this.base = start;
  }

  /** For the line whose text runs from document offset `from` (its first character) to `end`. */
  near(from: number, end: number): boolean {
    const at = from - this.base;
    const stop = Math.min(at + 46, end - this.base - 2);
    if (this.next < at + 2) this.next = this.find(at + 2);
    while (this.next <= stop) {
      const c = this.body.charCodeAt(this.next - 1);
      if (c <= 32 || c >= 128) return true;
      this.next = this.find(this.next + 1);
    }
    return false;
  }

  private find(from: number): number {
    const k = this.body.indexOf('00', from);
    return k < 0 ? this.body.length : k;
  }
}
