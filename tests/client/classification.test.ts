// The client's own reading of a cable (status bar marking, summary view fallback): pure functions, no VS Code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMarking } from '../../client/src/classification';
import { deriveSummary, splitTags } from '../../client/src/deriveSummary';

const seed = readFileSync('seeds/000_0ac2a656c61260b0.txt', 'utf8');
const bogota = readFileSync('tests/fixtures/cables/04BOGOTA8900.txt', 'utf8');

describe('findMarking', () => {
  it('reads the seed as UNCLAS with the SENSITIVE caption → UNCLAS//SBU on its classification line', () => {
    const m = findMarking(seed)!;
    expect(m.text).toBe('UNCLAS//SBU');
    expect(m.level).toBe('U');
    expect(seed.split('\n')[m.line]).toMatch(/^UNCLAS SECTION 01 OF 02 ASTANA 000308/);
    expect(m.mrn).toBe('ASTANA 000308');
  });

  it('reads a letter-spaced SECRET banner with a NOFORN caption', () => {
    const m = findMarking(bogota)!;
    expect(m.text).toBe('SECRET//NOFORN');
    expect(m.level).toBe('S');
  });

  it.each([
    ['C O N F I D E N T I A L SECTION 01 OF 03 STATE 012345\n\nEXDIS\n\nE.O. 12958: DECL: 01/01/2015', 'CONFIDENTIAL//EXDIS', 'C'],
    ['T O P S E C R E T STATE 000001\nNODIS\nE.O. 12958: DECL: 01/01/2030', 'TOP SECRET//NODIS', 'TS'],
    ['UNCLAS E F T O KABUL 000668\n\nE.O. 12958: N/A', 'UNCLAS EFTO', 'U'],
    ['LIMITED OFFICIAL USE ROME 004567\n\nE.O. 12065: N/A', 'LIMITED OFFICIAL USE', 'LOU'],
    ['S E C R E T STATE 083673 NOFORN\n\nE.O. 12958: DECL: 05/19/2031', 'SECRET//NOFORN', 'S'],
    // SBU is an unclassified control: a classified cable does not carry it in the banner.
    ['C O N F I D E N T I A L BERLIN 000123\n\nSENSITIVE\nSIPDIS\n\nE.O. 12958: DECL: 1/1/2019', 'CONFIDENTIAL', 'C'],
  ])('reads %j as %s', (text, marking, level) => {
    const m = findMarking(text)!;
    expect(m.text).toBe(marking);
    expect(m.level).toBe(level);
  });

  it('stops collecting captions at the E.O. line: controls in the body do not leak into the banner', () => {
    const m = findMarking('UNCLAS STATE 000111\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: NOFORN POLICY\n\n1. (U) NOFORN rules.');
    expect(m!.text).toBe('UNCLAS');
  });

  it('handles CRLF and NBSP like LF and space', () => {
    const m = findMarking('S\u00a0E C R E T SECTION 01 OF 02 BOGOTA 008900\r\n\r\nNOFORN\r\n\r\nE.O. 12958: DECL: 08/24/2014\r\n');
    expect(m?.text).toBe('SECRET//NOFORN');
  });

  it.each([
    ['a WikiLeaks Classification value alone is not a banner', 'Classification\nCONFIDENTIAL\n'],
    ['prose starting with a level word', 'Secret meetings were held in 1978.\nConfidential sources said so.'],
    ['empty text', ''],
    ['binary-looking text', '\u0000\u0001PNG\r\n\u001a\n'.repeat(50)],
    ['one huge line', 'SECRET '.repeat(200_000)],
  ])('finds no marking in %s', (_name, text) => {
    expect(findMarking(text)).toBeUndefined();
  });
});

describe('deriveSummary', () => {
  it('reads the seed header, envelope and captions', () => {
    const s = deriveSummary(seed);
    expect(s.identifier).toBe('09ASTANA308');
    expect(s.created).toBe('2009-02-20 09:29:00');
    expect(s.origin).toBe('Embassy Astana');
    expect(s.from).toBe('AMEMBASSY ASTANA');
    expect(s.to).toEqual(['RUEHC/SECSTATE WASHDC IMMEDIATE 4680']);
    expect(s.info[0]).toBe('RUCNCIS/CIS COLLECTIVE 1228');
    expect(s.info.at(-1)).toBe('RHMFIUU/CDR USCENTCOM MACDILL AFB FL');
    expect(s.subject).toBe('KAZAKHSTAN: JUSTICE MINISTER BALIYEVA EXPRESSES APPRECIATION FOR U.S. ASSISTANCE');
    expect(s.tags.map((t) => t.code)).toEqual(['PGOV', 'PREL', 'PHUM', 'SOCI', 'KCRM', 'KDEM', 'KZ']);
    expect(s.references).toEqual([]);
    expect(s.classification?.text).toBe('UNCLAS//SBU');
    expect(s.producer).toBe('client');
  });

  it('falls back to the MRN and the DTG when there is no WikiLeaks header', () => {
    const body = bogota.slice(bogota.indexOf('S E C R E T SECTION 01'));
    const s = deriveSummary(body);
    expect(s.identifier).toBe('BOGOTA 008900');
    expect(s.references).toEqual(['BOGOTA 2239']);
    const enveloped = deriveSummary('R 051020Z JUN 79\nFM AMEMBASSY ROME\nTO SECSTATE WASHDC 1234\nBT\nUNCLAS ROME 004567\n\nE.O. 12065: N/A\nTAGS: PREL, IT\nSUBJECT: VISIT\n\n1. TEXT.');
    expect(enveloped.created).toBe('051020Z JUN 79');
    expect(enveloped.origin).toBe('AMEMBASSY ROME');
    expect(enveloped.tags.map((t) => t.code)).toEqual(['PREL', 'IT']);
  });

  it('never throws on garbage', () => {
    for (const text of ['', '\n\n\n', 'Identifier\n', 'TAGS:\nSUBJECT:\n', '\u0000'.repeat(10_000)]) expect(() => deriveSummary(text)).not.toThrow();
  });
});

describe('splitTags', () => {
  it('keeps a person tag with its parenthesised name', () => {
    expect(splitTags('PREL, OVIP (CLINTON, HILLARY) KZ')).toEqual(['PREL', 'OVIP (CLINTON, HILLARY)', 'KZ']);
  });
});
