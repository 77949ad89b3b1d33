/**
 * Commands behind code actions, run by the server so they work in every editor that supports
 * `window/showDocument`: open a rule's documentation page, and reveal the other side of an inconsistency.
 * Arguments come from the client and are checked: only known rule ids open a page, only open documents are revealed.
 */
import type { Connection, ExecuteCommandParams, Range, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getRule, ruleDocsUrl } from '../rules/index';
import { COMMANDS } from '../service/index';

function isRange(r: unknown): r is Range {
  const x = r as Range;
  const pos = (p: unknown) => !!p && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
  return !!x && typeof x === 'object' && pos(x.start) && pos(x.end);
}

export function registerCommands(connection: Connection, documents: TextDocuments<TextDocument>): void {
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
      }
    } catch (err) {
      connection.console.error(`Command ${params.command} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    return null;
  });
}
