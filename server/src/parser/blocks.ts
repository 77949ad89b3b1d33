/** Summary, comment, note, text and quote blocks: their markers in a line, asides in parentheses, blocks left open. */
import { FIRST, OPEN_START } from './bodyChars';
import { isBlank, type Line } from './lines';
import type { Block, BlockKind, Token } from './model';
import { tok } from './tokens';

/** A line ending with a block closer (`... humanity." END COMMENT`): a finished sentence for the signature test. */
export const ENDS_WITH_CLOSER = /\bEND\s+(?:SUMMARY|COMMENT|NOTE|TEXT|QUOTE)\W*$|\bUNQUOTE\W*$/i;

/**
 * A summary or comment also opens with what it goes with (`Summary and Action Request:`, `SUMMARY & COMMENT:`,
 * `Summary/Introduction.`, `COMMENT AND ACTION REQUEST:`, up to three words) or with two spaces for the colon
 * (`SUMMARY  During ...`); a comment also with whose it is (`Embassy comment:`, `Ambassador's Comment:`); a summary
 * also after the introduction, background or overview it is one with (`Introduction and summary:`, 07ISLAMABAD31,
 * closed by `End introduction and summary.`, INLINE_EVENT).
 */
export const OPEN_AT_START =
  /^\(?\s*(?:BEGIN\s+)?(SUMMARY|COMMENT|NOTE)(?:\s+AND\s+COMMENT)?\s*(?:[:.\-\u2013\u2014]|$)|^\(?\s*(?:BEGIN\s+)?(SUMMARY|COMMENT)(?:\s*(?:AND|&|\/)\s*[A-Z]+(?:\s+[A-Z]+){0,2}\s*[:.\-\u2013\u2014]|\s{2,}(?=[A-Z]))|^\(?\s*(?:EMBASSY|AMBASSADOR['\u2019]S)\s+(COMMENT)\s*[:.\-\u2013\u2014]|^\(?\s*(?:INTRODUCTION|BACKGROUND|OVERVIEW)\s*(?:AND|&|\/)\s*(SUMMARY)\s*[:.\-\u2013\u2014]/i;
/**
 * Inline openers `(NOTE:`, `[Note:`, `(Embassy comment:`, `BEGIN TEXT` and closers `END SUMMARY.)`, `UNQUOTE`, found in
 * one scan of the line.
 */
const INLINE_EVENT = /[([](?:EMBASSY\s+)?(SUMMARY|COMMENT|NOTE)\s*[:.]|\bBEGIN\s+(TEXT|QUOTE|SUMMARY|COMMENT)\b|\bEND\s+(?:(?:INTRODUCTION|BACKGROUND|OVERVIEW)\s*(?:AND|&|\/)\s*(?=SUMMARY))?(SUMMARY|COMMENT|NOTE|TEXT|QUOTE)\b\.?\)?|^\s*(UNQUOTE)\b/gi;
export const QUOTE_LINE = /^QUOTE\s*[:.]?$/i;
/** A line ending with the word `END`, and the rest of that closer at the start of the next line. */
export const ENDS_WITH_END = /(?:^|\s)END$/i;
/** A line that only closes a named part (`End Key Points.`, `End background.`): the words after END. */
export const END_OF_PART = /^END\s+([A-Za-z][A-Za-z ,&/'-]{0,60}?)\s*[.:]?$/i;
export const SPLIT_CLOSER = /^(SUMMARY|COMMENT|NOTE|TEXT|QUOTE)\b\.?\)?/i;
/** SPLIT_CLOSER's SUMMARY ending its sentence or line (`Summary.`, `Summary`): with nothing open, a closer only so. */
export const SPLIT_SUMMARY_CLOSER = /^(SUMMARY)(?:\.\)?|\)|$)/i;

interface OpenBlock {
  kind: BlockKind;
  open: Token;
  /** End of the paragraph (or line) that opened it: where an unclosed block stops. */
  fallbackEnd: number;
  paragraph: number;
}

/** `c`: the first character where an opener may start. */
export function mayOpenAtStart(c: number): boolean {
  return c >= 128 || (FIRST[c] & OPEN_START) !== 0;
}

/** First letters (lower case) of the block markers a heading cannot start with. */
export const MARKER_INITIALS = [101, 98, 115, 99, 110, 113, 117];

export interface BlockEvent {
  at: number;
  kind: BlockKind;
  close: boolean;
  len: number;
}

/** Adds the inline openers and closers of line text `s` from `from` on to `events`. */
export function inlineEvents(s: string, from: number, events: BlockEvent[] | null): BlockEvent[] {
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
export const ASIDE_LINES = 25;

/** An aside left open at the end of its line: its kind, the depth of its parenthesis or bracket, the lines it ran on. */
export interface Aside {
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
export function asideLeftOpen(s: string, events: BlockEvent[], open: OpenBlocks): Aside | null {
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
export function closingParenFrom(s: string, from: number, aside: { opener: number; depth: number }): number {
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
export class OpenBlocks {
  private readonly list: OpenBlock[] = [];
  /** Quoted texts with a quoted text of their kind open inside them, outermost first: open again when it closes. */
  readonly shelved: OpenBlock[] = [];

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

  /** Sets open block `block` aside while one of its kind opened inside it is open (the caller opens that one). */
  shelve(block: OpenBlock): void {
    this.shelved.push(block);
  }

  /** Opens again the last block of kind `kind` set aside, if any: the one inside it has closed. */
  unshelve(kind: BlockKind): void {
    for (let k = this.shelved.length - 1; k >= 0; k--) {
      if (this.shelved[k].kind === kind) {
        this.set(kind, this.shelved[k]);
        this.shelved.splice(k, 1);
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
export function openerInSentence(lines: Line[], i: number, at: number, kind: BlockKind, blocks: Block[]): Token | null {
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

/** `Comment continued:`, `SUMMARY CONT'D:`, `Comment cont.`, `Summary, continued.`: a paragraph going on with a block. */
const CONTINUED_BLOCK = /^(SUMMARY|COMMENT),?\s+CONT(?:INUED|['\u2019]?D|\.)?(?=[\s:.,;)]|$)/i;

/**
 * `10. (C) Comment continued: ...` under an unclosed `9. (C) Comment: ...` (05MADRID1604, 09SANSALVADOR789): the
 * block left open above goes on through paragraph `paragraph`, whose text starts at `s[at]`. Asked of a paragraph's
 * first line while a block is open.
 */
export function continueBlock(s: string, at: number, open: OpenBlocks, paragraph: number): void {
  const c = s.charCodeAt(at) | 32;
  if (c !== 99 && c !== 115) return;
  const m = CONTINUED_BLOCK.exec(s.slice(at, at + 24));
  const o = m ? open.get(m[1].toUpperCase() as BlockKind) : undefined;
  if (o) o.paragraph = paragraph;
}

export function unclosed(o: OpenBlock): Block {
  return { kind: o.kind, start: o.open.start, end: Math.max(o.fallbackEnd, o.open.end), open: o.open, close: null };
}
