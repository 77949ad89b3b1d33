/**
 * Classification reasons: the category letters of E.O. 13526 §1.4 (same letters under 12958 as amended
 * in 2003) and original E.O. 12958 §1.5, and reading them from a `Classified By` line in any of the
 * separator styles real cables use (§A.6).
 */

/** Category letter -> short description, in our words (§B.1). */
export const REASONS_1_4: Readonly<Record<string, string>> = Object.freeze({
  a: 'military plans, weapons systems, or operations',
  b: 'foreign government information',
  c: 'intelligence activities (including covert action), intelligence sources or methods, or cryptology',
  d: 'foreign relations or foreign activities of the United States, including confidential sources',
  e: 'scientific, technological, or economic matters relating to national security',
  f: 'US Government programs for safeguarding nuclear materials or facilities',
  g: 'vulnerabilities or capabilities of systems, installations, infrastructures, projects, plans, or protection services relating to national security',
  h: 'the development, production, or use of weapons of mass destruction',
});

/** Original E.O. 12958 §1.5 (1995-2003): (a)-(g), substantially the same, no (h). */
export const REASONS_1_5: Readonly<Record<string, string>> = Object.freeze({
  a: 'military plans, weapons systems, or operations',
  b: 'foreign government information',
  c: 'intelligence activities (including special activities), intelligence sources or methods, or cryptology',
  d: 'foreign relations or foreign activities of the United States, including confidential sources',
  e: 'scientific, technological, or economic matters relating to national security',
  f: 'US Government programs for safeguarding nuclear materials or facilities',
  g: 'vulnerabilities or capabilities of systems, installations, projects, or plans relating to national security',
});

/** The letter table for a section (`1.4` or `1.5`), or null. */
export function reasonTable(section: string): Readonly<Record<string, string>> | null {
  return section === '1.4' ? REASONS_1_4 : section === '1.5' ? REASONS_1_5 : null;
}

/** Reason letters read from text. */
export interface ReasonLetters {
  /** `1.4`, `1.5`, another `d.d` section as written (`1.6`), or null for `reasons b, d.` without a section. */
  section: string | null;
  /** True for 1.4 and 1.5. */
  sectionKnown: boolean;
  /** Letters in order, lower case, without duplicates. */
  letters: string[];
  /** Letters outside the section's range (i.. for 1.4, h.. for 1.5; all letters of an unknown section). */
  invalid: string[];
  /** Offsets in the input of the section number and of the end of the letter list. */
  start: number;
  end: number;
}

const SECTION = /\b(\d)\s?\.\s?(\d{1,2})\b/g;
const REASON_WORD = /\breasons?\b\s*:?/gi;

function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Scans the letter list that starts at `from`: single letters, optionally in parentheses, separated by
 * spaces, commas, `/`, `&`, `-`, `and`, `or`. Stops at a sentence end (a `.` not between digits, `;`, a
 * line of another kind) or at any other word. Single pass, no backtracking.
 */
/** `1.4`, `1 . 5` where a letter list goes on after it (sticky, read in place). */
const SECTION_AGAIN = /1 ?\. ?([45])(?!\d)/y;

/**
 * `1.5 (B) and 1.5 (D)`: the length of `section` (`1.4` or `1.5`) written again at `at`, where a letter list goes on
 * after it; 0 when something else is there.
 */
export function sectionAgainAt(text: string, at: number, section: string): number {
  if (typeof text !== 'string' || typeof section !== 'string' || typeof at !== 'number' || text.charCodeAt(at) !== 49) return 0;
  SECTION_AGAIN.lastIndex = at;
  const again = SECTION_AGAIN.exec(text);
  return again && `1.${again[1]}` === section ? again[0].length : 0;
}

/**
 * `1.4. (b and d)`: where the letter list starts after a section at `at` that a period closes before a parenthesised
 * list (the period is not the sentence end there); `at` itself otherwise.
 */
export function afterSectionPeriod(text: string, at: number): number {
  if (typeof text !== 'string' || typeof at !== 'number' || text.charCodeAt(at) !== 46) return at;
  let k = at + 1;
  while (k < text.length && k < at + 4 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 160)) k++;
  return text.charCodeAt(k) === 40 ? at + 1 : at;
}

function scanLetters(text: string, from: number, section: string | null = null): { letters: string[]; end: number } {
  const letters: string[] = [];
  let i = from;
  let end = from;
  const n = Math.min(text.length, from + 400);
  while (i < n) {
    const ch = text[i];
    // `1.5 (B) and 1.5 (D)`: the same section written again before the next letter.
    const again = section === null ? 0 : sectionAgainAt(text, i, section);
    if (again > 0) {
      i += again;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === ',' || ch === '/' || ch === '&' || ch === '-' || ch === '(' || ch === ')' || ch === '\u00a0') {
      if (ch === ')') end = i + 1;
      i++;
      continue;
    }
    if (isLetter(ch)) {
      let j = i;
      while (j < n && isLetter(text[j])) j++;
      const word = text.slice(i, j).toLowerCase();
      if (word.length === 1) {
        if (!letters.includes(word)) letters.push(word);
        end = j;
        i = j;
        continue;
      }
      if (word === 'and' || word === 'or') {
        i = j;
        continue;
      }
      break; // any other word ends the list
    }
    break; // `.`, `;`, digits, other punctuation: sentence end or something else
  }
  // A trailing `)` that closes the last letter belongs to the list.
  return { letters, end };
}

/**
 * Reads reason letters from a `Classified By` text: `1.4 (b) and (d)`, `1.4(b)(d)`, `1.4 (B,D)`,
 * `1.4 b and d`, `1.4 (B/D)`, `1.4 (B&D)`, `reasons 1.4 (b,d)`, `REASON: 1.5 (D).`, `1.4(B), (D)`, and
 * `reasons b, d.` (no section). The first `1.4`/`1.5` (else any `d.d` followed by letters) wins; letters run
 * to the sentence end. Returns null when no reason is found. Linear time.
 */
export function parseReasonLetters(text: string): ReasonLetters | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const src = text.length > 5000 ? text.slice(0, 5000) : text;
  let fallback: ReasonLetters | null = null;
  SECTION.lastIndex = 0;
  for (let m = SECTION.exec(src); m; m = SECTION.exec(src)) {
    const section = `${m[1]}.${m[2]}`;
    const { letters, end } = scanLetters(src, afterSectionPeriod(src, m.index + m[0].length), section);
    const known = section === '1.4' || section === '1.5';
    if (letters.length === 0 && !known) continue;
    const max = section === '1.4' ? 'h' : section === '1.5' ? 'g' : '';
    const invalid = letters.filter((l) => !max || l > max);
    const result: ReasonLetters = { section, sectionKnown: known, letters, invalid, start: m.index, end: Math.max(end, m.index + m[0].length) };
    if (known) return result;
    fallback ??= result;
  }
  if (fallback) return fallback;
  // `reasons b, d.`: letters straight after the word.
  REASON_WORD.lastIndex = 0;
  for (let m = REASON_WORD.exec(src); m; m = REASON_WORD.exec(src)) {
    const { letters, end } = scanLetters(src, m.index + m[0].length);
    if (letters.length > 0) {
      return { section: null, sectionKnown: false, letters, invalid: letters.filter((l) => l > 'h'), start: m.index, end };
    }
  }
  return null;
}

/** Category phrases that name a reason in words (R2 allows "a brief reference to the category"). */
export const CATEGORY_PHRASES: readonly { phrase: RegExp; letter: string }[] = Object.freeze([
  { phrase: /\bmilitary plans\b/i, letter: 'a' },
  { phrase: /\bweapons? systems?\b/i, letter: 'a' },
  { phrase: /\bforeign government information\b/i, letter: 'b' },
  { phrase: /\bintelligence (?:activities|sources|methods)\b/i, letter: 'c' },
  { phrase: /\bsources (?:and|or) methods\b/i, letter: 'c' },
  { phrase: /\bcryptology\b/i, letter: 'c' },
  { phrase: /\bforeign relations\b/i, letter: 'd' },
  { phrase: /\bforeign activities of the United States\b/i, letter: 'd' },
  { phrase: /\bconfidential sources?\b/i, letter: 'd' },
  { phrase: /\bscientific, technological,? (?:or|and) economic\b/i, letter: 'e' },
  { phrase: /\bsafeguarding nuclear\b/i, letter: 'f' },
  { phrase: /\bvulnerabilities (?:or|and) capabilities\b/i, letter: 'g' },
  { phrase: /\bweapons of mass destruction\b/i, letter: 'h' },
]);

/** A category named in words. */
export interface CategoryMention {
  letter: string;
  phrase: string;
  index: number;
}

/**
 * Categories named in words in a `Classified By` text ("for reasons of foreign government information"),
 * in order of appearance, one per letter. Each phrase is a fixed-shape regex (linear).
 */
export function findCategoryWords(text: string): CategoryMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const src = text.length > 5000 ? text.slice(0, 5000) : text;
  const found: CategoryMention[] = [];
  for (const { phrase, letter } of CATEGORY_PHRASES) {
    const m = phrase.exec(src);
    if (m && !found.some((f) => f.letter === letter)) found.push({ letter, phrase: m[0], index: m.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Hover text spelling out reason letters: `Reasons under §1.4: (b) foreign government information; (d) ...`.
 */
export function reasonHover(reasons: ReasonLetters): string {
  if (!reasons || typeof reasons !== 'object' || !Array.isArray(reasons.letters)) return 'Classification reason.';
  const table = reasons.section ? reasonTable(reasons.section) : REASONS_1_4;
  const order = reasons.section === '1.5' ? 'original E.O. 12958 §1.5 (1995–2003)' : reasons.section === '1.4' ? 'E.O. 13526 / 12958 as amended, §1.4' : null;
  if (!table) return `Classification reason **${reasons.section}**: not a reason section (reasons are 1.4, or 1.5 before 2003).`;
  const parts = reasons.letters.map((l) => (table[l] ? `(${l}) ${table[l]}` : `(${l}) **not a category of this section**`));
  const head = order ? `Classification reasons, ${order}` : 'Classification reasons (section not given; read as §1.4)';
  return parts.length > 0 ? `${head}: ${parts.join('; ')}.` : `${head}: no category letter given.`;
}
