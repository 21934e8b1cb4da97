/**
 * The extension's activation, timed inside the real VS Code: what `npm run bench` reports as the
 * startup figure. The test asserts only that the figures exist (speed targets live in the
 * benchmarks, not in tests); it prints them on one line that the bench reads:
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

describe('activation timing', () => {
  it('records how long activation took', async () => {
    const extension = vscode.extensions.getExtension<SeminarPostsApi>(EXTENSION_ID);
    assert.ok(extension?.isActive, `${EXTENSION_ID} is not active`);
    const { timing } = extension.exports;
    const server = await timing.serverStartMs;

    // Load the bundle once more, as VS Code did on activation: read, compile, evaluate.
    const bundle = require.resolve(vscode.Uri.joinPath(extension.extensionUri, 'client', 'out', 'extension.js').fsPath);
    const cached = require.cache[bundle];
    delete require.cache[bundle];
    const t0 = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(bundle);
    const load = performance.now() - t0;
    if (cached) require.cache[bundle] = cached;

    for (const [name, value] of Object.entries({ activate: timing.activateMs, load, server })) {
      assert.ok(Number.isFinite(value) && value >= 0, `${name} time is ${value}`);
    }
    console.log(`[timing] activate=${timing.activateMs.toFixed(2)} load=${load.toFixed(2)} server=${server.toFixed(1)}`);
  });
});
