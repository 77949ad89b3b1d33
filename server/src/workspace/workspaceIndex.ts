/**
 * The cross-cable index of a workspace: which file holds which cable, which cables cite which, and symbol search.
 * Memory is bounded by keeping compact entries only (entries.ts: no text, no parse trees). Every update touches
 * one file's entries, so re-indexing a changed file costs O(that file), whatever the size of the workspace.
 * Keys are opaque URIs; the host decides what a file is and when its content changed.
 */
import type { ParsedDocument } from '../parser/model';
import { canonicalCableId } from '../parser/cableId';
import { indexParsed, indexText, type IndexedCable, type IndexedFile, type IndexedReference } from './entries';
import type { CableRef } from './references';
import { parseQuery, scoreCable } from './search';

export interface CableHit {
  uri: string;
  cable: IndexedCable;
}

export interface CitingHit extends CableHit {
  /** The REF item identifier that cites. */
  ref: IndexedReference;
}

export interface SymbolHit extends CableHit {
  score: number;
}

export interface IndexSnapshot {
  version: 1;
  files: IndexedFile[];
}

const DEFAULT_SEARCH_LIMIT = 200;

/**
 * id -> the files whose entries carry it. Nearly every identifier lives in one file, once: that case is stored as
 * the bare URI string; a Map (uri -> count) only when there are several. A Map per key would cost more than the
 * entries themselves.
 */
type Postings = Map<string, string | Map<string, number>>;

function post(map: Postings, key: string, uri: string, delta: number): void {
  const cur = map.get(key);
  if (cur === undefined) {
    if (delta > 0) map.set(key, delta === 1 ? uri : new Map([[uri, delta]]));
    return;
  }
  const files = typeof cur === 'string' ? new Map([[cur, 1]]) : cur;
  const n = (files.get(uri) ?? 0) + delta;
  if (n > 0) files.set(uri, n);
  else files.delete(uri);
  if (files.size === 0) map.delete(key);
  else if (files.size === 1 && files.values().next().value === 1) map.set(key, files.keys().next().value as string);
  else map.set(key, files);
}

function filesOf(map: Postings, key: string): string[] {
  const cur = map.get(key);
  if (cur === undefined) return [];
  return typeof cur === 'string' ? [cur] : [...cur.keys()].sort();
}

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private readonly byId: Postings = new Map();
  private readonly citers: Postings = new Map();
  private cables = 0;

  /** Index (or re-index) a file from its text. Returns the file's entries. */
  setText(uri: string, text: string, stamp: string | number | null = null): IndexedFile {
    const file = indexText(uri, text, stamp);
    this.put(file);
    return file;
  }

  /** Index (or re-index) a file from a parse the host already has (an open document). */
  setParsed(uri: string, doc: ParsedDocument, stamp: string | number | null = null): IndexedFile {
    const file = indexParsed(uri, doc, stamp);
    this.put(file);
    return file;
  }

  /** Store entries built elsewhere (`indexText` in a worker, a snapshot). Replaces the file's previous entries. */
  put(file: IndexedFile): void {
    this.remove(file.uri);
    this.files.set(file.uri, file);
    this.account(file, +1);
  }

  remove(uri: string): boolean {
    const old = this.files.get(uri);
    if (!old) return false;
    this.account(old, -1);
    this.files.delete(uri);
    return true;
  }

  /** Drop every file under a folder URI (a deleted directory). Returns how many were removed. */
  removeUnder(folderUri: string): number {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    let n = 0;
    for (const uri of [...this.files.keys()]) if (uri.startsWith(prefix) && this.remove(uri)) n++;
    return n;
  }

  clear(): void {
    this.files.clear();
    this.byId.clear();
    this.citers.clear();
    this.cables = 0;
  }

  private account(file: IndexedFile, delta: number): void {
    for (const cable of file.cables) {
      this.cables += delta;
      for (const id of cable.ids) post(this.byId, id, file.uri, delta);
      for (const ref of cable.refs) for (const id of ref.ids) post(this.citers, id, file.uri, delta);
    }
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  get(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  /** The stamp the file was indexed with (to skip re-reading unchanged files). */
  stampOf(uri: string): string | number | null | undefined {
    return this.files.get(uri)?.stamp;
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  get fileCount(): number {
    return this.files.size;
  }

  get cableCount(): number {
    return this.cables;
  }

  /** Cables with this identifier (any written form). Several files may hold the same cable. */
  lookup(idOrText: string): CableHit[] {
    const id = this.byId.has(idOrText) ? idOrText : canonicalCableId(idOrText);
    if (!id) return [];
    const out: CableHit[] = [];
    for (const uri of filesOf(this.byId, id)) {
      for (const cable of this.files.get(uri)?.cables ?? []) if (cable.ids.includes(id)) out.push({ uri, cable });
    }
    return out;
  }

  /** The identifier a reference resolves to: the first reading that is in the workspace, else the first reading. */
  resolveId(ids: readonly string[]): string | null {
    for (const id of ids) if (this.byId.has(id)) return id;
    return ids[0] ?? null;
  }

  /** The cables a decoded reference names, if the workspace holds them. */
  resolve(ref: CableRef | readonly string[]): CableHit[] {
    const ids = Array.isArray(ref) ? (ref as readonly string[]) : [(ref as CableRef).id, ...(ref as CableRef).alternatives];
    for (const id of ids) {
      const hits = this.lookup(id);
      if (hits.length > 0) return hits;
    }
    return [];
  }

  /** REF item identifiers across the workspace that resolve to this cable, by citing file then position. */
  citedBy(idOrText: string): CitingHit[] {
    const id = this.byId.has(idOrText) || this.citers.has(idOrText) ? idOrText : canonicalCableId(idOrText);
    if (!id) return [];
    const out: CitingHit[] = [];
    for (const uri of filesOf(this.citers, id)) {
      for (const cable of this.files.get(uri)?.cables ?? []) {
        for (const ref of cable.refs) if (ref.ids.includes(id) && this.resolveId(ref.ids) === id) out.push({ uri, cable, ref });
      }
    }
    return out;
  }

  /** How many distinct cables cite this one (what a "cited by N cables" lens shows). */
  citingCableCount(idOrText: string): number {
    return new Set(this.citedBy(idOrText).map((h) => h.cable)).size;
  }

  /** Workspace-symbol search (search.ts), best first; ties by date, newest first, then identifier. */
  search(query: string, limit = DEFAULT_SEARCH_LIMIT): SymbolHit[] {
    const parsed = parseQuery(query);
    const hits: SymbolHit[] = [];
    for (const [uri, file] of this.files) {
      for (const cable of file.cables) {
        const score = scoreCable(cable, parsed);
        if (score > 0) hits.push({ uri, cable, score });
      }
    }
    hits.sort(
      (a, b) =>
        b.score - a.score ||
        (b.cable.date ?? '').localeCompare(a.cable.date ?? '') ||
        (a.cable.label ?? '').localeCompare(b.cable.label ?? '') ||
        a.uri.localeCompare(b.uri),
    );
    return hits.slice(0, Math.max(0, limit));
  }

  /** Plain data for storage or transfer between threads. */
  toJSON(): IndexSnapshot {
    return { version: 1, files: [...this.files.values()] };
  }

  static fromJSON(snapshot: IndexSnapshot): WorkspaceIndex {
    const index = new WorkspaceIndex();
    if (snapshot && snapshot.version === 1 && Array.isArray(snapshot.files)) for (const f of snapshot.files) index.put(f);
    return index;
  }
}
