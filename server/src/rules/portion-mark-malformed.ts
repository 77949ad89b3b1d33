import type { Cable, PortionMarking } from '../parser/model';
import { paragraphLabel } from '../parser/paragraphNumbers';
import { cableExample } from './examples';
import { subPortionName } from './facts';
import type { Finding, Rule } from './types';

const LEVEL_WORDS: Readonly<Record<string, string>> = { 'TOP SECRET': 'TS', UNCLASSIFIED: 'U', CONFIDENTIAL: 'C', UNCLAS: 'U', SECRET: 'S' };
const LEVEL_WORD = /^(TOP SECRET|UNCLASSIFIED|CONFIDENTIAL|UNCLAS|SECRET)(?=$|[\s/-])/i;

/**
 * Whether the cable writes its marks in upper case: some other mark is upper case, or the body text is mostly
 * upper case. A mixed-case cable whose marks are all lower case (`1.  (c) The May 15 visit...`) is consistent and
 * a wholly lower-case cable is too (§B.4).
 */
export function upperCaseMarks(cable: Cable, text: string): boolean {
  if (cable.subject?.marking && upperCaseMark(cable.subject.marking)) return true;
  for (const p of cable.paragraphs) if (p.marking && upperCaseMark(p.marking)) return true;
  const from = cable.body?.start ?? cable.start;
  const to = Math.min(cable.body?.end ?? cable.end, from + 20000, text.length);
  // Counted in place (no slice, no arrays of matches over up to 20 000 characters), stopping once the rest of the
  // text can no longer change the answer.
  let upper = 0;
  let lower = 0;
  for (let i = Math.max(0, from); i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    if ((i & 255) === 0) {
      const rest = to - i - 1;
      if (upper > 4 * (lower + rest)) return true;
      if (upper + rest <= 4 * lower) return false;
    }
  }
  return upper > 4 * lower;
}

function upperCaseMark(m: PortionMarking): boolean {
  return /[A-Z]/.test(m.raw) && !/[a-z]/.test(m.raw);
}

/**
 * The mark as it should read, changing only what is malformed: parentheses added, spaces inside the parentheses
 * and around separators removed, a level word abbreviated, a space-only separator made `/`, and upper case in an
 * upper-case cable. Separator style (`/` or `//`) and controls are kept as written.
 */
export function fixedMark(m: PortionMarking, cable: Cable, upperCable: boolean): { text: string; problems: string[] } {
  const problems: string[] = [];
  const raw = m.raw;
  let inner = raw.startsWith('(') ? raw.slice(1) : raw;
  if (!raw.startsWith('(')) problems.push('is missing its opening parenthesis');
  inner = inner.endsWith(')') ? inner.slice(0, -1) : inner;
  const tidy = inner.trim().replace(/(?:(?<!\s)\s+)?(\/\/|\/)\s*/g, '$1').replace(/^(\S+?)\s+-\s*|^(\S+?)\s*-\s+/, (_, a, b) => `${a ?? b}-`);
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
  if (upperCable && inner !== inner.toUpperCase()) {
    inner = inner.toUpperCase();
    problems.push(inner === inner.toLowerCase() ? 'is in lower case while the cable writes its marks in upper case' : 'mixes lower case into a mark while the cable writes its marks in upper case');
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
      'Reports portion marks that are recognisable but malformed: a missing opening parenthesis (`2. SBU) ...`), spaces inside the parentheses or around the separator (`( C )`, `(S / NF)`), lower case (`(c)`) in a cable that otherwise writes marks (or its text) in upper case, a level spelt out (`(SECRET/NF)`), or a control separated by a space only (`(C NF)`). The marks opening lettered, numbered or bulleted sub-items and paragraphs written without a number (`A. (S/NF) USG Concern: ...`, `-- (C) On Iraq, ...`, `(S/NF) GOA Response: ...`) are checked the same way. The quick fix rewrites only the mark (`(SBU)`, `(C)`, `(S/NF)`), keeping its separator style and controls.',
    why: 'The classification goes "immediately following the paragraph number" in the form (U), (C), (S), (TS), (SBU) ([FAH1-240], R3). Malformed marks are easy to miss when reading and defeat tools that extract portion levels [CABLEMAP].',
    sources: ['R3', 'FAH1-240'],
    triggers: {
      text: cableExample({ body: '1. (C) The minister described the reform plan.\n\n2. U) The meeting was public.' }),
      note: '`U)` lacks its opening parenthesis; the fix writes `(U)`.',
    },
    clean: { text: cableExample(), note: 'Marks (C) and (U).' },
    notFlagged: [
      'Lower-case marks in a wholly lower-case cable, or in a mixed-case cable whose marks are all lower case.',
      '`1.(C)`, `1.  (C)`, `¶1. (C)`: spacing between the number and the mark is free.',
      'A level written as a word on a line opening a passage without a number, such as `(SECRET//REL GERMANY)` over talking points: a classification line, written in words as a banner is.',
      'A lower-case letter in parentheses opening a line, such as `(c) the intelligence value ...` in a cable whose marks are upper case: a list letter, not a mark.',
    ],
  },
  check({ cable, text }) {
    const out: Finding[] = [];
    // Whether the cable writes marks in upper case, read once and only when a mark is malformed.
    const upper: { value: boolean | null } = { value: null };
    const subject = cable.subject?.marking;
    if (subject && subject.malformed) malformedMark(out, subject, 'The subject line', cable, text, upper);
    for (const p of cable.paragraphs) {
      const m = p.marking;
      if (m && m.malformed) malformedMark(out, m, `Paragraph ${paragraphLabel(p)}`, cable, text, upper);
    }
    for (const sp of cable.subPortions) {
      const m = sp.marking;
      // A level in words (`(SECRET//REL GERMANY)` over talking points) classifies the text under it as a banner does.
      if (m.malformed && m.malformed !== 'full-word-level') malformedMark(out, m, subPortionName(sp, sp.paragraph >= 0 ? cable.paragraphs[sp.paragraph] : null), cable, text, upper);
    }
    return out;
  },
};

function malformedMark(out: Finding[], m: PortionMarking, where: string, cable: Cable, text: string, upper: { value: boolean | null }): void {
  if (!m.malformed || m.unknown || m.entireText || !m.level) return;
  upper.value ??= upperCaseMarks(cable, text);
  const { text: fixed, problems } = fixedMark(m, cable, upper.value);
  if (fixed === m.raw || problems.length === 0) return;
  out.push({
    range: { start: m.start, end: m.end },
    message: `${where}: the portion mark ${m.raw.trim()} ${problems.join(' and ')}; expected ${fixed}.`,
    data: { fix: { title: `Change to ${fixed}`, edits: [{ span: { start: m.start, end: m.end }, newText: fixed }] } },
  });
}
