/** The caption block's keyword lines (E.O., TAGS, SUBJECT, REF, Classified By), each gathered across its wrapped lines. */
import {
  continueEo,
  findKeywords,
  isTagsContinuation,
  type KeywordHit,
  makeReferenceItem,
  parseClassifiedBy,
  parseEo,
  parseTags,
  scanTags,
  splitReferenceItems,
} from './captions';
import { isAsciiLetter, isDigit, lengthWithoutTrailing } from './chars';
import { PAGE_HEADER, startsParagraph, subLine } from './headerLines';
import { isBlank, type Line } from './lines';
import type { Cable, ClassifiedBy, Envelope, Mrn, References, Span, Token } from './model';
import { readPortionMark } from './portionMark';

export function firstCaptionStart(cable: Cable): number | null {
  // (No array of the candidates: this runs once per cable.)
  let first = earlier(null, cable.captions[0]?.start);
  first = earlier(first, cable.passingLines[0]?.start);
  first = earlier(first, cable.eo?.start);
  first = earlier(first, cable.tags?.start);
  return earlier(first, cable.subject?.start);
}

/** The smaller of `first` and `x`, where null or undefined is no offset. */
function earlier(first: number | null, x: number | undefined): number | null {
  return typeof x === 'number' && (first === null || x < first) ? x : first;
}

interface Consumed {
  nextLine: number;
  endOffset: number;
  /** The first numbered paragraph glued onto the Classified By text (see gluedParagraphAt): the body starts there. */
  rest: Line | null;
}

/** Joins a keyword element with its continuation lines; returns the text and a mapper back to offsets. */
/** The year a REF item without one is read in: the DTG's, else the metadata's `Created`. */
export function citingYear(cable: Cable, envelope: Envelope | null): number | null {
  return envelope?.dtg?.year ?? (cable.metadata?.createdIso ? +cable.metadata.createdIso.slice(0, 4) : null);
}

/** Reads gathered text as lettered REF items from `letter` on, adds them to `refs`; returns where they end. */
export function addLetteredItems(refs: References, g: ReturnType<typeof gather>, letter: string, year: number | null): number {
  for (const it of splitReferenceItems(g.text, 0, letter)) refs.items.push(makeReferenceItem(g.text, it.from, it.to, it.letter, year, 0, g.map));
  refs.end = g.map(0, g.text.length).end;
  return refs.end;
}

export function gather(
  lines: Line[],
  first: Line,
  from: number,
  to: number,
  b: number,
  maxLines: number,
  continues: (l: Line) => boolean,
  bridge = -1,
): { text: string; map: (a: number, z: number) => Token; lineSpans: Span[]; nextLine: number } {
  const parts: { line: Line; from: number; to: number; textAt: number }[] = [];
  let text = '';
  const add = (line: Line, f: number, t: number) => {
    const seg = line.text.slice(f, t).trimEnd();
    if (text) text += ' ';
    parts.push({ line, from: f, to: f + seg.length, textAt: text.length });
    text += seg;
  };
  add(first, from, to);
  let k = first.index + 1;
  if (to >= first.text.length) {
    while (k < b && parts.length < maxLines) {
      // `bridge`: the line the element goes on at after the blank lines it may cross (see reasonsBelow).
      if (k < bridge && isBlank(lines[k])) {
        k = bridge;
        continue;
      }
      if (isBlank(lines[k]) || !continues(lines[k])) break;
      add(lines[k], lines[k].indent, lines[k].text.length);
      k++;
    }
  }
  const map = (x: number, z: number): Token => {
    const pa = partAt(parts, x);
    const pz = partAt(parts, Math.max(x, z - 1));
    const start = pa.line.start + pa.from + Math.min(x - pa.textAt, pa.to - pa.from);
    const end = pz.line.start + pz.from + Math.min(z - pz.textAt, pz.to - pz.from);
    return { start, end: Math.max(start, end), text: text.slice(x, z) };
  };
  return {
    text,
    map,
    lineSpans: parts.map((p) => ({ start: p.line.start + p.from, end: p.line.start + p.to })),
    nextLine: k,
  };
}

function partAt<T extends { textAt: number }>(parts: T[], x: number): T {
  let p = parts[0];
  for (const q of parts) if (q.textAt <= x) p = q;
  return p;
}

/** A classification line (a page's header or footer, `UNCLASSIFIED` alone): never part of a subject or REF. */
const PAGE_CLASSIFICATION = /^(?:UNCLAS(?:SIFIED)?|C O N|S E C|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\b/;

export const STOP_CONTINUATION = (l: Line) => {
  const t = l.text.slice(l.indent);
  // (A rule of dashes boxes the heading that follows: `Classified By: ...` / `-----` / `POLITICAL VIOLENCE`.)
  return (
    !startsParagraph(t) &&
    findKeywords(l).length === 0 &&
    !PAGE_CLASSIFICATION.test(t) &&
    !DASH_RULE.test(t) &&
    !isPageContinuation(t) &&
    !DERIVED_FROM_AT.test(t) &&
    !SUMMARY_START.test(t)
  );
};

/** `Summary` over its rule, `SUMMARY:`, `BEGIN SUMMARY.`: the body's summary, under a Classified By line with no blank line (10BELGRADE3). */
const SUMMARY_START = /^\(?\s*(?:BEGIN\s+)?SUMMARY\b\s*(?:[:.\-\u2013\u2014]|$)/i;

/**
 * The derivative classifier's line (`DERIVED FROM: DSCG 05-1 B, D`), said where an original classifier says
 * `Classified By:`: no part of the subject or REF above it, and where it is glued onto a REF line
 * (`REF: 10 STATE 9124; STATE 120288 DERIVED FROM: ...`) the REF ends before it.
 */
export const DERIVED_FROM_AT = /^DERIVED\s+FROM\s*:/i;
const DERIVED_FROM_IN = /\sDERIVED\s+FROM\s*:/i;

/**
 * A page's continuation marker alone on its line (`PRETORIA 00000939 001.2 OF 003`; posts run to four words): page
 * furniture, never part of a subject or REF, and no end of the caption block.
 */
const PAGE_CONTINUATION = /^[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3} {1,3}\d{8} {1,3}\d{3}(?:\.\d{1,3})? OF \d{3}$/i;

/** A page's continuation marker at the end of a line: the serial, page and count. */
const CONTINUATION_TAIL = / {1,3}(\d{8}) {1,3}\d{3}(?:\.\d{1,3})? OF \d{3}$/i;

/**
 * The length of `text` without a continuation marker of this cable's own MRN glued onto its end by the mirror
 * (`... TO WASHINGTON BRASILIA 00000351 001.2 OF 003`): the serial and the post must be the banner's.
 */
function withoutGluedContinuation(text: string, mrn: Mrn | null): number {
  if (!mrn || !isDigit(text.charCodeAt(text.length - 1))) return text.length;
  const m = CONTINUATION_TAIL.exec(text);
  if (!m || parseInt(m[1], 10) !== mrn.serialNumber) return text.length;
  const post = ' ' + mrn.post.text.toUpperCase();
  const before = text.slice(0, m.index).toUpperCase();
  if (!before.endsWith(post)) return text.length;
  let keep = m.index - post.length;
  while (keep > 0 && text.charCodeAt(keep - 1) === 32) keep--;
  return keep;
}

/** PAGE_CONTINUATION, tried only on a line that starts with a letter and ends with a digit, as a match must. */
export function isPageContinuation(t: string): boolean {
  return isAsciiLetter(t.charCodeAt(0)) && isDigit(t.charCodeAt(t.length - 1)) && PAGE_CONTINUATION.test(t);
}

/** A line of dashes alone (also spaced or broken by the source). */
const DASH_RULE = /^-[- ]*-$/;

/** `envelope`: the envelope read so far (`cable.envelope` is set only after the header), for the year of REF items. */
export function captionHits(lines: Line[], line: Line, hits: readonly KeywordHit[], b: number, cable: Cable, repeating: boolean, envelope: Envelope | null): Consumed {
  let nextLine = line.index + 1;
  let endOffset = line.start + line.text.length;
  let rest: Line | null = null;
  for (let h = 0; h < hits.length && !rest; h++) {
    const at = hits[h].at;
    // `SUBJECT: SUBJECT: ...`: a doubled label is one label.
    if (h + 1 < hits.length && hits[h + 1].kind === hits[h].kind && !/[^\s:;.]/.test(line.text.slice(at, hits[h + 1].at).replace(/^\S+/, ''))) continue;
    const to = h + 1 < hits.length ? hits[h + 1].at : line.text.length;
    const last = h + 1 === hits.length;
    switch (hits[h].kind) {
      case 'eo':
        if (!cable.eo) {
          cable.eo = parseEo(line, at, to);
          const next = line.index + 1;
          if (last && next < b && !isBlank(lines[next]) && continueEo(cable.eo, lines[next])) {
            nextLine = Math.max(nextLine, next + 1);
            endOffset = Math.max(endOffset, cable.eo.end);
          }
        }
        break;
      case 'tags': {
        const tags = parseTags(line, at, to);
        let k = line.index + 1;
        if (last) {
          const lowerCase = tags.tags.length > 0 && !/[A-Z]/.test(tags.tags[tags.tags.length - 1].text);
          while (k < b && isTagsContinuation(lines[k], lowerCase) && k < line.index + 3) {
            tags.tags.push(...scanTags(lines[k], lines[k].indent, lines[k].text.length));
            tags.end = lines[k].start + lines[k].text.length;
            k++;
          }
          nextLine = Math.max(nextLine, k);
        }
        if (!cable.tags) cable.tags = tags;
        endOffset = Math.max(endOffset, tags.end);
        break;
      }
      case 'subject': {
        const g = gather(lines, line, at, to, b, last ? 6 : 1, STOP_CONTINUATION);
        if (!cable.subject) {
          const lm = /^SUBJ(?:ECT)?\s?[:.;]?\s*/i.exec(g.text)!;
          const label = g.map(0, lengthWithoutTrailing(lm[0], ''));
          let textFrom = lm[0].length;
          // Case is judged once the whole cable is read (see parseCable); here a lower-case mark is not yet malformed.
          const mark = readPortionMark(g.text, textFrom, 0, false);
          let marking = null;
          if (mark) {
            const m = g.map(mark.start, mark.end);
            // (Copied field by field: a spread that overrides fields is slow.)
            marking = {
              start: m.start,
              end: m.end,
              text: mark.text,
              raw: mark.raw,
              normalized: mark.normalized,
              level: mark.level,
              controls: mark.controls,
              dissemination: mark.dissemination,
              malformed: mark.malformed,
              unknown: mark.unknown,
              entireText: mark.entireText,
            };
            textFrom = mark.end;
          }
          const keep = withoutGluedContinuation(g.text, cable.banner?.mrn ?? null);
          const end = g.map(0, keep).end;
          cable.subject = {
            start: label.start,
            end,
            label,
            text: g.text.slice(textFrom, keep).trim(),
            lines: keep === g.text.length ? g.lineSpans : g.lineSpans.filter((l) => l.start < end).map((l) => ({ start: l.start, end: Math.min(l.end, end) })),
            marking,
          };
        }
        nextLine = Math.max(nextLine, g.nextLine);
        endOffset = Math.max(endOffset, g.map(0, g.text.length).end);
        break;
      }
      case 'ref': {
        const g = gather(lines, line, at, to, b, last ? 12 : 1, STOP_CONTINUATION);
        if (!cable.references) {
          const lm = /^(?:REFS?(?:\(S\))?|REFTELS?)[:.]\s*/i.exec(g.text)!;
          const label = g.map(0, lengthWithoutTrailing(lm[0], ':.'));
          const glued = DERIVED_FROM_IN.exec(g.text);
          // `REF: REF (A) MADRID 3785 (B) ...` (05MADRID4026): the label written again before the list opens it.
          const again = REF_AGAIN.exec(g.text.slice(lm[0].length, lm[0].length + 12));
          const from = lm[0].length + (again ? again[0].length : 0);
          const body = g.text.slice(from, glued ? glued.index : g.text.length);
          const year = citingYear(cable, envelope);
          const items = splitReferenceItems(body, from).map((it) => makeReferenceItem(g.text, it.from, it.to, it.letter, year, 0, g.map));
          cable.references = { start: label.start, end: g.map(0, g.text.length).end, label, items: items.filter((x) => x.text) };
        }
        nextLine = Math.max(nextLine, g.nextLine);
        endOffset = Math.max(endOffset, g.map(0, g.text.length).end);
        break;
      }
      case 'classifiedBy': {
        let g = gather(lines, line, at, to, b, last ? 6 : 1, STOP_CONTINUATION);
        const bridge = last ? reasonsBelow(lines, g, b) : -1;
        if (bridge >= 0) g = gather(lines, line, at, to, b, 6, STOP_CONTINUATION, bridge);
        let cb = parseClassifiedBy(g.text, g.map);
        const glued = gluedParagraphAt(g.text, g.map, cb, () => nextTextStartsParagraph(lines, g.nextLine, b));
        if (glued >= 0) {
          // The Classified By text ends before the paragraph; the rest of the line is the body's (later hits on the
          // line lie in the paragraph's text).
          const keep = lengthWithoutTrailing(g.text.slice(0, glued), '');
          cb = parseClassifiedBy(g.text.slice(0, keep), g.map);
          const at = g.map(glued, glued + 1).start;
          let k = line.index;
          while (k + 1 < g.nextLine && lines[k + 1].start <= at) k++;
          rest = subLine(lines[k], at - lines[k].start);
          nextLine = k + 1;
          // (Hits before this one on the line end before it, and take one line each.)
          endOffset = cb.end;
        } else {
          nextLine = Math.max(nextLine, g.nextLine);
          endOffset = Math.max(endOffset, g.map(0, g.text.length).end);
        }
        if (!cable.classifiedBy) cable.classifiedBy = cb;
        break;
      }
    }
  }
  return { nextLine, endOffset, rest };
}

/** Whether the first non-blank line from line `k` opens a numbered paragraph. */
function nextTextStartsParagraph(lines: Line[], k: number, b: number): boolean {
  while (k < b && isBlank(lines[k])) k++;
  return k < b && startsParagraph(lines[k].text.slice(lines[k].indent));
}

/** A paragraph number and a portion mark opening in the middle of text (`... (b), (d) 1. (C/NF) Summary: ...`). */
const GLUED_PARAGRAPH = /\s(?=\d{1,3}\. {0,3}\()/g;

/**
 * Where the cable's first numbered paragraph is glued onto the end of the Classified By text, the line break lost
 * (`CLASSIFIED BY: Gene A. Cretz, Ambassador. REASON: 1.4 (b), (d) 1. (C/NF) Summary: ...`, 09TRIPOLI65, 10VATICAN13):
 * the offset in `text` of the paragraph's number, or -1. Only past the reasons (or the section, when no reason is
 * read), so `1.4 (b), (d)` itself is never a paragraph; only a number followed by a portion mark of a known level.
 * `paragraphBelow`: whether the first line of text below the Classified By text opens a numbered paragraph.
 */
function gluedParagraphAt(text: string, map: (a: number, z: number) => Token, cb: ClassifiedBy, paragraphBelow: () => boolean): number {
  const last = cb.reasons.length ? cb.reasons[cb.reasons.length - 1] : cb.section;
  if (!last) return -1;
  GLUED_PARAGRAPH.lastIndex = 0;
  for (let m = GLUED_PARAGRAPH.exec(text); m; m = GLUED_PARAGRAPH.exec(text)) {
    const n = m.index + 1;
    if (map(n, n + 1).start < last.end) continue;
    const dot = text.indexOf('.', n);
    let from = dot + 1;
    while (text.charCodeAt(from) === 32) from++;
    const mark = readPortionMark(text, from, 0, false);
    if (!mark || mark.unknown || mark.level === null) continue;
    // A number and mark that end the text open the paragraph whose text follows below (`... 1.4 b and d 1.(C)` / blank
    // / `Summary: ...`, 08OSLO522), unless a numbered paragraph follows: then they are a stray copy of its opening
    // (`REASON: 1.4(D) 1. (C)` / blank / `1. (C) During ...`, 10BRASILIA51).
    if (!/\S/.test(text.slice(mark.end, mark.end + 3)) && paragraphBelow()) continue;
    return n;
  }
  return -1;
}

/** A serial alone on its line (`36633`). */
export const SERIAL_ALONE = /^\d{1,7}$/;

/** The REF label again, right before the first item of a lettered list (`REF (A) ...`, `REFTEL A. ...`). */
const REF_AGAIN = /^(?:REFS?|REFTELS?)\s+(?=\(?A[.)]\s)/i;

/** Classified By text that stops at the word `reason(s)`, and the line below a blank line giving them (`1.4(C).`). */
const ENDS_AT_REASON = /\breasons?\s*:?$/i;
const REASON_SECTION_START = /^1 ?\. ?[45]\b/;

/**
 * The line a Classified By element goes on at across blank lines: `Classified By: AMBASSADOR X, FOR REASON` / blank /
 * `1.4(C).`. A page break may fall there too, its header between the blank lines (`... ROSENBLATT, REASONS` / blanks /
 * `PAGE 02 RUEHFRA0170 S E C R E T` / `1.4 (B) AND (D).`, 07PARIS170). Only when the gathered text ends at the word
 * `reason(s)` and the line after the crossing opens with a section; else -1.
 */
function reasonsBelow(lines: Line[], g: { text: string; nextLine: number }, b: number): number {
  let k = g.nextLine;
  if (k + 1 >= b || !isBlank(lines[k]) || !ENDS_AT_REASON.test(g.text)) return -1;
  for (let n = 0; k < b && n < 8 && (isBlank(lines[k]) || PAGE_HEADER.test(lines[k].text.slice(lines[k].indent))); n++) k++;
  if (k >= b) return -1;
  const next = lines[k];
  return REASON_SECTION_START.test(next.text.slice(next.indent)) ? k : -1;
}

/** `1. CONFIDENTIAL - ENTIRE TEXT. CLASSIFIED BY: ...` and other Classified By text inside the first paragraphs. */
export function findClassifiedByInBody(text: string, lines: Line[], cable: Cable, from: number, b: number): void {
  let stop = Math.min(b, from + 12);
  if (cable.paragraphs.length > 1) {
    // Up to the second paragraph, searched from the body start only (never from the top of a multi-cable file).
    stop = b;
    for (let k = from; k < b; k++) {
      if (lines[k].start >= cable.paragraphs[1].start) {
        stop = k;
        break;
      }
    }
  }
  // Further down, a numbered paragraph whose text is the Classified By line (`2. (U) Classified by Acting DAS ...`).
  const numbered = cable.paragraphs.find((p) => p.classifiedBy);
  for (let k = from; k < b; k++) {
    if (k >= stop && !(numbered && lines[k].start <= numbered.start && numbered.start < lines[k].end)) continue;
    const m = /CLASS?I?FIED\s+BY\b/i.exec(lines[k].text);
    if (!m) continue;
    let g = gather(lines, lines[k], m.index, lines[k].text.length, b, 6, STOP_CONTINUATION);
    const bridge = reasonsBelow(lines, g, b);
    if (bridge >= 0) g = gather(lines, lines[k], m.index, lines[k].text.length, b, 6, STOP_CONTINUATION, bridge);
    cable.classifiedBy = parseClassifiedBy(g.text, g.map);
    const p = cable.paragraphs.find((x) => x.start <= lines[k].start + m.index && x.end >= lines[k].start + m.index);
    if (p) p.classifiedBy = true;
    return;
  }
}
