/**
 * The workspace index's view of the disk: cable files under workspace folders (recursively, asynchronously so
 * listing a big folder never blocks the server), their version stamps and their text (encodings as the CLI reads
 * them). Skips `node_modules` and dot folders, and follows each real folder once (symlink loops).
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeCableBytes } from '../cli/readCableFile';
import type { IndexSource } from '../workspace/builder';

const CABLE_FILE = /\.(?:txt|cable)$/i;
/** Past this many files a folder is not walked further (a home directory opened by mistake). */
export const MAX_WORKSPACE_FILES = 200_000;

function toPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export function isCableFileName(name: string): boolean {
  return CABLE_FILE.test(name);
}

async function walk(root: string, out: string[], seen: Set<string>, limit: number): Promise<void> {
  const stack = [root];
  while (stack.length > 0 && out.length < limit) {
    const dir = stack.pop()!;
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    const subdirs: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = await fs.stat(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) subdirs.push(p);
      else if (isFile && CABLE_FILE.test(e.name)) out.push(pathToFileURL(p).href);
    }
    stack.push(...subdirs.sort().reverse());
  }
}

export function nodeIndexSource(limit = MAX_WORKSPACE_FILES): IndexSource {
  return {
    async list(roots) {
      const out: string[] = [];
      const seen = new Set<string>();
      for (const r of roots) {
        const p = toPath(r);
        if (p) await walk(p, out, seen, limit);
      }
      return out;
    },
    async stamp(uri) {
      const p = toPath(uri);
      if (!p) return null;
      try {
        const st = await fs.stat(p);
        return st.isFile() ? `${st.mtimeMs}:${st.size}` : null;
      } catch {
        return null;
      }
    },
    async read(uri) {
      const p = toPath(uri);
      if (!p) return null;
      try {
        const r = decodeCableBytes(await fs.readFile(p));
        return r.ok ? r.text : null;
      } catch {
        return null;
      }
    },
  };
}
