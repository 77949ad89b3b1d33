/** What every hover builder receives, and small helpers they share. */
import { escapeMarkdown } from '../../knowledge/hoverTexts';
import { monthName } from '../../knowledge/dtg';
import type { Cable } from '../../parser/model';
import type { Element, ElementKind } from '../elements';

/** A hover builder for one element kind: Markdown (cable text escaped) or null for "nothing to say". */
export type HoverBuilder<K extends ElementKind = ElementKind> = (el: Extract<Element, { kind: K }>) => string | null;

export type HoverTable = { [K in ElementKind]?: HoverBuilder<K> };

/** Cable text for a hover: escaped, whitespace folded. */
export function esc(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

/** The cable's year: from its DTG, else its metadata date. */
export function cableYear(c: Cable): number | null {
  if (c.envelope?.dtg) return c.envelope.dtg.year;
  return c.date ? Number(c.date.slice(0, 4)) : null;
}

/** `20 Feb 2009` for an ISO date (or date-time). */
export function shortDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = monthName(Number(m[2]));
  return `${Number(m[3])} ${month ? month.slice(0, 3) : m[2]} ${m[1]}`;
}

export function paragraphs(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}
