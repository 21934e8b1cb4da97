/**
 * The language server's process, found from the outside: the child of this extension host that
 * runs this extension's `server/out/server.js`. The product has no request for its process id; the
 * restart test kills the process it finds here. POSIX `ps` (Linux, macOS).
 */
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';

/** The process ids of the running servers of `extension` started by this extension host. */
export function serverProcesses(extension: vscode.Extension<unknown>): number[] {
  const module = vscode.Uri.joinPath(extension.extensionUri, 'server', 'out', 'server.js').fsPath;
  const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const found: number[] = [];
  for (const line of table.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (!match || Number(match[2]) !== process.pid || !match[3]!.includes(module)) continue;
    found.push(Number(match[1]));
  }
  return found;
}

/** The one running server's process id; fails when there is none, or more than one. */
export function serverProcessId(extension: vscode.Extension<unknown>): number {
  const found = serverProcesses(extension);
  if (found.length !== 1)
    throw new Error(
      `expected one server process of ${extension.id} under the extension host ${process.pid}, found ${found.length} (${found.join(', ')})`,
    );
  return found[0]!;
}
