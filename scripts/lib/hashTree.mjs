// The content of a folder as sha256 per file, keyed by relative path: tests and the e2e runner compare two of these
// to prove nothing was written. Plain JavaScript so the e2e scripts run it under Node directly; the tests import it
// through hashTree.d.mts.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** sha256 of every file under root, keyed by relative path. */
export function hashTree(root) {
  const out = {};
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(root, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(root);
  return out;
}
