import { describe, expect, it } from 'vitest';
import tagsData from '../../server/src/knowledge/data/tags.json';
import { lookupTag, lookupTagReadings, TAG_KINDS, tagCount, tagHover } from '../../server/src/knowledge/tags';

describe('lookupTag', () => {
  it('gives kind and meaning of subject tags', () => {
    expect(lookupTag('PGOV')).toMatchObject({
      tag: 'PGOV',
      kind: 'subject',
      meaning: 'Political Affairs--Government; Internal Governmental Affairs',
      source: 'PlusD',
    });
    expect(lookupTag('prel')?.meaning).toBe('Political Affairs--External Political Relations');
    expect(lookupTag('PGOV,')?.tag).toBe('PGOV');
  });

  it('returns a null meaning where no source defines the tag', () => {
    const t = lookupTag('KGHG');
    expect(t).toMatchObject({ tag: 'KGHG', kind: 'program', meaning: null, source: null });
    expect(tagHover('KGHG')).toMatch(/no published definition/);
  });

  it('reads geographic FIPS codes of the era, not the later GENC recoding', () => {
    expect(lookupTag('KZ')).toMatchObject({ kind: 'geographic', meaning: 'Kazakhstan' });
    expect(lookupTag('CH')?.meaning).toBe('China');
    expect(lookupTag('RS')?.meaning).toBe('Russia');
    expect(lookupTag('RU')).toMatchObject({ kind: 'geographic', meaning: null });
  });

  it('keeps both readings of a code that is a country and an organization', () => {
    const readings = lookupTagReadings('AU');
    expect(readings.map((r) => [r.kind, r.meaning])).toEqual([
      ['geographic', 'Austria'],
      ['organization', 'African Union'],
    ]);
    expect(lookupTag('AU')?.meaning).toBe('Austria');
    expect(tagHover('AU')).toMatch(/Austria[\s\S]*African Union/);
  });

  it('knows unknown-kind tokens and returns null for unlisted ones', () => {
    expect(lookupTag('CLINTON')?.kind).toBe('unknown');
    expect(lookupTag('ZZZZZZ')).toBeNull();
    expect(lookupTag('')).toBeNull();
    expect(lookupTag(undefined as unknown as string)).toBeNull();
    expect(tagHover('ZZZZZZ')).toMatch(/not found/);
  });

  it('covers the whole generated table', () => {
    const rows = (tagsData as unknown as { rows: [string, string, string | null][] }).rows;
    expect(rows.length).toBeGreaterThan(1000);
    for (const [tag, kind] of rows) {
      expect(TAG_KINDS).toContain(kind);
      expect(lookupTagReadings(tag).some((r) => r.kind === kind)).toBe(true);
    }
    expect(tagCount()).toBe(new Set(rows.map((r) => r[0])).size);
  });

  it('escapes table text in hovers', () => {
    expect(tagHover('AT&T')).not.toMatch(/[^\\]&/);
  });
});
