/**
 * Re-parsing after an edit without parsing the whole document again. In a file of many cables only the cables
 * near the edit are parsed; the others are kept (before the edit, the same objects) or copied with their offsets
 * moved by the edit's length change (after it). The result is the parse `parseCables` gives for the new text:
 * tests/parser/incremental.test.ts holds that equal over random edits of real multi-cable files.
 *
 * Why a window is enough: `parseCables` cuts the text into segments in one forward pass whose state is reset at
 * every cut (a metadata header, a new envelope, a glued-on identifier, the line after `NNNN`), and parses each
 * segment from its own lines only. A pass started at a reset point therefore reproduces the full pass from there,
 * for as long as every look-ahead stays inside the window. So the window starts at a reset point at least
 * `MARGIN` lines before the edit, ends well after it, and the cut that closes the window is checked: the window
 * must start a cable exactly where the old parse started the first cable after the edit. From that cable on both
 * passes are in the same state over the same text, so the old cables after it stand, moved. When the check
 * fails (the edit moved a boundary), or the edit is large, the whole text is parsed.
 */
import { lineOf } from './lineIndex';
import { MATCH_PREFIX, normalise } from './lines';
import type { Cable, ParsedDocument } from './model';
import { parseCables } from './index';

/**
 * Lines of context kept on each side of an edit. Segmentation looks a few lines ahead (a raw Cablegate header is
 * five lines, a glued-on identifier checks the next two); this is several times that.
 */
export const MARGIN = 32;

/** Edits that change more than this share of the text are parsed in full: a window would not save anything. */
const LARGE_EDIT = 0.25;

/** Where a cable of the new parse came from. */
export interface CableOrigin {
  /** Index of the cable in the previous parse it is a copy of, or -1 when it was parsed anew. */
  from: number;
  /** How far its offsets moved (0 for cables before the edit). */
  delta: number;
}

export interface Reparse {
  doc: ParsedDocument;
  /** One entry per cable of `doc`. */
  origins: CableOrigin[];
  /** True when the whole text was parsed (no usable previous parse, or the edit could not be localised). */
  full: boolean;
  /** Characters parsed anew (the window, or the whole text). */
  parsedChars: number;
}

/** The parse of `text`, reusing `previous` (the parse of the text before the edit) where the edit allows. */
export function reparseCables(previous: ParsedDocument | null | undefined, text: string): Reparse {
  if (!previous || previous.problems.length > 0 || previous.cables.length === 0) return fullParse(text);
  const old = previous.text;
  if (old === text) {
    return {
      doc: { text, lineStarts: previous.lineStarts, cables: previous.cables, problems: [] },
      origins: previous.cables.map((_, k) => ({ from: k, delta: 0 })),
      full: false,
      parsedChars: 0,
    };
  }
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, prefix);
  const oldEnd = old.length - suffix;
  const newEnd = text.length - suffix;
  if (Math.max(oldEnd, newEnd) - prefix > LARGE_EDIT * text.length) return fullParse(text);
  // The binary check reads the first 8K: an edit there may change its answer.
  if (prefix < BINARY_HEAD && headLooksBinary(text)) return fullParse(text);

  const delta = text.length - old.length;
  const lineStarts = updateLineStarts(previous.lineStarts, text, prefix, oldEnd, newEnd, delta);
  const window = chooseWindow(previous, prefix, oldEnd);
  for (let attempt = 0; attempt < 3; attempt++) {
    const done = tryWindow(previous, text, lineStarts, window, delta);
    if (done) return done;
    // The edit moved the boundary at the window's end: take one more cable and try again.
    if (!extendWindow(previous, window)) break;
  }
  return fullParse(text);
}

function fullParse(text: string): Reparse {
  const doc = parseCables(text);
  return { doc, origins: doc.cables.map(() => ({ from: -1, delta: 0 })), full: true, parsedChars: text.length };
}

// ---------------------------------------------------------------------------------------------- the changed range

const CHUNK = 2048;

/** Length of the common prefix; whole chunks are compared natively first. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= n && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix that does not overlap the first `prefix` characters of either string. */
export function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i + CHUNK <= n && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

const BINARY_HEAD = 8192;

/** The parser's own binary test on the first 8K (a parse of the head reports it as a problem). */
function headLooksBinary(text: string): boolean {
  const head = parseCables(text.slice(0, BINARY_HEAD));
  return head.problems.some((p) => p.code === 'binary-content');
}

/**
 * Line starts of the new text from the old ones: starts before the edit stay, starts after it move by `delta`,
 * and the changed stretch is scanned with the rule of `computeLineStarts` (LF, CR, CRLF). A start at x depends
 * only on the characters at x-1 and x, so starts below `prefix` and above `oldEnd` cannot have changed.
 */
export function updateLineStarts(old: readonly number[], text: string, prefix: number, oldEnd: number, newEnd: number, delta: number): number[] {
  const keep = lineOf(old, Math.max(0, prefix - 1)) + 1;
  const mid: number[] = [];
  for (let i = Math.max(0, prefix - 1); i < newEnd; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (i + 1 <= newEnd) mid.push(i + 1);
  }
  // lineOf gives the last start at or before oldEnd; every start after it moves. One copy, edited in place.
  const tailFrom = lineOf(old, oldEnd) + 1;
  // (A paste of many lines is rebuilt rather than spliced: spread arguments have a limit.)
  if (mid.length >= 10_000) return old.slice(0, keep).concat(mid, old.slice(tailFrom).map((x) => x + delta));
  const out = old.slice();
  out.splice(keep, tailFrom - keep, ...mid);
  if (delta !== 0) for (let k = keep + mid.length; k < out.length; k++) out[k] += delta;
  return out;
}

// ---------------------------------------------------------------------------------------------- the window

interface Window {
  /** Offset where the window starts (same in old and new text: it lies before the edit). */
  start: number;
  /** Old cables [0, keep) precede the window and are kept as they are. */
  keep: number;
  /** Index of the first old cable wholly after the edit, whose start the window must reproduce; -1: none. */
  sync: number;
  /** Old offset where the window ends (a line start), or -1 for the end of the text. */
  oldStop: number;
}

function cableLine(doc: ParsedDocument, k: number): number {
  return lineOf(doc.lineStarts, startOf(doc.cables, k));
}

function chooseWindow(previous: ParsedDocument, prefix: number, oldEnd: number): Window {
  const { cables, lineStarts } = previous;
  const editLine = lineOf(lineStarts, prefix);
  // The last cable that starts at least MARGIN lines before the edit; the window starts at its reset point.
  let j = -1;
  for (let lo = 0, hi = cables.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (cableLine(previous, mid) + MARGIN <= editLine) {
      j = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const start = j < 0 ? 0 : resetPoint(previous, j);
  // The first cable whose first line starts after the changed stretch.
  let sync = -1;
  for (let k = Math.max(0, j); k < cables.length; k++) {
    if (lineStarts[cableLine(previous, k)] > oldEnd) {
      sync = k;
      break;
    }
  }
  const w: Window = { start, keep: Math.max(0, j), sync, oldStop: -1 };
  setStop(previous, w);
  return w;
}

/** The window ends MARGIN lines or more past the start of the cable after `sync`, at a cable's first line. */
function setStop(previous: ParsedDocument, w: Window): void {
  const { cables, lineStarts } = previous;
  w.oldStop = -1;
  if (w.sync < 0 || w.sync + 1 >= cables.length) return;
  const after = cableLine(previous, w.sync + 1);
  for (let m = w.sync + 2; m < cables.length; m++) {
    const line = cableLine(previous, m);
    if (line >= after + MARGIN) {
      w.oldStop = lineStarts[line];
      return;
    }
  }
}

function extendWindow(previous: ParsedDocument, w: Window): boolean {
  if (w.sync < 0 || w.oldStop < 0) return false;
  w.sync++;
  setStop(previous, w);
  return true;
}

/**
 * Where the parser's pass is in its initial state at the start of cable `j`: the line after an `NNNN` when only
 * blank lines lie between, the start of the text when nothing but blank lines precedes the cable, else the
 * cable's first line (then a cut made the segment start there).
 */
function resetPoint(doc: ParsedDocument, j: number): number {
  const { text, lineStarts } = doc;
  const first = cableLine(doc, j);
  for (let line = first - 1; line >= 0; line--) {
    const t = lineText(text, lineStarts, line);
    if (t === '') continue;
    return t.trimStart() === 'NNNN' ? lineStarts[line + 1] : lineStarts[first];
  }
  return 0;
}

/** A line as the parser matches it (normalised prefix); '' for a blank line. */
function lineText(text: string, lineStarts: readonly number[], line: number): string {
  const start = lineStarts[line];
  let end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return normalise(text.slice(start, Math.min(end, start + MATCH_PREFIX))).replace(/^[ \t]+$/, '');
}

function tryWindow(previous: ParsedDocument, text: string, lineStarts: number[], w: Window, delta: number): Reparse | null {
  const stop = w.oldStop < 0 ? text.length : w.oldStop + delta;
  // The window's cables hold slices of the whole text; the caller gives them strings of their own when it keeps
  // them across versions (the service's cache does, workspaceCache.ts).
  const part = parseCables(text.slice(w.start, stop));
  // A window with no cable is fine (the edit emptied it); any other finding is the whole file's to make.
  if (part.problems.some((p) => p.code !== 'no-cable')) return null;
  const fresh = part.cables;
  let take = fresh.length;
  let tailFrom = previous.cables.length;
  if (w.oldStop >= 0) {
    // The window must start a cable where the old parse started cable `sync`; from there on the old parse stands.
    const at = startOf(previous.cables, w.sync) + delta;
    const k = fresh.findIndex((c) => c.start + w.start === at);
    if (k < 0) return null;
    take = k + 1;
    tailFrom = w.sync + 1;
  }
  const entries: (Cable | Pending)[] = [];
  const origins: CableOrigin[] = [];
  for (let k = 0; k < w.keep; k++) {
    entries.push(entryOf(previous.cables, k, 0));
    origins.push({ from: k, delta: 0 });
  }
  for (let k = 0; k < take; k++) {
    entries.push(moved(fresh[k], w.start, entries.length));
    origins.push({ from: -1, delta: 0 });
  }
  for (let k = tailFrom; k < previous.cables.length; k++) {
    entries.push(entryOf(previous.cables, k, delta));
    origins.push({ from: k, delta });
  }
  if (entries.length === 0) return null;
  return { doc: { text, lineStarts, cables: assemble(entries), problems: [] }, origins, full: false, parsedChars: stop - w.start };
}

// ---------------------------------------------------------------------------------------------- cables moved lazily

/**
 * A cable after the edit is moved only when something reads it: a keystroke in a 10 MB file would otherwise copy
 * half of its model. Until then its entry in `cables` is a getter over the old cable and the distance to move it.
 */
class Pending {
  constructor(
    readonly base: Cable,
    readonly delta: number,
  ) {}
}

/** Entries of a `cables` array not yet moved, by index. */
const pendingOf = new WeakMap<readonly Cable[], Map<number, Pending>>();

/** Entry k of `cables`, moved by `delta`, without moving it now (nor reading a pending entry). */
function entryOf(cables: readonly Cable[], k: number, delta: number): Cable | Pending {
  const p = pendingOf.get(cables)?.get(k);
  if (p) return new Pending(p.base, p.delta + delta);
  const c = cables[k];
  return delta === 0 && c.index === k ? c : new Pending(c, delta);
}

/** Start offset of cable k without moving it. */
function startOf(cables: readonly Cable[], k: number): number {
  const p = pendingOf.get(cables)?.get(k);
  return p ? p.base.start + p.delta : cables[k].start;
}

/**
 * Start and end offsets of cable k of any parse, without moving it: a search for the cable under a position reads
 * a dozen cables, and reading a cable after an edit copies it.
 */
export function cableStart(cables: readonly Cable[], k: number): number {
  return startOf(cables, k);
}

export function cableEnd(cables: readonly Cable[], k: number): number {
  const p = pendingOf.get(cables)?.get(k);
  return p ? p.base.end + p.delta : cables[k].end;
}

function assemble(entries: (Cable | Pending)[]): Cable[] {
  const out: Cable[] = new Array(entries.length);
  const pending = new Map<number, Pending>();
  entries.forEach((e, k) => {
    if (!(e instanceof Pending)) {
      out[k] = e;
      return;
    }
    if (e.delta === 0 && e.base.index === k) {
      out[k] = e.base;
      return;
    }
    pending.set(k, e);
    Object.defineProperty(out, k, {
      configurable: true,
      enumerable: true,
      get() {
        const c = moved(e.base, e.delta, k);
        Object.defineProperty(out, k, { value: c, writable: true, configurable: true, enumerable: true });
        pending.delete(k);
        return c;
      },
    });
  });
  if (pending.size > 0) pendingOf.set(out, pending);
  return out;
}

// ---------------------------------------------------------------------------------------------- moving offsets

/**
 * A copy of a cable with every `start`/`end` moved by `delta`. The model keeps offsets in fields of those two
 * names only (model.ts), so the copy is generic and follows the model as it grows.
 */
export function moved(cable: Cable, delta: number, index: number): Cable {
  const copy = delta === 0 ? { ...cable } : (shiftedCopy(cable, delta) as Cable);
  copy.index = index;
  return copy;
}

/** A deep copy of plain data (model nodes, outline nodes, findings) with every `start`/`end` moved by `delta`. */
export function movedBy<T>(value: T, delta: number): T {
  return (typeof value === 'object' && value !== null ? shiftedCopy(value, delta) : value) as T;
}

function shiftedCopy(v: unknown, delta: number): unknown {
  if (Array.isArray(v)) {
    const out = v.slice();
    for (let i = 0; i < out.length; i++) {
      const x = out[i];
      if (typeof x === 'object' && x !== null) out[i] = shiftedCopy(x, delta);
    }
    return out;
  }
  // A spread copy keeps the source's hidden class: the fields stay inside the object. A copy built key by key from
  // `{}` put every field past the fourth in a separate property array, and a cable's 27 fields in a dictionary: a
  // moved cable's top object took 1.6 KB against 0.24 KB for a parsed one.
  const out = { ...(v as Record<string, unknown>) };
  for (const key of Object.keys(out)) {
    const x = out[key];
    if (typeof x === 'number') {
      if (key === 'start' || key === 'end') out[key] = x + delta;
    } else if (typeof x === 'object' && x !== null) out[key] = shiftedCopy(x, delta);
  }
  return out;
}
