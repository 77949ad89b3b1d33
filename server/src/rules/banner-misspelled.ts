import { cableExample } from './examples';
import type { Rule } from './types';

/** R1: the only levels are CONFIDENTIAL, SECRET and TOP SECRET; a misspelled banner names none of them. */
export const rule: Rule = {
  id: 'banner-misspelled',
  description: 'The letter-spaced word on the classification line is not CONFIDENTIAL, SECRET or TOP SECRET.',
  defaultSeverity: 'error',
  tags: ['banner'],
  fixable: false,
  docs: {
    checks:
      'Reports a classification line whose letter-spaced designation, with the spaces removed, is not CONFIDENTIAL, SECRET, TOP SECRET or an UNCLAS form (`C O N F I D E N T A L`).',
    why: 'Only TOP SECRET, SECRET and CONFIDENTIAL identify classified information ("no other terms shall be used", R1, E.O. 13526 §1.2). A misspelled banner states no level; readers and tools cannot tell how the cable is classified. Not auto-fixed: choosing the level is a human decision.',
    sources: ['R1'],
    triggers: { text: cableExample({ banner: 'C O N F I D E N T A L ASTANA 000308' }), note: '`CONFIDENTAL`.' },
    clean: { text: cableExample(), note: '`C O N F I D E N T I A L`.' },
  },
  check({ cable }) {
    const banner = cable.banner;
    if (!banner || !banner.letterSpaced || banner.normalized !== null) return [];
    return [
      {
        range: { start: banner.designation.start, end: banner.designation.end },
        message: `The classification line reads "${banner.designation.text}" (${banner.letters}); expected CONFIDENTIAL, SECRET or TOP SECRET.`,
      },
    ];
  },
};
