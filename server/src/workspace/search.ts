/**
 * Workspace-symbol search over indexed cables. A query is read as terms, all of which must match:
 * - `#PGOV KZ`: everything after `#` is TAGS (exact, any order);
 * - `2009`, `2009-02`, `2009-02-20`: a date prefix;
 * - a whole identifier in any written form (`09STATE124823`, `2009 STATE 124823`) or a post and serial
 *   without year (`ASTANA 308`): that cable first;
 * - any other word: the identifier (substring or in-order letters, `09ast308`), TAGS, subject words and origin
 *   words (prefix, or one typo in words of four letters or more).
 */
import { canonicalCableId } from '../parser/cableId';
import type { IndexedCable } from './entries';
import { canonicalPost } from '../parser/postNames';

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

/** Lower-cased subject and origin per entry, computed on first search (entries are immutable once indexed). */
const haystacks = new WeakMap<IndexedCable, { subject: string; origin: string }>();

function haystackOf(cable: IndexedCable): { subject: string; origin: string } {
  let h = haystacks.get(cable);
  if (!h) {
    h = { subject: cable.subject.toLowerCase(), origin: cable.origin.toLowerCase() };
    haystacks.set(cable, h);
  }
  return h;
}

/** Score of a cable for a query; 0 when it does not match. */
export function scoreCable(cable: IndexedCable, query: ParsedQuery): number {
  if (query.id && cable.ids.includes(query.id)) return 1000;
  let special = 0;
  if (query.postSerial) {
    // Identifiers are `YY` + post + serial: compare all but the year.
    const tail = `${query.postSerial.post}${query.postSerial.serial}`;
    for (const id of cable.ids) if (id.length === tail.length + 2 && id.endsWith(tail)) special = 900;
  }
  if (query.terms.length === 0) return special || 1;
  let total = 0;
  for (const term of query.terms) {
    let best = 0;
    if (term.kind === 'tag') best = cable.tags.includes(term.value) ? 30 : 0;
    else if (term.kind === 'date') best = cable.date?.startsWith(term.value) ? 30 : 0;
    else {
      const h = haystackOf(cable);
      best = Math.max(idScore(cable, term.upper), tagScore(cable, term.upper), wordScore(h.subject, term.value, 25), wordScore(h.origin, term.value, 20));
    }
    if (best === 0) return special;
    total += best;
  }
  return Math.max(special, total);
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

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
}

/**
 * Best match of a lower-case term against the words of a lower-case text: whole word, word prefix, or (terms of
 * four letters or more) one typo. Walks the text in place: search runs over every cable, so it must not allocate.
 */
function wordScore(text: string, term: string, exact: number): number {
  let best = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i))) i++;
    const a = i;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    const len = i - a;
    if (len === 0) break;
    if (len >= term.length && text.startsWith(term, a)) {
      if (len === term.length) return exact;
      best = Math.max(best, Math.round(exact * 0.6));
    } else if (best === 0 && term.length >= 4 && Math.abs(len - term.length) <= 1 && withinOneEditAt(text, a, i, term)) {
      best = Math.round(exact * 0.3);
    }
  }
  return best;
}

/** `withinOneEdit(text.slice(a, b), term)` without the slice. */
function withinOneEditAt(text: string, a: number, b: number, term: string): boolean {
  const la = b - a;
  const lb = term.length;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < la && j < lb) {
    if (text.charCodeAt(a + i) === term.charCodeAt(j)) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (la > lb) i++;
    else if (lb > la) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (la - i) + (lb - j) <= 1;
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
