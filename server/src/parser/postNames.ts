/**
 * Post-name tables used to canonicalise cable identifiers. Facts from cable-format.md §A.1 (cablemap's alias
 * table) and §A.3 (multi-word posts keep their spaces in MRNs); the multi-word list holds only names whose words
 * would otherwise be read as ordinary words (`PORT OF SPAIN`) or that run past three words.
 */

import { isTrimSpace } from './chars';

/** Post tokens (spaces removed, upper case) that name the same post as another token. */
export const POST_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  SECSTATE: 'STATE',
  DEPT: 'STATE',
  USUN: 'USUNNEWYORK',
  AITTAIPEI: 'TAIPEI',
});

/** Multi-word posts that the generic "up to three capitalised words" reading would cut short. */
export const LONG_POST_NAMES: readonly string[] = Object.freeze([
  'PORT OF SPAIN',
  'HO CHI MINH CITY',
  'DAR ES SALAAM',
  'USUN NEW YORK',
]);

/** The canonical post token: spaces, hyphens and dots removed, upper case, aliases applied. */
export function canonicalPost(post: string): string {
  const upper = post.toUpperCase();
  const token = hasPostSeparator(upper) ? upper.replace(/[\s.\-\u00a0]+/g, '') : upper;
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
