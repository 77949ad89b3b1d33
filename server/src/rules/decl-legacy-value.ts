import { cableExample } from './examples';
import type { Rule } from './types';

/** OADR was retired when E.O. 12958 took effect. */
const OADR_RETIRED = '1995-10-14';
/** X1-X8 were retired by the ISOO directive implementing E.O. 13292. */
const X_RETIRED = '2003-09-22';

/** R6: retired declassification values. */
export const rule: Rule = {
  id: 'decl-legacy-value',
  description: 'The DECL value is retired for the cable date (OADR after 1995, X1-X8 from 22 Sep 2003, MR ever).',
  defaultSeverity: 'warning',
  tags: ['declassification', 'era'],
  fixable: false,
  docs: {
    checks:
      'Reports `OADR` on cables dated after 1995-10-14, `X1`-`X8` / `1.6X1`-`1.6X8` on cables dated on or after 2003-09-22, and `MR` on any cable.',
    why: 'OADR (E.O. 12356) is invalid for documents after 1995-10-14; the E.O. 12958 §1.6(d) exemptions X1-X8 are invalid from 2003-09-22; MR was never authorised (R6, [CAPCO08], [CAPCO16 §E.6]).',
    sources: ['R6'],
    triggers: { text: cableExample({ eo: 'E.O. 12958: DECL: X1' }), note: '2009 cable with X1.' },
    clean: { text: cableExample(), note: 'A date.' },
    notFlagged: ['`DECL: OADR` before 1995-10-14.', '`X1, X5` on 1995-2003 cables.'],
  },
  check({ cable, facts }) {
    const decl = facts.decl;
    if (!decl || (decl.value.kind !== 'legacy' && decl.value.kind !== 'exemption')) return [];
    const tokens = decl.value.tokens ?? (decl.value.token ? [decl.value.token] : []);
    const range = { start: decl.token.start, end: decl.token.end };
    for (const t of tokens) {
      if (t === 'MR') return [{ range, message: 'The declassification value MR was never an authorised instruction; expected a date, an event or an exemption.' }];
      if (t === 'OADR' && facts.day && facts.day > OADR_RETIRED) {
        return [{ range, message: `OADR is not valid on cables after 1995-10-14 (this one is dated ${facts.day}); expected a date or an event.` }];
      }
      if (/^(?:1\.6)?X[1-8]$/.test(t) && facts.day && facts.day >= X_RETIRED) {
        return [{ range, message: `${t} is not valid on cables from 2003-09-22 (this one is dated ${facts.day}); expected a date, an event or a 25X exemption.` }];
      }
    }
    return [];
  },
};
