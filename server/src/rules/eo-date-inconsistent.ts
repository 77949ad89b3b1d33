import { CLASSIFICATION_ORDER_NUMBERS, citationStatus, lookupExecutiveOrder, orderInForce } from '../knowledge/executiveOrders';
import { cableExample } from './examples';
import type { Rule } from './types';

/** Review stamps added at declassification cite the reviewing order, not the one the cable was written under. */
const REVIEW_STAMP = /\bDECLASSIFIED\b|\bAS AMENDED\b/i;

/** B.1: a cable cites the order in force on its date. */
export const rule: Rule = {
  id: 'eo-date-inconsistent',
  description: 'The E.O. line cites an executive order that was not in force on the cable date, or one that is no order on classification.',
  defaultSeverity: 'error',
  tags: ['declassification', 'era'],
  fixable: false,
  docs: {
    checks:
      'Compares the cited order with the cable date (§B.1). Error: cited before the order was signed (13526 before 2009-12-29, 12958 before 1995-04-17, 12356 before 1982-04-02, 12065 before 1978-06-28, 11652 before 1972-03-08). Warning: cited after signature but before the order took effect (13526 before 2010-06-27), or more than 6 months after the next order took effect (12958 after 2010-12-27, 12356 after 1996-04-14). Warning: a number that is no classification order (`E.O. 12598`, `E.O. 19528`: typos of 12958), with the order in force on the cable date. Declassification review stamps (`E.O. 12958: AS AMENDED; DECLASSIFIED ...`, `DECL: DECLASSIFIED BY NARA ...`) are skipped.',
    why: 'The E.O. line names the order under which the information was classified (§B.1). An order cited before it existed is a typo or a later retyping; one cited long after its replacement is an outdated template.',
    sources: ['B.1'],
    triggers: { text: cableExample({ eo: 'E.O. 13526: DECL: 02/19/2019' }), note: '2009-02-20 cable citing E.O. 13526 (signed 2009-12-29).' },
    clean: { text: cableExample(), note: '2009 cable citing E.O. 12958.' },
    notFlagged: ['`E.O. 12958` cited 2003-2010 (as amended by 13292).', 'Declassification review stamps on old cables.'],
  },
  check({ cable, facts }) {
    const eo = cable.eo;
    if (!eo?.order) return [];
    // The stamp may sit in the DECL slot too (`E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009` on a 1966 cable).
    if (!eo.na && (REVIEW_STAMP.test(eo.decl?.text ?? '') || (!eo.decl && REVIEW_STAMP.test(eo.other?.text ?? '')))) return [];
    // A number outside the table of classification orders (`E.O. 12598` for 12958) has no window to compare with.
    if (!lookupExecutiveOrder(eo.order.text)) {
      const inForce = facts.day ? orderInForce(facts.day) : null;
      const hint = inForce ? `; on ${facts.day} the order in force was E.O. ${inForce.order.number}` : '';
      return [
        {
          range: { start: eo.order.start, end: eo.order.end },
          message: `E.O. ${eo.order.text} is not an executive order on classification (those are ${CLASSIFICATION_ORDER_NUMBERS.join(', ')})${hint}.`,
          severityOverride: 'warning',
        },
      ];
    }
    if (!facts.day) return [];
    // Windows and the 6-month grace after supersession come from the knowledge table (§B.1).
    const cited = citationStatus(eo.order.text, facts.day);
    if (!cited) return [];
    const { order, status } = cited;
    if (status !== 'before-signature' && status !== 'before-effective' && status !== 'long-after-supersession') return [];
    const range = { start: eo.order.start, end: eo.order.end };
    const day = facts.day;
    if (status === 'before-signature') {
      return [{ range, message: `The cable (${day}) cites E.O. ${order.number}, which was signed on ${order.signed}.` }];
    }
    if (status === 'before-effective') {
      return [{ range, message: `The cable (${day}) cites E.O. ${order.number}, which took effect on ${order.effective}.`, severityOverride: 'warning' }];
    }
    if (status === 'long-after-supersession') {
      return [
        {
          range,
          message: `The cable (${day}) cites E.O. ${order.number}, which was replaced by E.O. ${order.supersededBy} on ${order.superseded}.`,
          severityOverride: 'warning',
        },
      ];
    }
    return [];
  },
};
