import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundedEditDistance,
  CAVEATS,
  lookupCaveat,
  MISSPELLING_TARGETS,
  NOT_MISSPELLINGS,
  suggestCaveat,
} from '../../server/src/knowledge/captions';

describe('caveat vocabulary', () => {
  it('knows the caption words with hovers', () => {
    for (const word of ['SENSITIVE', 'SENSITIVE BUT UNCLASSIFIED', 'SIPDIS', 'NOFORN', 'EXDIS', 'NODIS', 'LIMDIS', 'STADIS', 'ROGER', 'NOTAL']) {
      const c = lookupCaveat(word);
      expect(c, word).not.toBeNull();
      expect(c!.hover.length).toBeGreaterThan(20);
    }
    expect(lookupCaveat('sipdis')?.caption).toBe('SIPDIS');
    expect(lookupCaveat('NOFORN,')?.portion).toBe('NF');
    expect(lookupCaveat('Sensitive  but unclassified')?.caption).toBe('SENSITIVE BUT UNCLASSIFIED');
    expect(lookupCaveat('NOT RELEASABLE TO FOREIGN NATIONALS')?.caption).toBe('NOFORN');
    expect(lookupCaveat('EXDIS')?.portion).toBe('XD');
    expect(lookupCaveat('NODIS')?.portion).toBe('ND');
    expect(lookupCaveat('HELLO')).toBeNull();
  });
  it('orders distribution captions by restrictiveness', () => {
    expect(lookupCaveat('NODIS')!.restrictiveness).toBeGreaterThan(lookupCaveat('EXDIS')!.restrictiveness);
    expect(lookupCaveat('EXDIS')!.restrictiveness).toBeGreaterThan(lookupCaveat('LIMDIS')!.restrictiveness);
  });
  it('says where semantics were not verified rather than inventing them', () => {
    expect(lookupCaveat('LIMDIS')!.hover).toMatch(/not verified/);
    expect(lookupCaveat('ROGER')!.hover).toMatch(/not verified/);
    expect(lookupCaveat('SIPDIS')!.hover).toMatch(/NODIS or EXDIS/);
  });
  it('answers as on the normalised text, whatever the spacing, case and punctuation around a caption', () => {
    // The cheap rejection on the first two kept characters must not drop what normalising would have found.
    const normalise = (t: string) => t.replace(/[\s\u00a0]+/g, ' ').trim().replace(/(?<![.,;:])[.,;:]+$/, '').toUpperCase();
    const pieces = ['sipdis', 'NoForn', 'e f t o', 'F T O', 'IPDIS', 'E', 'S', 'N', 'o', ' ', '  ', '\t', '\u00a0', '\u2003', '.', ',', ';:', 'ı', 'Summary', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        // Normalising once may leave a key that is not normal (`sipdis  ,` -> `SIPDIS `): such a key names nothing.
        const key = normalise(text);
        expect(lookupCaveat(text)).toBe(normalise(key) === key ? lookupCaveat(key) : null);
      }),
      { numRuns: 3000, seed: 7 },
    );
    // Known captions and aliases with their spaces, case and surroundings varied.
    const spaces = [' ', '  ', '\t', '\u00a0', ' \u2003'];
    const keys = [...CAVEATS.map((c) => c.caption), 'E F T O', 'NOT RELEASABLE TO FOREIGN NATIONALS', 'AGREMENT'];
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.constantFrom('', ...spaces),
        fc.constantFrom(...spaces),
        fc.constantFrom('', '.', ',', ';:', ' ', '\u00a0'),
        fc.boolean(),
        (key, before, space, after, lower) => {
          const text = before + (lower ? key.toLowerCase() : key).replace(/ /g, space) + after;
          const normal = normalise(text);
          expect(lookupCaveat(text), JSON.stringify(text)).toBe(normalise(normal) === normal ? lookupCaveat(normal) : null);
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
    for (const c of CAVEATS) {
      for (const text of [c.caption.toLowerCase(), ` ${c.caption}.`, `\u00a0${c.caption.replace(/ /g, '  ')},`]) expect(lookupCaveat(text), text).toBe(c);
    }
  });
  it('has unique captions', () => {
    expect(new Set(CAVEATS.map((c) => c.caption)).size).toBe(CAVEATS.length);
  });
});

describe('boundedEditDistance (OSA)', () => {
  it('counts single edits and adjacent swaps as 1', () => {
    expect(boundedEditDistance('SIPDIS', 'SIPDIS')).toBe(0);
    expect(boundedEditDistance('SIPIDS', 'SIPDIS')).toBe(1); // swap
    expect(boundedEditDistance('NOFRON', 'NOFORN')).toBe(1); // swap
    expect(boundedEditDistance('SIPDS', 'SIPDIS')).toBe(1); // deletion
    expect(boundedEditDistance('SIPDISS', 'SIPDIS')).toBe(1); // insertion
    expect(boundedEditDistance('SIPDOS', 'SIPDIS')).toBe(1); // substitution
    expect(boundedEditDistance('STATES', 'STADIS')).toBe(2);
    expect(boundedEditDistance('', 'AB')).toBe(2);
  });
  it('is symmetric on samples', () => {
    const words = ['SIPDIS', 'STADIS', 'NOTES', 'NODIS', 'EXDIS', 'EXIDS', 'SENSITIVE', 'SENSATIVE', 'A', ''];
    for (const a of words) for (const b of words) expect(boundedEditDistance(a, b, 3)).toBe(boundedEditDistance(b, a, 3));
  });
  it('stops at the bound', () => {
    expect(boundedEditDistance('ABCDEFGH', 'ZYXWVUTS', 2)).toBe(3);
    expect(boundedEditDistance('A', 'ABCD', 2)).toBe(3);
    expect(boundedEditDistance('x'.repeat(10000), 'y', 2)).toBe(3); // length check, no table
    expect(boundedEditDistance(null as unknown as string, 'A')).toBe(3);
  });
});

describe('suggestCaveat', () => {
  it('finds the spec examples', () => {
    expect(suggestCaveat('SIPIDS')).toBe('SIPDIS');
    expect(suggestCaveat('NOFRON')).toBe('NOFORN');
    expect(suggestCaveat('EXIDS')).toBe('EXDIS');
  });
  it('finds other plausible typos', () => {
    expect(suggestCaveat('SIPDSI')).toBe('SIPDIS');
    expect(suggestCaveat('sipdis.')).toBeNull(); // exact, not a misspelling
    expect(suggestCaveat('SIPDS')).toBe('SIPDIS');
    expect(suggestCaveat('NOFORM')).toBe('NOFORN');
    expect(suggestCaveat('NODSI')).toBe('NODIS');
    expect(suggestCaveat('LIMDSI')).toBe('LIMDIS');
    expect(suggestCaveat('STADSI')).toBe('STADIS');
    expect(suggestCaveat('SENSATIVE')).toBe('SENSITIVE');
    expect(suggestCaveat('SENSTIVIE')).toBe('SENSITIVE');
    expect(suggestCaveat('SIPSID')).toBe('SIPDIS'); // same letters, two edits
    expect(suggestCaveat('nofron,')).toBe('NOFORN');
  });
  it('does not take real words or other captions for misspellings', () => {
    for (const w of ['STATES', 'STATUS', 'SIDES', 'SAUDIS', 'NOTES', 'NODES', 'NOISE', 'NORMS', 'EXIST', 'EXITS', 'EDITS', 'LIMIT', 'LIMITS', 'LIMBS', 'STUDIES', 'STADIA', 'STASIS', 'SADIST', 'SENSITIVITY', 'SENSITIVELY', 'SENSITIZE', 'INSENSITIVE', 'NORDIC', 'STALIN', 'STANDS']) {
      expect(suggestCaveat(w), w).toBeNull();
    }
    // Captions are 2 edits apart from each other (SIPDIS/STADIS): never "correct" one into another.
    for (const c of MISSPELLING_TARGETS) expect(suggestCaveat(c), c).toBeNull();
    for (const w of NOT_MISSPELLINGS) expect(suggestCaveat(w), w).toBeNull();
  });
  it('ignores short, non-letter and different-initial tokens', () => {
    expect(suggestCaveat('NODI')).toBeNull(); // under 5 letters
    expect(suggestCaveat('ZIPDIS')).toBeNull(); // first letter differs
    expect(suggestCaveat('SIP-DIS')).toBeNull();
    expect(suggestCaveat('SIPDIS2')).toBeNull();
    expect(suggestCaveat('')).toBeNull();
    expect(suggestCaveat(undefined as unknown as string)).toBeNull();
  });
  it('suggests nothing anywhere in the real test cables (precision on 1M+ words)', () => {
    const dir = join(__dirname, '../fixtures/cables');
    const hits: string[] = [];
    let words = 0;
    for (const f of readdirSync(dir)) {
      for (const w of readFileSync(join(dir, f), 'utf8').split(/[^A-Za-z]+/)) {
        words++;
        const s = suggestCaveat(w);
        if (s) hits.push(`${f}: ${w} -> ${s}`);
      }
    }
    expect(words).toBeGreaterThan(100000);
    expect(hits).toEqual([]);
  });
});
