/** URIs the client sends <-> paths on disk, and which workspace folder holds a file. */
import * as nodePath from 'node:path';
import { fileURLToPath } from 'node:url';

/** Path of a `file:` URI, or null for other schemes (untitled, vscode-vfs...) and malformed URIs. */
export function fileUriToPath(uri: string): string | null {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** The deepest workspace folder (as a path) holding `filePath`, else the file's own folder. */
export function workspaceRootFor(filePath: string, folders: readonly string[]): string {
  let best: string | null = null;
  for (const f of folders) {
    const rel = nodePath.relative(f, filePath);
    if (rel && !rel.startsWith('..') && !nodePath.isAbsolute(rel) && (!best || f.length > best.length)) best = f;
  }
  return best ?? nodePath.dirname(filePath);
}
