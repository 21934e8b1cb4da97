/**
 * Asks the language server where a post's site is (`seminarPosts/postSite`): the figure providers
 * save files there. The server has the answer at hand (it reads the site for the checks), so the
 * wait is short; a server that is down or slow gets `undefined`, said in the log.
 */
import * as vscode from 'vscode';
import { PostSiteRequest, sendRequest, type PostSite } from '../../../server/src/protocol';
import type { LanguageServerController } from '../languageServer';

/** How long a paste waits for the server's answer. */
const SITE_TIMEOUT_MS = 3000;

/** The site around `document`: null when it is in none, undefined when the server cannot say. */
export async function askPostSite(
  server: LanguageServerController,
  output: vscode.LogOutputChannel,
  document: vscode.TextDocument,
  token: vscode.CancellationToken,
): Promise<PostSite | null | undefined> {
  // A figure pasted just after the window opened waits for the server's start.
  const client =
    server.runningClient ??
    (server.state === 'starting' ? await runningWithin(server, SITE_TIMEOUT_MS, token) : undefined);
  if (!client) {
    output.warn(
      vscode.l10n.t(
        'The language server is not running: the site of {0} is unknown.',
        vscode.workspace.asRelativePath(document.uri),
      ),
    );
    return undefined;
  }
  const cancel = new vscode.CancellationTokenSource();
  const timer = setTimeout(() => cancel.cancel(), SITE_TIMEOUT_MS);
  const relay = token.onCancellationRequested(() => cancel.cancel());
  try {
    const answer = await sendRequest(
      client,
      PostSiteRequest,
      { textDocument: { uri: document.uri.toString() } },
      cancel.token,
    );
    return answer && typeof answer.root === 'string'
      ? { root: answer.root, baseurl: typeof answer.baseurl === 'string' ? answer.baseurl : null }
      : null;
  } catch (error) {
    if (!token.isCancellationRequested)
      output.warn(
        vscode.l10n.t(
          'The language server did not say where the site of {0} is: {1}',
          vscode.workspace.asRelativePath(document.uri),
          error instanceof Error ? error.message : String(error),
        ),
      );
    return undefined;
  } finally {
    clearTimeout(timer);
    relay.dispose();
    cancel.dispose();
  }
}

/** The running client once a starting server runs, or undefined when it does not within `ms`. */
function runningWithin(server: LanguageServerController, ms: number, token: vscode.CancellationToken) {
  return new Promise<LanguageServerController['runningClient']>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      listener.dispose();
      cancelled.dispose();
      resolve(server.runningClient);
    };
    const timer = setTimeout(done, ms);
    const listener = server.onDidChangeState(() => {
      if (server.state !== 'starting') done();
    });
    const cancelled = token.onCancellationRequested(done);
  });
}
