import { describe, expect, it } from 'vitest';
import { doc, SEED, service } from './helpers';

describe('folding ranges (seed)', () => {
  const ranges = service().getFoldingRanges(doc(SEED), { collapsedText: true });
  const find = (startLine: number) => ranges.find((r) => r.startLine === startLine);

  it('folds the metadata header, the envelope and the caption block', () => {
    expect(find(0)).toEqual({ startLine: 0, endLine: 13, collapsedText: '09ASTANA308' });
    expect(find(14)).toEqual({ startLine: 14, endLine: 36, collapsedText: 'FM AMEMBASSY ASTANA · 200929Z FEB 09' });
    expect(find(37)).toMatchObject({ startLine: 37, endLine: 59 });
  });

  it('folds SUMMARY...END SUMMARY, COMMENT...END COMMENT and NOTE asides as regions', () => {
    expect(find(65)).toEqual({ startLine: 65, endLine: 85, kind: 'region' });
    expect(find(212)).toEqual({ startLine: 212, endLine: 217, kind: 'region' });
    expect(find(95)).toEqual({ startLine: 95, endLine: 97, kind: 'region' });
    expect(find(130)).toEqual({ startLine: 130, endLine: 136, kind: 'region' });
  });

  it('folds each heading section and each multi-line paragraph, stopping before the next heading', () => {
    expect(find(87)).toEqual({ startLine: 87, endLine: 136 });
    expect(find(90)).toEqual({ startLine: 90, endLine: 102 });
    expect(find(138)).toEqual({ startLine: 138, endLine: 158 });
    expect(find(187)).toEqual({ startLine: 187, endLine: 217 });
    // Single-line paragraph 1 has nothing to fold.
    expect(find(62)).toBeUndefined();
  });

  it('keeps one range per start line, sorted', () => {
    const starts = ranges.map((r) => r.startLine);
    expect(starts).toEqual([...new Set(starts)].sort((a, b) => a - b));
    expect(ranges.every((r) => r.endLine > r.startLine)).toBe(true);
  });

  it('leaves collapsedText out unless the client shows it', () => {
    expect(service().getFoldingRanges(doc(SEED)).some((r) => 'collapsedText' in r)).toBe(false);
  });

  it('honours the client range limit and the cap', () => {
    const notices: unknown[] = [];
    const svc = service({ onResultLimitExceeded: (n) => notices.push(n) });
    expect(svc.getFoldingRanges(doc(SEED), { rangeLimit: 3 }).length).toBe(3);
    expect(notices).toEqual([]); // the editor's own limit is not ours to report
    expect(svc.getFoldingRanges(doc(SEED), { maxItemsComputed: 2 }).length).toBe(2);
    expect(notices).toEqual([{ uri: 'file:///work/cables/seed.txt', feature: 'foldingRanges', limit: 2 }]);
  });
});

describe('folding ranges (several cables)', () => {
  it('folds each cable', () => {
    const two = `${SEED}\n\n${SEED}`;
    const ranges = service().getFoldingRanges(doc(two));
    const secondStart = SEED.split('\n').length + 1;
    expect(ranges.find((r) => r.startLine === 0)!.endLine).toBe(219);
    expect(ranges.find((r) => r.startLine === secondStart)!.endLine).toBe(secondStart + 219);
  });
});
