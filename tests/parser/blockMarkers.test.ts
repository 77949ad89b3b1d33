/**
 * Inline block markers (`(NOTE:`, `BEGIN TEXT`, `END SUMMARY.)`, `UNQUOTE`) are looked for with searches over the
 * whole body before any line is matched: these cases are the ones those searches could miss if they were narrower
 * than the per-line pattern (any case, folded characters where a space is needed, markers late on long lines).
 */
import { describe, expect, it } from 'vitest';
import { parseCables } from '../../server/src/parser/index';

function cable(body: string[]): string {
  return ['CONFIDENTIAL', 'E.O. 12958: DECL: 01/01/2015', 'TAGS: PREL, PGOV', 'SUBJECT: TEST OF BLOCK MARKERS', '', ...body, ''].join('\n');
}

function blocks(body: string[]) {
  const doc = parseCables(cable(body));
  return doc.cables[0].blocks.map((b) => ({ kind: b.kind, closed: b.close !== null, open: b.open.text, close: b.close?.text ?? null }));
}

describe('inline block markers', () => {
  it('finds a summary closed on a later line, in any case', () => {
    expect(blocks(['1. (C) Summary: talks went well.', 'They will go on. End summary.', '', '2. (C) More.'])).toEqual([
      { kind: 'SUMMARY', closed: true, open: 'Summary:', close: 'End summary.' },
    ]);
  });

  it('takes folded characters (NBSP, controls, zero-width space) for the space in END SUMMARY', () => {
    for (const gap of ['\u00a0', '\u0001', '\u200b', ' \t ']) {
      const found = blocks(['1. (C) SUMMARY: TALKS WENT WELL.', `THEY WILL GO ON. END${gap}SUMMARY.`, '', '2. (C) MORE.']);
      expect(found.map((b) => [b.kind, b.closed])).toEqual([['SUMMARY', true]]);
    }
  });

  it('finds an inline note opened and closed on one line, and one opened after a mark-like parenthesis', () => {
    expect(blocks(['1. (C) THE MINISTER (NOTE: A NEW ONE. END NOTE.) AGREED.', '', '2. (C) (S) WORDS (Note: late. End note.)'])).toEqual([
      { kind: 'NOTE', closed: true, open: '(NOTE:', close: 'END NOTE.)' },
      { kind: 'NOTE', closed: true, open: '(Note:', close: 'End note.)' },
    ]);
  });

  it('finds BEGIN TEXT in the middle of a line and UNQUOTE at the start after white space', () => {
    const found = blocks(['1. (U) THE STATEMENT FOLLOWS. BEGIN TEXT:', 'WE AGREE.', 'END TEXT.', '', '2. (U) HE SAID:', 'QUOTE', 'WORDS.', ' \u202fUNQUOTE', '', '3. (U) MORE.']);
    expect(found.map((b) => [b.kind, b.closed])).toEqual([
      ['TEXT', true],
      ['QUOTE', true],
    ]);
  });

  it('ignores a closer without an open block and a marker split over two lines', () => {
    // (An END SUMMARY in the first paragraphs closes the summary its author did not open: see the layouts tests.)
    expect(blocks(['1. (C) NOTHING OPEN. END COMMENT.', '', '2. (C) THE WORD END', 'SUMMARY STARTS THIS LINE BUT CLOSES NOTHING.'])).toEqual([]);
  });
});
