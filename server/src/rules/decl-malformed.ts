import { cableExample } from './examples';
import { LEGACY_1970S_ORDERS } from './declassification';
import type { Rule } from './types';

/** R5: the declassification value must be a real date, an event, or a known exemption code. */
export const rule: Rule = {
  id: 'decl-malformed',
  description: 'The DECL value is neither a valid date, an event, nor a known exemption code.',
  defaultSeverity: 'error',
  tags: ['declassification'],
  fixable: false,
  docs: {
    checks:
      'Reads the value after `DECL:`. Date-shaped values (digits with `/` or `-`) must be a real m/d/yy, m/d/yyyy, yyyy/mm/dd or yyyymmdd date (`13/45/2019` and `02/30/2012` are not). A single token must be one of OADR, MR, X1-X8, 1.6X1-1.6X8, 25X1-25X9, 50X1-HUM, 50X2-WMD. Text of several words is an event and accepted. On E.O. 11652/12065 lines only date-shaped values are judged (1970s GDS/XGDS/RDS vocabulary varies).',
    why: 'A classified document is declassified on a specific date or event, or carries an authorised exemption (R5); a value that is neither cannot be acted on.',
    sources: ['R5'],
    triggers: { text: cableExample({ eo: 'E.O. 12958: DECL: 02/30/2019' }), note: '30 February does not exist.' },
    clean: { text: cableExample(), note: '`DECL: 02/19/2019`.' },
    notFlagged: ['Event text (`decl: after korean unification`).', '2-digit years, `yyyy/mm/dd`.', '1970s `GDS`, `XGDS-2`, `RDS-4 6/5/99 (NAME)`.'],
  },
  check({ cable, facts }) {
    const decl = facts.decl;
    if (!decl || decl.value.kind !== 'malformed') return [];
    const dateShaped = /^\d[\d/-]*$/.test(decl.token.text.trim().split(/\s+/)[0] ?? '');
    if (decl.order && LEGACY_1970S_ORDERS.has(decl.order) && !dateShaped) return [];
    return [
      {
        range: { start: decl.token.start, end: decl.token.end },
        message: `The declassification value "${decl.token.text}" is not valid${decl.value.reason ? ` (${decl.value.reason})` : ''}; expected a date, an event, or a code such as 25X1.`,
      },
    ];
  },
};
