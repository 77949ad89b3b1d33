/**
 * Hover: what the element under the mouse means, in short Markdown. Texts come from the knowledge layer; every
 * piece of cable text in them is escaped (`escapeMarkdown`), so nothing from a cable can become a link, image,
 * HTML or command. Builders per element kind live in hover/ (envelope, caption block, body, metadata).
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import { elementAt, type Element } from './elements';
import { bodyHovers } from './hover/body';
import { captionBlockHovers } from './hover/captionBlock';
import type { HoverBuilder, HoverTable } from './hover/context';
import { envelopeHovers } from './hover/envelope';
import { metadataHovers } from './hover/metadata';
import { offsetOf, rangeOf } from './positions';
import type { Cancellation } from './types';
import type { CacheEntry } from './workspaceCache';
import { elementIndexOf } from './derived';

const BUILDERS: HoverTable = Object.freeze({ ...metadataHovers, ...envelopeHovers, ...captionBlockHovers, ...bodyHovers });

/** Markdown for an element, or null when there is nothing worth saying. */
export function hoverMarkdown(el: Element): string | null {
  const build = BUILDERS[el.kind] as HoverBuilder | undefined;
  if (!build) return null;
  try {
    return build(el as never) || null;
  } catch {
    // A hover must never take the request down; an odd token simply has no hover.
    return null;
  }
}

export function getHover(entry: CacheEntry, position: Position, token: Cancellation): Hover | null {
  const doc = entry.parsed;
  const offset = offsetOf(doc, position);
  if (offset === null || token.isCancellationRequested) return null;
  const el = elementAt(doc, elementIndexOf(entry), offset);
  if (!el) return null;
  const value = hoverMarkdown(el);
  if (!value) return null;
  return { contents: { kind: 'markdown', value }, range: rangeOf(doc, el.span) };
}
