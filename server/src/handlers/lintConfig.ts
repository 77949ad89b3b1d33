/**
 * Rule levels for each document: the `cable.rules` setting of its folder, then the nearest `.cablelintrc.json` and
 * its matching overrides (config/discover.ts decides precedence). Cached per document URI; dropped on close, when
 * the settings change, and when a `.cablelintrc.json` changes on disk.
 *
 * Configuration mistakes are reported, never silently ignored: problems in a `.cablelintrc.json` are published as
 * diagnostics on that file; problems in the settings are shown once as a warning message.
 */
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { loadConfigForFile, type ConfigHost } from '../config/discover';
import type { ConfigProblem, RuleCatalog, RuleLevels } from '../config/model';
import { resolveLevels } from '../config/resolve';
import { validateRules } from '../config/validate';
import { computeLineStarts } from '../parser/lineIndex';
import type { SettingsCache } from './settings';
import { tell } from './messages';
import { fileUriToPath } from './uris';

export class LintConfig {
  private readonly levels = new Map<string, Promise<RuleLevels>>();
  /** Config files we published problems for, with what we published (to clear or skip repeats). */
  private readonly published = new Map<string, string>();
  private readonly toldSettings = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly settings: SettingsCache,
    private readonly catalog: RuleCatalog,
    private readonly files: ConfigHost,
  ) {}

  levelsFor(uri: string): Promise<RuleLevels> {
    let p = this.levels.get(uri);
    if (!p) {
      p = this.compute(uri).catch((err) => {
        this.connection.console.error(`Reading the lint configuration for ${uri} failed: ${err instanceof Error ? err.message : String(err)}`);
        return {};
      });
      this.levels.set(uri, p);
    }
    return p;
  }

  evict(uri: string): void {
    this.levels.delete(uri);
  }

  clear(): void {
    this.levels.clear();
  }

  private async compute(uri: string): Promise<RuleLevels> {
    const settings = await this.settings.get(uri);
    const path = fileUriToPath(uri);
    if (!path) {
      const checked = validateRules(settings.rules, this.catalog, 'settings', ['cable.rules']);
      this.reportSettings(checked.problems);
      return resolveLevels([checked.rules], this.catalog);
    }
    const loaded = loadConfigForFile(path, this.catalog, { host: this.files, settingsRules: settings.rules });
    this.reportSettings(loaded.problems.filter((p) => p.source === 'settings'));
    if (loaded.configPath) this.reportFile(loaded.configPath, loaded.problems.filter((p) => p.source === loaded.configPath));
    return loaded.levels;
  }

  private reportSettings(problems: ConfigProblem[]): void {
    for (const p of problems) {
      const text = `Diplomatic Cables: setting ${p.message}`;
      if (this.toldSettings.has(text)) continue;
      this.toldSettings.add(text);
      tell(this.connection, 'warning', text);
    }
  }

  private reportFile(configPath: string, problems: ConfigProblem[]): void {
    const text = this.files.readFile(configPath) ?? '';
    const diagnostics = problems.map((p) => problemDiagnostic(text, p));
    const key = JSON.stringify(diagnostics);
    if ((this.published.get(configPath) ?? '[]') === key) return;
    this.published.set(configPath, key);
    void this.connection.sendDiagnostics({ uri: pathToFileURL(configPath).href, diagnostics });
  }
}

/** Where in the JSON text a problem is: the last key of its path, found as `"key"`; else the start. */
function problemDiagnostic(text: string, p: ConfigProblem): Diagnostic {
  const key = [...p.path].reverse().find((k): k is string => typeof k === 'string');
  let at = -1;
  if (key) at = text.indexOf(JSON.stringify(key));
  const starts = computeLineStarts(text);
  const pos = (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return { line, character: offset - starts[line] };
  };
  const start = at >= 0 ? at : 0;
  const end = at >= 0 ? at + JSON.stringify(key).length : 0;
  return {
    range: { start: pos(start), end: pos(end) },
    severity: p.message.startsWith('Not valid JSON') ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'cable',
    message: p.message,
  };
}
