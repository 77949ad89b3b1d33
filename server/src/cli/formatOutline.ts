/** The `--outline` text view: each cable's outline as an indented tree. */
import type { OutlineNode } from '../outline/outline';
import type { Analysis } from './analyse';

export function formatOutline(path: string, a: Analysis): string[] {
  const lines = [`${path}`];
  const walk = (nodes: OutlineNode[], depth: number) => {
    for (const n of nodes) {
      lines.push(`${'  '.repeat(depth)}${n.name}${n.detail ? `  [${n.detail}]` : ''}`);
      walk(n.children, depth + 1);
    }
  };
  walk(a.outline, 1);
  return lines;
}
