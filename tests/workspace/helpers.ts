/** Shared helpers for the cross-cable tests: the xref fixture folder read from disk, with relative-path keys. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { WorkspaceIndex } from '../../server/src/workspace/index';

export const XREF = join(__dirname, '../fixtures/xref');

/** Relative paths (`/`-separated) of every .txt file in the xref folder, sorted. */
export function xrefFiles(): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : f.endsWith('.txt') ? [join(d, f)] : []));
  return walk(XREF)
    .map((f) => relative(XREF, f).split('\\').join('/'))
    .sort();
}

export function xrefText(rel: string): string {
  return readFileSync(join(XREF, rel), 'utf8');
}

export function xrefIndex(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const f of xrefFiles()) index.setText(f, xrefText(f));
  return index;
}
