import type { Paragraph } from '../parser/model';
import { cableExample } from './examples';
import { bannerName, portionNameInline } from './facts';
import type { Rule } from './types';

/** R4 the other way round: a classified banner over portions that are all lower (compilation is possible, so info). */
export const rule: Rule = {
  id: 'banner-exceeds-portions',
  description: 'The banner is classified but every marked portion is at a lower level.',
  defaultSeverity: 'information',
  tags: ['portion', 'banner'],
  fixable: false,
  docs: {
    checks:
      'For a CONFIDENTIAL, SECRET or TOP SECRET banner with at least one marked portion, reports when every marked portion (paragraphs, their marked sub-items such as `A. (S) ...` or `-- (S) ...`, paragraphs marked without a number, and SUBJECT) is at a lower level. Cables with a legacy `ENTIRE TEXT` statement are skipped, and so are excerpts (partial records, a body starting after paragraph 1, or a `SECTION n OF m` record that lacks section m), where not every portion is visible.',
    why: 'The banner should be the highest portion level (R4). A banner above every portion is usually over-classification or a missing portion mark, but classification by compilation (R4 exception) makes it legitimate, so this is information only.',
    sources: ['R4'],
    triggers: {
      text: cableExample({ body: '1. (U) The minister described the reform plan.\n\n2. (SBU) She asked for support.' }),
      note: 'CONFIDENTIAL banner, portions only (U) and (SBU).',
    },
    clean: { text: cableExample(), note: 'Paragraph 1 is (C), equal to the banner.' },
    notFlagged: ['Cables whose body states `C - ENTIRE TEXT`.', 'Excerpts: partial records, texts whose first paragraph is not paragraph 1, and records missing their last sections (`SECTION 01 OF 02` with no section 2) (not every portion is visible).'],
  },
  check({ cable, facts }) {
    const banner = cable.banner;
    if (!banner || !facts.classified || facts.entireText || facts.levelMarks.length === 0 || cable.partial) return [];
    // An excerpt (the text starts at paragraph 5, 10, 22...) does not show every portion.
    let first: Paragraph | null = null;
    for (const p of cable.paragraphs) {
      if (!p.quoted && !p.classifiedBy) {
        first = p;
        break;
      }
    }
    if (first && first.number > 1) return [];
    // So does a record that stops short of its last section: `SECTION 01 OF 02` with no section 2 in the text
    // (88ANKARA16439) leaves the portions of the missing sections unseen.
    if (banner.section) {
      let last = banner.section.index;
      for (const c of cable.continuations) if (c.section > last) last = c.section;
      if (last < banner.section.total) return [];
    }
    let highest = facts.levelMarks[0];
    for (const m of facts.levelMarks) if (m.levelRank > highest.levelRank) highest = m;
    if (highest.levelRank >= facts.bannerLevelRank) return [];
    return [
      {
        range: { start: banner.designation.start, end: banner.designation.end },
        message: `The banner is ${bannerName(cable)} but no portion is marked above ${highest.marking.raw.trim()} (highest: ${portionNameInline(highest)}).`,
        related: [{ span: { start: highest.marking.start, end: highest.marking.end }, message: `Highest portion: ${highest.marking.raw.trim()}` }],
        data: { navigate: { title: 'Go to the highest portion', span: { start: highest.marking.start, end: highest.marking.end } } },
      },
    ];
  },
};
