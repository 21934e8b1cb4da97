/**
 * Asking VS Code for the code actions of a range, as the light bulb does
 * (`vscode.executeCodeActionProvider`: every provider of the document at once).
 */
import * as vscode from 'vscode';

/** One line per action, for assertion messages: `quickfix: Correct the title (edit)`. */
export function describeActions(actions: readonly vscode.CodeAction[]): string {
  return actions.map((a) => `${a.kind?.value ?? '?'}: ${a.title}${a.edit ? ' (edit)' : ''}`).join(' | ') || '(none)';
}

/**
 * The code actions of `range` (of `kind`, when given) once `accept` takes them.
 *
 * VS Code cancels a code action request when the set of code action providers for the document
 * changes while the request runs (`getCodeActions` in VS Code's `codeAction.ts` listens to the
 * provider registry), and the cancelled request answers `[]` (or fails with VS Code's `Canceled`
 * error, depending on where the cancellation catches it), whatever the language server said.
 * Providers do register in the first seconds after a Markdown file opens (VS Code's snippet
 * "surround with" actions, the Markdown extension's), so this asks again right after such an
 * answer, until `accept` takes one or `timeoutMs` passes. It never accepts a wrong answer: the
 * test still fails when the action never comes, with the last answer in the message.
 */
export async function codeActionsUntil(
  uri: vscode.Uri,
  range: vscode.Range,
  kind: string | undefined,
  accept: (actions: vscode.CodeAction[]) => boolean,
  what: string,
  timeoutMs = 15_000,
  /** Resolve the first this many actions (`codeAction/resolve`), as VS Code does before applying one. */
  resolve = 0,
): Promise<vscode.CodeAction[]> {
  const deadline = Date.now() + timeoutMs;
  let asked = 0;
  for (;;) {
    const actions =
      (await vscode.commands
        .executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind, resolve)
        .then(undefined, (error: unknown) => {
          if (isCancellation(error)) return [];
          throw error;
        })) ?? [];
    asked++;
    if (accept(actions)) return actions;
    if (Date.now() > deadline) {
      throw new Error(
        `No ${what} among the code actions of ${uri.path} after ${asked} requests in ${timeoutMs} ms; the last answer: ${describeActions(actions)}`,
      );
    }
  }
}

/** VS Code's `CancellationError` (name and message `Canceled`), as it reaches an extension through a command. */
function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === 'Canceled' || error.message === 'Canceled');
}
