/**
 * Which body lines may hold an inline block marker (blocks.ts INLINE_EVENT: `(NOTE:`, `[Note:`, `BEGIN TEXT`, `END SUMMARY`,
 * `UNQUOTE`), found by searches over the whole body instead of the pattern on every line. A hint may be wrong only
 * one way: a line it clears must not hold a marker; a line it points at is read by the pattern, which decides.
 */
import { hasWordAt } from './caseless';
import type { Line } from './lines';

/*
 * The white space in the hints is INLINE_EVENT's `\s` as it sees a line: `\s` without line breaks (a hint stays on one
 * line) plus the characters the line layer folds to a space (the hints read the unfolded text). It is never a letter,
 * so the hints are linear.
 */
/** Every INLINE_EVENT `END` match is one of these (any case), `End introduction and summary.` too. */
const END_HINT =
  /end[\t\u000b\u000c \u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\u0000-\u0008\u000e-\u001f]+(?:(?:introduction|background|overview)[\t\u000b\u000c \u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\u0000-\u0008\u000e-\u001f]*(?:and|&|\/)[\t\u000b\u000c \u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\u0000-\u0008\u000e-\u001f]*)?(?:summary|comment|note|text|quote)/gi;

/** The hints' white space (see above): END_HINT's class, and what a `BEGIN` opener may have before its word. */
function isHintSpace(c: number): boolean {
  if (c <= 32) return c !== 10 && c !== 13;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `su`, `co`, `no`, `em` after the `(` or `[` at `at` (any case): where every `(SUMMARY:`, `(COMMENT:`, `[NOTE:`,
 * `(EMBASSY COMMENT:` starts.
 */
function isParenOpener(s: string, at: number): boolean {
  const a = s.charCodeAt(at + 1) | 32;
  const b = s.charCodeAt(at + 2) | 32;
  return (b === 117 && a === 115) || (b === 111 && (a === 99 || a === 110)) || (b === 109 && a === 101);
}

/** `begin`, white space, then `text`, `quote`, `summary` or `comment` at `at` (any case): every `BEGIN TEXT` opener. */
function isBeginOpener(s: string, at: number): boolean {
  // Most `b`s are followed by another letter than `e`: tested first, without a call.
  if ((s.charCodeAt(at + 1) | 32) !== 101 || !hasWordAt(s, at + 2, 'gin')) return false;
  let i = at + 5;
  if (!isHintSpace(s.charCodeAt(i))) return false;
  while (isHintSpace(s.charCodeAt(i))) i++;
  // The word after, by its first letter.
  switch (s.charCodeAt(i) | 32) {
    case 116:
      return hasWordAt(s, i + 1, 'ext');
    case 113:
      return hasWordAt(s, i + 1, 'uote');
    case 115:
      return hasWordAt(s, i + 1, 'ummary');
    case 99:
      return hasWordAt(s, i + 1, 'omment');
    default:
      return false;
  }
}

/**
 * The hints, for the lines of one body asked about in order: an opener hint for every line, closer hints only where a
 * closer can matter (a block is open, or opens on the line). Openers are found with native single-character searches
 * for `(`, `[`, `b` and `B` (a case-insensitive alternation cannot use one, and is several times slower over a body);
 * closers keep END_HINT, searched only from the lines where a closer can matter, and lines starting with `UNQ` (any
 * case) or a non-ASCII character (white space before `UNQUOTE`) are then candidates too. The searches read the raw
 * document: the characters a line folds (NBSP, controls) are never `(`, `[` or letters, and the hints take them for spaces.
 */
export class EventHints {
  /** The document, for single characters (reading a view's costs more). */
  private readonly text: string;
  /** The body's text (a view of the document, so searches stop at the body's end). */
  private readonly body: string;
  private readonly base: number;
  /** Offsets in the body of the next `(`, `[`, `b` and `B` opener at or after the last line asked about (the body's length: none). */
  private paren = -1;
  private bracket = -1;
  private lowerB = -1;
  private upperB = -1;
  /**
   * Offset in the body of the last character of the next END_HINT match, searched from the first line that asks (the
   * body's length: none). Small integers, never Infinity: a field that changes representation makes V8 re-optimise.
   */
  private closer = -1;
  private closerFrom = 0;

  constructor(text: string, start: number, end: number) {
    this.text = text;
    this.body = text.slice(start, end);
    this.base = start;
  }

  /**
   * Where in `line.text` INLINE_EVENT must start to find every marker that matters there, or -1 when none can;
   * `closersMatter` says whether an END there could close a block. When it cannot, only openers matter, and the scan
   * starts at the first: no match of the pattern holds a `(`, a `[` or a `b` past its first character, so none that starts
   * before an opener runs into it, and the scan from there finds the same matches after it.
   */
  inlineFrom(line: Line, closersMatter: boolean): number {
    const from = line.start - this.base;
    const to = from + line.text.length;
    // An opener lies on one line, so its first character says which line holds it.
    if (this.paren < from) this.paren = this.nextParenOpener('(', from);
    if (this.bracket < from) this.bracket = this.nextParenOpener('[', from);
    if (this.lowerB < from) this.lowerB = this.nextBeginOpener('b', from);
    if (this.upperB < from) this.upperB = this.nextBeginOpener('B', from);
    const opener = Math.min(this.paren, this.bracket, this.lowerB, this.upperB);
    if (!closersMatter) return opener < to ? opener - from : -1;
    if (opener < to) return 0;
    // `UNQUOTE` at the start (any case), or white space that `\s` matches before it. Read from the document: folding
    // makes spaces only, and what follows a line's text (white space, a line break, or the rest of a line cut at
    // MATCH_PREFIX) can only widen the hint.
    const text = this.text;
    const at = line.start + line.indent;
    const c = text.charCodeAt(at);
    if (c >= 128 || ((c | 32) === 117 && (text.charCodeAt(at + 1) | 32) === 110 && (text.charCodeAt(at + 2) | 32) === 113)) return 0;
    if (this.closer < from) {
      // Closers before this line cannot matter any more: the search starts here.
      END_HINT.lastIndex = Math.max(this.closerFrom, from);
      if (END_HINT.test(this.body)) {
        this.closer = END_HINT.lastIndex - 1;
        this.closerFrom = END_HINT.lastIndex;
      } else {
        this.closer = this.body.length;
      }
    }
    return this.closer < to ? 0 : -1;
  }

  // Two searches rather than one taking the test as an argument: a call site that sees both tests is slower. The
  // searches run in the body (they stop at its end); the tests read the document (a view's characters cost more).
  /** The offset of the next `(` opener (or `[` opener: `p`) at or after `from`, or the body's length. */
  private nextParenOpener(p: string, from: number): number {
    const body = this.body;
    for (let i = body.indexOf(p, from); i >= 0; i = body.indexOf(p, i + 1)) if (isParenOpener(this.text, this.base + i)) return i;
    return body.length;
  }

  /** The offset of the next `BEGIN` opener starting with `b` (`b` or `B`) at or after `from`, or the body's length. */
  private nextBeginOpener(b: string, from: number): number {
    const body = this.body;
    for (let i = body.indexOf(b, from); i >= 0; i = body.indexOf(b, i + 1)) if (isBeginOpener(this.text, this.base + i)) return i;
    return body.length;
  }
}
