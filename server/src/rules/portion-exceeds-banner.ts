import { cableExample } from './examples';
import { bannerName, portionName } from './facts';
import type { Finding, Rule } from './types';

/** R3/R4: the banner is the roll-up of the portions, so no portion may carry a higher level than the banner. */
export const rule: Rule = {
  id: 'portion-exceeds-banner',
  description: 'A portion is marked at a higher classification level than the banner.',
  defaultSeverity: 'error',
  tags: ['portion', 'banner'],
  fixable: false,
  docs: {
    checks:
      'Every portion mark that names a level (paragraph marks, the marks opening lettered, numbered or bulleted sub-items and paragraphs written without a number (`A. (S/NF) USG Concern: ...`, `-- (C) On Iraq, ...`, `(S/NF) GOA Response: ...`), the SUBJECT mark, legacy `ENTIRE TEXT` statements) is compared with the banner level. A CONFIDENTIAL, SECRET or TOP SECRET portion under a lower banner (UNCLAS, LIMITED OFFICIAL USE, or SECRET under CONFIDENTIAL) is reported. SBU/LOU portions are unclassified and never exceed an UNCLAS banner.',
    why: 'The banner is the roll-up of the portions: it must be at least the highest portion level (R4, [CAPCO16 §D.2], [FAH1-130 H-132b]). A higher portion under a lower banner means either the banner or the paragraph is wrong. Which one is a human decision, so there is no automatic fix; the diagnostic links to the banner.',
    sources: ['R3', 'R4'],
    triggers: {
      text: cableExample({ banner: 'UNCLAS ASTANA 000308', eo: 'E.O. 12958: N/A', classifiedBy: '', body: '1. (U) The minister described the reform plan.\n\n2. (C) She asked for support.' }),
      note: 'Paragraph 2 is CONFIDENTIAL under an UNCLAS banner.',
    },
    clean: { text: cableExample(), note: 'The highest portion, (C), equals the banner.' },
  },
  check({ cable, facts }) {
    const banner = cable.banner;
    if (!banner?.level || facts.bannerLevelRank < 0) return [];
    const out: Finding[] = [];
    for (const m of facts.levelMarks) {
      if (m.levelRank <= facts.bannerLevelRank) continue;
      const what = m.marking.entireText ? `states "${m.marking.raw.trim()}"` : `is marked ${m.marking.raw.trim()}`;
      out.push({
        range: { start: m.marking.start, end: m.marking.end },
        message: `${portionName(m)} ${what} but the banner is ${bannerName(cable)}.`,
        related: [{ span: banner.designation, message: `Banner: ${bannerName(cable)}` }],
        data: { navigate: { title: 'Go to the banner', span: { start: banner.designation.start, end: banner.designation.end } } },
      });
    }
    return out;
  },
};
