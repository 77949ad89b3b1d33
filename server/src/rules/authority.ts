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

/** A line that opens a new portion (`(S//NF) Summary`) ends the statement. */
const PORTION_LINE = /\r?\n[ \t]*\((?:U|SBU|C|S|TS)(?:\/{1,2}[A-Z -]+)?\)/i;
/** A reason standing alone after a blank line (`FOR REASONS\n\n1.4 B, D`). */
const REASON_AFTER_BLANK = /^\r?\n[ \t]*\r?\n[ \t]*(?:1\s?[./]\s?[45]|reasons?\b)[^\n]*/i;

/**
 * The text of the Classified-By statement: from its label to the end of its sentence group (blank line, next
 * paragraph or a line opening a portion), capped. The reason often wraps onto the next line ("... for\nreasons
 * 1.4 (b) and (d)"), sometimes after a blank line.
 */
export function classifiedByText(text: string, cable: Cable): { span: Span; text: string } | null {
  const cb = cable.classifiedBy;
  if (!cb) return null;
  let end = Math.min(text.length, Math.max(cb.end, cb.start + 600));
  const next = cable.paragraphs.find((p) => p.start > cb.start);
  if (next && next.start < end) end = Math.max(next.start, cb.start + 1);
  const window = text.slice(cb.start, end);
  const blank = /\r?\n[ \t\u00a0]*\r?\n/.exec(window);
  const portion = PORTION_LINE.exec(window);
  let cut = Math.min(blank?.index ?? Infinity, portion?.index ?? Infinity);
  if (blank && cut === blank.index) {
    const more = REASON_AFTER_BLANK.exec(window.slice(blank.index));
    if (more) cut = Math.min(blank.index + more[0].length, portion?.index ?? Infinity);
  }
  if (cut !== Infinity) end = cb.start + cut;
  return { span: { start: cb.start, end }, text: text.slice(cb.start, end) };
}

/**
 * The statement with a common typo of the reason section read as meant (`1/4 (B)` = 1.4). Same length, so
 * offsets still map to the source.
 */
export function normalizeReasonTypos(statement: string): string {
  return statement.replace(/\b1[/,]([45])(?=\s*\(?[A-Ha-h]\b)/g, '1.$1');
}
