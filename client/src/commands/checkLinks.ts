/**
 * "Check Links": asks the server to check the addresses of this post or of every post over the
 * network (`seminarPosts/checkLinks`), in a progress notification with a Cancel button. The
 * results arrive as the server's `link-dead` diagnostics on the posts; a message sums them up.
 * With `seminarPosts.links.checkOnSave`, saving a post checks its links (progress in the status
 * bar, no message).
 */
import * as vscode from 'vscode';
import {
  CheckLinksRequest,
  sendRequest,
  type CheckLinksParams,
  type CheckLinksResult,
} from '../../../server/src/protocol';
import { lsp, type LanguageServerController } from '../languageServer';
import { setting } from '../configuration';
import { requireServer, type CommandContext } from './common';

export type CheckLinksScope = 'post' | 'workspace';

/** What the command did: the server's answer, or why it asked nothing. */
export type CheckLinksOutcome = CheckLinksResult | { skipped: 'no-server' | 'no-post' | 'dismissed' };

/**
 * Checks the links of the post in the editor or of every post. `args` stands in for the prompt:
 * `{ scope: 'post' | 'workspace', uri?: string }`.
 */
export async function checkLinksCommand(ctx: CommandContext, args?: unknown): Promise<CheckLinksOutcome> {
  const given = (args ?? {}) as { scope?: unknown; uri?: unknown };
  const active = vscode.window.activeTextEditor?.document;
  const uri =
    typeof given.uri === 'string' ? given.uri : active?.languageId === 'markdown' ? active.uri.toString() : undefined;
  let scope: CheckLinksScope | undefined =
    given.scope === 'post' || given.scope === 'workspace' ? given.scope : undefined;
  if (!scope) {
    const items: (vscode.QuickPickItem & { scope: CheckLinksScope })[] = [
      ...(uri
        ? [
            {
              label: vscode.l10n.t('This post'),
              description: vscode.workspace.asRelativePath(vscode.Uri.parse(uri)),
              scope: 'post' as const,
            },
          ]
        : []),
      {
        label: vscode.l10n.t('Every post'),
        description: vscode.l10n.t('all posts of the workspace'),
        scope: 'workspace',
      },
    ];
    const picked = await vscode.window.showQuickPick(items, {
      placeHolder: vscode.l10n.t('Check the links of which posts? Their addresses are requested over the network.'),
    });
    if (!picked) return { skipped: 'dismissed' };
    scope = picked.scope;
  }
  if (scope === 'post' && !uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a post (a Markdown file) in the editor first.'));
    return { skipped: 'no-post' };
  }
  const client = requireServer(ctx);
  if (!client) return { skipped: 'no-server' };

  const title =
    scope === 'post'
      ? vscode.l10n.t('Seminar Posts: checking the links of this post')
      : vscode.l10n.t('Seminar Posts: checking the links of every post');
  const result = await runCheck(
    ctx.server,
    { scope, ...(scope === 'post' ? { textDocument: { uri: uri! } } : {}) },
    vscode.ProgressLocation.Notification,
    title,
  );
  if (!result) return { skipped: 'no-server' };
  void say(result, scope);
  return result;
}

/** Sends the request with a work-done token and shows its progress at `location`; cancellable. */
async function runCheck(
  server: LanguageServerController,
  params: CheckLinksParams,
  location: vscode.ProgressLocation,
  title: string,
): Promise<CheckLinksResult | undefined> {
  const client = server.runningClient;
  if (!client) return undefined;
  return vscode.window.withProgress({ location, title, cancellable: true }, async (progress, token) => {
    const workDoneToken = `seminarPosts.checkLinks.${Date.now()}.${Math.random().toString(36).slice(2)}`;
    let shown = 0;
    const listener = client.onProgress(lsp().WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind !== 'report') return;
      const percentage = value.percentage ?? shown;
      progress.report({ message: value.message, increment: Math.max(0, percentage - shown) });
      shown = Math.max(shown, percentage);
    });
    try {
      return await sendRequest(client, CheckLinksRequest, { ...params, workDoneToken }, token);
    } finally {
      listener.dispose();
    }
  });
}

/** One message that sums the run up; problems get a button to the Problems view. */
async function say(result: CheckLinksResult, scope: CheckLinksScope): Promise<void> {
  if (result.refused) {
    void vscode.window.showInformationMessage(result.refused);
    return;
  }
  const { dead, signIn, unchecked, moved } = result.problems;
  const summary =
    scope === 'post'
      ? vscode.l10n.t(
          'Checked {0} links of this post: {1} dead, {2} need a sign-in, {3} unchecked, {4} moved.',
          result.links,
          dead,
          signIn,
          unchecked,
          moved,
        )
      : vscode.l10n.t(
          'Checked {0} links in {1} posts: {2} dead, {3} need a sign-in, {4} unchecked, {5} moved.',
          result.links,
          result.posts,
          dead,
          signIn,
          unchecked,
          moved,
        );
  const text = result.cancelled ? vscode.l10n.t('Link check cancelled. {0}', summary) : summary;
  if (dead + signIn + unchecked + moved === 0) {
    void vscode.window.showInformationMessage(text);
    return;
  }
  const show = vscode.l10n.t('Show Problems');
  if ((await vscode.window.showWarningMessage(text, show)) === show)
    await vscode.commands.executeCommand('workbench.actions.view.problems');
}

/**
 * Checks a post's links when it is saved (a post as the server decides), where `seminarPosts.links.checkOnSave` is on for it
 * (off by default); a new save of the same post cancels the check of the previous one.
 */
export function checkLinksOnSave(server: LanguageServerController): vscode.Disposable {
  const running = new Map<string, vscode.CancellationTokenSource>();
  return vscode.workspace.onDidSaveTextDocument((document) => {
    if (!server.isPost(document) || !setting('links.checkOnSave', document.uri)) return;
    const client = server.runningClient;
    if (!client) return;
    const key = document.uri.toString();
    running.get(key)?.cancel();
    const source = new vscode.CancellationTokenSource();
    running.set(key, source);
    // In the status bar (a save must not pop a notification up); its results arrive as diagnostics.
    const title = vscode.l10n.t('Seminar Posts: checking the links of this post');
    void Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, () =>
        sendRequest(client, CheckLinksRequest, { scope: 'post', textDocument: { uri: key } }, source.token),
      ),
    )
      .catch(() => undefined)
      .finally(() => {
        if (running.get(key) === source) running.delete(key);
        source.dispose();
      });
  });
}
