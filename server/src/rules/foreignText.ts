/**
 * Mirror pages that put one cable's header over another cable's text (07PARIS2725: a Paris envelope over the text of
 * MOSCOW 005154). The identifier and the MRN then differ in both post and serial; an identifier typo or a known
 * WikiLeaks identifier defect (`10EFTOKABUL668`) changes at most one of them.
 */
import { canonicalPost } from '../parser/postNames';
import type { Cable } from '../parser/model';

type Mrn = NonNullable<NonNullable<Cable['banner']>['mrn']>;

/** WikiLeaks `09ASTANA308`, PlusD `1975STATE099768_b`: post and serial. */
const IDENTIFIER = /^(?:(?:19|20)\d{2}|\d{2})([A-Z](?:[A-Z0-9]*[A-Z])?)(\d+)(?:_[a-z])?$/;

/** The MRN of the text when it is another cable's than the identifier's, else null. */
export function foreignMrn(cable: Cable): Mrn | null {
  const id = cable.metadata?.identifier?.value.text;
  const mrn = cable.banner?.mrn;
  if (!id || !mrn || isRedactedPost(mrn)) return null;
  const m = IDENTIFIER.exec(id);
  if (!m || Number(m[2]) === mrn.serialNumber) return null;
  const idPost = canonicalPost(m[1]);
  const mrnPost = canonicalPost(mrn.post.text);
  // `USUN` / `USUNNEWYORK`: one post written two ways.
  return mrnPost.length > 0 && !idPost.includes(mrnPost) && !mrnPost.includes(idPost) ? mrn : null;
}

/** A WikiLeaks redaction in place of the MRN post (`XXXXXXXXXXXX 000004`): nothing to compare. */
export function isRedactedPost(mrn: Mrn): boolean {
  return /^X{5,}$/i.test(mrn.post.text);
}
