/**
 * Mirror pages that put one cable's header over another cable's text (07PARIS2725: a Paris envelope over the text of
 * MOSCOW 005154). The identifier and the MRN then differ in both post and serial; an identifier typo or a known
 * WikiLeaks identifier defect (`10EFTOKABUL668`) changes at most one of them.
 */
import { parseCableId } from '../parser/cableId';
import { canonicalPost } from '../parser/postNames';
import type { Cable } from '../parser/model';

type Mrn = NonNullable<NonNullable<Cable['banner']>['mrn']>;

/** The MRN of the text when it is another cable's than the identifier's, else null. */
export function foreignMrn(cable: Cable): Mrn | null {
  const id = cable.metadata?.identifier?.value.text;
  const mrn = cable.banner?.mrn;
  if (!id || !mrn || isRedactedPost(mrn)) return null;
  // (parseCableId also drops banner words leaked into malformed identifiers: `10EFTOKABUL668` names KABUL.)
  const parts = parseCableId(id);
  if (!parts || parts.serial === mrn.serialNumber) return null;
  const idPost = parts.post;
  const mrnPost = canonicalPost(mrn.post.text);
  // `USUN` / `USUNNEWYORK`: one post written two ways.
  return mrnPost.length > 0 && !idPost.includes(mrnPost) && !mrnPost.includes(idPost) ? mrn : null;
}

/** A WikiLeaks redaction in place of the MRN post (`XXXXXXXXXXXX 000004`): nothing to compare. */
export function isRedactedPost(mrn: Mrn): boolean {
  return /^X{5,}$/i.test(mrn.post.text);
}
