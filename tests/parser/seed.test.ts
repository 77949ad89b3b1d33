import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCables, positionAt } from '../../server/src/parser/index';

const SEED = readFileSync(join(__dirname, '../../seeds/000_0ac2a656c61260b0.txt'), 'utf8');
const doc = parseCables(SEED);
const cable = doc.cables[0];
const at = (s: { start: number; end: number }) => SEED.slice(s.start, s.end);

describe('the seed, 09ASTANA308', () => {
  it('is one cable with no parser problems', () => {
    expect(doc.cables).toHaveLength(1);
    expect(doc.problems).toEqual([]);
  });

  it('reads the mirror metadata header, NBSPs included', () => {
    const md = cable.metadata!;
    expect(md.layout).toBe('labels');
    expect(md.identifier!.value.text).toBe('09ASTANA308');
    expect(md.createdIso).toBe('2009-02-20T09:29:00Z');
    expect(md.classification!.value.text).toBe('UNCLASSIFIED//FOR OFFICIAL USE ONLY');
    expect(md.classificationLevel).toBe('UNCLASSIFIED');
    expect(md.origin!.value.text).toBe('Embassy Astana');
    expect(md.title!.value.text).toBe('KAZAKHSTAN: JUSTICE MINISTER BALIYEVA EXPRESSES');
    expect(md.tags.map((t) => t.text)).toEqual(['PGOV', 'PREL', 'PHUM', 'SOCI', 'KCRM', 'KDEM', 'KZ']);
    // Offsets are into the raw text: the tag token's source is exactly the tag.
    for (const t of md.tags) expect(at(t)).toBe(t.text);
  });

  it('reads the ACP-127 envelope', () => {
    const e = cable.envelope!;
    expect(e.transmission!.channel.text).toBe('XRO');
    expect(e.transmission!.sequence.text).toBe('7817');
    expect(e.prosign!.text).toBe('OO');
    expect(e.routingIndicators).toHaveLength(23);
    expect(e.routingIndicators[0].text).toBe('RUEHAG');
    expect(e.routingIndicators.at(-1)!.text).toBe('RUEHYG');
    expect([e.de!.station.text, e.de!.serial.text, e.de!.section!.text, e.de!.julianDay!.text, e.de!.time!.text]).toEqual(['RUEHTA', '0308', '01', '051', '0929']);
    expect(e.security!.signal.text).toBe('ZNR');
    expect(e.security!.group.text).toBe('UUUUU');
    expect(e.security!.level).toBe('UNCLASSIFIED');
    expect(e.security!.opSignals.map((o) => o.text)).toEqual(['ZZH']);
    expect(e.dtg!.precedences.map((p) => p.text)).toEqual(['O']);
    expect(e.dtg!.group.text).toBe('200929Z FEB 09');
    expect(e.dtg!.iso).toBe('2009-02-20T09:29:00Z');
    expect(e.from.map((a) => a.name.text)).toEqual(['AMEMBASSY ASTANA']);
    expect(e.to).toHaveLength(1);
    expect(e.to[0].route!.text).toBe('RUEHC');
    expect(e.to[0].name.text).toBe('SECSTATE WASHDC');
    expect(e.to[0].precedence!.text).toBe('IMMEDIATE');
    expect(e.to[0].serial!.text).toBe('4680');
    expect(e.info).toHaveLength(14);
    expect(e.info.find((a) => a.route?.text === 'RUEHBJ')!.name.text).toBe('AMEMBASSY BEIJING');
    expect(e.info.find((a) => a.route?.text === 'RUEHBJ')!.serial!.text).toBe('0611');
    expect(e.keywords.map((k) => k.text)).toEqual(['FM', 'TO', 'INFO']);
  });

  it('reads the banner, captions and the repeated caption block once', () => {
    const b = cable.banner!;
    expect(b.normalized).toBe('UNCLAS');
    expect(b.level).toBe('UNCLASSIFIED');
    expect([b.section!.index, b.section!.total]).toEqual([1, 2]);
    expect(b.mrn!.post.text).toBe('ASTANA');
    expect(b.mrn!.serial.text).toBe('000308');
    expect(b.mrn!.serialNumber).toBe(308);
    expect(cable.repeatedBanners).toHaveLength(1);
    expect(cable.captions.map((c) => c.normalized)).toEqual(['SENSITIVE', 'SIPDIS']);
    expect(cable.captions.every((c) => c.known)).toBe(true);
    expect(cable.passingLines.map((p) => p.text)).toEqual(['STATE FOR SCA/CEN, INL, DRL, G/TIP']);
    expect(cable.eo!.order!.text).toBe('12958');
    expect(cable.eo!.na!.text).toBe('N/A');
    expect(cable.tags!.tags.map((t) => t.text)).toEqual(['PGOV', 'PREL', 'PHUM', 'SOCI', 'KCRM', 'KDEM', 'KZ']);
    expect(cable.subject!.text).toBe('KAZAKHSTAN: JUSTICE MINISTER BALIYEVA EXPRESSES APPRECIATION FOR U.S. ASSISTANCE');
    expect(cable.subject!.lines).toHaveLength(2);
    expect(cable.classifiedBy).toBeNull();
    expect(cable.references).toBeNull();
  });

  it('reads paragraphs 1-10 with their marks, under their headings', () => {
    expect(cable.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(cable.paragraphs.map((p) => p.marking?.normalized)).toEqual(['U', ...Array(9).fill('SBU')]);
    expect(cable.paragraphs.every((p) => p.marking!.level === 'UNCLASSIFIED' && !p.marking!.malformed && !p.marking!.unknown)).toBe(true);
    expect(cable.paragraphs[1].marking!.controls).toEqual(['SBU']);
    expect(cable.headings.map((h) => h.text)).toEqual([
      'PROGRESS ON TIP',
      'DOING MORE ON IPR',
      'FORENSICS CENTER: ASSISTANCE APPRECIATED',
      'REQUEST FOR HELP IN LEGISLATIVE DRAFTING, PENAL REFORM',
      'OPPOSITION ARE "OPPONENTS," NOT ENEMIES',
    ]);
    expect(cable.paragraphs.map((p) => p.heading)).toEqual([-1, -1, 0, 0, 0, 1, 2, 3, 4, 4]);
    expect(cable.paragraphs[2].preview.startsWith('During a February 19 introductory meeting')).toBe(true);
    // Paragraph 6 runs across the page break and its continuation marker.
    const p6 = cable.paragraphs[5];
    expect(at(p6)).toContain('ASTANA 00000308 002 OF 002');
    expect(at(p6).trimEnd().endsWith('he\nsuggested.')).toBe(true);
  });

  it('reads blocks, the continuation marker and the signature', () => {
    expect(cable.blocks.map((b) => [b.kind, !!b.close])).toEqual([
      ['SUMMARY', true],
      ['NOTE', true],
      ['NOTE', true],
      ['COMMENT', true],
    ]);
    expect(at(cable.blocks[0].close!)).toBe('END SUMMARY.');
    expect(cable.continuations).toHaveLength(1);
    const k = cable.continuations[0];
    expect([k.post.text, k.serialNumber, k.section, k.total, k.page]).toEqual(['ASTANA', 308, 2, 2, null]);
    expect(cable.signature!.text).toBe('HOAGLAND');
    expect(cable.identifier).toBe('09ASTANA308');
    expect(cable.date).toBe('2009-02-20T09:29:00Z');
  });

  it('has spans that point at their source text', () => {
    expect(at(cable.banner!)).toBe('UNCLAS SECTION 01 OF 02 ASTANA 000308');
    expect(at(cable.envelope!.dtg!)).toBe('O 200929Z FEB 09');
    expect(at(cable.paragraphs[2].marking!)).toBe('(SBU)');
    expect(at(cable.paragraphs[2].numberToken)).toBe('3.');
    expect(positionAt(doc.lineStarts, cable.paragraphs[0].start)).toEqual({ line: 62, character: 0 });
  });
});
