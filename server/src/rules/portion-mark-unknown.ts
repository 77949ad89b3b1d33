import { cableExample } from './examples';
import type { PortionMarking } from '../parser/model';
import { paragraphLabel } from '../parser/paragraphNumbers';
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
    notFlagged: [
      'Mixed-case words in parentheses after a number, such as `1. (Sabah) ...` (prose, not a mark).',
      'A letter that goes on a lettered list of the cable, such as `12. (B) PLO STATUS:` after `3. (U) (A) COUNTERTERRORISM ...`: an item letter, not a mark.',
      'Words in parentheses opening a line or a sub-item that is not a numbered paragraph (`(AKP) and Republican ...`, an acronym wrapped onto the line): only marks of the grammar are read there.',
    ],
  },
  check({ cable, text }) {
    const out: Finding[] = [];
    const subject = cable.subject?.marking;
    if (subject && subject.unknown && !subject.entireText) out.push(unknownMark(subject, 'The subject line'));
    for (const p of cable.paragraphs) {
      const m = p.marking;
      if (m && m.unknown && !m.entireText && !continuesLetteredList(m, text, cable.start)) out.push(unknownMark(m, `Paragraph ${paragraphLabel(p)}`));
    }
    return out;
  },
};

/** `(B)` where the cable wrote `(A)` before it: the next item of a lettered list, not a misspelled mark. */
function continuesLetteredList(m: PortionMarking, text: string, cableStart: number): boolean {
  const one = /^\(([A-Z])\)$/.exec(m.raw.trim());
  // (`(D)` after `(C)`, `(T)` after `(S)`, `(V)` after `(U)`: the letter before is a portion mark, not a list item.)
  if (!one || 'ADTV'.includes(one[1])) return false;
  const before = `(${String.fromCharCode(one[1].charCodeAt(0) - 1)})`;
  // (Searched in this cable only: a search running back through a dump of cables would be quadratic.)
  return text.slice(cableStart, m.start).includes(before);
}

function unknownMark(m: PortionMarking, where: string): Finding {
  return {
    range: { start: m.start, end: m.end },
    message: `${where} is marked ${m.raw.trim()}, which is not a portion mark; expected (U), (SBU), (C), (S) or (TS), optionally with /NF, /XD, /ND, /REL...`,
  };
}
