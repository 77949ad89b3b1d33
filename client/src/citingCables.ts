/**
 * The "cited by N cables" code lens command: the server sends plain LSP JSON (uri, position, locations);
 * VS Code's references peek wants its own types.
 */
import * as vscode from 'vscode';

export const SHOW_CITING_CABLES = 'cable.showCitingCables';

interface LspPosition {
  line: number;
  character: number;
}
interface LspLocation {
  uri: string;
  range: { start: LspPosition; end: LspPosition };
}

const position = (p: LspPosition) => new vscode.Position(p.line, p.character);

export function showCitingCables(uri: unknown, at: unknown, locations: unknown): Thenable<unknown> | undefined {
  if (typeof uri !== 'string' || !at || !Array.isArray(locations)) return undefined;
  const list = (locations as LspLocation[])
    .filter((l) => l && typeof l.uri === 'string' && l.range)
    .map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(position(l.range.start), position(l.range.end))));
  return vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), position(at as LspPosition), list);
}
