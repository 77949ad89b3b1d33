import { cableExample } from './examples';
import type { Rule } from './types';

/** E.O. 13292 renumbered the reasons from §1.5 to §1.4 (signed 2003-03-25). */
const AMENDMENT_SIGNED = '2003-03-25';
/** Drafters kept writing 1.5 for a while after the amendment; only flag 1.5 after this grace period. */
const LAST_1_5_DAY = '2003-12-31';

/** B.1: the reason section follows the order in force: 1.5 under original 12958, 1.4 after the 2003 amendment. */
export const rule: Rule = {
  id: 'reason-code-era',
  description: 'The reason section does not match the cable date (1.5 after 2003, 1.4 before the 2003 amendment).',
  defaultSeverity: 'information',
  tags: ['authority', 'era'],
  fixable: false,
  docs: {
    checks:
      'Reports `1.5 (x)` reasons on cables dated after 2003-12-31, and `1.4 (x)` reasons on cables dated before 2003-03-25 (when E.O. 13292 moved the categories from §1.5 to §1.4).',
    why: 'Original E.O. 12958 listed the categories in §1.5; E.O. 13292 (2003-03-25) renumbered them §1.4, as E.O. 13526 keeps them (§B.1). A section from the wrong era usually means a copied template; the category letters are the same, so this is information only.',
    sources: ['B.1'],
    triggers: { text: cableExample({ classifiedBy: 'Classified By: Ambassador Richard E. Hoagland, reason 1.5 (d)' }), note: '2009 cable citing 1.5.' },
    clean: { text: cableExample(), note: '2009 cable citing 1.4.' },
    notFlagged: ['`1.5 (x)` in 1995-2003 cables.'],
  },
  check({ cable, facts }) {
    if (!cable.classifiedBy || !facts.day) return [];
    const cb = facts.classifiedByStatement;
    const reasons = facts.reasons;
    if (!cb || !reasons?.sectionKnown) return [];
    const late15 = reasons.section === '1.5' && facts.day > LAST_1_5_DAY;
    const early14 = reasons.section === '1.4' && facts.day < AMENDMENT_SIGNED;
    if (!late15 && !early14) return [];
    const written = /^\d\s?\.\s?\d{1,2}/.exec(cb.text.slice(reasons.start))?.[0] ?? reasons.section ?? '';
    const range = { start: cb.span.start + reasons.start, end: cb.span.start + reasons.start + written.length };
    if (late15) {
      return [{ range, message: `The reason cites 1.5, the original E.O. 12958 section; cables after 2003 cite 1.4 (this one is dated ${facts.day}).` }];
    }
    if (early14) {
      return [{ range, message: `The reason cites 1.4, but before E.O. 13292 (2003-03-25) the categories were in 1.5 (this cable is dated ${facts.day}).` }];
    }
    return [];
  },
};
