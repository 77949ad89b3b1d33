/** The document split into lines, each with a normalised copy used for matching. */
import { computeLineStarts } from './lineIndex';

export interface Line {
  index: number;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character, before the line break. */
  end: number;
  /** NBSP folded to space, control characters to space, trailing white space removed. Same length or shorter. */
  text: string;
  /** Number of leading spaces/tabs in `text`. */
  indent: number;
}

/**
 * Lines longer than this are matched only on their prefix: no cable line is this long, and it keeps every
 * per-line pattern bounded on a 10 MB single-line file.
 */
export const MATCH_PREFIX = 4000;

/**
 * `mayFold` false says the text holds no character that folds (see scanText). Lines are then views of the text,
 * trimmed by offsets, with no copy or replace per line.
 */
export function splitLines(text: string, lineStarts: readonly number[], mayFold = true): Line[] {
  FOLD.lastIndex = 0;
  if (mayFold && FOLD.test(text)) return foldedLines(text, lineStarts);
  const lines: Line[] = new Array(lineStarts.length);
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i];
    const end = lineEnd(text, lineStarts, i);
    let stop = Math.min(end, start + MATCH_PREFIX);
    while (stop > start && isTrailingSpace(text.charCodeAt(stop - 1))) stop--;
    stop = withoutEscapedBreak(text, start, stop);
    let indent = start;
    while (indent < stop && (text.charCodeAt(indent) === 32 || text.charCodeAt(indent) === 9)) indent++;
    lines[i] = { index: i, start, end, text: text.slice(start, stop), indent: indent - start };
  }
  return lines;
}

/**
 * `...EFFORT BY \`, `PP RUEHWEB\`: records of a tab-separated cables dump escape each line break with a backslash.
 * One backslash at the end of a line is that escape, not text (cables have no other use for it): the line ends
 * before it. Two are text.
 */
function withoutEscapedBreak(text: string, start: number, stop: number): number {
  if (stop === start || text.charCodeAt(stop - 1) !== 92) return stop;
  if (stop - 1 > start && text.charCodeAt(stop - 2) === 92) return stop;
  stop--;
  while (stop > start && isTrailingSpace(text.charCodeAt(stop - 1))) stop--;
  return stop;
}

/** Offset just past line `i`'s last character, before its line break. */
function lineEnd(text: string, lineStarts: readonly number[], i: number): number {
  const start = lineStarts[i];
  let end = i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/**
 * The lines of a text that has characters to fold, each folded on its own. Rare in real files; folding the whole
 * text at once instead costs more when the characters are many (a replace with a part per match).
 */
function foldedLines(text: string, lineStarts: readonly number[]): Line[] {
  const lines: Line[] = new Array(lineStarts.length);
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i];
    const end = lineEnd(text, lineStarts, i);
    const raw = text.slice(start, Math.min(end, start + MATCH_PREFIX));
    const normal = normalise(raw.slice(0, withoutEscapedBreak(raw, 0, raw.length)));
    let indent = 0;
    while (indent < normal.length && (normal.charCodeAt(indent) === 32 || normal.charCodeAt(indent) === 9)) indent++;
    lines[i] = { index: i, start, end, text: normal, indent };
  }
  return lines;
}

/** What String.prototype.trimEnd removes (line breaks aside: a line holds none). */
function isTrailingSpace(c: number): boolean {
  if (c === 32 || c === 9) return true;
  if (c < 0xa0) return c === 11 || c === 12;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

// Folding keeps offsets aligned: every replaced character becomes exactly one space.
const FOLD = /[\u00a0\u0000-\u0008\u000b\u000c\u000e-\u001f\ufeff\u2000-\u200b\u3000]/g;

/** A character that FOLD replaces, or U+FFFD (the binary check counts it). */
function isOdd(c: number): boolean {
  if (c < 32) return c !== 9 && c !== 10 && c !== 13;
  return c >= 0xa0 && (c === 0xa0 || c === 0xfeff || c === 0xfffd || c === 0x3000 || (c >= 0x2000 && c <= 0x200b));
}

const CHUNK = 1 << 16;
/** Scratch space for scanText: one chunk of the text as bytes, read four at a time. */
let scratch: { bytes: ByteView; words: Int32Array } | null = null;

/** The part of Node's Buffer used here. */
type ByteView = Uint8Array & { fill(s: string, offset: number, end: number, encoding: 'latin1'): unknown };

export interface TextScan {
  /** As computeLineStarts gives them. */
  lineStarts: number[];
  /** Whether the text holds a character that folding replaces, or U+FFFD (the binary check counts it). */
  odd: boolean;
}

/**
 * Line starts and whether anything needs folding, in one pass. Nearly every file has nothing to fold, and then
 * neither the binary check nor the line layer has work to do; but a regular expression over a whole file to find
 * that out costs about as much as the rest of the line layer. So under Node the text is copied into bytes (Latin-1:
 * one byte per UTF-16 unit, its low byte) a chunk at a time, and four bytes are tested at once for any byte below
 * 0x20 or from 0x80 up. Only those words are read character by character, against the text itself: line breaks are
 * among them (their starts are collected there), and a line break's byte may stand for U+200A, which folds. Every
 * odd character has such a low byte, so none is missed.
 */
export function scanText(text: string): TextScan {
  const Buf = (globalThis as { Buffer?: { from(memory: ArrayBuffer): ByteView } }).Buffer;
  if (!Buf) {
    ODD.lastIndex = 0;
    return { lineStarts: computeLineStarts(text), odd: ODD.test(text) };
  }
  if (!scratch) {
    const memory = new ArrayBuffer(CHUNK);
    scratch = { bytes: Buf.from(memory), words: new Int32Array(memory) };
  }
  const { bytes, words } = scratch;
  const starts = [0];
  for (let base = 0; base < text.length; base += CHUNK) {
    const n = Math.min(CHUNK, text.length - base);
    // Filling n bytes with a string of n characters copies it once.
    bytes.fill(n === text.length ? text : text.slice(base, base + n), 0, n, 'latin1');
    // Pad the last word with spaces.
    for (let k = n; k < CHUNK && (k & 3) !== 0; k++) bytes[k] = 32;
    const count = (n + 3) >> 2;
    for (let w = 0; w < count; w++) {
      const x = words[w];
      // Sets a high bit in some byte when a byte is below 0x20 (the subtraction borrows) or from 0x80 up.
      if (((x - 0x20202020) | x) & 0x80808080) {
        let lf = lineFeedBytes(x);
        if (lf !== 0 && LITTLE_ENDIAN && !hasOddByte(x | (lf >>> 2))) {
          // Line feeds are the word's only low bytes (nearly every such word): each is read, lowest first.
          do {
            const low = lf & -lf;
            const at = base + (w << 2) + ((31 - Math.clz32(low)) >> 3);
            const c = text.charCodeAt(at);
            if (c === 10) starts.push(at + 1);
            else if (isOdd(c)) return { lineStarts: computeLineStarts(text), odd: true };
            lf ^= low;
          } while (lf !== 0);
          continue;
        }
        const end = Math.min(n, (w << 2) + 4);
        for (let k = w << 2; k < end; k++) {
          const b = bytes[k];
          if (b >= 32 && b < 0x80) continue;
          const at = base + k;
          const c = text.charCodeAt(at);
          if (c === 10) starts.push(at + 1);
          // A CR ends a line unless an LF follows (that one does).
          else if (c === 13) {
            if (text.charCodeAt(at + 1) !== 10) starts.push(at + 1);
          } else if (isOdd(c)) return { lineStarts: computeLineStarts(text), odd: true };
        }
      }
    }
  }
  return { lineStarts: starts, odd: false };
}

/** The words are read in the machine's byte order: a byte's place in a word is known on little-endian machines only. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Bit 7 of each byte of `x` that is 0x0A, exactly (no carry crosses bytes), the other bits 0. */
function lineFeedBytes(x: number): number {
  const z = x ^ 0x0a0a0a0a;
  return ~(((z & 0x7f7f7f7f) + 0x7f7f7f7f) | z | 0x7f7f7f7f);
}

/** Whether a byte of `x` is below 0x20 or from 0x80 up (scanText's test: with `x | (lf >>> 2)` line feeds become `*`). */
function hasOddByte(x: number): boolean {
  return (((x - 0x20202020) | x) & 0x80808080) !== 0;
}

/** Whether the text holds a character that folding replaces, or U+FFFD. */
export function hasOddCharacters(text: string): boolean {
  return scanText(text).odd;
}

const ODD = /[\u00a0\u0000-\u0008\u000b\u000c\u000e-\u001f\ufeff\u2000-\u200b\u3000\ufffd]/g;

export function normalise(raw: string): string {
  return raw.replace(FOLD, ' ').trimEnd();
}

export function isBlank(line: Line): boolean {
  return line.indent === line.text.length;
}
