import { describe, expect, it } from 'vitest';
import {
  ADDRESSEE_PRECEDENCES,
  addresseePrecedence,
  highestAddresseePrecedence,
  precedenceByLetter,
  precedenceByProsign,
  PRECEDENCES,
  prosignHover,
} from '../../server/src/knowledge/precedence';

describe('precedence', () => {
  it('maps DTG letters to names, fastest highest', () => {
    expect(precedenceByLetter('Z')?.name).toBe('FLASH');
    expect(precedenceByLetter('o')?.name).toBe('IMMEDIATE');
    expect(precedenceByLetter('P')?.name).toBe('PRIORITY');
    expect(precedenceByLetter('R')?.name).toBe('ROUTINE');
    expect(precedenceByLetter('Y')?.name).toBe('YANKEE');
    expect(precedenceByLetter('X')).toBeNull();
    const ranks = ['R', 'P', 'O', 'Z', 'Y'].map((l) => precedenceByLetter(l)!.rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('maps FL2 prosigns to the doubled letter', () => {
    expect(precedenceByProsign('OO')?.letter).toBe('O');
    expect(precedenceByProsign('zz')?.name).toBe('FLASH');
    expect(precedenceByProsign('RR')?.name).toBe('ROUTINE');
    expect(precedenceByProsign('YY')).toBeNull();
    expect(precedenceByProsign('O')).toBeNull();
    for (const p of PRECEDENCES) if (p.prosign) expect(p.prosign).toBe(p.letter + p.letter);
  });

  it('reads addressee precedence words, NIACT IMMEDIATE sent as O', () => {
    expect(addresseePrecedence('IMMEDIATE')?.letter).toBe('O');
    const niact = addresseePrecedence('niact  immediate');
    expect(niact?.word).toBe('NIACT IMMEDIATE');
    expect(niact?.letter).toBe('O');
    expect(niact?.rank).toBe(precedenceByLetter('O')!.rank);
    expect(addresseePrecedence('URGENT')).toBeNull();
    for (const a of ADDRESSEE_PRECEDENCES) expect(a.rank).toBe(precedenceByLetter(a.letter)!.rank);
  });

  it('finds the highest addressee precedence for the R12 comparison', () => {
    expect(highestAddresseePrecedence(['ROUTINE', 'PRIORITY', 'IMMEDIATE', 'junk'])?.word).toBe('IMMEDIATE');
    expect(highestAddresseePrecedence(['ROUTINE', 'FLASH'])?.letter).toBe('Z');
    expect(highestAddresseePrecedence([])).toBeNull();
    expect(highestAddresseePrecedence(undefined as unknown as string[])).toBeNull();
  });

  it('has hover text for every level', () => {
    for (const p of PRECEDENCES) expect(p.hover).toContain(p.name);
    expect(precedenceByLetter('Z')!.hover).toMatch(/not importance/);
    expect(prosignHover('OO')).toMatch(/\*\*OO\*\* = IMMEDIATE/);
    expect(prosignHover('XX')).toBeNull();
  });
});
