/** sha256 of every file under root, keyed by relative path. */
export function hashTree(root: string): Record<string, string>;
