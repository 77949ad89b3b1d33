import { describe, expect, it } from 'vitest';
import { findTextMentions } from '../../server/src/workspace/index';

const ABCD = new Set(['A', 'B', 'C', 'D']);

function read(text: string, letters: ReadonlySet<string> = ABCD, single = false): [string | null, string][] {
  return findTextMentions(text, letters, single).map((m) => [m.letter, text.slice(m.start, m.end)]);
}

describe('findTextMentions', () => {
  it.each<[string, [string | null, string][]]>([
    ['AS REPORTED IN REFTEL A, THE MINISTER', [['A', 'REFTEL A']]],
    ['Ramirez said (ref B).', [['B', 'ref B']]],
    ['(see REFTEL D).', [['D', 'REFTEL D']]],
    ['AS NOTED IN REFS A AND B.', [['A', 'REFS A'], ['B', 'B']]],
    ['(See Refs B, C and D.)', [['B', 'Refs B'], ['C', 'C'], ['D', 'D']]],
    ['(refs c-d and septels)', [['C', 'refs c'], ['D', 'd']]],
    ['REF\nC REPORTED', [['C', 'REF\nC']]],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('ignores letters the REF line does not have, articles and REF lines', () => {
    expect(read('REF E SAID', ABCD)).toEqual([]);
    expect(read('per ref. A demarche')).toEqual([]);
    expect(read('REF: A. STATE 1234')).toEqual([]);
    expect(read('in ref B, a senior official said')).toEqual([['B', 'ref B']]);
    expect(read('REFERENCE A')).toEqual([]);
    expect(read('PREFS A')).toEqual([]);
    expect(read('REF AB')).toEqual([]);
  });

  it('reads a bare REFTEL as the only reference', () => {
    expect(read('delivered reftel points (REFTEL).', new Set(), true)).toEqual([
      [null, 'reftel'],
      [null, 'REFTEL'],
    ]);
    expect(read('delivered reftel points', ABCD, false)).toEqual([]);
    expect(read('REFTEL: HARARE 6584', new Set(), true)).toEqual([]);
  });
});
