/**
 * Turns untrusted JSON (a `.cablelintrc.json` or the `cable.rules` setting) into a config, reporting every
 * unknown key and wrong value with a message that names the key and what is allowed. Invalid entries are
 * dropped; valid ones still apply.
 */
import { RULE_LEVELS, type RuleLevel } from '../rules/types';
import type { CableLintConfig, ConfigOverride, ConfigProblem, RuleCatalog, RulesConfig } from './model';

const LEVELS_TEXT = RULE_LEVELS.map((l) => `"${l}"`).join(', ');
/** Keys a config file may have at the top level besides `rules` and `overrides`. */
const IGNORED_TOP_KEYS = new Set(['$schema']);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The closest known key, to suggest a fix for a typo (`portion-unmarkd` -> `portion-unmarked`). */
function closest(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(key.length / 4)) ? best : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** Validates a `rules` object: keys must be rule ids, tags or `default`; values one of the levels. */
export function validateRules(
  value: unknown,
  catalog: RuleCatalog,
  source: string,
  path: (string | number)[] = ['rules'],
): { rules: RulesConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const rules: RulesConfig = {};
  if (value === undefined) return { rules, problems };
  if (!isPlainObject(value)) {
    problems.push({ path, message: `"${path.join('.')}" must be an object of rule ids/tags to levels, found ${describe(value)}.`, source });
    return { rules, problems };
  }
  const known = [...catalog.ids, ...catalog.tags, 'default'];
  for (const [key, level] of Object.entries(value)) {
    const keyPath = [...path, key];
    if (!known.includes(key)) {
      const suggestion = closest(key, known);
      const isCase = known.includes(key.toLowerCase());
      problems.push({
        path: keyPath,
        message:
          `Unknown rule or tag "${key}".` +
          (isCase ? ` Rule ids are lower case: "${key.toLowerCase()}".` : suggestion ? ` Did you mean "${suggestion}"?` : ''),
        source,
      });
      continue;
    }
    if (typeof level !== 'string' || !(RULE_LEVELS as readonly string[]).includes(level)) {
      problems.push({
        path: keyPath,
        message: `"${key}" must be one of ${LEVELS_TEXT}, found ${describe(level)}.`,
        source,
      });
      continue;
    }
    rules[key] = level as RuleLevel;
  }
  return { rules, problems };
}

function validateOverride(value: unknown, index: number, catalog: RuleCatalog, source: string): { override: ConfigOverride | null; problems: ConfigProblem[] } {
  const path: (string | number)[] = ['overrides', index];
  if (!isPlainObject(value)) {
    return { override: null, problems: [{ path, message: `Each override must be an object with "files" and "rules", found ${describe(value)}.`, source }] };
  }
  const problems: ConfigProblem[] = [];
  for (const key of Object.keys(value)) {
    if (key !== 'files' && key !== 'rules') problems.push({ path: [...path, key], message: `Unknown override key "${key}"; an override has "files" and "rules".`, source });
  }
  const files = value.files;
  let globs: string[] = [];
  if (typeof files === 'string') globs = [files];
  else if (Array.isArray(files) && files.length > 0 && files.every((f) => typeof f === 'string' && f.length > 0)) globs = files as string[];
  else {
    problems.push({ path: [...path, 'files'], message: `"files" must be a non-empty array of glob strings, found ${describe(files)}.`, source });
  }
  const checked = validateRules(value.rules, catalog, source, [...path, 'rules']);
  problems.push(...checked.problems);
  if (value.rules === undefined) problems.push({ path, message: `Override ${index} has no "rules".`, source });
  return { override: globs.length > 0 ? { files: globs, rules: checked.rules } : null, problems };
}

/** Validates a whole `.cablelintrc.json` value. */
export function validateConfig(value: unknown, catalog: RuleCatalog, source: string): { config: CableLintConfig; problems: ConfigProblem[] } {
  const config: CableLintConfig = { rules: {}, overrides: [] };
  if (!isPlainObject(value)) {
    return { config, problems: [{ path: [], message: `The config must be a JSON object with "rules" and/or "overrides", found ${describe(value)}.`, source }] };
  }
  const problems: ConfigProblem[] = [];
  for (const key of Object.keys(value)) {
    if (key !== 'rules' && key !== 'overrides' && !IGNORED_TOP_KEYS.has(key)) {
      const hint = catalog.ids.includes(key) || catalog.tags.includes(key) || key === 'default' ? ` Put rule levels under "rules": { "${key}": ... }.` : '';
      problems.push({ path: [key], message: `Unknown key "${key}"; allowed: "rules", "overrides", "$schema".${hint}`, source });
    }
  }
  const rules = validateRules(value.rules, catalog, source);
  config.rules = rules.rules;
  problems.push(...rules.problems);
  if (value.overrides !== undefined) {
    if (!Array.isArray(value.overrides)) {
      problems.push({ path: ['overrides'], message: `"overrides" must be an array, found ${describe(value.overrides)}.`, source });
    } else {
      value.overrides.forEach((o, i) => {
        const checked = validateOverride(o, i, catalog, source);
        problems.push(...checked.problems);
        if (checked.override) config.overrides.push(checked.override);
      });
    }
  }
  return { config, problems };
}

/** Parses config file text; a syntax error is a problem, not an exception. */
export function parseConfigText(text: string, catalog: RuleCatalog, source: string): { config: CableLintConfig; problems: ConfigProblem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return {
      config: { rules: {}, overrides: [] },
      problems: [{ path: [], message: `Not valid JSON: ${(e as Error).message}`, source }],
    };
  }
  return validateConfig(value, catalog, source);
}
