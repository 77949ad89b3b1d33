/**
 * Post-name tables used to canonicalise cable identifiers. Facts from cable-format.md §A.1 (cablemap's alias
 * table) and §A.3 (multi-word posts keep their spaces in MRNs); the multi-word list holds only names whose words
 * would otherwise be read as ordinary words (`PORT OF SPAIN`) or that run past three words.
 */

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
  const token = post.toUpperCase().replace(/[\s.\-\u00a0]+/g, '');
  return POST_ALIASES[token] ?? token;
}
