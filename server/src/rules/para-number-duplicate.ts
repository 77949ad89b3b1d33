import { cableExample } from './examples';
import type { Rule } from './types';

/** [FAH1-240]: paragraph numbers are unique so paragraphs can be cited. */
export const rule: Rule = {
  id: 'para-number-duplicate',
  description: 'Two consecutive top-level paragraphs have the same number.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: false,
  docs: {
    checks:
      'Reports a top-level paragraph that repeats the number of the top-level paragraph before it (`4.` then `4.`). Quoted blocks, sub-paragraphs and (in portion-marked cables) unmarked list items are not top level; the mirror\'s repeated caption block holds no paragraphs.',
    why: 'Paragraphs are numbered consecutively so that they can be cited (`see para 4`) [FAH1-240]; two paragraphs with one number make citations ambiguous.',
    sources: ['FAH1-240'],
    triggers: {
      text: cableExample({ body: '1. (C) The minister described the reform plan.\n\n2. (C) She asked for support.\n\n2. (U) The meeting was public.' }),
      note: 'Two paragraphs numbered 2.',
    },
    clean: { text: cableExample(), note: '`1.` then `2.`.' },
    notFlagged: ['Numbered lists that restart at 1 inside a paragraph or an embedded text.'],
  },
  check({ cable, facts }) {
    const issues = facts.numbering;
    if (issues.length === 0) return [];
    return issues
      .filter((i) => i.kind === 'duplicate')
      .map((i) => ({
        range: { start: i.paragraph.numberToken.start, end: i.paragraph.numberToken.end },
        message: `Paragraph ${i.paragraph.number} repeats the number of the paragraph before it; expected ${i.previous.number + 1}.`,
        related: [{ span: i.previous.numberToken, message: `First paragraph ${i.previous.number}` }],
      }));
  },
};
