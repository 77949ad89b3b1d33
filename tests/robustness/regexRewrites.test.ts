/**
 * The patterns the backtracking audit (regex.test.ts) found super-linear were rewritten; these tests show each
 * rewrite answers exactly as the old pattern did, on random strings short enough for the old pattern to finish.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMarkCandidate } from '../../server/src/parser/portionMark';
import { markInner } from '../../server/src/service/elements';
import { runs, SEED } from './support/scale';

/** The old portion-mark candidate pattern (exponential on `C-a-a-a-a...!`). */
const OLD_CANDIDATE = /^\s*([A-Za-z]{1,4})\s*((?:(?:\/\/?|-)\s*[A-Za-z][A-Za-z ,-]{0,30}?\s*)*)$/;

/** Strings made of what portion marks are made of, up to the 31 characters a mark's inside can have. */
const markish = (max: number) => fc.string({ unit: fc.constantFrom('C', 'S', 'n', 'f', 'R', 'E', 'L', '/', '-', ' ', ',', '\t', '\u00a0', '.', '(', '1', 'x'), maxLength: max });

/** Old and new forms of each rewritten pattern (old: as it was in the source; new: as it is now). */
const REWRITES: { where: string; old: RegExp; now: RegExp; chars: string[] }[] = [
  { where: 'parser/metadata.ts IDENTIFIER', old: /^\d{2,4}[A-Z][A-Z0-9]*\d+(?:_[a-z])?$/, now: /^\d{2,4}[A-Z][A-Z0-9]*\d(?:_[a-z])?$/, chars: ['0', '9', 'A', 'Z', '_', 'a', 'x'] },
  { where: 'parser/metadata.ts table separator', old: /\s*[|\t]\s*/g, now: /(?:(?<!\s)\s+)?[|\t]\s*/g, chars: [' ', '\t', '|', 'a', '\u00a0'] },
  { where: 'parser/portionMark.ts separator tidy', old: /\s*(\/\/|\/|-)\s*/g, now: /(?:(?<!\s)\s+)?(\/\/|\/|-)\s*/g, chars: [' ', '\t', '/', '-', 'N', 'F'] },
  { where: 'rules/portion-mark-malformed.ts separator tidy', old: /\s*(\/\/|\/)\s*/g, now: /(?:(?<!\s)\s+)?(\/\/|\/)\s*/g, chars: [' ', '\t', '/', '-', 'N'] },
  {
    where: 'rules/id-origin-mismatch.ts IDENTIFIER',
    old: /^((?:19|20)\d{2}|\d{2})([A-Z][A-Z0-9]*?)(\d+)(_[a-z])?$/,
    now: /^((?:19|20)\d{2}|\d{2})([A-Z](?:[A-Z0-9]*[A-Z])?)(\d+)(_[a-z])?$/,
    chars: ['0', '1', '2', '9', 'A', 'B', 'Z', '_', 'a'],
  },
  {
    where: 'parser/captions.ts Classified By reason word',
    old: /[,;]?\s*(?:\bfor\s+)?\breasons?\b|\bE\.O\.\s*\d|;/i,
    now: /(?:[,;]|(?<![\s,;]))\s*(?:\bfor\s+)?\breasons?\b|\bE\.O\.\s*\d|;/i,
    chars: [' ', '\t', ',', ';', 'for', 'reasons', 'reason', 'E.O. ', '1', 'x', 'R'],
  },
  { where: 'parser/captions.ts Classified By name trim', old: /[\s,:]+$/, now: /(?<![\s,:])[\s,:]+$/, chars: [' ', ',', ':', '\t', 'A', '.'] },
  { where: 'trailing white space and colons (parser/index.ts, captions.ts; outline.ts)', old: /[\s,;:]+$/, now: /(?<![\s,;:])[\s,;:]+$/, chars: [' ', ',', ';', ':', '.', 'A'] },
  { where: 'knowledge trailing punctuation', old: /[.,;:]+$/, now: /(?<![.,;:])[.,;:]+$/, chars: ['.', ',', ';', ':', 'A', ' '] },
  { where: 'knowledge/executiveOrders.ts trailing punctuation', old: /[.;]+$/, now: /(?<![.;])[.;]+$/, chars: ['.', ';', ',', 'A'] },
  {
    where: 'service/hover/body.ts PAGE_HEADER (on trimmed, collapsed text)',
    old: /^(?:[A-Z ]+?\s+)?PAGE\s+(\d{1,3})\s+([A-Z][A-Z .'-]*?)\s+(\d{3,8})(?:\s+(\d{1,3})\s+OF\s+(\d{1,3}))?(?:\s+(\d{2})(\d{2})(\d{2})Z)?\b/,
    now: /^(?:[A-Z ]+?(?<! )\s+)?PAGE\s+(\d{1,3})\s+([A-Z][A-Z .'-]*?)(?<! )\s+(\d{3,8})(?:\s+(\d{1,3})\s+OF\s+(\d{1,3}))?(?:\s+(\d{2})(\d{2})(\d{2})Z)?\b/,
    chars: ['PAGE ', '01 ', '0', '6', 'HARARE', ' ', 'OF ', 'Z', 'A', '.'],
  },
];

/** Everything a pattern tells its caller: each match with its groups, and what replace and split make. */
function behaviour(re: RegExp, s: string): unknown {
  const copy = new RegExp(re.source, re.flags);
  const matches = re.global ? [...s.matchAll(copy)].map((m) => [m.index, ...m]) : [copy.exec(s)].map((m) => m && [m.index, ...m]);
  return { matches, replaced: s.replace(new RegExp(re.source, re.flags), '<$&>'), split: s.split(new RegExp(re.source, re.flags)) };
}

describe('rewritten patterns answer as before', () => {
  it('portion-mark candidates: the one-pass reader accepts exactly what the old pattern accepted', () => {
    fc.assert(
      fc.property(markish(31), (inner) => {
        const old = OLD_CANDIDATE.exec(inner);
        const now = readMarkCandidate(inner);
        expect(now && [now.level, now.controls]).toEqual(old && [old[1], old[2]]);
      }),
      { seed: SEED, numRuns: runs(3000, 100_000) },
    );
    // The shapes that made the old pattern slow, and ones with every separator.
    for (const inner of ['C-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a!', 'S//NF', 'C - REL UK, US', 'S / NF / ORCON', 'c//nf', 'C-', 'C//', 'TS//SI-G/OC', 'SBU\t-\tN', 'C  ', 'ABCDE', '']) {
      const old = OLD_CANDIDATE.exec(inner);
      expect(readMarkCandidate(inner)).toEqual(old ? { level: old[1], controls: old[2] } : null);
    }
  });

  it('service/elements.ts markInner: the scan from the end drops what the old pattern dropped', () => {
    const old = (raw: string) => raw.trim().replace(/^\(\s*/, '').replace(/[.\s]*\)?[.\s]*$/, '');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('(', ')', '.', ' ', '\t', 'C', 'S', '/', 'N', '-'), maxLength: 40 }), (raw) => {
        expect(markInner(raw)).toBe(old(raw));
      }),
      { seed: SEED, numRuns: runs(3000, 100_000) },
    );
  });

  it.each(REWRITES)('$where', ({ old, now, chars, where }) => {
    const input = fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((a) => a.join(''));
    const trimmedCollapsed = where.includes('collapsed');
    fc.assert(
      fc.property(input, (raw) => {
        const s = trimmedCollapsed ? raw.replace(/\s+/g, ' ').trim() : raw;
        expect(behaviour(now, s)).toEqual(behaviour(old, s));
      }),
      { seed: SEED, numRuns: runs(1500, 50_000) },
    );
  });
});
