/**
 * Message precedence: DTG letters (FL5), FL2 prosigns and the addressee precedence words of TO/INFO lines.
 *
 * Precedence is speed of handling, not importance [TPUB-PREC]. `rank` orders the levels so rules can compare
 * an FL5 letter with the highest addressee precedence (R12). NIACT IMMEDIATE shares IMMEDIATE's rank and
 * letter: it is a State addressee precedence (night action) and the DTG line shows `O` [FAH2-420].
 */

/** A DTG precedence letter. */
export type PrecedenceLetter = 'Z' | 'O' | 'P' | 'R' | 'Y';

/** A precedence level. */
export interface Precedence {
  letter: PrecedenceLetter;
  /** Plain-language name. */
  name: 'FLASH' | 'IMMEDIATE' | 'PRIORITY' | 'ROUTINE' | 'YANKEE';
  /** FL2 prosign (the letter doubled); null where State headers do not use one (YANKEE). */
  prosign: 'ZZ' | 'OO' | 'PP' | 'RR' | null;
  /** Higher = handled faster. ROUTINE 1 ... FLASH 4, YANKEE 5. */
  rank: number;
  /** Hover text (Markdown-safe, our words). */
  hover: string;
}

/** DTG precedence letters, fastest first. */
export const PRECEDENCES: readonly Precedence[] = Object.freeze([
  {
    letter: 'Y',
    name: 'YANKEE',
    prosign: null,
    rank: 5,
    hover: 'Precedence **Y (YANKEE)**: military emergency command precedence, above FLASH. Not used on State cables.',
  },
  {
    letter: 'Z',
    name: 'FLASH',
    prosign: 'ZZ',
    rank: 4,
    hover: 'Precedence **Z (FLASH)**: handled ahead of all other traffic. Precedence is speed of handling, not importance.',
  },
  {
    letter: 'O',
    name: 'IMMEDIATE',
    prosign: 'OO',
    rank: 3,
    hover: 'Precedence **O (IMMEDIATE)**: handled ahead of PRIORITY and ROUTINE traffic. Precedence is speed of handling, not importance.',
  },
  {
    letter: 'P',
    name: 'PRIORITY',
    prosign: 'PP',
    rank: 2,
    hover: 'Precedence **P (PRIORITY)**: handled ahead of ROUTINE traffic. Precedence is speed of handling, not importance.',
  },
  {
    letter: 'R',
    name: 'ROUTINE',
    prosign: 'RR',
    rank: 1,
    hover: 'Precedence **R (ROUTINE)**: normal handling. Precedence is speed of handling, not importance.',
  },
] as Precedence[]);

/** An addressee precedence word as written after a TO/INFO addressee. */
export interface AddresseePrecedence {
  word: 'FLASH' | 'NIACT IMMEDIATE' | 'IMMEDIATE' | 'PRIORITY' | 'ROUTINE';
  /** The DTG letter this addressee precedence corresponds to. */
  letter: PrecedenceLetter;
  /** Comparable with {@link Precedence.rank}. */
  rank: number;
  hover: string;
}

/** Addressee precedence words (FL7/FL8), fastest first. */
export const ADDRESSEE_PRECEDENCES: readonly AddresseePrecedence[] = Object.freeze([
  { word: 'FLASH', letter: 'Z', rank: 4, hover: 'Addressee precedence **FLASH**: this addressee gets the message ahead of all other traffic.' },
  {
    word: 'NIACT IMMEDIATE',
    letter: 'O',
    rank: 3,
    hover:
      'Addressee precedence **NIACT IMMEDIATE** (night action): the action addressee must act at once, at any hour; the drafter justifies it in paragraph 1. Sent as IMMEDIATE (`O`).',
  },
  { word: 'IMMEDIATE', letter: 'O', rank: 3, hover: 'Addressee precedence **IMMEDIATE** for this addressee.' },
  { word: 'PRIORITY', letter: 'P', rank: 2, hover: 'Addressee precedence **PRIORITY** for this addressee.' },
  { word: 'ROUTINE', letter: 'R', rank: 1, hover: 'Addressee precedence **ROUTINE** for this addressee.' },
] as AddresseePrecedence[]);


const byLetter = new Map(PRECEDENCES.map((p) => [p.letter as string, p]));
const byProsign = new Map(PRECEDENCES.filter((p) => p.prosign).map((p) => [p.prosign as string, p]));
const byWord = new Map(ADDRESSEE_PRECEDENCES.map((p) => [p.word as string, p]));

/** Precedence for a DTG letter (`O`), case-insensitive; null if not a precedence letter. */
export function precedenceByLetter(letter: string): Precedence | null {
  if (typeof letter !== 'string') return null;
  return byLetter.get(letter.trim().toUpperCase()) ?? null;
}

/** Precedence for an FL2 prosign (`OO`), case-insensitive; null if not a prosign. */
export function precedenceByProsign(prosign: string): Precedence | null {
  if (typeof prosign !== 'string') return null;
  return byProsign.get(prosign.trim().toUpperCase()) ?? null;
}

/** Hover text for an FL2 prosign in general (the group, whatever its letters). See also {@link prosignHover}. */
export const PROSIGN_HOVER =
  'Precedence prosign: the highest precedence among the addressees of this message; the routing indicators that follow are the receiving stations.';

/**
 * Hover text for an FL2 prosign (`OO`): its precedence, which is the highest among the message's
 * addressees; null if not a prosign.
 */
export function prosignHover(prosign: string): string | null {
  const p = precedenceByProsign(prosign);
  if (!p) return null;
  return `Precedence prosign **${p.prosign}** = ${p.name}: the highest precedence among this message's addressees. The routing indicators that follow are the receiving stations.`;
}

/**
 * Addressee precedence for a word as written (`IMMEDIATE`, `niact immediate`, `NIACT  IMMEDIATE`);
 * whitespace runs are folded. Null if not a precedence word.
 */
export function addresseePrecedence(word: string): AddresseePrecedence | null {
  if (typeof word !== 'string') return null;
  return byWord.get(word.trim().replace(/\s+/g, ' ').toUpperCase()) ?? null;
}

/**
 * The highest-ranked addressee precedence among the given words (unknown words ignored), or null if none
 * is known. Ties keep the first one met, so NIACT IMMEDIATE before IMMEDIATE is reported as written.
 */
export function highestAddresseePrecedence(words: readonly string[]): AddresseePrecedence | null {
  let best: AddresseePrecedence | null = null;
  if (!Array.isArray(words)) return null;
  for (const w of words) {
    const p = addresseePrecedence(w);
    if (p && (!best || p.rank > best.rank)) best = p;
  }
  return best;
}
