import { cableExample } from './examples';
import type { Rule } from './types';

/** R5: declassification is in the cable's future. */
export const rule: Rule = {
  id: 'decl-before-cable',
  description: 'The declassification date is on or before the cable date.',
  defaultSeverity: 'error',
  tags: ['declassification'],
  fixable: false,
  docs: {
    checks:
      'Reports a DECL date on or before the cable date (from the DTG, else the metadata Created). Two-digit years are read relative to the cable date, so `08/24/05` on a 2009 cable is 2005.',
    why: 'Information is classified until a future date or event (R5); a declassification date already passed when the cable was written is a typo (often the wrong year) or a template left unchanged.',
    sources: ['R5'],
    triggers: { text: cableExample({ eo: 'E.O. 12958: DECL: 08/24/05' }), note: '2009 cable to be declassified in 2005.' },
    clean: { text: cableExample(), note: '2009 cable, DECL 2019.' },
  },
  check({ cable, facts }) {
    const decl = facts.decl;
    if (!decl || !facts.day || !decl.value.date || decl.value.kind !== 'date') return [];
    if (decl.value.date > facts.day) return [];
    return [
      {
        range: { start: decl.token.start, end: decl.token.end },
        message: `The declassification date ${decl.token.text} (${decl.value.date}) is not after the cable date ${facts.day}.`,
      },
    ];
  },
};
