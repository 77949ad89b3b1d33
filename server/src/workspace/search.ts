/**
 * Workspace-symbol search over indexed cables. A query is read as terms, all of which must match:
 * - `#PGOV KZ`: everything after `#` is TAGS (exact, any order);
 * - `2009`, `2009-02`, `2009-02-20`: a date prefix;
 * - a whole identifier in any written form (`09STATE124823`, `2009 STATE 124823`) or a post and serial
 *   without year (`ASTANA 308`): that cable first;
 * - any other word: the identifier (substring or in-order letters, `09ast308`), TAGS, subject words and origin
 *   words (prefix, or one typo in words of four letters or more).
 */
import { canonicalCableId, parseCableId } from './cableId';
import type { IndexedCable } from './entries';
import { canonicalPost } from './postNames';

export type QueryTerm =
  | { kind: 'tag'; value: string }
  | { kind: 'date'; value: string }
  | { kind: 'word'; value: string; upper: string };

export interface ParsedQuery {
  /** The whole query as one identifier, if it is one. */
  id: string | null;
  /** `ASTANA 308`: post and serial, any year. */
  postSerial: { post: string; serial: number } | null;
  terms: QueryTerm[];
}

const DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;
const MAX_TERMS = 12;

export function parseQuery(query: string): ParsedQuery {
  const q = typeof query === 'string' ? query.trim().slice(0, 200) : '';
  const id = /\d/.test(q) && !q.includes('#') ? canonicalCableId(q) : null;
  const ps = /^([A-Za-z][A-Za-z .-]*?)\s*0*(\d{1,7})$/.exec(q);
  const postSerial = !id && ps && !DATE.test(q) ? { post: canonicalPost(ps[1]), serial: +ps[2] } : null;
  const terms: QueryTerm[] = [];
  let tags = false;
  for (const raw of q.split(/\s+/)) {
    if (terms.length >= MAX_TERMS) break;
    let w = raw;
    if (w.startsWith('#')) {
      tags = true;
      w = w.slice(1);
    }
    w = w.replace(/^[,;]+|[,;]+$/g, '');
    if (!w) continue;
    const d = DATE.exec(w);
    if (tags && !d) terms.push({ kind: 'tag', value: w.toUpperCase() });
    else if (d) terms.push({ kind: 'date', value: [d[1], d[2]?.padStart(2, '0'), d[3]?.padStart(2, '0')].filter(Boolean).join('-') });
    else terms.push({ kind: 'word', value: w.toLowerCase(), upper: w.toUpperCase().replace(/[^A-Z0-9]/g, '') });
  }
  return { id, postSerial, terms };
}

/** Score of a cable for a query; 0 when it does not match. */
export function scoreCable(cable: IndexedCable, query: ParsedQuery): number {
  if (query.id && cable.ids.includes(query.id)) return 1000;
  let special = 0;
  if (query.postSerial) {
    const { post, serial } = query.postSerial;
    for (const id of cable.ids) {
      const p = parseCableId(id);
      if (p && p.post === post && p.serial === serial) special = 900;
    }
  }
  if (query.terms.length === 0) return special || 1;
  let total = 0;
  let words: string[] | null = null;
  let originWords: string[] | null = null;
  for (const term of query.terms) {
    let best = 0;
    if (term.kind === 'tag') best = cable.tags.includes(term.value) ? 30 : 0;
    else if (term.kind === 'date') best = cable.date?.startsWith(term.value) ? 30 : 0;
    else {
      words ??= wordsOf(cable.subject);
      originWords ??= wordsOf(cable.origin);
      best = Math.max(idScore(cable, term.upper), tagScore(cable, term.upper), wordScore(words, term.value, 25), wordScore(originWords, term.value, 20));
    }
    if (best === 0) return special;
    total += best;
  }
  return Math.max(special, total);
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

function idScore(cable: IndexedCable, upper: string): number {
  if (upper.length === 0) return 0;
  let best = 0;
  for (const id of cable.ids) {
    if (id === upper) return 100;
    if (id.startsWith(upper)) best = Math.max(best, 60);
    else if (id.includes(upper)) best = Math.max(best, upper.length >= 3 ? 40 : 0);
    else if (upper.length >= 4 && /\d/.test(upper) && isSubsequence(upper, id)) best = Math.max(best, 15);
  }
  return best;
}

function tagScore(cable: IndexedCable, upper: string): number {
  return upper.length >= 2 && cable.tags.includes(upper) ? 30 : 0;
}

function wordScore(words: readonly string[], term: string, exact: number): number {
  let best = 0;
  for (const w of words) {
    if (w === term) return exact;
    if (w.startsWith(term)) best = Math.max(best, Math.round(exact * 0.6));
    else if (term.length >= 4 && Math.abs(w.length - term.length) <= 1 && withinOneEdit(w, term)) best = Math.max(best, Math.round(exact * 0.3));
  }
  return best;
}

export function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (let j = 0; j < hay.length && i < needle.length; j++) if (hay[j] === needle[i]) i++;
  return i === needle.length;
}

/** One insertion, deletion or substitution (or none). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
