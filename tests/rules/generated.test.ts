/** docs/rules/*.md, docs/rules/README.md and schemas/cablelintrc.schema.json must match the rule metadata. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../scripts/ruleDocs';
import { RULES } from '../../server/src/rules/index';

const ROOT = join(__dirname, '..', '..');
const REGENERATE = 'node scripts/generate-rule-docs.mjs';

describe('generated rule docs and schema', () => {
  const files = generatedFiles();

  it('are up to date (else run: node scripts/generate-rule-docs.mjs)', () => {
    const stale = [...files].filter(([path, content]) => !existsSync(join(ROOT, path)) || readFileSync(join(ROOT, path), 'utf8') !== content).map(([p]) => p);
    expect(stale, REGENERATE).toEqual([]);
  });

  it('have no page for a rule that does not exist', () => {
    const pages = readdirSync(join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md')).map((f) => `docs/rules/${f}`);
    expect(pages.filter((p) => !files.has(p)), REGENERATE).toEqual([]);
  });

  it('document every rule: checks, why, an example that triggers, one that does not, fixability, configuration', () => {
    for (const r of RULES) {
      const page = files.get(`docs/rules/${r.id}.md`)!;
      for (const heading of ['## What it checks', '## Why', '## Example that triggers it', '## Example that does not trigger it', '## Configuration', '| Fixable |']) {
        expect(page, `${r.id}: ${heading}`).toContain(heading);
      }
      expect(page).toContain(`"${r.id}"`);
    }
  });

  it('schema lists every id and tag with the five levels, and rejects unknown keys', () => {
    const schema = JSON.parse(files.get('schemas/cablelintrc.schema.json')!);
    const props = schema.definitions.rules.properties;
    for (const r of RULES) expect(props[r.id]).toBeDefined();
    for (const t of new Set(RULES.flatMap((r) => r.tags))) expect(props[t]).toBeDefined();
    expect(props.default).toBeDefined();
    expect(schema.definitions.rules.additionalProperties).toBe(false);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.definitions.level.enum).toEqual(['off', 'hint', 'information', 'warning', 'error']);
    expect(schema.properties.overrides.items.required).toEqual(['files', 'rules']);
  });
});
