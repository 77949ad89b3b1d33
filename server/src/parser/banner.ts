/** The classification line (§A.3): designation, SECTION x OF y, MRN, trailing caveats. */
import { lookupCaveat } from '../knowledge/captions';
import { isAsciiLetter, upperAscii } from './chars';
import type { Line } from './lines';
import type { Banner, BannerDesignation, Level, Mrn, SectionCount, Token } from './model';
import { tok, words } from './tokens';

interface DesignationInfo {
  normalized: BannerDesignation;
  level: Level;
  controls: string[];
}

/** Designations keyed by their letters with spaces removed. Longest keys are tried first. */
const DESIGNATIONS: Record<string, DesignationInfo> = {
  TOPSECRET: { normalized: 'TOP SECRET', level: 'TOP SECRET', controls: [] },
  SECRET: { normalized: 'SECRET', level: 'SECRET', controls: [] },
  CONFIDENTIAL: { normalized: 'CONFIDENTIAL', level: 'CONFIDENTIAL', controls: [] },
  UNCLASSIFIED: { normalized: 'UNCLASSIFIED', level: 'UNCLASSIFIED', controls: [] },
  UNCLASEFTO: { normalized: 'UNCLAS EFTO', level: 'UNCLASSIFIED', controls: ['EFTO'] },
  UNCLASSIFIEDEFTO: { normalized: 'UNCLAS EFTO', level: 'UNCLASSIFIED', controls: ['EFTO'] },
  UNCLAS: { normalized: 'UNCLAS', level: 'UNCLASSIFIED', controls: [] },
  LIMITEDOFFICIALUSE: { normalized: 'LIMITED OFFICIAL USE', level: 'UNCLASSIFIED', controls: ['LOU'] },
};

/** (A Map: `letters` is a fresh string, cheaper to hash than to look up on an object.) */
const designations = new Map(Object.entries(DESIGNATIONS));

// The designation and SECTION patterns are sticky: matched where the line's text is, without slicing it off.
const PLAIN_WORDS = /(UNCLASSIFIED E ?F ?T ?O|UNCLASSIFIED|UNCLAS E ?F ?T ?O|UNCLAS|LIMITED OFFICIAL USE|TOP SECRET|CONFIDENTIAL|SECRET)(?= |$)/iy;
/** A run of at least five single letters separated by single spaces: `C O N F I D E N T I A L`. */
const LETTER_SPACED = /(?:[A-Za-z] ){4,}[A-Za-z](?= |$)/y;
/** Letter-spaced with one space lost (`SE C R E T`, `C O N F I D E NT I A L`): units of one or two letters. */
const SPACED_WITH_PAIR = /(?:[A-Za-z]{1,2} ){3,}[A-Za-z]{1,2}(?= |$)/y;

/** SPACED_WITH_PAIR where exactly one unit has two letters and the letters spell a designation; else null. */
function spacedWithPair(s: string, at: number): RegExpExecArray | null {
  const m = execAt(SPACED_WITH_PAIR, s, at);
  if (!m) return null;
  let pairs = 0;
  for (const unit of m[0].split(' ')) if (unit.length === 2) pairs++;
  return pairs === 1 && designations.has(lettersOf(m[0])) ? m : null;
}

/** The letters of a designation as written, spaces removed, upper case (its key in `designations`). */
function lettersOf(word: string): string {
  return (word.indexOf(' ') < 0 ? word : word.replace(/ /g, '')).toUpperCase();
}
const SECTION = /SECTION {1,2}(\d{1,3}) {1,2}OF {1,2}(\d{1,3})(?= |$)/iy;
/** Post words then a serial: `ASTANA 000308`, `BUENOS AIRES 001234`, `USUN NEW YORK 0123`. */
const MRN = /^(?:\d{2} {1,2})?([A-Za-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,4}) {1,3}(\d{3,7})(?= |$)/;

export interface BannerOptions {
  /**
   * Accept a designation with no MRN (a bare `CONFIDENTIAL` line) — only where a banner is expected. A function
   * is asked only when the line is such a bare designation (it may look ahead, which costs).
   */
  allowBare: boolean | ((line: Line) => boolean);
}

/** The options most callers pass: no bare designation. */
export const NO_BARE: BannerOptions = Object.freeze({ allowBare: false });

/**
 * Whether a designation can start at `at`: a letter-spaced word (a letter then a space) or the first two
 * letters of a plain designation (UN, LI, TO, CO, SE in any case). Necessary for both patterns, so a line
 * that fails it is no banner.
 */
function mayOpenDesignation(s: string, at: number): boolean {
  const c0 = s.charCodeAt(at);
  if (!isAsciiLetter(c0)) return false;
  const c1 = s.charCodeAt(at + 1);
  if (c1 === 32) return true;
  const u0 = upperAscii(c0);
  const u1 = upperAscii(c1);
  return (
    (u0 === 85 && u1 === 78) || (u0 === 76 && u1 === 73) || (u0 === 84 && u1 === 79) || (u0 === 67 && u1 === 79) || (u0 === 83 && u1 === 69)
  );
}

export function parseBanner(line: Line, from: number, opts: BannerOptions): Banner | null {
  const s = line.text;
  let at = from;
  while (at < s.length && s.charCodeAt(at) === 32) at++;
  if (!mayOpenDesignation(s, at)) return null;
  let desigLen = 0;
  let letters = '';
  let letterSpaced = false;
  // (A letter-spaced word has a space second.)
  let spaced = s.charCodeAt(at + 1) === 32 ? execAt(LETTER_SPACED, s, at) : null;
  let spacedLetters = spaced ? lettersOf(spaced[0]) : '';
  // `C O N F I D E NT I A L`: the single letters stop at the lost space; read on when that spells a designation.
  if (spaced && !designations.has(spacedLetters)) {
    const pair = spacedWithPair(s, at);
    if (pair) {
      spaced = pair;
      spacedLetters = lettersOf(pair[0]);
    }
  }
  if (spaced) {
    desigLen = spaced[0].length;
    letters = spacedLetters;
    letterSpaced = true;
    // `UNCLAS E F T O`: the plain word then spaced letters.
  } else {
    const plain = execAt(PLAIN_WORDS, s, at);
    const pair = plain ? null : spacedWithPair(s, at);
    if (!plain && !pair) return null;
    const m = (plain ?? pair)!;
    desigLen = m[0].length;
    letters = lettersOf(m[0]);
    letterSpaced = pair !== null;
  }
  const designation = tok(line, at, at + desigLen);
  const info = designations.get(letters) ?? null;
  let i = at + desigLen;
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  let section: SectionCount | null = null;
  const sm = (s.charCodeAt(i) | 32) === 115 ? execAt(SECTION, s, i) : null;
  if (sm) {
    const idxAt = s.indexOf(sm[1], i + 7);
    const totAt = s.indexOf(sm[2], idxAt + sm[1].length + 1);
    section = {
      start: line.start + i,
      end: line.start + i + sm[0].length,
      index: +sm[1],
      total: +sm[2],
      indexToken: tok(line, idxAt, idxAt + sm[1].length),
      totalToken: tok(line, totAt, totAt + sm[2].length),
    };
    i += sm[0].length;
    while (i < s.length && s.charCodeAt(i) === 32) i++;
  }
  let mrn: Mrn | null = null;
  const mm = MRN.exec(s.slice(i, i + 80));
  if (mm && !((mm[1].charCodeAt(0) | 32) === 115 && /^SECTION\b/i.test(mm[1]))) {
    const serialAt = i + mm[0].length - mm[2].length;
    const postAt = i + mm[0].indexOf(mm[1]);
    mrn = {
      start: line.start + i,
      end: line.start + i + mm[0].length,
      post: tok(line, postAt, postAt + mm[1].length),
      serial: tok(line, serialAt, serialAt + mm[2].length),
      serialNumber: parseInt(mm[2], 10),
    };
    i += mm[0].length;
  }
  const trailing = words(line, i);
  // A banner is a designation with an MRN, or a letter-spaced word (never prose), or a bare designation
  // standing alone where the caller expects one.
  const bare = !mrn && !section && trailing.length === 0;
  if (!mrn && !(letterSpaced && (section || bare)) && !(bare && allowBare(opts, line))) return null;
  // A misspelled designation is only believable when letter-spaced and followed by an MRN.
  if (!info && !(letterSpaced && mrn && letters.length >= 5)) return null;
  return {
    start: line.start + at,
    end: line.start + s.length,
    designation,
    normalized: info?.normalized ?? null,
    letters,
    level: info?.level ?? null,
    controls: info?.controls ?? [],
    letterSpaced,
    lowerCase: designation.text === designation.text.toLowerCase(),
    section,
    mrn,
    caveats: caveatsOf(trailing),
  };
}

/** Trailing words that name a caveat, without a final `,`/`;`, upper-cased. */
function caveatsOf(trailing: Token[]): Token[] {
  const out: Token[] = [];
  for (const w of trailing) {
    const last = w.text.charCodeAt(w.text.length - 1);
    const punct = last === 44 || last === 59;
    const text = (punct ? w.text.slice(0, -1) : w.text).toUpperCase();
    if (lookupCaveat(text) !== null) out.push({ start: w.start, end: w.end - (punct ? 1 : 0), text });
  }
  return out;
}

function allowBare(opts: BannerOptions, line: Line): boolean {
  return typeof opts.allowBare === 'function' ? opts.allowBare(line) : opts.allowBare;
}

/** A sticky pattern matched at `at`. */
function execAt(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}
