/**
 * Runs every feature of the language service on one text and checks what every editor relies on: nothing throws,
 * every range lies inside the document, the outline nests, selection chains grow, hovers cover their position,
 * quick fixes touch only what they claim. Returns the results (as plain JSON) so callers can compare two runs.
 *
 * Lines are computed here independently of the parser (LSP line breaks: CRLF, CR, LF), so a position the service
 * computes wrongly cannot be checked against the same mistake.
 */
import type { CodeAction, Diagnostic, DocumentSymbol, Position, Range, SelectionRange, TextEdit } from 'vscode-languageserver-types';
import { RULE_CATALOG, runRules } from '../../../server/src/rules/index';
import { createCableLanguageService, type CableLanguageService, type ServiceDocument } from '../../../server/src/service/index';

export const FIX_ALL = 'source.fixAll.cable';

/** A service wired to the real rules and an in-memory `.cablelintrc.json` host (so "disable" actions are built). */
export function fullService(): CableLanguageService {
  return createCableLanguageService({
    linter: { run: runRules, catalog: RULE_CATALOG },
    files: { readFile: () => undefined },
  });
}

export function docOf(text: string, uri = 'file:///robust/cable.txt', version = 1): ServiceDocument {
  return { uri, version, getText: () => text };
}

export class LineMap {
  /** Start offset of each line. */
  readonly starts: number[] = [0];
  /** Length of each line's content (without its line break). */
  readonly lengths: number[] = [];

  constructor(readonly text: string) {
    let lineStart = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        this.lengths.push(i - lineStart);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        lineStart = i + 1;
        this.starts.push(lineStart);
      }
    }
    this.lengths.push(text.length - lineStart);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  inside(p: Position): boolean {
    return Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < this.lineCount && p.character >= 0 && p.character <= this.lengths[p.line];
  }

  offset(p: Position): number {
    return this.starts[p.line] + p.character;
  }

  /** A position inside the document, or a message saying what is wrong with it. */
  check(p: Position | undefined, what: string): string | null {
    if (!p || typeof p !== 'object') return `${what}: not a position (${JSON.stringify(p)})`;
    if (!this.inside(p)) return `${what}: ${p.line}:${p.character} is outside the document (${this.lineCount} lines${p.line >= 0 && p.line < this.lineCount ? `, line length ${this.lengths[p.line]}` : ''})`;
    return null;
  }

  checkRange(r: Range | undefined, what: string): string | null {
    if (!r || typeof r !== 'object') return `${what}: not a range`;
    const e = this.check(r.start, `${what}.start`) ?? this.check(r.end, `${what}.end`);
    if (e) return e;
    if (before(r.end, r.start)) return `${what}: end ${r.end.line}:${r.end.character} before start ${r.start.line}:${r.start.character}`;
    return null;
  }
}

export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export function within(inner: Range, outer: Range): boolean {
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

function containsPos(r: Range, p: Position): boolean {
  return !before(p, r.start) && !before(r.end, p);
}

/** The edits a code action makes to `uri` (changes or versioned document changes). */
export function editsFor(action: CodeAction, uri: string): TextEdit[] | null {
  const e = action.edit;
  if (!e) return null;
  const out: TextEdit[] = [];
  if (e.changes?.[uri]) out.push(...e.changes[uri]);
  for (const c of e.documentChanges ?? []) if ('textDocument' in c && c.textDocument.uri === uri) out.push(...(c.edits as TextEdit[]));
  return out;
}

/** Applies LSP edits by offsets of `map` (edits must not overlap: checked by the caller). */
export function applyLspEdits(map: LineMap, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => map.offset(b.range.start) - map.offset(a.range.start));
  let out = map.text;
  for (const e of sorted) out = out.slice(0, map.offset(e.range.start)) + e.newText + out.slice(map.offset(e.range.end));
  return out;
}

export interface FeatureRun {
  /** Everything the features answered, for determinism checks. */
  results: unknown;
  /** Broken guarantees, one message each (empty when all hold). */
  violations: string[];
  /** Quick-fix actions seen (for coverage figures). */
  fixes: number;
}

function checkSymbols(map: LineMap, symbols: DocumentSymbol[], parent: Range | null, path: string, out: string[]): void {
  for (const [k, s] of symbols.entries()) {
    const where = `${path}/${k}:${s.name}`;
    if (typeof s.name !== 'string' || s.name.trim() === '') out.push(`symbol ${where}: empty name`);
    const e = map.checkRange(s.range, `symbol ${where} range`) ?? map.checkRange(s.selectionRange, `symbol ${where} selectionRange`);
    if (e) {
      out.push(e);
      continue;
    }
    if (!within(s.selectionRange, s.range)) out.push(`symbol ${where}: selectionRange not inside range`);
    if (parent && !within(s.range, parent)) out.push(`symbol ${where}: not inside its parent`);
    checkSymbols(map, s.children ?? [], s.range, where, out);
  }
}

/** Siblings may come in any order (the outline lists a cable's parts by kind), but never overlap. */
function checkSiblingsDisjoint(map: LineMap, symbols: DocumentSymbol[], path: string, out: string[]): void {
  const valid = symbols.filter((s) => !map.checkRange(s.range, ''));
  const sorted = [...valid].sort((a, b) => map.offset(a.range.start) - map.offset(b.range.start) || map.offset(a.range.end) - map.offset(b.range.end));
  for (let k = 1; k < sorted.length; k++) {
    if (before(sorted[k].range.start, sorted[k - 1].range.end)) out.push(`symbols under ${path || 'the root'}: "${sorted[k].name}" overlaps "${sorted[k - 1].name}"`);
  }
  for (const s of valid) checkSiblingsDisjoint(map, s.children ?? [], `${path}/${s.name}`, out);
}

function checkSelection(map: LineMap, sel: SelectionRange | undefined, p: Position, what: string, out: string[]): void {
  if (!sel) {
    out.push(`${what}: missing`);
    return;
  }
  let cur: SelectionRange | undefined = sel;
  let depth = 0;
  while (cur) {
    const e = map.checkRange(cur.range, `${what}[${depth}]`);
    if (e) return void out.push(e);
    if (!containsPos(cur.range, p)) out.push(`${what}[${depth}]: does not contain ${p.line}:${p.character}`);
    if (cur.parent && !within(cur.range, cur.parent.range)) out.push(`${what}[${depth}]: parent does not contain it`);
    cur = cur.parent;
    if (++depth > 200) return void out.push(`${what}: chain longer than 200`);
  }
}

function checkDiagnostic(map: LineMap, uri: string, d: Diagnostic, k: number, out: string[]): void {
  const e = map.checkRange(d.range, `diagnostic ${k} (${String(d.code)})`);
  if (e) out.push(e);
  if (typeof d.message !== 'string' || !d.message) out.push(`diagnostic ${k}: empty message`);
  for (const [j, r] of (d.relatedInformation ?? []).entries()) {
    if (r.location.uri === uri) {
      const er = map.checkRange(r.location.range, `diagnostic ${k} related ${j}`);
      if (er) out.push(er);
    }
  }
}

/**
 * Checks one code action's edits on this document: inside it, not overlapping, and changing text only inside the
 * range it claims (its diagnostics' ranges; for a fix-all without diagnostics, each edit's own range).
 */
function checkFix(map: LineMap, uri: string, a: CodeAction, version: number, out: string[]): boolean {
  const edits = editsFor(a, uri);
  if (!edits) return false;
  const what = `code action "${a.title}"`;
  for (const c of a.edit?.documentChanges ?? []) {
    if ('textDocument' in c && c.textDocument.uri === uri && c.textDocument.version !== version) out.push(`${what}: edit for version ${c.textDocument.version}, document is ${version}`);
  }
  for (const [j, e] of edits.entries()) {
    const err = map.checkRange(e.range, `${what} edit ${j}`);
    if (err) return void out.push(err), true;
  }
  const sorted = [...edits].sort((x, y) => map.offset(x.range.start) - map.offset(y.range.start));
  for (let j = 1; j < sorted.length; j++) {
    if (map.offset(sorted[j].range.start) < map.offset(sorted[j - 1].range.end)) out.push(`${what}: overlapping edits`);
  }
  const claimed = a.diagnostics && a.diagnostics.length ? a.diagnostics.map((d) => d.range) : edits.map((e) => e.range);
  for (const e of edits) {
    if (!claimed.some((r) => within(e.range, r))) out.push(`${what}: edit ${JSON.stringify(e.range)} is outside the ranges it claims ${JSON.stringify(claimed)}`);
  }
  // The text really changes only inside the edited spans: compare what lies outside them.
  const after = applyLspEdits(map, edits);
  let src = 0;
  let dst = 0;
  for (const e of sorted) {
    const a0 = map.offset(e.range.start);
    const a1 = map.offset(e.range.end);
    if (map.text.slice(src, a0) !== after.slice(dst, dst + (a0 - src))) out.push(`${what}: text outside its edits changed`);
    dst += a0 - src + e.newText.length;
    src = a1;
  }
  if (map.text.slice(src) !== after.slice(dst)) out.push(`${what}: text after its edits changed`);
  return true;
}

export interface RunOptions {
  uri?: string;
  version?: number;
  /** Positions to hover, highlight and select (inside or outside the document). */
  positions?: Position[];
  /** Apply each certain fix and check the fixed text still goes through every feature. */
  applyFixes?: boolean;
}

/** Positions spread over the document: each line start, middle and end, plus `extra`. */
export function spreadPositions(map: LineMap, everyNthLine = 1): Position[] {
  const out: Position[] = [];
  for (let l = 0; l < map.lineCount; l += everyNthLine) {
    const len = map.lengths[l];
    out.push({ line: l, character: 0 }, { line: l, character: len >> 1 }, { line: l, character: len });
  }
  return out;
}

export function runAllFeatures(svc: CableLanguageService, text: string, options: RunOptions = {}): FeatureRun {
  const uri = options.uri ?? 'file:///robust/cable.txt';
  const version = options.version ?? 1;
  const d = docOf(text, uri, version);
  const map = new LineMap(text);
  const v: string[] = [];
  const positions = options.positions ?? spreadPositions(map, Math.max(1, Math.floor(map.lineCount / 40)));

  const symbols = svc.getDocumentSymbols(d);
  checkSymbols(map, symbols, null, '', v);
  checkSiblingsDisjoint(map, symbols, '', v);

  const folding = svc.getFoldingRanges(d, { collapsedText: true });
  for (const [k, f] of folding.entries()) {
    if (!(Number.isInteger(f.startLine) && Number.isInteger(f.endLine) && f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < map.lineCount)) {
      v.push(`folding ${k}: lines ${f.startLine}-${f.endLine} outside 0-${map.lineCount - 1}`);
    }
  }

  const diagnostics = svc.computeDiagnostics(d);
  diagnostics.forEach((x, k) => checkDiagnostic(map, uri, x, k, v));

  const actions = svc.getCodeActions(d, { diagnostics }, { canShowDocument: true, documentChanges: true, disabledSupport: true, disable: { filePath: '/robust/cable.txt', workspaceRoot: '/robust', canCreateFiles: true } });
  const fixAll = svc.getCodeActions(d, { diagnostics: [], only: [FIX_ALL] }, { documentChanges: true });
  let fixes = 0;
  for (const a of [...actions, ...fixAll]) if (checkFix(map, uri, a, version, v)) fixes++;

  const hovers: unknown[] = [];
  const highlights: unknown[] = [];
  for (const p of positions) {
    const h = svc.getHover(d, p);
    hovers.push(h);
    if (h) {
      if (!map.inside(p)) v.push(`hover at ${p.line}:${p.character} outside the document answered`);
      const c = h.contents as { kind?: string; value?: unknown };
      if (c.kind !== 'markdown' || typeof c.value !== 'string' || !c.value) v.push(`hover at ${p.line}:${p.character}: not Markdown content`);
      if (h.range) {
        const e = map.checkRange(h.range, `hover at ${p.line}:${p.character} range`);
        if (e) v.push(e);
        else if (!containsPos(h.range, p)) v.push(`hover at ${p.line}:${p.character}: range ${JSON.stringify(h.range)} does not contain it`);
      }
    }
    const hl = svc.getDocumentHighlights(d, p);
    highlights.push(hl);
    hl.forEach((x, k) => {
      const e = map.checkRange(x.range, `highlight ${k} at ${p.line}:${p.character}`);
      if (e) v.push(e);
    });
  }

  const inside = positions.filter((p) => map.inside(p));
  const selections = svc.getSelectionRanges(d, inside);
  if (selections.length !== inside.length) v.push(`selection ranges: ${selections.length} answers for ${inside.length} positions`);
  else inside.forEach((p, k) => checkSelection(map, selections[k], p, `selection at ${p.line}:${p.character}`, v));
  const outside = positions.filter((p) => !map.inside(p));
  if (outside.length && svc.getSelectionRanges(d, outside).length !== 0) v.push('selection ranges answered for positions outside the document');

  const summaries: unknown[] = [];
  const cables = svc.parse(d).cables.length;
  for (let k = 0; k <= Math.min(cables, 3); k++) {
    const s = svc.getSummary(d, { cableIndex: k });
    summaries.push(s);
    if (k < cables && !s) v.push(`summary of cable ${k}: null`);
    if (k >= cables && s) v.push(`summary of cable ${k} of ${cables}: not null`);
    if (s?.classification && !(s.classification.line >= 0 && s.classification.line < map.lineCount)) v.push(`summary ${k}: classification line ${s.classification.line} outside the document`);
  }

  if (options.applyFixes) {
    // A certain fix applied must leave a document every feature still handles.
    for (const a of actions) {
      const edits = editsFor(a, uri);
      if (!edits?.length || a.kind !== 'quickfix' || !a.isPreferred) continue;
      const fixed = applyLspEdits(map, edits);
      const again = runAllFeatures(svc, fixed, { uri: `${uri}#fixed`, positions: [{ line: 0, character: 0 }] });
      v.push(...again.violations.map((m) => `after "${a.title}": ${m}`));
    }
  }

  return { results: JSON.parse(JSON.stringify({ symbols, folding, diagnostics, actions, fixAll, hovers, highlights, selections, summaries })), violations: v, fixes };
}
