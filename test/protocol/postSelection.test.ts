/**
 * Which files are posts, decided by the real server process alone: the `posts` globs of the
 * settings and of `.seminar-posts.json`, merged as the checks merge them. The editor hands it
 * every Markdown file and learns the answer from `seminarPosts/postSelection`; a file the
 * configuration file alone makes a post is checked like any other.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { LspClient } from './support/lspClient';
import { makeSite, postText, type TempSite } from './support/site';

const GOOD = postText('2020-04-02', [{ title: 'Attention Is All You Need', presenter: '김하늘' }]);
/** Another post, with a misspelled title: `title-format` says so. */
const BROKEN = postText('2020-04-02', [{ title: 'Deep Residual Learning', presenter: '이승현' }]).replace(
  '"2020_2nd_quarter"',
  '"2020_2nd_quater"',
);
const NOTE = 'notes/2020-04-02-2nd_quarter.md';

describe('language server: which files are posts', function () {
  let client: LspClient | undefined;
  let site: TempSite;

  beforeEach(() => {
    site = makeSite({ '_posts/2020-04-02-2nd_quarter.md': GOOD, [NOTE]: BROKEN, 'README.md': '# A site\n' });
  });

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    site.remove();
  });

  it('says which open documents are posts: one under _posts/ is, the README is not', async () => {
    client = await LspClient.start({ folders: [site.uri()] });
    await client.open(site.uri('_posts/2020-04-02-2nd_quarter.md'), GOOD);
    await client.open(site.uri('README.md'), '# A site\n');
    await client.waitForSelection(site.uri('_posts/2020-04-02-2nd_quarter.md'), true);
    await client.waitForSelection(site.uri('README.md'), false);
    assert.equal(
      client.diagnostics.has(site.uri('README.md')),
      false,
      'nothing is said about a file that is not a post',
    );
  });

  it('checks a post that only .seminar-posts.json makes one, and follows the file as it changes', async () => {
    const note = site.uri(NOTE);
    client = await LspClient.start({ folders: [site.uri()] });
    await client.waitForStatus((s) => s.state === 'ready');
    await client.open(note, BROKEN);
    await client.waitForSelection(note, false);

    // The repository's configuration file names the notes folder.
    site.write('.seminar-posts.json', JSON.stringify({ posts: ['**/_posts/**/*.md', 'notes/*.md'] }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: site.uri('.seminar-posts.json'), type: FileChangeType.Created }],
    });
    await client.waitForSelection(note, true);
    const diagnostics = await client.waitForDiagnostics(note, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['title-format'],
    );
    // The workspace index reads it too: the scan after the change counts both posts.
    await client.waitForStatus((s) => s.state === 'ready' && s.posts === 2);

    fs.rmSync(`${site.dir}/.seminar-posts.json`);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: site.uri('.seminar-posts.json'), type: FileChangeType.Deleted }],
    });
    await client.waitForSelection(note, false);
    await client.waitForDiagnostics(note, (p) => p.diagnostics.length === 0);
  });

  it('lets the settings choose the posts, under the configuration file', async () => {
    const note = site.uri(NOTE);
    client = await LspClient.start({ folders: [site.uri()], settings: { posts: ['notes/*.md'] } });
    await client.open(note, BROKEN);
    await client.open(site.uri('_posts/2020-04-02-2nd_quarter.md'), GOOD);
    await client.waitForSelection(note, true);
    await client.waitForSelection(site.uri('_posts/2020-04-02-2nd_quarter.md'), false);

    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForSelection(note, false);
    await client.waitForSelection(site.uri('_posts/2020-04-02-2nd_quarter.md'), true);
  });
});
