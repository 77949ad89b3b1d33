import { describe, expect, it } from 'vitest';
import type { Location, LocationLink } from 'vscode-languageserver-types';
import { parseCables } from '../../server/src/parser/index';
import { getCodeLenses, getDefinition, getDocumentLinks, getReferences, getWorkspaceSymbols, SHOW_CITING_CABLES_COMMAND } from '../../server/src/workspace/index';
import { xrefIndex, xrefText } from './helpers';

const index = xrefIndex();

function posOf(text: string, needle: string, delta = 1) {
  const o = text.indexOf(needle) + delta;
  const before = text.slice(0, o);
  return { line: before.split('\n').length - 1, character: o - before.lastIndexOf('\n') - 1 };
}

function lineText(rel: string, line: number, from: number, to: number) {
  return xrefText(rel).split('\n')[line].slice(from, to);
}

describe('document links', () => {
  it('09BERLIN1197: links only the REF identifiers and mentions whose cable is in the folder', () => {
    const text = xrefText('09BERLIN1197.txt');
    const links = getDocumentLinks(parseCables(text), '09BERLIN1197.txt', index);
    const shown = links.map((l) => [lineText('09BERLIN1197.txt', l.range.start.line, l.range.start.character, l.range.end.character), l.target]);
    expect(shown).toContainEqual(['BERLIN 1176', '09BERLIN1176.txt#L5,1']);
    expect(shown).toContainEqual(['BERLIN 1162', '09BERLIN1162.txt#L5,1']);
    expect(shown).toContainEqual(['REFTEL E', '09BERLIN1162.txt#L5,1']);
    expect(shown.some(([t]) => t === 'BERLIN 1188')).toBe(false);
    expect(links.every((l) => l.tooltip?.startsWith('Open 09BERLIN11'))).toBe(true);
  });

  it('a cable citing nothing in the folder has no links', () => {
    const text = xrefText('09BERLIN1360.txt');
    expect(getDocumentLinks(parseCables(text), '09BERLIN1360.txt', index)).toEqual([]);
  });
});

describe('go to definition', () => {
  const text = xrefText('09PARIS1162.txt');
  const doc = parseCables(text);

  it('from `B. PARIS 1097` to the identifier of 09PARIS1097', () => {
    const links = getDefinition(doc, posOf(text, 'PARIS 1097'), index, true) as LocationLink[];
    expect(links).toHaveLength(1);
    expect(links[0].targetUri).toBe('09PARIS1097.txt');
    const s = links[0].targetSelectionRange;
    expect(lineText('09PARIS1097.txt', s.start.line, s.start.character, s.end.character)).toBe('09PARIS1097');
    expect(links[0].targetRange.start.line).toBe(0);
    const o = links[0].originSelectionRange!;
    expect(lineText('09PARIS1162.txt', o.start.line, o.start.character, o.end.character)).toBe('PARIS 1097');
    const plain = getDefinition(doc, posOf(text, 'PARIS 1097'), index, false) as Location[];
    expect(plain).toEqual([{ uri: '09PARIS1097.txt', range: s }]);
  });

  it('from a REFTEL mention; nothing for unresolved references or plain text', () => {
    const t2 = xrefText('09BERLIN1176.txt');
    const links = getDefinition(parseCables(t2), posOf(t2, 'REFTEL E', 3), index, true) as LocationLink[];
    expect(links.map((l) => l.targetUri)).toEqual(['09BERLIN1162.txt']);
    expect(getDefinition(parseCables(t2), posOf(t2, 'BERLIN 32'), index, true)).toBeNull();
    expect(getDefinition(doc, { line: 0, character: 0 }, index, true)).toBeNull();
    expect(getDefinition(doc, { line: 99999, character: 0 }, index, true)).toBeNull();
  });
});

describe('find references and the code lens', () => {
  const rel = 'washington/09STATE127892.txt';
  const text = xrefText(rel);
  const doc = parseCables(text);
  const citing = ['09TALLINN373.txt', '09USNATO588.txt', '09WARSAW1228.txt', 'washington/10STATE7810.txt'];

  it('on the metadata identifier, the MRN and the banner: the citing REF items', () => {
    for (const needle of ['09STATE127892', 'STATE 127892', 'S E C R E T']) {
      expect(text).toContain(needle);
      const refs = getReferences(doc, rel, posOf(text, needle), index, false)!;
      expect(refs.map((r) => r.uri)).toEqual(citing);
      for (const r of refs) expect(lineText(r.uri, r.range.start.line, r.range.start.character, r.range.end.character)).toMatch(/^(09 )?STATE 127892$/);
    }
    const withDecl = getReferences(doc, rel, posOf(text, '09STATE127892'), index, true)!;
    expect(withDecl[0].uri).toBe(rel);
    expect(withDecl).toHaveLength(5);
  });

  it('on a REF identifier: every citation of the same cable', () => {
    const t = xrefText('09TALLINN373.txt');
    const refs = getReferences(parseCables(t), '09TALLINN373.txt', posOf(t, 'STATE 127892'), index, false)!;
    expect(refs.map((r) => r.uri)).toEqual(citing);
  });

  it('the lens says "cited by 4 cables" over the banner and carries the locations', () => {
    const lenses = getCodeLenses(doc, rel, index);
    expect(lenses).toHaveLength(1);
    expect(lenses[0].command!.title).toBe('cited by 4 cables');
    expect(lenses[0].command!.command).toBe(SHOW_CITING_CABLES_COMMAND);
    const [uri, pos, locations] = lenses[0].command!.arguments as [string, unknown, Location[]];
    expect(uri).toBe(rel);
    expect(pos).toEqual(lenses[0].range.start);
    expect(locations.map((l) => l.uri)).toEqual(citing);
    expect(lineText(rel, lenses[0].range.start.line, 0, 40)).toMatch(/^S E C R E T STATE 127892/);
    const one = getCodeLenses(parseCables(xrefText('09PARIS1097.txt')), '09PARIS1097.txt', index);
    expect(one.map((l) => l.command!.title)).toEqual(['cited by 1 cable']);
    expect(getCodeLenses(parseCables(xrefText('00HARARE6677.txt')), '00HARARE6677.txt', index)).toEqual([]);
  });
});

describe('workspace symbols', () => {
  it('names carry what the search matched, so an editor filtering on names keeps them', () => {
    const [s] = getWorkspaceSymbols(index, '09PARIS1162');
    expect(s.name).toBe('09PARIS1162 · 2009-08-25 · Embassy Paris · PGOV PREL FR · WHY FRANCE CLAIMS SYRIA HELPED CONVINCE IRAN TO FREE FRENCH PRISONER');
    expect(s.containerName).toBe('09PARIS1162.txt');
    expect(s.location.uri).toBe('09PARIS1162.txt');
    for (const q of ['#PGOV', '2009-08', 'syria', 'embassy paris']) {
      for (const sym of getWorkspaceSymbols(index, q)) {
        const words = q.replace('#', '').toLowerCase().split(' ');
        expect(words.every((w) => sym.name.toLowerCase().includes(w))).toBe(true);
      }
    }
    expect(getWorkspaceSymbols(index, '', 3)).toHaveLength(3);
  });
});
