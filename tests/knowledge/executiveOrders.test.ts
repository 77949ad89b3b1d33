import { describe, expect, it } from 'vitest';
import {
  citationStatus,
  declHover,
  EXECUTIVE_ORDERS,
  executiveOrderHover,
  expandDeclYear,
  lookupExecutiveOrder,
  orderInForce,
  parseDeclValue,
} from '../../server/src/knowledge/executiveOrders';

describe('executive orders (§B.1)', () => {
  it('holds the six orders with their windows', () => {
    expect(EXECUTIVE_ORDERS.map((e) => e.number)).toEqual(['11652', '12065', '12356', '12958', '13292', '13526']);
    expect(lookupExecutiveOrder('12958')).toMatchObject({ signed: '1995-04-17', effective: '1995-10-14', superseded: '2010-06-27' });
    expect(lookupExecutiveOrder(13526)).toMatchObject({ signed: '2009-12-29', effective: '2010-06-27', superseded: null });
    expect(lookupExecutiveOrder('E.O. 12356')?.effective).toBe('1982-08-01');
    expect(lookupExecutiveOrder('19528')).toBeNull(); // typo seen in a real cable
    for (const e of EXECUTIVE_ORDERS) {
      expect(e.signed <= e.effective).toBe(true);
      if (e.superseded) expect(e.effective < e.superseded).toBe(true);
    }
  });

  it('tells which order governed a date', () => {
    expect(orderInForce('1975-03-01')?.order.number).toBe('11652');
    expect(orderInForce('1978-11-30')?.order.number).toBe('11652');
    expect(orderInForce('1978-12-01')?.order.number).toBe('12065');
    expect(orderInForce('1992-05-05')?.order.number).toBe('12356');
    expect(orderInForce('1995-10-13')?.order.number).toBe('12356');
    expect(orderInForce('1995-10-14')).toMatchObject({ order: { number: '12958' }, amendedBy: null });
    expect(orderInForce('2009-02-20T09:29:00Z')).toMatchObject({ order: { number: '12958' }, amendedBy: { number: '13292' } });
    expect(orderInForce('2010-06-26')?.order.number).toBe('12958');
    expect(orderInForce('2010-06-27')?.order.number).toBe('13526');
    expect(orderInForce(new Date(Date.UTC(2011, 0, 1)))?.order.number).toBe('13526');
    expect(orderInForce('1966-01-01')).toBeNull();
    expect(orderInForce('not a date')).toBeNull();
  });

  it('judges a citation against the order\'s window (eo-date-inconsistent)', () => {
    expect(citationStatus('13526', '2008-05-01')?.status).toBe('before-signature');
    expect(citationStatus('13526', '2010-03-01')?.status).toBe('before-effective');
    expect(citationStatus('13526', '2010-07-01')?.status).toBe('in-force');
    expect(citationStatus('12958', '1995-03-01')?.status).toBe('before-signature');
    expect(citationStatus('12065', '1978-06-01')?.status).toBe('before-signature');
    expect(citationStatus('12958', '2009-02-20')?.status).toBe('in-force');
    expect(citationStatus('12958', '2010-12-27')).toMatchObject({ status: 'grace-period', graceEnds: '2010-12-27' });
    expect(citationStatus('12958', '2010-12-28')?.status).toBe('long-after-supersession');
    expect(citationStatus('12356', '1996-04-14')?.status).toBe('grace-period');
    expect(citationStatus('12356', '1996-04-15')?.status).toBe('long-after-supersession');
    expect(citationStatus('99999', '2000-01-01')).toBeNull();
    expect(citationStatus('12958', 'x')).toBeNull();
  });

  it('says the years an order governed', () => {
    expect(executiveOrderHover('12958')).toMatch(/1995–2010/);
    expect(executiveOrderHover('12958')).toMatch(/13292/);
    expect(executiveOrderHover('11652')).toMatch(/1972–1978/);
    expect(executiveOrderHover('99999')).toBeNull();
  });
});

describe('parseDeclValue', () => {
  it('reads date forms', () => {
    expect(parseDeclValue('05/19/2031')).toEqual({ kind: 'date', date: '2031-05-19' });
    expect(parseDeclValue('5/9/2031')).toEqual({ kind: 'date', date: '2031-05-09' });
    expect(parseDeclValue('2031/05/19')).toEqual({ kind: 'date', date: '2031-05-19' });
    expect(parseDeclValue('20310519')).toEqual({ kind: 'date', date: '2031-05-19' });
    expect(parseDeclValue('  01/07/2014 TAGS: PREL, PGOV')).toEqual({ kind: 'date', date: '2014-01-07' });
  });

  it('pivots two-digit years on the cable date', () => {
    expect(parseDeclValue('05/19/31', '2006-05-19')).toEqual({ kind: 'date', date: '2031-05-19', pivot: 'cable-date' });
    // A DECL in the past stays in the past so decl-before-cable can see it.
    expect(parseDeclValue('08/24/05', '2009-03-01').date).toBe('2005-08-24');
    expect(parseDeclValue('6/5/99', '1979-06-05').date).toBe('1999-06-05');
    expect(parseDeclValue('6/5/99', '2009-06-05').date).toBe('1999-06-05'); // 10 years back beats 90 ahead
    expect(parseDeclValue('2/1/83', '2009-06-05').date).toBe('2083-02-01');
    expect(parseDeclValue('05/19/31').pivot).toBe('fixed');
    expect(expandDeclYear(5, 2009)).toBe(2005);
    expect(expandDeclYear(84, 2009)).toBe(1984);
    expect(expandDeclYear(83, 2009)).toBe(2083);
    expect(expandDeclYear(85, 1978)).toBe(1985);
  });

  it('reports impossible dates as malformed', () => {
    expect(parseDeclValue('13/45/2019')).toMatchObject({ kind: 'malformed' });
    expect(parseDeclValue('02/30/2012').reason).toMatch(/February 2012 has 29 days/);
    expect(parseDeclValue('19/05/2031').reason).toMatch(/day first/);
    expect(parseDeclValue('2019/5').kind).toBe('malformed');
    expect(parseDeclValue('').kind).toBe('malformed');
  });

  it('reads codes', () => {
    expect(parseDeclValue('OADR')).toMatchObject({ kind: 'legacy', token: 'OADR' });
    expect(parseDeclValue(' OADR')).toMatchObject({ kind: 'legacy', token: 'OADR' });
    expect(parseDeclValue('MR')).toMatchObject({ kind: 'legacy', token: 'MR' });
    expect(parseDeclValue('X1, X5')).toMatchObject({ kind: 'exemption', token: 'X1', tokens: ['X1', 'X5'] });
    expect(parseDeclValue('x1 and x6').tokens).toEqual(['X1', 'X6']);
    expect(parseDeclValue('1.6X1')).toMatchObject({ kind: 'exemption', token: '1.6X1' });
    expect(parseDeclValue('25X1')).toMatchObject({ kind: 'exemption' });
    expect(parseDeclValue('25X1-human').kind).toBe('exemption');
    expect(parseDeclValue('50X1-HUM')).toMatchObject({ kind: 'exemption' });
    expect(parseDeclValue('50X2-WMD')).toMatchObject({ kind: 'exemption' });
    expect(parseDeclValue('X9')).toMatchObject({ kind: 'malformed' });
    expect(parseDeclValue('FOO')).toMatchObject({ kind: 'malformed' });
  });

  it('reads 1970s instructions', () => {
    expect(parseDeclValue('GDS')).toMatchObject({ kind: 'legacy', token: 'GDS' });
    expect(parseDeclValue('XGDS-1')).toMatchObject({ kind: 'legacy', token: 'XGDS-1' });
    expect(parseDeclValue('GDS 11/15/85 (VEST, GEORGE S.)', '1978-12-20')).toMatchObject({
      kind: 'legacy',
      token: 'GDS',
      date: '1985-11-15',
      name: 'VEST, GEORGE S.',
    });
    expect(parseDeclValue('RDS-4 6/5/99 (GERLACH, FREDERICK H.) OR-M', '1979-06-05')).toMatchObject({
      kind: 'legacy',
      token: 'RDS-4',
      date: '1999-06-05',
      name: 'GERLACH, FREDERICK H.',
    });
  });

  it('takes multi-word text as an event', () => {
    expect(parseDeclValue('after korean unification').kind).toBe('event');
    expect(parseDeclValue('TEN YEARS AFTER KOREAN UNIFICATION').kind).toBe('event');
  });

  it('never throws on odd input', () => {
    expect(parseDeclValue(undefined as unknown as string).kind).toBe('malformed');
    expect(parseDeclValue('9'.repeat(100000)).kind).toBe('malformed');
    expect(parseDeclValue('05/19/31', 'garbage').pivot).toBe('fixed');
  });

  it('builds hovers with the age at the cable date', () => {
    const h = declHover(parseDeclValue('05/19/2031'), '2006-05-19');
    expect(h).toMatch(/19 May 2031/);
    expect(h).toMatch(/25\.0 years after the cable/);
    expect(declHover(parseDeclValue('08/24/05', '2009-03-01'), '2009-03-01')).toMatch(/before\*\* the cable/);
    expect(declHover(parseDeclValue('OADR'))).toMatch(/Originating Agency/);
    expect(declHover(parseDeclValue('X1, X5'))).toMatch(/12958 §1\.6\(d\)/);
    expect(declHover(parseDeclValue('XGDS-2'))).toMatch(/category n/);
    expect(declHover(parseDeclValue('after unification'))).toMatch(/event/);
    expect(declHover(parseDeclValue('[x](command:evil)/1/2'))).not.toContain('](');
  });
});
