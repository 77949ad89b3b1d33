/** The cable body (§A.7): numbered paragraphs, headings, SUMMARY/COMMENT/NOTE blocks, continuation markers, signature. */
import { isBlank, type Line } from './lines';
import type { Block, BlockKind, Continuation, Heading, Paragraph, Span, Token } from './model';
import { readPortionMark } from './portionMark';
import { tok } from './tokens';

/** `3.`, `¶3.`, `2a.`, `1.(C)`: up to three digits; the dot must not start a decimal (`1.4`). */
const PARA = /^(¶ ?)?(\d{1,3})([a-z])?\.(?=\s|\(|$|[A-Z][a-z]|[A-Z]\)|[A-Z] )/;
const CONTINUATION = /^([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,4}) {1,3}(\d{8}) {1,3}(\d{3})(?:\.(\d{1,3}))? OF (\d{3})$/;
const PAGE_HEADER = /^(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|TOP SECRET) {1,4})?PAGE \d{2,3}\b/;
const UNDERLINE = /^-{3,}$/;
const TRAILER = /^(?:BT|NNNN|#\d{4})$/;
const BARE_BANNER = /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE|UNCLAS|C O N F I D E N T I A L|S E C R E T)$/i;
const SIGNATURE = /^[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}$/;
const LOWER_SIGNATURE = /^[a-z][a-z.'-]*(?: [a-z][a-z.'-]*){0,3}$/;
/** `Chicola`, `Randt`: a capitalised surname, believable only after a finished sentence. */
const NAME_SIGNATURE = /^[A-Z][a-z]+(?:[ -][A-Z][a-z.]+){0,2}$/;

const OPEN_AT_START = /^\(?\s*(?:BEGIN\s+)?(SUMMARY|COMMENT|NOTE)(?:\s+AND\s+COMMENT)?\s*(?:[:.\-\u2013\u2014]|$)/i;
/** Inline openers `(NOTE:`, `BEGIN TEXT` and closers `END SUMMARY.)`, `UNQUOTE`, found in one scan of the line. */
const INLINE_EVENT = /\((SUMMARY|COMMENT|NOTE)\s*:|\bBEGIN\s+(TEXT|QUOTE|SUMMARY|COMMENT)\b|\bEND\s+(SUMMARY|COMMENT|NOTE|TEXT|QUOTE)\b\.?\)?|^\s*(UNQUOTE)\b/gi;
const QUOTE_LINE = /^QUOTE\s*[:.]?$/i;

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

export function parseBody(lines: Line[], from: number, to: number, upperCaseCable: boolean): BodyResult {
  const r: BodyResult = { paragraphs: [], headings: [], blocks: [], continuations: [], pageHeaders: [], trailers: [], signature: null, end: 0 };
  const open = new Map<BlockKind, OpenBlock>();
  let lastText = -1; // index of the last non-blank text line seen
  let prevBlank = true;
  let prevEndsSentence = true;
  let quoted = 0;
  const textLines: number[] = [];

  let paragraphOpen = false;
  /** Line index where the last heading (with its underline) ended, for headings written over two lines. */
  let headingJustEnded = -2;
  const closeParagraph = (endOffset: number) => {
    const p = r.paragraphs[r.paragraphs.length - 1];
    if (p && paragraphOpen) p.end = Math.max(p.firstLine.end, endOffset);
    paragraphOpen = false;
  };

  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (isBlank(line)) {
      prevBlank = true;
      continue;
    }
    const t = line.text.slice(line.indent);
    const c0 = t.charCodeAt(0);
    // Dispatch on the first character and length: most body lines are prose and skip every test here.
    if (t.length <= 5 && TRAILER.test(t)) {
      r.trailers.push(tok(line, line.indent));
      prevBlank = true;
      continue;
    }
    if (c0 >= 65 && c0 <= 90) {
      if (t.length <= 60 && isDigit(t.charCodeAt(t.length - 1)) && CONTINUATION.test(t)) {
        r.continuations.push(continuation(line));
        prevBlank = true;
        continue;
      }
      if (t.length <= 120 && PAGE_HEADER.test(t)) {
        r.pageHeaders.push(tok(line, line.indent));
        prevBlank = true;
        continue;
      }
    }
    if (t.length <= 25 && BARE_BANNER.test(t)) {
      // 1970s page banners and end-of-text banner repeats.
      r.pageHeaders.push(tok(line, line.indent));
      prevBlank = true;
      continue;
    }
    let blockStart = line.indent;
    const pm = isDigit(c0) || c0 === 0xb6 ? PARA.exec(t) : null;
    // A number at the start of a wrapped line is a paragraph only after a break, or when it is the next number.
    const lastNumber = r.paragraphs.length ? r.paragraphs[r.paragraphs.length - 1].number : 0;
    if (pm && (prevBlank || prevEndsSentence || lastText < 0 || parseInt(pm[2], 10) === lastNumber + 1)) {
      closeParagraph(lastText >= 0 ? lines[lastText].start + lines[lastText].text.length : line.start);
      let at = line.indent + pm[0].length;
      while (at < line.text.length && line.text.charCodeAt(at) === 32) at++;
      const marking = readPortionMark(line.text, at, line.start, upperCaseCable);
      let textAt = marking ? marking.end - line.start : at;
      while (textAt < line.text.length && line.text.charCodeAt(textAt) === 32) textAt++;
      blockStart = textAt;
      r.paragraphs.push({
        start: line.start + line.indent,
        end: line.start + line.text.length,
        number: parseInt(pm[2], 10),
        numberToken: tok(line, line.indent, line.indent + pm[0].length),
        subLetter: pm[3] ?? null,
        marking,
        firstLine: { start: line.start + line.indent, end: line.start + line.text.length },
        preview: preview(line.text.slice(textAt)),
        quoted: quoted > 0,
        classifiedBy: /^CLASSIFIED\s+BY\b/i.test(line.text.slice(textAt)) || /\bENTIRE TEXT\.?\s+CLASSIFIED\s+BY\b/i.test(line.text),
        heading: r.headings.length - 1,
      });
      paragraphOpen = true;
    } else if (isHeading(lines, i, to, prevBlank, t)) {
      closeParagraph(lastText >= 0 ? lines[lastText].start + lines[lastText].text.length : line.start);
      const dashes = /\s-{3,}$/.exec(t);
      const headText = dashes ? tok(line, line.indent, line.indent + dashes.index) : tok(line, line.indent);
      const next = lines[i + 1];
      const underline = dashes
        ? { start: line.start + line.indent + dashes.index + 1, end: line.start + line.text.length }
        : next && UNDERLINE.test(next.text.trim())
          ? { start: next.start + next.indent, end: next.start + next.text.length }
          : null;
      const prev = r.headings[r.headings.length - 1];
      if (prev && headingJustEnded === i - 1 && !!prev.underline === !!underline) {
        // A heading written over two lines (`A FIFTY PERCENT CHANCE OF BEING FRANCE'S` / `NEXT PRESIDENT`) is one heading.
        prev.text = `${prev.text} ${headText.text}`;
        prev.end = headText.end;
        prev.section = { start: prev.start, end: line.start + line.text.length };
        prev.underline = underline ?? prev.underline;
      } else {
        r.headings.push({ ...headText, section: { start: headText.start, end: line.start + line.text.length }, underline });
      }
      if (underline && !dashes) i++;
      lastText = i;
      headingJustEnded = i;
      prevBlank = true;
      prevEndsSentence = true;
      textLines.push(i);
      continue;
    } else if (UNDERLINE.test(t)) {
      prevBlank = true;
      continue;
    }
    // Blocks: openers at the start of the text, inline `(NOTE:` / `BEGIN TEXT`, closers anywhere.
    const events: { at: number; kind: BlockKind; close: boolean; len: number }[] = [];
    const startText = line.text.slice(blockStart);
    const os = OPEN_AT_START.exec(startText);
    if (os && (prevBlank || prevEndsSentence || blockStart !== line.indent)) {
      events.push({ at: blockStart + os.index, kind: os[1].toUpperCase() as BlockKind, close: false, len: os[0].length });
    }
    if (QUOTE_LINE.test(t)) events.push({ at: line.indent, kind: 'QUOTE', close: false, len: t.length });
    INLINE_EVENT.lastIndex = 0;
    for (let m = INLINE_EVENT.exec(line.text); m; m = INLINE_EVENT.exec(line.text)) {
      if (m[1] || m[2]) {
        const kind = (m[1] ?? m[2]).toUpperCase() as BlockKind;
        const at = m.index;
        if (!events.some((e) => !e.close && e.kind === kind && Math.abs(e.at - at) < 8)) events.push({ at, kind, close: false, len: m[0].length });
      } else {
        const kind = (m[3] ? m[3].toUpperCase() : 'QUOTE') as BlockKind;
        events.push({ at: m.index + (m[0].length - m[0].trimStart().length), kind, close: true, len: m[0].trim().length });
      }
    }
    events.sort((a, b) => a.at - b.at);
    for (const e of events) {
      const tokE = tok(line, e.at, e.at + e.len);
      if (!e.close) {
        const prev = open.get(e.kind);
        if (prev) r.blocks.push(unclosed(prev));
        open.set(e.kind, { kind: e.kind, open: tokE, fallbackEnd: line.start + line.text.length, paragraph: r.paragraphs.length });
        if (e.kind === 'TEXT' || e.kind === 'QUOTE') quoted++;
      } else {
        const o = open.get(e.kind);
        if (!o) continue;
        open.delete(e.kind);
        if (e.kind === 'TEXT' || e.kind === 'QUOTE') quoted = Math.max(0, quoted - 1);
        r.blocks.push({ kind: e.kind, start: o.open.start, end: tokE.end, open: o.open, close: tokE });
      }
    }
    // An open block's fallback end follows its paragraph while that paragraph goes on.
    for (const o of open.values()) if (o.paragraph === r.paragraphs.length) o.fallbackEnd = line.start + line.text.length;
    lastText = i;
    textLines.push(i);
    prevBlank = false;
    prevEndsSentence = /[.:;!?)"'\]]$/.test(t);
  }
  for (const o of open.values()) r.blocks.push(unclosed(o));
  r.blocks.sort((a, b) => a.start - b.start);

  // Signature: the last text line, when it is a short name and not the end of a paragraph sentence.
  const last = textLines.length ? lines[textLines[textLines.length - 1]] : null;
  let textEnd = last;
  if (last) {
    const t = last.text.trim();
    const isHeadingLine = r.headings.length > 0 && r.headings[r.headings.length - 1].start === last.start + last.indent;
    const before = textLines.length > 1 ? lines[textLines[textLines.length - 2]].text.trimEnd() : '';
    const afterSentence = !before || /[.!?"')\]]$/.test(before) || textLines[textLines.length - 2] < textLines[textLines.length - 1] - 1;
    const fits =
      (SIGNATURE.test(t) && t === t.toUpperCase()) ||
      (!upperCaseCable && LOWER_SIGNATURE.test(t)) ||
      (NAME_SIGNATURE.test(t) && afterSentence);
    const marker = /^(?:END|BEGIN)\b|^(?:SUMMARY|COMMENT|NOTE|UNQUOTE|QUOTE)$/i.test(t);
    const isParagraphStart = r.paragraphs.length > 0 && r.paragraphs[r.paragraphs.length - 1].start === last.start + last.indent;
    if (fits && !marker && t.length <= 40 && !isParagraphStart) {
      r.signature = tok(last, last.indent);
      if (isHeadingLine) r.headings.pop();
      textEnd = textLines.length > 1 ? lines[textLines[textLines.length - 2]] : null;
    }
  }
  closeParagraph(textEnd ? textEnd.start + textEnd.text.length : 0);
  if (r.signature) {
    // An unclosed block stops before the signature.
    const cap = textEnd ? textEnd.start + textEnd.text.length : r.signature.start;
    for (const blk of r.blocks) if (!blk.close && blk.end > cap) blk.end = Math.max(blk.open.end, cap);
  }
  r.end = last ? last.start + last.text.length : (lines[from]?.start ?? 0);
  // Heading sections run to the next heading or the end of the text.
  for (let k = 0; k < r.headings.length; k++) {
    const nextStart = k + 1 < r.headings.length ? r.headings[k + 1].start : Infinity;
    let end = r.headings[k].section.end;
    for (const p of r.paragraphs) if (p.start > r.headings[k].start && p.start < nextStart) end = Math.max(end, p.end);
    r.headings[k].section = { start: r.headings[k].start, end };
  }
  return r;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function unclosed(o: OpenBlock): Block {
  return { kind: o.kind, start: o.open.start, end: Math.max(o.fallbackEnd, o.open.end), open: o.open, close: null };
}

/** A short all-caps line standing alone, or any short line underlined with dashes. */
function isHeading(lines: Line[], i: number, to: number, prevBlank: boolean, t: string): boolean {
  if (t.length > 140) return false;
  const next = i + 1 < to ? lines[i + 1] : null;
  const underlined = !!next && next.text.charCodeAt(next.indent) === 45;
  if (!prevBlank && !underlined && t.charCodeAt(t.length - 1) !== 45) return false;
  if (t.length > 90 || !/[A-Za-z]{2}/.test(t)) return false;
  if (next && UNDERLINE.test(next.text.trim()) && !/[.,;]$/.test(t)) return true;
  if (/\S\s-{3,}$/.test(t) && t.length <= 140) return true;
  if (!prevBlank || /[a-z]/.test(t) || /[,;]$/.test(t)) return false;
  if (/^(?:END|BEGIN)\s|^(?:SUMMARY|COMMENT|NOTE|QUOTE|UNQUOTE)\b/i.test(t)) return false;
  if (/^\(?[A-Z]{1,3}\)/.test(t) || /^[-*]/.test(t)) return false;
  return !next || isBlank(next) || (next && UNDERLINE.test(next.text.trim()));
}

function continuation(line: Line): Continuation {
  const t = line.text.slice(line.indent);
  const m = CONTINUATION.exec(t)!;
  const serialAt = line.text.indexOf(m[2], line.indent + m[1].length);
  return {
    ...tok(line, line.indent),
    post: tok(line, line.indent, line.indent + m[1].length),
    serial: tok(line, serialAt, serialAt + 8),
    serialNumber: parseInt(m[2], 10),
    section: parseInt(m[3], 10),
    page: m[4] ? parseInt(m[4], 10) : null,
    total: parseInt(m[5], 10),
  };
}

/** The first words of a paragraph, cut at a word boundary, for outline labels. */
export function preview(text: string, max = 60): string {
  const t = text.slice(0, max + 20).replace(/\s{2,}|\t/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max);
  return `${t.slice(0, cut > 20 ? cut : max)}...`;
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
