/** The signature under a cable's text: a name alone, or glued to the last sentence. */
import { lookupCaveat } from '../knowledge/captions';
import { ENDS_WITH_CLOSER } from './blocks';
import { isDigit, isTrimSpace, isUpper } from './chars';
import { isBlank, type Line } from './lines';
import { TRAILING_DEBRIS } from './strayLines';

export const SIGNATURE = /^[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}$/;
export const LOWER_SIGNATURE = /^[a-z][a-z.'-]*(?: [a-z][a-z.'-]*){0,3}$/;
/** `curran`: a surname the mirror lower-cased, believable only after a finished sentence or block. */
export const LOWER_NAME = /^[a-z][a-z'-]{2,24}$/;
/** `McMULLEN`, `LeBaron`, `MacDonald`: a surname with a capital inside. */
export const INNER_CAPITAL_NAME = /^(?:Mc|Mac|Le|La|De|Di|Du|Van|Von|O')[A-Z][A-Za-z'-]{1,20}$/;
/**
 * A name after the last sentence of the text, on its line: one capitalised or all-caps word (`FOLEY`, `McMullen`), or
 * an all-caps surname with its particle (`... in 2009. LA LIME`, 09PRETORIA954).
 */
// The sentence must end after a word, a number or a closing parenthesis (`... (LOA's). POLASCHIK`, 09TRIPOLI941), not
// an initial: `U.S. Embassy` is no sentence end and a name. A block closer in capitals ends the text as a sentence does,
// its period left out (`... business with the government. END COMMENT THORNE`, 09ROME1187; `END COMMENT) HUNTSMAN`).
// A surname of two letters is all in capitals (`... as innuendo. LU`, 10BAKU127) and no English word or body's name.
export const GLUED_SIGNATURE =
  /(?:(?:[a-z0-9]|[A-Za-z]{2}|\))[.!?]["'\u2019\u201d)\]]*|\bEND (?:SUMMARY|COMMENT|NOTE|TEXT|QUOTE)[.!?"'\u2019\u201d)\]]*)\s+((?:(?:LA|LE|DE|DI|DU|DA|DEL|VAN|VON|DER) )?[A-Z][A-Za-z'-]{2,24}|(?!(?:AN|AS|AT|BE|BY|DO|EU|GO|HE|IF|IN|IS|IT|ME|MY|NO|OF|OK|ON|OR|SO|TO|UN|UP|US|WE)$)[A-Z]{2})$/;
/**
 * The posts' notice before the signature (`Visit London's Classified Website:` / `http://www.state.sgov.gov/...`,
 * rows of `*`): no sentence end, yet the name follows it.
 */
export const SITE_NOTICE = /Classified Web ?[Ss]ite|SIPRNET website|^https?:\/\/\S+(?: \S{1,4})?$|^\*{5,}/i;
/**
 * A name right after that notice's address on one line (`.../london/index. cfm Tuttle`; the mirror split `.cfm`), the
 * notice also read `... Classified Website at: http://.../paris/index.c fm STAPLETON` (06PARIS7755).
 */
export const NAME_AFTER_SITE = /Classified Website(?: at)?:? https?:\/\/\S+(?: \S{1,4})?\s+([A-Z][A-Za-z'-]{2,24})$/;
/**
 * `End of Part One LA LIME` (09PRETORIA939): the closer of one part of a cable sent in parts, then the name in capitals
 * (with its particle), which ends no sentence: no prose word is in capitals after those words. See partEndName.
 */
const PART_END_SIGNATURE = /^\s*END OF PART [A-Z0-9]+(?: OF [A-Z0-9]+)?\.?\s+((?:(?:LA|LE|DE|DI|DU|DA|DEL|VAN|VON|DER) )?[A-Z][A-Z'-]{1,24})$/i;

/** PART_END_SIGNATURE's match on last line `t`, when the name after the closer is all in capitals; else null. */
export function partEndName(t: string): RegExpExecArray | null {
  const c = t.charCodeAt(t.length - 1);
  if (c < 65 || c > 90) return null;
  const m = PART_END_SIGNATURE.exec(t);
  return m && m[1] === m[1].toUpperCase() && !GLUED_NOT_NAME.test(m[1]) ? m : null;
}

/**
 * `SHANNON Shannon` (10BRASILIA108): the surname in capitals, then the same word as written, as a sign-off line gives
 * it; no sentence repeats a word so.
 */
export function isNameTwice(t: string): boolean {
  const sp = t.indexOf(' ');
  if (sp < 3 || sp !== t.lastIndexOf(' ')) return false;
  const a = t.slice(0, sp);
  const b = t.slice(sp + 1);
  return a !== b && b.toUpperCase() === a && isUpper(b.charCodeAt(0)) && LONE_NAME.test(a) && !GLUED_NOT_NAME.test(a) && lookupCaveat(a) === null;
}

/** Words that end a text but are no name. */
export const GLUED_NOT_NAME = /^(?:END|BEGIN|SUMMARY|COMMENT|NOTE|QUOTE|UNQUOTE|TEXT|BT|NNNN|XXXX+)$/i;
/** `Chicola`, `Randt`: a capitalised surname, believable only after a finished sentence. */
export const NAME_SIGNATURE = /^[A-Z][a-z]+(?:[ -][A-Z][a-z.]+){0,2}$/;

/**
 * Whether `s` ends with white space and a capitalised word of 3-25 letters, apostrophes and hyphens, or two capitals:
 * how both GLUED_SIGNATURE and NAME_AFTER_SITE end (`\s+([A-Z][A-Za-z'-]{2,24})$`). Tested from the end first: the patterns
 * would scan the whole line, often a whole paragraph, for every cable.
 */
export function endsWithName(s: string): boolean {
  let k = s.length;
  while (k > 0 && s.length - k <= 25 && isNameChar(s.charCodeAt(k - 1))) k--;
  const n = s.length - k;
  return (n >= 3 || (n === 2 && isUpper(s.charCodeAt(k + 1)))) && n <= 25 && k > 0 && isUpper(s.charCodeAt(k)) && isTrimSpace(s.charCodeAt(k - 1));
}

/** `[A-Za-z'-]`. */
function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 45;
}

/**
 * Where the date written after the name starts (`SOBEL 2008-01-08`, `... interests. DANILOVICH 2005-05-06`: Embassy
 * Brasilia's sign-off, 05BRASILIA1207, 08BRASILIA43, 09BRASILIA1540), at the space before it; else `t.length`. Read by
 * character from the end: most last lines end with a letter or a period and are left at the first test.
 */
export function signedDateAt(t: string): number {
  let n = t.length;
  while (n > 0 && t.charCodeAt(n - 1) === 32) n--;
  const at = n - 11;
  if (at < 2 || !isDigit(t.charCodeAt(n - 1)) || t.charCodeAt(at) !== 32 || t.charCodeAt(n - 3) !== 45 || t.charCodeAt(n - 6) !== 45) return t.length;
  for (const k of [1, 2, 3, 4, 6, 7, 9]) if (!isDigit(t.charCodeAt(at + k))) return t.length;
  // (`... in 2008-01-08`: after a word in capitals only, which the signature tests then read as a name or not.)
  return isUpper(t.charCodeAt(at - 1)) ? at : t.length;
}

/** `ZAJAC##` -> `ZAJAC` (a loop: `/#+$/` retries from every `#` of a long run). */
export function withoutEndMarks(t: string): string {
  let end = t.length;
  while (end > 0 && t.charCodeAt(end - 1) === 35) end--;
  return end === t.length ? t : t.slice(0, end);
}

/** One surname alone on its line (`CLUNE`, `Randt`, `McGEE`). */
const LONE_NAME = /^[A-Z][A-Za-z'-]{1,24}$/;

/** A line that ends inside a web address (`... Web Site at http://www.intelink.s`): the next line may be its rest. */
const ENDS_IN_ADDRESS = /https?:\/\/\S*$/;

/**
 * Index of the signature above the debris the mirrors and posts left under a cable's text, or -1. Two layouts:
 * - a surname, blank lines, then any one last line (`CLUNE` / blank / `Determined .`: a query, a cut title);
 * - a surname, then only lines known as debris, blank lines between them or not (TRAILING_DEBRIS: the post's site
 *   notice and the rest of its address on the next line, the mirror's query, mail and print stamps), or the name
 *   again in lower case (`Huntsman` / `huntsman`, 09BEIJING2964).
 * Either way the name must stand alone after a finished sentence or a blank line (see loneNameAt).
 */
export function nameAboveDebris(lines: Line[], from: number, last: number): number {
  let k = last - 1;
  while (k >= from && isBlank(lines[k])) k--;
  if (k < from) return -1;
  if (k < last - 1 && lines[last].text.trim().length <= 100 && loneNameAt(lines, k) >= 0) return k;
  // Walk up from the last line while every line below is debris; the first text line above them is the candidate.
  let below = last;
  for (let n = 0; n < 6 && k >= from; n++) {
    if (!isDebris(lines, below, k)) return -1;
    if (loneNameAt(lines, k) >= 0) return k;
    below = k;
    k--;
    while (k >= from && isBlank(lines[k])) k--;
  }
  return -1;
}

/** Whether line `at` is debris under the text, `above` being the text line over it. */
function isDebris(lines: Line[], at: number, above: number): boolean {
  const t = lines[at].text.trim();
  if (TRAILING_DEBRIS.test(t) || SITE_NOTICE.test(t)) return true;
  const over = lines[above].text.trim();
  // The rest of an address the line break cut (`gov.gov/wiki/Portal:Turkey"`), under the notice's line.
  if (t.indexOf(' ') < 0 && ENDS_IN_ADDRESS.test(over) && (TRAILING_DEBRIS.test(over) || SITE_NOTICE.test(over))) return true;
  // The name again, lower-cased by the mirror.
  return t !== over && t === over.toLowerCase() && LONE_NAME.test(over);
}

/**
 * Index of line `at` when it is a surname standing alone after a finished sentence or a blank line, and so the
 * signature above a last line that is no name; else -1. A list's last entry (`Notetaker` / `Interpreter`) follows no
 * sentence end.
 */
function loneNameAt(lines: Line[], at: number): number {
  const name = withoutEndMarks(lines[at].text.trim());
  if (!LONE_NAME.test(name) || GLUED_NOT_NAME.test(name) || lookupCaveat(name) !== null) return -1;
  const above = at > 0 ? lines[at - 1] : null;
  if (!above || isBlank(above)) return at;
  const t = withoutEndMarks(above.text.trimEnd());
  return /[.!?"')\]]$/.test(t) || ENDS_WITH_CLOSER.test(t) || SITE_NOTICE.test(t) ? at : -1;
}
