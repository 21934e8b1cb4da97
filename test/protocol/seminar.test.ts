/**
 * Every post's problems (`workspace/diagnostic`) and the Seminar view's data
 * (`seminarPosts/seminar`, `seminarPosts/statistics`) from the real server process, on temporary
 * sites. Tests wait on the server's messages (its status, the end of its "Checking seminar posts"
 * progress, its answers), never on the clock.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  WorkspaceDiagnosticRequest,
  type ClientCapabilities,
  type FullDocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import {
  SeminarRequest,
  StatisticsExportRequest,
  StatisticsRequest,
  type SeminarResult,
  type StatisticsExportResult,
  type StatisticsResult,
} from '../../server/src/protocol';
import { LspClient } from './support/lspClient';
import { makeSite, postText, type TempSite } from './support/site';

/** A client that pulls diagnostics, as VS Code does. */
const PULLS: ClientCapabilities = {
  textDocument: { diagnostic: { dynamicRegistration: false } },
  workspace: { diagnostics: { refreshSupport: true } },
};
const CHECKING = 'Checking seminar posts';

const POSTS = {
  q2: {
    file: '_posts/2020-04-02-2nd_quarter.md',
    text: postText('2020-04-02', [
      { title: 'Attention Is All You Need', presenter: '김하늘' },
      { title: 'BERT', presenter: '이승현' },
    ]),
  },
  q3: {
    file: '_posts/2020-07-02-3rd_quarter.md',
    text: postText('2020-07-02', [{ title: 'Big Transfer', presenter: '이승현' }]),
  },
  // A title that names another quarter than its date: title-date-mismatch.
  q4: {
    file: '_posts/2020-10-08-4th_quarter.md',
    text: postText('2020-10-08', [{ title: 'GPT-3', presenter: '박지민' }]).replace(
      '2020_4th_quarter',
      '2020_3rd_quarter',
    ),
  },
};

type Report = WorkspaceDocumentDiagnosticReport;

async function workspaceDiagnostics(client: LspClient, previous: Report[] = []): Promise<Map<string, Report>> {
  const result = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, {
    previousResultIds: previous.filter((r) => r.resultId).map((r) => ({ uri: r.uri, value: r.resultId! })),
  });
  return new Map(result.items.map((item) => [item.uri, item]));
}

const codes = (report: Report | undefined) =>
  report?.kind === 'full' ? report.items.map((d) => String(d.code)) : undefined;

/**
 * Two posts of one quarter on disk, among `others` posts of other quarters: `duplicate-quarter`
 * (which reads the index's quarters) must be in the workspace report of both, whether the posts
 * are checked in the server's thread (few posts) or in the index worker (40 or more).
 */
function quarterSite(others: number): { site: TempSite; pair: string[] } {
  const files: Record<string, string> = {};
  const pair = ['_posts/2020-04-02-2nd_quarter.md', '_posts/2020-05-07-2nd_quarter.md'];
  files[pair[0]!] = postText('2020-04-02', [{ title: 'Attention Is All You Need', presenter: '김하늘' }]);
  files[pair[1]!] = postText('2020-05-07', [{ title: 'Big Transfer', presenter: '이승현' }]);
  for (let i = 0; i < others; i++) {
    // Quarters of 2005-2019, one post each: none shares the pair's quarter.
    const year = 2005 + Math.floor(i / 4);
    const month = String((i % 4) * 3 + 1).padStart(2, '0');
    files[`_posts/${year}-${month}-03-${['1st', '2nd', '3rd', '4th'][i % 4]}_quarter.md`] = postText(
      `${year}-${month}-03`,
      [{ title: `Paper ${i}`, presenter: '박지민' }],
    );
  }
  return { site: makeSite(files), pair };
}

describe("language server: duplicate-quarter in the workspace report (the server's thread and the index worker)", function () {
  let site: TempSite | undefined;
  let client: LspClient | undefined;

  afterEach(async () => {
    await client?.stop();
    site?.remove();
  });

  for (const others of [2, 45]) {
    it(`reports both posts of one quarter among ${others + 2} posts on disk`, async () => {
      const made = quarterSite(others);
      site = made.site;
      client = await LspClient.start({ folders: [site.uri()], capabilities: PULLS });
      await client.waitForStatus((s) => s.state === 'ready');
      await client.waitForProgressEnd(CHECKING);
      const reports = await workspaceDiagnostics(client);
      assert.equal(reports.size, others + 2);
      for (const file of made.pair)
        assert.ok(
          codes(reports.get(site.uri(file)))?.includes('duplicate-quarter'),
          `${file}: ${JSON.stringify(codes(reports.get(site.uri(file))))}`,
        );
      const rest = [...reports.values()].filter((r) => !made.pair.some((f) => site!.uri(f) === r.uri));
      for (const report of rest) assert.ok(!codes(report)?.includes('duplicate-quarter'), report.uri);
    });
  }
});

describe("language server: every post's problems (workspace/diagnostic)", function () {
  let site: TempSite;
  let client: LspClient;

  beforeEach(() => {
    site = makeSite(Object.fromEntries(Object.values(POSTS).map((p) => [p.file, p.text])));
  });

  afterEach(async () => {
    await client?.stop();
    site.remove();
  });

  async function start(settings?: unknown): Promise<void> {
    client = await LspClient.start({ folders: [site.uri()], capabilities: PULLS, settings });
    await client.waitForStatus((s) => s.state === 'ready');
  }

  it('offers workspace diagnostics to a client that pulls', async () => {
    await start();
    const provider = client.initializeResult.capabilities.diagnosticProvider as {
      workspaceDiagnostics?: boolean;
      interFileDependencies?: boolean;
    };
    assert.equal(provider.workspaceDiagnostics, true);
    assert.equal(provider.interFileDependencies, true);
  });

  it('reports all three posts, answers unchanged result ids the second time, and a changed file changes only its report', async () => {
    await start();
    await client.waitForProgressEnd(CHECKING);
    const first = await workspaceDiagnostics(client);
    assert.deepEqual(
      [...first.keys()].sort(),
      Object.values(POSTS)
        .map((p) => site.uri(p.file))
        .sort(),
    );
    for (const report of first.values()) {
      assert.equal(report.kind, 'full');
      assert.ok(report.resultId, `${report.uri} has a result id`);
      assert.equal(report.version, null, 'a post on disk has no version');
    }
    assert.deepEqual(codes(first.get(site.uri(POSTS.q2.file))), []);
    assert.deepEqual(codes(first.get(site.uri(POSTS.q4.file))), ['title-date-mismatch']);

    const second = await workspaceDiagnostics(client, [...first.values()]);
    assert.equal(second.size, 3);
    for (const [uri, report] of second) {
      assert.equal(report.kind, 'unchanged', uri);
      assert.equal(report.resultId, first.get(uri)!.resultId);
    }

    // The 3rd-quarter post gets a problem on disk: only its report changes.
    const rounds = client.progressEnds(CHECKING);
    site.write(POSTS.q3.file, POSTS.q3.text.replace('layout: post', 'layout: post\ncomment: true'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: site.uri(POSTS.q3.file), type: FileChangeType.Changed }],
    });
    await client.waitForProgressEnd(CHECKING, rounds + 1);
    const third = await workspaceDiagnostics(client, [...second.values()]);
    const changed = third.get(site.uri(POSTS.q3.file))!;
    assert.equal(changed.kind, 'full');
    assert.notEqual(changed.resultId, first.get(changed.uri)!.resultId);
    assert.deepEqual(codes(changed), ['unknown-field']);
    for (const post of [POSTS.q2, POSTS.q4]) assert.equal(third.get(site.uri(post.file))!.kind, 'unchanged', post.file);
  });

  it('reports an open post from its editor text, with its version, as the document pull does', async () => {
    await start();
    await client.waitForProgressEnd(CHECKING);
    const uri = site.uri(POSTS.q2.file);
    const edited = POSTS.q2.text.replace('mathjax: true', 'mathjax: yes please');
    await client.open(uri, edited, 7);
    const pulled = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri },
    })) as FullDocumentDiagnosticReport;
    const report = (await workspaceDiagnostics(client)).get(uri)!;
    assert.equal(report.kind, 'full');
    assert.equal(report.version, 7);
    assert.deepEqual(report.kind === 'full' && report.items, pulled.items, 'the same diagnostics as the document pull');
    assert.deepEqual(codes(report), ['field-type']);

    // Closed without saving: back to the file on disk, which has no problem.
    const rounds = client.progressEnds(CHECKING);
    await client.close(uri);
    await client.waitForProgressEnd(CHECKING, rounds + 1);
    const closed = (await workspaceDiagnostics(client, [report])).get(uri)!;
    assert.deepEqual(codes(closed), []);
    assert.equal(closed.version, null);
    const lastPull = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri },
    })) as FullDocumentDiagnosticReport;
    assert.deepEqual(lastPull.items, [], "a pull after the close answers the disk's report, not an empty guess");
  });

  it('clears a deleted post once, then leaves it out', async () => {
    await start();
    await client.waitForProgressEnd(CHECKING);
    const first = await workspaceDiagnostics(client);
    fs.rmSync(path.join(site.dir, POSTS.q4.file));
    const rounds = client.progressEnds('Indexing seminar posts');
    const revision = client.seminarChanges.at(-1)?.revision ?? 0;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: site.uri(POSTS.q4.file), type: FileChangeType.Deleted }],
    });
    // The index follows the deletion (a seminarChanged notification with a new revision says so).
    await client.waitForSeminarChange((change) => change.revision > revision);
    const uri = site.uri(POSTS.q4.file);
    const second = await workspaceDiagnostics(client, [...first.values()]);
    assert.equal(rounds, client.progressEnds('Indexing seminar posts'), 'no rescan for a deleted post');
    assert.deepEqual(second.get(uri), { kind: 'full', uri, version: null, resultId: 'cleared', items: [] });
    const third = await workspaceDiagnostics(client, [...second.values()]);
    assert.equal(third.has(uri), false, 'cleared once');
    assert.equal(third.size, 2);
  });

  it('with scope "open", reports open posts only and clears the others', async () => {
    await start({ problems: { scope: 'open' } });
    const uri = site.uri(POSTS.q4.file);
    await client.open(uri, POSTS.q4.text);
    const report = await workspaceDiagnostics(client, [
      { kind: 'full', uri: site.uri(POSTS.q2.file), resultId: 'old', version: null, items: [] },
    ]);
    assert.deepEqual([...report.keys()].sort(), [site.uri(POSTS.q2.file), uri].sort());
    assert.deepEqual(codes(report.get(uri)), ['title-date-mismatch']);
    assert.deepEqual(codes(report.get(site.uri(POSTS.q2.file))), [], 'a post reported before is cleared');
    assert.equal(client.progressEnds(CHECKING), 0, 'nothing on disk is checked');
  });

  it('reports the newest maxPosts posts only', async () => {
    await start({ problems: { maxPosts: 2 } });
    await client.waitForProgressEnd(CHECKING);
    const report = await workspaceDiagnostics(client);
    assert.deepEqual([...report.keys()].sort(), [site.uri(POSTS.q3.file), site.uri(POSTS.q4.file)].sort());
    const seminar = await client.connection.sendRequest<SeminarResult>(SeminarRequest.method, {});
    assert.deepEqual(
      { ...seminar.problems, checking: undefined },
      { scope: 'workspace', maxPosts: 2, checking: undefined },
    );
  });

  it('names a bad problems setting once and keeps the default', async () => {
    await start({ problems: { scope: 'everything', maxPosts: -3 } });
    await client.waitForProgressEnd(CHECKING);
    assert.equal((await workspaceDiagnostics(client)).size, 3);
    const status = await client.waitForStatus((s) => s.message !== undefined);
    assert.match(status.message!, /seminarPosts\.problems\.scope/);
  });
});

describe("language server: the Seminar view's data", function () {
  let site: TempSite;
  let client: LspClient;

  before(async () => {
    site = makeSite(Object.fromEntries(Object.values(POSTS).map((p) => [p.file, p.text])));
    client = await LspClient.start({ folders: [site.uri()] });
    await client.waitForStatus((s) => s.state === 'ready');
  });

  after(async () => {
    await client.stop();
    site.remove();
  });

  it('hands out every post once, then only what changed since the revision the client has', async () => {
    const all = await client.connection.sendRequest<SeminarResult>(SeminarRequest.method, {});
    assert.equal(all.reset, true);
    assert.equal(all.state, 'ready');
    assert.equal(all.posts.length, 3);
    const q2 = all.posts.find((p) => p.fileName === '2020-04-02-2nd_quarter.md')!;
    assert.deepEqual(q2.quarter, { year: 2020, quarter: 2 });
    assert.deepEqual(
      q2.talks.map((t) => [t.title, t.presenter, t.venue, t.line]),
      [
        ['Attention Is All You Need', '김하늘', 'NeurIPS 2020', 9],
        ['BERT', '이승현', 'NeurIPS 2020', 18],
      ],
    );
    assert.equal(q2.talks[0]!.paperUrl, 'https://arxiv.org/abs/2001.00000');

    const none = await client.connection.sendRequest<SeminarResult>(SeminarRequest.method, { since: all.revision });
    assert.deepEqual(
      { reset: none.reset, posts: none.posts, removed: none.removed },
      { reset: false, posts: [], removed: [] },
    );

    // An edit in the editor that changes a talk: that post alone, and a notification first.
    const uri = site.uri(POSTS.q3.file);
    await client.open(uri, POSTS.q3.text.replace('# Big Transfer', '# Big Transfer (BiT)'));
    await client.waitForSeminarChange((change) => change.revision > all.revision);
    const changed = await client.connection.sendRequest<SeminarResult>(SeminarRequest.method, { since: all.revision });
    assert.equal(changed.reset, false);
    assert.deepEqual(
      changed.posts.map((p) => [p.fileName, p.talks[0]!.title]),
      [['2020-07-02-3rd_quarter.md', 'Big Transfer (BiT)']],
    );
    assert.ok(
      client.seminarChanges.some((c) => c.revision === changed.revision),
      'the notification named the new revision',
    );

    fs.rmSync(path.join(site.dir, POSTS.q4.file));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: site.uri(POSTS.q4.file), type: FileChangeType.Deleted }],
    });
    await client.waitForSeminarChange((change) => change.revision > changed.revision);
    const removed = await client.connection.sendRequest<SeminarResult>(SeminarRequest.method, {
      since: changed.revision,
    });
    assert.deepEqual(removed.removed, [site.uri(POSTS.q4.file)]);
    assert.deepEqual(removed.posts, []);
    await client.close(uri);
  });

  it('answers the statistics with charts and tables', async () => {
    const result = await client.connection.sendRequest<StatisticsResult>(StatisticsRequest.method, {});
    assert.ok(result.totals.talks >= 3);
    assert.deepEqual(
      result.charts.map((c) => c.id),
      ['quarters', 'presenters', 'venues', 'repeated'],
    );
    assert.match(result.charts[0]!.svg!, /^<svg /);
    assert.equal(result.charts[0]!.table.columns[0], 'Quarter');
    // The page's content only: no statistics object, no standalone SVG (the export asks for it).
    assert.deepEqual(Object.keys(result).sort(), ['charts', 'state', 'totals']);
    assert.ok(result.charts.every((c) => !('standaloneSvg' in c)));
  });

  it('makes an export when asked: a standalone SVG, the full table as CSV, an error for a chart it does not know', async () => {
    const svg = await client.connection.sendRequest<StatisticsExportResult>(StatisticsExportRequest.method, {
      chart: 'quarters',
      format: 'svg',
    });
    assert.equal(svg.title, 'Talks per quarter');
    assert.match(svg.content!, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const csv = await client.connection.sendRequest<StatisticsExportResult>(StatisticsExportRequest.method, {
      chart: 'presenters',
      format: 'csv',
    });
    const lines = csv.content!.split('\r\n');
    assert.match(lines[0]!, /^Presenter,Total,\d{4}/);
    assert.ok(lines.length > 2, csv.content);
    const none = await client.connection.sendRequest<StatisticsExportResult>(StatisticsExportRequest.method, {
      chart: 'repeated',
      format: 'svg',
    });
    assert.equal(none.title, 'Papers presented more than once');
    await assert.rejects(
      client.connection.sendRequest(StatisticsExportRequest.method, { chart: 'nope', format: 'csv' }),
      /statisticsExport/,
    );
  });
});
