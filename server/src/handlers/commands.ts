/**
 * Commands behind code actions, run by the server so they work in every editor: open a rule's documentation page
 * and reveal the other side of an inconsistency (both through `window/showDocument`), and write a "disable rule for
 * this file" override for editors that cannot create files through a workspace edit.
 * Arguments come from the client and are checked: only known rule ids, only open documents.
 */
import { writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { Connection, ExecuteCommandParams, Range, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findConfigFile, nodeConfigHost } from '../config/discover';
import { disableRuleForFile } from '../fixes/disableRule';
import { getRule, ruleDocsUrl } from '../rules/index';
import { COMMANDS } from '../service/index';
import { fileUriToPath, workspaceRootFor } from './uris';
import { tell } from './messages';

export interface CommandHooks {
  workspaceFolders(): readonly string[];
  /** A config file was written: re-read configuration and re-lint. */
  configChanged(): void;
}

/** Writes the "disable this rule for this file" override, for editors that cannot apply it as a workspace edit. */
function disableRule(connection: Connection, hooks: CommandHooks, uri: string, ruleId: string): void {
  const filePath = fileUriToPath(uri);
  if (!filePath) return;
  const existing = findConfigFile(nodePath.dirname(filePath), nodeConfigHost);
  const result = disableRuleForFile({ ruleId, filePath, existing, workspaceRoot: workspaceRootFor(filePath, hooks.workspaceFolders()) });
  if (!result.ok) {
    tell(connection, 'error', result.error);
    return;
  }
  writeFileSync(result.configPath, result.text, 'utf8');
  tell(connection, 'info', `${ruleId} is off for ${nodePath.basename(filePath)} (${result.configPath}).`);
  hooks.configChanged();
}

function isRange(r: unknown): r is Range {
  const x = r as Range;
  const pos = (p: unknown) => !!p && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
  return !!x && typeof x === 'object' && pos(x.start) && pos(x.end);
}

export function registerCommands(connection: Connection, documents: TextDocuments<TextDocument>, hooks: CommandHooks): void {
  connection.onExecuteCommand(async (params: ExecuteCommandParams) => {
    const args = params.arguments ?? [];
    try {
      if (params.command === COMMANDS.openRuleDocumentation) {
        const id = args[0];
        if (typeof id !== 'string' || !getRule(id)) return null;
        await connection.window.showDocument({ uri: ruleDocsUrl(id), external: true });
      } else if (params.command === COMMANDS.revealRange) {
        const [uri, range] = args;
        if (typeof uri !== 'string' || !documents.get(uri) || !isRange(range)) return null;
        await connection.window.showDocument({ uri, selection: range, takeFocus: true });
      } else if (params.command === COMMANDS.disableRuleForFile) {
        const [uri, id] = args;
        if (typeof uri !== 'string' || !documents.get(uri) || typeof id !== 'string' || !getRule(id)) return null;
        disableRule(connection, hooks, uri, id);
      }
    } catch (err) {
      connection.console.error(`Command ${params.command} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    return null;
  });
}
