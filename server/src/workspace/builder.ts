/**
 * Building the index for whole folders without freezing the host: files are read and indexed one at a time,
 * control goes back to the event loop every few milliseconds, progress is reported, and a cancellation stops
 * the build between two files (what was indexed so far stays valid). File access is the host's (`IndexSource`),
 * so this module stays free of Node and LSP and can be tested with an in-memory source.
 */
import type { WorkspaceIndex } from './workspaceIndex';

export interface IndexSource {
  /** Cable files under the given roots, as the URIs the index is keyed by. */
  list(roots: readonly string[]): Promise<string[]> | string[];
  /** A cheap version stamp (mtime and size); null when the file is gone. Files whose stamp is unchanged are skipped. */
  stamp(uri: string): Promise<string | null> | string | null;
  /** The file's text; null when it cannot be read or is not text. */
  read(uri: string): Promise<string | null> | string | null;
}

export interface BuildOptions {
  token?: { readonly isCancellationRequested: boolean };
  /** Called at most every `progressEvery` files and at the end. */
  onProgress?(done: number, total: number): void;
  progressEvery?: number;
  /** Longest stretch of synchronous work before yielding to the event loop. Default 20 ms. */
  sliceMs?: number;
  /** Files longer than this (characters) are not indexed: cables are small; a huge .txt is something else. */
  maxFileChars?: number;
  /** URIs the build must leave alone (open documents: their editor text is indexed instead). */
  skip?(uri: string): boolean;
  /** How to yield; default a zero timeout. */
  yieldControl?(): Promise<void>;
  now?(): number;
}

export interface BuildResult {
  total: number;
  indexed: number;
  unchanged: number;
  failed: number;
  /** Index entries under the roots whose files no longer exist. */
  removed: number;
  cancelled: boolean;
  ms: number;
}

export const DEFAULT_MAX_FILE_CHARS = 4_000_000;

/** Files read concurrently ahead of indexing. */
const READ_AHEAD = 16;

type Fetched =
  | { uri: string; kind: 'skip' | 'gone' | 'same' | 'failed' }
  | { uri: string; kind: 'text'; text: string; stamp: string };

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function buildIndex(
  index: WorkspaceIndex,
  source: IndexSource,
  roots: readonly string[],
  options: BuildOptions = {},
): Promise<BuildResult> {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const sliceMs = options.sliceMs ?? 20;
  const maxChars = options.maxFileChars ?? DEFAULT_MAX_FILE_CHARS;
  const every = Math.max(1, options.progressEvery ?? 50);
  const yieldControl = options.yieldControl ?? defaultYield;
  const cancelled = () => options.token?.isCancellationRequested === true;
  const result: BuildResult = { total: 0, indexed: 0, unchanged: 0, failed: 0, removed: 0, cancelled: false, ms: 0 };

  const uris = [...new Set(await source.list(roots))];
  result.total = uris.length;
  options.onProgress?.(0, uris.length);
  const present = new Set(uris);
  const prefixes = roots.map((r) => (r.endsWith('/') ? r : `${r}/`));
  for (const uri of index.uris()) {
    if (!present.has(uri) && prefixes.some((p) => uri.startsWith(p)) && !options.skip?.(uri) && index.remove(uri)) result.removed++;
  }

  // Reads run a batch ahead of indexing, so disk latency overlaps parsing; indexing stays one file at a time.
  const fetch = async (uri: string): Promise<Fetched> => {
    if (options.skip?.(uri)) return { uri, kind: 'skip' };
    try {
      const stamp = await source.stamp(uri);
      if (stamp === null) return { uri, kind: 'gone' };
      if (index.has(uri) && index.stampOf(uri) === stamp) return { uri, kind: 'same' };
      const text = await source.read(uri);
      return text === null || text.length > maxChars ? { uri, kind: 'failed' } : { uri, kind: 'text', text, stamp };
    } catch {
      // One unreadable file must not stop the build.
      return { uri, kind: 'failed' };
    }
  };
  const batchOf = (from: number) => Promise.all(uris.slice(from, from + READ_AHEAD).map(fetch));

  let sliceStart = now();
  let done = 0;
  let pending = uris.length > 0 ? batchOf(0) : null;
  for (let from = 0; pending && !result.cancelled; from += READ_AHEAD) {
    const batch = await pending;
    pending = from + READ_AHEAD < uris.length && !cancelled() ? batchOf(from + READ_AHEAD) : null;
    for (const f of batch) {
      if (cancelled()) {
        result.cancelled = true;
        break;
      }
      if (f.kind === 'gone') {
        if (index.remove(f.uri)) result.removed++;
      } else if (f.kind === 'same') result.unchanged++;
      else if (f.kind === 'failed') {
        index.remove(f.uri);
        result.failed++;
      } else if (f.kind === 'text' && !options.skip?.(f.uri)) {
        try {
          index.setText(f.uri, f.text, f.stamp);
          result.indexed++;
        } catch {
          result.failed++;
        }
      }
      done++;
      if (done % every === 0) options.onProgress?.(done, uris.length);
      if (now() - sliceStart >= sliceMs) {
        await yieldControl();
        sliceStart = now();
      }
    }
  }
  if (pending) await pending.catch(() => undefined);
  options.onProgress?.(result.cancelled ? done : uris.length, uris.length);
  result.ms = now() - started;
  return result;
}
