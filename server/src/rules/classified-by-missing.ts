import { modernEra } from './authority';
import { cableExample } from './examples';
import { bannerName } from './facts';
import type { Rule } from './types';

/** Looks for the statement where the parser may not have taken it apart (any case or spacing). */
const CLASSIFIED_BY = /C\s*L\s*A\s*S\s*S\s*I\s*F\s*I\s*E\s*D\s+B\s*Y\b/i;
/**
 * A classified-by statement anywhere in the cable, at the start of a line or paragraph, also misspelt
 * (`Classfied By:`) or numbered (`2. (U) Classified by ...`): misplaced is not missing.
 */
const CLASSIFIED_BY_LINE = /^[ \t]*(?:\d{1,3}\.\s*)?(?:\([A-Za-z/ ]{1,12}\)\s*)?CLAS\w{0,8}\s+BY\b/im;
/**
 * `DERIVED FROM: ...`: derivative classification names its source instead of an original classifier (32 CFR
 * 2001.22(b) under E.O. 12958 as amended; E.O. 13526 later also asked for the derivative classifier's name).
 */
const DERIVED_FROM = /\bDERIVED\s+FROM\s*:/i;

/** R2: a classified cable names its classifier (E.O. 12958 §1.7(a), E.O. 13526 §1.6(a)). */
export const rule: Rule = {
  id: 'classified-by-missing',
  description: 'A classified cable of the E.O. 12958/13526 era has no Classified By line.',
  defaultSeverity: 'error',
  tags: ['authority', 'era'],
  fixable: false,
  docs: {
    checks:
      'For a CONFIDENTIAL, SECRET or TOP SECRET banner on a cable dated from 1995-10-14 (or, undated, citing E.O. 12958/13526), reports when no `Classified By` statement (any case or spacing, numbered or not) appears in the caption block or the first paragraph, nor at the start of any later line (a misplaced or misspelt `Classfied By:` is not missing). Partial records and texts the source cut short (`...`) before their first paragraph are skipped because the extract may have dropped it.',
    why: 'The face of a classified document must identify the original classifier by name and position and give the reason (R2: E.O. 12958 §1.7(a), E.O. 13526 §1.6(a)); State puts it in an unnumbered paragraph before paragraph 1 [FAH1-240]. Omitting it does not declassify anything (R7).',
    sources: ['R2', 'R7'],
    triggers: { text: cableExample({ classifiedBy: '' }), note: 'CONFIDENTIAL cable of 2009 with no Classified By statement.' },
    clean: { text: cableExample(), note: '`Classified By: Ambassador ..., reasons 1.4 (b) and (d)`.' },
    notFlagged: [
      'Unclassified cables, cables before 1995-10-14, partial records, texts cut short (`...`) before their first paragraph.',
      '`1. CONFIDENTIAL - ENTIRE TEXT. CLASSIFIED BY: ...` and other numbered forms.',
      'Derivative classification: a `DERIVED FROM:` line in the caption block or the first paragraph instead (32 CFR 2001.22(b)).',
    ],
  },
  check({ cable, facts, text }) {
    const banner = cable.banner;
    if (!banner || !facts.classified || cable.classifiedBy || cable.partial || facts.cutInHeader || !modernEra(cable, facts)) return [];
    // Caption block and first paragraph: where the statement belongs.
    const first = cable.paragraphs.find((p) => !p.quoted);
    const end = first ? first.end : cable.body ? cable.body.end : cable.end;
    const head = text.slice(banner.start, Math.min(end, banner.start + 20000));
    if (CLASSIFIED_BY.test(head) || DERIVED_FROM.test(head)) return [];
    if (CLASSIFIED_BY_LINE.test(text.slice(banner.start, cable.end))) return [];
    return [
      {
        range: { start: banner.designation.start, end: banner.designation.end },
        message: `The banner is ${bannerName(cable)} but there is no "Classified By" line naming the classifier and the reason.`,
      },
    ];
  },
};
