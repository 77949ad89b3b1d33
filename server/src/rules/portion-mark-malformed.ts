import type { Cable, PortionMarking } from '../parser/model';
import { cableExample } from './examples';
import type { Finding, Rule } from './types';

const LEVEL_WORDS: Readonly<Record<string, string>> = { 'TOP SECRET': 'TS', UNCLASSIFIED: 'U', CONFIDENTIAL: 'C', UNCLAS: 'U', SECRET: 'S' };
const LEVEL_WORD = /^(TOP SECRET|UNCLASSIFIED|CONFIDENTIAL|UNCLAS|SECRET)(?=$|[\s/-])/i;

/**
 * The mark as it should read, changing only what is malformed: parentheses added, spaces inside the parentheses
 * and around separators removed, a level word abbreviated, a space-only separator made `/`, and upper case in an
 * upper-case cable. Separator style (`/` or `//`) and controls are kept as written.
 */
export function fixedMark(m: PortionMarking, cable: Cable): { text: string; problems: string[] } {
  const problems: string[] = [];
  const raw = m.raw;
  let inner = raw.startsWith('(') ? raw.slice(1) : raw;
  if (!raw.startsWith('(')) problems.push('is missing its opening parenthesis');
  inner = inner.endsWith(')') ? inner.slice(0, -1) : inner;
  const tidy = inner.trim().replace(/\s*(\/\/|\/)\s*/g, '$1').replace(/^(\S+?)\s+-\s*|^(\S+?)\s*-\s+/, (_, a, b) => `${a ?? b}-`);
  if (tidy !== inner) problems.push('has spaces inside the parentheses');
  inner = tidy;
  const word = LEVEL_WORD.exec(inner);
  if (word) {
    inner = LEVEL_WORDS[word[1].toUpperCase()] + inner.slice(word[0].length);
    problems.push(`spells the level out (${word[1]})`);
  }
  if (m.malformed === 'space-separator') {
    const spaced = /^([A-Za-z]{1,3}) +(?=[A-Za-z])/.exec(inner);
    if (spaced) {
      inner = `${spaced[1]}/${inner.slice(spaced[0].length)}`;
      problems.push('separates the control with a space only');
    }
  }
  // The parser decides the cable's case (a wholly lower-case cable keeps lower-case marks).
  const upperCable = cable.banner ? !cable.banner.lowerCase : m.malformed === 'lower-case';
  if (upperCable && inner !== inner.toUpperCase()) {
    inner = inner.toUpperCase();
    problems.push('is in lower case in an upper-case cable');
  }
  return { text: `(${inner})`, problems };
}

/** R3 / [FAH1-240]: a portion mark is the level in parentheses right after the number; sloppy forms are fixable. */
export const rule: Rule = {
  id: 'portion-mark-malformed',
  description: 'A portion mark is written sloppily: missing parenthesis, inner spaces, or lower case in an upper-case cable.',
  defaultSeverity: 'warning',
  tags: ['portion'],
  fixable: true,
  docs: {
    checks:
      'Reports portion marks that are recognisable but malformed: a missing opening parenthesis (`2. SBU) ...`), spaces inside the parentheses or around the separator (`( C )`, `(S / NF)`), lower case (`(c)`) in an upper-case cable, a level spelt out (`(SECRET/NF)`), or a control separated by a space only (`(C NF)`). The quick fix rewrites only the mark (`(SBU)`, `(C)`, `(S/NF)`), keeping its separator style and controls.',
    why: 'The classification goes "immediately following the paragraph number" in the form (U), (C), (S), (TS), (SBU) ([FAH1-240], R3). Malformed marks are easy to miss when reading and defeat tools that extract portion levels [CABLEMAP].',
    sources: ['R3', 'FAH1-240'],
    triggers: {
      text: cableExample({ body: '1. (C) The minister described the reform plan.\n\n2. U) The meeting was public.' }),
      note: '`U)` lacks its opening parenthesis; the fix writes `(U)`.',
    },
    clean: { text: cableExample(), note: 'Marks (C) and (U).' },
    notFlagged: ['Lower-case marks in a wholly lower-case cable.', '`1.(C)`, `1.  (C)`, `¶1. (C)`: spacing between the number and the mark is free.'],
  },
  check({ cable }) {
    const out: Finding[] = [];
    const marks = [
      ...(cable.subject?.marking ? [{ m: cable.subject.marking, where: 'The subject line' }] : []),
      ...cable.paragraphs.filter((p) => p.marking).map((p) => ({ m: p.marking!, where: `Paragraph ${p.number}${p.subLetter ?? ''}` })),
    ];
    for (const { m, where } of marks) {
      if (!m.malformed || m.unknown || m.entireText || !m.level) continue;
      const { text: fixed, problems } = fixedMark(m, cable);
      if (fixed === m.raw || problems.length === 0) continue;
      out.push({
        range: { start: m.start, end: m.end },
        message: `${where}: the portion mark ${m.raw.trim()} ${problems.join(' and ')}; expected ${fixed}.`,
        data: { fix: { title: `Change to ${fixed}`, edits: [{ span: { start: m.start, end: m.end }, newText: fixed }] } },
      });
    }
    return out;
  },
};
