import { cableExample } from './examples';
import { addDays, addYears } from './declassification';
import type { Rule } from './types';

const EXEMPT_25_50 = /\b(?:25X\d?|50X[12])/i;

/** The year of a `YYYY-MM-DD` day (both days here are read that way), or NaN. */
function yearOf(day: string): number {
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = day.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return NaN;
    y = y * 10 + c;
  }
  return y;
}

/** R5: at most 25 years from origination, unless a 25X/50X exemption is cited. */
export const rule: Rule = {
  id: 'decl-exceeds-25y',
  description: 'The declassification date is more than 25 years after the cable, with no 25X/50X exemption.',
  defaultSeverity: 'warning',
  tags: ['declassification'],
  fixable: false,
  docs: {
    checks: 'Reports a DECL date more than 25 years (plus one day) after the cable date when the E.O. line cites no 25X or 50X exemption.',
    why: 'Declassification may be set up to 25 years from origination; longer only with a 25X/50X exemption; nothing is classified indefinitely (R5: E.O. 13292 §1.5, E.O. 13526 §1.5).',
    sources: ['R5'],
    triggers: { text: cableExample({ eo: 'E.O. 12958: DECL: 02/19/2039' }), note: '2009 cable, DECL 30 years later.' },
    clean: { text: cableExample({ eo: 'E.O. 12958: DECL: 02/19/2034' }), note: '25 years.' },
  },
  check({ cable, facts }) {
    const decl = facts.decl;
    if (!decl || !facts.day || decl.value.kind !== 'date' || !decl.value.date || !cable.eo) return [];
    // A year before the cable's + 25 is within the limit whatever the day: no date arithmetic then (the limit is
    // compared as text, so only while its year has four digits).
    const limitYear = yearOf(facts.day) + 25;
    if (limitYear <= 9999 && yearOf(decl.value.date) < limitYear) return [];
    const limit = addDays(addYears(facts.day, 25), 1);
    if (decl.value.date <= limit) return [];
    if (EXEMPT_25_50.test(cable.eo.other?.text ?? '') || EXEMPT_25_50.test(decl.token.text)) return [];
    const years = Number(decl.value.date.slice(0, 4)) - Number(facts.day.slice(0, 4));
    return [
      {
        range: { start: decl.token.start, end: decl.token.end },
        message: `The declassification date ${decl.token.text} is about ${years} years after the cable (${facts.day}); more than 25 years needs a 25X or 50X exemption.`,
      },
    ];
  },
};
