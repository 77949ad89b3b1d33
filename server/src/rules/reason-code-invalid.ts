import { cableExample } from './examples';
import type { Rule } from './types';

/** R2/B.1: reasons are 1.4 (a)-(h) (12958 as amended, 13526) or 1.5 (a)-(g) (original 12958). */
export const rule: Rule = {
  id: 'reason-code-invalid',
  description: 'The classification reason cites letters outside a-h (1.4) or a-g (1.5), or a section other than 1.4/1.5.',
  defaultSeverity: 'error',
  tags: ['authority'],
  fixable: false,
  docs: {
    checks:
      'Reads the reason of the `Classified By` statement (any separator style) and reports letters outside (a)-(h) after `1.4`, outside (a)-(g) after `1.5`, or a reason section other than 1.4/1.5 (`1.6 (d)`).',
    why: 'The reason is "the number 1.4 plus the letter(s)" of the category (R2, [CFR2001-2004]); E.O. 13526 §1.4 has categories (a)-(h), original E.O. 12958 §1.5 had (a)-(g) (§B.1). Any other reference names no category.',
    sources: ['R2', 'B.1'],
    triggers: { text: cableExample({ classifiedBy: 'Classified By: Ambassador Richard E. Hoagland, reasons 1.4 (b) and (i)' }), note: '(i) is not a 1.4 category.' },
    clean: { text: cableExample(), note: '`1.4 (b) and (d)`.' },
  },
  check({ cable, facts, text }) {
    if (!cable.classifiedBy) return [];
    const cb = facts.classifiedByStatement;
    const reasons = facts.reasons;
    if (!cb || !reasons) return [];
    const unknownSection = reasons.section !== null && !reasons.sectionKnown && reasons.letters.length > 0;
    // Nearly every statement is fine: the range and the text as written are read only to report.
    if (!unknownSection && reasons.invalid.length === 0) return [];
    const range = { start: cb.span.start + reasons.start, end: cb.span.start + reasons.end };
    const written = text.slice(range.start, range.end).replace(/\s+/g, ' ').trim();
    if (unknownSection) {
      return [{ range, message: `The classification reason cites section ${reasons.section} ("${written}"); reasons are 1.4 (a)-(h), or 1.5 (a)-(g) before 2003.` }];
    }
    if (reasons.invalid.length > 0) {
      const allowed = reasons.section === '1.5' ? '(a)-(g)' : '(a)-(h)';
      const letters = reasons.invalid.map((l) => `(${l})`).join(', ');
      return [{ range, message: `The classification reason "${written}" cites ${letters}; ${reasons.section ?? '1.4'} categories are ${allowed}.` }];
    }
    return [];
  },
};
