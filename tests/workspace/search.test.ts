import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../server/src/workspace/index';
import { xrefIndex } from './helpers';

const index = xrefIndex();
const names = (q: string, limit?: number) => index.search(q, limit).map((h) => h.cable.label);

describe('workspace symbol search', () => {
  it('an identifier in any form finds that cable first', () => {
    expect(names('09STATE127892')).toEqual(['09STATE127892']);
    expect(names('2009 STATE 127892')).toEqual(['09STATE127892']);
    expect(names('state 127892')[0]).toBe('09STATE127892');
    expect(names('BUENOS AIRES 827')[0]).toBe('09BUENOSAIRES827');
  });

  it('partial and fuzzy identifiers', () => {
    expect(names('BERLIN1').every((n) => n!.startsWith('09BERLIN1') || n!.startsWith('10BERLIN1'))).toBe(true);
    expect(names('09par1162')[0]).toBe('09PARIS1162');
  });

  it('TAGS with #: every tag must be there', () => {
    const both = index.search('#PREL GM');
    expect(both.length).toBeGreaterThan(0);
    for (const h of both) expect(h.cable.tags).toEqual(expect.arrayContaining(['PREL', 'GM']));
    const prel = index.search('#PREL');
    expect(prel.length).toBeGreaterThan(both.length);
    expect(index.search('#NOSUCHTAG')).toEqual([]);
  });

  it('dates by prefix, combined with words', () => {
    const aug = index.search('2009-08');
    expect(aug.length).toBeGreaterThan(0);
    for (const h of aug) expect(h.cable.date!.startsWith('2009-08')).toBe(true);
    for (const h of index.search('1972')) expect(h.cable.date!.startsWith('1972')).toBe(true);
    const parisAug = names('paris 2009-08');
    expect(parisAug).toContain('09PARIS1162');
  });

  it('subject and origin words, with prefix and one typo', () => {
    expect(names('syria')).toContain('09PARIS1162');
    expect(names('prisoner')).toContain('09PARIS1162');
    expect(names('prisonr')).toContain('09PARIS1162');
    expect(names('embassy tallinn')).toContain('09TALLINN373');
    expect(names('zzzzqqq')).toEqual([]);
  });

  it('results are ranked and limited', () => {
    const all = index.search('');
    expect(all.length).toBe(index.cableCount);
    expect(index.search('', 5).length).toBe(5);
    const scores = index.search('berlin').map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('parses queries', () => {
    expect(parseQuery('#PGOV KZ')).toMatchObject({ id: null, terms: [{ kind: 'tag', value: 'PGOV' }, { kind: 'tag', value: 'KZ' }] });
    expect(parseQuery('2009-2 astana').terms).toEqual([{ kind: 'date', value: '2009-02' }, { kind: 'word', value: 'astana', upper: 'ASTANA' }]);
    expect(parseQuery('08 ASTANA 55').id).toBe('08ASTANA55');
    expect(parseQuery('ASTANA 0055').postSerial).toEqual({ post: 'ASTANA', serial: 55 });
  });
});
