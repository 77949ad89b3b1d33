/**
 * A cable's outline as the server keeps it between requests: the tree of outline.ts flattened into one typed array
 * of numbers and two arrays of strings. A 10 MB file has 32 000 outline nodes; as objects (node, two spans, a
 * children array) they took about 8 MB of heap, kept for as long as the file is open. Here they take a quarter.
 *
 * Nodes are in pre-order: a node's children follow it, each followed by its own subtree, and `subtree(i)` says
 * how many nodes the subtree of `i` holds (itself included), so the next sibling of `i` is `i + subtree(i)`.
 */
import type { OutlineKind, OutlineNode } from '../outline/outline';

/** Every outline kind (the record makes the compiler check the list is complete). */
const KIND_TABLE: Readonly<Record<OutlineKind, true>> = {
  cable: true,
  metadata: true,
  envelope: true,
  addressee: true,
  banner: true,
  caption: true,
  subject: true,
  references: true,
  reference: true,
  classifiedBy: true,
  summary: true,
  comment: true,
  note: true,
  heading: true,
  paragraph: true,
  signature: true,
};
const KINDS = Object.keys(KIND_TABLE) as OutlineKind[];
const KIND_INDEX = new Map<OutlineKind, number>(KINDS.map((k, i) => [k, i]));

/** Numbers kept per node: range start and end, selection start and end, kind, subtree size. */
const FIELDS = 6;

export class CompactOutline {
  private constructor(
    private readonly nums: Int32Array,
    private readonly names: string[],
    private readonly details: string[],
  ) {}

  /** The tree under `root` (root included), flattened. */
  static of(root: OutlineNode): CompactOutline {
    const nodes: OutlineNode[] = [];
    const collect = (n: OutlineNode) => {
      nodes.push(n);
      for (const c of n.children) collect(c);
    };
    collect(root);
    const nums = new Int32Array(nodes.length * FIELDS);
    const names = new Array<string>(nodes.length);
    const details = new Array<string>(nodes.length);
    let at = 0;
    const store = (n: OutlineNode): number => {
      const i = at++;
      const o = i * FIELDS;
      nums[o] = n.range.start;
      nums[o + 1] = n.range.end;
      nums[o + 2] = n.selectionRange.start;
      nums[o + 3] = n.selectionRange.end;
      nums[o + 4] = KIND_INDEX.get(n.kind) ?? 0;
      names[i] = n.name;
      details[i] = n.detail;
      let size = 1;
      for (const c of n.children) size += store(c);
      nums[o + 5] = size;
      return size;
    };
    store(root);
    return new CompactOutline(nums, names, details);
  }

  get size(): number {
    return this.names.length;
  }

  start(i: number): number {
    return this.nums[i * FIELDS];
  }

  end(i: number): number {
    return this.nums[i * FIELDS + 1];
  }

  selectionStart(i: number): number {
    return this.nums[i * FIELDS + 2];
  }

  selectionEnd(i: number): number {
    return this.nums[i * FIELDS + 3];
  }

  kind(i: number): OutlineKind {
    return KINDS[this.nums[i * FIELDS + 4]];
  }

  name(i: number): string {
    return this.names[i];
  }

  detail(i: number): string {
    return this.details[i];
  }

  /** The children of node `i`, in the tree's order. */
  children(i: number): number[] {
    const out: number[] = [];
    const stop = i + this.nums[i * FIELDS + 5];
    for (let c = i + 1; c < stop; c += this.nums[c * FIELDS + 5]) out.push(c);
    return out;
  }

  hasChildren(i: number): boolean {
    return this.nums[i * FIELDS + 5] > 1;
  }
}
