import { findCategoryWords } from '../knowledge/reasons';
import { modernEra, normalizeReasonTypos } from './authority';
import { cableExample } from './examples';
import type { Rule } from './types';

/** An ellipsis ending the statement or one of its lines: the source cut the text there. */
const CUT_AT_LINE_END = /(?:\.\.\.|\u2026)[ \t\u00a0]*(?:\r?\n|$)/;

/** R2: the Classified-By statement gives a reason: 1.4/1.5 plus letters, or the category in words. */
export const rule: Rule = {
  id: 'reason-missing',
  description: 'The Classified By line gives no reason (no 1.4/1.5 reference and no category words), or cites 1.4/1.5 with no category letter.',
  defaultSeverity: 'error',
  tags: ['authority', 'era'],
  fixable: false,
  docs: {
    checks:
      'For cables dated from 1995-10-14 (E.O. 12958 and later), reports a `Classified By` statement with neither a `1.4`/`1.5` reference nor a reason category in words ("foreign government information", "foreign relations"...). The statement is read up to the next blank line or portion, so a reason wrapped onto the next line counts (also one standing alone after a blank line). Also reports a section cited with no category letter after it (`REASON 1.4`). Not reported: derivative classification (`Derived from Multiple Sources`), a reason with a garbled section (`reasons 14 (b)`, `1/4 (B)`), and statements cut short by the source (ending in `...`, also at the end of a line the text runs on from), also after a bare section (`for reasons 1.4 ...`).',
    why: 'The face marking includes "a concise reason for classification" citing the category — "a brief reference to the pertinent classification category(ies), or the number 1.4 plus the letter(s)" (R2, [CFR2001-2004], E.O. 12958 §1.7(a)).',
    sources: ['R2'],
    triggers: { text: cableExample({ classifiedBy: 'Classified By: Ambassador Richard E. Hoagland.' }), note: 'Classifier named, no reason.' },
    clean: { text: cableExample(), note: '`reasons 1.4 (b) and (d)`.' },
    notFlagged: ['Reasons given in category words.', '`Classified By: Derived from Multiple Sources` (derivative classification).', 'Any separator style: `1.4(b)(d)`, `1.4 (B,D)`, `1.4 b and d`, `1.4 (B/D)`.', 'Cables before 1995-10-14.'],
  },
  check({ cable, facts }) {
    if (!cable.classifiedBy || !modernEra(cable, facts)) return [];
    if (cable.classifiedBy.section || cable.classifiedBy.reasons.length > 0 || cable.classifiedBy.categoryWords) return [];
    const cb = facts.classifiedByStatement;
    if (!cb) return [];
    const statement = normalizeReasonTypos(cb.text);
    const bare = facts.reasons && facts.reasons.sectionKnown && facts.reasons.letters.length === 0 ? facts.reasons.section : null;
    if ((facts.reasons && !bare) || findCategoryWords(statement).length > 0) return [];
    // Text cut short by the source (`Political Counselor Annie Pforzheimer, ...`) cannot be judged, also when other
    // text runs on below the cut line (`... for reasons ...` / `3/9/2005 6:49 C O N F I D E N T I A L ...`, 05PRAGUE337).
    if (CUT_AT_LINE_END.test(statement) || (bare && /(?:\.\.\.|\u2026)/.test(statement))) return [];
    const label = cable.classifiedBy.label;
    if (bare) {
      return [
        {
          range: { start: cable.classifiedBy.start, end: cable.classifiedBy.end },
          message: `"${label.text}" cites ${bare} with no category letter: expected "${bare} (x)".`,
        },
      ];
    }
    // Derivative classification cites its sources instead of a reason (`Classified By: Derived from Multiple Sources`).
    if (/\bderived\s+from\b/i.test(statement)) return [];
    // A reason with a garbled section (`reasons 14 (b) and (d)`) is given, if badly.
    if (/\breasons?\b\s*:?\s*\(?\d/i.test(statement)) return [];
    return [
      {
        range: { start: cable.classifiedBy.start, end: cable.classifiedBy.end },
        message: `"${label.text}" gives no reason: expected "1.4 (x)" (or "1.5 (x)" before 2003) or the category in words.`,
      },
    ];
  },
};
