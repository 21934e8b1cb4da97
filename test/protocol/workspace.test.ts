/**
 * The workspace index from the real server process, on a temporary site of 50 posts: workspace
 * symbols, presenter names, and file changes followed through `didChangeWatchedFiles`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import { PresentersRequest } from '../../server/src/protocol';
import { LspClient } from './support/lspClient';
import { makeSite, postText, type TempSite } from './support/site';

const PRESENTERS = ['김하늘', '이승현', '박지민', '최유리', '정민수'];
const POSTS = 50;

/** Post `i` of the site: a quarter from 2008 on, three papers each. */
function sitePost(i: number): { file: string; text: string; papers: { title: string; presenter: string }[] } {
  const year = 2008 + Math.floor(i / 4);
  const month = [1, 4, 7, 10][i % 4]!;
  const date = `${year}-${String(month).padStart(2, '0')}-02`;
  const papers = [0, 1, 2].map((j) => ({
    title: `Learning Things, Study S${i * 3 + j}Q`,
    presenter: PRESENTERS[(i + j) % PRESENTERS.length]!,
  }));
  return {
    file: `_posts/${date}-${['1st', '2nd', '3rd', '4th'][i % 4]}_quarter.md`,
    text: postText(date, papers),
    papers,
  };
}

describe('language server: workspace index', function () {
  let client: LspClient;
  let site: TempSite;

  before(() => {
    site = makeSite(
      Object.fromEntries(Array.from({ length: POSTS }, (_, i) => sitePost(i)).map((p) => [p.file, p.text])),
    );
    site.write('README.md', '# Learning Things, Study S22Q (not a post)\n');
  });

  after(() => site.remove());

  beforeEach(async () => {
    client = await LspClient.start({ folders: [site.uri()] });
    const ready = await client.waitForStatus((s) => s.state === 'ready');
    assert.equal(ready.posts, POSTS);
  });

  afterEach(async () => {
    await client.stop();
  });

  it('finds a paper of another post by its title or its presenter', async () => {
    const open = sitePost(0);
    await client.open(site.uri(open.file), open.text);
    await client.diagnosticsAt(site.uri(open.file), 1);
    const byTitle = await client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 's22q' });
    assert.equal(byTitle.length, 1, JSON.stringify(byTitle));
    assert.equal(byTitle[0]!.name, 'Learning Things, Study S22Q');
    assert.equal(byTitle[0]!.location.uri, site.uri(sitePost(7).file));
    const line = sitePost(7).text.split('\n').indexOf('# Learning Things, Study S22Q');
    assert.equal(byTitle[0]!.location.range.start.line, line);
    assert.equal(byTitle[0]!.containerName, `${sitePost(7).papers[1]!.presenter} · 2009_4th_quarter`);

    const byPresenter = await client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', {
      query: '최유리',
    });
    assert.equal(byPresenter.length, (POSTS * 3) / PRESENTERS.length);
    const all = await client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: '' });
    assert.equal(all.length, POSTS * 3);
  });

  it('lists the presenters of every post (seminarPosts/presenters)', async () => {
    const { names, labels } = await client.connection.sendRequest<{ names: string[]; labels?: unknown }>(
      PresentersRequest.method,
      {},
    );
    assert.deepEqual([...names].sort(), [...PRESENTERS].sort());
    assert.equal(labels, undefined, 'no post named, no labels');
  });

  it('follows posts created, changed and deleted on disk', async () => {
    const extra = '_posts/2030-01-02-1st_quarter.md';
    const find = async (query: string) =>
      (await client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query })).map((s) => s.name);
    const changed = async (type: 1 | 2 | 3) => {
      const before = client.statuses.length;
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: site.uri(extra), type }],
      });
      await client.waitForStatus((s) => client.statuses.indexOf(s) >= before && s.state === 'ready');
    };
    try {
      site.write(extra, postText('2030-01-02', [{ title: 'Quantum Seminar Paper', presenter: '한별' }]));
      await changed(1);
      assert.deepEqual(await find('quantum seminar'), ['Quantum Seminar Paper']);
      site.write(extra, postText('2030-01-02', [{ title: 'Renamed Seminar Paper', presenter: '한별' }]));
      await changed(2);
      assert.deepEqual(await find('quantum seminar'), []);
      assert.deepEqual(await find('renamed seminar'), ['Renamed Seminar Paper']);
    } finally {
      fs.rmSync(path.join(site.dir, extra), { force: true });
    }
    await changed(3);
    assert.deepEqual(await find('seminar paper'), []);
  });

  it('keeps every unchanged post when a configuration change rescans the workspace', async () => {
    const config = '.seminar-posts.json';
    const all = async () =>
      (await client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: '' })).length;
    const rescanned = async (type: 1 | 3) => {
      const before = client.statuses.length;
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: site.uri(config), type }],
      });
      // The rescan says `indexing`, then `ready`.
      await client.waitForStatus((s) => client.statuses.indexOf(s) >= before && s.state === 'indexing');
      return client.waitForStatus((s) => client.statuses.indexOf(s) >= before && s.state === 'ready');
    };
    try {
      site.write(config, JSON.stringify({ rules: { 'venue-missing': 'off' } }));
      assert.equal((await rescanned(1)).posts, POSTS);
      assert.equal(await all(), POSTS * 3);
    } finally {
      fs.rmSync(path.join(site.dir, config), { force: true });
    }
    assert.equal((await rescanned(3)).posts, POSTS);
    assert.equal(await all(), POSTS * 3);
  });

  it("indexes an open post from the editor's text, and from disk again once it closes", async () => {
    const post = sitePost(3);
    const uri = site.uri(post.file);
    await client.open(uri, post.text.replace('Learning Things, Study S9Q', 'Unsaved Title'));
    await client.diagnosticsAt(uri, 1);
    const find = async (query: string) =>
      (await client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query })).map((s) => s.name);
    assert.deepEqual(await find('unsaved title'), ['Unsaved Title']);
    const before = client.statuses.length;
    await client.close(uri);
    await client.waitForStatus((status) => client.statuses.indexOf(status) >= before);
    assert.deepEqual(await find('unsaved title'), []);
    assert.deepEqual(await find('study s9q'), ['Learning Things, Study S9Q']);
  });

  it("tells the labels a post's configuration uses, .seminar-posts.json over the settings (seminarPosts/presenters)", async () => {
    const folder = '_posts/talks';
    const post = sitePost(3);
    const file = `${folder}/${path.posix.basename(post.file)}`;
    site.write(
      `${folder}/.seminar-posts.json`,
      JSON.stringify({ presenterLabels: ['Presenter', '발표자'], linkLabels: { slides: ['slides'] } }),
    );
    site.write(file, post.text);
    try {
      await client.open(site.uri(file), post.text);
      const answer = await client.connection.sendRequest<{ labels?: unknown }>(PresentersRequest.method, {
        textDocument: { uri: site.uri(file) },
      });
      assert.deepEqual(answer.labels, {
        presenter: ['Presenter', '발표자'],
        paper: ['paper link'],
        slides: ['slides'],
      });
      const elsewhere = await client.connection.sendRequest<{ labels?: unknown }>(PresentersRequest.method, {
        textDocument: { uri: site.uri(post.file) },
      });
      assert.equal(elsewhere.labels, undefined, 'a post that is not open has no answer');
    } finally {
      fs.rmSync(path.join(site.dir, folder), { recursive: true, force: true });
    }
  });
});
