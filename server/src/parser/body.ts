/** The cable body (§A.7): numbered paragraphs, headings, SUMMARY/COMMENT/NOTE blocks, continuation markers, signature. */
import { isBlank, type Line } from './lines';
import type { Block, BlockKind, Continuation, Heading, Paragraph, PortionMarking, Span, Token } from './model';
import { lookupCaveat } from '../knowledge/captions';
import { NO_BARE, parseBanner } from './banner';
import { EventHints } from './blockHints';
import { hasWordAt } from './caseless';
import { isDigit, isTrimSpace, isUpper } from './chars';
import { readPortionMark } from './portionMark';
import { rest } from './strings';
import { tok } from './tokens';

/** `7, (U)`, `9 (C)`, `1) (SBU)`: groups as PARA's (no `¶`, no sub-letter), then the separator; a portion mark must follow. */
const LOOSE_PARA = /^()(\d{1,3})()([,)]?)(?= {1,3}\((?:U|C|S|TS|SBU|LOU)\b)/;
/** `ASTANA 00000308 002 OF 002`; also as the mirror set some texts, `Budapest 00000034 002 of 002`. */
const CONTINUATION = /^([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,4}) {1,3}(\d{8}) {1,3}(\d{3})(?:\.(\d{1,3}))? OF (\d{3})$/i;
/** CONTINUATION with more text after it on its line: the marker and the spaces up to that text. */
const GLUED_CONTINUATION = /^([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,4}) {1,3}(\d{8}) {1,3}(\d{3})(?:\.(\d{1,3}))? OF (\d{3}) {1,3}(?=\S)/i;
/** CONTINUATION with its post and serial redacted to one run of X: `XXXXXXXXXXXX  002 OF 002`. */
const REDACTED_CONTINUATION = /^X{6,} {1,3}\d{3}(?:\.\d{1,3})? OF \d{3}$/;
const PAGE_HEADER = /^(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|TOP SECRET) {1,4})?PAGE \d{2,3}\b/;
/**
 * A rule of dashes, also spaced (`- - - -`) or broken by Cablegate texts (`--------------------------------------------- -`,
 * `------------  -----------------`). Spaced, two dashes make a rule too: `- -` boxes a three-letter heading (`LRA`,
 * 07KAMPALA1449); `--` alone stays an empty item.
 */
const UNDERLINE = /^(?:- {0,2}){2,}-$|^- {1,2}-$/;
/** The rule opening such a line before its title (`------- ` in `------- Summary -------`). */
const RULE_BEFORE = /^-{3,}(?: {1,2}-+)*\s+(?=\S)/;
/** A line ending on the article `an` or `the`: the sentence goes on below it. */
const ENDS_ON_ARTICLE = /\s(?:AN|THE)$/i;
/**
 * A line with no letter or digit (`>`, `********* *`): page and e-mail debris, not text; also a mirror's end marker
 * (`=======================CABLE ENDS============================`).
 */
const NO_WORD = /^[^A-Za-z0-9\u00c0-\uffff]*$|^=+ *(?:CABLE ENDS|END OF CABLE) *=+$/i;
/** `2002VATICA04444 - Classification: CONFIDENTIAL`: a mirror's page footer (PlusD identifier and level). */
const MIRROR_FOOTER = /^(?:19|20)\d\d[A-Z]{2,}\d{3,} - Classification: [A-Z][A-Z /]*$/;
/** Also `Nnnn`: texts the mirror set in mixed case. */
const TRAILER = /^(?:BT|NNNN|#\d{4})$/i;
const BARE_BANNER = /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE|UNCLAS|C O N F I D E N T I A L|S E C R E T)$/i;
const SIGNATURE = /^[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}$/;
const LOWER_SIGNATURE = /^[a-z][a-z.'-]*(?: [a-z][a-z.'-]*){0,3}$/;
/** `curran`: a surname the mirror lower-cased, believable only after a finished sentence or block. */
const LOWER_NAME = /^[a-z][a-z'-]{2,24}$/;
/** `McMULLEN`, `LeBaron`, `MacDonald`: a surname with a capital inside. */
const INNER_CAPITAL_NAME = /^(?:Mc|Mac|Le|La|De|Di|Du|Van|Von|O')[A-Z][A-Za-z'-]{1,20}$/;
/** The minimize notice before the name on the signature line (`MINIMIZE CONSIDERED SHANNON`). */
const MINIMIZE_NOTICE = /^MINIMIZE CONSIDERED\.? (?=\S)/i;
/** A line ending with a block closer (`... humanity." END COMMENT`): a finished sentence for the signature test. */
const ENDS_WITH_CLOSER = /\bEND\s+(?:SUMMARY|COMMENT|NOTE|TEXT|QUOTE)\W*$|\bUNQUOTE\W*$/i;
/** A name after the last sentence of the text, on its line: one capitalised or all-caps word (`FOLEY`, `McMullen`). */
// The sentence must end after a word or a number, not an initial: `U.S. Embassy` is no sentence end and a name.
// A surname of two letters is all in capitals (`... as innuendo. LU`, 10BAKU127) and no English word or body's name.
const GLUED_SIGNATURE = /(?:[a-z0-9]|[A-Za-z]{2})[.!?]["'\u2019\u201d)\]]*\s+([A-Z][A-Za-z'-]{2,24}|(?!(?:AN|AS|AT|BE|BY|DO|EU|GO|HE|IF|IN|IS|IT|ME|MY|NO|OF|OK|ON|OR|SO|TO|UN|UP|US|WE)$)[A-Z]{2})$/;
/**
 * The posts' notice before the signature (`Visit London's Classified Website:` / `http://www.state.sgov.gov/...`,
 * rows of `*`): no sentence end, yet the name follows it.
 */
const SITE_NOTICE = /Classified Website|SIPRNET website|^https?:\/\/\S+(?: \S{1,4})?$|^\*{5,}/i;
/** A name right after that notice's address on one line (`.../london/index. cfm Tuttle`; the mirror split `.cfm`). */
const NAME_AFTER_SITE = /Classified Website:? https?:\/\/\S+(?: \S{1,4})?\s+([A-Z][A-Za-z'-]{2,24})$/;
/** Words that end a text but are no name. */
const GLUED_NOT_NAME = /^(?:END|BEGIN|SUMMARY|COMMENT|NOTE|QUOTE|UNQUOTE|TEXT|BT|NNNN|XXXX+)$/i;
/**
 * A line that is only the release's redaction mark (`xxxxx`, `XXXXXXXXXXXX`): what it stood for is gone, so the
 * name under it (`xxxxx` / `Johnson`) ends no sentence of it.
 */
const REDACTION_LINE = /^\s*(?:x{4,}|X{4,})$/;
/** `Chicola`, `Randt`: a capitalised surname, believable only after a finished sentence. */
const NAME_SIGNATURE = /^[A-Z][a-z]+(?:[ -][A-Z][a-z.]+){0,2}$/;

/**
 * A summary or comment also opens with what it goes with (`Summary and Action Request:`, `SUMMARY & COMMENT:`,
 * `Summary/Introduction.`, `COMMENT AND ACTION REQUEST:`, up to three words) or with two spaces for the colon
 * (`SUMMARY  During ...`); a comment also with whose it is (`Embassy comment:`, `Ambassador's Comment:`).
 */
const OPEN_AT_START =
  /^\(?\s*(?:BEGIN\s+)?(SUMMARY|COMMENT|NOTE)(?:\s+AND\s+COMMENT)?\s*(?:[:.\-\u2013\u2014]|$)|^\(?\s*(?:BEGIN\s+)?(SUMMARY|COMMENT)(?:\s*(?:AND|&|\/)\s*[A-Z]+(?:\s+[A-Z]+){0,2}\s*[:.\-\u2013\u2014]|\s{2,}(?=[A-Z]))|^\(?\s*(?:EMBASSY|AMBASSADOR['\u2019]S)\s+(COMMENT)\s*[:.\-\u2013\u2014]/i;
/**
 * Inline openers `(NOTE:`, `[Note:`, `(Embassy comment:`, `BEGIN TEXT` and closers `END SUMMARY.)`, `UNQUOTE`, found in
 * one scan of the line.
 */
const INLINE_EVENT = /[([](?:EMBASSY\s+)?(SUMMARY|COMMENT|NOTE)\s*[:.]|\bBEGIN\s+(TEXT|QUOTE|SUMMARY|COMMENT)\b|\bEND\s+(SUMMARY|COMMENT|NOTE|TEXT|QUOTE)\b\.?\)?|^\s*(UNQUOTE)\b/gi;
const QUOTE_LINE = /^QUOTE\s*[:.]?$/i;
/** A line ending with the word `END`, and the rest of that closer at the start of the next line. */
const ENDS_WITH_END = /(?:^|\s)END$/i;
/** A line that only closes a named part (`End Key Points.`, `End background.`): the words after END. */
const END_OF_PART = /^END\s+([A-Za-z][A-Za-z ,&/'-]{0,60}?)\s*[.:]?$/i;
const SPLIT_CLOSER = /^(SUMMARY|COMMENT|NOTE|TEXT|QUOTE)\b\.?\)?/i;
/** SPLIT_CLOSER's SUMMARY ending its sentence or line (`Summary.`, `Summary`): with nothing open, a closer only so. */
const SPLIT_SUMMARY_CLOSER = /^(SUMMARY)(?:\.\)?|\)|$)/i;

export interface BodyResult {
  paragraphs: Paragraph[];
  headings: Heading[];
  blocks: Block[];
  continuations: Continuation[];
  pageHeaders: Token[];
  trailers: Token[];
  signature: Token | null;
  /** Last offset that belongs to the text proper. */
  end: number;
}

interface OpenBlock {
  kind: BlockKind;
  open: Token;
  /** End of the paragraph (or line) that opened it: where an unclosed block stops. */
  fallbackEnd: number;
  paragraph: number;
}

/**
 * `text` is the document the lines were split from: inline block markers are looked for in it with native searches
 * over the whole body at once, and the per-line pattern runs only on the lines those searches point at.
 */
export function parseBody(lines: Line[], from: number, to: number, upperCaseCable: boolean, text: string): BodyResult {
  const r: BodyResult = { paragraphs: [], headings: [], blocks: [], continuations: [], pageHeaders: [], trailers: [], signature: null, end: 0 };
  const open = new OpenBlocks();
  let lastText = -1; // index of the last non-blank text line seen
  /** The text line before `lastText` (the signature test looks at the last two), or -1. */
  let beforeLastText = -1;
  let prevBlank = true;
  let prevEndsSentence = true;
  /**
   * A page break (page header, continuation marker, page banner) came after a text line that ended mid-sentence:
   * the next line goes on with that sentence, so it is no heading however short (`VIETNAMESE. END SUMMARY.`).
   */
  let runsOn = false;
  /** The last text line ended with `END` while a block was open: the next may finish the closer. */
  let splitEnd = false;
  /**
   * The last text line ended with `END` under a summary's heading, nothing open: the next may finish its closer, as a
   * closer stands (`End` / `Summary.`, 09TELAVIV1098), not as a sentence goes on (`THE WORD END` / `SUMMARY STARTS`).
   */
  let splitSummaryEnd = false;
  /** An aside (`(Comment: ...`, `[Note: ...`) whose parenthesis or bracket is still open at the end of its line. */
  let aside: Aside | null = null;
  /** The paragraphs are numbered `1)`, `2)`: the cable's first paragraph was. */
  let parenNumbers = false;
  let quoted = 0;
  /** A summary was opened in this body (so an END SUMMARY with none open is not its unopened end). */
  let summaryOpened = false;
  const hints = new EventHints(text, from < to ? lines[from].start : 0, from < to ? lines[to - 1].end : 0);

  let paragraphOpen = false;
  /**
   * The open numbered paragraph introduced a list (`FOLLOWING IS THE FINAL LIST OF` / `... ELECTIONS:`): until the
   * next numbered paragraph or ruled heading, a caps line standing alone is one of its items (`PARTY - NAMES OF
   * REPRESENTATIVES`, `"RENOVACION"`, `RAFAEL REY REY`), not a title; a ruled line (or the first of two over a rule)
   * stays the author's heading, and a line ending a sentence ends the list.
   */
  let inLeadInList = false;
  /** The open paragraph says FOLLOWING/FOLLOWS in its text up to `leadInReadTo` (each line is read once). */
  let saysFollowing = false;
  let leadInReadTo = 0;
  /** Line index where the last heading (with its underline) ended, for headings written over two lines. */
  let headingJustEnded = -2;
  /**
   * The last heading's section was closed by a line naming it (`(C) KEY POINTS` / bullets / `End Key Points.`):
   * paragraphs after the closer stand outside it until the next heading (10DOHA70, 09DOHA644).
   */
  let sectionClosed = false;
  const closeParagraph = (endOffset: number) => {
    const p = r.paragraphs[r.paragraphs.length - 1];
    if (p && paragraphOpen) p.end = Math.max(p.firstLine.end, endOffset);
    paragraphOpen = false;
  };

  for (let i = from; i < to; i++) {
    const line = lines[i];
    const s = line.text;
    const indent = line.indent;
    const len = s.length - indent; // length of the text after the indent
    if (len === 0) {
      prevBlank = true;
      aside = null;
      continue;
    }
    // Dispatch on the first and last characters and the length: most body lines are prose and skip every pattern
    // here. Both characters are read from the document (see textCharAt).
    const c0 = textCharAt(text, line, indent);
    const cLast = textCharAt(text, line, s.length - 1);
    if (len <= 5 && TRAILER.test(rest(s, indent))) {
      r.trailers.push(tok(line, indent));
      prevBlank = true;
      continue;
    }
    if (c0 === 49 || c0 === 50 ? len <= 80 && isUpper(cLast) && startsCentury(text, line.start + indent) && MIRROR_FOOTER.test(rest(s, indent)) : false) {
      r.pageHeaders.push(tok(line, indent));
      prevBlank = true;
      continue;
    }
    const kind = c0 < 128 ? FIRST[c0] : NON_ASCII;
    if (kind & WORD_START) {
      const cm = len <= 60 && isDigit(cLast) && endsLikeContinuation(text, line.start + s.length) ? CONTINUATION.exec(rest(s, indent)) : null;
      if (cm) {
        r.continuations.push(continuation(line, cm));
        runsOn ||= !prevEndsSentence;
        prevBlank = true;
        continue;
      }
      // A continuation marker with the next line glued on after it, the mirror's line break lost (`RABAT 00001657 002
      // OF 002 French companies Alstom, ...`, 07RABAT1657; `ASHGABAT 00001182 002.2 OF 003 THE EDUCATION SYSTEM: A
      // TOTAL MESS`, 09ASHGABAT1182): the marker is page furniture, and the line is read again from the text after
      // it, as the line it was (a heading, or the sentence the page break cut). Asked only of lines with ` 00` (a
      // padded serial) in their first 45 characters.
      const glued = !cm && len > 30 && s.lastIndexOf(' 00', indent + 45) > indent ? GLUED_CONTINUATION.exec(rest(s, indent)) : null;
      if (glued) {
        r.continuations.push(continuation(line, glued, indent + glued[0].trimEnd().length));
        runsOn ||= !prevEndsSentence;
        prevBlank = true;
        lines[i] = { index: line.index, start: line.start, end: line.end, text: s, indent: indent + glued[0].length };
        i--;
        continue;
      }
      if (c0 === 88 && len <= 40 && isDigit(cLast) && REDACTED_CONTINUATION.test(rest(s, indent))) {
        // A continuation marker whose post and serial WikiLeaks redacted (`XXXXXXXXXXXX  002 OF 002`, 10BEIJING207):
        // page furniture, not a title over the next paragraph.
        r.pageHeaders.push(tok(line, indent));
        runsOn ||= !prevEndsSentence;
        prevBlank = true;
        continue;
      }
      if (len <= 120 && kind & PAGE_START && mayStartPageHeader(s, indent, c0) && PAGE_HEADER.test(rest(s, indent))) {
        r.pageHeaders.push(tok(line, indent));
        runsOn ||= !prevEndsSentence;
        prevBlank = true;
        continue;
      }
    }
    if (len <= 23 && (BARE_BANNER_LENGTHS >> len) & 1 && kind & BANNER_START && BARE_BANNER.test(rest(s, indent))) {
      // 1970s page banners and end-of-text banner repeats.
      r.pageHeaders.push(tok(line, indent));
      runsOn ||= !prevEndsSentence;
      prevBlank = true;
      continue;
    }
    if (kind & BANNER_START && s.charCodeAt(indent + 1) === 32 && parseBanner(line, indent, NO_BARE)?.letterSpaced) {
      // A letter-spaced banner with its MRN or section (`C O N F I D E N T I A L        ABU DHABI 02641`): page furniture.
      r.pageHeaders.push(tok(line, indent));
      runsOn ||= !prevEndsSentence;
      prevBlank = true;
      continue;
    }
    let blockStart = indent;
    /** The line stands apart from the text above it, as a heading does. */
    let alone = false;
    let pm = isDigit(c0) || c0 === 0xb6 ? paragraphNumber(s, indent) : null;
    /** A known portion mark written before the number (`(C) 1. The Embassy obtained ...`, 07BAGHDAD3504): the paragraph's. */
    let markFirst: PortionMarking | null = null;
    /** Where the number starts: after the indent, or after a mark written before it. */
    let numberAt = indent;
    // (Read only where a digit follows the first closing parenthesis: most lines opening with one are asides.)
    if (!pm && c0 === 40 && digitAfterParen(s, indent)) {
      const m = readPortionMark(s, indent, line.start, upperCaseCable);
      if (m && m.level !== null && !m.unknown) {
        let at = m.end - line.start;
        while (at < s.length && s.charCodeAt(at) === 32) at++;
        if (isDigit(s.charCodeAt(at)) && (pm = paragraphNumber(s, at))) {
          markFirst = m;
          numberAt = at;
        }
      }
    }
    if (!pm && isDigit(c0)) {
      // `7, (U) ...`, `9 (SBU) ...`, `1) (SBU) ...`: a comma, nothing or a parenthesis for the dot, believed only before
      // a portion mark, and where the number goes on from the last paragraph (`N)` from the first paragraph on: else
      // it is a list item).
      const loose = LOOSE_PARA.exec(rest(s, indent));
      const n = loose ? parseInt(loose[2], 10) : -1;
      if (loose && (loose[4] !== ')' ? n === lastNumber(r) + 1 : (r.paragraphs.length === 0 && n === 1) || (parenNumbers && n === lastNumber(r) + 1))) {
        pm = { length: loose[0].length, number: n, subLetter: null };
        if (loose[4] === ')') parenNumbers = true;
      }
    }
    // A number at the start of a wrapped line is a paragraph only after a break, or when it is the next number.
    // So is a number going forward with a portion mark after it (`4. (C) Amb. Burk said ...` after paragraph 1, the
    // source having lost 2 and 3), or before it (`(C) 4.`): prose does not wrap onto a number and a mark.
    if (
      pm &&
      (prevBlank || prevEndsSentence || lastText < 0 || pm.number === lastNumber(r) + 1 || (pm.number > lastNumber(r) && !pm.subLetter && (markFirst !== null || startsWithMark(s, numberAt + pm.length, upperCaseCable)))) &&
      !wrappedDay(lines, lastText, pm.number, prevBlank, lastNumber(r))
    ) {
      closeParagraph(lastText >= 0 ? lines[lastText].start + lines[lastText].text.length : line.start);
      let at = numberAt + pm.length;
      while (at < s.length && s.charCodeAt(at) === 32) at++;
      const marking = markFirst ?? readPortionMark(s, at, line.start, upperCaseCable);
      let textAt = marking && !markFirst ? marking.end - line.start : at;
      while (textAt < s.length && s.charCodeAt(textAt) === 32) textAt++;
      blockStart = textAt;
      r.paragraphs.push({
        start: line.start + indent,
        end: line.start + s.length,
        number: pm.number,
        numberToken: tok(line, numberAt, numberAt + pm.length),
        subLetter: pm.subLetter,
        marking,
        firstLine: { start: line.start + indent, end: line.start + s.length },
        preview: preview(s.slice(textAt, textAt + PREVIEW_READ)),
        quoted: quoted > 0,
        classifiedBy: isClassifiedByParagraph(s, textAt, text, line.start),
        heading: sectionClosed ? -1 : r.headings.length - 1,
      });
      paragraphOpen = true;
      inLeadInList = false;
      saysFollowing = false;
      leadInReadTo = line.start;
      aside = null;
    } else if (
      // headingPossible takes no line over 140 characters, headsParagraph none over 90: most prose lines ask neither.
      len <= 140 &&
      ((headingPossible(text, lines, i, to, (alone = (prevBlank && !runsOn) || (!prevBlank && len <= 90 && headsParagraph(lines, i, to, lastText, text))), len, cLast) &&
        isHeading(lines, i, to, alone, rest(s, indent), text, line.start + indent)) ||
        (!prevBlank && !runsOn && len <= 90 && titleBetweenParagraphs(text, lines, i, to, lastText, cLast))) &&
      !(inLeadInList && cLast !== 45 && !(i + 1 < to && isUnderline(lines[i + 1])) && !ruledBelowNext(text, lines, i, to)) &&
      !(paragraphOpen && !prevBlank && continuesParagraphTitle(text, lines, i, r.paragraphs[r.paragraphs.length - 1])) &&
      !(paragraphOpen && s.charCodeAt(indent + 2) === 32 && continuesLetteredList(lines, i, r.paragraphs[r.paragraphs.length - 1], r.headings[r.headings.length - 1])) &&
      // `XXXXXXXXXXXX` alone: the redaction of a passage (paragraphs 13 and 14 of 09BAMAKO776), not a title.
      !((c0 | 32) === 120 && REDACTION_LINE.test(rest(s, indent).trimEnd())) &&
      // `(SECRET//REL GERMANY)` alone: the classification of the talking points under it (09STATE122950), not a title.
      !(c0 === 40 && cLast === 41 && isMarkingAlone(s, indent, line.start, upperCaseCable)) &&
      // `SECRET//FGI//NOFORN` alone under Classified By and at the end: the cable's classification (09STATE67105).
      !(LEVEL_INITIALS.includes(c0 | 32) && isClassificationAlone(rest(s, indent).trimEnd(), upperCaseCable))
    ) {
      inLeadInList = false;
      const t = rest(s, indent);
      closeParagraph(lastText >= 0 ? lines[lastText].start + lines[lastText].text.length : line.start);
      const dashes = cLast === 45 ? inlineRuleAt(t) : -1;
      // A title boxed on its own line (`------- Know Thy Enemy -------`): the rule before it is no part of it either.
      const ruleBefore = dashes > 0 ? RULE_BEFORE.exec(t.slice(0, dashes)) : null;
      const headFrom = indent + (ruleBefore ? ruleBefore[0].length : 0);
      const headText = dashes >= 0 ? tok(line, headFrom, indent + dashes) : tok(line, indent);
      const next = lines[i + 1];
      const underline = dashes >= 0
        ? { start: line.start + indent + dashes + 1, end: line.start + s.length }
        : next && isUnderline(next)
          ? { start: next.start + next.indent, end: next.start + next.text.length }
          : null;
      const prev = r.headings[r.headings.length - 1];
      if (prev && headingJustEnded === i - 1 && (!!prev.underline === !!underline || (!prev.underline && underline))) {
        // A heading written over two lines (`A FIFTY PERCENT CHANCE OF BEING FRANCE'S` / `NEXT PRESIDENT`) is one heading.
        prev.text = `${prev.text} ${headText.text}`;
        prev.end = headText.end;
        prev.section = { start: prev.start, end: line.start + s.length };
        prev.underline = underline ?? prev.underline;
      } else {
        r.headings.push({ start: headText.start, end: headText.end, text: headText.text, section: { start: headText.start, end: line.start + s.length }, underline });
        sectionClosed = false;
      }
      if (underline && dashes < 0) i++;
      beforeLastText = lastText;
      lastText = i;
      headingJustEnded = i;
      prevBlank = true;
      prevEndsSentence = true;
      runsOn = false;
      continue;
    } else if ((c0 === 45 && cLast === 45 && UNDERLINE.test(rest(s, indent))) || (isWordless(c0) && isWordless(cLast) && len <= 80 && NO_WORD.test(rest(s, indent)))) {
      prevBlank = true;
      continue;
    }
    // Blocks: openers at the start of the text, inline `(NOTE:` / `BEGIN TEXT`, closers anywhere.
    let events: BlockEvent[] | null = null;
    // `End` / `summary.`: a closer cut by a line break.
    const split = splitEnd ? SPLIT_CLOSER.exec(rest(s, indent)) : splitSummaryEnd ? SPLIT_SUMMARY_CLOSER.exec(rest(s, indent)) : null;
    if (split) events = [{ at: indent, kind: split[1].toUpperCase() as BlockKind, close: true, len: split[0].length }];
    else if ((prevBlank || prevEndsSentence || blockStart !== indent) && mayOpenAtStart(blockStart === indent ? c0 : s.charCodeAt(blockStart))) {
      const os = OPEN_AT_START.exec(rest(s, blockStart));
      if (os) (events ??= []).push({ at: blockStart + os.index, kind: (os[1] ?? os[2] ?? os[3]).toUpperCase() as BlockKind, close: false, len: os[0].length });
    }
    if (kind & Q && QUOTE_LINE.test(rest(s, indent))) (events ??= []).push({ at: indent, kind: 'QUOTE', close: false, len: len });
    // The aside's own parenthesis, closed on a later line of its paragraph (`(Comment:` / `... Clayton.)`).
    const asideKind = aside ? aside.kind : null;
    const asideClose = aside && aside.lines < ASIDE_LINES && open.get(aside.kind) ? closingParenFrom(s, indent, aside) : -1;
    if (aside) {
      if (asideClose >= 0 || aside.lines >= ASIDE_LINES || !open.get(aside.kind)) aside = null;
      else aside.lines++;
    }
    // Closers matter with nothing open too: `END COMMENT` may close a `Comment:` opened mid-line (openerInSentence),
    // an END SUMMARY in the first paragraphs a summary its author did not open (unopenedSummary).
    const inlineAt = hints.inlineFrom(line, true);
    if (inlineAt >= 0) events = inlineEvents(s, inlineAt, events);
    // An `END COMMENT` on the same line closes the aside itself.
    if (asideClose >= 0 && !(events && events.some((e) => e.close && e.kind === asideKind))) {
      (events ??= []).push({ at: asideClose, kind: asideKind!, close: true, len: 1 });
    }
    if (events) {
      if (events.length > 1) events.sort((a, b) => a.at - b.at);
      for (const e of events) {
        const tokE = tok(line, e.at, e.at + e.len);
        if (!e.close) {
          const prev = open.get(e.kind);
          if (prev) r.blocks.push(unclosed(prev));
          open.set(e.kind, { kind: e.kind, open: tokE, fallbackEnd: line.start + s.length, paragraph: r.paragraphs.length });
          if (e.kind === 'TEXT' || e.kind === 'QUOTE') quoted++;
          else if (e.kind === 'SUMMARY') summaryOpened = true;
        } else {
          const o = open.get(e.kind);
          if (!o) {
            const opener = e.kind === 'TEXT' || e.kind === 'QUOTE' ? null : openerInSentence(lines, i, e.at, e.kind, r.blocks);
            if (opener) {
              r.blocks.push({ kind: e.kind, start: opener.start, end: tokE.end, open: opener, close: tokE });
              if (e.kind === 'SUMMARY') summaryOpened = true;
            } else if (e.kind === 'SUMMARY' && !summaryOpened && open.size === 0) {
              // (With another block open, the END SUMMARY was meant for that one: `COMMENT AND ACTION REQUEST: ... End summary.`)
              const heading = sectionClosed ? null : summaryHeading(r);
              if (heading) {
                // `SUMMARY` / `-------` / `1. (C) ... End Summary.`: the summary's title, set off as a heading, opened it.
                summaryOpened = true;
                r.blocks.push({ kind: 'SUMMARY', start: heading.start, end: tokE.end, open: { start: heading.start, end: heading.end, text: heading.text }, close: tokE });
              } else if (unopenedSummary(r)) {
                summaryOpened = true;
                // `1. (C) UK Ambassador ... END SUMMARY.` with no opener: the summary is the text from the first paragraph.
                const first = r.paragraphs[0];
                r.blocks.push({ kind: 'SUMMARY', start: first.start, end: tokE.end, open: { start: first.start, end: first.start, text: '' }, close: tokE });
              }
            }
            continue;
          }
          open.delete(e.kind);
          if (e.kind === 'TEXT' || e.kind === 'QUOTE') quoted = Math.max(0, quoted - 1);
          r.blocks.push({ kind: e.kind, start: o.open.start, end: tokE.end, open: o.open, close: tokE });
        }
      }
    }
    const alonePart = events && events.length === 1 && !events[0].close && events[0].kind !== 'TEXT' && events[0].kind !== 'QUOTE';
    if (alonePart && paragraphOpen && prevBlank && events![0].at === indent && events![0].len >= len - 1) {
      // An opener alone on its line after a blank line (`COMMENT` between paragraphs 7 and 8) stands as a heading
      // does: the paragraph above ends before it, and the block holds what follows (unclosed, the next paragraph).
      // Not `BEGIN TEXT:`: the text it opens is quoted in the paragraph that introduces it (05LONDON4981 para 6).
      closeParagraph(lastText >= 0 ? lines[lastText].start + lines[lastText].text.length : line.start);
      const o = open.get(events![0].kind);
      if (o) o.paragraph = r.paragraphs.length + 1;
      // `Comment` alone after titled parts (04MADRID527) opens the cable's own last part: what follows is no longer
      // under the title above (a `Comment:` inside a paragraph leaves it where it is).
      if (events![0].kind === 'COMMENT' && !sectionClosed && r.headings.length > 0) sectionClosed = true;
    }
    if (events && !aside) aside = asideLeftOpen(s, events, open);
    if ((c0 | 32) === 101 && !sectionClosed && r.headings.length > 0 && len <= 80 && closesHeading(rest(s, indent), r.headings[r.headings.length - 1].text)) {
      sectionClosed = true;
      const h = r.headings[r.headings.length - 1];
      h.section = { start: h.section.start, end: line.start + s.length };
    }
    // An open block's fallback end follows its paragraph while that paragraph goes on.
    if (open.size > 0) open.extendParagraph(r.paragraphs.length, line.start + s.length);
    beforeLastText = lastText;
    lastText = i;
    prevBlank = false;
    prevEndsSentence = cLast < 128 && (FIRST[cLast] & SENTENCE_END) !== 0;
    // A sentence ends the list: what follows is prose (`FOLLOWING IS THE TEXT OF A SPEECH ...:` / `QUOTE:` / prose
    // under `I.  UNDERLYING PRINCIPLES`, 90CAPETOWN623), whose caps lines alone are its headings again.
    if (inLeadInList && (cLast === 46 || cLast === 63 || cLast === 33)) inLeadInList = false;
    // A line ending with `:` in a numbered paragraph that says FOLLOWING/FOLLOWS opens its list (the word may sit on
    // an earlier line of the paragraph: the text not yet read is read up to here).
    if (cLast === 58 && paragraphOpen) {
      const end = line.start + s.length;
      if (!saysFollowing && end > leadInReadTo) saysFollowing = LEADS_IN.test(text.slice(leadInReadTo, end));
      leadInReadTo = end;
      if (saysFollowing) inLeadInList = true;
    }
    splitEnd = open.size > 0 && (cLast | 32) === 100 && ENDS_WITH_END.test(s);
    splitSummaryEnd = open.size === 0 && (cLast | 32) === 100 && !summaryOpened && !sectionClosed && summaryHeading(r) !== null && ENDS_WITH_END.test(s);
    runsOn = false;
  }
  for (let k = 0; k < open.size; k++) r.blocks.push(unclosed(open.at(k)));
  r.blocks.sort((a, b) => a.start - b.start);

  // Signature: the last text line, when it is a short name and not the end of a paragraph sentence; or a name
  // written after the last sentence on the same line (`... notorious activities. FOLEY`).
  const last = lastText >= 0 ? lines[lastText] : null;
  let textEnd = last ? last.start + last.text.length : 0;
  if (last) {
    // `ZAJAC##`: the mirror's end-of-text marks after the name.
    const t = withoutEndMarks(last.text.trim());
    // `MURRAY .`, `MANZANARES .` (09BRUSSELS1399, 05MADRID541): a period set apart after the name in capitals, which
    // ends no sentence of the name's; the name is the signature (`Determined .` is the mirror's debris, not a name).
    const name = t.length > 2 && t.charCodeAt(t.length - 1) === 46 && t.charCodeAt(t.length - 2) === 32 && t === t.toUpperCase() ? t.slice(0, -2).trimEnd() : t;
    const isHeadingLine = r.headings.length > 0 && r.headings[r.headings.length - 1].start === last.start + last.indent;
    const before = beforeLastText >= 0 ? withoutEndMarks(lines[beforeLastText].text.trimEnd()) : '';
    const afterSentence =
      !before ||
      /[.!?"')\]]$/.test(before) ||
      beforeLastText < lastText - 1 ||
      ENDS_WITH_CLOSER.test(before) ||
      SITE_NOTICE.test(before) ||
      REDACTION_LINE.test(before);
    const fits =
      // (`... APPRECIATES TRINIDAD'S` / `ASSISTANCE.`: a word ending the sentence the line above began.)
      (SIGNATURE.test(name) && name === name.toUpperCase() && (afterSentence || t.charCodeAt(t.length - 1) !== 46)) ||
      (!upperCaseCable && LOWER_SIGNATURE.test(t)) ||
      ((NAME_SIGNATURE.test(t) || LOWER_NAME.test(t) || INNER_CAPITAL_NAME.test(t)) && afterSentence);
    // `HTS ACTIVIST LIU XIAOBO...`: a title cut short, not a name.
    const marker = /^(?:END|BEGIN)\b|^(?:SUMMARY|COMMENT|NOTE|UNQUOTE|QUOTE)$|\.\.$/i.test(t);
    const lastParagraph = r.paragraphs.length > 0 ? r.paragraphs[r.paragraphs.length - 1] : null;
    const isParagraphStart = lastParagraph !== null && lastParagraph.start === last.start + last.indent;
    if (fits && !marker && t.length <= 40 && !isParagraphStart) {
      // `MINIMIZE CONSIDERED SHANNON`: the notice that the minimize order was weighed, then the name.
      const notice = MINIMIZE_NOTICE.exec(t);
      r.signature = tok(last, last.indent + (notice ? notice[0].length : 0), last.indent + name.length);
      if (isHeadingLine) r.headings.pop();
      textEnd = beforeLastText >= 0 ? lines[beforeLastText].start + lines[beforeLastText].text.length : 0;
      // The name written twice (`MILOVANOVIC` / blank / `MILOVANOVIC`, 09BAMAKO776): the first, taken for a heading,
      // is the same sign-off, and the text ends above it.
      const above = r.headings[r.headings.length - 1];
      if (above && beforeLastText >= 0 && above.start === lines[beforeLastText].start + lines[beforeLastText].indent && above.text === r.signature.text) {
        r.headings.pop();
        let k = beforeLastText - 1;
        while (k >= from && isBlank(lines[k])) k--;
        textEnd = k >= from ? lines[k].start + lines[k].text.length : 0;
      }
    } else if (!isHeadingLine) {
      const glued = endsWithName(last.text) ? (GLUED_SIGNATURE.exec(last.text) ?? NAME_AFTER_SITE.exec(last.text)) : null;
      const at = glued ? glued.index + glued[0].length - glued[1].length : -1;
      // Not the number of the paragraph itself (`3. Koenig`: a sentence ending `paragraph` / `3.` and the name).
      const afterNumber = !isParagraphStart || at > lastParagraph!.numberToken.end - last.start + 1;
      if (glued && afterNumber && !GLUED_NOT_NAME.test(glued[1]) && lookupCaveat(glued[1]) === null) {
        r.signature = tok(last, at);
        let end = at;
        while (end > 0 && last.text.charCodeAt(end - 1) === 32) end--;
        textEnd = last.start + end;
        // A one-line paragraph (mirror pages keep each paragraph on one line) ends before the name.
        if (lastParagraph && lastParagraph.firstLine.end > textEnd) lastParagraph.firstLine = { start: lastParagraph.firstLine.start, end: textEnd };
      }
    }
    const nameAt = r.signature || isParagraphStart || beforeLastText < 0 || beforeLastText === lastText - 1 ? -1 : nameAboveDebris(lines, beforeLastText);
    if (nameAt >= 0 && t.length <= 100) {
      // `CLUNE` / blank lines / `Determined .`: the last line is the mirror's debris (a query, a cut title, the post's
      // notice), and the name above it is the signature.
      const nameLine = lines[nameAt];
      if (isHeadingLine) r.headings.pop();
      r.signature = tok(nameLine, nameLine.indent, nameLine.indent + withoutEndMarks(nameLine.text.trim()).length);
      const h = r.headings[r.headings.length - 1];
      if (h && h.start === nameLine.start + nameLine.indent) r.headings.pop();
      let k = nameAt - 1;
      while (k >= 0 && isBlank(lines[k])) k--;
      textEnd = k >= 0 ? lines[k].start + lines[k].text.length : 0;
      // Taken for a heading, the debris closed the last paragraph after the name.
      if (lastParagraph && lastParagraph.end > textEnd) lastParagraph.end = Math.max(lastParagraph.firstLine.end, textEnd);
    }
  }
  closeParagraph(textEnd);
  for (const p of r.paragraphs) if (p.end > p.firstLine.end) p.preview = goesOn(p.preview);
  if (r.signature) {
    // An unclosed block stops before the signature.
    const cap = textEnd > 0 ? textEnd : r.signature.start;
    for (const blk of r.blocks) if (!blk.close && blk.end > cap) blk.end = Math.max(blk.open.end, cap);
  }
  r.end = last ? last.start + last.text.length : (lines[from]?.start ?? 0);
  // Heading sections run to the next heading or the end of the text. Headings and paragraphs are both in text
  // order, so one walk over the paragraphs serves every heading.
  let j = 0;
  for (let k = 0; k < r.headings.length; k++) {
    const h = r.headings[k];
    const nextStart = k + 1 < r.headings.length ? r.headings[k + 1].start : Infinity;
    let end = h.section.end;
    while (j < r.paragraphs.length && r.paragraphs[j].start <= h.start) j++;
    // (A paragraph after a closer naming the heading is outside its section: see sectionClosed.)
    for (; j < r.paragraphs.length && r.paragraphs[j].start < nextStart; j++) if (r.paragraphs[j].heading === k) end = Math.max(end, r.paragraphs[j].end);
    h.section = { start: h.start, end };
  }
  return r;
}

/**
 * `line.text.charCodeAt(at)` for a character that is not white space (the first after the indent, the last), read
 * from the document instead: line texts are slices, and reading a slice's characters costs several times more than
 * reading the flat document's. Folding keeps offsets and only makes spaces, so such a character is the same in both.
 */
/**
 * `End Key Points and Comments.` closes the heading `(C) COMMENTS` (or `(C) KEY POINTS`): the line is END and words
 * only, and the heading's words (without its portion mark) are those words, or one of the parts they join with AND
 * (not any phrase among them: `End of the key points debate is near.` is prose).
 */
function closesHeading(t: string, heading: string): boolean {
  const m = END_OF_PART.exec(t);
  if (!m) return false;
  const head = titleKey(heading.replace(/^\([A-Z/ ]{1,12}\)\s*/i, ''));
  const named = titleKey(m[1]);
  return head.length > 0 && (named === head || named.split(' AND ').includes(head));
}

/** Upper-case letters and digits, runs of anything else as one space: a title to compare with another. */
function titleKey(s: string): string {
  return s.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();
}

function textCharAt(text: string, line: Line, at: number): number {
  return text.charCodeAt(line.start + at);
}

/**
 * `19` or `20` at `text[at]`, as MIRROR_FOOTER starts: numbered paragraphs (`1. ...`, `2) ...`) ending with a capital
 * skip the pattern.
 */
function startsCentury(text: string, at: number): boolean {
  const c = text.charCodeAt(at + 1);
  return text.charCodeAt(at) === 49 ? c === 57 : c === 48;
}

/**
 * The line's text ends at `end` of the document like CONTINUATION (`... OF 002`, any case): `OF` three characters
 * before the last three (digits). Letters and digits are the same in the document as in the line; the case-insensitive
 * pattern costs several times more than the same pattern without `i`.
 */
function endsLikeContinuation(text: string, end: number): boolean {
  return (text.charCodeAt(end - 6) | 32) === 111 && (text.charCodeAt(end - 5) | 32) === 102 && isDigit(text.charCodeAt(end - 3)) && isDigit(text.charCodeAt(end - 2));
}

/** A paragraph number as written at the start of a line's text. */
export interface ParagraphNumber {
  /** Its length, separator included (`¶ 3.`, `2a.`, `7,`). */
  length: number;
  number: number;
  subLetter: string | null;
}

/**
 * `3.`, `¶3.`, `2a.`, `1.(C)` at `s[at]`: up to three digits, a lower-case sub-letter, a dot that starts no decimal
 * (`1.4`): white space, `(`, the end, or a capital starting a word (`3.The`, `3.A)`, `3.A `) must follow. Read by
 * character codes: the pattern `^(¶ ?)?(\d{1,3})([a-z])?\.(?=\s|\(|$|[A-Z][a-z]|[A-Z]\)|[A-Z] )` ran on every line
 * starting with a digit.
 */
export function paragraphNumber(s: string, at: number): ParagraphNumber | null {
  let i = at;
  if (s.charCodeAt(i) === 0xb6) {
    i++;
    if (s.charCodeAt(i) === 32) i++;
  }
  const digits = i;
  let number = 0;
  while (i - digits < 4 && isDigit(s.charCodeAt(i))) number = number * 10 + (s.charCodeAt(i++) - 48);
  if (i === digits || i - digits > 3) return null;
  let subLetter: string | null = null;
  const c = s.charCodeAt(i);
  if (c >= 97 && c <= 122) {
    subLetter = s[i];
    i++;
  }
  if (s.charCodeAt(i) !== 46 || !dotEndsNumber(s, i + 1)) return null;
  return { length: i + 1 - at, number, subLetter };
}

/** What may follow a paragraph number's dot at `s[i]`: white space, `(`, the end, or a capital and `[a-z]`, `)` or a space. */
function dotEndsNumber(s: string, i: number): boolean {
  if (i >= s.length) return true;
  const c = s.charCodeAt(i);
  if (c === 40 || isTrimSpace(c)) return true;
  if (!isUpper(c)) return false;
  const d = s.charCodeAt(i + 1);
  return (d >= 97 && d <= 122) || d === 41 || d === 32;
}

/** A month name, abbreviated or not, ending a line: `... beginning on Sept.`. */
const ENDS_WITH_MONTH = /(?:^|[\s(])(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\.?$/i;

/**
 * A day of the month wrapped onto the next line (`... beginning on Sept.` / `23.  Post should ...`, the mirror putting
 * `¶` before it): not the next number, no blank line before it, and the line above ends with a month.
 */
function wrappedDay(lines: Line[], lastText: number, n: number, prevBlank: boolean, last: number): boolean {
  return !prevBlank && n !== last + 1 && n >= 1 && n <= 31 && lastText >= 0 && ENDS_WITH_MONTH.test(lines[lastText].text);
}

function lastNumber(r: BodyResult): number {
  return r.paragraphs.length ? r.paragraphs[r.paragraphs.length - 1].number : 0;
}

/** The words PAGE_HEADER can start with, by their first letter (all differ): the pattern runs only after one. */
const PAGE_HEADER_STARTS: Record<number, string> = {};
for (const w of ['PAGE ', 'UNCLASSIFIED ', 'CONFIDENTIAL ', 'SECRET ', 'LIMITED OFFICIAL USE ', 'TOP SECRET ']) PAGE_HEADER_STARTS[w.charCodeAt(0)] = w;

/** `c0`: a PAGE_START letter. */
function mayStartPageHeader(s: string, at: number, c0: number): boolean {
  return s.startsWith(PAGE_HEADER_STARTS[c0], at);
}

/** Lengths of the BARE_BANNER alternatives, as bits. */
const BARE_BANNER_LENGTHS = [6, 10, 11, 12, 20, 23].reduce((bits, n) => bits | (1 << n), 0);

// What an ASCII character can start or end, as bits of FIRST: one table look-up per line instead of a pattern.
const UPPER = 1;
/** First letter of a PAGE_HEADER word. */
const PAGE_START = 2;
/** First letter (either case) of a BARE_BANNER alternative. */
const BANNER_START = 4;
/** What OPEN_AT_START can match first: `(`, white space, a letter of BEGIN/SUMMARY/COMMENT/NOTE/EMBASSY/AMBASSADOR (either case). */
const OPEN_START = 8;
/** `Q`/`q` (QUOTE_LINE). */
const Q = 16;
/** Ends a sentence at the end of a line: `.:;!?)"'` and `]`. */
const SENTENCE_END = 32;
/** A letter or digit: a line starting with one has a word. */
const WORD_START = 64;
/** Any character from U+0080 up: kept out of the fast paths (white space that patterns' `\s` matches). */
const NON_ASCII = OPEN_START;

const FIRST = new Uint8Array(128);
function mark(chars: string, bit: number): void {
  for (const c of chars) FIRST[c.charCodeAt(0)] |= bit;
}
mark('ABCDEFGHIJKLMNOPQRSTUVWXYZ', UPPER);
mark('PUCSLT', PAGE_START);
mark('UCSTLucstl', BANNER_START);
mark('( \tBbSsCcNnEeAa', OPEN_START);
mark('Qq', Q);
mark('.:;!?)"\']', SENTENCE_END);
mark('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', WORD_START);

/**
 * An ASCII character that is no letter or digit: a line that starts or ends with another character has a word
 * (NO_WORD's first alternative), and its second ends with `=`.
 */
function isWordless(c: number): boolean {
  return c < 128 && (FIRST[c] & WORD_START) === 0;
}

/** `c`: the first character where an opener may start. */
function mayOpenAtStart(c: number): boolean {
  return c >= 128 || (FIRST[c] & OPEN_START) !== 0;
}

const ENTIRE_TEXT_CLASSIFIED_BY = /\bENTIRE TEXT\.?\s+CLASSIFIED\s+BY\b/i;

/**
 * `CLASSIFIED BY` where the paragraph's text starts, or `ENTIRE TEXT CLASSIFIED BY` anywhere in its first line `s`
 * (`text` is the document, `s` starts at its offset `start`).
 */
function isClassifiedByParagraph(s: string, textAt: number, text: string, start: number): boolean {
  if ((textCharAtOffset(text, start, s, textAt) | 32) === 99 && /^CLASSIFIED\s+BY\b/i.test(s.slice(textAt))) return true;
  return (hasEntireText(s, 'X', text, start) || hasEntireText(s, 'x', text, start)) && ENTIRE_TEXT_CLASSIFIED_BY.test(s);
}

/** `s.charCodeAt(at)` read from the document when it is in range (a letter there is the same in both). */
function textCharAtOffset(text: string, start: number, s: string, at: number): number {
  return at < s.length ? text.charCodeAt(start + at) : NaN;
}

/**
 * Whether `s` holds `ENTIRE TEXT` (any case) with its `X` written as `x`: found from that rare letter by native
 * searches, which spares most first lines (often a whole paragraph long) the case-insensitive scan. The `E` nine
 * characters before is read from the document first (a letter there is the line's).
 */
function hasEntireText(s: string, x: string, text: string, start: number): boolean {
  for (let i = s.indexOf(x, 9); i >= 0; i = s.indexOf(x, i + 1)) {
    if ((text.charCodeAt(start + i - 9) | 32) === 101 && hasWordAt(s, i - 9, 'entire text')) return true;
  }
  return false;
}

/**
 * `...political parties.` / `BUT RAHMONOV IS NOT A SIMPLE PAWN` / blank / `13. (C) ...`: a line of capitals between a
 * finished sentence in mixed case and a numbered paragraph, the blank line above it lost by the mirror. Not a
 * redaction (`XXXXXXXXXXXX`); isHeading judges the rest, as for a line after a blank line.
 */
function headsParagraph(lines: Line[], i: number, to: number, lastText: number, text: string): boolean {
  const next = i + 1 < to ? lines[i + 1] : null;
  if (!next || !isBlank(next) || lastText !== i - 1) return false;
  // Letters and punctuation are read from the document (folding makes spaces only); line texts end with no white space.
  const line = lines[i];
  const end = line.start + line.text.length;
  if (line.text.length - line.indent > 90 || hasLowerCase(text, line.start, end) || text.startsWith('XXXXX', line.start + line.indent)) return false;
  const above = lines[i - 1];
  const aboveEnd = above.start + above.text.length;
  if (!endsSentence(text, above.start, aboveEnd) || !hasLowerCase(text, above.start, aboveEnd)) return false;
  let k = i + 2;
  while (k < to && isBlank(lines[k])) k++;
  return k < to && paragraphNumber(lines[k].text, lines[k].indent) !== null;
}

/**
 * A title on its own line between two paragraphs with no blank line around it, as mirror pages print many cables
 * (`... END SUMMARY` / `Time to Close Refugee Camps` / `4. (C) ...`, `//Op Troika and its Updates//`): the line
 * above ends a sentence or a block, the next line opens a numbered paragraph, and the line is a title: it starts
 * with a capital or `//`, ends with no sentence or clause mark, and its long words are capitalised. Prose ending a
 * paragraph without its period (`The rest is history`) has a long lower-case word. (A title between blank lines is
 * titlesParagraphUnruled's.)
 */
function titleBetweenParagraphs(text: string, lines: Line[], i: number, to: number, lastText: number, cLast: number): boolean {
  if (lastText !== i - 1 || i + 1 >= to || cLast === 46 || cLast === 44 || cLast === 59 || cLast === 58 || cLast === 33) return false;
  // The cheap tests first: the first character of this line and of the next, then how the line above ends.
  const line = lines[i];
  const c0 = line.text.charCodeAt(line.indent);
  if (!(isUpper(c0) || (c0 === 47 && line.text.charCodeAt(line.indent + 1) === 47))) return false;
  const next = lines[i + 1];
  if (isBlank(next) || paragraphNumber(next.text, next.indent) === null) return false;
  // A question is a title only in capitals (`BIG FISH OR SMALL FRY?`, 09ASTANA677); in mixed case, prose.
  if (cLast === 63 && hasLowerCase(text, line.start + line.indent, line.start + line.text.length)) return false;
  const above = lines[i - 1];
  const aboveEnd = above.start + above.text.length;
  if (!endsSentence(text, above.start, aboveEnd) && !endsSentenceInParens(text, above.start, aboveEnd) && !ENDS_WITH_CLOSER.test(above.text)) return false;
  return isTitle(rest(line.text, line.indent), c0);
}

/**
 * `G. Information Infrastructure and Telecommunications` / `Systems (INFR-3)` at the end of a paragraph that lists
 * `A.` to `F.` (08STATE116392, 08STATE30340), `B.  (SBU)  WHAT IS THE STATE OF CIVIL/MILITARY RELATIONS?` under
 * `A.  (SBU)  WHY WAS ...` (10STATE6451): the next item of a lettered list inside the open paragraph, not a title
 * over the paragraphs below. A lettered title follows the title lettered before it (`A. (U) PRESIDENT CALDERON` /
 * `1. ...` / `B. (U) CABINET`), not an item of the paragraph. Asked only of a line whose third character is a space.
 */
function continuesLetteredList(lines: Line[], i: number, p: Paragraph | undefined, lastHeading: Heading | undefined): boolean {
  const line = lines[i];
  const letter = line.text.charCodeAt(line.indent) | 32;
  const punct = line.text.charCodeAt(line.indent + 1);
  // `B.` to `Z.` or `B)` to `Z)`, any case.
  if (!p || letter < 98 || letter > 122 || (punct !== 46 && punct !== 41)) return false;
  const item = (t: string, at: number) => (t.charCodeAt(at) | 32) === letter - 1 && t.charCodeAt(at + 1) === punct && isTrimSpace(t.charCodeAt(at + 2));
  if (lastHeading && item(lastHeading.text, 0)) return false;
  for (let k = i - 1; k >= 0 && lines[k].start >= p.firstLine.start; k--) if (item(lines[k].text, lines[k].indent)) return true;
  return false;
}

/** The line is a title's (`TITLE_WORDS`), not a redacted, table, stray, question or block-marker line. */
function isTitle(t: string, c0: number): boolean {
  // (`XXXXXXXXXXXX`: a redacted line.)
  if (!TITLE_WORDS.test(t) || t.startsWith('XXXXX') || isTableRow(t) || isStrayLine(t) || isPressQuestion(t)) return false;
  return !(MARKER_INITIALS.includes(c0 | 32) && /^(?:END|BEGIN)\s|^(?:SUMMARY|COMMENT|NOTE|QUOTE|UNQUOTE)\b/i.test(t));
}

/** `--`, `----`: a rule too short for isUnderline, under a short title (`EU` / `--`, `G-20` / `----`). */
function isDashLine(line: Line): boolean {
  const t = line.text;
  for (let k = line.indent; k < t.length; k++) if (t.charCodeAt(k) !== 45) return false;
  return t.length - line.indent >= 2;
}

/** A continuation marker (`ANKARA 00001643 002 OF 002`) or a `PAGE 02` header: a page break inside the body. */
function isPageBreak(line: Line): boolean {
  const t = rest(line.text, line.indent);
  return t.length <= 120 && (CONTINUATION.test(t) || PAGE_HEADER.test(t));
}

/**
 * Where a rule run on after a title on its line starts (the white space before it), or -1: `NO-NONSENSE STYLE -----`,
 * or in pieces when the source broke it (`... STAFF --------------------------------------------- -----`, a 45-dash run
 * and the rest). As `/\s-{3,}(?: {1,2}-+)*$/` would find it, read from the end: the pattern is quadratic on a long
 * run of dashes and spaces.
 */
function inlineRuleAt(t: string): number {
  let found = -1;
  let k = t.length;
  for (;;) {
    let d = k;
    while (d > 0 && t.charCodeAt(d - 1) === 45) d--;
    if (d === k || d === 0) return found;
    const c = t.charCodeAt(d - 1);
    if (k - d >= 3 && (c === 32 || c === 9)) found = d - 1;
    // The piece before, one or two spaces to the left.
    let g = d;
    while (g > 0 && d - g < 2 && t.charCodeAt(g - 1) === 32) g--;
    if (g === d || g === 0 || t.charCodeAt(g - 1) !== 45) return found;
    k = g;
  }
}

/** Whether the first text line after the blank lines (or a dash line) from `k` on opens a numbered paragraph (number or mark first). */
function paragraphAfterBlanks(lines: Line[], k: number, to: number): boolean {
  if (k < to && isDashLine(lines[k])) k++;
  while (k < to && isBlank(lines[k])) k++;
  // A page break between the title and its paragraph, the title's rule carried under it (`Erdogan Spokesman on the
  // Media: Feed the Beast or Else` / blank / `Ankara 00001643 002 of 002` / blank / `---- ----` / `5. (C) ...`,
  // 08ANKARA1643): the page furniture is no text of the cable's, and the paragraph after it is the title's.
  if (k < to && isPageBreak(lines[k])) {
    k++;
    while (k < to && isBlank(lines[k])) k++;
    if (k < to && (isDashLine(lines[k]) || isUnderline(lines[k]))) k++;
    while (k < to && isBlank(lines[k])) k++;
  }
  if (k >= to) return false;
  const l = lines[k];
  const at = l.text.charCodeAt(l.indent) === 40 ? l.text.indexOf(')', l.indent) + 1 : l.indent;
  return paragraphNumber(l.text, at > 0 ? at + (l.text.charCodeAt(at) === 32 ? 1 : 0) : l.indent) !== null;
}

/**
 * Every word of five letters or more starts with a capital (after any quote or bracket): titles lower-case short
 * words only (`on`, `from`, `with`).
 */
const TITLE_WORDS = /^(?!.*(?:^|[\s(/"'\u201c\u2018-])[a-z]{5})/;

/** `... End note.)`: a sentence closed inside a parenthesis. */
function endsSentenceInParens(text: string, from: number, to: number): boolean {
  return to - from >= 2 && text.charCodeAt(to - 1) === 41 && endsSentence(text, from, to - 1);
}

/**
 * An END SUMMARY that closes nothing opened, within the first three paragraphs of a body with no summary yet (no
 * block, no `Summary` heading): the author left out the opener, and the summary runs from paragraph 1.
 */
function unopenedSummary(r: BodyResult): boolean {
  if (r.paragraphs.length === 0 || r.paragraphs.length > 3) return false;
  return !r.headings.some((h) => /^\W*summary\W*$/i.test(h.text));
}

/**
 * The heading the text is in, when it titles the summary (`SUMMARY`, `Summary`, `(C) SUMMARY`, `SUMMARY AND COMMENT`,
 * `Summary and Key Themes`, boxed or underlined): an END SUMMARY that closes nothing opened closes the summary it
 * opened (04AMMAN1288, 06CARACAS219, 09BEIJING1378). The last heading, so no other title stands between them.
 */
function summaryHeading(r: BodyResult): Heading | null {
  const h = r.headings.length > 0 ? r.headings[r.headings.length - 1] : null;
  return h && SUMMARY_HEADING.test(h.text) ? h : null;
}

/** A title that starts with the word SUMMARY, after a portion mark if any. */
const SUMMARY_HEADING = /^(?:\([A-Z/ ]{1,12}\)\s*)?SUMMARY\b/i;

/** Whether a digit follows, after spaces, the first `)` after `s[from]`. */
function digitAfterParen(s: string, from: number): boolean {
  let at = s.indexOf(')', from) + 1;
  if (at === 0) return false;
  while (at < s.length && s.charCodeAt(at) === 32) at++;
  return isDigit(s.charCodeAt(at));
}

/** A known portion mark in parentheses at `s[from]`, after spaces (`(C)`, `(S/NF)`). */
function startsWithMark(s: string, from: number, upperCaseCable: boolean): boolean {
  let at = from;
  while (at < s.length && s.charCodeAt(at) === 32) at++;
  if (s.charCodeAt(at) !== 40) return false;
  const m = readPortionMark(s, at, 0, upperCaseCable);
  return m !== null && m.level !== null && !m.unknown;
}

/** `/[.?!]["'\u2019\u201d]?$/` over `text[from, to)`. */
function endsSentence(text: string, from: number, to: number): boolean {
  let k = to - 1;
  if (k < from) return false;
  let c = text.charCodeAt(k);
  if ((c === 34 || c === 39 || c === 0x2019 || c === 0x201d) && k > from) c = text.charCodeAt(--k);
  return c === 46 || c === 63 || c === 33;
}

/** The cheap first tests of isHeading: most prose lines fail them. `len`: the line's length after its indent. */
/** First letters (lower case) of the levels a classification line opens with: TOP SECRET, SECRET, CONFIDENTIAL, UNCLASSIFIED. */
const LEVEL_INITIALS = [116, 115, 99, 117];

/**
 * The line is a known classification with its control markings and nothing else, written without parentheses
 * (`SECRET//FGI//NOFORN`, `CONFIDENTIAL//REL GERMANY`): read as the same mark in parentheses would be.
 */
function isClassificationAlone(t: string, upperCaseCable: boolean): boolean {
  if (t.indexOf('//') < 0 || t.indexOf('(') >= 0 || t.length > 60) return false;
  const m = readPortionMark(`(${t})`, 0, 0, upperCaseCable);
  return m !== null && m.level !== null && !m.unknown && m.end === t.length + 2;
}

/** The line is one known classification in parentheses and nothing else (`(SECRET//REL GERMANY)`, `(CONFIDENTIAL)`). */
function isMarkingAlone(s: string, indent: number, offset: number, upperCaseCable: boolean): boolean {
  const m = readPortionMark(s, indent, offset, upperCaseCable);
  return m !== null && m.level !== null && !m.unknown && m.end === offset + s.trimEnd().length;
}
/** From `k` (a blank line): blank lines, a page's continuation marker, blank lines, then a rule. */
function ruleAfterPageBreak(lines: Line[], k: number, to: number): boolean {
  while (k < to && isBlank(lines[k])) k++;
  if (k >= to || !CONTINUATION.test(rest(lines[k].text, lines[k].indent).trimEnd())) return false;
  k++;
  while (k < to && isBlank(lines[k])) k++;
  return k < to && isUnderline(lines[k]);
}
function headingPossible(text: string, lines: Line[], i: number, to: number, prevBlank: boolean, len: number, cLast: number): boolean {
  if (len > 140) return false;
  if (cLast === 45) return true;
  const next = i + 1 < to ? lines[i + 1] : null;
  // A blank next line starts with white space or a line break, never `-`.
  const c = next && !isBlank(next) ? textCharAt(text, next, next.indent) : -1;
  if (!prevBlank) return c === 45;
  // Only a rule under the line (isUnderline: `-`, or white space `\s` takes first) or below a blank next line, or a
  // blank line under a next line that starts with a capital (a title over two lines: startsUnruledTwoLineTitle),
  // makes a heading of a line with lower case: without one, a lower-case letter (found from the first characters
  // of prose, in the document) rules it out.
  const ruled =
    c === 45 || c >= 128 || (next !== null && c < 0) || (c >= 0 && ruledBelowNext(text, lines, i, to)) || (isUpper(c) && i + 2 < to && isBlank(lines[i + 2]));
  return ruled || !hasLowerCase(text, lines[i].start + lines[i].indent, lines[i].start + lines[i].indent + len);
}

/** First letters (lower case) of the block markers a heading cannot start with. */
const MARKER_INITIALS = [101, 98, 115, 99, 110, 113, 117];

/** `/[A-Za-z]{2}/` over `text[from, to)`. */
function hasTwoLetters(text: string, from: number, to: number): boolean {
  let run = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k) | 32;
    run = c >= 97 && c <= 122 ? run + 1 : 0;
    if (run === 2) return true;
  }
  return false;
}

/** `/^\(?[A-Z]{1,3}\)/` over `text[from, to)`: `(C)`, `A)` (an item or a mark, not a heading). */
function startsWithShortCapsParen(text: string, from: number, to: number): boolean {
  let k = from < to && text.charCodeAt(from) === 40 ? from + 1 : from;
  const letters = k;
  while (k < to && k - letters < 4 && isUpper(text.charCodeAt(k))) k++;
  return k > letters && k - letters <= 3 && k < to && text.charCodeAt(k) === 41;
}

/** Whether `text[from, to)` has an ASCII lower-case letter (folding makes spaces only: the document's letters are the line's). */
function hasLowerCase(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

interface BlockEvent {
  at: number;
  kind: BlockKind;
  close: boolean;
  len: number;
}

/** Adds the inline openers and closers of line text `s` from `from` on to `events`. */
function inlineEvents(s: string, from: number, events: BlockEvent[] | null): BlockEvent[] {
  const out = events ?? [];
  INLINE_EVENT.lastIndex = from;
  for (let m = INLINE_EVENT.exec(s); m; m = INLINE_EVENT.exec(s)) {
    if (m[1] || m[2]) {
      const kind = (m[1] ?? m[2]).toUpperCase() as BlockKind;
      const at = m.index;
      if (!out.some((e) => !e.close && e.kind === kind && Math.abs(e.at - at) < 8)) out.push({ at, kind, close: false, len: m[0].length });
    } else {
      const kind = (m[3] ? m[3].toUpperCase() : 'QUOTE') as BlockKind;
      out.push({ at: m.index + (m[0].length - m[0].trimStart().length), kind, close: true, len: m[0].trim().length });
    }
  }
  closeAsides(s, out);
  return out;
}

/**
 * `(Comment: this remains to be seen.)`, `[Note: ... ]`: an aside opened by `(KIND:` or `[KIND:` and closed by its own
 * parenthesis or bracket on the line, with no `END KIND` before it, ends there.
 */
function closeAsides(s: string, events: BlockEvent[]): void {
  const n = events.length;
  for (let k = 0; k < n; k++) {
    const e = events[k];
    if (e.close || !isAsideOpener(s.charCodeAt(e.at)) || e.kind === 'TEXT' || e.kind === 'QUOTE') continue;
    const paren = matchingParen(s, e.at);
    if (paren < 0) continue;
    let closed = false;
    for (let j = 0; j < n; j++) if (events[j].close && events[j].kind === e.kind && events[j].at > e.at && events[j].at < paren) closed = true;
    if (!closed) events.push({ at: paren, kind: e.kind, close: true, len: 1 });
  }
}

/** How many lines after its own an aside may run before its closing parenthesis (a paragraph's worth). */
const ASIDE_LINES = 25;

/** An aside left open at the end of its line: its kind, the depth of its parenthesis or bracket, the lines it ran on. */
interface Aside {
  kind: BlockKind;
  /** The character that opened it: `(` or `[`. */
  opener: number;
  depth: number;
  lines: number;
}

/** `(` or `[`: what opens an aside. */
function isAsideOpener(c: number): boolean {
  return c === 40 || c === 91;
}

/** An aside opened on this line by `(KIND:` or `[KIND:` that the line leaves open, and is still open: else null. */
function asideLeftOpen(s: string, events: BlockEvent[], open: OpenBlocks): Aside | null {
  for (let k = events.length - 1; k >= 0; k--) {
    const e = events[k];
    const opener = s.charCodeAt(e.at);
    if (e.close || !isAsideOpener(opener) || e.kind === 'TEXT' || e.kind === 'QUOTE' || !open.get(e.kind)) continue;
    const closer = opener === 40 ? 41 : 93;
    let depth = 0;
    for (let i = e.at; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === opener) depth++;
      else if (c === closer && (closer === 93 || closesParen(s, i))) depth--;
    }
    return depth > 0 ? { kind: e.kind, opener, depth, lines: 0 } : null;
  }
  return null;
}

/** Where on this line (from `from`) the aside's parenthesis or bracket closes, or -1; the depth left open is carried on. */
function closingParenFrom(s: string, from: number, aside: { opener: number; depth: number }): number {
  const opener = aside.opener;
  const closer = opener === 40 ? 41 : 93;
  let depth = aside.depth;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === opener) depth++;
    else if (c === closer && (closer === 93 || closesParen(s, i)) && --depth === 0) return i;
  }
  aside.depth = depth;
  return -1;
}

/**
 * Whether the `)` at `i` closes a parenthesis: it follows its last word. Cablegate texts turned dashes into a
 * parenthesis between spaces (`... in the province ) all of which ...`), which closes nothing.
 */
function closesParen(s: string, i: number): boolean {
  return i === 0 || s.charCodeAt(i - 1) !== 32;
}

/** Offset of the parenthesis (or bracket) closing the one at `open` on this line, or -1. */
function matchingParen(s: string, open: number): number {
  const opener = s.charCodeAt(open);
  const closer = opener === 40 ? 41 : 93;
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === opener) depth++;
    else if (c === closer && --depth === 0) return i;
  }
  return -1;
}

/**
 * The blocks open at a line, at most one per kind, in the order they opened (as a Map keyed by kind keeps them: a
 * kind opened again keeps its place). A short array: most body lines ask only for its size.
 */
class OpenBlocks {
  private readonly list: OpenBlock[] = [];

  get size(): number {
    return this.list.length;
  }

  at(k: number): OpenBlock {
    return this.list[k];
  }

  get(kind: BlockKind): OpenBlock | undefined {
    for (let k = 0; k < this.list.length; k++) if (this.list[k].kind === kind) return this.list[k];
    return undefined;
  }

  set(kind: BlockKind, block: OpenBlock): void {
    for (let k = 0; k < this.list.length; k++) {
      if (this.list[k].kind === kind) {
        this.list[k] = block;
        return;
      }
    }
    this.list.push(block);
  }

  delete(kind: BlockKind): void {
    for (let k = 0; k < this.list.length; k++) {
      if (this.list[k].kind === kind) {
        this.list.splice(k, 1);
        return;
      }
    }
  }

  /** The blocks opened in paragraph `paragraph` end no sooner than `end` (that paragraph goes on). */
  extendParagraph(paragraph: number, end: number): void {
    for (let k = 0; k < this.list.length; k++) if (this.list[k].paragraph === paragraph) this.list[k].fallbackEnd = end;
  }
}

/** `... RSO. Comment: This upsurge` (a sentence, then the label with its colon), or the label first on its line. */
const OPENER_IN_SENTENCE = /(?:^|[.!?"'\u201d)]\s+)(SUMMARY|COMMENT|NOTE)\s*:/gi;

/**
 * `... coordination with LEGATT and RSO. Comment: This upsurge in` / `... End Comment.` (10SANAA317): a comment
 * opened after a sentence in the middle of a line, which no opener reading takes (`NOTE: In his remarks` alone is
 * prose as often as not), is proved by the `END` closer of its kind later in the same paragraph. The last such label
 * before closer `at` on line `i`, going back no further than a blank line or the end of the last block: else null.
 */
function openerInSentence(lines: Line[], i: number, at: number, kind: BlockKind, blocks: Block[]): Token | null {
  const after = blocks.length > 0 ? blocks[blocks.length - 1].end : -1;
  for (let j = i; j >= 0 && i - j < 40 && !isBlank(lines[j]) && lines[j].start + lines[j].text.length > after; j--) {
    const s = j === i ? lines[j].text.slice(0, at) : lines[j].text;
    let found: Token | null = null;
    OPENER_IN_SENTENCE.lastIndex = 0;
    for (let m = OPENER_IN_SENTENCE.exec(s); m; m = OPENER_IN_SENTENCE.exec(s)) {
      const start = m.index + m[0].search(/[A-Z]/i);
      if (m[1].toUpperCase() === kind && lines[j].start + start > after) found = tok(lines[j], start, m.index + m[0].length);
    }
    if (found) return found;
  }
  return null;
}

function unclosed(o: OpenBlock): Block {
  return { kind: o.kind, start: o.open.start, end: Math.max(o.fallbackEnd, o.open.end), open: o.open, close: null };
}

/** A block's opener or closer on its own line (`(end text)`, `END SUMMARY.`, `UNQUOTE`): the block event, never a heading. */
const BLOCK_MARKER_LINE = /^\(?\s*(?:(?:BEGIN|END)\s+(?:SUMMARY|COMMENT|NOTE|TEXT|QUOTE)\b|UNQUOTE\b)/i;
/** A web address alone on its line (`WWW.FBI.GOV/MAJCASES/EASTAFRICA.SUMMARY.HTM`, `http://...`): text, not a title. */
const URL_LINE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*$|^[a-z0-9-]+(?:\.[a-z0-9-]+)+\/\S*$/i;
/**
 * A line ending a sentence with a period (`THE FOLLOWING RESPONSES ARE KEYED TO PARAGRAPH 3 REFTEL.`, `A.  NONE.`):
 * not an ellipsis (`TIMELINES...`), not an abbreviation with inner dots that can end a title (`... AND THE U.S.`).
 */
function endsSentenceWithPeriod(t: string): boolean {
  // `/[^.]\.$/` by its last two characters: the pattern scanned the whole line.
  return t.length >= 2 && t.charCodeAt(t.length - 1) === 46 && t.charCodeAt(t.length - 2) !== 46;
}

/** Whether the first line with text from line `k` on is a dashed item (`-TOUGH ...`, `-- AN INTERVIEW ...`) without lower case. */
function capsDashItemAt(lines: Line[], k: number, to: number, text: string): boolean {
  while (k < to && isBlank(lines[k])) k++;
  if (k >= to) return false;
  const l = lines[k];
  return l.text.charCodeAt(l.indent) === 45 && !isUnderline(l) && !hasLowerCase(text, l.start + l.indent, l.start + l.text.length);
}

/** `FOLLOWING` or `FOLLOWS` as a word: what a line that introduces a list says. */
const LEADS_IN = /\bFOLLOW(?:ING|S)\b/i;

const ENDS_WITH_ABBREVIATION = /(?:^|[\s("'/-])(?:[A-Z]\.){2,}$/i;

/**
 * A short all-caps line standing alone, or any short line underlined with dashes. `t` starts at offset `at` of the
 * document `text`, where its letters and punctuation are read (the same there: folding makes spaces only).
 */
function isHeading(lines: Line[], i: number, to: number, prevBlank: boolean, t: string, text: string, at: number): boolean {
  if (t.length > 140) return false;
  const next = i + 1 < to ? lines[i + 1] : null;
  const underlined = !!next && next.text.charCodeAt(next.indent) === 45;
  if (!prevBlank && !underlined && t.charCodeAt(t.length - 1) !== 45) return false;
  // A rule run on after the title on its line (`TITLE ----- -----`, the line break lost) is no part of the title's
  // length: the 90 characters are the title's own (`"JOAN OF ARC OF SUBVERSION" BECOMES CHIEF OF STAFF ---...`).
  const ruleAfter = t.charCodeAt(t.length - 1) === 45 ? inlineRuleAt(t) : -1;
  if ((ruleAfter >= 0 ? ruleAfter : t.length) > 90) return false;
  // A word of two letters at least; over a rule, also a name of one letter and a number (`G-20` / `----`, 09BEIJING2963),
  // or an abbreviation with its letters apart (`U.S.` / `---` over its delegation's names, 05BOGOTA7402).
  if (!hasTwoLetters(text, at, at + t.length) && !(underlined && ((LETTER_NUMBER_NAME.test(t) && (isDashLine(next!) || isUnderline(next!))) || ENDS_WITH_ABBREVIATION.test(t)))) return false;
  if (isTableRow(t)) return false;
  // Under prose, a rule that opens a box (rule, heading, rule) is the box's, not this line's underline.
  // A title may end in an abbreviation (`In pyongyang - messages for the u.s.`) when it stands alone.
  if (
    next &&
    isUnderline(next) &&
    (!endsWithOneOf(t, '.,;') || apartEllipsis(lines, i, t, prevBlank, text) || (prevBlank && ENDS_WITH_ABBREVIATION.test(t))) &&
    (prevBlank || !opensBox(lines, i + 1, to))
  )
    return !isStrayLine(t);
  // A rule one blank line below a line standing alone (`What Officials Say about the Air` / blank / `-----`). A rule
  // that opens the next box (rule, heading, rule) is that heading's, not this line's: `END NONPAPER FOR SAUDI ARABIA`
  // / blank / `---` / `REPORTING DEADLINE` / `---` closes the text above (08STATE128877).
  if (prevBlank && next && isBlank(next) && i + 2 < to && isUnderline(lines[i + 2]) && !endsWithOneOf(t, '.,;:') && !opensBox(lines, i + 2, to)) return !isStrayLine(t);
  if (ruleAfter > 0 && t.length <= 140) return !isStrayLine(t);
  // A box cut by a page break: `-----` / `Comment: Not Thoroughly-Corrupted, but Cause for Concern` / blank /
  // `MAPUTO 00000713 003 OF 003` / blanks / `-----` (09MAPUTO713): the rule after the page marker closes it.
  if (prevBlank && i > 0 && isUnderline(lines[i - 1]) && next && isBlank(next) && ruleAfterPageBreak(lines, i + 1, to)) return !isStrayLine(t);
  if (prevBlank && next && startsTwoLineHeading(text, lines, i, to, t, at)) return !isStrayLine(t);
  // (In capitals too when written `//TITLE//`, or over a rule too short to underline: `EU` / `--`, `G-20` / `----`;
  // or right above its numbered paragraph: `PROGRESS AND CONCERNS IN NORTHERN MALI` / `3. (S) ATT said ...`, 09BAMAKO776.)
  const unruled =
    prevBlank &&
    next &&
    (isBlank(next)
      ? hasLowerCase(text, at, at + t.length) || t.startsWith('//')
      : (isDashLine(next) && !isUnderline(next)) || paragraphNumber(next.text, next.indent) !== null);
  if (unruled && titlesParagraphUnruled(lines, i, i, to, t, text, at)) return true;
  if (prevBlank && next && !isBlank(next) && i + 2 < to && isBlank(lines[i + 2]) && startsUnruledTwoLineTitle(lines, i, to, t, text, at)) return true;
  if (!prevBlank || hasLowerCase(text, at, at + t.length) || endsWithOneOf(t, ',;')) return false;
  if (endsSentenceWithPeriod(t) && !ENDS_WITH_ABBREVIATION.test(t)) return false;
  // `THE NEWSPAPER ALSO PUBLISHED THE FOLLOWING REPORTS:`, `... AS FOLLOWS:` alone in an all-caps paragraph: a
  // sentence that introduces the list under it, not a title (a ruled one, asked above, stays the author's heading).
  if (t.charCodeAt(t.length - 1) === 58 && LEADS_IN.test(t)) return false;
  // `THERE WERE THREE KEY ELEMENTS TO THE COMPROMISE WE PROPOSED:` over `-TOUGH BUT REALIZABLE TESTS, ...`: with the
  // dashed items in capitals too, no change of case sets the line off as a title: it leads in to its list. (Over
  // mixed-case items, `FOR EU MEMBER STATES ONLY:` / `-- As we move ...`, the capitals mark a heading.)
  if (t.charCodeAt(t.length - 1) === 58 && next && isBlank(next) && capsDashItemAt(lines, i + 2, to, text)) return false;
  if (isPressQuestion(t)) return false;
  const c0 = text.charCodeAt(at);
  // (`SUMMARY AND TABLE OF CONTENTS`, `SUMMARY AND OBJECTIVES`: a title naming the summary and more, which opens no
  // block; `SUMMARY AND COMMENT` opens one.)
  if (MARKER_INITIALS.includes(c0 | 32) && /^(?:END|BEGIN)\s|^(?:SUMMARY|COMMENT|NOTE|QUOTE|UNQUOTE)\b(?!\s+AND\s+(?!COMMENT\b)[A-Z])/i.test(t)) return false;
  if (startsWithShortCapsParen(text, at, at + t.length) || c0 === 45 || c0 === 42 || c0 === 61) return false;
  // A caps line alone that stops on an article (`VIABLE CANDIDATE TO SUCCEED WOULD BE IN THE CONTEXT OF AN`) is prose
  // cut off by a page break without its header (07PARIS170), not a title: no title ends on `an` or `the`.
  if (!next || isBlank(next)) return !ENDS_ON_ARTICLE.test(t) && !isStrayLine(t);
  if (isUnderline(next)) return !isStrayLine(t);
  // The first line of a heading written over two lines above its rule (`EU PROVIDES 43 MILLION` / `EUROS TO ...` / `---`).
  return i + 2 < to && isUnderline(lines[i + 2]) && isCapsLine(next.text.slice(next.indent)) && !isStrayLine(t);
}

/**
 * A title that trails off into the next one (`Saleh Promises No New MANPADS...` over `...In Exchange for One Million
 * Dollars`), between two rules or standing alone over its rule: an ellipsis ends no sentence, and the rule above or
 * the blank line sets the line apart from prose (a paragraph trailing off above a rule has its own text above it).
 * With no blank lines in the cable (`... meets the eyes.”` / `Congress Party Dismisses...` / `---`, 08NEWDELHI3228),
 * the line is a title when the text above ends a sentence and the rule under it is the line's own length, as an
 * author underlines a title: a sentence trailing off goes on from the line above and has no rule made to its measure.
 */
function apartEllipsis(lines: Line[], i: number, t: string, alone: boolean, text: string): boolean {
  if (!t.endsWith('...')) return false;
  if (alone || (i > 0 && isUnderline(lines[i - 1]))) return true;
  if (i === 0 || i + 1 >= lines.length || !TITLE_WORDS.test(t)) return false;
  const above = lines[i - 1];
  const rule = lines[i + 1];
  return !isBlank(above) && endsSentence(text, above.start, above.start + above.text.length) && Math.abs(rule.text.length - rule.indent - t.length) <= 1;
}

/**
 * The line goes on with the first line of the paragraph just opened, which stops mid-phrase on a word (`6. (c) notes
 * from the secgen's june 10 meeting with north` / `korean ambassador in london (ri yong ho)` / `---`): the rule under
 * it underlines the paragraph's own title, written over two lines, and no heading starts here.
 */
function continuesParagraphTitle(text: string, lines: Line[], i: number, p: { firstLine: { start: number } } | undefined): boolean {
  const prev = lines[i - 1];
  // A line wrapped at the teletype's width; a whole paragraph on one line (mirror pages) is no title cut short.
  if (!p || !prev || p.firstLine.start !== prev.start + prev.indent || prev.text.length > 80) return false;
  const c = textCharAt(text, prev, prev.text.length - 1) | 32;
  return c >= 97 && c <= 122;
}

/**
 * A title in mixed case without a rule, alone between blank lines over a numbered paragraph (`The Lebanese
 * Connection`, `Consulate Engagement: A Work in Progress`, `Tudeh Activists Re-Emerging?`), as many 2000s cables
 * set their headings. Prose comes to such a line only as a stray fragment of a paragraph, so the line must read as
 * a title: a capital first, no clause or sentence ended in it or at its end, and the text above it not broken off
 * mid-sentence (`... non-Muslim` / blank / `Brazilians. Brazil's Muslims ...` goes on with that paragraph).
 */
function titlesParagraphUnruled(lines: Line[], i: number, last: number, to: number, t: string, text: string, at: number): boolean {
  const c0 = text.charCodeAt(at);
  // A title in quotation marks (`"Photo of the Azores"`, 04MADRID2215) is read inside them: a capital first, and
  // no sentence ended inside the closing mark (`"We want back in."` is a quoted sentence).
  const quoted = t.length > 2 && isDoubleQuote(c0) && isDoubleQuote(t.charCodeAt(t.length - 1));
  const title = quoted ? t.slice(1, -1) : t;
  const first = quoted ? text.charCodeAt(at + 1) : c0;
  if (t.length > 80 || !(isUpper(first) || (c0 === 47 && text.charCodeAt(at + 1) === 47)) || endsWithOneOf(title, ',;:!')) return false;
  // A period ends a title only as the end of an abbreviation in capitals (`Major Party Differences on Relations with
  // the U.S.`, 04MADRID527), never a sentence's (`... in the region.`) nor `a.m.`.
  if (endsWithOneOf(title, '.') && !(isUpper(title.charCodeAt(title.length - 2)) && ENDS_WITH_ABBREVIATION.test(title))) return false;
  if (!paragraphAfterBlanks(lines, last + 1, to)) return false;
  if (STATEMENT_INSIDE.test(title) || isPressQuestion(title) || BLOCK_WORD.test(title) || NOTICE_OR_LABEL.test(title)) return false;
  // A question inside a title (`What Next? Brits Concerned`, 10BUENOSAIRES71) keeps its long words capitalised; a
  // question of prose broken off there (`... what comes next? Brits worry`) has a long word in lower case.
  if (QUESTION_INSIDE.test(title) && !TITLE_WORDS.test(title)) return false;
  // (Right under a heading's first line, `Media Coverage Goes From Nervous and Negative to Hopeful and` / `Positive`,
  // the line is that heading's end, not the end of a sentence.)
  let a = i - 1;
  const underText = a >= 0 && !isBlank(lines[a]);
  while (a >= 0 && isBlank(lines[a])) a--;
  if (a >= 0 && !underText) {
    const above = lines[a];
    const c = text.charCodeAt(above.start + above.text.length - 1);
    // A lower-case letter or a comma at the end of the text above: the sentence there goes on in this line.
    if ((c >= 97 && c <= 122) || c === 44) return false;
  }
  return !isStrayLine(t);
}

/**
 * The first line of a title written over two lines without a rule, alone between blank lines over a numbered
 * paragraph (`Section A.  STORAGE AND DISSEMINATION OF THIS` / `TELEGRAM`): both lines read as a title, and the
 * second starts with a capital, as the rest of a title does and the rest of a sentence does not (after a title in
 * capitals, it is in capitals too). The second line, alone above the blank line, is then a heading joined to this one.
 */
function startsUnruledTwoLineTitle(lines: Line[], i: number, to: number, t: string, text: string, at: number): boolean {
  const next = lines[i + 1];
  const n = rest(next.text, next.indent);
  const nextAt = next.start + next.indent;
  if (t.length > 70 || n.length > 40 || endsWithOneOf(t, '.,;:!?-') || endsWithOneOf(n, '.,;:!') || !isUpper(text.charCodeAt(nextAt))) return false;
  if (!hasLowerCase(text, at, at + t.length) && hasLowerCase(text, nextAt, nextAt + n.length)) return false;
  if (isUnderline(next) || paragraphNumber(next.text, next.indent) !== null || SENTENCE_INSIDE.test(n)) return false;
  return titlesParagraphUnruled(lines, i, i + 1, to, t, text, at);
}

/** `"` or a curly double quotation mark (`\u201c`, `\u201d`). */
function isDoubleQuote(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x201d;
}

/** A sentence ended inside a line (`Brazilians. Brazil's ...`): a word of three lower-case letters or more, then `.`, `!` or `?`, then more. */
const SENTENCE_INSIDE = /[a-z]{3}[.!?]["'\u2019\u201d)]?\s+\S/;
/** SENTENCE_INSIDE's first test of a title alone: a statement or exclamation ended inside it; a question is read apart. */
const STATEMENT_INSIDE = /[a-z]{3}[.!]["'\u2019\u201d)]?\s+\S/;
const QUESTION_INSIDE = /[a-z]{3}\?["'\u2019\u201d)]?\s+\S/;
/** `G-20`, `G8`, `P5`: a name of one capital and a number. */
const LETTER_NUMBER_NAME = /^[A-Z]-?\d{1,3}$/;
/**
 * A capitals label (`SOURCE: Consular Workload Statistics ...` under a table), a REF line written without its colon
 * (`REF A SECRETARY'S LETTER TO MBZ ...`) or a notice (`This is a PRT Karbala Reporting Cable`).
 */
const NOTICE_OR_LABEL = /^(?:[A-Z]{2,}:|REF(?:S|TELS?)?\b|This\s+(?:is|cable|message)\b)/;
/** A block marker or a label (`End Comment`, `Summary`, `Classified By: ...`, `Note`), never a title here. */
const BLOCK_WORD = /^(?:(?:END|BEGIN)\s|(?:SUMMARY|COMMENT|NOTE|QUOTE|UNQUOTE)\b|(?:CLASSIFIED|DERIVED|DECLASSIFY)\s+(?:BY|FROM|ON)\b)/i;

/** Whether the line after `lines[i]` has a rule under it. */
function ruledBelowNext(text: string, lines: Line[], i: number, to: number): boolean {
  return i + 2 < to && textCharAt(text, lines[i + 2], lines[i + 2].indent) === 45 && isUnderline(lines[i + 2]);
}

/**
 * The first line of a heading written over two lines above its rule, in any case (`Sandinistas Look out for
 * Themselves and the Wealthy, While` / `the Poor Suffer` / `---`): it starts with a capital (or a portion mark), and
 * neither line ends a sentence or a clause. Prose reaches a rule this way only in its last line.
 */
function startsTwoLineHeading(text: string, lines: Line[], i: number, to: number, t: string, at: number): boolean {
  const next = lines[i + 1];
  if (isBlank(next) || !ruledBelowNext(text, lines, i, to) || isUnderline(next) || endsWithOneOf(t, '.,;')) return false;
  const c0 = text.charCodeAt(at);
  if (!isUpper(c0) && !(c0 === 40 && isUpper(text.charCodeAt(at + 1)))) return false;
  const n = next.text.length - next.indent;
  return n <= 90 && !endsWithOneOf(next.text, '.,;') && paragraphNumber(next.text, next.indent) === null;
}

/** Whether the rule at `lines[r]` has one line of text and another rule under it. */
function opensBox(lines: Line[], r: number, to: number): boolean {
  return r + 2 < to && !isBlank(lines[r + 1]) && !isUnderline(lines[r + 1]) && isUnderline(lines[r + 2]);
}

/**
 * A row of a table set out in columns (`FY 2004  FY 2005   FY 2006`, `NIV           107,967  127,320   137,472`):
 * three or more cells apart by runs of two or more spaces, two of them with a figure. A title is one phrase, never
 * columns of figures; a lettered or numbered heading (`A.  BACKGROUND`) has two cells.
 */
function isTableRow(t: string): boolean {
  if (t.indexOf('  ') < 0) return false;
  const cells = t.trim().split(/\s{2,}/);
  if (cells.length < 3) return false;
  let withFigure = 0;
  for (const c of cells) if (/\d/.test(c) && ++withFigure === 2) return true;
  return false;
}

/**
 * A question of press guidance (`Q.  WHAT WAS THE CAUSE OF THE CRASH`, `Q: DO YOU HAVE A READ OUT ...?`, after a
 * paragraph sign in Cablegate texts): the question its answer (`A.`) follows, not a heading. Tested from its first letter.
 */
function isPressQuestion(t: string): boolean {
  const k = t.charCodeAt(0) === 0xb6 ? 1 : 0;
  return (t.charCodeAt(k) | 32) === 113 && PRESS_QUESTION.test(t);
}

const PRESS_QUESTION = /^\u00b6?Q\s*[.:]\s/i;

/**
 * A block marker, a web address or a stray caption (`SIPDIS` the mirror put under a heading or between paragraphs):
 * a line that titles nothing. Asked last, only of lines every other test takes for a heading (few), since the
 * patterns and the caption lookup cost more than all of them.
 */
function isStrayLine(t: string): boolean {
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

/** Whether the last character of `t` is one of `chars` (`/[.,;]$/` by a character test). */
function endsWithOneOf(t: string, chars: string): boolean {
  return t.length > 0 && chars.indexOf(t[t.length - 1]) >= 0;
}

/**
 * Whether `s` ends with white space and a capitalised word of 3-25 letters, apostrophes and hyphens, or two capitals:
 * how both GLUED_SIGNATURE and NAME_AFTER_SITE end (`\s+([A-Z][A-Za-z'-]{2,24})$`). Tested from the end first: the patterns
 * would scan the whole line, often a whole paragraph, for every cable.
 */
export function endsWithName(s: string): boolean {
  let k = s.length;
  while (k > 0 && s.length - k <= 25 && isNameChar(s.charCodeAt(k - 1))) k--;
  const n = s.length - k;
  return (n >= 3 || (n === 2 && isUpper(s.charCodeAt(k + 1)))) && n <= 25 && k > 0 && isUpper(s.charCodeAt(k)) && isTrimSpace(s.charCodeAt(k - 1));
}

/** `[A-Za-z'-]`. */
function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 45;
}

/** `ZAJAC##` -> `ZAJAC` (a loop: `/#+$/` retries from every `#` of a long run). */
function withoutEndMarks(t: string): string {
  let end = t.length;
  while (end > 0 && t.charCodeAt(end - 1) === 35) end--;
  return end === t.length ? t : t.slice(0, end);
}

/** One surname alone on its line (`CLUNE`, `Randt`, `McGEE`). */
const LONE_NAME = /^[A-Z][A-Za-z'-]{1,24}$/;

/**
 * Index of line `at` when it is a surname standing alone after a finished sentence or a blank line, and so the
 * signature above a last line that is no name; else -1. A list's last entry (`Notetaker` / `Interpreter`) follows no
 * sentence end.
 */
function nameAboveDebris(lines: Line[], at: number): number {
  const name = withoutEndMarks(lines[at].text.trim());
  if (!LONE_NAME.test(name) || GLUED_NOT_NAME.test(name) || lookupCaveat(name) !== null) return -1;
  const above = at > 0 ? lines[at - 1] : null;
  if (!above || isBlank(above)) return at;
  const t = withoutEndMarks(above.text.trimEnd());
  return /[.!?"')\]]$/.test(t) || ENDS_WITH_CLOSER.test(t) || SITE_NOTICE.test(t) ? at : -1;
}

/** A short all-caps line that ends no sentence or clause: a heading's second line. */
function isCapsLine(t: string): boolean {
  return t.length <= 90 && /[A-Z]{2}/.test(t) && !/[a-z]/.test(t) && !endsWithOneOf(t, '.,;');
}

/** A line of dashes alone; the pattern runs only when the first character after the indent can start one, and the last is `-`. */
function isUnderline(line: Line): boolean {
  const c = line.text.charCodeAt(line.indent);
  return (c === 45 || c >= 128) && line.text.charCodeAt(line.text.length - 1) === 45 && UNDERLINE.test(line.text.trim());
}

function continuation(line: Line, m: RegExpExecArray, end = line.text.length): Continuation {
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

/** How much of a paragraph's first line preview reads. */
const PREVIEW_READ = 80;
/** What preview folds: it is tested first, since the replace costs more and most first lines have none. */
const PREVIEW_FOLD = /\s{2}|\t/;

/** The first words of a paragraph, cut at a word boundary, for outline labels. */
export function preview(text: string, max = 60): string {
  let t = text.slice(0, max + 20);
  t = PREVIEW_FOLD.test(t) ? t.replace(/\s{2,}|\t/g, ' ').trim() : t.trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max);
  return `${t.slice(0, cut > 20 ? cut : max)}...`;
}

/**
 * The preview of a paragraph that goes on past its first line: `...` after a first line cut mid-sentence (`Sarkozy
 * repeated his...`), so the outline does not read as the whole paragraph; none after a finished sentence or a colon.
 */
function goesOn(preview: string): string {
  if (!preview || preview.endsWith('...')) return preview;
  let end = preview.length;
  let c = preview.charCodeAt(end - 1);
  if ((c === 34 || c === 39 || c === 41 || c === 0x2019 || c === 0x201d) && end > 1) c = preview.charCodeAt(end - 2);
  if (c === 46 || c === 63 || c === 33 || c === 58) return preview;
  while (end > 0 && (preview.charCodeAt(end - 1) === 44 || preview.charCodeAt(end - 1) === 59 || preview.charCodeAt(end - 1) === 45 || preview.charCodeAt(end - 1) === 32)) end--;
  return end > 0 ? `${preview.slice(0, end)}...` : preview;
}

/** Runs of five or more X: redaction placeholders. */
export function findRedactions(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  // Search this cable's text only: a search that runs on into the next cables would be quadratic in a dump.
  const part = text.slice(from, to);
  let i = part.indexOf('XXXXX');
  while (i >= 0) {
    let j = i;
    while (j < part.length && part.charCodeAt(j) === 88) j++;
    out.push({ start: from + i, end: from + j });
    i = part.indexOf('XXXXX', j);
  }
  return out;
}
