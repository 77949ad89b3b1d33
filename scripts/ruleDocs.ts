/**
 * Renders the generated rule documentation and the config schema from rule metadata (pure: rules in, file
 * contents out). scripts/generate-rule-docs.mjs writes them; tests/rules/generated.test.ts fails when the files
 * on disk differ. Each page's example diagnostics are produced by running the rule on the example, so the
 * page shows what the linter really says.
 */
import { buildConfigSchema, SCHEMA_ID } from '../server/src/config/schema';
import { parseCables } from '../server/src/parser/index';
import { RULES, runRules } from '../server/src/rules/index';
import { ruleDocsPath } from '../server/src/rules/docs';
import { RULE_TAGS, type Rule } from '../server/src/rules/types';

export const SCHEMA_PATH = 'schemas/cablelintrc.schema.json';
export const INDEX_PATH = 'docs/rules/README.md';

const GENERATED_NOTE = '<!-- Generated from the rule metadata by scripts/generate-rule-docs.mjs; do not edit. -->';

function fence(text: string): string {
  return ['```text', text.replace(/\s+$/, ''), '```'].join('\n');
}

function diagnosticsOf(rule: Rule, text: string): string[] {
  const doc = parseCables(text);
  return runRules(doc, {}, { only: [rule.id] }).map((d) => {
    const line = lineNumber(doc.lineStarts, d.range.start);
    return `line ${line}, ${d.severity}: ${d.message}`;
  });
}

function lineNumber(lineStarts: readonly number[], offset: number): number {
  let n = 0;
  while (n + 1 < lineStarts.length && lineStarts[n + 1] <= offset) n++;
  return n + 1;
}

function sourcesText(rule: Rule): string {
  return rule.docs.sources.map((s) => (/^R\d+$|^B\.\d$/.test(s) ? `${s} (cable-format.md §B)` : `[${s}]`)).join(', ');
}

export function renderRulePage(rule: Rule): string {
  const hits = diagnosticsOf(rule, rule.docs.triggers.text);
  const otherTag = rule.tags[0];
  const lines = [
    GENERATED_NOTE,
    `# \`${rule.id}\``,
    '',
    rule.description,
    '',
    '| | |',
    '|---|---|',
    `| Default severity | \`${rule.defaultSeverity}\` |`,
    `| Tags | ${rule.tags.map((t) => `\`${t}\``).join(', ')} |`,
    `| Fixable | ${rule.fixable ? 'yes: a quick fix rewrites only the marked text' : 'no'} |`,
    `| Source | ${sourcesText(rule)} |`,
    '',
    '## What it checks',
    '',
    rule.docs.checks,
    '',
    '## Why',
    '',
    rule.docs.why,
    '',
    '## Example that triggers it',
    '',
    fence(rule.docs.triggers.text),
    '',
    rule.docs.triggers.note,
    '',
    'Reported:',
    '',
    ...hits.map((h) => `- ${h}`),
    '',
    '## Example that does not trigger it',
    '',
    fence(rule.docs.clean.text),
    '',
    rule.docs.clean.note,
    '',
  ];
  if (rule.docs.notFlagged?.length) {
    lines.push('## Not flagged', '', ...rule.docs.notFlagged.map((n) => `- ${n}`), '');
  }
  lines.push(
    '## Configuration',
    '',
    `In \`.cablelintrc.json\` (or the \`cable.rules\` setting), set the level by id, or by one of its tags (\`${otherTag}\`):`,
    '',
    '```json',
    JSON.stringify({ rules: { [rule.id]: rule.defaultSeverity === 'error' ? 'warning' : 'error' } }, null, 2),
    '```',
    '',
    'Silence it for some files only:',
    '',
    '```json',
    JSON.stringify({ overrides: [{ files: ['partial/*.txt'], rules: { [rule.id]: 'off' } }] }, null, 2),
    '```',
    '',
    `Levels: \`off\`, \`hint\`, \`information\`, \`warning\`, \`error\`. CLI: \`cable-lint --rule ${rule.id}=off\`. Precedence: see [the index](README.md#configuration).`,
    '',
  );
  return lines.join('\n');
}

export function renderIndex(rules: readonly Rule[]): string {
  const lines = [
    GENERATED_NOTE,
    '# Classification-marking rules',
    '',
    `${rules.length} rules check a cable's classification markings against each other and against the rules of its era (cable-format.md §B). Each diagnostic links to its page here.`,
    '',
    '| Rule | Default | Tags | Fix | What it reports |',
    '|---|---|---|---|---|',
    ...rules.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.defaultSeverity} | ${r.tags.join(', ')} | ${r.fixable ? 'yes' : ''} | ${r.description} |`),
    '',
    '## Tags',
    '',
    '| Tag | Rules |',
    '|---|---|',
    ...Object.entries(RULE_TAGS)
      .map(([tag, what]) => [tag, what, rules.filter((r) => (r.tags as string[]).includes(tag)).map((r) => `\`${r.id}\``)] as const)
      .filter(([, , members]) => members.length > 0)
      .map(([tag, what, members]) => `| \`${tag}\` (${what}) | ${members.join(', ')} |`),
    '',
    '## Configuration',
    '',
    'Levels: `off`, `hint`, `information`, `warning`, `error`. Keys: a rule id, a tag, or `default`.',
    '',
    'Where levels come from, lowest precedence first:',
    '',
    '1. the rule\'s default severity (some rules lower it for older cables, e.g. `portion-unmarked` is information before 1995-10-14; a configured level replaces that);',
    '2. the editor setting `cable.rules`;',
    '3. `rules` in the nearest `.cablelintrc.json` found walking up from the cable\'s folder;',
    '4. each entry of `overrides` in that file whose `files` globs match the cable, in file order: a later override beats an earlier one;',
    '5. `cable-lint --rule id=level` arguments.',
    '',
    'Inside one of these, an explicit rule id beats a tag, and a tag beats `default`; if two tags of a rule are set, the key written last wins. A layer that does not mention a rule leaves its level as the layers below set it.',
    '',
    'Globs in `overrides` are relative to the folder of `.cablelintrc.json`. A glob with a `/` or starting with `./` matches the whole relative path; a glob without `/` matches the file name in any folder. The "Disable rule for this file" quick fix appends `{ "files": ["./path/to/cable.txt"], "rules": { "<id>": "off" } }`.',
    '',
    'Unknown rule ids or tags, unknown keys and values that are not a level are reported (with a suggestion for near misses), never silently ignored.',
    '',
    '```json',
    JSON.stringify(
      {
        $schema: SCHEMA_ID,
        rules: { default: 'warning', era: 'information', 'portion-exceeds-banner': 'error' },
        overrides: [{ files: ['1970s/**'], rules: { 'portion-unmarked': 'off' } }],
      },
      null,
      2,
    ),
    '```',
    '',
    `The JSON schema \`${SCHEMA_PATH}\` is generated from the rule metadata and validates both the file and the setting.`,
    '',
  ];
  return lines.join('\n');
}

export function renderSchema(rules: readonly Rule[]): string {
  return JSON.stringify(buildConfigSchema(rules), null, 2) + '\n';
}

/** Every generated file: repository-relative path -> content. */
export function generatedFiles(rules: readonly Rule[] = RULES): Map<string, string> {
  const files = new Map<string, string>();
  for (const r of rules) files.set(ruleDocsPath(r.id), renderRulePage(r));
  files.set(INDEX_PATH, renderIndex(rules));
  files.set(SCHEMA_PATH, renderSchema(rules));
  return files;
}
