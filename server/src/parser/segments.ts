/** Where each cable of a document starts: boundaries found by a first-character scan of the lines. */
import { isDigit } from './chars';
import { nextIsBanner } from './headerLines';
import { type Line, MATCH_PREFIX } from './lines';
import { type MetadataResult, parseMetadata, startsMetadata } from './metadata';
import { BARE_IDENTIFIER, CSV_ROW, csvRowContentAt, DUMP_REFID } from './records';

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
export function segments(text: string, lineStarts: readonly number[], lines: Line[], refids: number[]): Segment[] {
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
