/** Computes the configured level of every rule for one file from the config layers (precedence in model.ts). */
import picomatch from 'picomatch';
import type { RuleLevel } from '../rules/types';
import type { CableLintConfig, ConfigOverride, RuleCatalog, RuleLevels, RulesConfig } from './model';

/** The level one layer gives a rule: id beats tag beats `default`; among tags the key written last wins. */
export function levelInLayer(rules: RulesConfig, ruleId: string, ruleTags: readonly string[]): RuleLevel | undefined {
  if (rules[ruleId] !== undefined) return rules[ruleId];
  let fromTag: RuleLevel | undefined;
  for (const key of Object.keys(rules)) if (ruleTags.includes(key)) fromTag = rules[key];
  if (fromTag !== undefined) return fromTag;
  return rules.default;
}

/** Folds layers (lowest precedence first) into the levels the configuration sets. */
export function resolveLevels(layers: readonly RulesConfig[], catalog: RuleCatalog): RuleLevels {
  const levels: Record<string, RuleLevel> = {};
  for (const layer of layers) {
    for (const id of catalog.ids) {
      const level = levelInLayer(layer, id, catalog.tagsOf(id));
      if (level !== undefined) levels[id] = level;
    }
  }
  return levels;
}

function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}

/**
 * Whether an override applies to a file. `relativePath` is the file's path relative to the config file's folder.
 * A glob containing `/` or starting with `./` matches the whole relative path; any other glob matches the file
 * name at any depth (`*.txt`, `09ASTANA308.txt`).
 */
export function overrideMatches(override: ConfigOverride, relativePath: string): boolean {
  const path = toPosix(relativePath);
  return override.files.some((glob) => {
    // Globs keep their backslashes: they escape glob syntax (`\(`), as in every picomatch glob.
    const anchored = glob.startsWith('./') || glob.startsWith('/');
    const g = glob.replace(/^\.?\//, '');
    return picomatch(g, { dot: true, basename: !anchored && !g.includes('/') })(path);
  });
}

/** The rules layers of a config that apply to a file, lowest precedence first. */
export function configLayersFor(config: CableLintConfig, relativePath: string): RulesConfig[] {
  return [config.rules, ...config.overrides.filter((o) => overrideMatches(o, relativePath)).map((o) => o.rules)];
}
