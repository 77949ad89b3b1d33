/** SARIF 2.1.0 output: one run, one `rule` entry per rule with its help text, one result per problem. */
import { pathToFileURL } from 'node:url';
import { positionAt } from '../parser/lineIndex';
import { RULES, ruleDocsUrl } from '../rules/index';
import type { Analysis, Severity } from './analyse';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifFile {
  path: string;
  analysis: Analysis;
}

export function toSarif(files: SarifFile[], version: string): object {
  const ruleIndex = new Map(RULES.map((r, k) => [r.id, k]));
  const region = (a: Analysis, start: number, end: number) => {
    const s = positionAt(a.doc.lineStarts, start);
    const e = positionAt(a.doc.lineStarts, end);
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const uri = (p: string) => (p.startsWith('/') ? pathToFileURL(p).href : p.split('\\').join('/'));
  const results = files.flatMap(({ path, analysis }) =>
    analysis.diagnostics.map((d) => ({
      ruleId: d.rule,
      ...(ruleIndex.has(d.rule) ? { ruleIndex: ruleIndex.get(d.rule) } : {}),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: uri(path) }, region: region(analysis, d.span.start, d.span.end) } }],
      ...(d.related.length
        ? {
            relatedLocations: d.related.map((r, k) => ({
              id: k,
              message: { text: r.message },
              physicalLocation: { artifactLocation: { uri: uri(path) }, region: region(analysis, r.span.start, r.span.end) },
            })),
          }
        : {}),
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cable-lint',
            version,
            informationUri: 'https://github.com/diplomatic-cables/diplomatic-cables',
            rules: RULES.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              fullDescription: { text: r.docs.checks },
              help: { text: `${r.docs.checks} ${r.docs.why}`, markdown: `${r.docs.checks}\n\n${r.docs.why}\n\n[Rule documentation](${ruleDocsUrl(r.id)})` },
              helpUri: ruleDocsUrl(r.id),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { tags: r.tags, fixable: r.fixable },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
