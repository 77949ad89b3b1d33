import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLineStarts, parseCables, type ParsedDocument } from '../../server/src/parser/index';
import { commonPrefix, commonSuffix, reparseCables, updateLineStarts } from '../../server/src/parser/incremental';

const DIR = join(__dirname, '../fixtures/cables');
const NAMES = readdirSync(DIR)
  .filter((n) => n.endsWith('.txt'))
  .sort();
/** Every 25th real cable: all the corpus layouts (mirror pages, raw Cablegate, csv rows, 1970s, partial). */
const CABLES = NAMES.filter((_, k) => k % 25 === 0).map((n) => readFileSync(join(DIR, n), 'utf8').replace(/\s+$/, ''));

/** Multi-cable files the way users have them: concatenated, with NNNN trailers, with CRLF, with NBSP. */
const DOCS: Record<string, string> = {
  concatenated: CABLES.join('\n\n'),
  nnnn: CABLES.slice(0, 20).join('\nNNNN\n\n\n'),
  crlf: CABLES.slice(5, 20).join('\n\n').replace(/\n/g, '\r\n'),
  nbsp: CABLES.slice(10, 25).join('\n\n').replace(/  /g, ' \u00a0'),
};

const SNIPPETS = [
  'x',
  ' ',
  '\n',
  '\r\n',
  '\r',
  '\u00a0',
  '\n\n\n',
  'NNNN\n',
  '\nNNNN\n\n',
  'Identifier\nCreated\nClassification\nOrigin\n08STATE1\n2008-01-01 00:00:00\nSECRET\nSecretary of State\n',
  'VZCZCXRO1234\n',
  '08STATE15228\n',
  '08STATE15228\nUNCLAS SECTION 01 OF 02 STATE 015228\n',
  'UNCLAS SECTION 01 OF 02 STATE 015228\n',
  'TAGS: PREL\nSUBJECT: TEST\n',
  '1. (C) Paragraph text.\n',
  'E.O. 12958: DECL: 01/01/2019\n',
];

/** An edit anywhere (`at` is a fraction of the length), or close to where a cable starts (boundaries move). */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  nearCable: fc.option(fc.record({ cable: fc.nat(), by: fc.integer({ min: -120, max: 60 }) }), { freq: 2 }),
  del: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 400 })),
  ins: fc.oneof(fc.constantFrom(...SNIPPETS), fc.constant('')),
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, e: Edit, doc: ParsedDocument | null = null): string {
  let at = Math.floor(e.at * text.length);
  if (e.nearCable && doc?.cables.length) at = doc.cables[e.nearCable.cable % doc.cables.length].start + e.nearCable.by;
  at = Math.max(0, Math.min(text.length, at));
  const del = Math.min(e.del, text.length - at);
  return text.slice(0, at) + e.ins + text.slice(at + del);
}

function expectSameParse(actual: ParsedDocument, text: string): void {
  const full = parseCables(text);
  expect(actual.text).toBe(text);
  expect(actual.lineStarts).toEqual(full.lineStarts);
  expect(actual.problems).toEqual(full.problems);
  expect(actual.cables.length).toBe(full.cables.length);
  // Cable by cable first: a failure names the cable instead of printing two whole documents.
  actual.cables.forEach((c, k) => expect(c, `cable ${k}`).toEqual(full.cables[k]));
}

describe('reparseCables', () => {
  for (const [name, base] of Object.entries(DOCS)) {
    const baseDoc = parseCables(base);

    it(`gives the full parse after a random edit (${name}, ${baseDoc.cables.length} cables)`, { timeout: 120_000 }, () => {
      let windows = 0;
      let runs = 0;
      fc.assert(
        fc.property(edit, (e) => {
          const text = apply(base, e, baseDoc);
          const r = reparseCables(baseDoc, text);
          expectSameParse(r.doc, text);
          runs++;
          if (!r.full) windows++;
        }),
        { numRuns: Number(process.env.INCREMENTAL_RUNS ?? 60), seed: Number(process.env.INCREMENTAL_SEED ?? 7) },
      );
      // The equality above must come from the window path, not from falling back to a full parse every time.
      expect(windows / runs).toBeGreaterThan(0.8);
    });

    it(`gives the full parse after a chain of edits, each from the last result (${name})`, { timeout: 120_000 }, () => {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 2, maxLength: 6 }), (edits) => {
          let doc = baseDoc;
          let text = base;
          for (const e of edits) {
            text = apply(text, e, doc);
            doc = reparseCables(doc, text).doc;
          }
          expectSameParse(doc, text);
        }),
        { numRuns: Math.ceil(Number(process.env.INCREMENTAL_RUNS ?? 60) / 4), seed: Number(process.env.INCREMENTAL_SEED ?? 11) },
      );
    });
  }

  it('parses only a few cables for a keystroke in the middle of a long file', () => {
    const base = DOCS.concatenated;
    const before = parseCables(base);
    const at = base.indexOf('\n', Math.floor(base.length / 2)) + 1;
    const r = reparseCables(before, `${base.slice(0, at)}x${base.slice(at)}`);
    expect(r.full).toBe(false);
    expect(r.parsedChars).toBeLessThan(base.length / 5);
    const fresh = r.origins.filter((o) => o.from < 0).length;
    expect(fresh).toBeGreaterThan(0);
    expect(fresh).toBeLessThanOrEqual(4);
    // Cables before the edit are the same objects; cables after it are moved copies.
    const first = r.origins.findIndex((o) => o.from < 0);
    expect(r.doc.cables[0]).toBe(before.cables[0]);
    expect(r.origins.at(-1)).toEqual({ from: before.cables.length - 1, delta: 1 });
    expect(r.doc.cables.at(-1)!.start).toBe(before.cables.at(-1)!.start + 1);
    expect(first).toBeGreaterThan(0);
  });

  it('keeps every cable when the text did not change, and parses in full without a usable previous parse', () => {
    const before = parseCables(DOCS.nnnn);
    const same = reparseCables(before, DOCS.nnnn);
    expect(same.full).toBe(false);
    expect(same.doc.cables).toBe(before.cables);
    expect(reparseCables(null, DOCS.nnnn).full).toBe(true);
    expect(reparseCables(parseCables('not a cable'), DOCS.nnnn).full).toBe(true);
  });

  it('follows the binary check of the first 8K', () => {
    const before = parseCables(DOCS.concatenated);
    const text = `\u0000${DOCS.concatenated}`;
    const r = reparseCables(before, text);
    expect(r.doc.problems.map((p) => p.code)).toEqual(['binary-content']);
    expectSameParse(r.doc, text);
    const back = reparseCables(r.doc, DOCS.concatenated);
    expectSameParse(back.doc, DOCS.concatenated);
  });

  it('parses in full when most of the text is replaced', () => {
    const before = parseCables(DOCS.concatenated);
    const r = reparseCables(before, DOCS.nnnn);
    expect(r.full).toBe(true);
    expectSameParse(r.doc, DOCS.nnnn);
  });
});

describe('the changed range', () => {
  const strings = fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', 'x'), maxLength: 5000 });

  it('finds the common prefix and a non-overlapping common suffix', () => {
    fc.assert(
      fc.property(strings, strings, (a, b) => {
        const p = commonPrefix(a, b);
        const s = commonSuffix(a, b, p);
        expect(a.slice(0, p)).toBe(b.slice(0, p));
        expect(p === Math.min(a.length, b.length) || a[p] !== b[p]).toBe(true);
        expect(p + s).toBeLessThanOrEqual(Math.min(a.length, b.length));
        expect(a.slice(a.length - s)).toBe(b.slice(b.length - s));
        expect(p + s === Math.min(a.length, b.length) || a[a.length - 1 - s] !== b[b.length - 1 - s]).toBe(true);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('updates line starts exactly as computeLineStarts finds them (LF, CR, CRLF)', () => {
    fc.assert(
      fc.property(strings, fc.nat(), fc.nat({ max: 20 }), strings, (a, at0, del0, ins) => {
        const at = at0 % (a.length + 1);
        const del = Math.min(del0, a.length - at);
        const b = a.slice(0, at) + ins.slice(0, 30) + a.slice(at + del);
        const p = commonPrefix(a, b);
        const s = commonSuffix(a, b, p);
        expect(updateLineStarts(computeLineStarts(a), b, p, a.length - s, b.length - s, b.length - a.length)).toEqual(computeLineStarts(b));
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});
