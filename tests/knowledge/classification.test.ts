import { describe, expect, it } from 'vitest';
import {
  BANNERS,
  classificationOf,
  decodeSecurityGroup,
  latticeLevel,
  latticeOf,
  lookupBanner,
  lookupOpSignal,
  parseMetadataClassification,
  parsePortionMark,
  portionMarkHover,
  rank,
} from '../../server/src/knowledge/classification';

describe('levels lattice', () => {
  it('orders U < SBU (= LOU = U//FOUO) < C < S < TS', () => {
    expect(rank('U')).toBeLessThan(rank('SBU'));
    expect(rank('SBU')).toBe(rank('LOU'));
    expect(rank('LOU')).toBe(rank('U//FOUO'));
    expect(rank('SBU')).toBeLessThan(rank('C'));
    expect(rank('C')).toBeLessThan(rank('S'));
    expect(rank('S')).toBeLessThan(rank('TS'));
    expect(rank('secret')).toBe(rank('S'));
    expect(rank('TOP  SECRET')).toBe(rank('TS'));
    expect(rank('X')).toBe(-1);
    expect(rank(undefined as unknown as string)).toBe(-1);
  });
  it('places levels plus controls in the lattice', () => {
    expect(latticeOf('UNCLASSIFIED', ['SBU'])).toBe('SBU');
    expect(latticeOf('UNCLASSIFIED', ['FOUO'])).toBe('SBU');
    expect(latticeOf('UNCLASSIFIED', ['EFTO'])).toBe('U');
    expect(latticeOf('SECRET', ['NF'])).toBe('S');
    expect(classificationOf('SBU')).toBe('UNCLASSIFIED');
    expect(latticeLevel('Limited Official Use')).toBe('SBU');
  });
});

describe('banner designations', () => {
  it('reads every allowed designation, letter-spaced or not', () => {
    expect(lookupBanner('UNCLAS')?.level).toBe('UNCLASSIFIED');
    expect(lookupBanner('unclas')?.designation).toBe('UNCLAS');
    expect(lookupBanner('UNCLAS E F T O')?.designation).toBe('UNCLAS EFTO');
    expect(lookupBanner('UNCLAS EFTO')?.controls).toEqual(['EFTO']);
    expect(lookupBanner('LIMITED OFFICIAL USE')).toMatchObject({ level: 'UNCLASSIFIED', lattice: 'SBU', controls: ['LOU'] });
    expect(lookupBanner('C O N F I D E N T I A L')?.level).toBe('CONFIDENTIAL');
    expect(lookupBanner('S E C R E T')?.lattice).toBe('S');
    expect(lookupBanner('T O P S E C R E T')?.level).toBe('TOP SECRET');
    expect(lookupBanner('TOP SECRET')?.level).toBe('TOP SECRET');
    expect(lookupBanner('UNCLASSIFIED')?.level).toBe('UNCLASSIFIED');
  });
  it('rejects misspelt or unknown designations', () => {
    expect(lookupBanner('C O N F I D E N T A L')).toBeNull();
    expect(lookupBanner('RESTRICTED')).toBeNull();
    expect(lookupBanner('')).toBeNull();
  });
  it('has a hover for each designation', () => {
    for (const b of BANNERS) expect(b.hover.length).toBeGreaterThan(10);
    expect(lookupBanner('LIMITED OFFICIAL USE')!.hover).toMatch(/1995/);
  });
});

describe('metadata classification labels', () => {
  it('reads the six Cablegate labels', () => {
    expect(parseMetadataClassification('UNCLASSIFIED')).toMatchObject({ level: 'UNCLASSIFIED', lattice: 'U', noforn: false, fouo: false });
    expect(parseMetadataClassification('UNCLASSIFIED//FOR OFFICIAL USE ONLY')).toMatchObject({ lattice: 'SBU', fouo: true });
    expect(parseMetadataClassification('CONFIDENTIAL')?.lattice).toBe('C');
    expect(parseMetadataClassification('CONFIDENTIAL//NOFORN')).toMatchObject({ level: 'CONFIDENTIAL', noforn: true });
    expect(parseMetadataClassification('SECRET')?.level).toBe('SECRET');
    expect(parseMetadataClassification('SECRET//NOFORN')?.noforn).toBe(true);
    expect(parseMetadataClassification('BANANA')).toBeNull();
  });
});

describe('parsePortionMark', () => {
  const ok = (inner: string) => {
    const m = parsePortionMark(inner);
    expect(m, inner).not.toBeNull();
    return m!;
  };

  it('accepts every §B.4 and §A.7 variant', () => {
    expect(ok('U')).toMatchObject({ level: 'U', lattice: 'U', normalized: 'U', known: true });
    expect(ok('SBU')).toMatchObject({ level: 'SBU', lattice: 'SBU', classification: 'UNCLASSIFIED', normalized: 'SBU' });
    expect(ok('SBU/N')).toMatchObject({ lattice: 'SBU', noforn: true, normalized: 'SBU//NF' });
    expect(ok('SBU/NF')).toMatchObject({ noforn: true, normalized: 'SBU//NF' });
    expect(ok('C')).toMatchObject({ level: 'C', lattice: 'C', controls: [] });
    expect(ok('S')).toMatchObject({ classification: 'SECRET' });
    expect(ok('TS')).toMatchObject({ lattice: 'TS' });
    expect(ok('C/NF')).toMatchObject({ normalized: 'C//NF', noforn: true, known: true, issues: [] });
    expect(ok('S/NF').normalized).toBe('S//NF');
    expect(ok('C//NF').normalized).toBe('C//NF');
    expect(ok('S//NF').normalized).toBe('S//NF');
    expect(ok('U//FOUO')).toMatchObject({ level: 'U', lattice: 'SBU', controls: ['FOUO'], normalized: 'U//FOUO' });
    expect(ok('S/REL NATO')).toMatchObject({ controls: ['REL NATO'], known: true });
    expect(ok('LOU')).toMatchObject({ lattice: 'SBU' });
    expect(ok('S-NF').normalized).toBe('S//NF');
    expect(ok('U//SBU-NF')).toMatchObject({ lattice: 'SBU', noforn: true, controls: ['SBU', 'NF'] });
    expect(ok('SBU-NF')).toMatchObject({ noforn: true, normalized: 'SBU//NF' });
    expect(ok('S/NOFORN').normalized).toBe('S//NF');
    expect(ok('C/XD').controls).toEqual(['XD']);
    expect(ok('S//ND').controls).toEqual(['ND']);
    expect(ok('S//OC').controls).toEqual(['OC']);
    expect(ok('S//ORCON').controls).toEqual(['OC']);
    expect(ok('C//PROPIN').controls).toEqual(['PROPIN']);
    expect(ok('S//FGI//NF')).toMatchObject({ controls: ['FGI', 'NF'], known: true });
  });

  it('reads REL TO lists to the next slash', () => {
    expect(ok('S//REL TO USA, FVEY').controls).toEqual(['REL TO USA, FVEY']);
    expect(ok('S/REL to Pakistan').normalized).toBe('S//REL TO PAKISTAN');
    expect(ok('C/Rel Aus').controls).toEqual(['REL AUS']);
    expect(ok('S//REL TO USA, ACGU//NF').controls).toEqual(['REL TO USA, ACGU', 'NF']);
  });

  it('flags variants a rule may want to report, without rejecting them', () => {
    expect(ok('c')).toMatchObject({ level: 'C', issues: ['lower-case'] });
    expect(ok('s/nf')).toMatchObject({ normalized: 'S//NF', issues: ['lower-case'] });
    expect(ok(' C ')).toMatchObject({ level: 'C', issues: ['inner-spaces'] });
    expect(ok('C NF')).toMatchObject({ normalized: 'C//NF', issues: ['space-separator'] });
    expect(ok('Secret/Rel Armenia')).toMatchObject({ level: 'S', issues: ['full-word-level'] });
    expect(ok('CONFIDENTIAL').level).toBe('C');
  });

  it('reads the legacy ENTIRE TEXT statement', () => {
    expect(ok('C - ENTIRE TEXT')).toMatchObject({ level: 'C', entireText: true });
    expect(ok('S-ENTIRE TEXT.')).toMatchObject({ level: 'S', entireText: true });
  });

  it('keeps unknown controls after a slash but marks the mark unknown', () => {
    expect(ok('TS//SI')).toMatchObject({ known: false, unknownControls: ['SI'] });
  });

  it('rejects things that are not portion marks', () => {
    for (const t of ['X', 'CS', 'SNF', 'U.S.', 'Iran', 'China', '/Rel UK', '', '   ', 'C and D', 'S some words', 'C/', 'S//', 'S/REL', 'Summary', 'See below', 'Secretary', 'a', '1', 'U S']) {
      expect(parsePortionMark(t), JSON.stringify(t)).toBeNull();
    }
    expect(parsePortionMark('S/' + 'N'.repeat(200))).toBeNull();
    expect(parsePortionMark(42 as unknown as string)).toBeNull();
  });

  it('builds a hover that spells out level and controls', () => {
    expect(portionMarkHover(ok('S//NF'))).toMatch(/SECRET.*NOFORN: not releasable/);
    expect(portionMarkHover(ok('SBU/N'))).toMatch(/SENSITIVE BUT UNCLASSIFIED.*SBU NOFORN/);
    expect(portionMarkHover(ok('U//FOUO'))).toMatch(/FOR OFFICIAL USE ONLY/);
    expect(portionMarkHover(ok('C - ENTIRE TEXT'))).toMatch(/whole message/);
    expect(portionMarkHover(ok('S/REL TO UK'))).toMatch(/releasable to .*\(UK\)/);
  });

  it('escapes cable text that a REL list carries into the hover', () => {
    const h = portionMarkHover(ok('S//REL TO <img src=x>'));
    expect(h).not.toMatch(/<img/);
    expect(h).toContain('\\<');
  });
});

describe('FL4 security groups', () => {
  it('decodes ZNR and ZNY groups', () => {
    expect(decodeSecurityGroup('ZNR', 'UUUUU')).toMatchObject({ level: 'UNCLASSIFIED', efto: false, consistent: true, specat: false });
    expect(decodeSecurityGroup('ZNY', 'EEEEE')).toMatchObject({ level: 'UNCLASSIFIED', efto: true, consistent: true });
    expect(decodeSecurityGroup('ZNY', 'CCCCC')).toMatchObject({ level: 'CONFIDENTIAL', lattice: 'C', consistent: true });
    expect(decodeSecurityGroup('ZNY', 'SSSSS')?.level).toBe('SECRET');
    expect(decodeSecurityGroup('ZNY', 'TTTTT')?.level).toBe('TOP SECRET');
  });
  it('reads SPECAT suffixes and release-code groups', () => {
    expect(decodeSecurityGroup('ZNY', 'SSSSS/AAAAA')).toMatchObject({ level: 'SECRET', specat: true, consistent: true });
    expect(decodeSecurityGroup('ZNY', 'CCCCC', '/BBBBB')?.specat).toBe(true);
    expect(decodeSecurityGroup('ZNR', 'UUUAA')).toMatchObject({ level: 'UNCLASSIFIED', releaseCode: true });
  });
  it('flags signal/group disagreement and rejects junk', () => {
    expect(decodeSecurityGroup('ZNR', 'SSSSS')?.consistent).toBe(false);
    expect(decodeSecurityGroup('ZNY', 'UUUUU')?.consistent).toBe(false);
    expect(decodeSecurityGroup('ZNY', 'XXXXX')?.level).toBeNull();
    expect(decodeSecurityGroup('ZZZ', 'UUUUU')).toBeNull();
    expect(decodeSecurityGroup('ZNR', 'UUUU')).toBeNull();
  });
  it('treats ZZH as opaque and reads other op-signals', () => {
    expect(lookupOpSignal('ZZH')).toMatchObject({ signal: 'ZZH', meaning: null });
    expect(lookupOpSignal('ZZH')!.hover).toMatch(/not in public/);
    expect(lookupOpSignal('ZFR')?.meaning).toBe('cancel');
    expect(lookupOpSignal('ZFF6')).toMatchObject({ signal: 'ZFF', meaning: null });
    expect(lookupOpSignal('ZNY')?.meaning).toBe('security warning');
    expect(lookupOpSignal('HELLO')).toBeNull();
  });
});
