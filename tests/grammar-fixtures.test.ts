// Tokenizes every real cable in tests/fixtures/cables through vscode-textmate and checks,
// with simple line tests written independently of the grammar's regexes, that
// - every numbered paragraph's portion marking carries the scope of its level,
// - every token of every TAGS line carries the tag scope,
// - every classification line (banner with MRN) carries the scope of its level,
// and, against the parser (which the outline and diagnostics read), on the hold-out cables too:
// - every classification line the parser finds carries its level's banner scope, and its MRN the MRN scope;
// - every paragraph number the parser reads carries the paragraph-number scope, its well-formed marking its level's;
// - every well-formed capital marking of a sub-item or unnumbered portion the parser reads carries its level's scope.
// Timing is printed, never asserted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IGrammar } from 'vscode-textmate';
import { parseCables } from '../server/src/parser/index';
import type { Level } from '../server/src/parser/model';
import { loadGrammar, rangeHasScope, ROOT, tokenizeText, type TokenizedLine } from './grammar/support';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'cables');
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();
const HOLDOUT = join(ROOT, 'tests', 'fixtures', 'holdout');
const holdoutFiles = readdirSync(HOLDOUT).filter((f) => f.endsWith('.txt')).sort();

const LEVEL_FRAGMENT: Record<string, string> = {
  TS: 'classification.top-secret',
  S: 'classification.secret',
  C: 'classification.confidential',
  SBU: 'classification.unclassified.sbu',
  LOU: 'classification.unclassified.lou',
  FOUO: 'classification.unclassified.fouo',
  U: 'classification.unclassified',
};

// `12. (S//NF) text`, `1.(C)`, `¶3. (SBU)`, `2a. (U)`, `4. (c)`: number, dot, optional
// spaces, then a parenthesis that opens with a level word and closes on the same line.
const NUMBERED_MARK = /^[ \t\u00a0]*(?:¶[ \t\u00a0]?)?\d{1,3}[A-Za-z]?\.[ \t\u00a0]*(\((TS|SBU|LOU|U|C|S)(?=[)/ \t-])[^()\n]*\))/i;

interface Mismatch {
  file: string;
  line: number;
  text: string;
  expected: string;
}

function levelOf(word: string, mark: string): string {
  const level = word.toUpperCase();
  return level === 'U' && /FOUO/i.test(mark) ? 'FOUO' : level;
}

function checkMarks(file: string, lines: TokenizedLine[], out: Mismatch[]): number {
  let checked = 0;
  lines.forEach((line, i) => {
    const m = NUMBERED_MARK.exec(line.text);
    if (!m) return;
    checked++;
    const start = line.text.indexOf(m[1], m[0].length - m[1].length);
    const expected = LEVEL_FRAGMENT[levelOf(m[2], m[1])];
    if (!rangeHasScope(line, start, start + m[1].length, expected)) {
      out.push({ file, line: i + 1, text: line.text.slice(0, 80), expected });
    }
  });
  return checked;
}

const TAG_SHAPE = /^[A-Za-z][A-Za-z0-9-]*$/;
const TAGS_LINE = /^[ \t\u00a0]*(TAGS?|Tags?|tags?)(?:[ \t\u00a0]*[:;])?(?=[ \t\u00a0]|$)/;
const TAGS_AFTER_EO = /^[ \t\u00a0]*E\.?[ \t]?O\.?[ \t]*\d{5}.*?[ \t\u00a0](TAGS?|Tags?|tags?)[ \t\u00a0]*[:;]/;
const TAG_CONTINUATION = /^[ \t\u00a0]*[A-Z][A-Z0-9-]*(?:[ \t\u00a0,]+[A-Z][A-Z0-9-]*)*[ \t\u00a0,]*$/;
const METADATA_TAGS = /^Tags:(?:\u00a0|  )/;
const NOT_A_TAG_LINE = /^[ \t\u00a0]*(?:SUBJ|REF|E\.?O|CLASSIFIED|SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS|UNCLAS|CONFIDENTIAL|SECRET|C O N|S E C)/i;

/** Returns the character range after the TAGS label, or null if the line has none. */
function tagsRange(text: string, previousWasTags: boolean): [number, number] | null {
  let start = -1;
  const direct = TAGS_LINE.exec(text);
  const afterEo = TAGS_AFTER_EO.exec(text);
  if (direct) start = direct[0].length;
  else if (afterEo) start = afterEo[0].length;
  else if (previousWasTags && TAG_CONTINUATION.test(text) && !NOT_A_TAG_LINE.test(text)) start = 0;
  if (start < 0) return null;
  const subject = /[ \t\u00a0]subject[ \t\u00a0]*:/i.exec(text.slice(start));
  return [start, subject ? start + subject.index : text.length];
}

function checkTags(file: string, lines: TokenizedLine[], out: Mismatch[]): number {
  let checked = 0;
  let previousWasTags = false;
  lines.forEach((line, i) => {
    const range = tagsRange(line.text, previousWasTags);
    // Only the TAGS line of the cable text wraps; the mirror's one-line `Tags:` never does.
    previousWasTags = range !== null && !METADATA_TAGS.test(line.text);
    if (!range) return;
    // Person tags `OVIP (CLINTON, HILLARY)` carry their own scope; blank them out.
    const body = line.text.slice(0, range[1]).replace(/\([^()]*\)?/g, (s) => ' '.repeat(s.length));
    const re = /[^ \t\u00a0,]+/g;
    re.lastIndex = range[0];
    for (let m = re.exec(body); m; m = re.exec(body)) {
      if (!TAG_SHAPE.test(m[0])) continue;
      checked++;
      if (!rangeHasScope(line, m.index, m.index + m[0].length, 'tag')) {
        out.push({ file, line: i + 1, text: `${m[0]} in: ${line.text.slice(0, 70)}`, expected: 'support.type.tag' });
      }
    }
  });
  return checked;
}

// A classification line: level (plain or letter-spaced), optional SECTION x OF y, then
// a post name and a 3-7 digit serial.
const BANNER =
  /^[ \t]*(?:This record is a partial extract[^.]*\.[^.]*\.[ \t]*)?(TOP SECRET|T O P S E C R E T|SECRET|S E C R E T|CONFIDENTIAL|C O N F I D E N T I A L|LIMITED OFFICIAL USE|UNCLASSIFIED|UNCLAS)(?:[ \t]+(?:E ?F ?T ?O))?(?:[ \t]+SECTION[ \t]+\d{1,2}[ \t]+OF[ \t]+\d{1,2})?[ \t]+[A-Z][A-Z .'-]*[ \t]+\d{3,7}\b/i;
const BANNER_FRAGMENT: Record<string, string> = {
  'TOP SECRET': 'classification.top-secret',
  SECRET: 'classification.secret',
  CONFIDENTIAL: 'classification.confidential',
  'LIMITED OFFICIAL USE': 'classification.unclassified.lou',
  UNCLASSIFIED: 'classification.unclassified',
  UNCLAS: 'classification.unclassified',
};

function checkBanners(file: string, lines: TokenizedLine[], out: Mismatch[]): number {
  let checked = 0;
  lines.forEach((line, i) => {
    const m = BANNER.exec(line.text);
    if (!m) return;
    const word = m[1].replace(/ /g, '').toUpperCase().replace('TOPSECRET', 'TOP SECRET').replace('LIMITEDOFFICIALUSE', 'LIMITED OFFICIAL USE');
    // Unspaced levels count only in upper or lower case (a sentence may start "Secret ...").
    if (!/ /.test(m[1]) && m[1] !== m[1].toUpperCase() && m[1] !== m[1].toLowerCase()) return;
    checked++;
    const start = line.text.indexOf(m[1]);
    const expected = BANNER_FRAGMENT[word];
    if (!rangeHasScope(line, start, start + m[1].length, expected)) {
      out.push({ file, line: i + 1, text: line.text.slice(0, 80), expected });
    }
  });
  return checked;
}

describe('grammar on every fixture cable', () => {
  let grammar: IGrammar;
  const tokenized = new Map<string, TokenizedLine[]>();
  beforeAll(async () => {
    grammar = await loadGrammar();
  });

  it('tokenizes all fixtures (timing printed, not asserted)', () => {
    expect(files.length).toBeGreaterThan(100);
    let chars = 0;
    let lineCount = 0;
    let worst = { perChar: 0, file: '', line: 0, length: 0 };
    const started = performance.now();
    for (const file of files) {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      const lines = tokenizeText(grammar, text);
      tokenized.set(file, lines);
      chars += text.length;
      lineCount += lines.length;
      // Tokens must tile each line exactly: a sanity check that no rule got stuck.
      for (const line of lines) {
        const last = line.tokens[line.tokens.length - 1];
        expect(line.tokens[0]?.startIndex ?? 0).toBe(0);
        expect(last ? last.endIndex : 0).toBeGreaterThanOrEqual(line.text.length);
      }
    }
    const elapsed = performance.now() - started;
    // Per-line timing on the longest lines, to spot super-linear rules by eye.
    for (const [file, lines] of tokenized) {
      lines.forEach((line, i) => {
        if (line.text.length < 2000) return;
        const t0 = performance.now();
        grammar.tokenizeLine(line.text, null);
        const perChar = (performance.now() - t0) / line.text.length;
        if (perChar > worst.perChar) worst = { perChar, file, line: i + 1, length: line.text.length };
      });
    }
    console.log(
      `[grammar] ${files.length} cables, ${lineCount} lines, ${(chars / 1e6).toFixed(2)} MB tokenized in ` +
        `${elapsed.toFixed(0)} ms (${(chars / elapsed / 1000).toFixed(2)} MB/s); slowest long line ` +
        `${worst.file}:${worst.line} (${worst.length} chars) at ${(worst.perChar * 1000).toFixed(2)} µs/char`,
    );
  }, 600_000);

  it('scopes every numbered paragraph marking by its level', () => {
    const mismatches: Mismatch[] = [];
    let checked = 0;
    for (const [file, lines] of tokenized) checked += checkMarks(file, lines, mismatches);
    console.log(`[grammar] ${checked} numbered-paragraph markings checked`);
    expect(checked).toBeGreaterThan(5000);
    expect(mismatches).toEqual([]);
  });

  it('scopes every TAGS token', () => {
    const mismatches: Mismatch[] = [];
    let checked = 0;
    for (const [file, lines] of tokenized) checked += checkTags(file, lines, mismatches);
    console.log(`[grammar] ${checked} TAGS tokens checked`);
    expect(checked).toBeGreaterThan(5000);
    expect(mismatches).toEqual([]);
  });

  it('scopes every classification line by its level', () => {
    const mismatches: Mismatch[] = [];
    let checked = 0;
    for (const [file, lines] of tokenized) checked += checkBanners(file, lines, mismatches);
    console.log(`[grammar] ${checked} classification lines checked`);
    expect(checked).toBeGreaterThan(800);
    expect(mismatches).toEqual([]);
  });

  it('scopes every classification line, paragraph number and marking the parser finds, corpus and hold-out alike', () => {
    const mismatches: Mismatch[] = [];
    let checked = 0;
    let checkedParagraphs = 0;
    let checkedPortions = 0;
    const check = (file: string, text: string, lines: TokenizedLine[]): void => {
      const doc = parseCables(text);
      const at = (offset: number): [TokenizedLine, number, number] => {
        let line = doc.lineStarts.length - 1;
        while (doc.lineStarts[line] > offset) line--;
        return [lines[line], offset - doc.lineStarts[line], line + 1];
      };
      // Each word of [start, end) (the blanks between `UNCLAS` and `E F T O` belong to no part).
      const want = (start: number, end: number, fragments: string[]): void => {
        const [line, col, lineNo] = at(start);
        for (const word of text.slice(start, end).matchAll(/\S+/g)) {
          const from = col + (word.index ?? 0);
          for (const fragment of fragments) {
            if (!rangeHasScope(line, from, from + word[0].length, fragment)) {
              mismatches.push({ file, line: lineNo, text: `${word[0]} in: ${line.text.slice(0, 90)}`, expected: fragment });
            }
          }
        }
      };
      for (const cable of doc.cables) {
        for (const banner of [cable.banner, ...cable.repeatedBanners]) {
          // A misspelled letter-spaced word (`E C R E T`) has no level: nothing to agree on.
          if (!banner?.level) continue;
          checked++;
          want(banner.designation.start, banner.designation.end, [BANNER_LEVEL[banner.level](banner.controls), 'banner']);
          if (banner.mrn) want(banner.mrn.start, banner.mrn.end, ['mrn']);
        }
        for (const paragraph of cable.paragraphs) {
          const number = /\d+[A-Za-z]?/.exec(paragraph.numberToken.text);
          if (number) {
            checkedParagraphs++;
            const start = paragraph.numberToken.start + number.index;
            want(start, start + number[0].length, ['paragraph-number']);
          }
          // Malformed marks (`C)`, `( C )`, `(Secret/Rel ...)`) and `C - ENTIRE TEXT` statements are left
          // to the diagnostics; every well-formed mark is coloured by its level.
          const mark = paragraph.marking;
          if (!mark?.level || mark.malformed || mark.entireText) continue;
          want(mark.start, mark.end, [PORTION_LEVEL[mark.level](mark.controls), 'portion']);
        }
        // Marked sub-items and unnumbered portions (`-- (S)`, `E) (S//REL TO USA)`, `(S/NF) GOA Response:`) alike, in
        // capitals (a lower-case `(c)` opening a line is a list letter to the grammar).
        for (const sp of cable.subPortions) {
          const mark = sp.marking;
          const level = /^\(?\s*([A-Za-z]+)/.exec(mark.raw);
          if (!mark.level || mark.malformed || mark.entireText || !level || level[1] !== level[1].toUpperCase()) continue;
          checkedPortions++;
          want(mark.start, mark.end, [PORTION_LEVEL[mark.level](mark.controls), 'portion']);
        }
      }
    };
    for (const [file, lines] of tokenized) check(file, readFileSync(join(FIXTURES, file), 'utf8'), lines);
    for (const file of holdoutFiles) {
      const text = readFileSync(join(HOLDOUT, file), 'utf8');
      check(`holdout/${file}`, text, tokenizeText(grammar, text));
    }
    console.log(`[grammar] ${checked} parser classification lines, ${checkedParagraphs} paragraphs and ${checkedPortions} sub-portions checked`);
    expect(checked).toBeGreaterThan(950);
    expect(checkedParagraphs).toBeGreaterThan(9000);
    expect(checkedPortions).toBeGreaterThan(200);
    expect(mismatches).toEqual([]);
  }, 300_000);
});

const PORTION_LEVEL: Record<Level, (controls: string[]) => string> = {
  'TOP SECRET': () => 'classification.top-secret',
  SECRET: () => 'classification.secret',
  CONFIDENTIAL: () => 'classification.confidential',
  UNCLASSIFIED: (controls) =>
    controls.includes('SBU') ? 'classification.unclassified.sbu'
    : controls.includes('LOU') ? 'classification.unclassified.lou'
    : controls.includes('FOUO') ? 'classification.unclassified.fouo'
    : 'classification.unclassified',
};

const BANNER_LEVEL: Record<Level, (controls: string[]) => string> = {
  'TOP SECRET': () => 'classification.top-secret',
  SECRET: () => 'classification.secret',
  CONFIDENTIAL: () => 'classification.confidential',
  UNCLASSIFIED: (controls) => (controls.includes('LOU') ? 'classification.unclassified.lou' : 'classification.unclassified'),
};
