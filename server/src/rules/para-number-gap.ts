import { cableExample } from './examples';
import type { Rule } from './types';

/** [FAH1-240]: "number each paragraph consecutively". */
export const rule: Rule = {
  id: 'para-number-gap',
  description: 'A top-level paragraph number skips one or more numbers.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: false,
  docs: {
    checks:
      'Reports a top-level paragraph numbered more than one above the highest number so far (`3.` followed by `5.`) when no paragraph in between carries the missing number. Paragraphs in BEGIN TEXT/END TEXT and QUOTE/UNQUOTE blocks, sub-paragraphs (`2a.`) and, in portion-marked cables, unmarked numbered list items are not top level. Not reported: when the missing number appears between the two paragraphs where no paragraph was read (flattened text `... 291401Z 11. (C)`, a typo `3..`, `(13) (C)`), when a WikiLeaks redaction lies between them (`XXXXXXXXXXXX`, `[DETAILS REMOVED]`), and in partial records.',
    why: 'State telegrams number each paragraph consecutively [FAH1-240]; other cables and replies cite paragraphs by number. A gap usually means a paragraph was lost (for example in a section break) or misnumbered.',
    sources: ['FAH1-240'],
    triggers: { text: cableExample({ body: '1. (C) The minister described the reform plan.\n\n3. (U) The meeting was public.' }), note: '`1.` then `3.`.' },
    clean: { text: cableExample(), note: '`1.` then `2.`.' },
    notFlagged: ['Numbered lists inside a paragraph and embedded texts that restart at 1.', 'Partial records (paragraphs may be missing from the extract), and gaps with a WikiLeaks redaction in between.'],
  },
  check({ cable, facts }) {
    // A partial extract may have lost whole paragraphs.
    if (cable.partial) return [];
    const issues = facts.numbering;
    if (issues.length === 0) return [];
    return issues
      .filter((i) => i.kind === 'gap')
      .map((i) => ({
        range: { start: i.paragraph.numberToken.start, end: i.paragraph.numberToken.end },
        message: `Paragraph ${i.paragraph.number} follows paragraph ${i.previous.number}; expected ${i.previous.number + 1}.`,
        related: [{ span: i.previous.numberToken, message: `Paragraph ${i.previous.number}` }],
      }));
  },
};
