import { parseDeclValue } from '../knowledge/executiveOrders';
import { modernEra } from './authority';
import { cableExample } from './examples';
import { bannerName } from './facts';
import type { Rule } from './types';

/** R2/R5: a classified cable says when it declassifies. */
export const rule: Rule = {
  id: 'decl-missing',
  description: 'The E.O. line of a classified cable has no declassification instruction.',
  defaultSeverity: 'error',
  tags: ['declassification', 'era'],
  fixable: false,
  docs: {
    checks:
      'For a CONFIDENTIAL, SECRET or TOP SECRET banner on a cable of the E.O. 12958/13526 era (dated from 1995-10-14, or citing those orders), reports an E.O. line that carries no `DECL:` value, date, event or exemption code (and is not `N/A`, which eo-na-on-classified reports).',
    why: 'Declassification instructions are a required face marking (R2) and every classified document has a date or event for declassification (R5: E.O. 12958 §1.6, E.O. 13526 §1.5).',
    sources: ['R2', 'R5'],
    triggers: { text: cableExample({ eo: 'E.O. 12958:' }), note: 'E.O. line with no value on a CONFIDENTIAL cable.' },
    clean: { text: cableExample(), note: '`E.O. 12958: DECL: 02/19/2019`.' },
    notFlagged: ['Cables before 1995-10-14.', 'A missing E.O. line altogether (eo-line-missing).'],
  },
  check({ cable, facts }) {
    const eo = cable.eo;
    if (!eo || eo.na || eo.decl || !facts.classified || !modernEra(cable, facts)) return [];
    // A value the parser did not label as DECL (no keyword, odd punctuation) still counts.
    if (eo.other) {
      const kind = parseDeclValue(eo.other.text, cable.date).kind;
      if (kind === 'date' || kind === 'exemption' || kind === 'legacy') return [];
    }
    return [
      {
        range: { start: eo.start, end: eo.end },
        message: `The E.O. line gives no declassification instruction, but the banner is ${bannerName(cable)}; expected "DECL: <date>" or an exemption.`,
      },
    ];
  },
};
