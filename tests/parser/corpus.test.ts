import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCables } from '../../server/src/parser/index';
import { agreementChecks, type Check } from './corpusAgreement';

const DIR = join(__dirname, '../fixtures/cables');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.txt'));

/** Minimum agreement between the WikiLeaks header and the parsed body (issue: parser foundation). */
const THRESHOLDS: Record<Check['name'], number> = { 'banner level': 0.98, TAGS: 0.98, Created: 0.98, subject: 0.95 };

describe('real corpus', () => {
  const stats = new Map<Check['name'], { agree: number; total: number; misses: string[] }>();
  let cables = 0;
  for (const f of FILES) {
    const text = readFileSync(join(DIR, f), 'utf8');
    const doc = parseCables(text);
    cables += doc.cables.length;
    for (const c of doc.cables) {
      for (const ch of agreementChecks(c, text)) {
        const s = stats.get(ch.name) ?? { agree: 0, total: 0, misses: [] };
        s.total++;
        if (ch.agree) s.agree++;
        else s.misses.push(`${f}: ${ch.detail}`);
        stats.set(ch.name, s);
      }
    }
  }

  it('parses every fixture into at least one cable', () => {
    expect(FILES.length).toBeGreaterThan(800);
    expect(cables).toBeGreaterThanOrEqual(FILES.length);
  });

  for (const name of Object.keys(THRESHOLDS) as Check['name'][]) {
    it(`metadata ${name} agrees with the body in at least ${THRESHOLDS[name] * 100}% of cables`, () => {
      const s = stats.get(name)!;
      const rate = s.agree / s.total;
      console.log(`${name}: ${s.agree}/${s.total} = ${(rate * 100).toFixed(1)}%${s.misses.length ? `\n  ${s.misses.join('\n  ')}` : ''}`);
      expect(s.total).toBeGreaterThan(500);
      expect(rate).toBeGreaterThanOrEqual(THRESHOLDS[name]);
    });
  }
});
