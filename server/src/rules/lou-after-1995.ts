import { cableExample } from './examples';
import type { Rule } from './types';

/** SBU replaced LIMITED OFFICIAL USE on this date [STATE-SBU-2000]. */
const LOU_REPLACED = '1995-10-01';

/** R8: LIMITED OFFICIAL USE was replaced by SBU on 1995-10-01. */
export const rule: Rule = {
  id: 'lou-after-1995',
  description: 'A LIMITED OFFICIAL USE banner on a cable dated after 1995-10-01.',
  defaultSeverity: 'information',
  tags: ['banner', 'era'],
  fixable: false,
  docs: {
    checks: 'Reports a `LIMITED OFFICIAL USE` banner on a cable dated after 1995-10-01.',
    why: 'State replaced LIMITED OFFICIAL USE with SBU (sent UNCLAS + SENSITIVE) on 1 October 1995 (R8, [STATE-SBU-2000]). Later LOU banners are relics of old templates; the meaning (unclassified, controlled) is the same, so this is information only.',
    sources: ['R8'],
    triggers: {
      text: cableExample({ banner: 'LIMITED OFFICIAL USE ASTANA 000308', eo: 'E.O. 12958: N/A', classifiedBy: '', body: '1. (U) The minister described the reform plan.' }),
      note: '2009 LOU cable.',
    },
    clean: {
      text: cableExample({ banner: 'UNCLAS ASTANA 000308', captions: 'SENSITIVE\nSIPDIS', eo: 'E.O. 12958: N/A', classifiedBy: '', body: '1. (U) The minister described the reform plan.' }),
      note: '2009 UNCLAS SENSITIVE cable.',
    },
  },
  check({ cable, facts }) {
    const banner = cable.banner;
    if (!banner?.controls.includes('LOU') || !facts.day || facts.day <= LOU_REPLACED) return [];
    return [
      {
        range: { start: banner.designation.start, end: banner.designation.end },
        message: `LIMITED OFFICIAL USE was replaced by SBU (UNCLAS + SENSITIVE) on 1995-10-01; this cable is dated ${facts.day}.`,
      },
    ];
  },
};
