import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCables } from '../../server/src/parser/index';
import { indexText, WorkspaceIndex } from '../../server/src/workspace/index';
import { xrefFiles, xrefIndex, xrefText } from './helpers';

const citing = (index: WorkspaceIndex, id: string) => index.citedBy(id).map((h) => h.uri);

describe('WorkspaceIndex over the xref fixture folder', () => {
  const index = xrefIndex();

  it('indexes every file and cable', () => {
    expect(index.fileCount).toBe(xrefFiles().length);
    expect(index.cableCount).toBe(xrefFiles().length);
  });

  it('looks cables up by any written form of their identifier', () => {
    for (const q of ['09STATE127892', '2009STATE127892', '09STATE0127892_a', '09 STATE 127892', '09SECSTATE127892']) {
      expect(index.lookup(q).map((h) => h.uri)).toEqual(['washington/09STATE127892.txt']);
    }
    expect(index.lookup('09BUENOSAIRES827')[0].cable).toMatchObject({ label: '09BUENOSAIRES827', origin: 'Embassy Buenos Aires', date: '2009-07-15' });
    expect(index.lookup('08ASTANA55')).toEqual([]);
    expect(index.lookup('not an id')).toEqual([]);
  });

  it('lists the cables that cite a cable, with the REF item range', () => {
    expect(citing(index, '09STATE127892')).toEqual(['09TALLINN373.txt', '09USNATO588.txt', '09WARSAW1228.txt', 'washington/10STATE7810.txt']);
    expect(citing(index, '09BERLIN1162')).toEqual(['09BERLIN1176.txt', '09BERLIN1197.txt', '09BERLIN1271.txt']);
    expect(citing(index, '09STATE15113')).toEqual(['09DOHA214.txt', '09STOCKHOLM194.txt']);
    expect(index.citingCableCount('09STATE127892')).toBe(4);
    expect(index.citingCableCount('00HARARE6677')).toBe(0);
    const [hit] = index.citedBy('09PARIS1097');
    expect(hit.uri).toBe('09PARIS1162.txt');
    const [sl, sc, el, ec] = hit.ref.range;
    const line = xrefText('09PARIS1162.txt').split('\n')[sl];
    expect(sl).toBe(el);
    expect(line.slice(sc, ec)).toBe('PARIS 1097');
    expect(hit.ref.letter).toBe('B');
  });

  it('points at the identifier (metadata) or the MRN of the target', () => {
    const [hit] = index.lookup('09PARIS1097');
    const [sl, sc, , ec] = hit.cable.selection;
    expect(xrefText('09PARIS1097.txt').split('\n')[sl].slice(sc, ec)).toBe('09PARIS1097');
  });

  it('resolves a decoded reference to the first reading the workspace holds', () => {
    expect(index.resolve(['09FOLLOWINGUPPARIS1097', '09UPPARIS1097', '09PARIS1097']).map((h) => h.uri)).toEqual(['09PARIS1097.txt']);
    expect(index.resolve(['09NOWHERE1'])).toEqual([]);
  });
});

describe('WorkspaceIndex updates', () => {
  it('follows a file that appears, changes and disappears', () => {
    const index = xrefIndex();
    const before = citing(index, '09PARIS1046');
    expect(before).toEqual(['09PARIS1097.txt']);
    // A new file citing 09PARIS1046.
    const extra = xrefText('09PARIS1162.txt').replace('B. PARIS 1097', 'B. PARIS 1046');
    index.setText('copy/09PARIS1162-edited.txt', extra);
    expect(citing(index, '09PARIS1046')).toEqual(['09PARIS1097.txt', 'copy/09PARIS1162-edited.txt']);
    // The citing file changes: its reference now points elsewhere.
    index.setText('09PARIS1097.txt', xrefText('09PARIS1097.txt').replace('REF: PARIS 1046', 'REF: PARIS 1045'));
    expect(citing(index, '09PARIS1046')).toEqual(['copy/09PARIS1162-edited.txt']);
    expect(citing(index, '09PARIS1045')).toEqual(['09PARIS1097.txt']);
    // The cited file disappears: lookups fail, citations stay (they are facts of the citing files).
    expect(index.remove('09PARIS1046.txt')).toBe(true);
    expect(index.remove('09PARIS1046.txt')).toBe(false);
    expect(index.lookup('09PARIS1046')).toEqual([]);
    expect(citing(index, '09PARIS1046')).toEqual(['copy/09PARIS1162-edited.txt']);
    expect(index.removeUnder('copy')).toBe(1);
    expect(citing(index, '09PARIS1046')).toEqual([]);
  });

  it('two files holding the same cable are both found; one removed, the other stays', () => {
    const index = xrefIndex();
    index.setText('dup/09PARIS1097.txt', xrefText('09PARIS1097.txt'));
    expect(index.lookup('09PARIS1097').map((h) => h.uri)).toEqual(['09PARIS1097.txt', 'dup/09PARIS1097.txt']);
    index.remove('09PARIS1097.txt');
    expect(index.lookup('09PARIS1097').map((h) => h.uri)).toEqual(['dup/09PARIS1097.txt']);
  });

  it('from a parse equals from text, and a snapshot restores the same index', () => {
    const text = xrefText('09BERLIN1197.txt');
    const a = new WorkspaceIndex();
    a.setParsed('x', parseCables(text), 7);
    expect(a.get('x')).toEqual(indexText('x', text, 7));
    expect(a.stampOf('x')).toBe(7);
    const full = xrefIndex();
    const copy = WorkspaceIndex.fromJSON(JSON.parse(JSON.stringify(full)));
    expect(copy.fileCount).toBe(full.fileCount);
    expect(citing(copy, '09STATE127892')).toEqual(citing(full, '09STATE127892'));
    expect(copy.search('#PGOV').map((h) => h.uri)).toEqual(full.search('#PGOV').map((h) => h.uri));
  });

  it('any sequence of updates leaves the same answers as indexing the final files afresh', () => {
    const files = xrefFiles();
    const texts = new Map(files.map((f) => [f, xrefText(f)]));
    const ids = ['09STATE127892', '09BERLIN1162', '09PARIS1097', '09STATE15113', '09BERLIN1271'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...files), fc.constantFrom(...files), fc.boolean()), { maxLength: 25 }),
        (ops) => {
          const live = xrefIndex();
          const final = new Map(texts);
          for (const [uri, source, del] of ops) {
            if (del) {
              live.remove(uri);
              final.delete(uri);
            } else {
              live.setText(uri, texts.get(source)!);
              final.set(uri, texts.get(source)!);
            }
          }
          const fresh = new WorkspaceIndex();
          for (const [uri, text] of final) fresh.setText(uri, text);
          expect(live.fileCount).toBe(fresh.fileCount);
          expect(live.cableCount).toBe(fresh.cableCount);
          for (const id of ids) {
            expect(citing(live, id)).toEqual(citing(fresh, id));
            expect(live.lookup(id).map((h) => h.uri)).toEqual(fresh.lookup(id).map((h) => h.uri));
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps entries compact: no text, bounded fields', () => {
    const index = new WorkspaceIndex();
    const huge = `${xrefText('09PARIS1162.txt').replace('SUBJECT: WHY', `SUBJECT: ${'LONG '.repeat(2000)}WHY`)}`;
    const f = index.setText('big.txt', huge);
    expect(f.cables[0].subject.length).toBeLessThanOrEqual(240);
    expect(JSON.stringify(f).length).toBeLessThan(2000);
    expect(index.setText('empty.txt', '').cables).toEqual([]);
    expect(index.setText('bin.txt', '\u0000\u0001\u0002').cables).toEqual([]);
  });
});
