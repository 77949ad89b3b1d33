// The generated tables: shape and consistency with their provenance note. (The generator itself reads
// ../shared at dev time only; tests read nothing outside the repository.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import routingData from '../../server/src/knowledge/data/routing.json';
import tagsData from '../../server/src/knowledge/data/tags.json';

const dataDir = join(__dirname, '../../server/src/knowledge/data');
const provenance = readFileSync(join(dataDir, 'PROVENANCE.md'), 'utf8');

describe('generated data', () => {
  it('tags.json rows match the provenance counts', () => {
    const rows = (tagsData as unknown as { rows: unknown[][] }).rows;
    expect(provenance).toContain(`${rows.length} TAGS rows`);
    for (const r of rows) {
      expect(r).toHaveLength(5);
      expect(typeof r[0]).toBe('string');
      expect(r[0]).toBe(String(r[0]).toUpperCase());
      expect(r[2] === null || (typeof r[2] === 'string' && r[2].length > 0)).toBe(true);
    }
  });

  it('routing.json rows and ranges match the provenance counts', () => {
    const { rows, ranges } = routingData as unknown as { rows: unknown[][]; ranges: unknown[][] };
    expect(provenance).toContain(`${rows.length} routing indicators plus ${ranges.length} ACP 117 blocks`);
    for (const r of rows) {
      expect(String(r[0])).toMatch(/^[A-Z]{4,7}$/);
      expect(typeof r[2]).toBe('number');
      expect(Array.isArray(r[3]) && (r[3] as unknown[]).length > 0).toBe(true);
    }
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  });

  it('records the input hashes and file sizes it was built from', () => {
    expect(provenance).toMatch(/`tags\.tsv` \(\d+ bytes\) \| `[0-9a-f]{64}`/);
    const tagsBytes = readFileSync(join(dataDir, 'tags.json')).length;
    const routingBytes = readFileSync(join(dataDir, 'routing.json')).length;
    expect(provenance).toContain(`| \`tags.json\` | ${tagsBytes} |`);
    expect(provenance).toContain(`| \`routing.json\` | ${routingBytes} |`);
  });
});
