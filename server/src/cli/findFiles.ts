/** Expands CLI arguments to cable files: directories are searched recursively for *.txt and *.cable. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface FoundFiles {
  files: string[];
  /** Arguments or entries that could not be read, with the reason. */
  errors: { path: string; reason: string }[];
}

const CABLE_FILE = /\.(?:txt|cable)$/i;

export function findCableFiles(args: string[]): FoundFiles {
  const out: FoundFiles = { files: [], errors: [] };
  const seenDirs = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      out.errors.push({ path: dir, reason: 'cannot resolve (broken link or loop)' });
      return;
    }
    if (seenDirs.has(real)) return; // a symlink loop, or a folder given twice
    seenDirs.add(real);
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (err) {
      out.errors.push({ path: dir, reason: `cannot list directory (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    for (const name of entries) {
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (CABLE_FILE.test(name)) out.errors.push({ path: p, reason: code === 'ELOOP' ? 'symbolic link loop' : `cannot read (${code})` });
        continue;
      }
      if (st.isDirectory()) {
        if (name !== 'node_modules' && !name.startsWith('.')) walk(p);
      } else if (st.isFile() && CABLE_FILE.test(name)) out.files.push(p);
    }
  };
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch (err) {
      out.errors.push({ path: a, reason: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : 'cannot read' });
      continue;
    }
    if (st.isDirectory()) walk(a);
    else out.files.push(a);
  }
  return out;
}
