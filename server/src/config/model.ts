/**
 * The lint configuration model: per-rule levels keyed by rule id, tag or `default`, plus per-file overrides.
 *
 * Precedence (documented in docs/rules/README.md, "Configuration"):
 *  1. Layers, lowest to highest: the rule's built-in severity < editor settings (`cable.rules`) <
 *     `.cablelintrc.json` `rules` < each `overrides[i]` whose `files` match, in file order (later wins).
 *  2. Inside one layer: an explicit rule id beats a tag, a tag beats `default`; when several of a rule's tags
 *     are set in one layer, the key written last wins.
 *  A layer that says nothing about a rule leaves the level from the layers below unchanged.
 */
import type { RuleLevel } from '../rules/types';

export const CONFIG_FILE_NAME = '.cablelintrc.json';

/** Keys: a rule id, a tag, or `default`. */
export type RulesConfig = Record<string, RuleLevel>;

export interface ConfigOverride {
  /** Globs relative to the config file's folder; a glob without `/` matches the file name at any depth. */
  files: string[];
  rules: RulesConfig;
}

export interface CableLintConfig {
  rules: RulesConfig;
  overrides: ConfigOverride[];
}

/** A problem found while reading a config: reported to the user, never silently ignored. */
export interface ConfigProblem {
  /** Where in the config, as JSON keys (`['overrides', 0, 'rules', 'portion-unmarkd']`). */
  path: (string | number)[];
  message: string;
  /** Which config it came from: a file path, or `settings` for the editor settings. */
  source: string;
}

/** What the rule ids and tags are, so config validation does not depend on the registry's import order. */
export interface RuleCatalog {
  ids: readonly string[];
  tags: readonly string[];
  /** The tags of each rule id, in the order the rule lists them. */
  tagsOf(id: string): readonly string[];
}

/**
 * Configured levels for one file: only rules the configuration set. A rule absent from the map runs at its
 * built-in severity (and may then use a finding's era-dependent severity).
 */
export type RuleLevels = Readonly<Record<string, RuleLevel>>;
