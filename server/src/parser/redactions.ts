/** Redacted runs (`XXXXX`) in a cable's text. */
import type { Span } from './model';

/** Runs of five or more X: redaction placeholders. */
export function findRedactions(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  // Search this cable's text only: a search that runs on into the next cables would be quadratic in a dump.
  const part = text.slice(from, to);
  let i = part.indexOf('XXXXX');
  while (i >= 0) {
    let j = i;
    while (j < part.length && part.charCodeAt(j) === 88) j++;
    out.push({ start: from + i, end: from + j });
    i = part.indexOf('XXXXX', j);
  }
  return out;
}
