import { cableExample } from './examples';
import type { Cable, Span } from '../parser/model';
import type { Finding, RelatedSpan, Rule } from './types';

/** [CABLEMAP]: the section count on the banner, the DE line and the continuation markers must agree. */
export const rule: Rule = {
  id: 'section-count-mismatch',
  description: 'SECTION x OF y disagrees with itself, the DE line, or the continuation markers.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: false,
  docs: {
    checks:
      'With `SECTION x OF y` on the banner: x greater than y; a continuation marker (`ASTANA 00000308 002 OF 003`) whose total differs from y, whose serial differs from the MRN serial, or whose section number goes backwards; the DE line section (`#0308/01`) different from x. Each kind of disagreement is reported once.',
    why: 'Multi-section telegrams are numbered `SECTION x OF y` on the classification line, repeated on each continuation marker with the MRN serial, and the DE line carries the section [CABLEMAP][WP-16L]. Disagreement means sections were lost, duplicated or mixed from another cable.',
    sources: ['CABLEMAP'],
    triggers: {
      text: cableExample({
        banner: 'C O N F I D E N T I A L SECTION 01 OF 02 ASTANA 000308',
        body: '1. (C) The minister described the reform plan.\n\nASTANA 00000308 002 OF 003\n\n2. (U) The meeting was public.',
      }),
      note: 'Banner says 2 sections, the marker 3.',
    },
    clean: {
      text: cableExample({
        banner: 'C O N F I D E N T I A L SECTION 01 OF 02 ASTANA 000308',
        body: '1. (C) The minister described the reform plan.\n\nASTANA 00000308 002 OF 002\n\n2. (U) The meeting was public.',
      }),
      note: 'Banner and marker agree.',
    },
  },
  check({ cable, facts }) {
    const banner = cable.banner;
    const section = banner?.section;
    if (!banner || !section) return [];
    // Most cables agree everywhere: the message parts are built only when something is reported.
    const out: Finding[] = [];
    if (section.index > section.total || section.index < 1) {
      out.push({ range: sectionSpan(section), message: `The banner says ${writtenSection(section)}: the section number is outside 1-${section.total}.` });
    }
    // The DE line belongs to the header; it says nothing of another cable's text under it.
    const de = facts.foreignText ? null : cable.envelope?.de;
    if (de?.section && Number(de.section.text) !== section.index) {
      out.push({
        range: { start: de.section.start, end: de.section.end },
        message: `The DE line gives section /${de.section.text} but the banner says ${writtenSection(section)}.`,
        related: bannerSection(section),
      });
    }
    let prev = section.index;
    // Each kind of disagreement is reported once.
    let total = false;
    let serial = false;
    let order = false;
    for (const c of cable.continuations) {
      if (c.total !== section.total && !total) {
        total = true;
        out.push({ range: { start: c.start, end: c.end }, message: `The continuation marker "${c.text}" counts ${c.total} sections but the banner says ${writtenSection(section)}.`, related: bannerSection(section) });
      }
      if (banner.mrn && c.serialNumber !== banner.mrn.serialNumber && !serial) {
        serial = true;
        out.push({
          range: { start: c.serial.start, end: c.serial.end },
          message: `The continuation marker "${c.text}" has serial ${c.serialNumber} but the MRN is ${banner.mrn.post.text} ${banner.mrn.serial.text}.`,
          related: [{ span: banner.mrn, message: `MRN: ${banner.mrn.post.text} ${banner.mrn.serial.text}` }],
        });
      }
      if (c.section < prev && !order) {
        order = true;
        out.push({ range: { start: c.start, end: c.end }, message: `The continuation marker "${c.text}" is section ${c.section}, after section ${prev}.` });
      }
      prev = Math.max(prev, c.section);
    }
    return out;
  },
};

type Section = NonNullable<NonNullable<Cable['banner']>['section']>;

function writtenSection(section: Section): string {
  return `SECTION ${section.indexToken.text} OF ${section.totalToken.text}`;
}

function sectionSpan(section: Section): Span {
  return { start: section.start, end: section.end };
}

function bannerSection(section: Section): RelatedSpan[] {
  return [{ span: sectionSpan(section), message: `Banner: ${writtenSection(section)}` }];
}
