/**
 * Every post's problems, not only the open ones': the server answers `workspace/diagnostic` (LSP
 * pull diagnostics, with result ids) from reports it keeps per post.
 *
 * - **Which posts.** `seminarPosts.problems.scope`: `open` reports open posts only; `workspace`
 *   (the default) also the posts on disk, the `seminarPosts.problems.maxPosts` newest (500 by
 *   default; older posts show their problems when opened).
 * - **Open posts** are reported from the validator's result for their version, the one
 *   `textDocument/diagnostic` answers, with that version: the two never disagree. VS Code's client
 *   keeps the document pull's result for a document it pulls and ignores the workspace one.
 * - **Posts on disk** are checked once after indexing, in the index worker for many posts (their
 *   parsing garbage goes with it), then again only when they change: their file (the watcher, or
 *   the editor closing them), the papers of another post sharing one of their titles
 *   (`duplicate-paper`), or the settings and configuration (everything, keeping the old reports
 *   until the new ones are in). A recheck with the same diagnostics keeps the result id.
 * - **`link-dead`** of a post that is not open is Check Links' push alone (never in its report).
 * - **Unchanged posts cost nothing**: a post whose result id the client sends back is answered
 *   `unchanged`; a post the server no longer reports (deleted, out of scope) is answered once with
 *   an empty report, so the client drops what it showed.
 */
import { randomBytes } from 'node:crypto';
import type { Connection, TextDocuments, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  DEFAULT_PROBLEMS_SETTINGS,
  readProblemsSettings,
  type ProblemsSettings,
} from '../core/config/problemsSettings';
import { formatMessage, type Locale } from '../core/engine/messages';
import { compareNewestFirst, quarterOfPost, type SeminarPost } from '../core/index/seminar';
import type { PostSummary, WorkspaceIndex } from '../core/index/workspaceIndex';
import type { PostService } from '../core/service/postService';
import type { ProblemsReach } from '../protocol';
import type { Analyzer } from './analysis';
import { errorText } from './errorText';
import {
  checkPostFile,
  IndexWorker,
  type LintAnswer,
  type LintContext,
  type LintRequest,
  type PaperSnapshot,
} from './indexWorker';
import type { StatusReporter } from './status';
import type { Checked, Validator } from './validation';

/** From this many posts to check on, they are checked in a worker thread. */
const WORKER_THRESHOLD = 40;
/** Posts checked at a time, between which requests are answered. */
const BATCH = 16;
/** The result id of the empty report that clears a post the server no longer reports. */
const CLEARED = 'cleared';

const TEXT = {
  title: { en: 'Checking seminar posts', ko: '세미나 글 검사 중' },
  progress: { en: '{done} of {total} posts', ko: '글 {total}개 중 {done}개' },
};

/** A post's report: its diagnostics and the id the client sends back. */
interface Report {
  resultId: string;
  diagnostics: Diagnostic[];
  /** The diagnostics as JSON, to tell a recheck with the same result. */
  json: string;
}

/** What the checker needs of the rest of the server. */
export interface WorkspaceCheckHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analyzer: Analyzer;
  validator: Validator;
  index: WorkspaceIndex;
  /** The server's post service: posts checked in its thread are linted by it, as open ones are. */
  service: PostService;
  status: StatusReporter;
  locale: () => Locale;
  /** True once the workspace index is built (checks compare titles with every post). */
  ready: () => boolean;
  /** The workspace folder of a file (whose settings apply to it). */
  folderOf: (uri: string) => string | undefined;
  /** True when the client answers `workspace/configuration`. */
  canAskSettings: () => boolean;
  /** The scope or the progress changed (the Seminar view shows them). */
  onDidChangeReach: () => void;
}

export class WorkspaceCheck {
  private readonly reports = new Map<string, Report>();
  /** Posts whose report may be out of date. */
  private readonly stale = new Set<string>();
  private readonly openIds = new WeakMap<Checked, string>();
  private readonly session = randomBytes(4).toString('hex');
  private counter = 0;
  private settings: Promise<ProblemsSettings> | undefined;
  private pushed: unknown;
  private running = false;
  private again = false;
  private scopeCache: { revision: number; settings: ProblemsSettings; uris: Set<string> } | undefined;
  /** While posts are checked: how many of how many. */
  private progress: { done: number; total: number } | undefined;

  constructor(private readonly host: WorkspaceCheckHost) {}

  /** Answers `workspace/diagnostic`, and `textDocument/diagnostic` for a post that is not open (see {@link reportOf}). */
  register(): void {
    this.host.connection.languages.diagnostics.onWorkspace(async (params) => ({
      items: await this.workspaceReport(params.previousResultIds ?? []),
    }));
  }

  /** The scope and progress, for the Seminar view. */
  async reach(): Promise<ProblemsReach> {
    const settings = await this.problemsSettings();
    return { scope: settings.scope, maxPosts: settings.maxPosts, checking: this.progress };
  }

  /** The report of a post that is not open, when the workspace report covers it (a document pull after its editor closed). */
  reportOf(uri: string): { resultId: string; diagnostics: Diagnostic[] } | undefined {
    const report = this.reports.get(uri);
    return report && this.scopeCache?.uris.has(uri) ? report : undefined;
  }

  /**
   * A post of the index changed (or went, `next` undefined): its report, and those of the posts
   * that share one of its titles before or after, may be out of date.
   */
  postChanged(uri: string, previous: PostSummary | undefined, next: PostSummary | undefined): void {
    if (!next) this.reports.delete(uri);
    else if (!this.host.documents.get(uri)) this.markStale(uri);
    const keys = new Set<string>();
    const papers = (summary: PostSummary | undefined) =>
      (summary?.papers ?? []).map((p) => `${p.key}\u0000${p.presenter ?? ''}\u0000${p.line}`).join('\u0001');
    // Other posts name this one in `duplicate-paper` only when its titles, presenters or their lines changed.
    if (papers(previous) !== papers(next)) {
      for (const paper of [...(previous?.papers ?? []), ...(next?.papers ?? [])]) keys.add(paper.key);
      for (const other of this.host.index.urisWithKeys(keys, uri)) this.markStale(other);
    }
    // Other posts of its quarter name this one in `duplicate-quarter`: those of the quarter it left and of the one it joined.
    if (previous?.quarter !== next?.quarter) {
      for (const quarter of [previous?.quarter, next?.quarter]) {
        if (quarter !== undefined)
          for (const other of this.host.index.postsInQuarter(quarter, uri)) this.markStale(other.uri);
      }
    }
    this.schedule();
  }

  /** A post's editor closed: its file may differ from what was checked before it opened. */
  documentClosed(uri: string): void {
    this.markStale(uri);
    this.schedule();
  }

  /** Settings or a configuration file changed: every post is checked again (its old report shown meanwhile). */
  invalidateAll(pushedSettings?: unknown): void {
    if (pushedSettings !== undefined) this.pushed = pushedSettings;
    this.settings = undefined;
    this.scopeCache = undefined;
    for (const uri of this.reports.keys()) this.markStale(uri);
    this.schedule();
    this.host.onDidChangeReach();
  }

  /** Checks what is out of date, soon (after indexing). */
  schedule(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    setImmediate(
      () =>
        void this.run().catch((error: unknown) =>
          this.host.connection.console.error(`checking the workspace failed: ${errorText(error)}`),
        ),
    );
  }

  private markStale(uri: string): void {
    this.stale.add(uri);
    if (this.running) this.again = true;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      do {
        this.again = false;
        await this.checkPending();
      } while (this.again && this.host.ready());
    } finally {
      this.running = false;
    }
  }

  private async checkPending(): Promise<void> {
    if (!this.host.ready()) return;
    const scope = await this.scope();
    for (const uri of [...this.reports.keys()]) if (!scope.has(uri)) this.reports.delete(uri);
    const todo = [...scope].filter(
      (uri) => !this.host.documents.get(uri) && (this.stale.has(uri) || !this.reports.has(uri)),
    );
    if (todo.length === 0) return;
    const { connection, locale } = this.host;
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin(formatMessage(TEXT.title, locale()), 0, undefined, false);
    this.progress = { done: 0, total: todo.length };
    this.host.onDidChangeReach();
    let worker = todo.length >= WORKER_THRESHOLD ? new IndexWorker() : undefined;
    let papersAt = -1;
    const context: LintContext = { locale: locale(), now: Date.now() };
    try {
      for (let i = 0; i < todo.length; i += BATCH) {
        const batch = todo
          .slice(i, i + BATCH)
          .filter((uri) => !this.host.documents.get(uri) && this.host.index.has(uri));
        const requests = (await Promise.all(batch.map((uri) => this.requestFor(uri)))).filter(
          (r): r is LintRequest => r !== undefined,
        );
        // Taken off before the check: a change meanwhile marks the post again.
        for (const uri of batch) this.stale.delete(uri);
        let answers: LintAnswer[] | undefined;
        if (worker) {
          try {
            if (papersAt !== this.host.index.revision) {
              papersAt = this.host.index.revision;
              await worker.setPapers(this.papers());
            }
            answers = await worker.lint(requests, context);
          } catch (error) {
            connection.console.error(`the check worker failed, checking in the server instead: ${errorText(error)}`);
            void worker.dispose();
            worker = undefined;
          }
        }
        answers ??= await this.checkHere(requests);
        for (const answer of answers) this.store(answer);
        this.progress = { done: Math.min(todo.length, i + BATCH), total: todo.length };
        progress?.report(
          Math.round((this.progress.done * 100) / todo.length),
          formatMessage(TEXT.progress, locale(), { done: this.progress.done, total: todo.length }),
        );
        this.host.onDidChangeReach();
        if (!this.host.ready()) break;
      }
    } finally {
      await worker?.dispose();
      progress?.done();
      this.progress = undefined;
      this.host.onDidChangeReach();
    }
  }

  /** Checks posts in the server's thread (with the server's post service), yielding between them. */
  private async checkHere(requests: LintRequest[]): Promise<LintAnswer[]> {
    const answers: LintAnswer[] = [];
    for (const request of requests) {
      answers.push({ uri: request.uri, diagnostics: checkPostFile(request, this.host.service) });
      await new Promise((resolve) => setImmediate(resolve));
    }
    return answers;
  }

  /**
   * Keeps a checked post's report (a new result id only when its diagnostics changed). Without
   * `link-dead`: Check Links pushes a closed post's (`LinkCheckService`), so the report would show
   * each a second time; and posts checked in the index worker, which has no link results, never
   * had it.
   */
  private store({ uri, diagnostics: found }: LintAnswer): void {
    if (!found || this.host.documents.get(uri) || !this.host.index.has(uri)) return;
    const diagnostics = found.filter((d) => d.code !== 'link-dead');
    const json = JSON.stringify(diagnostics);
    if (this.reports.get(uri)?.json === json) return;
    this.reports.set(uri, { resultId: this.newId(), diagnostics, json });
  }

  private async requestFor(uri: string): Promise<LintRequest | undefined> {
    const classified = await this.host.analyzer.classify(uri, this.host.folderOf(uri) ?? uri);
    if (!classified) return undefined;
    return {
      uri,
      path: classified.path,
      maxBytes: classified.settings.maxFileSizeBytes,
      layer: classified.settings.layer,
    };
  }

  /** The index's papers and quarters, for the worker's `duplicate-paper` and `duplicate-quarter`. */
  private papers(): PaperSnapshot {
    const out: PaperSnapshot = { papers: [], quarters: [] };
    for (const { key, uri, fileName, postTitle, title, presenter, line } of this.host.index.papers()) {
      out.papers.push({ key, paper: { uri, fileName, postTitle, title, presenter, line } });
    }
    for (const { uri, fileName, postTitle, quarter } of this.host.index.summaries()) {
      if (quarter !== undefined) out.quarters.push({ quarter, post: { uri, fileName, postTitle } });
    }
    return out;
  }

  /** The posts the workspace report covers: none with `open`, else the `maxPosts` newest of the index. */
  private async scope(): Promise<Set<string>> {
    const settings = await this.problemsSettings();
    const revision = this.host.index.revision;
    if (this.scopeCache?.revision === revision && this.scopeCache.settings === settings) return this.scopeCache.uris;
    let uris = new Set<string>();
    if (settings.scope === 'workspace') {
      const posts: SeminarPost[] = [];
      for (const s of this.host.index.summaries()) {
        const post: SeminarPost = { uri: s.uri, fileName: s.fileName, talks: [] };
        if (s.date !== undefined) post.date = s.date;
        const quarter = quarterOfPost(s.date, s.fileName, s.postTitle);
        if (quarter) post.quarter = quarter;
        posts.push(post);
      }
      uris = new Set(
        posts
          .sort(compareNewestFirst)
          .slice(0, settings.maxPosts)
          .map((p) => p.uri),
      );
    }
    const changed =
      this.scopeCache !== undefined &&
      (this.scopeCache.settings !== settings || this.scopeCache.uris.size !== uris.size);
    this.scopeCache = { revision, settings, uris };
    if (changed) this.host.onDidChangeReach();
    return uris;
  }

  /** `seminarPosts.problems`, asked of the client once until the settings change. */
  private problemsSettings(): Promise<ProblemsSettings> {
    this.settings ??= (async () => {
      let raw: unknown = (this.pushed as { problems?: unknown } | undefined)?.problems;
      if (this.host.canAskSettings()) {
        try {
          raw = await this.host.connection.workspace.getConfiguration({ section: 'seminarPosts.problems' });
        } catch {
          raw = undefined;
        }
      }
      const { settings, problems } = readProblemsSettings(raw);
      this.host.status.configProblems(problems);
      return settings;
    })().catch(() => ({ ...DEFAULT_PROBLEMS_SETTINGS }));
    return this.settings;
  }

  private newId(): string {
    return `${this.session}:${++this.counter}`;
  }

  private async workspaceReport(
    previousResultIds: readonly { uri: string; value: string }[],
  ): Promise<WorkspaceDocumentDiagnosticReport[]> {
    const previous = new Map(previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const reported = new Set<string>();
    const add = (uri: string, version: number | null, resultId: string, diagnostics: Diagnostic[]) => {
      reported.add(uri);
      items.push(
        previous.get(uri) === resultId
          ? { kind: 'unchanged', uri, version, resultId }
          : { kind: 'full', uri, version, resultId, items: diagnostics },
      );
    };
    // Open posts: the validator's result for their version, the same the document pull answers.
    for (const document of this.host.documents.all()) {
      const checked = await this.host.validator.current(document);
      if (checked.analysis.kind === 'other') continue;
      let id = this.openIds.get(checked);
      if (!id) this.openIds.set(checked, (id = this.newId()));
      add(document.uri, checked.version, id, checked.diagnostics);
    }
    const scope = await this.scope();
    for (const [uri, report] of this.reports)
      if (!reported.has(uri) && scope.has(uri)) add(uri, null, report.resultId, report.diagnostics);
    for (const [uri, value] of previous)
      if (!reported.has(uri) && value !== CLEARED)
        items.push({ kind: 'full', uri, version: null, resultId: CLEARED, items: [] });
    return items;
  }
}
