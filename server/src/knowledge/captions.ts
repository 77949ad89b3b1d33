/**
 * Caption and caveat vocabulary (the handling lines between the classification line and the E.O. line),
 * with hover texts, and misspelling detection for the `caveat-misspelled` rule.
 *
 * Sources: §A.4 of the format spec [STATE-SBU-2000][SIPDIS-05][CAPCO16][FAH2-440][FAH2-250]. LIMDIS and
 * ROGER semantics were not verified in those sources, and the hovers say so.
 */

import { isTrimSpace, trimStartIndex, upperAscii } from '../parser/chars';

/** A known caption or caveat. */
export interface Caveat {
  /** Canonical upper-case form (`SIPDIS`, `SENSITIVE BUT UNCLASSIFIED`). */
  caption: string;
  /** Portion-mark abbreviation of the same control, if any (`NF`, `XD`, `ND`). */
  portion: string | null;
  /** What it controls: distribution (who gets it), release (to foreigners), SBU status, or a reference note. */
  role: 'sbu' | 'distribution' | 'release' | 'channel' | 'transmission' | 'reference';
  /** Distribution restrictiveness for ordering checks (NODIS 3 > EXDIS 2 > LIMDIS 1); 0 when not a distribution caption. */
  restrictiveness: number;
  hover: string;
}

/** The caption vocabulary. Order: the list a hover or completion would show. */
export const CAVEATS: readonly Caveat[] = Object.freeze([
  {
    caption: 'SENSITIVE',
    portion: 'SBU',
    role: 'sbu',
    restrictiveness: 0,
    hover: '**SENSITIVE**: SBU caption. The cable is unclassified but administratively controlled (12 FAM 540); sent as UNCLAS.',
  },
  {
    caption: 'SENSITIVE BUT UNCLASSIFIED',
    portion: 'SBU',
    role: 'sbu',
    restrictiveness: 0,
    hover: '**SENSITIVE BUT UNCLASSIFIED** (SBU): unclassified but administratively controlled (12 FAM 540).',
  },
  {
    caption: 'SIPDIS',
    portion: null,
    role: 'distribution',
    restrictiveness: 0,
    hover:
      '**SIPDIS** (SIPRNet distribution): the cable was copied to the NCD database, readable on the classified SIPRNet network. Not to be combined with NODIS or EXDIS.',
  },
  {
    caption: 'NOFORN',
    portion: 'NF',
    role: 'release',
    restrictiveness: 0,
    hover: '**NOFORN** (NF): not releasable to foreign nationals or governments without the originator\'s permission.',
  },
  {
    caption: 'NODIS',
    portion: 'ND',
    role: 'distribution',
    restrictiveness: 3,
    hover: '**NODIS** (ND): no distribution beyond the addressees without Executive Secretariat approval; the most sensitive State caption.',
  },
  {
    caption: 'EXDIS',
    portion: 'XD',
    role: 'distribution',
    restrictiveness: 2,
    hover: '**EXDIS** (XD): exclusive distribution, only to officers with an essential need to know.',
  },
  {
    caption: 'LIMDIS',
    portion: null,
    role: 'distribution',
    restrictiveness: 1,
    hover: '**LIMDIS**: limited distribution caption (exact handling rules not verified in our sources).',
  },
  {
    caption: 'STADIS',
    portion: null,
    role: 'distribution',
    restrictiveness: 0,
    hover: '**STADIS**: State distribution only, not outside the Department; may accompany EXDIS or NODIS (most restrictive first).',
  },
  {
    caption: 'ROGER',
    portion: null,
    role: 'channel',
    restrictiveness: 0,
    hover: '**ROGER**: restricted handling channel caption (details not verified in our sources).',
  },
  {
    caption: 'AGREMENT CHANNEL',
    portion: null,
    role: 'channel',
    restrictiveness: 0,
    hover: '**AGREMENT CHANNEL**: restricted channel for agrément traffic (host-government consent to a proposed ambassador).',
  },
  {
    caption: 'OFFICIAL INFORMAL',
    portion: null,
    role: 'channel',
    restrictiveness: 0,
    hover: '**OFFICIAL INFORMAL**: informal correspondence between officers, outside the normal action channels.',
  },
  {
    caption: 'INFORM CONSULS',
    portion: null,
    role: 'distribution',
    restrictiveness: 0,
    hover: '**INFORM CONSULS**: the addressee embassy passes this message on to its consulates.',
  },
  {
    caption: 'EFTO',
    portion: null,
    role: 'transmission',
    restrictiveness: 0,
    hover: '**EFTO** (Encrypt For Transmission Only): unclassified, but encrypted while in transit.',
  },
  {
    caption: 'NOTAL',
    portion: null,
    role: 'reference',
    restrictiveness: 0,
    hover: '**NOTAL**: the referenced message was not sent to all addressees of this one.',
  },
] as Caveat[]);

/** Long-hand spellings that mean a caption above. */
const CAVEAT_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  'NOT RELEASABLE TO FOREIGN NATIONALS': 'NOFORN',
  'SENSITIVE-BUT-UNCLASSIFIED': 'SENSITIVE BUT UNCLASSIFIED',
  'E F T O': 'EFTO',
  'AGREMENT': 'AGREMENT CHANNEL',
  'OFFICIAL-INFORMAL': 'OFFICIAL INFORMAL',
});

const byCaption = new Map(CAVEATS.map((c) => [c.caption, c]));
/** Character codes of the first letters of every caption and alias (a cheap test before a lookup). */
export const CAVEAT_INITIALS: ReadonlySet<number> = new Set(
  [...CAVEATS.map((c) => c.caption), ...Object.keys(CAVEAT_ALIASES)].map((x) => x.charCodeAt(0)),
);
/** CAVEAT_ALIASES as a Map: keys asked about are fresh strings, cheaper to hash than to look up on an object. */
const aliases = new Map(Object.entries(CAVEAT_ALIASES));

function normalizeCaption(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim().replace(/(?<![.,;:])[.,;:]+$/, '').toUpperCase();
}

/**
 * The caveat a caption token or phrase names (`sipdis`, `NOFORN,`, `Sensitive But Unclassified`), or null.
 * Trailing `.,;:` and whitespace runs are ignored.
 */
export function lookupCaveat(text: string): Caveat | null {
  if (typeof text !== 'string' || text.length > 80 || !mayNameCaveat(text)) return null;
  const key = isNormalCaption(text) ? text : normalizeCaption(text);
  // (Keys are upper case, so no Object.prototype name could have answered the object lookup.)
  return byCaption.get(aliases.get(key) ?? key) ?? null;
}

/**
 * The first two characters of every caption and alias (`OPENING[c0 * 128 + c1]`), and the one-character ones, as
 * tables over ASCII for the test below; a key with a character outside ASCII there turns the test off.
 */
const OPENING = new Uint8Array(128 * 128);
const ONE_CHARACTER = new Uint8Array(128);
let openingsAscii = true;
for (const key of [...byCaption.keys(), ...aliases.keys()]) {
  const c0 = key.charCodeAt(0);
  const c1 = key.length > 1 ? key.charCodeAt(1) : 0;
  if (c0 >= 128 || c1 >= 128) openingsAscii = false;
  else if (key.length === 1) ONE_CHARACTER[c0] = 1;
  else if (key.length > 1) OPENING[c0 * 128 + c1] = 1;
}

/**
 * False when no caveat can be named, judged on the first two characters {@link normalizeCaption} would keep: the
 * first non-space character and the next one, upper-cased, any white space read as one space; when the next is a space
 * or `.,;:`, normalising may also leave the first character alone. Most texts asked about are lines of prose
 * (heading and signature tests: `Summary`, `Comment`) that fail here, before the two replaces and the upper-casing
 * copy. Anything outside ASCII is left to the full lookup (Unicode spaces; `ı` upper-cases to `I`).
 */
function mayNameCaveat(text: string): boolean {
  if (!openingsAscii) return true;
  const i = trimStartIndex(text);
  if (i + 1 >= text.length) return true;
  const c = text.charCodeAt(i);
  let d = text.charCodeAt(i + 1);
  if (isTrimSpace(d)) d = 32;
  if (c >= 128 || d >= 128) return true;
  const first = upperAscii(c);
  if ((d === 32 || d === 46 || d === 44 || d === 59 || d === 58) && ONE_CHARACTER[first] === 1) return true;
  return OPENING[first * 128 + upperAscii(d)] === 1;
}

/**
 * Whether {@link normalizeCaption} would return `text` unchanged: printable ASCII without lower case, single
 * inner spaces, no trailing `.,;:`. Most tokens asked about are like this, and skip the two replaces.
 */
function isNormalCaption(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === n - 1 || text.charCodeAt(i - 1) === 32) return false;
    } else if (c < 33 || c > 126 || (c >= 97 && c <= 122)) return false;
  }
  const last = text.charCodeAt(n - 1);
  return last !== 46 && last !== 44 && last !== 59 && last !== 58;
}

// ------------------------------------------------------------------------------------------ handling notes

/**
 * Phrases real cables carry on caption lines that are not caveats: handling notes and other agencies' or older
 * controls (R8, R9 of the format spec). Known to the parser, so never reported as unknown captions.
 */
export const HANDLING_NOTES: ReadonlyMap<string, string> = new Map([
  ['CORRECTED COPY', '**CORRECTED COPY**: the cable was sent again with corrections; the words after it say what changed.'],
  ['LIMITED OFFICIAL USE', '**LIMITED OFFICIAL USE** (LOU): State\'s control for unclassified information until 1995-10-01, replaced by SBU.'],
  ['FOR OFFICIAL USE ONLY', '**FOR OFFICIAL USE ONLY** (FOUO): the control other agencies use for unclassified information; State\'s counterpart is SBU.'],
  ['SBU', '**SBU**: sensitive but unclassified, written as a caption (State\'s caption is SENSITIVE).'],
  // One phrase on its caption line (09DJIBOUTI113): not the caption SBU followed by two unknown words.
  ['SBU DELIBERATIVE PROCESS', '**SBU DELIBERATIVE PROCESS**: sensitive but unclassified and pre-decisional (deliberative process); its handling rules are not in our sources.'],
  ['NOT FOR FOREIGN DISSEMINATION', '**NOT FOR FOREIGN DISSEMINATION**: NOFORN spelled out.'],
  ['CHEROKEE', '**CHEROKEE**: a State channel caption; its distribution rules are not in our sources.'],
  ['WEBGRAM EXCLUDED ONLY', '**WEBGRAM EXCLUDED ONLY**: a distribution note; its rules are not in our sources.'],
]);

/** The hover of a handling note (`corrected copy`, `Limited Official Use`), or null. */
export function lookupHandlingNote(text: string): string | null {
  if (typeof text !== 'string' || text.length > 80) return null;
  return HANDLING_NOTES.get(isNormalCaption(text) ? text : normalizeCaption(text)) ?? null;
}

// ------------------------------------------------------------------------------------------ misspellings

/**
 * Optimal-string-alignment (restricted Damerau) distance between `a` and `b`, capped: returns `max + 1`
 * as soon as the distance must exceed `max` (length difference > max, or a whole row above max).
 * O(|a|·|b|) time, O(|b|) memory; meant for short tokens. Case-sensitive: normalise first.
 */
export function boundedEditDistance(a: string, b: string, maxDistance = 2): number {
  const max = Number.isInteger(maxDistance) && maxDistance >= 0 ? maxDistance : 2;
  if (typeof a !== 'string' || typeof b !== 'string') return max + 1;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[m], max + 1);
}

/** Caveats the `caveat-misspelled` rule looks for. */
export const MISSPELLING_TARGETS: readonly string[] = Object.freeze([
  'SIPDIS', 'NOFORN', 'EXDIS', 'NODIS', 'LIMDIS', 'STADIS', 'SENSITIVE',
]);

/**
 * Real words that the matching policy below would otherwise take for a misspelt caveat. Found by running
 * the policy over /usr/share/dict/words (Debian wamerican 2020.12.07) and every word of the test-fixture
 * cables; British spellings added by hand.
 */
export const NOT_MISSPELLINGS: ReadonlySet<string> = new Set([
  'NODES', 'SADIST', 'STADIA', 'STASIS',
  'SENSITIVES', 'SENSITIVELY', 'SENSITIZE', 'SENSITIZED', 'SENSITIZES', 'SENSITISE', 'SENSITISED', 'SENSITISES',
]);

const allCaptionWords = new Set(CAVEATS.flatMap((c) => c.caption.split(' ')));

function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

/**
 * The caveat `token` is a misspelling of (`SIPIDS` -> `SIPDIS`, `NOFRON` -> `NOFORN`, `EXIDS` -> `EXDIS`),
 * or null. Built for precision, because cables are full of words close to these (STATES is 2 edits from
 * STADIS, NOTES from NODIS, SIDES from SIPDIS, and SIPDIS itself from STADIS):
 * - one word of letters only, 5+ letters, same first letter as the caveat, not itself a caption word;
 * - at most 1 edit (insert, delete, substitute, swap neighbours) for caveats of up to 6 letters; 2 edits only
 *   for SENSITIVE (9 letters) or when the token holds exactly the caveat's letters (`SIPSID`);
 * - not a real word from {@link NOT_MISSPELLINGS};
 * - unambiguous: if two caveats are equally close, no suggestion.
 * Trailing `.,;:` is ignored; case-insensitive.
 */
export function suggestCaveat(token: string): string | null {
  if (typeof token !== 'string' || token.length > 40) return null;
  const w = token.trim().replace(/(?<![.,;:])[.,;:]+$/, '').toUpperCase();
  if (w.length < 5 || !/^[A-Z]+$/.test(w)) return null;
  if (allCaptionWords.has(w) || NOT_MISSPELLINGS.has(w)) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (const target of MISSPELLING_TARGETS) {
    if (target[0] !== w[0]) continue;
    const d = boundedEditDistance(w, target, 2);
    const allowed = d <= (target.length >= 7 ? 2 : 1) || (d === 2 && sameLetters(w, target));
    if (!allowed) continue;
    if (d < bestDistance) {
      best = target;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) {
      tie = true;
    }
  }
  return tie ? null : best;
}
