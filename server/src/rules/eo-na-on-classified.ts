import { cableExample } from './examples';
import { bannerName } from './facts';
import type { Rule } from './types';

/** R2: `E.O. nnnnn: N/A` is the unclassified convention; a classified cable needs a declassification instruction. */
export const rule: Rule = {
  id: 'eo-na-on-classified',
  description: 'A classified cable says "E.O. nnnnn: N/A".',
  defaultSeverity: 'error',
  tags: ['declassification', 'banner'],
  fixable: false,
  docs: {
    checks: 'Reports an E.O. line whose value is `N/A` on a cable with a CONFIDENTIAL, SECRET or TOP SECRET banner.',
    why: '`E.O. 12958: N/A` is the convention for unclassified cables [STATE-SBU-2000][SIPDIS-06]. A classified cable must carry declassification instructions (R2); N/A means either the banner or the E.O. line is wrong.',
    sources: ['R2'],
    triggers: { text: cableExample({ eo: 'E.O. 12958: N/A' }), note: 'CONFIDENTIAL banner with `E.O. 12958: N/A`.' },
    clean: { text: cableExample(), note: '`E.O. 12958: DECL: 02/19/2019`.' },
  },
  check({ cable, facts }) {
    const eo = cable.eo;
    const banner = cable.banner;
    if (!eo?.na || !banner || !facts.classified) return [];
    return [
      {
        range: { start: eo.na.start, end: eo.na.end },
        message: `The E.O. line says N/A (unclassified) but the banner is ${bannerName(cable)}.`,
        related: [{ span: banner.designation, message: `Banner: ${bannerName(cable)}` }],
        data: { navigate: { title: 'Go to the banner', span: { start: banner.designation.start, end: banner.designation.end } } },
      },
    ];
  },
};
