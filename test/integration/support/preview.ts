/**
 * Waiting for the preview the way the extension tells of it: each panel's page reports what it
 * shows (`rendered`, read from its own DOM), and the extension's API fires `onDidRender` with it.
 * Nothing sleeps.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SeminarPostsApi } from '../../../client/src/extension';
import type { PreviewState } from '../../../client/src/preview/previewManager';
import { EXTENSION_ID } from './site';

/** The extension's API (it is active: the fixture site's `_posts` folder activated it). */
export function extensionApi(): SeminarPostsApi {
  const extension = vscode.extensions.getExtension<SeminarPostsApi>(EXTENSION_ID);
  assert.ok(extension?.isActive, `${EXTENSION_ID} is not active`);
  return extension.exports;
}

/** A short description of a report, for assertion messages. */
export function describePreview(state: PreviewState | undefined): string {
  if (!state) return '(none)';
  const name = state.uri.slice(state.uri.lastIndexOf('/') + 1);
  return `${name} v${state.version ?? '-'} "${state.title}" ${state.sections} sections, ${state.view}${state.locked ? ', locked' : ''}`;
}

/**
 * Resolves with the first report of a panel that `until` accepts: one already made (the panels'
 * last reports; unless `onlyNew`), or the next ones. Rejects after `timeoutMs`, saying what was
 * awaited and what came.
 */
export function waitForPreview(
  until: (state: PreviewState) => boolean,
  what: string,
  { timeoutMs = 30_000, onlyNew = false } = {},
): Promise<PreviewState> {
  const api = extensionApi().preview;
  const seen: PreviewState[] = [];
  return new Promise((resolve, reject) => {
    const done = (state: PreviewState): boolean => {
      seen.push(state);
      if (!until(state)) return false;
      stop();
      resolve(state);
      return true;
    };
    const subscription = api.onDidRender(done);
    const timer = setTimeout(() => {
      stop();
      reject(
        new Error(
          `Timed out after ${timeoutMs} ms waiting for the preview to show ${what}; it reported: ${seen.map(describePreview).join('; ') || 'nothing'}`,
        ),
      );
    }, timeoutMs);
    const stop = (): void => {
      subscription.dispose();
      clearTimeout(timer);
    };
    if (onlyNew) return;
    for (const panel of api.panels()) if (panel.rendered && done(panel.rendered)) return;
  });
}

/**
 * Closes every editor and preview, and resolves once the extension has seen its panels close
 * (VS Code tells the extension host of a closed webview after `closeAllEditors` resolves).
 */
export async function closeEditorsAndPreviews(timeoutMs = 30_000): Promise<void> {
  const api = extensionApi().preview;
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  if (api.panels().length === 0) return;
  await new Promise<void>((resolve, reject) => {
    const subscription = api.onDidChangePanels(() => {
      if (api.panels().length > 0) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${api.panels().length} preview panels to close`));
    }, timeoutMs);
  });
}
