import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCables, type ParsedDocument } from '../../server/src/parser/index';
import { parseReasonLetters } from '../../server/src/knowledge/reasons';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/cables', name), 'utf8');
const SEED = readFileSync(join(__dirname, '../../seeds/000_0ac2a656c61260b0.txt'), 'utf8');
const src = (doc: ParsedDocument, s: { start: number; end: number }) => doc.text.slice(s.start, s.end);

/** The shape of a parse that must not depend on line endings or a BOM. */
function shape(doc: ParsedDocument) {
  return doc.cables.map((c) => ({
    id: c.identifier,
    banner: c.banner && src(doc, c.banner),
    captions: c.captions.map((x) => x.normalized),
    tags: c.tags?.tags.map((t) => src(doc, t)),
    subject: c.subject?.text,
    paragraphs: c.paragraphs.map((p) => [p.number, p.marking && src(doc, p.marking)]),
    headings: c.headings.map((h) => src(doc, h)),
    blocks: c.blocks.map((b) => b.kind),
    signature: c.signature && src(doc, c.signature),
  }));
}

describe('layouts of the real corpus', () => {
  it('1970s: dual precedence, letter-spaced banner, E.O. 12065, ENTIRE TEXT', () => {
    const doc = parseCables(fixture('79TEHRAN8980.txt'));
    const c = doc.cables[0];
    expect(c.envelope!.dtg!.precedences.map((p) => p.text)).toEqual(['R']);
    expect(c.banner!.normalized).toBe('CONFIDENTIAL');
    expect(c.banner!.letterSpaced).toBe(true);
    expect(c.eo!.order!.text).toBe('12065');
    expect(c.eo!.decl!.text).toBe('GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P');
    expect(c.paragraphs[0].marking!.entireText).toBe(true);
    expect(c.paragraphs[0].marking!.level).toBe('CONFIDENTIAL');
  });

  it('1975: O R precedence with op-signal, year before the MRN, SUBJ:, unlettered REF list', () => {
    const doc = parseCables(fixture('7575LIBREVILLE1895.txt'));
    const c = doc.cables[0];
    expect(c.envelope!.dtg!.precedences.map((p) => p.text)).toEqual(['O', 'R']);
    expect(c.envelope!.dtg!.opSignal!.text).toBe('ZFF4');
    expect(c.envelope!.to[0].precedence!.text).toBe('NIACT IMMEDIATE');
    expect(c.banner!.mrn!.post.text).toBe('LIBREVILLE');
    expect(c.banner!.mrn!.serialNumber).toBe(1895);
    expect(c.subject!.text).toBe('KOREA AT 30TH UNGA: GABON');
    expect(c.references!.items.map((r) => r.cableId)).toEqual(['75STATE272523', '75USUNNEWYORK6028']);
    expect(c.references!.items.every((r) => r.yearInferred)).toBe(true);
  });

  it('partial record: the banner follows the partial-extract sentence on the same line', () => {
    const doc = parseCables(fixture('02ADANA386.txt'));
    const c = doc.cables[0];
    expect(c.metadata!.layout).toBe('raw-cablegate');
    expect(c.partial).not.toBeNull();
    expect(src(doc, c.banner!)).toBe('UNCLAS SECTION 01 OF 02 ADANA 0386');
    expect(c.eo!.na).not.toBeNull();
    expect(c.tags!.tags.map((t) => t.text)).toEqual(['PREL', 'PINS', 'PGOV', 'PHUM', 'TU', 'IZ', 'ADANA']);
    expect(c.paragraphs[0].numberToken.text).toBe('¶1.');
  });

  it('flattened caption block: passing text and E.O. on one line', () => {
    const doc = parseCables(fixture('02BRASILIA4227.txt'));
    const c = doc.cables[0];
    expect(c.passingLines.map((p) => p.text)).toEqual(['DEPT FOR WHA/BSC']);
    expect(c.eo!.decl!.text).toBe('11/22/2012');
    expect(c.classifiedBy!.section!.text).toBe('1.5');
    expect(c.classifiedBy!.reasons.map((r) => r.text)).toEqual(['b', 'd']);
    expect(c.headings[0].text).toBe('RELATIONSHIP OFF ON THE RIGHT FOOT');
  });

  it('cables.csv dump: a repeated envelope is one cable; lower-case letter-spaced banner; lower-case tags', () => {
    const doc = parseCables(fixture('09NAIROBI2497.txt'));
    expect(doc.cables).toHaveLength(1);
    const c = doc.cables[0];
    expect(c.envelope!.from).toHaveLength(1);
    expect(c.banner!.normalized).toBe('SECRET');
    expect(c.banner!.lowerCase).toBe(false);
    expect(c.captions.map((x) => x.normalized)).toEqual(['NOFORN', 'SIPDIS']);
    expect(c.classifiedBy!.reasons.map((r) => r.text)).toEqual(['a', 'b', 'd']);
  });

  it('raw-cablegate metadata only: a cable with metadata and nothing else', () => {
    const doc = parseCables(fixture('01STATE176819.txt'));
    expect(doc.cables).toHaveLength(1);
    const md = doc.cables[0].metadata!;
    expect(md.identifier!.value.text).toBe('01STATE176819');
    // `Thu Oct 11 00:00:00 +0200 2001` is a day (local midnight), not 22:00Z the day before.
    expect(md.createdIso).toBe('2001-10-11T00:00:00Z');
    expect(md.classificationLevel).toBe('CONFIDENTIAL');
  });

  it('header noise: a date line between the addressees and the banner; TAGS without colon wrapped', () => {
    const doc = parseCables(fixture('09BEIJING2965.txt'));
    const c = doc.cables[0];
    expect(c.banner!.mrn!.post.text).toBe('BEIJING');
    expect(c.tags!.tags.filter((t) => t.kind === 'person').map((t) => t.text)).toEqual(['STEINBERG, JAMES B.']);
    expect(c.tags!.tags.filter((t) => t.kind === 'tag').map((t) => t.text)).toEqual(['OVIP', 'PREL', 'PGOV', 'PARM', 'MNUC', 'CH', 'KN', 'KS']);
    expect(c.paragraphs.slice(0, 4).map((p) => p.number)).toEqual([1, 2, 3, 4]);
  });
});

describe('references', () => {
  it('splits an unlettered list separated by colons when every piece names a cable', () => {
    const c = parseCables(fixture('72TEHRAN1164.txt')).cables[0];
    expect(c.references!.items.map((r) => [r.text, r.cableId])).toEqual([
      ['TEHRAN 1091', '72TEHRAN1091'],
      ['TEHRAN 263', '72TEHRAN263'],
      ['MOSCOW 1603', '72MOSCOW1603'],
    ]);
  });

  it('reads lettered items with explicit years', () => {
    const c = parseCables(fixture('09PARIS1162.txt')).cables[0];
    expect(c.references!.items.map((r) => [r.letter, r.cableId, r.yearInferred])).toEqual([
      ['A', null, false],
      ['B', '09PARIS1097', true],
    ]);
  });
});

describe('REF item identifiers (the reading the workspace links use)', () => {
  const ids = (name: string) => parseCables(fixture(name)).cables[0].references!.items.map((r) => [r.letter, r.text, r.cableId]);

  it('reads the short names posts give themselves (`RIO 346`, `UNVIE 544`, `DUBAI RPO 378`) as their identifiers\' spelling', () => {
    expect(ids('09RIODEJANEIRO353.txt').map((r) => r[2])).toContain('09RIODEJANEIRO346');
    expect(ids('09UNVIEVIENNA553.txt').map((r) => r[2])).toContain('09UNVIEVIENNA544');
    expect(ids('09RPODUBAI379.txt').map((r) => r[2])).toContain('09RPODUBAI378');
    expect(ids('09ISTANBUL83.txt').map((r) => r[2])).toContain('09RPODUBAI95');
  });

  it('drops the list letter a mirror prints before the cable\'s own (`A. A. 07 BAGHDAD 03668`)', () => {
    expect(ids('08BAGHDAD357.txt').slice(0, 2)).toEqual([
      ['A', '07 BAGHDAD 03668', '07BAGHDAD3668'],
      ['B', '07 BAGHDAD 03764', '07BAGHDAD3764'],
    ]);
    expect(ids('09BRASILIA1276.txt')).toEqual([
      ['A', 'SECSTATE 103585', '09STATE103585'],
      ['B', '2008 BRASILIA 775', '08BRASILIA775'],
    ]);
  });

  it('keeps an initial that repeats the letter', () => {
    const c = parseCables('UNCLAS STATE 000123\n\nSUBJECT: X\n\nREF: A. A. Smith e-mail of March 3\n\n1. Text.\n').cables[0];
    expect(c.references!.items.map((r) => [r.letter, r.text, r.cableId])).toEqual([['A', 'A. Smith e-mail of March 3', null]]);
  });

  it('reads glued, mixed-case and bracketed-year identifiers, and not a name before a date', () => {
    const all = (name: string) => parseCables(fixture(name)).cables[0].references!.items.map((r) => r.cableId);
    expect(all('09BELGRADE765.txt')).toContain('09BELGRADE743');
    expect(all('09BERLIN1360.txt')[0]).toBe('09BERLIN1337');
    expect(all('09SAOPAULO660.txt')).toEqual(['09BRASILIA1250', '09RECIFE66', '08SAOPAULO581']);
    expect(all('10SHENYANG5.txt')[0]).toBe('10SHENYANG3');
    // `(B) MCWHIRTER 12/14/07`: a name before a date, not cable 07MCWHIRTER12.
    expect(all('07BUENOSAIRES2345.txt')).toEqual(['07BUENOSAIRES2336', null]);
  });
});

describe('caption block lines', () => {
  it('office symbols among the captions are passing text, not unknown captions', () => {
    const c = parseCables(fixture('10KUWAIT45.txt')).cables[0];
    expect(c.captions.map((x) => [x.normalized, x.known])).toEqual([
      ['NOFORN', true],
      ['SIPDIS', true],
    ]);
    expect(c.passingLines.map((p) => p.text)).toEqual(['EEB/ESC/TFS, NEA/ARP, S/CT,', 'DEFENSE FOR OSD, CENTCOM,', 'TREASURY FOR A/S COHEN']);
    const ankara = parseCables(readFileSync(join(__dirname, '../fixtures/holdout/02ANKARA8150.txt'), 'utf8')).cables[0];
    expect(ankara.captions.map((x) => x.normalized)).toEqual(['SIPDIS']);
    expect(ankara.passingLines.map((p) => p.text)).toEqual(['EB/IFD/ODF, SA/AR, SA/PAB AND EUR/SE']);
  });

  it('a single unknown word stays a caption (it may be a misspelt caveat)', () => {
    const c = parseCables('CONFIDENTIAL STATE 000123\n\nNOFRON\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\n1. (C) Text.\n').cables[0];
    expect(c.captions.map((x) => [x.normalized, x.known])).toEqual([['NOFRON', false]]);
  });

  it('a corrected-copy note is one handling caption, its words included', () => {
    const c = parseCables(fixture('08ISLAMABAD1432.txt')).cables[0];
    const note = c.captions.find((x) => x.normalized === 'CORRECTED COPY')!;
    expect(note.text).toBe('C O R R E C T E D   C O P Y - ADDED NOFORN CAPTION');
    expect(note.known).toBe(true);
    expect(c.captions.filter((x) => x.normalized.length === 1)).toEqual([]);
  });
});

describe('1.4 reasons', () => {
  const reasons = (text: string) => parseCables(text).cables[0].classifiedBy?.reasons.map((r) => r.text);

  it('reads `and` cut by a line break (`1.4 (b) an` / `d (d).`)', () => {
    expect(reasons(fixture('10ASHGABAT118.txt'))).toEqual(['b', 'd']);
    expect(reasons(fixture('10USNATO35.txt'))).toEqual(['b', 'd']);
  });

  it('reads the section below a blank line when the Classified By text stops at `reason(s)`', () => {
    expect(reasons(fixture('07LONDON4472.txt'))).toEqual(['b', 'd']);
    const sofia = parseCables(readFileSync(join(__dirname, '../fixtures/holdout/05SOFIA1207.txt'), 'utf8')).cables[0];
    expect(sofia.classifiedBy?.section?.text).toBe('1.4');
    expect(sofia.classifiedBy?.reasons.map((r) => r.text)).toEqual(['c']);
    expect(sofia.paragraphs[0].number).toBe(1);
    // The reasons line is not body text before paragraph 1.
    expect(sofia.body!.start).toBe(sofia.paragraphs[0].start);
  });

  it('crosses no blank line when the text does not stop at `reason(s)` or no section follows', () => {
    const cable = (by: string) => `CONFIDENTIAL STATE 000123\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\n${by}\n\n1. (C) Text.\n`;
    expect(parseCables(cable('Classified By: John Doe for reasons\n\n14 (b).')).cables[0].classifiedBy?.section).toBeNull();
    expect(parseCables(cable('Classified By: John Doe.\n\n1.4 (b).')).cables[0].classifiedBy?.section).toBeNull();
  });

  it('reads a period closing the section before a parenthesised list (`1.4. (b and d)`)', () => {
    expect(reasons(fixture('06MOSCOW11778.txt'))).toEqual(['b', 'd']);
    expect(reasons(fixture('09ALGIERS1162.txt'))).toEqual(['b', 'd']);
    const cable = (reason: string) => `CONFIDENTIAL STATE 000123\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: John Doe, Reasons ${reason}\n\n1. (C) Text.\n`;
    expect(reasons(cable('1.4. (b & d).'))).toEqual(['b', 'd']);
    // A period before anything but a parenthesis ends the sentence.
    expect(reasons(cable('1.4. A new text.'))).toEqual([]);
    expect(reasons(cable('1.4. b and d.'))).toEqual([]);
  });

  it("the model's reading and the rules' reading (knowledge/reasons) give the same letters in every style", () => {
    const styles = ['1.4 (b) and (d).', '1.4(b)(d)', '1.4 (B,D)', '1.4 b and d', '1.4 (B/D)', '1.4 (B&D)', '1.4. (b), (d).', '1.5 (B) and 1.5 (D).', '1.4 (a), (b), and (d).', '1.4 (d)', '1.4.', '1.4'];
    for (const style of styles) {
      const text = `CONFIDENTIAL STATE 000123\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: John Doe, Reasons ${style}\n\n1. (C) Text.\n`;
      expect(reasons(text), style).toEqual(parseReasonLetters(`Reasons ${style}`)?.letters ?? []);
    }
  });

  it('a cut `and` is not read as reason a, and a whole `and` still separates', () => {
    const cable = (reason: string) => `CONFIDENTIAL STATE 000123\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\nClassified By: John Doe, Reasons ${reason}\n\n1. (C) Text.\n`;
    expect(reasons(cable('1.4 (b) a\nnd (d).'))).toEqual(['b', 'd']);
    expect(reasons(cable('1.4 (b) o\nr (d).'))).toEqual(['b', 'd']);
    expect(reasons(cable('1.4 (b) and (d).'))).toEqual(['b', 'd']);
    expect(reasons(cable('1.4 (a), (b)\nand (d).'))).toEqual(['a', 'b', 'd']);
  });
});

describe('text encodings and file shapes', () => {
  it('CRLF, CR and a BOM give the same structure as LF', () => {
    const lf = shape(parseCables(SEED));
    expect(shape(parseCables(SEED.replace(/\n/g, '\r\n')))).toEqual(lf);
    expect(shape(parseCables(SEED.replace(/\n/g, '\r')))).toEqual(lf);
    expect(shape(parseCables(`\ufeff${SEED}`))).toEqual(lf);
  });

  it('several cables in one file are parsed separately', () => {
    const text = `${SEED}\n${fixture('09PARIS1162.txt')}\n${fixture('79TEHRAN8980.txt')}`;
    const doc = parseCables(text);
    expect(doc.cables.map((c) => c.identifier)).toEqual(['09ASTANA308', '09PARIS1162', '79TEHRAN8980']);
    for (let k = 1; k < doc.cables.length; k++) expect(doc.cables[k].start).toBeGreaterThan(doc.cables[k - 1].end);
    expect(doc.cables[1].banner!.level).toBe('SECRET');
    expect(doc.cables[1].paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('raw cables without metadata are split at each new envelope', () => {
    const body = (t: string) => t.slice(t.indexOf('VZCZC'));
    const doc = parseCables(`${body(SEED)}\n${body(fixture('09PARIS1162.txt'))}`);
    expect(doc.cables.map((c) => c.identifier)).toEqual(['09ASTANA308', '09PARIS1162']);
  });

  it('empty, blank and binary input give a file-level problem, not a crash', () => {
    expect(parseCables('').problems.map((p) => p.code)).toEqual(['no-cable']);
    expect(parseCables('   \n\t\n  ').problems.map((p) => p.code)).toEqual(['no-cable']);
    expect(parseCables('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR').problems.map((p) => p.code)).toEqual(['binary-content']);
    expect(parseCables('Dear Bob,\nsee you at 5.\n').problems.map((p) => p.code)).toEqual(['no-cable']);
  });

  it('truncating the seed at every line never throws and keeps spans inside the text', () => {
    const lines = SEED.split('\n');
    for (let n = 0; n <= lines.length; n++) {
      const text = lines.slice(0, n).join('\n');
      const doc = parseCables(text);
      for (const c of doc.cables) {
        expect(c.start).toBeGreaterThanOrEqual(0);
        expect(c.end).toBeLessThanOrEqual(text.length);
        for (const p of c.paragraphs) expect(p.end).toBeLessThanOrEqual(text.length);
      }
    }
  });
});

describe('banners', () => {
  const banner = (line: string) => parseCables(`${line}\n\nE.O. 12958: N/A\nTAGS: PGOV\nSUBJECT: TEST\n\n1. (U) Text.\n`).cables[0].banner;
  it.each([
    ['UNCLAS STATE 089712', 'UNCLAS', 'UNCLASSIFIED', []],
    ['UNCLAS E F T O KABUL 000668', 'UNCLAS EFTO', 'UNCLASSIFIED', ['EFTO']],
    ['UNCLASSIFIED SECTION 01 OF 01 TEHRAN 1164', 'UNCLASSIFIED', 'UNCLASSIFIED', []],
    ['LIMITED OFFICIAL USE BEIJING 25961', 'LIMITED OFFICIAL USE', 'UNCLASSIFIED', ['LOU']],
    ['C O N F I D E N T I A L SECTION 1 OF 3 RIYADH 0905', 'CONFIDENTIAL', 'CONFIDENTIAL', []],
    ['S E C R E T STATE 083673', 'SECRET', 'SECRET', []],
    ['SECRET BUENOS AIRES 001234', 'SECRET', 'SECRET', []],
    ['T O P S E C R E T STATE 000001', 'TOP SECRET', 'TOP SECRET', []],
    ['c o n f i d e n t i a l section 01 of 02 ankara 000226', 'CONFIDENTIAL', 'CONFIDENTIAL', []],
  ])('%s', (line, normalized, level, controls) => {
    const b = banner(line)!;
    expect(b.normalized).toBe(normalized);
    expect(b.level).toBe(level);
    expect(b.controls).toEqual(controls);
  });

  it('keeps a misspelled letter-spaced designation with its letters and no level', () => {
    const b = banner('C O N F I D E N T A L SECTION 01 OF 02 ANKARA 000226')!;
    expect(b.normalized).toBeNull();
    expect(b.level).toBeNull();
    expect(b.letters).toBe('CONFIDENTAL');
    expect(b.mrn!.serialNumber).toBe(226);
  });

  it('reads the MRN post with spaces and caveats after it', () => {
    const b = banner('S E C R E T SECTION 01 OF 03 USUN NEW YORK 000123 NOFORN')!;
    expect(b.mrn!.post.text).toBe('USUN NEW YORK');
    expect(b.caveats.map((c) => c.text)).toEqual(['NOFORN']);
    expect([b.section!.index, b.section!.total]).toEqual([1, 3]);
  });
});

describe('portion marks', () => {
  const mark = (para: string, banner = 'C O N F I D E N T I A L STATE 000001') =>
    parseCables(`${banner}\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PGOV\nSUBJECT: TEST\n\n${para}\n`).cables[0].paragraphs[0]?.marking ?? null;
  it.each([
    ['1. (C) Text.', 'C', 'CONFIDENTIAL', [], null],
    ['1.(C) Text.', 'C', 'CONFIDENTIAL', [], null],
    ['1.  (C)  Text.', 'C', 'CONFIDENTIAL', [], null],
    ['¶1. (C) Text.', 'C', 'CONFIDENTIAL', [], null],
    ['1. (S//NF) Text.', 'S//NF', 'SECRET', ['NF'], null],
    ['1. (C/NF) Text.', 'C//NF', 'CONFIDENTIAL', ['NF'], null],
    ['1. (SBU/N) Text.', 'SBU//NF', 'UNCLASSIFIED', ['NF'], null],
    ['1. (U//FOUO) Text.', 'U//FOUO', 'UNCLASSIFIED', [], null],
    ['1. ( C ) Text.', 'C', 'CONFIDENTIAL', [], 'inner-spaces'],
    ['1. (c) Text.', 'C', 'CONFIDENTIAL', [], 'lower-case'],
    ['1. C) Text.', 'C', 'CONFIDENTIAL', [], 'missing-open-paren'],
    ['1. SBU) Text.', 'SBU', 'UNCLASSIFIED', [], 'missing-open-paren'],
  ])('%s', (para, normalized, level, dissemination, malformed) => {
    const m = mark(para)!;
    expect(m.normalized).toBe(normalized);
    expect(m.level).toBe(level);
    expect(m.dissemination).toEqual(dissemination);
    expect(m.malformed).toBe(malformed);
    expect(m.unknown).toBe(false);
  });

  it('flags marks outside the grammar as unknown', () => {
    expect(mark('1. (X) Text.')!.unknown).toBe(true);
    expect(mark('1. (CS) Text.')!.unknown).toBe(true);
  });

  it('does not take prose in parentheses for a mark', () => {
    expect(mark('1. (Sabah) Following the state of emergency.')).toBeNull();
    expect(mark('1. (Note: see below.) Text.')).toBeNull();
  });

  it('reads legacy ENTIRE TEXT statements', () => {
    for (const p of ['1. C - ENTIRE TEXT.', '1. (C - ENTIRE TEXT).', '1. CONFIDENTIAL - ENTIRE TEXT.']) {
      const m = mark(p)!;
      expect(m.entireText).toBe(true);
      expect(m.level).toBe('CONFIDENTIAL');
    }
  });

  it('lower-case marks are normal in a wholly lower-case cable', () => {
    expect(mark('1. (c) text.', 'c o n f i d e n t i a l state 000001')!.malformed).toBeNull();
  });
});

describe('Classified By reasons', () => {
  const reasons = (line: string) => {
    const c = parseCables(`S E C R E T STATE 000001\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PGOV\nSUBJECT: TEST\n\n${line}\n\n1. (S) Text.\n`).cables[0];
    return [c.classifiedBy?.section?.text ?? null, c.classifiedBy?.reasons.map((r) => r.text) ?? null];
  };
  it.each([
    ['Classified By: Ambassador Richard E. Hoagland for reasons 1.4 (b) and (d)', '1.4', ['b', 'd']],
    ['CLASSIFIED BY: Rose E. Gottemoeller, Assistant Secretary, VCI; REASON: 1.4(B), (D)', '1.4', ['b', 'd']],
    ['Classified By: DCM John Doe, reasons 1.4(b)(d).', '1.4', ['b', 'd']],
    ['Classified By: DCM John Doe, reasons 1.4 (B,D)', '1.4', ['b', 'd']],
    ['Classified By: DCM John Doe, reasons 1.4 b and d.', '1.4', ['b', 'd']],
    ['Classified By: DCM John Doe, Reasons 1.4 (B/D).', '1.4', ['b', 'd']],
    ['Classified By: DCM John Doe, Reasons 1.4 (B&D).', '1.4', ['b', 'd']],
    ['Classified By: Poloff Jane Roe. Reason: 1.5 (D).', '1.5', ['d']],
    ['Classified By: DCM John Doe.', null, []],
  ])('%s', (line, section, letters) => {
    expect(reasons(line)).toEqual([section, letters]);
  });

  it('finds Classified By inside a numbered first paragraph', () => {
    const c = parseCables(
      'C O N F I D E N T I A L STATE 000001\n\nE.O. 12958: DECL: 01/01/2010\nTAGS: PGOV\nSUBJECT: TEST\n\n1. CONFIDENTIAL - ENTIRE TEXT. CLASSIFIED BY: JOHN DOE, AMBASSADOR. REASON: 1.5 (D).\n\n2. Text.\n',
    ).cables[0];
    expect(c.classifiedBy!.reasons.map((r) => r.text)).toEqual(['d']);
    expect(c.paragraphs[0].classifiedBy).toBe(true);
    expect(c.paragraphs[0].marking!.entireText).toBe(true);
  });
});

describe('mirror pages with no blank lines between paragraphs', () => {
  const headings = (name: string) => parseCables(fixture(name)).cables[0].headings.map((h) => h.text);

  it('reads a title between two paragraphs as a heading, in capitals or in title case', () => {
    // (`RESULT: IMPASSE` stands above a page marker, then its paragraph 6.)
    expect(headings('09ZAGREB694.txt')).toEqual(['CROATIA’S EFFORTS TO SATISFY ICTY', 'ICTY CANNOT BE SATISFIED', 'RESULT: IMPASSE', 'A NEW U.S. APPROACH']);
    expect(headings('10BRASILIA61.txt')).toEqual(['Honduras', 'Venezuela', 'Bolivia, Colombia, Chile', 'Haiti', 'Visits and Coordination']);
    // After `END SUMMARY` with no period, and after `... End note.)`; short words in lower case (`from`).
    expect(headings('10BRUSSELS128.txt')).toEqual(['Terrorist Financing Tracking Program Interim Agreement', 'U.S. - EU Summit']);
    expect(headings('07ISLAMABAD256.txt')).toContain('Attack on Insurgents Infiltrating from North Waziristan');
    expect(headings('09MADRID869.txt')).toContain('//Op Troika and its Updates//');
    const brasilia = parseCables(fixture('10BRASILIA61.txt')).cables[0];
    expect(brasilia.paragraphs.map((p) => p.heading)).toEqual([-1, 0, 1, 1, 2, 3, 4]);
  });

  it('takes no redacted line and no prose missing its period for a title', () => {
    expect(headings('09HARARE888.txt')).not.toContain('XXXXXXXXXXXX');
    const text = [
      'CONFIDENTIAL SECTION 01 OF 01 PARIS 001234', '', 'SUBJECT: TEST', '',
      '1. (C) The minister left at noon.', 'The rest of the meeting was uneventful', '2. (C) He said so.',
      '3. (C) The talks ended.', 'Embassy comment follows', '4. (C) More.',
    ].join('\n');
    expect(parseCables(text).cables[0].headings).toEqual([]);
  });

  it('reads a numbered paragraph with a mark after a line that does not end a sentence, when the number goes forward', () => {
    // `1. (C) Summary: ...` (its text cut), then `4. (C) Amb. Burk said ...`: the source lost 2 and 3.
    // (Paragraphs 2 and 3 are run onto paragraph 1's line: `... between the two. 2. (C) German officials ...`.)
    const nums = parseCables(fixture('09STATE82013.txt')).cables[0].paragraphs.map((p) => p.number);
    expect(nums.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    // A list restarting at 1 inside paragraph 3 stays its text.
    const text = ['CONFIDENTIAL PARIS 001234', '', 'SUBJECT: TEST', '', '3. (C) The points were', '1. (C) first', ''].join('\n');
    expect(parseCables(text).cables[0].paragraphs.map((p) => p.number)).toEqual([3]);
  });
});

describe('Classified By in a later numbered paragraph', () => {
  it('reads `2. (U) Classified by Acting DAS James Knight, Reasons 1.4 (b) and (d).` (08STATE103511)', () => {
    const doc = parseCables(fixture('08STATE103511.txt'));
    const c = doc.cables[0];
    expect(c.classifiedBy && src(doc, c.classifiedBy.who!)).toBe('Acting DAS James Knight');
    expect(c.classifiedBy?.reasons.map((r) => r.text)).toEqual(['b', 'd']);
    expect(c.paragraphs.filter((p) => p.classifiedBy).map((p) => p.number)).toEqual([2]);
  });
});

describe('the summary under the Classified By line', () => {
  it('`Summary` over its rule right under a Classified By line is no part of it (10BELGRADE3)', () => {
    const doc = parseCables(fixture('10BELGRADE3.txt'));
    const c = doc.cables[0];
    expect(src(doc, c.classifiedBy!).endsWith('REASON: 1.4(B), (D)')).toBe(true);
    expect(c.headings[0].text).toBe('Summary');
  });
});

describe('summaries opened with what goes with them', () => {
  it('`Summary and Action Request.`, `Summary/Introduction.`, `SUMMARY & COMMENT:`, `SUMMARY  During` open the summary END SUMMARY closes', () => {
    for (const name of ['09ISLAMABAD1119.txt', '09BUENOSAIRES827.txt', '09RIYADH181.txt', '09TELAVIV457.txt']) {
      const blocks = parseCables(fixture(name)).cables[0].blocks.filter((b) => b.kind === 'SUMMARY');
      expect(blocks.length, name).toBe(1);
      expect(blocks[0].close, name).not.toBeNull();
    }
  });

  it('an END SUMMARY in the first paragraphs with no opener closes a summary from paragraph 1 (10BERLIN164, 08ROME1386)', () => {
    for (const name of ['10BERLIN164.txt', '08ROME1386.txt']) {
      const c = parseCables(fixture(name)).cables[0];
      const summary = c.blocks.filter((b) => b.kind === 'SUMMARY');
      expect(summary.length, name).toBe(1);
      expect(summary[0].start, name).toBe(c.paragraphs[0].start);
    }
    // Not after paragraph 3 (under a `Summary` heading the heading opened it: see below).
    const late = ['UNCLAS PARIS 001234', '', 'SUBJECT: TEST', '', '1. (U) One.', '', '2. (U) Two.', '', '3. (U) Three.', '', '4. (U) Four. END SUMMARY.', ''];
    expect(parseCables(late.join('\n')).cables[0].blocks).toEqual([]);
  });

  it('a `SUMMARY` heading, boxed or underlined, opens the summary END SUMMARY closes; the heading stays (04AMMAN1288, 06CARACAS219, 09BEIJING1378, 09DOHA502)', () => {
    const summaryOf = (name: string) => {
      const doc = parseCables(fixture(name));
      const c = doc.cables[0];
      const s = c.blocks.filter((b) => b.kind === 'SUMMARY');
      expect(s.length, name).toBe(1);
      // The block starts at the heading, which stays the heading of its section.
      expect(s[0].start, name).toBe(c.headings[0].start);
      return { open: src(doc, s[0].open), close: s[0].close && src(doc, s[0].close), heading: c.headings[0].text, paragraphs: c.paragraphs.filter((p) => p.start > s[0].start && p.start < s[0].end).map((p) => p.number) };
    };
    // `-------` / `SUMMARY` / `-------`, the closer ending paragraph 1; in mixed case over two paragraphs; underlined only.
    expect(summaryOf('04AMMAN1288.txt')).toEqual({ open: 'SUMMARY', close: 'END SUMMARY', heading: 'SUMMARY', paragraphs: [1] });
    expect(summaryOf('06CARACAS219.txt')).toEqual({ open: 'Summary', close: 'End Summary.', heading: 'Summary', paragraphs: [1, 2] });
    expect(summaryOf('09BEIJING1378.txt')).toEqual({ open: 'SUMMARY', close: 'End Summary.', heading: 'SUMMARY', paragraphs: [1] });
    // With a portion mark, the heading opens it rather than paragraph 1.
    expect(summaryOf('09DOHA502.txt')).toEqual({ open: '(C) SUMMARY', close: 'END SUMMARY', heading: '(C) SUMMARY', paragraphs: [1, 2] });
    // The closer broken over two lines (`End` / `Summary.`).
    expect(summaryOf('09TELAVIV1098.txt')).toMatchObject({ open: 'Summary', close: 'Summary.', paragraphs: [1] });
    expect(summaryOf('07PARIS4685.txt')).toMatchObject({ open: 'SUMMARY', close: 'Summary', paragraphs: [1] });
    // With no closer, the heading alone shows the summary: no block (08MOSCOW2615).
    expect(parseCables(fixture('08MOSCOW2615.txt')).cables[0].blocks.filter((b) => b.kind === 'SUMMARY')).toEqual([]);
    // Nor does an END SUMMARY under a later heading, or a line going on after `END` with more words, close it.
    const cable = (body: string[]) => parseCables(['UNCLAS PARIS 001234', '', 'SUBJECT: TEST', '', 'SUMMARY', '-------', '', ...body, ''].join('\n')).cables[0];
    expect(cable(['1. (U) One.', '', 'NEXT STEPS', '----------', '', '2. (U) Two. END SUMMARY.']).blocks).toEqual([]);
    expect(cable(['1. (U) The word at the end', 'summary of the talks was kept.']).blocks).toEqual([]);
    expect(cable(['1. (U) The talks went on. End', 'summary.']).blocks.map((b) => b.kind)).toEqual(['SUMMARY']);
  });

  it('does not take `Note and ...` or a summary word inside a sentence for an opener', () => {
    const text = ['UNCLAS PARIS 001234', '', 'SUBJECT: TEST', '', '1. (U) Note and passport requirements: none.', '', '2. (U) The summary and the annex follow.', ''].join('\n');
    expect(parseCables(text).cables[0].blocks).toEqual([]);
  });
});

describe('comments and notes in the other forms authors write them', () => {
  const closed = (name: string, kind: string) => parseCables(fixture(name)).cables[0].blocks.filter((b) => b.kind === kind && b.close).length;

  it('`(Comment. ...`, `(NOTE. ...` with a period, `Embassy comment:`, `Ambassador\'s Comment:`, `COMMENT AND ACTION REQUEST:`', () => {
    expect(closed('09SANAA1015.txt', 'COMMENT')).toBe(3);
    expect(closed('07TALLINN375.txt', 'NOTE')).toBe(3);
    expect(closed('09LONDON339.txt', 'COMMENT')).toBe(3);
    expect(closed('09ABUDHABI301.txt', 'COMMENT')).toBe(1);
    expect(closed('09HARARE1004.txt', 'COMMENT')).toBe(1);
  });

  it('does not open a comment on a sentence that mentions one', () => {
    const text = ['UNCLAS PARIS 001234', '', 'SUBJECT: TEST', '', '1. (U) Embassy officials declined comment.', '', '2. (U) (Comments were made by the minister.)', ''].join('\n');
    expect(parseCables(text).cables[0].blocks).toEqual([]);
  });
});

describe('REF lists the mirror lettered line by line', () => {
  const refs = (name: string) => parseCables(fixture(name)).cables[0].references!.items.map((r) => [r.letter, r.text]);

  it('keeps the cable\'s own letters and joins a line with none to its item', () => {
    expect(refs('06PARIS1031.txt')).toEqual([
      ['A', 'EMBASSY PARIS DAILY REPORT FOR FEBRUARY 17 2006'],
      ['B', 'EMBASSY PARIS DAILY REPORT FOR FEBRUARY 10'],
      ['C', 'EMBASSY PARIS DAILY REPORT FOR FEBRUARY 6'],
      ['D', 'EMBASSY PARIS DAILY REPORT FOR JANUARY 20'],
      ['E', 'EMBASSY PARIS DAILY REPORT FOR DECEMBER 19 2005'],
      ['F', 'EMBASSY PARIS DAILY REPORT FOR SEPTEMBER 23'],
    ]);
    expect(refs('07PARIS2027.txt')[1]).toEqual(['B', 'EMBASSY PARIS DAILY SIPRNET REPORT FOR MAY 18 2007 AND PREVIOUS']);
    // Letters that agree throughout are left alone.
    expect(refs('05PARIS7835.txt').map((r) => r[0])).toEqual(['A', 'B', 'C']);
  });

  it('joins an item wrapped after a blank line and reads the next one after it (`C) SAINZ E-MAIL` / `OF 10/6 D) STATE 215870`)', () => {
    const c = parseCables(fixture('04MADRID3914.txt')).cables[0];
    const items = c.references!.items.map((r) => `${r.letter}. ${r.text}`);
    expect(items.join(' / ')).toBe('A. MADRID 3552 / B. BRUSSELS 4080 / C. SAINZ E-MAIL OF 10/6 / D. STATE 215870');
    expect(c.headings.map((h) => h.text)).not.toContain('OF 10/6 D) STATE 215870');
  });

  it('reads an item glued to the Classified By line after it (`B. (B) RIO 346 Classified By: ...`)', () => {
    const c = parseCables(fixture('09RIODEJANEIRO357.txt')).cables[0];
    expect(c.references!.items.map((r) => [r.letter, r.cableId])).toEqual([['A', '09RIODEJANEIRO329'], ['B', '09RIODEJANEIRO346']]);
    expect(c.classifiedBy?.reasons.map((r) => r.text)).toEqual(['b', 'd']);
  });

  it('reads the REF line of a caption block repeated before its first captions (06LAPAZ3400, 09STATE127892)', () => {
    // `S E C R E T SECTION 01 OF 05 LA PAZ 003400` / `SIPDIS` / the banner again, then E.O., TAGS, SUBJECT, REF.
    expect(refs('06LAPAZ3400.txt')).toEqual([[null, 'LA PAZ 03178']]);
    // A repeated cable: the Department's banner, `FOLLOWING STATE 127892 ... QUOTE:`, then the original's captions.
    expect(refs('09STATE127892.txt').map((r) => r[0])).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('titles of a name and a number, and titles with a question inside', () => {
  const headingsOf = (name: string) => parseCables(fixture(name)).cables[0].headings.map((h) => h.text);
  it('`G-20` over its rule is a heading (09BEIJING2963, 10MADRID80); a line of one letter and a number elsewhere is not', () => {
    expect(headingsOf('09BEIJING2963.txt')).toEqual(['Summary', 'Iran', 'POTUS Visit', 'G-20', 'North Korea', 'Tires']);
    const madrid = parseCables(fixture('10MADRID80.txt')).cables[0];
    expect(madrid.headings.map((h) => h.text)).toContain('G-20');
    // Paragraph 15 is under it.
    expect(madrid.headings[madrid.paragraphs.find((p) => p.number === 15)!.heading].text).toBe('G-20');
    const body = (lines: string[]) => parseCables(['UNCLAS PARIS 001234', '', 'SUBJECT: TEST', '', '1. (U) One.', '', ...lines, '', '2. (U) Two.', ''].join('\n')).cables[0].headings.map((h) => h.text);
    // Not without a rule under it, nor over a line of text starting with a dash.
    expect(body(['G-20'])).toEqual([]);
    expect(body(['G-20', '- the summit.'])).toEqual([]);
  });

  it('`What Next? Brits Concerned` alone over its paragraph is a heading (10BUENOSAIRES71); a question of prose cut there is not', () => {
    expect(headingsOf('10BUENOSAIRES71.txt')).toEqual(['Keep Your Oil Equipment Away from Our Islands', 'What Next? Brits Concerned']);
    const body = (line: string) => parseCables(['UNCLAS PARIS 001234', '', 'SUBJECT: TEST', '', '1. (U) One.', '', line, '', '2. (U) Two.', ''].join('\n')).cables[0].headings.map((h) => h.text);
    expect(body('What comes next? Brits worried')).toEqual([]);
    expect(body('Talks Resume. Brits Concerned')).toEqual([]);
  });
});

describe('a paragraph numbered with a comma right under the Classified By line', () => {
  it('`1, (C) Summary. ...` is paragraph 1 and opens the summary, not the Classified By text (08ISLAMABAD405)', () => {
    const doc = parseCables(fixture('08ISLAMABAD405.txt'));
    const c = doc.cables[0];
    expect(src(doc, c.classifiedBy!)).toBe('Classified By: Anne W. Patterson, for reasons 1.4 (b)(d)');
    expect(c.paragraphs[0].number).toBe(1);
    expect(c.paragraphs.map((p) => p.number)).toEqual(Array.from({ length: 22 }, (_, k) => k + 1));
    const summary = c.blocks.filter((b) => b.kind === 'SUMMARY');
    expect(summary.map((b) => [src(doc, b.open), b.close && src(doc, b.close)])).toEqual([['Summary.', 'End Summary.']]);
  });
});

describe('the first paragraph glued onto the end of the Classified By line', () => {
  const cable = (classifiedBy: string) =>
    `CONFIDENTIAL STATE 000123\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\n${classifiedBy}\n\n2. (C) Second.\n`;

  it.each([
    ['09TRIPOLI65.txt', 'Gene A. Cretz, Ambassador, U.S. Embassy - Tripoli, U.S. Dept of State.', '1. (C/NF) Summary: While Libya', 'C//NF', 6],
    ['09TRIPOLI663.txt', 'Joan Polaschik, Charge d’Affaires, U.S. Embassy Tripoli, Department of State.', '1. (C) Summary: Libyan Foreign', 'C', 6],
    ['10VATICAN13.txt', 'Julieta Valls Noyes, DCM.', '1. (C) Summary: The Holy See', 'C', 5],
  ])('`REASON: 1.4 (b), (d) 1. (C) Summary: ...` ends the Classified By text before paragraph 1 (%s)', (name, who, opening, mark, count) => {
    const doc = parseCables(fixture(name));
    const c = doc.cables[0];
    const cb = c.classifiedBy!;
    expect(src(doc, cb).endsWith('REASON: 1.4 (b), (d)')).toBe(true);
    expect(src(doc, cb.who!)).toBe(who);
    expect([cb.section?.text, cb.reasons.map((r) => r.text)]).toEqual(['1.4', ['b', 'd']]);
    expect(c.paragraphs.map((p) => p.number)).toEqual(Array.from({ length: count }, (_, k) => k + 1));
    const first = c.paragraphs[0];
    expect(src(doc, first).startsWith(opening)).toBe(true);
    expect(first.marking?.normalized).toBe(mark);
    // The body starts where the paragraph does, on the Classified By line; the caption block ends before it.
    expect(c.body!.start).toBe(first.start);
    expect(c.captionBlock!.end).toBe(cb.end);
    const summary = c.blocks.filter((b) => b.kind === 'SUMMARY');
    expect(summary.map((b) => [src(doc, b.open), b.close && src(doc, b.close)])).toEqual([['Summary:', 'End summary.']]);
    expect(summary[0].start).toBeGreaterThan(first.start);
  });

  it('reads the glued paragraph past reasons of other forms, and after a wrapped Classified By line', () => {
    const doc = parseCables(cable('Classified By: DCM John Doe for reasons 1.4(b) and (d). 1.(S) Summary: Text one.'));
    const c = doc.cables[0];
    expect(src(doc, c.classifiedBy!)).toBe('Classified By: DCM John Doe for reasons 1.4(b) and (d).');
    expect(c.paragraphs.map((p) => [p.number, src(doc, p)])).toEqual([
      [1, '1.(S) Summary: Text one.'],
      [2, '2. (C) Second.'],
    ]);
    const wrapped = parseCables(cable('Classified By: DCM John Doe\nfor reasons 1.4 (b) and (d) 1. (C) Text one.')).cables[0];
    expect(wrapped.classifiedBy?.reasons.map((r) => r.text)).toEqual(['b', 'd']);
    expect(wrapped.paragraphs.map((p) => p.number)).toEqual([1, 2]);
  });

  it('reads it where the Classified By text follows other captions on its line (a flattened block, a REF item)', () => {
    for (const text of [
      'CONFIDENTIAL STATE 000123 E.O. 12958: DECL: 01/01/2019 TAGS: PREL SUBJECT: X Classified By: John Doe, reasons 1.4 (b) 1. (C) Text one.\n\n2. (C) Second.\n',
      'CONFIDENTIAL STATE 000123\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\nREF: A. STATE 1\n\nB. STATE 2 Classified By: John Doe, reasons 1.4 (b) 1. (C) Text one.\n\n2. (C) Second.\n',
    ]) {
      const doc = parseCables(text);
      const c = doc.cables[0];
      expect(src(doc, c.classifiedBy!)).toBe('Classified By: John Doe, reasons 1.4 (b)');
      expect(c.paragraphs.map((p) => [p.number, src(doc, p)])).toEqual([
        [1, '1. (C) Text one.'],
        [2, '2. (C) Second.'],
      ]);
      expect(c.subject?.text).toBe('X');
    }
  });

  it('a number and mark that end the line open paragraph 1, its text below (08OSLO522); not where a numbered paragraph follows (10BRASILIA51)', () => {
    const doc = parseCables(fixture('08OSLO522.txt'));
    const c = doc.cables[0];
    expect(src(doc, c.classifiedBy!)).toBe('Classified By: Deputy Chief of Mission Kevin M. Johnson for reasons 1.4 b and d');
    expect(c.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(src(doc, c.paragraphs[0].numberToken)).toBe('1.');
    expect(c.paragraphs[0].marking?.normalized).toBe('C');
    const summary = c.blocks.find((b) => b.kind === 'SUMMARY')!;
    expect(summary.start).toBeGreaterThan(c.paragraphs[0].start);
    expect(summary.end).toBeLessThanOrEqual(c.paragraphs[0].end);
    const brasilia = parseCables(fixture('10BRASILIA51.txt'));
    const b = brasilia.cables[0];
    expect(src(brasilia, b.classifiedBy!)).toBe('CLASSIFIED BY: Thomas Shannon, Ambassador; REASON: 1.4(D) 1. (C)');
    expect(b.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    expect(src(brasilia, b.paragraphs[0]).startsWith('1. (C) During Ambassador Shannon')).toBe(true);
  });

  it.each([
    // The section and its reasons themselves: never a paragraph.
    ['Classified By: DCM John Doe, reasons 1.4 (b), (d)', 'Classified By: DCM John Doe, reasons 1.4 (b), (d)'],
    ['Classified By: DCM John Doe, reasons 1.4(b) and (d).', 'Classified By: DCM John Doe, reasons 1.4(b) and (d).'],
    ['Classified By: DCM John Doe, reasons 1.4. (c)', 'Classified By: DCM John Doe, reasons 1.4. (c)'],
    // A number and mark with no text after them on the line (10BRASILIA51 repeats them on the next line).
    ['Classified By: DCM John Doe; REASON: 1.4(D) 1. (C)', 'Classified By: DCM John Doe; REASON: 1.4(D) 1. (C)'],
    // No portion mark of a known level after the number; no section or reason read before it.
    ['Classified By: DCM John Doe, reasons 1.4 (b) 2. (x) and more', 'Classified By: DCM John Doe, reasons 1.4 (b) 2. (x) and more'],
    ['Classified By: Office 1. (C) of John Doe', 'Classified By: Office 1. (C) of John Doe'],
  ])('leaves `%s` whole', (line, expected) => {
    const doc = parseCables(cable(line));
    const c = doc.cables[0];
    expect(src(doc, c.classifiedBy!)).toBe(expected);
    expect(c.paragraphs.map((p) => p.number)).toEqual([2]);
  });
});

describe('REF: the last item wrapped after a blank line, the Classified By line after it', () => {
  const head = ['CONFIDENTIAL BUENOS AIRES 002345', '', 'E.O. 12958: DECL: 12/14/2017', 'TAGS: PREL', 'SUBJECT: TEST', ''];
  const read = (between: string) => {
    const doc = parseCables([...head, 'REF: (A) BUENOS AIRES 2336 (B) MCWHIRTER 12/14/07', '', between, '', 'Classified By: Ambassador Wayne for reasons 1.4 (b) & (d).', '', '1. (C) Text.'].join('\n'));
    const c = doc.cables[0];
    return { items: c.references!.items.map((i) => i.text), headings: c.headings.map((h) => h.text), captions: c.captions.map((x) => x.normalized), classifiedBy: !!c.classifiedBy };
  };

  it('goes on with the item (07BUENOSAIRES2345: it was a heading over the summary)', () => {
    const doc = parseCables(fixture('07BUENOSAIRES2345.txt'));
    const c = doc.cables[0];
    expect(c.references!.items.map((i) => [i.letter, i.text])).toEqual([
      ['A', 'BUENOS AIRES 2336'],
      ['B', 'MCWHIRTER 12/14/07 E-MAIL TO DS COMMAND CENTER'],
    ]);
    expect(c.headings.map((h) => h.text)).not.toContain('E-MAIL TO DS COMMAND CENTER');
    expect(src(doc, c.classifiedBy!)).toBe('Classified By: Ambassador Wayne for reasons 1.4 (b) & (d).');
    expect(read('E-MAIL TO DS COMMAND CENTER')).toMatchObject({ items: ['BUENOS AIRES 2336', 'MCWHIRTER 12/14/07 E-MAIL TO DS COMMAND CENTER'], headings: [], classifiedBy: true });
  });

  it('a caption or a passing line there stays what it is', () => {
    expect(read('NOFORN')).toMatchObject({ items: ['BUENOS AIRES 2336', 'MCWHIRTER 12/14/07'] });
    expect(read('NOFORN').captions).toContain('NOFORN');
    expect(read('DEPT FOR WHA/BSC').items).toEqual(['BUENOS AIRES 2336', 'MCWHIRTER 12/14/07']);
  });
});
