/** The xref fixture README's pair table is true of the files: every row resolves as documented. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCables } from '../../server/src/parser/index';
import { referenceSites } from '../../server/src/workspace/index';
import { XREF, xrefIndex, xrefText } from './helpers';

const rows = readFileSync(join(XREF, 'README.md'), 'utf8')
  .split('\n')
  .map((l) => /^\| `([^`]+)` \| ([A-Z–]) \| `([^`]+)` \(line (\d+)\) \| (\w+) \| `([^`]+)` \| (\d+) \|$/.exec(l))
  .filter((m): m is RegExpExecArray => m !== null);

describe('tests/fixtures/xref/README.md', () => {
  const index = xrefIndex();

  it('documents at least five pairs', () => {
    expect(rows.length).toBeGreaterThanOrEqual(5);
  });

  it.each(rows.map((m) => [m[1], m[3], m]))('%s cites %s', (_citing, _written, m) => {
    const [, citing, letter, written, line, canonical, cited, mentions] = m as RegExpExecArray;
    const text = xrefText(citing);
    const sites = referenceSites(parseCables(text));
    const item = sites.find((s) => s.kind === 'item' && text.slice(s.start, s.end) === written);
    expect(item).toBeDefined();
    expect(item!.letter ?? '–').toBe(letter);
    expect(text.slice(0, item!.start).split('\n').length).toBe(+line);
    expect(item!.refs.map((r) => r.id)).toEqual([canonical]);
    expect(index.resolve(item!.refs[0]).map((h) => h.uri)).toEqual([cited]);
    expect(index.citedBy(canonical).some((h) => h.uri === citing)).toBe(true);
    const n = sites.filter((s) => s.kind === 'mention' && s.cableIndex === item!.cableIndex && s.letter === item!.letter && s.refs.includes(item!.refs[0])).length;
    expect(n).toBe(+mentions);
  });
});
