/** Runs every rule over the real cables in tests/fixtures/cables/ and summarises the findings (shared by the test and the update mode). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCableBytes } from '../../server/src/cli/readCableFile';
import { lineOf, parseCables } from '../../server/src/parser/index';
import { RULES, runRules } from '../../server/src/rules/index';
import { readFileSync } from 'node:fs';

export const CORPUS_DIR = join(__dirname, '..', 'fixtures', 'cables');

export interface CorpusFinding {
  /** `file:line:rule`, line 1-based. */
  at: string;
  severity: string;
  message: string;
}

export interface CorpusSummary {
  files: number;
  /** Per rule: number of cables (files) it fires on, and number of findings. */
  rules: Record<string, { cables: number; findings: number }>;
  findings: CorpusFinding[];
}

export function runCorpus(dir = CORPUS_DIR): CorpusSummary {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const rules: CorpusSummary['rules'] = {};
  for (const r of RULES) rules[r.id] = { cables: 0, findings: 0 };
  const findings: CorpusFinding[] = [];
  for (const f of files) {
    const read = decodeCableBytes(readFileSync(join(dir, f)));
    if (!read.ok) continue;
    const doc = parseCables(read.text);
    const diags = runRules(doc, {}, { onRuleError: (id, e) => findings.push({ at: `${f}:0:${id}`, severity: 'crash', message: String(e) }) });
    const fired = new Set<string>();
    for (const d of diags) {
      fired.add(d.ruleId);
      rules[d.ruleId].findings++;
      findings.push({ at: `${f}:${lineOf(doc.lineStarts, d.range.start) + 1}:${d.ruleId}`, severity: d.severity, message: d.message });
    }
    for (const id of fired) rules[id].cables++;
  }
  return { files: files.length, rules, findings };
}
