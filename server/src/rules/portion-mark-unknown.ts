import { cableExample } from './examples';
import type { PortionMarking } from '../parser/model';
import type { Finding, Rule } from './types';

/** R3: a portion mark must use the portion-mark grammar, or it states no level at all. */
export const rule: Rule = {
  id: 'portion-mark-unknown',
  description: 'A parenthesised mark after a paragraph number is not in the portion-mark grammar.',
  defaultSeverity: 'error',
  tags: ['portion'],
  fixable: false,
  docs: {
    checks:
      'The short upper-case token in parentheses right after a paragraph number (or after `SUBJECT:`) must read `(LEVEL[SEP CONTROL...])` with LEVEL one of U, SBU, LOU, C, S, TS, SEP one of `/`, `//`, `-`, and CONTROL one of NF, N, NOFORN, FOUO, SBU, SBU-NF, XD, ND, EXDIS, NODIS, REL ..., OC, ORCON, PROPIN. Anything else (`(X)`, `(CS)`, `(S/ZZ)`) is reported.',
    why: 'Portion marks are the symbols (TS), (S), (C), (U) placed before the portion (R3, [CFR2001-2004], [ISOO-MARK]); State telegrams add (SBU) and (SBU/N) [FAH1-240]. A mark outside the grammar tells the reader nothing about the paragraph\'s level.',
    sources: ['R3'],
    triggers: {
      text: cableExample({ body: '1. (C) The minister described the reform plan.\n\n2. (CS) She asked for support.' }),
      note: '`(CS)` is not a level.',
    },
    clean: { text: cableExample(), note: 'Marks (C) and (U).' },
    notFlagged: ['Mixed-case words in parentheses after a number, such as `1. (Sabah) ...` (prose, not a mark).'],
  },
  check({ cable }) {
    const out: Finding[] = [];
    const subject = cable.subject?.marking;
    if (subject && subject.unknown && !subject.entireText) out.push(unknownMark(subject, 'The subject line'));
    for (const p of cable.paragraphs) {
      const m = p.marking;
      if (m && m.unknown && !m.entireText) out.push(unknownMark(m, `Paragraph ${p.number}${p.subLetter ?? ''}`));
    }
    return out;
  },
};

function unknownMark(m: PortionMarking, where: string): Finding {
  return {
    range: { start: m.start, end: m.end },
    message: `${where} is marked ${m.raw.trim()}, which is not a portion mark; expected (U), (SBU), (C), (S) or (TS), optionally with /NF, /XD, /ND, /REL...`,
  };
}
