/** One cable: its header read line by line (metadata, envelope, banner, caption block), then its body. */
import { type BannerOptions, NO_BARE, parseBanner } from './banner';
import { parseBody } from './body';
import {
  addLetteredItems,
  captionHits,
  citingYear,
  DERIVED_FROM_AT,
  findClassifiedByInBody,
  firstCaptionStart,
  gather,
  isPageContinuation,
  SERIAL_ALONE,
  STOP_CONTINUATION,
} from './captionBlock';
import {
  addressingTail,
  findKeywords,
  isAddressingLine,
  isKnownCaptionLine,
  isPassingLine,
  letteredItemAt,
  looksLikeCaptionLine,
  opensLetteredItem,
  parseCaptionLine,
  withOwnLetters,
} from './captions';
import { isDigit } from './chars';
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
import {
  bannerExpected,
  BARE_LEVEL,
  captionKeywordFollows,
  DISTRIBUTION,
  emptyEnvelope,
  envelopeTaking,
  envelopeFollows,
  gluedBannerAt,
  gluedDateAt,
  headOf,
  isEnvelopeLine,
  isRepeatedEnvelopeStart,
  keywordLineNext,
  looksLikeAddressee,
  mayBeBareLevel,
  mayBeDistribution,
  PAGE_HEADER,
  previousLineEnd,
  startsParagraph,
  subLine,
  TRAILER,
} from './headerLines';
import { isBlank, type Line } from './lines';
import { type MetadataResult, parseMetadata, startsMetadata } from './metadata';
import type { AddresseeRole, Cable, Envelope } from './model';
import {
  BARE_IDENTIFIER,
  CSV_RECORD_START,
  CSV_ROW,
  csvDumpIn,
  csvRecordEnd,
  csvRowContentAt,
  DECLASSIFICATION_STAMP,
  GLUED_ROW,
  mayBeStamp,
  PARTIAL,
  PARTIAL_START,
  previewRecordAfter,
} from './records';
import { findRedactions } from './redactions';
import { firstCableMention } from './referenceText';
import { tok } from './tokens';

/** `header`: the metadata header the segmenter read at line `a` (see Segment). */
/** `mayHoldDump`: a `refid:` line lies in lines a..b (see segments); without one csvDumpIn finds nothing. */
export function parseCable(
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
    subPortions: [],
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
          const e = envelopeTaking(holder, line);
          e.transmission = { span: { start: tr.span.start, end: tr.span.end }, channel: tr.channel, sequence: tr.sequence };
          inIndicators = true;
          i = lineNo + 1;
          continue;
        }
      }
      if (!holder.env?.de && !holder.env?.prosign) {
        const ps = parseProsignLine(line);
        if (ps) {
          const e = envelopeTaking(holder, line);
          e.prosign = ps.prosign;
          e.routingIndicators.push(...ps.indicators);
          inIndicators = true;
          i = lineNo + 1;
          continue;
        }
      }
      if (inIndicators && !holder.env?.de) {
        const ris = parseIndicatorLine(line);
        if (ris) {
          const e = envelopeTaking(holder, line);
          e.routingIndicators.push(...ris);
          i = lineNo + 1;
          continue;
        }
      }
      const de = !holder.env?.de ? parseDe(line) : null;
      if (de) {
        const e = envelopeTaking(holder, line);
        e.de = de;
        inIndicators = false;
        i = lineNo + 1;
        continue;
      }
      const sec = !holder.env?.security ? parseSecurity(line) : null;
      if (sec) {
        const e = envelopeTaking(holder, line);
        e.security = sec;
        i = lineNo + 1;
        continue;
      }
      const dtg = !holder.env?.dtg ? parseDtg(line) : null;
      if (dtg) {
        const e = envelopeTaking(holder, line);
        e.dtg = dtg;
        inIndicators = false;
        i = lineNo + 1;
        continue;
      }
      const roleLine = parseRoleLine(line);
      if (roleLine && !(roleLine.role === 'from' && holder.env?.from.length)) {
        const e = envelopeTaking(holder, line);
        e.keywords.push(roleLine.keyword);
        role = roleLine.role;
        if (roleLine.addressee) e[roleLine.role].push(roleLine.addressee);
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
          pending = consumed.rest;
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
          pending = consumed.rest;
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
      // The last item's words wrapped after a blank line, a caption keyword line right after them: `(B) MCWHIRTER
      // 12/14/07` / blank / `E-MAIL TO DS COMMAND CENTER` / blank / `Classified By: ...` (07BUENOSAIRES2345). In the
      // caption block such a line, no passing line and no known caption word, goes on with the item above (it was a
      // heading).
      if (
        glued.length === 0 &&
        t.length <= 80 &&
        !startsParagraph(t) &&
        refs.end >= previousLineEnd(lines, lineNo) &&
        keywordLineNext(lines, lineNo, b) &&
        !isPassingLine(t) &&
        !isKnownCaptionLine(t) &&
        !parseCaptionLine(line).some((c) => c.known)
      ) {
        const tail = tok(line, line.indent);
        refs.end = tail.end;
        refs.items[refs.items.length - 1] = { ...lastRef, end: tail.end, text: `${lastRef.text} ${tail.text}` };
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
        // A paragraph glued onto the caption text before it (see gluedParagraphAt): the body reads the line from it.
        if (line.start > lines[lineNo].start) lines[lineNo] = line;
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
      // Text before a keyword on the same line: a passing line (`DEPT FOR WHA/BSC E.O. 12958...`), a mark, or
      // captions with the E.O. line glued onto them (`SIPDIS E.O. 12958: N/A`, 09BRASILIA1540, 10BRASILIA108).
      const prefix = line.text.slice(line.indent, hits[0].at).trim();
      if (prefix && !/^\(?[A-Z]{1,3}\)?$/.test(prefix) && !repeating) {
        if (!cable.subject && isKnownCaptionLine(prefix)) cable.captions.push(...parseCaptionLine({ ...line, text: line.text.slice(0, hits[0].at).trimEnd() }));
        else if (isPassingLine(prefix)) cable.passingLines.push(tok(line, line.indent, hits[0].at));
      }
    }
    const consumed = captionHits(lines, line, hits, b, cable, repeating, holder.env);
    captionEnd = Math.max(captionEnd, consumed.endOffset);
    i = consumed.nextLine;
    pending = consumed.rest;
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
  cable.subPortions = body.subPortions;
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
  // A mark the Classified-By statement read into its own lines (`REASON: 1.4(B), (D)` / `(S//NF) Summary`) opens no portion.
  const cb = cable.classifiedBy;
  if (cb && cable.subPortions.length > 0) cable.subPortions = cable.subPortions.filter((sp) => sp.start < cb.start || sp.start >= cb.end);

  const lastLine = lastNonBlank(lines, a, b);
  cable.end = lastLine ? lastLine.start + lastLine.text.length : cable.start;
  cable.redactions = findRedactions(text, cable.start, cable.end);
  cable.date = holder.env?.dtg?.iso ?? cable.metadata?.createdIso ?? null;
  cable.identifier = cable.metadata?.identifier?.value.text || bareIdentifier || deriveIdentifier(cable);

  const found =
    cable.metadata || holder.env || cable.banner || cable.eo || cable.tags || cable.subject || cable.paragraphs.length > 0;
  return found ? cable : null;
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
