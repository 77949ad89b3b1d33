import { describe, expect, it } from 'vitest';
import {
  checkDate,
  dayOfYear,
  decodeDtg,
  decodeDtgText,
  decodeFilingTime,
  dtgHover,
  expandTwoDigitYear,
  filingMinutesFromDtg,
  filingTimeHover,
  fromDayOfYear,
  monthNumber,
} from '../../server/src/knowledge/dtg';

describe('decodeDtg', () => {
  it('decodes the seed DTG 200929Z FEB 09', () => {
    const d = decodeDtg('20', '0929', 'FEB', '09');
    expect(d).toMatchObject({ iso: '2009-02-20T09:29:00Z', weekday: 'Friday', valid: true, year: 2009, month: 2, day: 20, hour: 9, minute: 29 });
  });

  it('accepts four-digit years and numbers', () => {
    expect(decodeDtg(5, '1020', 'JUN', '1979').iso).toBe('1979-06-05T10:20:00Z');
    expect(decodeDtg('05', '1020', 'jun', 1979).weekday).toBe('Tuesday');
  });

  it('expands two-digit years on the 1966 pivot', () => {
    expect(expandTwoDigitYear(66)).toBe(1966);
    expect(expandTwoDigitYear(99)).toBe(1999);
    expect(expandTwoDigitYear(0)).toBe(2000);
    expect(expandTwoDigitYear(65)).toBe(2065);
    expect(decodeDtg('23', '2218', 'MAY', '06').iso).toBe('2006-05-23T22:18:00Z');
    expect(decodeDtg('17', '2244', 'FEB', '78').iso).toBe('1978-02-17T22:44:00Z');
  });

  it('reports impossible dates instead of throwing', () => {
    const feb = decodeDtg('31', '0000', 'FEB', '09');
    expect(feb.valid).toBe(false);
    expect(feb.iso).toBeNull();
    expect(feb.reason).toMatch(/February 2009 has 28 days/);
    expect(decodeDtg('29', '1200', 'FEB', '08').valid).toBe(true); // leap year
    expect(decodeDtg('29', '1200', 'FEB', '09').valid).toBe(false);
    expect(decodeDtg('10', '2400', 'MAR', '09').reason).toMatch(/hour 24/);
    expect(decodeDtg('10', '1260', 'MAR', '09').reason).toMatch(/minute 60/);
    expect(decodeDtg('10', '1200', 'FOO', '09').reason).toMatch(/not a month/);
    expect(decodeDtg('10', '12', 'MAR', '09').valid).toBe(false);
    expect(decodeDtg('10', '1200', 'MAR', '009').valid).toBe(false);
    expect(decodeDtg(null as unknown as string, undefined as unknown as string, {} as unknown as string, NaN).valid).toBe(false);
  });

  it('decodes a group as written and builds a hover', () => {
    const d = decodeDtgText('200929Z FEB 09')!;
    expect(d.iso).toBe('2009-02-20T09:29:00Z');
    expect(dtgHover(d)).toContain('20 February 2009, 09:29 UTC');
    expect(dtgHover(d)).toContain('Friday');
    expect(decodeDtgText('hello')).toBeNull();
    expect(dtgHover(decodeDtgText('310929Z FEB 09')!)).toMatch(/not a valid date/);
  });

  it('escapes cable text that reaches a hover through the reason', () => {
    const h = dtgHover(decodeDtg('10', '1200', '[x](command:y)', '09'));
    expect(h).not.toContain('](');
  });
});

describe('months and dates', () => {
  it('reads month abbreviations strictly', () => {
    expect(monthNumber('FEB')).toBe(2);
    expect(monthNumber('Sept')).toBe(9);
    expect(monthNumber('december')).toBe(12);
    expect(monthNumber('MARCHING')).toBeNull();
    expect(monthNumber('JA')).toBeNull();
  });
  it('checks dates', () => {
    expect(checkDate(2000, 2, 29).valid).toBe(true);
    expect(checkDate(1900, 2, 29).valid).toBe(false);
    expect(checkDate(2019, 13, 1).reason).toMatch(/month 13/);
  });
});

describe('julian day helpers', () => {
  it('converts to and from day of year', () => {
    expect(dayOfYear('2009-02-20')).toBe(51);
    expect(dayOfYear('2009-02-20T09:29:00Z')).toBe(51);
    expect(dayOfYear({ year: 2008, month: 12, day: 31 })).toBe(366);
    expect(dayOfYear(new Date(Date.UTC(2009, 0, 1)))).toBe(1);
    expect(dayOfYear('2009-02-31')).toBeNull();
    expect(dayOfYear('garbage')).toBeNull();
    expect(fromDayOfYear(2009, 51)).toEqual({ year: 2009, month: 2, day: 20, iso: '2009-02-20' });
    expect(fromDayOfYear(2008, 366)?.iso).toBe('2008-12-31');
    expect(fromDayOfYear(2009, 366)).toBeNull();
    expect(fromDayOfYear(2009, 0)).toBeNull();
  });

  it('round-trips every day of a leap and a common year', () => {
    for (const year of [2008, 2009]) {
      const days = year === 2008 ? 366 : 365;
      for (let doy = 1; doy <= days; doy++) expect(dayOfYear(fromDayOfYear(year, doy)!.iso)).toBe(doy);
    }
  });

  it('decodes the DE filing time 0510929', () => {
    expect(decodeFilingTime('0510929')).toEqual({ dayOfYear: 51, hour: 9, minute: 29, valid: true });
    expect(decodeFilingTime('3670929')?.valid).toBe(false);
    expect(decodeFilingTime('05109')).toBeNull();
    expect(filingTimeHover('0510929', 2009)).toContain('20 February 2009');
    expect(filingTimeHover('0510929', 2009)).toContain('09:29 UTC');
  });

  it('measures DE filing time against the DTG, across a year end', () => {
    expect(filingMinutesFromDtg('0510929', '2009-02-20T09:29:00Z')).toBe(0);
    expect(filingMinutesFromDtg('1432224', '2006-05-23T22:18:00Z')).toBe(6); // DE RUEHC #3673 vs 232218Z MAY 06
    expect(filingMinutesFromDtg('0010005', '2008-12-31T23:55:00Z')).toBe(10);
    expect(filingMinutesFromDtg('0520929', '2009-02-20T09:29:00Z')).toBe(1440);
    expect(filingMinutesFromDtg('x', '2009-02-20T09:29:00Z')).toBeNull();
    expect(filingMinutesFromDtg('0510929', 'nope')).toBeNull();
  });
});
