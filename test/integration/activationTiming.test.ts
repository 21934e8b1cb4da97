/**
 * The extension's activation, timed inside the real VS Code: what `npm run bench` reports as the
 * startup figure. Speed targets live in the benchmarks, not here; the test checks that each figure
 * measures what it names (activation returns before the server is started, the server figure is
 * the running server's first answer, the load figure a fresh evaluation of the bundle), and
 * prints them on one line that the bench reads:
 *
 *     [timing] activate=1.23 load=4.56 server=789.0
 *
 * `activate` is the time spent in `activate()` (the extension records it), `load` the time to
 * load and evaluate the extension's bundle (measured here by loading it again, fresh), `server`
 * the time from activation to the language server's first answer.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SeminarPostsApi } from '../../client/src/extension';
import { EXTENSION_ID } from './support/site';
import { serverProcesses } from './support/serverProcess';

describe('activation timing', () => {
  it('records how long activation took', async () => {
    const extension = vscode.extensions.getExtension<SeminarPostsApi>(EXTENSION_ID);
    assert.ok(extension?.isActive, `${EXTENSION_ID} is not active`);
    const { timing, server: controller } = extension.exports;
    const server = await timing.serverStartMs;
    // The figure is the server's first answer: by then it runs, as a process of its own.
    assert.equal(
      controller.state,
      'running',
      `the server figure was taken from a start that ended '${controller.state}'`,
    );
    assert.ok(serverProcesses(extension).length >= 1, 'no server process runs');
    // The server starts after activate() returned (forking it is not activation's cost), and both
    // figures count from the start of activate().
    assert.ok(
      timing.activateMs < server,
      `activate() took ${timing.activateMs} ms, the server answered after ${server} ms: it was started during activation`,
    );

    // Load the bundle once more, as VS Code did on activation: read, compile, evaluate.
    const bundle = require.resolve(vscode.Uri.joinPath(extension.extensionUri, 'client', 'out', 'extension.js').fsPath);
    const cached = require.cache[bundle];
    delete require.cache[bundle];
    const t0 = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- VS Code loads a CommonJS extension with `require`: that is what is timed
    const fresh: unknown = require(bundle);
    const load = performance.now() - t0;
    if (cached) require.cache[bundle] = cached;
    // A fresh evaluation, not the cached module: a new object with the extension's entry points.
    assert.notEqual(fresh, cached?.exports, 'the bundle was not loaded again');
    assert.equal(typeof (fresh as { activate?: unknown }).activate, 'function');

    for (const [name, value] of Object.entries({ activate: timing.activateMs, load, server })) {
      assert.ok(Number.isFinite(value) && value > 0, `${name} time is ${value}`);
    }
    console.log(
      `[timing] activate=${timing.activateMs.toFixed(2)} load=${load.toFixed(2)} server=${server.toFixed(1)}`,
    );
  });
});
