/**
 * In-text mentions of a cable's own REF items: `REFTEL A`, `(REF B)`, `ref c)`, `REFS A AND B`, `REFS A-D`, and
 * a bare `REFTEL` when the cable has a single reference. Only letters the cable's REF line actually has count,
 * so the article in `per ref a demarche` or `REF A` in a cable with no item A never becomes a link.
 */

export interface TextMention {
  /** Offsets into the scanned text. */
  start: number;
  end: number;
  /** Upper-case item letter; null for a bare `REFTEL` (the cable's only reference). */
  letter: string | null;
}

interface LetterAt extends TextMention {
  letter: string;
}

const KEYWORD = /\b(REFTELS?|REFS?)\b/gi;
/** A list letter: one letter standing alone (not the start of a word, a number or an abbreviation). */
const LETTER = /^([A-Za-z])(?![A-Za-z0-9'’]|\.[A-Za-z])/;
const JOIN = /^\s*(?:,\s*(?:AND\s+)?|AND\s+|&\s*|\/\s*|[-–]\s*)/i;
const MAX_LETTERS = 26;

/**
 * Mentions in `text` (a cable body). `letters` holds the cable's REF item letters (upper case); `single` is true
 * when the cable has exactly one REF item, which a bare `REFTEL` then means.
 */
export function findTextMentions(text: string, letters: ReadonlySet<string>, single: boolean): TextMention[] {
  const out: TextMention[] = [];
  if (typeof text !== 'string' || (letters.size === 0 && !single)) return out;
  KEYWORD.lastIndex = 0;
  for (let m = KEYWORD.exec(text); m; m = KEYWORD.exec(text)) {
    const keyword = m[1].toUpperCase();
    const after = m.index + m[0].length;
    // `REF:` / `REFTEL:` starts a (repeated) REF line, not a mention.
    if (/^\s*:/.test(text.slice(after, after + 3))) continue;
    const found = readLetters(text, after);
    const known = found.filter((f) => letters.has(f.letter));
    if (known.length > 0 && known.length === found.length) {
      out.push({ start: m.index, end: known[0].end, letter: known[0].letter });
      for (const f of known.slice(1)) out.push(f);
      KEYWORD.lastIndex = known[known.length - 1].end;
    } else if (found.length === 0 && keyword.startsWith('REFTEL') && single) {
      out.push({ start: m.index, end: after, letter: null });
    }
  }
  return out;
}

/** Letters after a keyword: `A`, `A AND B`, `B, C`, `A-D` (a range links its two ends). */
function readLetters(text: string, at: number): LetterAt[] {
  const out: LetterAt[] = [];
  const ws = /^[ \t\u00a0]+|^\r?\n[ \t]*/.exec(text.slice(at, at + 8));
  if (!ws) return out;
  let pos = at + ws[0].length;
  while (out.length < MAX_LETTERS) {
    const lm = LETTER.exec(text.slice(pos, pos + 3));
    // `ref B, a senior official`: a later letter in another case is prose, not the list.
    if (!lm || (out.length > 0 && isUpper(lm[1]) !== isUpper(text[out[0].start]))) break;
    out.push({ start: pos, end: pos + 1, letter: lm[1].toUpperCase() });
    pos += 1;
    const j = JOIN.exec(text.slice(pos, pos + 12));
    if (!j) break;
    pos += j[0].length;
  }
  return out;
}

function isUpper(ch: string): boolean {
  return ch >= 'A' && ch <= 'Z';
}
