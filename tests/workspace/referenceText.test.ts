import { describe, expect, it } from 'vitest';
import { findCableMentions } from '../../server/src/workspace/index';

/** ids found in a REF item text, each with the source text it spans. */
function read(text: string, year: number | null = 2009): [string, string][] {
  return findCableMentions(text, year).map((m) => [m.id, text.slice(m.start, m.end)]);
}

describe('findCableMentions: REF item texts from real cables', () => {
  it.each<[string, [string, string][]]>([
    ['PARIS 1097', [['09PARIS1097', 'PARIS 1097']]],
    ['08 ASTANA 55 (NOTAL)', [['08ASTANA55', '08 ASTANA 55']]],
    ['2009 BERLIN 1528', [['09BERLIN1528', '2009 BERLIN 1528']]],
    ['BRASILIA 000043', [['09BRASILIA43', 'BRASILIA 000043']]],
    ['BUENOS AIRES 0827', [['09BUENOSAIRES827', 'BUENOS AIRES 0827']]],
    ['Buenos Aires 0118', [['09BUENOSAIRES118', 'Buenos Aires 0118']]],
    ['SECSTATE 15113', [['09STATE15113', 'SECSTATE 15113']]],
    ['USUN 6028', [['09USUNNEWYORK6028', 'USUN 6028']]],
    ['RIO DE JANEIRO 329', [['09RIODEJANEIRO329', 'RIO DE JANEIRO 329']]],
    ['PORT OF SPAIN 212', [['09PORTOFSPAIN212', 'PORT OF SPAIN 212']]],
    ['(08) SAO PAULO 581', [['08SAOPAULO581', '(08) SAO PAULO 581']]],
    ['(A) KABUL 4088', [['09KABUL4088', 'KABUL 4088']]],
    ['B) BELGRADE743', [['09BELGRADE743', 'BELGRADE743']]],
    ['A. 10SHENYANG 003', [['10SHENYANG3', '10SHENYANG 003']]],
    ['09 Paris 1635', [['09PARIS1635', '09 Paris 1635']]],
    ['STATE 81957: REPORT OF U.S.- RUSSIA MANPADS EXPERTS MEETING', [['09STATE81957', 'STATE 81957']]],
    [
      'Berlin 1337, Berlin 1340, Berlin 1167',
      [
        ['09BERLIN1337', 'Berlin 1337'],
        ['09BERLIN1340', 'Berlin 1340'],
        ['09BERLIN1167', 'Berlin 1167'],
      ],
    ],
    ['TEHRAN 1091: TEHRAN 263', [['09TEHRAN1091', 'TEHRAN 1091'], ['09TEHRAN263', 'TEHRAN 263']]],
    ['MADRID 869 MADRID 00001003 001.2 OF 002', [['09MADRID869', 'MADRID 869']]],
    // Several serials of one post (06TRIPOLI198: `REF: TRIPOLI 33, 53`): each is a cable of that post and year.
    ['TRIPOLI 33, 53', [['09TRIPOLI33', 'TRIPOLI 33'], ['09TRIPOLI53', '53']]],
    ['08 STATE 1234 AND 5678 (NOTAL)', [['08STATE1234', '08 STATE 1234'], ['08STATE5678', '5678']]],
    ['STATE 12, 14 & 16; USUN 6028', [['09STATE12', 'STATE 12'], ['09STATE14', '14'], ['09STATE16', '16'], ['09USUNNEWYORK6028', 'USUN 6028']]],
    ['06 RIYADH 4914, 09 RIYADH 1868', [['06RIYADH4914', '06 RIYADH 4914'], ['09RIYADH1868', '09 RIYADH 1868']]],
    ['STATE 12, 14, 2008 BERLIN 1528', [['09STATE12', 'STATE 12'], ['09STATE14', '14'], ['08BERLIN1528', '2008 BERLIN 1528']]],
    // Numbers after a citation that are no serials: a date, a year, a paragraph.
    ['MOSCOW 1234, 5 AND 6 FEBRUARY', [['09MOSCOW1234', 'MOSCOW 1234']]],
    ['STATE 1234, 15 MARCH 2007', [['09STATE1234', 'STATE 1234']]],
    ['TEHRAN 3312, 1972', [['09TEHRAN3312', 'TEHRAN 3312']]],
    ['STATE 1234, PARAS 3, 4', [['09STATE1234', 'STATE 1234']]],
    ['BAGHDAD 1234, 05/11/07', [['09BAGHDAD1234', 'BAGHDAD 1234']]],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    'IIR 6 902 9642 06',
    'DAO MADRID IIR 6 889 0272 08',
    'TD-314/63777-05 LIMITED DISTRIBUTION',
    'LEE-GOLDSTEIN EMAIL 05/11/07',
    'PARIS POINT AUGUST 18 2009',
    'EMBASSY LONDON DAILY REPORT - APRIL 3 (NOTAL)',
    'OSC EUP20090329950015',
    'SECDEF DTG261447ZNOV08 (DEFENSE TRILATERAL TALKS)',
    '(B) MCWHIRTER 12/14/07',
    'DAR-T assessment TS-323-08A dated 8 May 08',
    'USDAO STOCKHOLM DTG 051506ZJUN2008',
    'Beijing XXXXXXXXXXXXX',
    "TEHRAN'S A-077 OF MAY 15, 1972",
  ])('names no cable: %j', (text) => {
    expect(read(text)).toEqual([]);
  });

  it('reads item letters written before each identifier when the list was not split', () => {
    const m = findCableMentions('a) vienna 350 b) vienna 309 c) 05 vienna 1760 d) 05 state 220738', 2006);
    expect(m.map((x) => [x.letter, x.id])).toEqual([
      ['A', '06VIENNA350'],
      ['B', '06VIENNA309'],
      ['C', '05VIENNA1760'],
      ['D', '05STATE220738'],
    ]);
    expect(findCableMentions('U.S. STATE 1234', 2009)[0].letter).toBeNull();
  });

  it('marks the year as inferred only when the text gives none, and offers shorter post readings', () => {
    const [a] = findCableMentions('STATE 127892', 2009);
    expect(a).toMatchObject({ yearInferred: true, year: 2009, post: 'STATE', serial: '127892', alternatives: [] });
    const [b] = findCableMentions('08 HARARE 1016', 2009);
    expect(b).toMatchObject({ yearInferred: false, year: 2008 });
    const [c] = findCableMentions('FOLLOWING UP PARIS 12', 2009);
    expect(c.id).toBe('09FOLLOWINGUPPARIS12');
    expect(c.alternatives).toEqual(['09UPPARIS12', '09PARIS12']);
    expect(findCableMentions('STATE 127892', null)).toEqual([]);
  });

  it('survives hostile input', () => {
    expect(findCableMentions('', 2009)).toEqual([]);
    expect(findCableMentions('A'.repeat(100000) + ' 1', 2009)).toEqual([]);
    expect(findCableMentions('\u0000\uffff PARIS\u00a01097', 2009).map((m) => m.id)).toEqual(['09PARIS1097']);
    expect(findCableMentions(null as unknown as string, 2009)).toEqual([]);
  });
});
