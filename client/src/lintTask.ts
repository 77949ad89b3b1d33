/**
 * `Cable: Lint Workspace`: runs the bundled `cable-lint` over a workspace folder as a task. The `$cable-lint`
 * problem matcher (package.json) turns its `path:line:column: severity rule-id message` lines into problems,
 * so a folder of thousands of cables is checked without opening them.
 */
import * as vscode from 'vscode';

export const TASK_TYPE = 'cable-lint';

interface LintTaskDefinition extends vscode.TaskDefinition {
  type: typeof TASK_TYPE;
  /** Folder to lint, absolute or relative to the workspace folder; default: the workspace folder. */
  path?: string;
}

export function lintTask(extensionPath: string, folder: vscode.WorkspaceFolder, definition?: LintTaskDefinition): vscode.Task {
  const def: LintTaskDefinition = definition ?? { type: TASK_TYPE };
  const cli = vscode.Uri.joinPath(vscode.Uri.file(extensionPath), 'dist', 'cable-lint.js').fsPath;
  const target = def.path ? vscode.Uri.joinPath(folder.uri, def.path).fsPath : folder.uri.fsPath;
  // The extension host's own executable runs the CLI: users need no Node.js on PATH. In desktop VS Code that
  // executable is Electron, which behaves as Node with ELECTRON_RUN_AS_NODE; in a server host it is Node already.
  const execution = new vscode.ProcessExecution(process.execPath, [cli, '--format', 'text', target], {
    cwd: folder.uri.fsPath,
    env: { ELECTRON_RUN_AS_NODE: '1' },
  });
  const task = new vscode.Task(def, folder, `lint ${folder.name}`, 'cable', execution, ['$cable-lint']);
  task.group = vscode.TaskGroup.Test;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

export class LintTaskProvider implements vscode.TaskProvider {
  constructor(private readonly extensionPath: string) {}

  provideTasks(): vscode.Task[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => lintTask(this.extensionPath, f));
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    if (task.definition.type !== TASK_TYPE) return undefined;
    const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file') return undefined;
    return lintTask(this.extensionPath, folder, task.definition as LintTaskDefinition);
  }
}

/** Runs the lint task on one folder (asks when there are several); returns the execution for callers that wait. */
export async function lintWorkspace(extensionPath: string): Promise<vscode.TaskExecution | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Cable: Lint Workspace needs a folder on disk.');
    return undefined;
  }
  const folder =
    folders.length === 1
      ? folders[0]
      : (await vscode.window.showQuickPick(folders.map((f) => ({ label: f.name, description: f.uri.fsPath, folder: f })), { placeHolder: 'Folder to lint' }))?.folder;
  if (!folder) return undefined;
  return vscode.tasks.executeTask(lintTask(extensionPath, folder));
}
