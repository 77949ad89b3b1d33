/**
 * Mirror pages that put one cable's header over another cable's text (07PARIS2725: a Paris envelope over the text of
 * MOSCOW 005154). The identifier and the MRN then differ in both post and serial; an identifier typo or a known
 * WikiLeaks identifier defect (`10EFTOKABUL668`) changes at most one of them.
 */
import { parseCableId } from '../parser/cableId';
import { isDigit, isUpper } from '../parser/chars';
import { canonicalPost } from '../parser/postNames';
import type { Cable } from '../parser/model';

type Mrn = NonNullable<NonNullable<Cable['banner']>['mrn']>;

/** The MRN of the text when it is another cable's than the identifier's, else null. */
export function foreignMrn(cable: Cable): Mrn | null {
  const id = cable.metadata?.identifier?.value.text;
  const mrn = cable.banner?.mrn;
  if (!id || !mrn || plainIdSerial(id) === mrn.serialNumber || isRedactedPost(mrn)) return null;
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

/**
 * The serial of an identifier written in its plain form (`08ASTANA55`: two digits, capitals, one to seven digits),
 * else -1. parseCableId reads the same serial from such an identifier (or rejects it, and then nothing is foreign
 * either), so when it equals the MRN's the full reading is skipped: nearly every cable.
 */
export function plainIdSerial(id: string): number {
  const n = id.length;
  if (n < 4 || !isDigit(id.charCodeAt(0)) || !isDigit(id.charCodeAt(1)) || !isUpper(id.charCodeAt(2))) return -1;
  let i = 3;
  while (i < n && isUpper(id.charCodeAt(i))) i++;
  const digits = n - i;
  if (digits < 1 || digits > 7) return -1;
  let serial = 0;
  for (; i < n; i++) {
    const c = id.charCodeAt(i);
    if (!isDigit(c)) return -1;
    serial = serial * 10 + (c - 48);
  }
  return serial;
}
