/**
 * Post-name tables used to canonicalise cable identifiers. Facts from cable-format.md §A.1 (cablemap's alias
 * table) and §A.3 (multi-word posts keep their spaces in MRNs); the multi-word list holds only names whose words
 * would otherwise be read as ordinary words (`PORT OF SPAIN`) or that run past three words.
 */

import { isTrimSpace } from './chars';

/**
 * Post tokens (spaces removed, upper case) that name the same post as another token. Besides cablemap's: the short
 * names posts give themselves in REF lines, against the spelling of their Cablegate identifiers (`RIO 346` in
 * 09RIODEJANEIRO353, `UNVIE 544` in 09UNVIEVIENNA553, `DUBAI RPO 378` in 09RPODUBAI379 and `IRPO DUBAI 95` in
 * 09ISTANBUL83 for the Iran Regional Presence Office, `05 CASA 1220` in 08CASABLANCA81).
 */
export const POST_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  SECSTATE: 'STATE',
  DEPT: 'STATE',
  USUN: 'USUNNEWYORK',
  RIO: 'RIODEJANEIRO',
  UNVIE: 'UNVIEVIENNA',
  DUBAIRPO: 'RPODUBAI',
  IRPODUBAI: 'RPODUBAI',
  CASA: 'CASABLANCA',
});

/**
 * Posts whose identifiers took another spelling from a year on. The American Institute in Taiwan (1979) replaced the
 * embassy in Taipei: WikiLeaks files its cables (MRN `AIT TAIPEI`) as `07AITTAIPEI1008`, and cablemap turns `TAIPEI`
 * into `AITTAIPEI`; the embassy's own cables were `TAIPEI`. (§A.1 lists the alias the other way round.)
 */
const RENAMED_POSTS: Readonly<Record<string, { from: number; to: string }>> = Object.freeze({
  TAIPEI: Object.freeze({ from: 1979, to: 'AITTAIPEI' }),
});

/** The other spelling of a renamed post (`AITTAIPEI` <-> `TAIPEI`), for comparisons that accept either. */
export function otherSpelling(post: string): string | undefined {
  const renamed = RENAMED_POSTS[post];
  if (renamed) return renamed.to;
  for (const [old, r] of Object.entries(RENAMED_POSTS)) if (r.to === post) return old;
  return undefined;
}

/**
 * Multi-word posts that the generic "up to three capitalised words" reading would cut short: a word of theirs is a
 * stop word there (`OF`, `THE`: `A. THE HAGUE 97` would read as HAGUE, 08THEHAGUE102) or they run past three words.
 */
export const LONG_POST_NAMES: readonly string[] = Object.freeze([
  'THE HAGUE',
  'PORT OF SPAIN',
  'HO CHI MINH CITY',
  'DAR ES SALAAM',
  'USUN NEW YORK',
]);

/** The canonical post token: spaces, hyphens and dots removed, upper case, aliases applied; renamings from `year` on. */
export function canonicalPost(post: string, year?: number): string {
  const upper = post.toUpperCase();
  const token = hasPostSeparator(upper) ? upper.replace(/[\s.\-\u00a0]+/g, '') : upper;
  const renamed = year === undefined ? undefined : RENAMED_POSTS[token];
  if (renamed && year! >= renamed.from) return renamed.to;
  return ALIASES.get(token) ?? token;
}

/** POST_ALIASES as a Map: a lookup by a fresh string costs less there than on an object. */
const ALIASES: ReadonlyMap<string, string> = new Map(Object.entries(POST_ALIASES));

/** Whether `s` holds a character the canonical form drops (white space, `.`, `-`): most posts are one bare word. */
function hasPostSeparator(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 || c === 45 || isTrimSpace(c)) return true;
  }
  return false;
}
