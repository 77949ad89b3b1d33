/** Expands CLI arguments to cable files: directories are searched recursively for *.txt and *.cable. */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { kindOf } from './readCableFile';

export interface FoundFiles {
  files: string[];
  /** Arguments or entries that could not be read, with the reason. */
  errors: { path: string; reason: string }[];
}

const CABLE_FILE = /\.(?:txt|cable)$/i;

/** Why `stat` failed on a directory entry, in words. */
function statFailure(p: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'ENOENT') {
    try {
      if (lstatSync(p).isSymbolicLink()) return 'broken symbolic link (its target does not exist)';
    } catch {
      // Gone between the listing and now.
    }
    return 'no such file';
  }
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read (${code ?? 'error'})`;
}

export function findCableFiles(args: string[]): FoundFiles {
  const out: FoundFiles = { files: [], errors: [] };
  const seenDirs = new Set<string>();
  /** Real paths of the folders being searched, outermost first: a link back to one of them is a loop. */
  const ancestors: string[] = [];
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      out.errors.push({ path: dir, reason: 'cannot resolve (broken link or loop)' });
      return;
    }
    if (ancestors.includes(real)) {
      out.errors.push({ path: dir, reason: `symbolic link loop (leads back to ${real}, already being searched)` });
      return;
    }
    if (seenDirs.has(real)) return; // a folder given twice, or reached by two links: searched once
    seenDirs.add(real);
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (err) {
      out.errors.push({ path: dir, reason: `cannot list directory (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    ancestors.push(real);
    for (const name of entries) {
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch (err) {
        if (CABLE_FILE.test(name)) out.errors.push({ path: p, reason: statFailure(p, err) });
        continue;
      }
      if (st.isDirectory()) {
        if (name !== 'node_modules' && !name.startsWith('.')) walk(p);
      } else if (!CABLE_FILE.test(name)) continue;
      else if (st.isFile()) out.files.push(p);
      else out.errors.push({ path: p, reason: `not a regular file (${kindOf(st)})` });
    }
    ancestors.pop();
  };
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      out.errors.push({ path: a, reason: code === 'ENOENT' ? 'no such file or directory' : statFailure(a, err) });
      continue;
    }
    if (st.isDirectory()) walk(a);
    // Named on the command line: read it whatever it is called; a pipe or device is refused when read.
    else out.files.push(a);
  }
  return out;
}
