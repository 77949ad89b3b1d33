/** The cable body (§A.7): numbered paragraphs, headings, SUMMARY/COMMENT/NOTE blocks, continuation markers, signature. */
import { lookupCaveat } from '../knowledge/captions';
import { NO_BARE, parseBanner } from './banner';
import { EventHints } from './blockHints';
import {
  type Aside,
  ASIDE_LINES,
  asideLeftOpen,
  type BlockEvent,
  closingParenFrom,
  continueBlock,
  ENDS_WITH_CLOSER,
  ENDS_WITH_END,
  inlineEvents,
  mayOpenAtStart,
  OPEN_AT_START,
  OpenBlocks,
  openerInSentence,
  QUOTE_LINE,
  SPLIT_CLOSER,
  SPLIT_SUMMARY_CLOSER,
  unclosed,
} from './blocks';
import {
  BANNER_START,
  FIRST,
  isWordless,
  NON_ASCII,
  PAGE_START,
  Q,
  SENTENCE_END,
  textCharAt,
  WORD_START,
} from './bodyChars';
import { isAsciiLetter, isDigit, isTrimSpace, isUpper } from './chars';
import {
  closesHeading,
  continuesLetteredList,
  continuesParagraphTitle,
  headingPossible,
  headsParagraph,
  inlineRuleAt,
  isHeading,
  isUnderline,
  LEADS_IN,
  RULE_BEFORE,
  ruledBelowNext,
  titleBetweenParagraphs,
  titleEndingLine,
  UNDERLINE,
} from './headings';
import { sectionHeaderEnd } from './headerLines';
import { isBlank, type Line } from './lines';
import type { Block, BlockKind, Continuation, Heading, Paragraph, PortionMarking, SubPortion, Token } from './model';
import {
  digitAfterParen,
  endsLikeContinuation,
  GluedNumbers,
  isClassificationAlone,
  isClassifiedByParagraph,
  isMarkingAlone,
  LEVEL_INITIALS,
  LOOSE_PARA,
  maySubItem,
  paragraphNumber,
  startsCentury,
  startsWithMark,
  subItemMark,
  wrappedDay,
} from './paragraphNumbers';
import { readPortionMark } from './portionMark';
import { goesOn, preview, PREVIEW_READ } from './preview';
import {
  endsWithName,
  GLUED_NOT_NAME,
  GLUED_SIGNATURE,
  INNER_CAPITAL_NAME,
  isNameTwice,
  LOWER_NAME,
  LOWER_SIGNATURE,
  NAME_AFTER_SITE,
  NAME_SIGNATURE,
  nameAboveDebris,
  partEndName,
  SIGNATURE,
  signedDateAt,
  SITE_NOTICE,
  withoutEndMarks,
} from './signature';
import {
  BARE_BANNER,
  BARE_BANNER_LENGTHS,
  continuation,
  CONTINUATION,
  GLUED_CONTINUATION,
  mayStartPageHeader,
  MINIMIZE_NOTICE,
  MIRROR_FOOTER,
  NO_WORD,
  PAGE_HEADER,
  PaddedSerials,
  PRINT_QUEUE,
  REDACTED_CONTINUATION,
  REDACTION_LINE,
  TRAILER,
} from './strayLines';
import { rest } from './strings';
import { tok } from './tokens';

export interface BodyResult {
  paragraphs: Paragraph[];
  subPortions: SubPortion[];
  headings: Heading[];
  blocks: Block[];
  continuations: Continuation[];
  pageHeaders: Token[];
  trailers: Token[];
  signature: Token | null;
  /** Last offset that belongs to the text proper. */
  end: number;
}

/**
 * `text` is the document the lines were split from: inline block markers are looked for in it with native searches
 * over the whole body at once, and the per-line pattern runs only on the lines those searches point at.
 */
export function parseBody(lines: Line[], from: number, to: number, upperCaseCable: boolean, text: string): BodyResult {
  const r: BodyResult = { paragraphs: [], subPortions: [], headings: [], blocks: [], continuations: [], pageHeaders: [], trailers: [], signature: null, end: 0 };
  const open = new OpenBlocks();
  let lastText = -1; // index of the last non-blank text line seen
  /** The text line before `lastText` (the signature test looks at the last two), or -1. */
  let beforeLastText = -1;
  let prevBlank = true;
  let prevEndsSentence = true;
  /** The last text line opened or closed quoted text (`BEGIN TEXT OF NON-PAPER`, `END TEXT BOX`): a portion may start. */
  let prevQuoteEdge = false;
  /**
   * A page break (page header, continuation marker, page banner) came after a text line that ended mid-sentence:
   * the next line goes on with that sentence, so it is no heading however short (`VIETNAMESE. END SUMMARY.`).
   */
  let runsOn = false;
  /** The last text line ended with `END` while a block was open: the next may finish the closer. */
  let splitEnd = false;
  /**
   * The last text line ended with `END` under a summary's or comment's heading, nothing open: the next may finish its
   * closer, as a closer stands (`End` / `Summary.`, 09TELAVIV1098; `End` / `comment.` under `COMMENT:`, 10RIYADH123),
   * not as a sentence goes on (`THE WORD END` / `SUMMARY STARTS`).
   */
  let splitSummaryEnd = false;
  /** An aside (`(Comment: ...`, `[Note: ...`) whose parenthesis or bracket is still open at the end of its line. */
  let aside: Aside | null = null;
  /** The paragraphs are numbered `1)`, `2)`: the cable's first paragraph was. */
  let parenNumbers = false;
  let quoted = 0;
  /** A summary was opened in this body (so an END SUMMARY with none open is not its unopened end). */
  let summaryOpened = false;
  const comments = new LastCommentStart();
  const hints = new EventHints(text, from < to ? lines[from].start : 0, from < to ? lines[to - 1].end : 0);
  const serials = new PaddedSerials(text, from < to ? lines[from].start : 0, from < to ? lines[to - 1].end : 0);

  const glued = new GluedNumbers(text, from < to ? lines[from].start : 0, from < to ? lines[to - 1].end : 0);
  /** The rest of a line cut before a paragraph number run onto it, to read after the part before. */
  let gluedRest: Line | null = null;

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
  /** The marked sub-item or unnumbered paragraph being read: its end follows its lines up to a blank line. */
  let sub: SubPortion | null = null;
  /** The portion a blank line closed: a page break cutting its sentence may come next, and the text go on in it. */
  let pausedSub: SubPortion | null = null;
  /** The paragraph marks are written in lower case (`1. (c) ...`): so may a sub-item's be. */
  let lowerMarks = false;
  /**
   * The letter of the last line opening with a one-letter label in parentheses that is no mark (`(A)`, `(B)`): a
   * `(C)`, `(S)` or `(U)` opening a line after `(B)`, `(R)`, `(T)` is the list's next item, not a mark.
   */
  let listLetter = 0;
  /**
   * Reads the mark of a sub-item or unnumbered paragraph opening line `i` (not a numbered paragraph's), and opens
   * its portion. A mark with no label only where a portion may start: after a blank line or a finished sentence
   * (`REASONS 1.4 (B) AND` / `(D)`, an acronym wrapped onto the line, are not).
   */
  const readSubPortion = (line: Line, s: string, indent: number, c0: number) => {
    const labelled = subItemMark(s, indent, c0, line.start, upperCaseCable, lowerMarks);
    if (c0 === 40 && s.charCodeAt(indent + 2) === 41 && isAsciiLetter(s.charCodeAt(indent + 1))) {
      const letter = s.charCodeAt(indent + 1) | 32;
      const next = letter === listLetter + 1;
      listLetter = letter;
      // `(C) third item` after `(B) second item`: the list's next letter. (In `(A) (C) ...` the letter is a label.)
      if (next && labelled && labelled.labelEnd === indent) return;
    }
    if (!labelled) return;
    const bare = labelled.labelEnd === indent;
    if (bare && !(prevBlank || prevEndsSentence || prevQuoteEdge || lastText < 0)) return;
    const m = labelled.mark;
    let textAt = m.end - line.start;
    while (textAt < s.length && s.charCodeAt(textAt) === 32) textAt++;
    // `(C) Copyright 2009 Reuters`, `(C) 2009 The Associated Press` under a quoted article: a copyright sign.
    if (m.normalized === 'C' && bare && copyrightAfter(s, textAt, quoted > 0)) return;
    sub = {
      start: line.start + indent,
      end: line.start + s.length,
      label: bare ? null : tok(line, indent, labelled.labelEnd),
      marking: m,
      paragraph: paragraphOpen ? r.paragraphs.length - 1 : -1,
      firstLine: { start: line.start + indent, end: line.start + s.length },
      preview: preview(s.slice(textAt, textAt + PREVIEW_READ)),
      quoted: quoted > 0,
      heading: sectionClosed ? -1 : r.headings.length - 1,
    };
    r.subPortions.push(sub);
  };
  const closeParagraph = (endOffset: number) => {
    const p = r.paragraphs[r.paragraphs.length - 1];
    if (p && paragraphOpen) p.end = Math.max(p.firstLine.end, endOffset);
    paragraphOpen = false;
  };

  for (let i = from; i < to; i++) {
    // A line cut before a paragraph number run onto it (see GluedNumbers) is read again from that number on.
    if (gluedRest !== null && gluedRest.index === lines[i - 1]?.index) {
      i--;
      // The paragraph above ends with the part of the line before the number.
      closeParagraph(lines[i].start + lines[i].text.length);
      lines[i] = gluedRest;
      gluedRest = null;
    }
    const at = lines[i].text.length > lines[i].indent ? glued.within(lines[i].start + lines[i].indent, lines[i].start + lines[i].text.length) : -1;
    if (at >= 0) {
      // (The line may open the paragraph before the glued one: `8. (SBU) ... in Brazil. 9. (SBU) ...`.)
      const own = paragraphNumber(lines[i].text, lines[i].indent);
      const last = own && own.number === lastNumber(r) + 1 ? own.number : lastNumber(r);
      gluedRest = cutBeforeNumber(lines, i, at, last + 1, upperCaseCable);
    }
    const line = lines[i];
    const s = line.text;
    const indent = line.indent;
    const len = s.length - indent; // length of the text after the indent
    if (len === 0) {
      prevBlank = true;
      aside = null;
      if (sub) pausedSub = sub;
      sub = null;
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
      // it, as the line it was (a heading, or the sentence the page break cut). Asked only of lines that start
      // with a letter and have ` 00` near their start (PaddedSerials).
      const glued = !cm && len > 30 && isAsciiLetter(c0) && serials.near(line.start + indent, line.start + s.length) ? GLUED_CONTINUATION.exec(rest(s, indent)) : null;
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
        // The first page of a later section, printed after the section before it in one record: the header it
        // repeats (`ACTION EUR-00`, `INFO ...`, `P 130455Z SEP 02`, `FM ...`, the banner, `FOR EUR, ...`, E.O. to
        // SUBJECT, 02VATICAN4444) is page furniture too, and the text goes on after it.
        const headerEnd = c0 === 80 ? sectionHeaderEnd(lines, i, to) : -1;
        for (; i < headerEnd; ) {
          const l = lines[++i];
          if (!isBlank(l)) r.pageHeaders.push(tok(l, l.indent));
        }
        continue;
      }
    }
    if (
      (len <= 23 && (BARE_BANNER_LENGTHS >> len) & 1 && kind & BANNER_START && BARE_BANNER.test(rest(s, indent))) ||
      // `CONFIDENTIAL     PTQ3119`: the level and print-queue number over a printed section (02VATICAN4444).
      (len <= 40 && isDigit(cLast) && kind & BANNER_START && PRINT_QUEUE.test(rest(s, indent)))
    ) {
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
    /** The line opens a numbered paragraph. */
    let numbered = false;
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
      // A title run onto the end of the paragraph above (`... End summary. State of Play: An Expected Rise, A Long Way
      // to Go` / blank, 10BRASILIA49): a heading of its own over this paragraph, and the paragraph above ends before it.
      // Only on a line of that paragraph's own text (its first line, or one right under its text): a line alone after a
      // blank line (`Talks Resume. Brits Concerned`) may as well be a title of two sentences, or prose.
      const glued =
        prevBlank && paragraphOpen && lastText >= 0 && (beforeLastText === lastText - 1 || r.paragraphs[r.paragraphs.length - 1].firstLine.start === lines[lastText].start + lines[lastText].indent)
          ? titleEndingLine(text, lines[lastText])
          : -1;
      if (glued >= 0) {
        const l = lines[lastText];
        const title = tok(l, glued);
        const cut = l.start + l.text.slice(0, glued).trimEnd().length;
        closeParagraph(cut);
        // (A paragraph written on one line ends there too: its first line is the one cut.)
        const above = r.paragraphs[r.paragraphs.length - 1];
        if (above.firstLine.end > cut) {
          above.firstLine = { start: above.firstLine.start, end: cut };
          above.end = cut;
        }
        r.headings.push({ start: title.start, end: title.end, text: title.text, section: { start: title.start, end: title.end }, underline: null });
        sectionClosed = false;
      } else closeParagraph(lastText >= 0 ? lines[lastText].start + lines[lastText].text.length : line.start);
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
      numbered = true;
      sub = null;
      if (marking) lowerMarks = lowerCaseLevel(marking.raw);
      if (open.size > 0) continueBlock(s, textAt, open, r.paragraphs.length);
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
      // `A. (C) HOW MUCH MONEY DO EXPATS SEND BACK ...?` alone: a marked question of a tasking's responses, a sub-item of
      // its paragraph with the answer under it (09ABUDHABI874), not a title (a ruled one stays a title).
      !(cLast === 63 && maySubItem(c0, s.charCodeAt(indent + 1)) && !(i + 1 < to && isUnderline(lines[i + 1])) && subItemMark(s, indent, c0, line.start, upperCaseCable, lowerMarks) !== null) &&
      // `(SECRET//REL GERMANY)` alone: the classification of the talking points under it (09STATE122950), not a title.
      !(c0 === 40 && cLast === 41 && isMarkingAlone(s, indent, line.start, upperCaseCable)) &&
      // `SECRET//FGI//NOFORN` alone under Classified By and at the end: the cable's classification (09STATE67105).
      !(LEVEL_INITIALS.includes(c0 | 32) && isClassificationAlone(rest(s, indent).trimEnd(), upperCaseCable))
    ) {
      inLeadInList = false;
      const t = rest(s, indent);
      closeParagraph(lastText >= 0 ? lines[lastText].start + lines[lastText].text.length : line.start);
      sub = null;
      const dashes = cLast === 45 ? inlineRuleAt(t) : -1;
      // A title boxed on its own line (`------- Know Thy Enemy -------`): the rule before it is no part of it either;
      // nor when the box closes on the next line (`- - - High-Level Visits, ... Needed in` / `Relationship - - -`).
      const ruleBefore = dashes > 0 ? RULE_BEFORE.exec(t.slice(0, dashes)) : c0 === 45 ? RULE_BEFORE.exec(t) : null;
      const headFrom = indent + (ruleBefore ? ruleBefore[0].length : 0);
      const headText = dashes >= 0 ? tok(line, headFrom, indent + dashes) : tok(line, headFrom);
      const next = lines[i + 1];
      const underline = dashes >= 0
        ? { start: line.start + indent + dashes + 1, end: line.start + s.length }
        : next && isUnderline(next)
          ? { start: next.start + next.indent, end: next.start + next.text.length }
          : null;
      const prev = r.headings[r.headings.length - 1];
      // (Or apart by one blank line when the first ends with a colon, `POTENTIAL COOPERATION:` / blank / `RENEWABLES,
      // INFRASTRUCTURE PROTECTION` / rule, 09ABUDHABI1151: the title goes on.)
      const colonAbove = prev && headingJustEnded === i - 2 && !prev.underline && isBlank(lines[i - 1]) && prev.text.charCodeAt(prev.text.length - 1) === 58;
      if (prev && (headingJustEnded === i - 1 || colonAbove) && (!!prev.underline === !!underline || (!prev.underline && underline))) {
        // A heading written over two lines (`A FIFTY PERCENT CHANCE OF BEING FRANCE'S` / `NEXT PRESIDENT`) is one heading.
        prev.text = `${prev.text} ${headText.text}`;
        prev.end = headText.end;
        prev.section = { start: prev.start, end: line.start + s.length };
        prev.underline = underline ?? prev.underline;
      } else {
        r.headings.push({ start: headText.start, end: headText.end, text: headText.text, section: { start: headText.start, end: line.start + s.length }, underline });
        sectionClosed = false;
      }
      // A marked title (`(C) KEY POINTS`, 10DOHA70) is a portion of its own, under itself as the paragraphs below it
      // are (read once the title is pushed, 09DOHA728: not under the heading above).
      if (maySubItem(c0, s.charCodeAt(indent + 1))) {
        readSubPortion(line, s, indent, c0);
        sub = null;
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
    if (!numbered && maySubItem(c0, s.charCodeAt(indent + 1))) readSubPortion(line, s, indent, c0);
    // A page break cut the portion's sentence (`-- (U) ... You are facing a corrupt` / continuation marker / `and
    // astray enemy ...`, 09RIYADH1667): the text after it is still the portion's.
    if (!numbered && runsOn && pausedSub && (sub as SubPortion | null) === null) sub = pausedSub;
    pausedSub = null;
    // (Set by readSubPortion, which the compiler's narrowing of `sub` does not follow.)
    const reading = sub as SubPortion | null;
    if (reading) reading.end = line.start + s.length;
    // Blocks: openers at the start of the text, inline `(NOTE:` / `BEGIN TEXT`, closers anywhere.
    let events: BlockEvent[] | null = null;
    // `End` / `summary.`: a closer cut by a line break.
    const split = splitEnd ? SPLIT_CLOSER.exec(rest(s, indent)) : splitSummaryEnd ? SPLIT_SUMMARY_CLOSER.exec(rest(s, indent)) : null;
    if (split) events = [{ at: indent, kind: split[1].toUpperCase() as BlockKind, close: true, len: split[0].length }];
    else if ((prevBlank || prevEndsSentence || blockStart !== indent || (len <= 16 && cLast !== 46)) && mayOpenAtStart(blockStart === indent ? c0 : s.charCodeAt(blockStart))) {
      const os = OPEN_AT_START.exec(rest(s, blockStart));
      // `SUMMARY` alone on its line under a title (`(U//FOUO) Assessing ...` / `SUMMARY` / ... / `END SUMMARY`, the paper
      // quoted in 09STATE83026 para 7) opens whatever the line above: a word that a line break left alone in a sentence
      // ends it with its period (`... declined to` / `comment.`), or the sentence goes on below in lower case
      // (`... gave the press a` / `Summary` / `of the talks.`).
      if (os && (prevBlank || prevEndsSentence || blockStart !== indent || (isUpper(c0) && os[0].length >= rest(s, indent).trimEnd().length && !goesOnBelow(text, lines, i, to))))
        (events ??= []).push({ at: blockStart + os.index, kind: (os[1] ?? os[2] ?? os[3] ?? os[4]).toUpperCase() as BlockKind, close: false, len: os[0].length });
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
          // A text quoted inside a quoted text (`BEGIN TEXT OF NON-PAPER` / ... / `BEGIN TEXT BOX` / ... / `END TEXT BOX` /
          // ... / `END TEXT OF NON-PAPER`, 09STATE83026): the outer one waits for its own closer.
          if (prev) {
            if (e.kind === 'TEXT' || e.kind === 'QUOTE') open.shelve(prev);
            else r.blocks.push(unclosed(prev));
          }
          open.set(e.kind, { kind: e.kind, open: tokE, fallbackEnd: line.start + s.length, paragraph: r.paragraphs.length });
          if (e.kind === 'TEXT' || e.kind === 'QUOTE') quoted++;
          // (The summary of a quoted text is not the cable's: the cable's own may still follow.)
          else if (e.kind === 'SUMMARY' && quoted === 0) summaryOpened = true;
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
            } else if (e.kind === 'COMMENT' && open.size === 0 && !sectionClosed) {
              // `COMMENT` / `-------` / `14. (SBU) ... End comment.` (07LAPAZ383), `Comment: Warm and Open Ben Ali`
              // boxed over paragraphs 18-19 (08TUNIS193): the comment's title, set off as a heading, opened it.
              const heading = commentHeading(r, comments);
              if (heading) r.blocks.push({ kind: 'COMMENT', start: heading.start, end: tokE.end, open: { start: heading.start, end: heading.end, text: heading.text }, close: tokE });
            }
            continue;
          }
          open.delete(e.kind);
          r.blocks.push({ kind: e.kind, start: o.open.start, end: tokE.end, open: o.open, close: tokE });
          if (e.kind === 'TEXT' || e.kind === 'QUOTE') {
            quoted = Math.max(0, quoted - 1);
            open.unshelve(e.kind);
          }
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
    prevQuoteEdge = events !== null && events.some((e) => e.kind === 'TEXT' || e.kind === 'QUOTE');
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
    splitSummaryEnd =
      open.size === 0 && (cLast | 32) === 100 && !sectionClosed && ENDS_WITH_END.test(s) && ((!summaryOpened && summaryHeading(r) !== null) || commentHeading(r, comments) !== null);
    runsOn = false;
  }
  for (let k = 0; k < open.size; k++) r.blocks.push(unclosed(open.at(k)));
  for (const o of open.shelved) r.blocks.push(unclosed(o));
  r.blocks.sort((a, b) => a.start - b.start);

  // Signature: the last text line, when it is a short name and not the end of a paragraph sentence; or a name
  // written after the last sentence on the same line (`... notorious activities. FOLEY`).
  const last = lastText >= 0 ? lines[lastText] : null;
  let textEnd = last ? last.start + last.text.length : 0;
  if (last) {
    // `SOBEL 2008-01-08`: the date signed after the name is neither name nor text.
    const lineText = last.text.slice(0, signedDateAt(last.text));
    // `(SECRET//REL Armenia) YOVANOVITCH` (09YEREVAN20): the marking that closes the text above, then the name.
    const nameFrom = last.text.charCodeAt(last.indent) === 40 ? afterClosingMark(lineText, last, upperCaseCable) : last.indent;
    // `ZAJAC##`: the mirror's end-of-text marks after the name.
    const t = withoutEndMarks(lineText.slice(nameFrom).trim());
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
      ((NAME_SIGNATURE.test(t) || LOWER_NAME.test(t) || INNER_CAPITAL_NAME.test(t)) && afterSentence) ||
      isNameTwice(t);
    // `HTS ACTIVIST LIU XIAOBO...`: a title cut short, not a name.
    const marker = /^(?:END|BEGIN)\b|^(?:SUMMARY|COMMENT|NOTE|UNQUOTE|QUOTE)$|\.\.$/i.test(t);
    const lastParagraph = r.paragraphs.length > 0 ? r.paragraphs[r.paragraphs.length - 1] : null;
    const isParagraphStart = lastParagraph !== null && lastParagraph.start === last.start + last.indent;
    if (fits && !marker && t.length <= 40 && !isParagraphStart) {
      // `MINIMIZE CONSIDERED SHANNON`: the notice that the minimize order was weighed, then the name.
      const notice = MINIMIZE_NOTICE.exec(t);
      r.signature = tok(last, nameFrom + (notice ? notice[0].length : 0), nameFrom + name.length);
      if (isHeadingLine) r.headings.pop();
      textEnd = nameFrom > last.indent ? last.start + lineText.slice(0, nameFrom).trimEnd().length : beforeLastText >= 0 ? lines[beforeLastText].start + lines[beforeLastText].text.length : 0;
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
      const glued = endsWithName(lineText) ? (GLUED_SIGNATURE.exec(lineText) ?? NAME_AFTER_SITE.exec(lineText) ?? partEndName(lineText)) : null;
      const at = glued ? glued.index + glued[0].length - glued[1].length : -1;
      // Not the number of the paragraph itself (`3. Koenig`: a sentence ending `paragraph` / `3.` and the name).
      const afterNumber = !isParagraphStart || at > lastParagraph!.numberToken.end - last.start + 1;
      if (glued && afterNumber && !GLUED_NOT_NAME.test(glued[1]) && lookupCaveat(glued[1]) === null) {
        r.signature = tok(last, at, lineText.length);
        let end = at;
        while (end > 0 && last.text.charCodeAt(end - 1) === 32) end--;
        textEnd = last.start + end;
        // A one-line paragraph (mirror pages keep each paragraph on one line) ends before the name.
        if (lastParagraph && lastParagraph.firstLine.end > textEnd) lastParagraph.firstLine = { start: lastParagraph.firstLine.start, end: textEnd };
      }
    }
    const nameAt = r.signature || isParagraphStart || beforeLastText < 0 ? -1 : nameAboveDebris(lines, from, lastText);
    if (nameAt >= 0) {
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
  for (const sp of r.subPortions) {
    // A portion ends where its paragraph does, and before the signature.
    const p = sp.paragraph >= 0 ? r.paragraphs[sp.paragraph] : null;
    const cap = p ? Math.min(p.end, textEnd) : textEnd;
    if (sp.end > cap) sp.end = Math.max(sp.firstLine.end, cap);
    if (sp.end > sp.firstLine.end) sp.preview = goesOn(sp.preview);
  }
  if (r.signature) {
    // An unclosed block stops before the signature.
    const cap = textEnd > 0 ? textEnd : r.signature.start;
    for (const blk of r.blocks) if (!blk.close && blk.end > cap) blk.end = Math.max(blk.open.end, cap);
    // A mark closing the text with the name after it (`(SECRET//REL Armenia) YOVANOVITCH`, 09YEREVAN20) opens no portion.
    const sig = r.signature;
    if (r.subPortions.length && sig.start <= r.subPortions[r.subPortions.length - 1].firstLine.end) {
      r.subPortions = r.subPortions.filter((sp) => sig.start < sp.firstLine.start || sig.start > sp.firstLine.end);
    }
  }
  if (r.subPortions.length && r.blocks.length) nestPortionsInBlocks(r.subPortions, r.blocks, text);
  r.end = last ? last.start + last.text.length : (lines[from]?.start ?? 0);
  // Heading sections run to the next heading or the end of the text. Headings and paragraphs are both in text
  // order, so one walk over the paragraphs serves every heading.
  let j = 0;
  let q = 0;
  const subs = r.subPortions;
  for (let k = 0; k < r.headings.length; k++) {
    const h = r.headings[k];
    const nextStart = k + 1 < r.headings.length ? r.headings[k + 1].start : Infinity;
    let end = h.section.end;
    while (j < r.paragraphs.length && r.paragraphs[j].start <= h.start) j++;
    // (A paragraph after a closer naming the heading is outside its section: see sectionClosed.)
    for (; j < r.paragraphs.length && r.paragraphs[j].start < nextStart; j++) if (r.paragraphs[j].heading === k) end = Math.max(end, r.paragraphs[j].end);
    // So do the marked portions written without a number under it (`B. (U) CABINET` / `1) (C/NF) WHAT ARE ...`).
    while (q < subs.length && subs[q].start <= h.start) q++;
    for (; q < subs.length && subs[q].start < nextStart; q++) if (subs[q].heading === k && subs[q].paragraph < 0) end = Math.max(end, subs[q].end);
    h.section = { start: h.start, end };
  }
  return r;
}

/**
 * What follows a `(C)` at `s[at]` makes it a copyright sign: the word COPYRIGHT, or, in quoted text, a year (an
 * article's `(C) 2009 Reuters`; a paragraph of the cable's own may open on a year, `(C) 2008 set a new record`).
 */
function copyrightAfter(s: string, at: number, quoted: boolean): boolean {
  const c = s.charCodeAt(at) | 32;
  if (c === 99) return /^copyright\b/i.test(s.slice(at, at + 10));
  return quoted && (c === 49 || c === 50) && /^(?:19|20)\d\d\b/.test(s.slice(at, at + 5));
}

/** Whether the level letters of a mark are written in lower case (`(c)`, `( s/nf )`). */
function lowerCaseLevel(raw: string): boolean {
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (isAsciiLetter(c)) return !isUpper(c);
  }
  return false;
}

/**
 * `... for use in Brazil. 9. (SBU) Over the last two years ...` (08BRASILIA1565): when the number at document offset
 * `at` is the next paragraph's (`next`) and a well-formed portion mark follows it, `lines[i]` becomes its text before the
 * number, and the rest of the line (from the number on) is returned to be read next; else null, the line as it was.
 */
function cutBeforeNumber(lines: Line[], i: number, at: number, next: number, upperCaseCable: boolean): Line | null {
  const line = lines[i];
  const from = at - line.start;
  const pm = paragraphNumber(line.text, from);
  if (!pm || pm.number !== next || pm.subLetter) return null;
  let k = from + pm.length;
  while (line.text.charCodeAt(k) === 32) k++;
  const mark = readPortionMark(line.text, k, line.start, upperCaseCable);
  // (A well-formed mark only: inside a line, `9. ( C)` is too little to cut it on.)
  if (!mark || mark.level === null || mark.unknown || mark.malformed) return null;
  const before = line.text.slice(0, from).trimEnd();
  lines[i] = { index: line.index, start: line.start, end: line.start + before.length, text: before, indent: line.indent };
  return { index: line.index, start: line.start, end: line.end, text: line.text, indent: from };
}

function lastNumber(r: BodyResult): number {
  return r.paragraphs.length ? r.paragraphs[r.paragraphs.length - 1].number : 0;
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

/**
 * The last heading, when it titles the comment (`COMMENT`, `Comment: Warm and Open Ben Ali`, `Embassy Comment`) and
 * no comment block opened under it yet: an END COMMENT that closes nothing opened closes the comment it opened.
 */
function commentHeading(r: BodyResult, comments: LastCommentStart): Heading | null {
  const h = r.headings.length > 0 ? r.headings[r.headings.length - 1] : null;
  if (!h || !COMMENT_HEADING.test(h.text)) return null;
  return comments.of(r.blocks) >= h.start ? null : h;
}

/**
 * The latest start of a COMMENT block among the body's blocks, each block read once (blocks are only appended while
 * the body is read): asking every END COMMENT to search all blocks would be quadratic in a body of many.
 */
class LastCommentStart {
  private read = 0;
  private start = -1;

  of(blocks: readonly Block[]): number {
    for (; this.read < blocks.length; this.read++) if (blocks[this.read].kind === 'COMMENT') this.start = Math.max(this.start, blocks[this.read].start);
    return this.start;
  }
}

/** A title that starts with the word COMMENT (or whose comment it is), after a portion mark if any. */
const COMMENT_HEADING = /^(?:\([A-Z/ ]{1,12}\)\s*)?(?:(?:EMBASSY|POST|MISSION)\s+)?COMMENTS?\b/i;

/**
 * Where the name starts on last line `line` (text `s`, without a signed date) when the line opens with a classification
 * marking in parentheses and a word follows it (`(SECRET//REL Armenia) YOVANOVITCH`: the marking of the talking points
 * above, closing them); else the line's indent. The signature tests then read the rest as any last line.
 */
function afterClosingMark(s: string, line: Line, upperCaseCable: boolean): number {
  const m = readPortionMark(s, line.indent, line.start, upperCaseCable);
  if (m === null || m.level === null || m.unknown) return line.indent;
  let k = m.end - line.start;
  if (s.charCodeAt(k) !== 32) return line.indent;
  while (s.charCodeAt(k) === 32) k++;
  return k < s.length ? k : line.indent;
}

/** Whether the line after line `i` (before `to`) starts with a lower-case letter: the sentence of line `i` goes on. */
function goesOnBelow(text: string, lines: Line[], i: number, to: number): boolean {
  if (i + 1 >= to) return false;
  const next = lines[i + 1];
  const c = text.charCodeAt(next.start + next.indent);
  return c >= 97 && c <= 122;
}

/** A block opened inside a line's text by `(` or `[` (`(Comment: ...`, `[Note: ...`), not by a line of its own. */
function isAside(b: Block): boolean {
  const c = b.open.text.charCodeAt(0);
  return c === 40 || c === 91;
}

/**
 * A portion runs to a blank line, which a mirror may have lost (09STATE83026: a title, then `SUMMARY` ... `END
 * SUMMARY` with no blank line between): it ends before a block that opens by a line of its own below its first line,
 * and at the end of a block it starts in, so portions and blocks nest. Both lists are in text order (the blocks
 * sorted by start, where each opens); the blocks are visited once per portion they can touch.
 */
function nestPortionsInBlocks(subs: SubPortion[], blocks: Block[], text: string): void {
  const byEnd = blocks.slice().sort((x, y) => x.end - y.end);
  let o = 0;
  let e = 0;
  for (const sp of subs) {
    while (o < blocks.length && blocks[o].open.start <= sp.firstLine.end) o++;
    // An aside in the portion's text (`... deeds of Islam. (Comment: ... End Comment.)`, 09RIYADH1667) is the portion's.
    for (let k = o; k < blocks.length && blocks[k].open.start < sp.end; k++) {
      if (isAside(blocks[k])) continue;
      let at = blocks[k].open.start;
      while (at > sp.firstLine.end && isTrimSpace(text.charCodeAt(at - 1))) at--;
      sp.end = Math.max(sp.firstLine.end, at);
      break;
    }
    while (e < byEnd.length && byEnd[e].end <= sp.start) e++;
    for (let k = e; k < byEnd.length && byEnd[k].end < sp.end; k++) {
      if (byEnd[k].start < sp.start) {
        sp.end = Math.max(sp.firstLine.end, byEnd[k].end);
        break;
      }
    }
  }
}

