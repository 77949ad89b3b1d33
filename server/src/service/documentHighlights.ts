/**
 * Document highlights: every occurrence of the thing under the caret — a routing indicator (FL2 line, DE line,
 * addressee lines), a TAGS token (TAGS line and metadata Tags), a portion mark (same canonical mark), a caption,
 * an MRN and its continuation markers, an E.O. number, a block's opening and closing words.
 */
import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver-types';
import { elementIndexOf } from './derived';
import { elementAt } from './elements';
import { offsetOf, rangeOf } from './positions';
import type { Cancellation } from './types';
import type { CacheEntry } from './workspaceCache';

export function getDocumentHighlights(entry: CacheEntry, position: Position, token: Cancellation): DocumentHighlight[] {
  const doc = entry.parsed;
  const offset = offsetOf(doc, position);
  if (offset === null) return [];
  const index = elementIndexOf(entry);
  const el = elementAt(doc, index, offset);
  if (!el || !el.key) return [];
  const out: DocumentHighlight[] = [];
  for (const list of index.perCable) {
    if (token.isCancellationRequested) return [];
    for (const e of list) if (e.key === el.key) out.push({ range: rangeOf(doc, e.span), kind: DocumentHighlightKind.Text });
  }
  return out;
}
