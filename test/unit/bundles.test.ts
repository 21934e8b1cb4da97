/**
 * What the bundles `npm run build` makes may hold (`npm test` builds before the unit tests): no
 * test hook (tests inject theirs: `test/support/crashOnWrite.cjs` is preloaded into the CLI, the
 * integration suite finds the server's process from the outside), and one copy of each LSP
 * library in the client, which the typed protocol (`server/src/protocol.ts`) must not duplicate.
 * The development build names each module it bundles in a `// node_modules/...` comment.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/paths';

const BUNDLES = ['client/out/extension.js', 'server/out/server.js', 'server/out/cli.js'];
const HOOKS = ['SEMINAR_POSTS_TEST', 'SEMINAR_POSTS_CRASH', 'seminarPosts/processId', 'serverProcessId'];

const read = (relative: string) => fs.readFileSync(path.join(REPO_ROOT, relative), 'utf8');

/** The package folders (`node_modules/a/node_modules/b`) a bundle took files of `name` from. */
function copiesOf(bundle: string, name: string): string[] {
  const roots = new Set<string>();
  for (const match of bundle.matchAll(/^\/\/ ((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+)/gm)) {
    const root = match[1]!.replace(/\/$/, '');
    if (root.endsWith(`node_modules/${name}`)) roots.add(root);
  }
  return [...roots];
}

describe('bundles', () => {
  for (const relative of BUNDLES) {
    it(`${relative} carries no test hook`, () => {
      const text = read(relative);
      for (const hook of HOOKS) assert.ok(!text.includes(hook), `${relative} holds "${hook}"`);
    });
  }

  it('the client holds one copy of each LSP library (the one vscode-languageclient brings)', () => {
    const client = read('client/out/extension.js');
    for (const name of ['vscode-jsonrpc', 'vscode-languageserver-protocol', 'vscode-languageserver-types']) {
      const copies = copiesOf(client, name);
      assert.equal(copies.length, 1, `${name}: ${copies.join(', ') || 'none'}`);
      assert.match(
        copies[0]!,
        /^node_modules\/vscode-languageclient\/node_modules\//,
        `${name} comes from elsewhere: ${copies[0]}`,
      );
    }
  });
});
