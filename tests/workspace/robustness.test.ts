/** Hostile and random input: the cross-cable layer never throws, and every span it returns is inside the text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCables } from '../../server/src/parser/index';
import { canonicalCableId, findCableMentions, findTextMentions, indexText, referenceSites, WorkspaceIndex } from '../../server/src/workspace/index';
import { xrefFiles, xrefText } from './helpers';

const REAL = xrefFiles().map(xrefText);
const PIECES = ['REF: ', 'A. ', 'B) ', 'REFTEL ', '(ref b)', 'STATE ', '08 ', '2009 ', 'BUENOS AIRES ', '0827', '\n', '\r\n', ' ', '\u00a0', ';', ',', '/', '-', 'IIR 6 ', 'XXXXXXXX'];

describe('robustness', () => {
  it('REF text readers: spans inside the text, ids canonical', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 40 }), fc.integer({ min: 1900, max: 2030 }), (parts, year) => {
        const text = parts.join('');
        for (const m of findCableMentions(text, year)) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.start).toBeLessThan(m.end);
          expect(canonicalCableId(m.id)).toBe(m.id);
        }
        for (const m of findTextMentions(text, new Set(['A', 'B', 'C']), true)) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('mutated real cables index without throwing, with ranges inside the file', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REAL), fc.integer({ min: 0, max: 1 << 30 }), fc.string({ maxLength: 30 }), (text, at, insert) => {
        const cut = at % (text.length + 1);
        const mutated = text.slice(0, cut) + insert + text.slice(cut + (at % 7));
        const doc = parseCables(mutated);
        const sites = referenceSites(doc);
        for (const s of sites) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(mutated.length);
        }
        const file = indexText('u', mutated);
        const lines = doc.lineStarts.length;
        for (const c of file.cables) for (const r of [c.range, c.selection, ...c.refs.map((x) => x.range)]) expect(r[2]).toBeLessThan(lines);
      }),
      { numRuns: 150 },
    );
  });

  it('huge lines, binary and odd line breaks', () => {
    const index = new WorkspaceIndex();
    expect(index.setText('a', `REF: ${'STATE 1 '.repeat(50000)}`).cables.length).toBeLessThanOrEqual(1);
    expect(index.setText('b', '\u0000'.repeat(1000)).cables).toEqual([]);
    const cr = REAL[0].replace(/\n/g, '\r');
    expect(index.setText('c', cr).cables.length).toBe(1);
    expect(index.search('\u0000#\u0000 2009-13-45 ((( ')).toEqual([]);
    expect(index.lookup('\ud800')).toEqual([]);
    expect(index.citedBy('')).toEqual([]);
  });
});
