import { describe, expect, it } from 'vitest';
import { at, doc, fixture, hoverText, SEED, service } from './helpers';

const svc = service();
const d = doc(SEED);
const hover = (needle: string, nth = 0, delta = 0) => svc.getHover(d, at(SEED, needle, nth, delta));
const text = (needle: string, nth = 0, delta = 0) => hoverText(hover(needle, nth, delta));

describe('hovers on the seed', () => {
  it('RUEHTA (DE line): station from the routing table, its role in this cable, the letters', () => {
    const h = hover('RUEHTA', 0, 2);
    expect(h?.range).toEqual({ start: { line: 18, character: 3 }, end: { line: 18, character: 9 } });
    expect(hoverText(h)).toBe(
      [
        'Routing indicator **RUEHTA**: AMEMBASSY ASTANA (paired with this name 12 times in real cables).',
        'Originating station of this cable (`DE` line); its FM line: AMEMBASSY ASTANA.',
        'Also seen as: AMEMBASSY ALMATY (5).',
        'Letters: R worldwide, U United States, E area letter, HTA station/relay letters; RUEH… = Department of State network: embassies, consulates, missions and the Department (RUEHC).',
      ].join('\n\n'),
    );
  });

  it('an addressee RI is named by this cable\'s own RI/NAME line first', () => {
    expect(text('RUEHBJ', 0, 1).split('\n\n').slice(0, 2)).toEqual([
      'Routing indicator **RUEHBJ**: AMEMBASSY BEIJING (as this cable\'s addressee lines name it).',
      'Information addressee (`INFO` line).',
    ]);
  });

  it('PGOV: kind and meaning from the TAGS table (TAGS line and metadata Tags alike)', () => {
    const expected = '**PGOV** — subject tag: Political Affairs\\-\\-Government\\; Internal Governmental Affairs (source: PlusD)';
    expect(text('PGOV', 1)).toBe(expected);
    expect(text('PGOV', 0)).toBe(expected);
    expect(text('KZ\n', 1)).toBe('**KZ** — geographic tag (country or region): Kazakhstan (source: FIPS10\\-4\\(GeoNames\\))');
  });

  it('200929Z FEB 09: decoded to date, time and weekday', () => {
    const h = hover('200929Z FEB 09', 0, 8);
    expect(h?.range).toEqual({ start: { line: 20, character: 2 }, end: { line: 20, character: 16 } });
    expect(hoverText(h)).toBe(
      'Date-time group: **20 February 2009, 09:29 UTC** (a Friday). "Z" = Zulu (UTC); WikiLeaks shows this as Created. ISO 8601: `2009-02-20T09:29:00Z`.',
    );
  });

  it('(SBU): the portion mark spelled out', () => {
    const h = hover('(SBU)', 0, 1);
    expect(h?.range).toEqual({ start: { line: 65, character: 3 }, end: { line: 65, character: 8 } });
    expect(hoverText(h)).toBe('Portion mark **(SBU)**: this paragraph only is SENSITIVE BUT UNCLASSIFIED: unclassified, administratively controlled by State.');
    expect(text('(U)', 0, 1)).toBe('Portion mark **(U)**: this paragraph only is UNCLASSIFIED.');
  });

  it('E.O. 12958: the years it governed and the order in force on the cable\'s date', () => {
    const expected = [
      '**E.O. 12958**: governed classification 1995–2010 (signed 17 Apr 1995, in force 14 Oct 1995 – 26 Jun 2010); amended by E.O. 13292 in 2003, still cited as 12958.',
      'In force on this cable\'s date (20 Feb 2009): E.O. 12958 as amended by E.O. 13292.',
    ].join('\n\n');
    expect(text('E.O. 12958', 0, 6)).toBe(expected);
    // The mirror repeats the caption block; the repeat has the same hovers.
    expect(text('E.O. 12958', 1, 6)).toBe(expected);
    expect(text('N/A')).toBe('`N/A`: the cable is unclassified, so there is no declassification instruction.');
  });

  it('the rest of the envelope', () => {
    expect(text('VZCZCXRO7817')).toBe('Transmission identifier: start of message `VZCZC`, channel designator **XRO**, channel sequence number **7817**.');
    expect(text('OO RUEHAG')).toMatch(/^Precedence prosign \*\*OO\*\* = IMMEDIATE: the highest precedence among the addressees/);
    expect(text('O 200929Z')).toBe('Precedence **O (IMMEDIATE)**: handled ahead of PRIORITY and ROUTINE traffic. Precedence is speed of handling, not importance.');
    expect(text('#0308')).toBe(
      'Originating station **RUEHTA**, station serial number **0308** (MRN serial mod 10000), section **01**. MRN serial 308 mod 10000 = 0308.',
    );
    expect(text('0510929')).toBe('Time of file: day-of-year **051** = 20 February 2009, **09:29 UTC**.');
    expect(text('ZNR')).toMatch(/^\*\*ZNR\*\*: security warning for traffic that needs no on-line encryption/);
    expect(text('UUUUU')).toMatch(/^Security warning \*\*ZNR UUUUU\*\*: UNCLASSIFIED/);
    expect(text('ZZH')).toBe('**ZZH**: operating signal on State headers; its meaning is not in public ACP-131 extracts.');
    expect(text('FM AMEMBASSY')).toBe('`FM`: the originator.');
    expect(text('IMMEDIATE 4680')).toBe('Addressee precedence **IMMEDIATE** for this addressee.');
    expect(text('4680')).toBe('Message number **4680** from this post to this addressee.');
  });

  it('banner, section count, MRN, captions, continuation marker', () => {
    expect(text('UNCLAS SECTION')).toBe('Classification line: **UNCLAS** = unclassified (the usual short form).');
    expect(text('SECTION 01 OF 02')).toBe('Message sent in **2** sections; this text starts section **1**.');
    expect(text('ASTANA 000308')).toBe('Message reference number: post **ASTANA**, serial **308**. WikiLeaks identifier: `09ASTANA308`.');
    expect(text('SIPDIS')).toMatch(/^\*\*SIPDIS\*\* \(SIPRNet distribution\)/);
    expect(text('SENSITIVE\n')).toMatch(/^\*\*SENSITIVE\*\*: SBU caption/);
    expect(text('ASTANA 00000308 002 OF 002')).toBe('Continuation marker: serial 308, section **2** of **2**.');
    expect(text('END SUMMARY')).toBe("Closes the drafter's summary.");
    expect(text('END COMMENT')).toBe("Closes the post's own comment (its analysis, as opposed to reporting).");
  });

  it('metadata header fields', () => {
    expect(text('2009-02-20 09:29:00')).toBe("Created **2009-02-20 09:29 UTC** (a Friday): the cable's date-time group.");
    expect(text('UNCLASSIFIED//FOR OFFICIAL USE ONLY')).toBe(
      "Classification as labelled by WikiLeaks: **UNCLASSIFIED** (WikiLeaks' label for an SBU (sensitive but unclassified) cable).",
    );
    expect(text('09ASTANA308').split('\n\n')[0]).toBe('**09ASTANA308**: year 09, post ASTANA, serial 308.');
  });

  it('has nothing to say about plain prose, and nothing past the end', () => {
    expect(svc.getHover(d, at(SEED, 'introductory meeting'))).toBeNull();
    expect(svc.getHover(d, { line: 10_000, character: 0 })).toBeNull();
    expect(svc.getHover(d, { line: 18, character: 500 })).toBeNull();
    expect(svc.getHover(d, { line: -1, character: 0 })).toBeNull();
  });
});

describe('hovers on handling notes among the captions', () => {
  it('a corrected-copy note and LIMITED OFFICIAL USE are explained, not called unknown', () => {
    const text = fixture('08ISLAMABAD1432.txt');
    const d2 = doc(text, 'file:///work/cables/08ISLAMABAD1432.txt');
    const note = hoverText(svc.getHover(d2, at(text, 'C O R R E C T E D', 0, 4)));
    expect(note).toBe('**CORRECTED COPY**: the cable was sent again with corrections; the words after it say what changed.');
    const lou = 'UNCLAS STATE 000123\n\nLIMITED OFFICIAL USE\n\nE.O. 12356: N/A\nTAGS: PREL\nSUBJECT: X\n\n1. Text.\n';
    expect(hoverText(svc.getHover(doc(lou, 'file:///work/cables/lou.txt'), at(lou, 'OFFICIAL', 0, 1)))).toMatch(/^\*\*LIMITED OFFICIAL USE\*\* \(LOU\)/);
  });
});

describe('hovers on other cables', () => {
  const cable = (body: string) =>
    [
      'VZCZCXYZ0001',
      'RR RUEHC',
      'DE RUEHXX #1234/01 0010005',
      'ZNY CCCCC ZZH',
      'R 312359Z DEC 08',
      'FM AMEMBASSY NOWHERE',
      'TO RUEHC/SECSTATE WASHDC PRIORITY 0001',
      'C O N F I D E N T I A L SECTION 01 OF 02 NOWHERE 001234',
      '',
      'SIPDIS',
      'NOFORN',
      '',
      'E.O. 12958: DECL: 12/31/2018',
      'TAGS: PREL PGOV XX OVIP (CLINTON, HILLARY)',
      'SUBJECT: TEST',
      '',
      'REF: A. STATE 1234 B. 08 NOWHERE 55 (NOTAL)',
      '',
      'Classified By: Ambassador John Doe for reasons 1.4 (b) and (d)',
      '',
      body,
    ].join('\n');

  it('DECL date with its age at the cable date; reasons spelled out; NOTAL; person tags', () => {
    const t = cable('1. (C//NF) Text.');
    const s = service();
    const h = (needle: string, nth = 0, delta = 0) => hoverText(s.getHover(doc(t), at(t, needle, nth, delta)));
    expect(h('12/31/2018')).toBe('"Declassify on" date: **31 December 2018**, 10.0 years after the cable. Normally at most 25 years after origin unless a 25X/50X exemption applies.');
    expect(h('(b)', 0, 1)).toBe(
      'Classification reasons, E.O. 13526 / 12958 as amended, §1.4: (b) foreign government information.',
    );
    expect(h('1.4')).toMatch(/^Classification reasons, E\.O\. 13526 \/ 12958 as amended, §1\.4: \(b\) foreign government information; \(d\) foreign relations/);
    expect(h('NOTAL')).toBe('**NOTAL**: the referenced message was not sent to all addressees of this one.');
    expect(h('CLINTON')).toBe('Person tag: **CLINTON\\, HILLARY**, a name filed under the tag before it (e.g. OVIP, PREL).');
    expect(h('(C//NF)', 0, 1)).toBe(
      "Portion mark **(C\\/\\/NF)**: this paragraph only is CONFIDENTIAL. NOFORN: not releasable to foreign nationals or governments without the originator's permission.",
    );
    expect(h('0010005')).toBe('Time of file: day-of-year **001** = 1 January 2009, **00:05 UTC**. Filed 6 minutes after the date-time group.');
    expect(h('C O N F')).toMatch(/^Classification line: \*\*CONFIDENTIAL\*\*/);
    expect(h('NOFORN')).toMatch(/^\*\*NOFORN\*\* \(NF\)/);
  });

  it('never lets cable text become a link, image, HTML or command', () => {
    const evil = cable('1. (C) Text.').replace('TAGS: PREL PGOV XX', 'TAGS: PREL [X](command:workbench.action.quit) <img src=x> ![i](http://e/x.png)');
    const s = service();
    const d2 = doc(evil);
    const hovers: string[] = [];
    const lines = evil.split('\n');
    lines.forEach((line, l) => {
      for (let c = 0; c < line.length; c++) {
        const v = hoverText(s.getHover(d2, { line: l, character: c }));
        if (v) hovers.push(v);
      }
    });
    expect(hovers.length).toBeGreaterThan(50);
    for (const v of hovers) {
      expect(v).not.toMatch(/\]\(|<img|!\[|command:/);
    }
  });

  it('legacy ENTIRE TEXT statements, page headers and page banners of converted texts', () => {
    const s = service();
    const tehran = fixture('79TEHRAN8980.txt');
    expect(hoverText(s.getHover(doc(tehran, 'file:///f/t.txt'), at(tehran, '(C - ENTIRE TEXT)', 0, 2)))).toBe(
      'Legacy statement **C - ENTIRE TEXT**: the whole message is CONFIDENTIAL.',
    );
    const harare = fixture('00HARARE6677.txt');
    const h = (needle: string, nth = 0, delta = 1) => hoverText(s.getHover(doc(harare, 'file:///f/h.txt'), at(harare, needle, nth, delta)));
    expect(h('PAGE 02')).toBe('Page header of a 1970s or converted text: page **2**, post HARARE, serial 6677, section 1 of 3, time 291400Z (day 29, 14:00 UTC).');
    expect(h('\n CONFIDENTIAL\n', 0, 3)).toBe('Page banner **CONFIDENTIAL**: the classification repeated at each page break of a converted text.');
  });
});

describe('hovers on the marks of sub-items and unnumbered paragraphs', () => {
  it('`A. (S/NF) USG Concern:` and `(S/NF) GOA Response:` (06VIENNA515): the mark spelled out for its portion', () => {
    const t = fixture('06VIENNA515.txt');
    const s = service();
    const d6 = doc(t, 'file:///work/cables/06VIENNA515.txt');
    const h = (needle: string, delta: number) => hoverText(s.getHover(d6, at(t, needle, 0, delta)));
    const expected =
      "Portion mark **(S\\/\\/NF)**: this portion only is SECRET. NOFORN: not releasable to foreign nationals or governments without the originator's permission.";
    expect(h('A. (S/NF) USG Concern', 4)).toBe(expected);
    expect(h('(S/NF) GOA Response', 1)).toBe(expected);
    // The paragraph's own mark still speaks of the paragraph.
    expect(h('1. (S/NF)', 4)).toBe(expected.replace('this portion only', 'this paragraph only'));
  });
});
