import { parseDeclValue } from '../knowledge/executiveOrders';
import { modernEra } from './authority';
import { cableExample } from './examples';
import { bannerName } from './facts';
import type { Rule } from './types';

/** A date or an exemption/legacy code anywhere on the line. */
const DATE_OR_CODE = /\b\d{1,4}[/-]\d{1,2}[/-]\d{2,4}\b|\b(?:OADR|X[1-8]|25X\d|50X[12]|MR)\b/i;

/** R2/R5: a classified cable says when it declassifies. */
export const rule: Rule = {
  id: 'decl-missing',
  description: 'The E.O. line of a classified cable has no declassification instruction.',
  defaultSeverity: 'error',
  tags: ['declassification', 'era'],
  fixable: false,
  docs: {
    checks:
      'For a CONFIDENTIAL, SECRET or TOP SECRET banner on a cable of the E.O. 12958/13526 era (dated from 1995-10-14, or citing those orders), reports an E.O. line that carries no `DECL:` value, date, event or exemption code (and is not `N/A`, which eo-na-on-classified reports). Any date or exemption code on the line counts, whatever the keyword (`DECLl:`, `Declassify on`, a downgrading instruction `DNG: CO 01/26/2021`); a redacted value (`XXXXXXXX`) is not judged.',
    why: 'Declassification instructions are a required face marking (R2) and every classified document has a date or event for declassification (R5: E.O. 12958 §1.6, E.O. 13526 §1.5).',
    sources: ['R2', 'R5'],
    triggers: { text: cableExample({ eo: 'E.O. 12958:' }), note: 'E.O. line with no value on a CONFIDENTIAL cable.' },
    clean: { text: cableExample(), note: '`E.O. 12958: DECL: 02/19/2019`.' },
    notFlagged: ['Cables before 1995-10-14.', 'A missing E.O. line altogether (eo-line-missing).'],
  },
  check({ cable, facts, text }) {
    const eo = cable.eo;
    if (!eo || eo.na || eo.decl || !facts.classified || !modernEra(cable, facts)) return [];
    // A value the parser did not label as DECL still counts: `DECLl: 10/29/2018`, `Declassify on 8/31/2034`,
    // a downgrading instruction `DNG: CO 01/26/2021`, or a WikiLeaks redaction of the value.
    const line = text.slice(eo.label.end, eo.end);
    if (DATE_OR_CODE.test(line) || /X{5,}/i.test(line)) return [];
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
