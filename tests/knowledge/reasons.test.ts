import { describe, expect, it } from 'vitest';
import { findCategoryWords, parseReasonLetters, reasonHover, REASONS_1_4, REASONS_1_5 } from '../../server/src/knowledge/reasons';

const letters = (t: string) => parseReasonLetters(t)?.letters;

describe('reason category tables', () => {
  it('has 1.4 (a)-(h) and 1.5 (a)-(g)', () => {
    expect(Object.keys(REASONS_1_4)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(Object.keys(REASONS_1_5)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(REASONS_1_4.b).toBe('foreign government information');
    expect(REASONS_1_4.h).toMatch(/weapons of mass destruction/);
  });
});

describe('parseReasonLetters', () => {
  it('a repeated section is read only when it is the same (`1.5 (B) and 1.5 (D)`; not `1.4 (b) and 1.5 (d)`)', () => {
    expect(parseReasonLetters('reasons 1.5 (B) and 1.5 (D).')?.letters).toEqual(['b', 'd']);
    expect(parseReasonLetters('reasons 1.4 (b) and 1.5 (d).')?.letters).toEqual(['b']);
  });

  it('reads every separator style of §A.6', () => {
    for (const t of [
      'Classified By: Ambassador Richard E. Hoagland for reasons 1.4 (b) and (d)',
      '1.4(b)(d)',
      '1.4 (B,D)',
      '1.4 b and d',
      '1.4 (B/D)',
      '1.4 (B&D)',
      'E.O. 12958, reasons 1.4 (b,d)',
      'REASON: 1.4(B), (D)',
      '1.4 (b), (d).',
      '1.4 (b and d).',
      '1.4, b/d.',
      '1.4 (b) & (d)',
      '1.4 ( b ) and ( d )',
      // The section written again before each letter.
      '1.4(b) and 1.4(d)',
      'Reason: 1.4 (b), 1.4 (d)',
    ]) {
      expect(parseReasonLetters(t), t).toMatchObject({ section: '1.4', sectionKnown: true, letters: ['b', 'd'], invalid: [] });
    }
  });

  it('stops at the sentence end', () => {
    expect(letters('Reason: 1.4 (d). 2. (C) A summary follows.')).toEqual(['d']);
    expect(letters('1.4(C). The ambassador met a minister.')).toEqual(['c']);
    expect(letters('for reasons 1.4 (b) and (d) of E.O. 12958')).toEqual(['b', 'd']);
    expect(letters('reasons 1.4 (b) and (d); the rest')).toEqual(['b', 'd']);
  });

  it('reads 1.5 and spans line breaks', () => {
    expect(parseReasonLetters('CLASSIFIED BY: X, AMBASSADOR. REASON: 1.5 (D).')).toMatchObject({ section: '1.5', letters: ['d'] });
    expect(parseReasonLetters('for reasons 1.4 (b) and\n(d).')?.letters).toEqual(['b', 'd']);
  });

  it('reports letters outside the section', () => {
    expect(parseReasonLetters('REASONS 1.4 (B) AND (I)')).toMatchObject({ letters: ['b', 'i'], invalid: ['i'] });
    expect(parseReasonLetters('REASON 1.5 (h)')).toMatchObject({ section: '1.5', invalid: ['h'] });
    expect(parseReasonLetters('Reason: 1.6 (d)')).toMatchObject({ section: '1.6', sectionKnown: false, letters: ['d'], invalid: ['d'] });
  });

  it('reads letters without a section', () => {
    expect(parseReasonLetters('Classified by DCM John Doe for reasons b, d.')).toMatchObject({ section: null, letters: ['b', 'd'] });
    expect(parseReasonLetters('Reasons ( b) and (d)')?.letters).toEqual(['b', 'd']);
  });

  it('returns null when there is no reason, and a known section with no letters otherwise', () => {
    expect(parseReasonLetters('Classified By: DCM John Doe.')).toBeNull();
    expect(parseReasonLetters('')).toBeNull();
    expect(parseReasonLetters('Reason 1.4')).toMatchObject({ section: '1.4', letters: [] });
    expect(parseReasonLetters(7 as unknown as string)).toBeNull();
  });

  it('gives offsets of the reason in the text', () => {
    const t = 'Classified By: X for reasons 1.4 (b) and (d).';
    const r = parseReasonLetters(t)!;
    expect(t.slice(r.start, r.end)).toBe('1.4 (b) and (d)');
  });
});

describe('category words', () => {
  it('finds categories named in words', () => {
    expect(findCategoryWords('Classified by John Doe for reasons of foreign government information and foreign relations.').map((c) => c.letter)).toEqual(['b', 'd']);
    expect(findCategoryWords('REASON: INTELLIGENCE SOURCES AND METHODS')[0].letter).toBe('c');
    expect(findCategoryWords('Classified By: DCM John Doe.')).toEqual([]);
  });
});

describe('reasonHover', () => {
  it('spells letters out', () => {
    const h = reasonHover(parseReasonLetters('1.4 (b) and (d)')!);
    expect(h).toMatch(/\(b\) foreign government information/);
    expect(h).toMatch(/\(d\) foreign relations/);
    expect(reasonHover(parseReasonLetters('1.5 (c)')!)).toMatch(/special activities/);
    expect(reasonHover(parseReasonLetters('1.4 (i)')!)).toMatch(/not a category/);
    expect(reasonHover(parseReasonLetters('1.6 (d)')!)).toMatch(/not a reason section/);
  });
});
