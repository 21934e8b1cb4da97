/**
 * The Seminar view (its own container in the activity bar): the Quarters and Presenters trees,
 * kept in step with the server's workspace index. The first answer of `seminarPosts/seminar` has
 * every post; after that each `seminarPosts/seminarChanged` notification is followed by one
 * request for what changed since the revision the view has (one at a time: changes that come
 * meanwhile are fetched together after). Problems come from the diagnostics VS Code holds (the
 * Problems panel's), recounted for the posts whose diagnostics changed.
 *
 * What the view says when it has nothing to show is in the manifest (`viewsWelcome`), chosen by
 * the `seminarPosts.seminar.state` context key; the active filter and the progress show in the
 * trees' message.
 */
import * as vscode from 'vscode';
import {
  isEmptyFilter,
  parseTalkFilter,
  type SeminarPost,
  type TalkFilter,
} from '../../../server/src/core/index/seminar';
import {
  sendRequest,
  SeminarChangedNotification,
  SeminarRequest,
  type SeminarChange,
  type SeminarResult,
} from '../../../server/src/protocol';
import {
  DIAGNOSTIC_SOURCE,
  SEMINAR_FILTERED_CONTEXT,
  SEMINAR_ITEM_SCHEME,
  SEMINAR_STATE_CONTEXT,
  SEMINAR_VIEWS,
} from '../identifiers';
import { messageOf, type LanguageServerController } from '../languageServer';
import { countPostProblems, type PostProblems, SeminarStore } from './seminarStore';
import { problemsText, SeminarTreeProvider, type SeminarNode, type SeminarTreeHost } from './seminarTree';

/** The state the welcome content of the view is chosen by. */
export type SeminarViewState = 'noFolder' | 'starting' | 'loading' | 'empty' | 'ready' | 'stopped';

/** What the extension's API shows of the view (the integration tests and the benchmark read it). */
export interface SeminarApi {
  readonly quarters: vscode.TreeView<SeminarNode>;
  readonly presenters: vscode.TreeView<SeminarNode>;
  readonly quartersProvider: SeminarTreeProvider;
  readonly presentersProvider: SeminarTreeProvider;
  /** Fires after the view applied an answer of the server (the trees are redrawn). */
  readonly onDidUpdate: vscode.Event<void>;
  /** The index revision the view is at, the state, and how many posts and talks it holds. */
  snapshot(): { revision: number | undefined; state: SeminarViewState; posts: number; talks: number };
  /** Sets the filter (what the filter box would). */
  setFilter(text: string): void;
}

export class SeminarView implements vscode.Disposable, SeminarTreeHost, vscode.FileDecorationProvider {
  readonly store = new SeminarStore();
  filter: TalkFilter = parseTalkFilter('');
  filterText = '';
  readonly api: SeminarApi;
  private readonly quartersProvider: SeminarTreeProvider;
  private readonly presentersProvider: SeminarTreeProvider;
  private readonly quarters: vscode.TreeView<SeminarNode>;
  private readonly presenters: vscode.TreeView<SeminarNode>;
  private readonly updated = new vscode.EventEmitter<void>();
  private readonly decorationsChanged = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.decorationsChanged.event;
  private readonly problemCache = new Map<string, PostProblems | undefined>();
  private fetching = false;
  private fetchAgain = false;
  private viewState: SeminarViewState | undefined;
  private loading: { resolve: () => void } | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly server: LanguageServerController,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.quartersProvider = new SeminarTreeProvider(this, 'quarters');
    this.presentersProvider = new SeminarTreeProvider(this, 'presenters');
    this.quarters = vscode.window.createTreeView(SEMINAR_VIEWS.quarters, {
      treeDataProvider: this.quartersProvider,
      showCollapseAll: true,
    });
    this.presenters = vscode.window.createTreeView(SEMINAR_VIEWS.presenters, {
      treeDataProvider: this.presentersProvider,
      showCollapseAll: true,
    });
    this.disposables.push(
      this.quarters,
      this.presenters,
      this.updated,
      this.decorationsChanged,
      vscode.window.registerFileDecorationProvider(this),
      server.onNotification(SeminarChangedNotification, (change) => this.onChange(change)),
      server.onDidChangeState((state) => {
        if (state === 'running') {
          this.store.clear('loading');
          this.problemCache.clear();
          this.fetch();
        } else if (state === 'stopped' || state === 'failed') {
          this.store.clear('loading');
          this.redraw();
        }
        this.updateState();
      }),
      vscode.languages.onDidChangeDiagnostics((event) => this.diagnosticsChanged(event.uris)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.updateState()),
    );
    this.api = {
      quarters: this.quarters,
      presenters: this.presenters,
      quartersProvider: this.quartersProvider,
      presentersProvider: this.presentersProvider,
      onDidUpdate: this.updated.event,
      snapshot: () => ({
        revision: this.store.revision,
        state: this.viewState ?? 'starting',
        posts: this.store.size,
        talks: this.store.talkCount,
      }),
      setFilter: (text) => this.setFilter(text),
    };
    this.updateState();
    if (server.runningClient) this.fetch();
  }

  /** Asks for the filter in an input box (empty clears it). */
  async askFilter(): Promise<string | undefined> {
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Filter the Seminar view'),
      value: this.filterText,
      prompt: vscode.l10n.t(
        'Words in the title, presenter, authors, venue or quarter (2020 Q3); has:problems or has:errors for the talks of posts with problems. Empty shows every talk.',
      ),
      placeHolder: vscode.l10n.t('e.g. 이승현 cvpr'),
    });
    if (text !== undefined) this.setFilter(text);
    return text;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    this.filter = parseTalkFilter(this.filterText);
    void vscode.commands.executeCommand('setContext', SEMINAR_FILTERED_CONTEXT, !isEmptyFilter(this.filter));
    this.redraw();
  }

  /** Fetches every post again (the Refresh button). */
  refresh(): void {
    this.store.revision = undefined;
    this.fetch();
  }

  /** A post's problems, as the Problems panel lists them; undefined when they are not known. */
  problemsOf(uri: string): PostProblems | undefined {
    if (this.problemCache.has(uri)) return this.problemCache.get(uri);
    const post = this.store.post(uri);
    let problems: PostProblems | undefined;
    if (post && (this.store.checkedOnDisk(uri) || isOpen(uri))) {
      const diagnostics = vscode.languages
        .getDiagnostics(vscode.Uri.parse(uri))
        .filter((d) => d.source === DIAGNOSTIC_SOURCE)
        .map((d) => ({ severity: d.severity, line: d.range.start.line }));
      problems = countPostProblems(post, diagnostics);
    }
    this.problemCache.set(uri, problems);
    return problems;
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== SEMINAR_ITEM_SCHEME) return undefined;
    const key = decodeURIComponent(uri.path.slice(1));
    const node = this.nodeOf(key);
    const counts = node && this.quartersProvider.problems(node);
    if (!counts) return undefined;
    const total = counts.errors + counts.warnings + counts.infos;
    if (total === 0) return undefined;
    const color = counts.errors
      ? new vscode.ThemeColor('list.errorForeground')
      : counts.warnings
        ? new vscode.ThemeColor('list.warningForeground')
        : undefined;
    return new vscode.FileDecoration(total > 9 ? '9+' : String(total), problemsText(counts), color);
  }

  dispose(): void {
    this.loading?.resolve();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** The row a decoration key names (enough of it to count its problems). */
  private nodeOf(key: string): SeminarNode | undefined {
    const [kind, ...rest] = key.split(' ');
    if (kind === 't') {
      const index = Number(rest.pop());
      const post = this.store.post(rest.join(' '));
      const talk = post?.talks[index];
      if (!post || !talk) return undefined;
      return { kind: 'talk', id: key, ref: { post, talk, index }, parent: undefined as never };
    }
    const id = rest.join(' ');
    if (kind === 'q') {
      const group = this.store.quarterGroups().find((g) => g.id === id);
      return group && { kind: 'quarter', id: key, group };
    }
    const group = this.store.presenterGroups().find((g) => g.id === id);
    return group && { kind: 'presenter', id: key, group };
  }

  private onChange(change: SeminarChange): void {
    const reachChanged = JSON.stringify(change.problems) !== JSON.stringify(this.store.problems);
    this.store.state = change.state;
    this.store.problems = change.problems;
    if (change.revision !== this.store.revision) this.fetch();
    else {
      if (reachChanged) this.problemCache.clear();
      this.updateState();
      this.updateMessage();
    }
  }

  /** Asks for what changed since the store's revision; one request at a time. */
  private fetch(): void {
    if (this.fetching) {
      this.fetchAgain = true;
      return;
    }
    const client = this.server.runningClient;
    if (!client) return;
    this.fetching = true;
    this.showLoading();
    const since = this.store.revision;
    void sendRequest(client, SeminarRequest, since === undefined ? {} : { since })
      .then(
        (result) => this.applied(result),
        (error: unknown) => this.output.warn(`seminar view: ${messageOf(error)}`),
      )
      .finally(() => {
        this.fetching = false;
        if (this.fetchAgain) {
          this.fetchAgain = false;
          this.fetch();
        }
      });
  }

  private applied(result: SeminarResult): void {
    const touched = this.store.apply(result);
    for (const uri of touched) this.problemCache.delete(uri);
    if (result.reset) this.problemCache.clear();
    this.redraw();
    this.updated.fire();
  }

  /** Recounts the problems of the posts whose diagnostics changed; redraws what they change. */
  private diagnosticsChanged(uris: readonly vscode.Uri[]): void {
    const changed: string[] = [];
    for (const uri of uris) {
      const key = uri.toString();
      if (!this.store.post(key)) continue;
      const before = JSON.stringify(this.problemCache.get(key));
      this.problemCache.delete(key);
      if (JSON.stringify(this.problemsOf(key)) !== before) changed.push(key);
    }
    if (changed.length === 0) return;
    if (this.filter.has) this.redraw();
    else this.decorationsChanged.fire(undefined);
  }

  private redraw(): void {
    this.quartersProvider.refresh();
    this.presentersProvider.refresh();
    this.decorationsChanged.fire(undefined);
    this.updateState();
    this.updateMessage();
  }

  /** The trees' message: the filter, the progress, and how far the problems reach. */
  private updateMessage(): void {
    const lines: string[] = [];
    const { store } = this;
    if (store.state === 'indexing') lines.push(vscode.l10n.t("Reading the workspace's posts… {0} so far.", store.size));
    if (!isEmptyFilter(this.filter)) {
      const shown = this.quartersProvider
        .getChildren()
        .reduce((n, node) => n + this.quartersProvider.getChildren(node).length, 0);
      lines.push(vscode.l10n.t('Filter "{0}": {1} of {2} talks.', this.filterText, shown, store.talkCount));
    }
    const reach = store.problems;
    if (reach?.checking)
      lines.push(
        vscode.l10n.t('Checking the posts for problems: {0} of {1}.', reach.checking.done, reach.checking.total),
      );
    else if (reach?.scope === 'workspace' && store.size > reach.maxPosts)
      lines.push(vscode.l10n.t('Problems are listed for the {0} newest of {1} posts.', reach.maxPosts, store.size));
    else if (reach?.scope === 'open' && store.size > 0)
      lines.push(vscode.l10n.t('Problems are counted for open posts only.'));
    const message = lines.join(' ') || undefined;
    this.quarters.message = message;
    this.presenters.message = message;
    this.quarters.description = store.size ? vscode.l10n.t('{0} talks', store.talkCount) : undefined;
  }

  private updateState(): void {
    let state: SeminarViewState;
    if (!vscode.workspace.workspaceFolders?.length) state = 'noFolder';
    else if (this.server.state === 'stopped' || this.server.state === 'failed') state = 'stopped';
    else if (this.server.state === 'starting' || this.store.revision === undefined) state = 'starting';
    else if (this.store.size === 0) state = this.store.state === 'indexing' ? 'loading' : 'empty';
    else state = 'ready';
    if (state !== 'starting' && state !== 'loading') this.loading?.resolve();
    if (state === this.viewState) return;
    this.viewState = state;
    void vscode.commands.executeCommand('setContext', SEMINAR_STATE_CONTEXT, state);
  }

  /** The progress bar in the view while the posts are first read. */
  private showLoading(): void {
    if (this.loading || this.store.revision !== undefined) return;
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    this.loading = {
      resolve: () => {
        this.loading = undefined;
        resolve();
      },
    };
    void vscode.window.withProgress({ location: { viewId: SEMINAR_VIEWS.quarters } }, () => done);
  }
}

function isOpen(uri: string): boolean {
  return vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri);
}

/** The post of a row: a talk's, or the one post of a quarter. */
export function postOfNode(node: SeminarNode | undefined): SeminarPost | undefined {
  if (node?.kind === 'talk') return node.ref.post;
  if (node?.kind === 'quarter' && node.group.posts.length === 1) return node.group.posts[0];
  return undefined;
}
