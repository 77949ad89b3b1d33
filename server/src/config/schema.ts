/**
 * The JSON schema of `.cablelintrc.json` (and of the `cable.rules` setting, `definitions.rules`), built from
 * rule metadata so completion and validation always list the real ids and tags.
 */
import { RULE_LEVELS, RULE_TAGS, type Rule } from '../rules/types';

export const SCHEMA_ID = 'https://github.com/diplomatic-cables/diplomatic-cables/blob/main/schemas/cablelintrc.schema.json';

const LEVEL_DESCRIPTION =
  'off: not reported; hint | information | warning | error: reported with that severity.';

export function buildConfigSchema(rules: readonly Rule[]): Record<string, unknown> {
  const level = { $ref: '#/definitions/level' };
  const properties: Record<string, unknown> = {
    default: { ...level, description: 'Level for every rule not set by id or tag in the same object.' },
  };
  for (const [tag, description] of Object.entries(RULE_TAGS)) {
    const members = rules.filter((r) => (r.tags as string[]).includes(tag)).map((r) => r.id);
    if (members.length === 0) continue;
    properties[tag] = { ...level, description: `Tag: ${description}. Rules: ${members.join(', ')}.` };
  }
  for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
    properties[rule.id] = {
      ...level,
      description: `${rule.description} (default: ${rule.defaultSeverity}${rule.fixable ? '; quick fix' : ''})`,
      markdownDescription: `${rule.description}\n\nDefault: \`${rule.defaultSeverity}\`. Tags: ${rule.tags.map((t) => `\`${t}\``).join(', ')}. [Docs](https://github.com/diplomatic-cables/diplomatic-cables/blob/main/docs/rules/${rule.id}.md)`,
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'cable-lint configuration (.cablelintrc.json)',
    description:
      'Rule levels by id, tag or "default"; overrides by glob. Precedence: id > tag > default inside one object; later layers (file rules, then matching overrides in order) beat earlier ones.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: { $ref: '#/definitions/rules' },
      overrides: {
        type: 'array',
        description: 'Per-file levels. Later entries beat earlier ones.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files', 'rules'],
          properties: {
            files: {
              type: 'array',
              minItems: 1,
              items: { type: 'string', minLength: 1 },
              description: 'Globs relative to this file\'s folder; a glob without "/" matches the file name at any depth.',
            },
            rules: { $ref: '#/definitions/rules' },
          },
        },
      },
    },
    definitions: {
      level: { type: 'string', enum: [...RULE_LEVELS], description: LEVEL_DESCRIPTION },
      rules: {
        type: 'object',
        description: 'Rule levels by rule id, tag, or "default".',
        additionalProperties: false,
        properties,
      },
    },
  };
}
