/** Shared reading of the Classified-By statement and of which order's face-marking rules apply. */
import type { Cable, Span } from '../parser/model';
import type { CableFacts } from './facts';

/** E.O. 12958 in force: from here on a classified cable states who classified it and why (R2). */
export const E12958_EFFECTIVE = '1995-10-14';
const MODERN_ORDERS = new Set(['12958', '13292', '13526']);

/** Whether E.O. 12958 / 13526 face-marking rules apply: by date, else by the order the cable cites. */
export function modernEra(cable: Cable, facts: CableFacts): boolean {
  if (facts.day !== null) return facts.day >= E12958_EFFECTIVE;
  const order = cable.eo?.order?.text;
  return order !== undefined && MODERN_ORDERS.has(order);
}

/**
 * The text of the Classified-By statement: from its label to the end of its sentence group (blank line or next
 * paragraph), capped. The reason often wraps onto the next line ("... for\nreasons 1.4 (b) and (d)").
 */
export function classifiedByText(text: string, cable: Cable): { span: Span; text: string } | null {
  const cb = cable.classifiedBy;
  if (!cb) return null;
  let end = Math.min(text.length, cb.start + 600);
  const next = cable.paragraphs.find((p) => p.start > cb.start);
  if (next && next.start < end) end = next.start;
  const blank = /\r?\n[ \t\u00a0]*\r?\n/.exec(text.slice(cb.start, end));
  if (blank) end = cb.start + blank.index;
  end = Math.max(end, cb.end);
  return { span: { start: cb.start, end }, text: text.slice(cb.start, end) };
}
