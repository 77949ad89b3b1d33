/**
 * Readers by character codes that replaced patterns on hot paths (the body's paragraph numbers and signature test,
 * the rules' plain identifiers) must answer exactly as the patterns they replaced, kept here as the reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsWithName } from '../../server/src/parser/signature';
import { paragraphNumber } from '../../server/src/parser/paragraphNumbers';
import { parseCableId } from '../../server/src/parser/cableId';
import { plainIdSerial } from '../../server/src/rules/foreignText';

const PARA = /^(¶ ?)?(\d{1,3})([a-z])?\.(?=\s|\(|$|[A-Z][a-z]|[A-Z]\)|[A-Z] )/;
/** How GLUED_SIGNATURE and NAME_AFTER_SITE end: endsWithName must hold wherever either can match. */
const NAME_AT_END = /\s+([A-Z][A-Za-z'-]{2,24}|[A-Z]{2})$/;

const pieces = (parts: string[], max: number) => fc.array(fc.constantFrom(...parts), { maxLength: max }).map((a) => a.join(''));

describe('paragraph numbers by character codes', () => {
  const PARTS = ['¶', ' ', '1', '2', '0', '9', '.', 'a', 'b', 'A', 'B', 'Th', '(', ')', '\t', '\u00a0', '\u2028', ',', 'x', '4.'];
  it('read what the pattern reads, at any indent', () => {
    fc.assert(
      fc.property(pieces(PARTS, 10), fc.nat(3), (text, indent) => {
        const s = ' '.repeat(indent) + text;
        const m = PARA.exec(s.slice(indent));
        const got = paragraphNumber(s, indent);
        expect(got).toEqual(m ? { length: m[0].length, number: parseInt(m[2], 10), subLetter: m[3] || null } : null);
      }),
      { numRuns: 3000 },
    );
    for (const s of ['3. Text', '¶ 12a. x', '1.4 (b)', '1234. X', '2.The', '5.A)', '7.A x', '7.AB', '8.', '9.\u00a0x']) {
      const m = PARA.exec(s);
      expect(paragraphNumber(s, 0)?.length ?? null).toBe(m ? m[0].length : null);
    }
  });
});

describe('a name at the end of the last line', () => {
  const PARTS = [' ', '\t', '\u2028', 'Foley', 'FOLEY', "O'Neil", 'Mc-Mullen', 'LU', 'a', 'Z', '.', 'x'.repeat(24), 'Q', '1', '-', "'"];
  it('is found wherever the patterns could match', () => {
    fc.assert(
      fc.property(pieces(PARTS, 8), (s) => {
        expect(endsWithName(s)).toBe(NAME_AT_END.test(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('plain identifiers', () => {
  const PARTS = ['0', '8', '1', '9', 'A', 'STATE', 'EFTO', 'x', ' ', '_a', 'SECTION01OF03', 'Z', '00'];
  it('give the serial parseCableId reads, or -1', () => {
    fc.assert(
      fc.property(pieces(PARTS, 8), (id) => {
        const serial = plainIdSerial(id);
        if (serial < 0) return;
        const parts = parseCableId(id);
        // A plain identifier parseCableId rejects names nothing foreign either.
        if (parts) expect(parts.serial).toBe(serial);
      }),
      { numRuns: 3000 },
    );
    expect(plainIdSerial('08ASTANA55')).toBe(55);
    expect(plainIdSerial('08ASTANA0055')).toBe(55);
    expect(plainIdSerial('10EFTOKABUL668')).toBe(668);
    expect(plainIdSerial('07OSLO000160ZDK164')).toBe(-1);
    expect(plainIdSerial('2009STATE0124823_a')).toBe(-1);
  });
});
