// language-configuration.json: word selection, brackets, marker folding, no comments.
// Word and folding behaviour is checked the way VS Code applies these regexes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './grammar/support';

const config = JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8'));
const seed = readFileSync(join(ROOT, 'seeds', '000_0ac2a656c61260b0.txt'), 'utf8').split(/\r?\n/);

/** The word VS Code selects on double-click at `column` (0-based): the match containing it. */
function wordAt(line: string, column: number): string | undefined {
  const re = new RegExp(config.wordPattern, 'g');
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index <= column && column < m.index + m[0].length) return m[0];
    if (m[0].length === 0) re.lastIndex++;
  }
  return undefined;
}

/**
 * Marker folding as VS Code's indent range provider does it: lines are read bottom-up,
 * an end marker is remembered, a start marker closes the nearest remembered end below it.
 * Returns 1-based [start, end] line pairs.
 */
function markerRanges(lines: string[]): Array<[number, number]> {
  const start = new RegExp(config.folding.markers.start);
  const end = new RegExp(config.folding.markers.end);
  const combined = new RegExp(`(${start.source})|(?:${end.source})`);
  const ends: number[] = [];
  const ranges: Array<[number, number]> = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = combined.exec(lines[i]);
    if (!m) continue;
    if (m[1] !== undefined) {
      const closing = ends.pop();
      if (closing !== undefined) ranges.unshift([i + 1, closing + 1]);
    } else {
      ends.push(i);
    }
  }
  return ranges;
}

describe('language configuration', () => {
  it('declares no comment syntax (cables have none)', () => {
    expect(config).not.toHaveProperty('comments');
  });

  it('matches and auto-closes parentheses, without rainbow colours over level colours', () => {
    expect(config.brackets).toEqual([['(', ')']]);
    expect(config.autoClosingPairs).toContainEqual({ open: '(', close: ')' });
    expect(config.surroundingPairs).toContainEqual(['(', ')']);
    expect(config.colorizedBracketPairs).toEqual([]);
  });

  it.each([
    ['DE RUEHTA #0308/01 0510929', 4, 'RUEHTA'],
    ['DE RUEHTA #0308/01 0510929', 11, '#0308'],
    ['DE RUEHTA #0308/01 0510929', 20, '0510929'],
    ['09ASTANA308', 3, '09ASTANA308'],
    ['UNCLAS SECTION 01 OF 02 ASTANA 000308', 26, 'ASTANA'],
    ['UNCLAS SECTION 01 OF 02 ASTANA 000308', 33, '000308'],
    ['ASTANA 00000308 002 OF 002', 10, '00000308'],
    ['TAGS: PGOV PREL PHUM SOCI KCRM KDEM KZ', 27, 'KCRM'],
    ['TAGS: PGOV PREL PHUM SOCI KCRM KDEM KZ', 36, 'KZ'],
    ['TO RUEHC/SECSTATE WASHDC IMMEDIATE 4680', 5, 'RUEHC'],
    ['TO RUEHC/SECSTATE WASHDC IMMEDIATE 4680', 12, 'SECSTATE'],
    ['O 200929Z FEB 09', 4, '200929Z'],
    ['for reasons 1.4 (b) and (d)', 13, '1.4'],
    ['E.O. 12958: DECL: 1.6X1', 20, '1.6X1'],
    ['E.O. 11652: XGDS-2', 14, 'XGDS-2'],
    ['ACTION AF-00', 8, 'AF-00'],
    ['2. (S//NF) text', 4, 'S'],
    ['2. (S//NF) text', 8, 'NF'],
    ['Baliyeva explained that', 3, 'Baliyeva'],
    ['trafficking-in-persons (TIP)', 2, 'trafficking'],
    ['Kazakhstan\'s progress', 3, 'Kazakhstan'],
    ['Zagipa Baliyeva ÇAĞLAYAN', 18, 'ÇAĞLAYAN'],
  ])('double-click in %j at %i selects %j', (line, column, word) => {
    expect(wordAt(line, column)).toBe(word);
  });

  it('folds SUMMARY ... END SUMMARY and COMMENT ... END COMMENT in the seed', () => {
    const ranges = markerRanges(seed);
    const at = (n: number) => seed[n - 1];
    expect(ranges.length).toBe(2);
    expect(at(ranges[0][0])).toMatch(/^2\. \(SBU\) SUMMARY:/);
    expect(at(ranges[0][1])).toBe('END SUMMARY.');
    expect(at(ranges[1][0])).toMatch(/^10\. \(SBU\) COMMENT:/);
    expect(at(ranges[1][1])).toBe('interests. END COMMENT.');
  });

  it('folds the marker styles of other eras', () => {
    const text = [
      'BEGIN SUMMARY ',
      'GENERAL AZIMI ASKS THAT WE TAKE ANOTHER HARD LOOK. END SUMMARY ',
      '',
      '-------',
      'SUMMARY',
      '-------',
      '1. (S//NF) August 13 marked the anniversary.',
      'Embassy continues to meet biweekly. End Summary. ',
      '',
      '6. COMMENT. SHAH IS DEEPLY CONCERNED.',
      'END COMMENT.',
      '2. (C) Summary: one-line summary. End Summary.',
      'unrelated text',
    ];
    expect(markerRanges(text)).toEqual([
      [1, 2],
      [5, 8],
      [10, 11],
    ]);
  });

  it('pairs nearly every multi-line SUMMARY/COMMENT block in real cables (figures printed)', () => {
    const dir = join(ROOT, 'tests', 'fixtures', 'cables');
    const end = new RegExp(config.folding.markers.end);
    let ranges = 0;
    let multiLineEnds = 0;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const lines = readFileSync(join(dir, f), 'utf8').split(/\r?\n/);
      ranges += markerRanges(lines).length;
      // An END marker whose own line does not also open the block closes a multi-line block.
      for (const line of lines) {
        const m = end.exec(line);
        if (m && !/(summary|comment)\s*[:.]/i.test(line.slice(0, m.index))) multiLineEnds++;
      }
    }
    console.log(`[language-configuration] ${ranges} folding ranges for ${multiLineEnds} multi-line blocks in the fixtures`);
    expect(multiLineEnds).toBeGreaterThan(300);
    expect(ranges).toBeGreaterThan(multiLineEnds * 0.9);
    expect(ranges).toBeLessThanOrEqual(multiLineEnds);
  });
});
