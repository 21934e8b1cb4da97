/**
 * A language server that dies is restarted by the extension, and the status item says so: the
 * test kills the server process (found in the process table: the extension host's child running
 * `server/out/server.js`), waits on the controller's state events for the restart, and reads the
 * item. No sleeps: every wait is on an event, with a time limit that fails the test.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SeminarPostsApi } from '../../client/src/extension';
import type { ServerState } from '../../client/src/languageServer';
import { waitForDiagnostics } from './support/diagnostics';
import { serverProcesses, serverProcessId } from './support/serverProcess';
import { BROKEN_POST, EXTENSION_ID, openInEditor, siteUri } from './support/site';

/** Resolves when the controller reaches `state` (now or later); rejects after `timeoutMs`. */
function waitForState(api: SeminarPostsApi, state: ServerState, timeoutMs = 30_000): Promise<void> {
  if (api.server.state === state) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the server did not reach '${state}' within ${timeoutMs} ms (it is '${api.server.state}')`));
    }, timeoutMs);
    const subscription = api.server.onDidChangeState((now) => {
      if (now !== state) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

describe('server restart', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('restarts a killed server, and the status item says so', async () => {
    const extension = vscode.extensions.getExtension<SeminarPostsApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const api = await extension.activate();
    await api.started;
    await waitForState(api, 'running');
    await openInEditor(BROKEN_POST);
    await waitForDiagnostics(siteUri(BROKEN_POST), (d) => d.length > 0, "the broken post's diagnostics");

    const pid = serverProcessId(extension);
    assert.notEqual(pid, process.pid);
    const restartsBefore = api.server.crashRestarts;
    const left = new Promise<ServerState>((resolve) => {
      const subscription = api.server.onDidChangeState((state) => {
        subscription.dispose();
        resolve(state);
      });
    });
    // The editor keeps talking to the server while it dies (pull diagnostics, the Seminar view):
    // messages written between the death and the close the client sees fail to send, and those
    // errors must not stop the client (a stopping client is never restarted).
    const client = api.server.runningClient;
    assert.ok(client, 'no running client');
    const flood = setInterval(() => {
      for (let i = 0; i < 5; i++) client.sendNotification('$/seminarPosts/testPing').catch(() => undefined);
    }, 0);
    process.kill(pid, 'SIGKILL');
    const leftTo = await left.finally(() => clearInterval(flood));
    assert.notEqual(leftTo, 'running', 'the state did not leave running');
    assert.notEqual(leftTo, 'failed', 'the extension gave up instead of restarting');
    await waitForState(api, 'running');

    assert.equal(api.server.crashRestarts, restartsBefore + 1);
    const newPid = serverProcessId(extension);
    assert.notEqual(newPid, pid, 'the server was not restarted as a new process');
    assert.match(api.statusItem.shown.detail ?? '', /restarted after it stopped unexpectedly/);
    assert.doesNotMatch(api.statusItem.shown.text, /stopped/i);
    // And it checks posts again: an edit brings a new diagnostic from the new process.
    const editor = vscode.window.activeTextEditor!;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(1, 0), 'comment: true\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(
      editor.document.uri,
      (d) => d.some((x) => String(typeof x.code === 'object' ? x.code.value : x.code) === 'unknown-field'),
      'unknown-field from the restarted server',
    );
    // Take the line out again and save (the same text as on disk), so that closing asks nothing.
    const restore = new vscode.WorkspaceEdit();
    restore.delete(editor.document.uri, new vscode.Range(1, 0, 2, 0));
    assert.ok(await vscode.workspace.applyEdit(restore));
    assert.ok(await editor.document.save());
  });

  it('ends running after two restarts asked at once, with one server', async () => {
    const extension = vscode.extensions.getExtension<SeminarPostsApi>(EXTENSION_ID)!;
    const api = await extension.activate();
    await waitForState(api, 'running');
    const before = serverProcessId(extension);
    await Promise.all([api.server.restart(), vscode.commands.executeCommand('seminarPosts.restartServer')]);
    assert.equal(api.server.state, 'running');
    // One server, a new one: the first is gone (`dispose` waits for it), and so is any in between.
    const after = serverProcessId(extension);
    assert.notEqual(after, before, 'the server process did not change');
    assert.deepEqual(serverProcesses(extension), [after]);
    assert.doesNotMatch(api.statusItem.shown.text, /stopped/i, api.statusItem.shown.text);
    // The previous processes are gone: only the last one answers.
    assert.throws(() => process.kill(before, 0), 'the first server process still runs');
  });
});
