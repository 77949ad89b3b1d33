import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOutline, type OutlineNode } from '../../server/src/outline/outline';
import { parseCables, type ParsedDocument } from '../../server/src/parser/index';

const SEED = readFileSync(join(__dirname, '../../seeds/000_0ac2a656c61260b0.txt'), 'utf8');
const OTHERS = ['79TEHRAN8980.txt', '09PARIS1162.txt', '02ADANA386.txt', '09NAIROBI2497.txt'].map((f) =>
  readFileSync(join(__dirname, '../fixtures/cables', f), 'utf8'),
);
const SAMPLES = [SEED, ...OTHERS];

/** Every span the model exposes, found by walking it (objects with numeric start/end). */
function spans(doc: ParsedDocument): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') out.push({ start: o.start, end: o.end });
    for (const k of Object.keys(o)) if (k !== 'text' && k !== 'lineStarts') walk(o[k]);
  };
  walk(doc.cables);
  return out;
}

function nested(nodes: OutlineNode[], parent: { start: number; end: number }): boolean {
  return nodes.every((n) => n.range.start >= parent.start && n.range.end <= parent.end && n.selectionRange.start >= n.range.start && n.selectionRange.end <= n.range.end && nested(n.children, n.range));
}

/** Mutations of real cables: the damage real downloads have. */
const mutated = fc
  .tuple(
    fc.constantFrom(...SAMPLES),
    fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.nat({ max: 400 }) }),
        fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), len: fc.nat({ max: 400 }) }),
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), s: fc.constantFrom('\u0000', '\r', '\r\n', '\u00a0', '\ufeff', '\ud800', '(((((', '1. (', 'SECTION 01 OF 99 ', 'RUEHTA ', 'X'.repeat(50), '\n\n', 'END SUMMARY', 'VZCZCXRO1\n', 'Identifier\nCreated\n') }),
        fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), c: fc.integer({ min: 0, max: 0xffff }) }),
      ),
      { maxLength: 8 },
    ),
  )
  .map(([base, edits]) => {
    let t = base;
    for (const e of edits) {
      const at = t.length ? e.at % t.length : 0;
      if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.len);
      else if (e.kind === 'duplicate') t = t.slice(0, at) + t.slice(at, at + e.len) + t.slice(at);
      else if (e.kind === 'insert') t = t.slice(0, at) + e.s + t.slice(at);
      else t = t.slice(0, at) + String.fromCharCode(e.c) + t.slice(at + 1);
    }
    return t;
  });

const anyText = fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 2000 }), mutated);

describe('parser properties', () => {
  it('never throws, keeps every span inside the text, nests the outline, and is deterministic', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const doc = parseCables(text);
        expect(doc.problems.filter((p) => p.message.startsWith('Parser error'))).toEqual([]);
        for (const s of spans(doc)) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeGreaterThanOrEqual(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
        }
        expect(nested(buildOutline(doc), { start: 0, end: text.length })).toBe(true);
        expect(JSON.stringify(parseCables(text).cables)).toBe(JSON.stringify(doc.cables));
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });

  it('parses pathological lines in bounded work', () => {
    // Each of these would take seconds with a backtracking pattern; the test bounds them by completing.
    const inputs = [
      '('.repeat(1_000_000),
      `1. ${'('.repeat(200_000)}`,
      Array.from({ length: 20_000 }, (_, k) => `${k + 1}. (C) x`).join('\n'),
      `OO ${'RUEHTA '.repeat(50_000)}`,
      'C O N F I D E N T I A L SECTION 01 OF 99 '.repeat(20_000),
      `SUBJECT: ${'A '.repeat(300_000)}`,
      `E.O. 12958: DECL: ${'1/'.repeat(200_000)}`,
      `Classified By: ${'1.4 (b) and '.repeat(50_000)}`,
      'x'.repeat(5_000_000),
    ];
    for (const text of inputs) {
      const doc = parseCables(text);
      expect(doc.problems.filter((p) => p.message.startsWith('Parser error'))).toEqual([]);
    }
  });
});
