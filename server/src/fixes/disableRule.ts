/**
 * The "disable this rule for this file" action: computes the new content of `.cablelintrc.json` with an override
 * `{ "files": ["./<file>"], "rules": { "<rule>": "off" } }`. Cables are source documents users should not edit,
 * so silencing happens in the config, never in the cable. Pure: the caller reads and writes the file.
 */
import * as nodePath from 'node:path';
import { CONFIG_FILE_NAME } from '../config/model';

export type DisableResult = { ok: true; text: string } | { ok: false; error: string };

/** Escapes glob syntax so a file name with `(`, `[`, `*`... matches only itself. */
export function escapeGlob(path: string): string {
  return path.replace(/[\\*?[\]{}()!+@]/g, (c) => `\\${c}`);
}

/** The anchored glob written for a file (`./sub/09ASTANA308.txt`), relative to the config's folder. */
export function fileGlob(relativePath: string): string {
  const posix = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  return `./${escapeGlob(posix)}`;
}

function detectIndent(text: string): string | number {
  const m = /\n([ \t]+)"/.exec(text);
  if (!m) return 2;
  return m[1].startsWith('\t') ? '\t' : m[1].length;
}

/**
 * New config text that turns `ruleId` off for the file at `relativePath` (relative to the config's folder).
 * `configText` null means there is no config yet. An existing override for exactly this file is extended;
 * otherwise one is appended (last, so it beats earlier overrides). Other content is kept as is.
 */
export function disableRuleInConfig(configText: string | null, ruleId: string, relativePath: string): DisableResult {
  let root: Record<string, unknown> = {};
  let indent: string | number = 2;
  if (configText !== null && configText.trim() !== '') {
    const body = configText.charCodeAt(0) === 0xfeff ? configText.slice(1) : configText;
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, error: `${CONFIG_FILE_NAME} is not a JSON object.` };
      root = parsed as Record<string, unknown>;
    } catch (e) {
      return { ok: false, error: `${CONFIG_FILE_NAME} is not valid JSON (${(e as Error).message}); fix it before adding an override.` };
    }
    indent = detectIndent(body);
  }
  const glob = fileGlob(relativePath);
  if (root.overrides === undefined) root.overrides = [];
  if (!Array.isArray(root.overrides)) return { ok: false, error: `"overrides" in ${CONFIG_FILE_NAME} is not an array.` };
  const overrides = root.overrides as unknown[];
  const last = overrides[overrides.length - 1] as { files?: unknown; rules?: unknown } | undefined;
  // Only the last override can be extended: extending an earlier one could be beaten by a later override.
  const reuse =
    last &&
    typeof last === 'object' &&
    Array.isArray(last.files) &&
    last.files.length === 1 &&
    last.files[0] === glob &&
    typeof last.rules === 'object' &&
    last.rules !== null &&
    !Array.isArray(last.rules);
  if (reuse) (last.rules as Record<string, unknown>)[ruleId] = 'off';
  else overrides.push({ files: [glob], rules: { [ruleId]: 'off' } });
  return { ok: true, text: JSON.stringify(root, null, indent) + '\n' };
}

/**
 * Where the override goes and what the file becomes: the nearest existing config (as found for the cable), or a
 * new `.cablelintrc.json` in `workspaceRoot`.
 */
export function disableRuleForFile(args: {
  ruleId: string;
  filePath: string;
  /** The config file that applies to the cable now, if any, and its text. */
  existing: { path: string; text: string } | null;
  workspaceRoot: string;
}): { configPath: string } & DisableResult {
  const configPath = args.existing?.path ?? nodePath.join(args.workspaceRoot, CONFIG_FILE_NAME);
  const relative = nodePath.relative(nodePath.dirname(configPath), args.filePath);
  return { configPath, ...disableRuleInConfig(args.existing?.text ?? null, args.ruleId, relative) };
}
