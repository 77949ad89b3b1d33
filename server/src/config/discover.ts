/**
 * Finds the `.cablelintrc.json` that applies to a file (the nearest one up the folder tree) and loads the
 * levels for that file. File access goes through `ConfigHost` so tests and the server can supply their own.
 */
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { CONFIG_FILE_NAME, type CableLintConfig, type ConfigProblem, type RuleCatalog, type RuleLevels, type RulesConfig } from './model';
import { configLayersFor, resolveLevels } from './resolve';
import { parseConfigText, validateRules } from './validate';

export interface ConfigHost {
  /** File text, or undefined when the file does not exist or cannot be read. */
  readFile(path: string): string | undefined;
}

export const nodeConfigHost: ConfigHost = {
  readFile(path) {
    try {
      return nodeFs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};

/**
 * Walks up from `startDir` to the file-system root (or to `stopDir`, inclusive) and returns the first
 * `.cablelintrc.json` found, with its text.
 */
export function findConfigFile(startDir: string, host: ConfigHost = nodeConfigHost, stopDir?: string): { path: string; text: string } | null {
  let dir = nodePath.resolve(startDir);
  const stop = stopDir === undefined ? undefined : nodePath.resolve(stopDir);
  for (;;) {
    const candidate = nodePath.join(dir, CONFIG_FILE_NAME);
    const text = host.readFile(candidate);
    if (text !== undefined) return { path: candidate, text };
    if (stop !== undefined && dir === stop) return null;
    const parent = nodePath.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export interface LoadedConfig {
  /** Levels the configuration sets for this file (rules not listed run at their built-in severity). */
  levels: RuleLevels;
  /** The config file used, if any. */
  configPath: string | null;
  config: CableLintConfig | null;
  problems: ConfigProblem[];
}

export interface LoadOptions {
  host?: ConfigHost;
  /** Do not look above this folder (e.g. the workspace root). */
  stopDir?: string;
  /** The editor's `cable.rules` setting (validated like a `rules` object), lowest configured layer. */
  settingsRules?: unknown;
  /** Extra layers on top of everything (the CLI's `--rule id=level`). */
  extraRules?: RulesConfig;
}

/** Resolves the levels for `filePath` from settings, the nearest config file and its matching overrides. */
export function loadConfigForFile(filePath: string, catalog: RuleCatalog, options: LoadOptions = {}): LoadedConfig {
  const host = options.host ?? nodeConfigHost;
  const problems: ConfigProblem[] = [];
  const layers: RulesConfig[] = [];
  if (options.settingsRules !== undefined) {
    const settings = validateRules(options.settingsRules, catalog, 'settings', ['cable.rules']);
    problems.push(...settings.problems);
    layers.push(settings.rules);
  }
  const absolute = nodePath.resolve(filePath);
  const found = findConfigFile(nodePath.dirname(absolute), host, options.stopDir);
  let config: CableLintConfig | null = null;
  if (found) {
    const parsed = parseConfigText(found.text, catalog, found.path);
    config = parsed.config;
    problems.push(...parsed.problems);
    const relative = nodePath.relative(nodePath.dirname(found.path), absolute);
    layers.push(...configLayersFor(config, relative));
  }
  if (options.extraRules) layers.push(options.extraRules);
  return { levels: resolveLevels(layers, catalog), configPath: found?.path ?? null, config, problems };
}

/** Parses CLI `--rule id=level` arguments into a rules layer, reporting bad ones. */
export function parseRuleArguments(args: readonly string[], catalog: RuleCatalog): { rules: RulesConfig; problems: ConfigProblem[] } {
  const raw: Record<string, string> = {};
  const problems: ConfigProblem[] = [];
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) {
      problems.push({ path: [arg], message: `--rule expects id=level (e.g. portion-unmarked=off), found "${arg}".`, source: '--rule' });
      continue;
    }
    raw[arg.slice(0, eq).trim()] = arg.slice(eq + 1).trim();
  }
  const checked = validateRules(raw, catalog, '--rule', []);
  return { rules: checked.rules, problems: [...problems, ...checked.problems] };
}
