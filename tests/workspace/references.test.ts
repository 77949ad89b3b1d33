import { describe, expect, it } from 'vitest';
import { parseCables } from '../../server/src/parser/index';
import { referenceSites, siteAt } from '../../server/src/workspace/index';
import { xrefText } from './helpers';

function sitesOf(rel: string) {
  const text = xrefText(rel);
  const sites = referenceSites(parseCables(text));
  return { text, sites, show: sites.map((s) => [s.kind, s.letter, text.slice(s.start, s.end), s.refs.map((r) => r.id).join(' ')]) };
}

describe('referenceSites on real cables', () => {
  it('09PARIS1162: item B names 09PARIS1097, item A (a daily report) names no cable', () => {
    const { show } = sitesOf('09PARIS1162.txt');
    expect(show).toEqual([['item', 'B', 'PARIS 1097', '09PARIS1097']]);
  });

  it('09BERLIN1176: five lettered items, and REFTEL E mentions in the text carry E\'s cable', () => {
    const { show } = sitesOf('09BERLIN1176.txt');
    const items = show.filter((s) => s[0] === 'item');
    expect(items.map((s) => `${s[1]}=${s[3]}`)).toEqual(['A=09BERLIN32', 'B=09BERLIN1002', 'C=09BERLIN1136', 'D=09BERLIN1138', 'E=09BERLIN1162']);
    const mentionsOfE = show.filter((s) => s[0] === 'mention' && s[1] === 'E');
    expect(mentionsOfE.length).toBe(3);
    for (const m of mentionsOfE) expect(m).toEqual(['mention', 'E', 'REFTEL E', '09BERLIN1162']);
  });

  it('09BUENOSAIRES853: a two-word post with a padded serial, and bare `reftel` mentions', () => {
    const { show } = sitesOf('09BUENOSAIRES853.txt');
    expect(show[0]).toEqual(['item', null, 'BUENOS AIRES 0827', '09BUENOSAIRES827']);
    const bare = show.filter((s) => s[0] === 'mention');
    expect(bare.length).toBeGreaterThanOrEqual(2);
    for (const m of bare) expect(m).toEqual(['mention', null, 'reftel', '09BUENOSAIRES827']);
  });

  it('09STOCKHOLM194 (SECSTATE) and 10BERLIN128 (four-digit year)', () => {
    expect(sitesOf('09STOCKHOLM194.txt').show[0]).toEqual(['item', null, 'SECSTATE 15113', '09STATE15113']);
    expect(sitesOf('10BERLIN128.txt').show.filter((s) => s[1] === 'B')[0]).toEqual(['item', 'B', '2009 BERLIN 1528', '09BERLIN1528']);
  });

  it('spans are document offsets inside the cable, and siteAt finds the innermost', () => {
    const { text, sites } = sitesOf('09BERLIN1197.txt');
    const doc = parseCables(text);
    for (const s of sites) {
      const c = doc.cables[s.cableIndex];
      expect(s.start).toBeGreaterThanOrEqual(c.start);
      expect(s.end).toBeLessThanOrEqual(c.end);
    }
    const e = sites.find((s) => s.kind === 'item' && s.letter === 'E')!;
    expect(siteAt(sites, e.start + 2)).toBe(e);
    expect(siteAt(sites, 0)).toBeNull();
  });

  it('a cable without REF, binary or empty text: no sites', () => {
    expect(referenceSites(parseCables(xrefText('00HARARE6677.txt')))).toEqual([]);
    expect(referenceSites(parseCables(''))).toEqual([]);
    expect(referenceSites(parseCables('\u0000\u0001binary'))).toEqual([]);
  });
});
