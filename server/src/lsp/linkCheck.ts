/**
 * Check Links in the server (`seminarPosts/checkLinks`): the addresses of one post or of every
 * post checked over the network, with progress (`$/progress`) and cancellation; the results kept
 * per post (by address) until the check runs again, and read by `link-dead` when the validator
 * lints an open post, so that they arrive in the post's one list of diagnostics. A post that is
 * not open gets its `link-dead` diagnostics pushed (from its file); they are taken back when it
 * opens (a client that pulls then has them in its pulled list) and pushed again when it closes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { formatMessage, type Locale } from '../core/engine/messages';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { checkLinks } from '../core/links/linkChecker';
import { isLinkResult, judgeLink, lookupOf, type LinkResult, type LinkResultLookup } from '../core/links/linkResult';
import { addressKey, linkTargets, uniqueAddresses } from '../core/links/linkTargets';
import type { Post } from '../core/model';
import type { HttpClient } from '../core/net/httpClient';
import { ResultCache } from '../core/net/resultCache';
import type { PostService } from '../core/service/postService';
import { createHttpClient, LINK_CHECK_LIMITS } from '../node/httpClients';
import { JsonFileCacheStore } from '../node/jsonFileCacheStore';
import { uriToCorePath } from '../node/nodeHost';
import type { CheckLinksParams, CheckLinksResult } from '../protocol';
import type { Analyzer, PostClassification } from './analysis';

const TEXT = {
  notPost: {
    en: 'Check Links works on posts; {uri} is not one.',
    ko: '링크 검사는 포스트에서만 할 수 있습니다. {uri}은(는) 포스트가 아닙니다.',
  },
  begin: { en: 'Checking links', ko: '링크 검사 중' },
  progress: { en: '{done} of {total} links', ko: '링크 {total}개 중 {done}개' },
};

export class LinkCheckService {
  /** Results per post URI, by address (without fragment). */
  private readonly results = new Map<string, Map<string, LinkResult>>();
  /** Closed posts whose `link-dead` diagnostics were pushed by this service. */
  private readonly pushed = new Set<string>();
  private cache: ResultCache<LinkResult> | undefined;
  /** One client for every check, so that checks running at once (saves of several posts) share its limits. */
  private client: HttpClient | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    /** The post service, whose lint reads `lookupFor` (the session hands it over). */
    private readonly service: PostService,
    private readonly analyzer: Analyzer,
    private readonly index: WorkspaceIndex,
    private readonly locale: () => Locale,
    /** The folder the client gave for the cache (VS Code's global storage), if any. */
    private readonly storagePath: () => string | undefined,
    /** Re-lints the open posts (their diagnostics then include the new results). */
    private readonly revalidate: () => void,
  ) {}

  /** What the last check found of the post `uri`, for `link-dead`; undefined when it was never checked. */
  lookupFor(uri: string): LinkResultLookup | undefined {
    const found = this.results.get(uri);
    return found && lookupOf(found);
  }

  /** Runs a check (the request's handler). */
  async check(params: CheckLinksParams, token: CancellationToken): Promise<CheckLinksResult> {
    const empty: CheckLinksResult = {
      posts: 0,
      links: 0,
      requested: 0,
      fromCache: 0,
      problems: { dead: 0, signIn: 0, unchecked: 0, moved: 0 },
      cancelled: false,
    };
    const uris =
      params.scope === 'post'
        ? [params.textDocument?.uri ?? '']
        : [...new Set([...this.index.uris(), ...this.documents.all().map((d) => d.uri)])];
    const posts: { uri: string; post: Post; setup: PostClassification }[] = [];
    for (const uri of uris) {
      const setup = uri ? await this.analyzer.classify(uri) : undefined;
      const post = setup && this.read(uri, setup.path);
      if (setup && post) posts.push({ uri, post, setup });
      else if (params.scope === 'post')
        return { ...empty, refused: formatMessage(TEXT.notPost, this.locale(), { uri }) };
    }

    const targets = new Map(posts.map(({ uri, post, setup }) => [uri, linkTargets(post, setup.setup.config)]));
    const addresses = [...new Set([...targets.values()].flatMap((t) => uniqueAddresses(t)))];
    // The client made the progress (its notification, with its Cancel button that cancels this request).
    const reporter =
      params.workDoneToken !== undefined
        ? this.connection.window.attachWorkDoneProgress(params.workDoneToken)
        : undefined;
    reporter?.begin(formatMessage(TEXT.begin, this.locale()), 0, undefined, true);
    const controller = new AbortController();
    const stop = token.onCancellationRequested(() => controller.abort());
    let run;
    try {
      run = await checkLinks(addresses, (this.client ??= createHttpClient(LINK_CHECK_LIMITS)), {
        cache: this.cacheOf(),
        signal: controller.signal,
        onProgress: (done, total) =>
          reporter?.report(
            Math.round((done / total) * 100),
            formatMessage(TEXT.progress, this.locale(), { done, total }),
          ),
      });
    } finally {
      stop.dispose();
      reporter?.done();
    }

    const result: CheckLinksResult = {
      ...empty,
      posts: posts.length,
      links: addresses.length,
      requested: run.requested,
      fromCache: run.fromCache,
      cancelled: run.cancelled,
    };
    for (const { uri, setup } of posts) {
      const kept = new Map<string, LinkResult>();
      for (const target of targets.get(uri) ?? []) {
        const found = run.results.get(addressKey(target.url));
        if (!found) continue;
        kept.set(addressKey(target.url), found);
        const verdict = judgeLink(found, target.url, setup.setup.config.links.signInHosts).kind;
        if (verdict !== 'ok') result.problems[verdict]++;
      }
      this.results.set(uri, kept);
    }
    // A workspace check replaces every post's results; results of posts it did not see go.
    if (params.scope === 'workspace')
      for (const uri of [...this.results.keys()]) if (!targets.has(uri)) this.forget(uri);
    this.revalidate();
    for (const { uri } of posts) if (!this.documents.get(uri)) await this.publishClosed(uri);
    return result;
  }

  /** A post opened: its pushed diagnostics go (the validator's, with the same results, replace them). */
  documentOpened(uri: string): void {
    if (this.pushed.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** A post closed: its file's `link-dead` diagnostics are pushed, when it was checked. */
  async documentClosed(uri: string): Promise<void> {
    if (this.results.has(uri)) await this.publishClosed(uri);
  }

  /** Files changed on disk: closed checked posts are shown again as they now read (a deleted one loses its results). */
  async filesChanged(uris: readonly string[]): Promise<void> {
    for (const uri of uris) {
      if (!this.results.has(uri) || this.documents.get(uri)) continue;
      await this.publishClosed(uri);
    }
  }

  private forget(uri: string): void {
    this.results.delete(uri);
    if (this.pushed.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async publishClosed(uri: string): Promise<void> {
    const setup = await this.analyzer.classify(uri);
    const post = setup && this.read(uri, setup.path);
    if (!setup || !post) {
      this.forget(uri);
      return;
    }
    // The post service lints it as the validator would (this check's results included); only `link-dead` is pushed.
    const diagnostics: Diagnostic[] = this.service
      .lint({ post, setup: setup.setup })
      .filter((d) => d.code === 'link-dead');
    if (diagnostics.length) this.pushed.add(uri);
    else if (!this.pushed.delete(uri)) return;
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** The post's text: the open document's, or the file's. */
  private read(uri: string, corePath: string): Post | undefined {
    const open = this.documents.get(uri);
    if (open) return this.service.parseOnce(open.getText(), uri, open.version);
    const file = uriToCorePath(uri) ?? corePath;
    try {
      const text = fs.readFileSync(path.sep === '/' ? file : file.split('/').join(path.sep), 'utf8');
      return this.service.parseOnce(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, uri);
    } catch {
      return undefined;
    }
  }

  private cacheOf(): ResultCache<LinkResult> {
    if (!this.cache) {
      const folder = this.storagePath();
      const store = folder
        ? new JsonFileCacheStore(path.join(folder, 'cache'), (message) => this.connection.console.warn(message))
        : undefined;
      this.cache = new ResultCache<LinkResult>('links', store, { maxEntries: 50_000, isValue: isLinkResult });
    }
    return this.cache;
  }
}
