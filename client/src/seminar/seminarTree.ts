/**
 * The Seminar view's two trees: Quarters (newest first) -> talks, and Presenters -> their talks
 * across quarters. Each row is built from the store's posts; a talk's and a quarter's problems
 * show as a file decoration (a badge with the count, the label in the error or warning colour),
 * counted from the diagnostics the Problems panel shows, so the two never disagree.
 */
import * as vscode from 'vscode';
import {
  isEmptyFilter,
  talkMatches,
  type PresenterGroup,
  type ProblemCounts,
  type QuarterGroup,
  type TalkFilter,
  type TalkRef,
} from '../../../server/src/core/index/seminar';
import { SEMINAR_ITEM_SCHEME, SEMINAR_OPEN_TALK_COMMAND } from '../identifiers';
import { sumProblems, type PostProblems, type SeminarStore } from './seminarStore';

/** A row of a Seminar tree. */
export type SeminarNode =
  | { kind: 'quarter'; id: string; group: QuarterGroup }
  | { kind: 'presenter'; id: string; group: PresenterGroup }
  | { kind: 'talk'; id: string; ref: TalkRef; parent: SeminarNode };

/** What the trees read besides the posts. */
export interface SeminarTreeHost {
  readonly store: SeminarStore;
  /** The active filter. */
  readonly filter: TalkFilter;
  /** A post's problems as the Problems panel shows them; undefined when they are not known (not checked, not open). */
  problemsOf(uri: string): PostProblems | undefined;
}

/** `2020 Q3` / `2020년 3분기`. */
export function quarterText(group: { quarter?: QuarterGroup['quarter'] }): string {
  return group.quarter
    ? vscode.l10n.t('{0} Q{1}', group.quarter.year, group.quarter.quarter)
    : vscode.l10n.t('No quarter');
}

/** `2 errors, 1 warning` / `오류 2개, 경고 1개`; undefined for none. */
export function problemsText(counts: ProblemCounts | undefined): string | undefined {
  if (!counts) return undefined;
  const parts: string[] = [];
  if (counts.errors)
    parts.push(counts.errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', counts.errors));
  if (counts.warnings)
    parts.push(counts.warnings === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', counts.warnings));
  if (counts.infos) parts.push(counts.infos === 1 ? vscode.l10n.t('1 info') : vscode.l10n.t('{0} infos', counts.infos));
  return parts.length ? parts.join(', ') : undefined;
}

/** The URI a row's decoration is asked for: its own scheme, so that VS Code's decorations of the post's file never apply to it. */
export function decorationUri(node: SeminarNode): vscode.Uri {
  return vscode.Uri.from({ scheme: SEMINAR_ITEM_SCHEME, path: `/${encodeURIComponent(decorationKey(node))}` });
}

/** The key of a row's decoration: a talk's is the same in both trees. */
export function decorationKey(node: SeminarNode): string {
  switch (node.kind) {
    case 'talk':
      return `t ${node.ref.post.uri} ${node.ref.index}`;
    case 'quarter':
      return `q ${node.group.id}`;
    case 'presenter':
      return `p ${node.group.id}`;
  }
}

/** One of the two trees. */
export class SeminarTreeProvider implements vscode.TreeDataProvider<SeminarNode> {
  private readonly changed = new vscode.EventEmitter<SeminarNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly host: SeminarTreeHost,
    readonly kind: 'quarters' | 'presenters',
  ) {}

  /** Redraws the whole tree. */
  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: SeminarNode): SeminarNode[] {
    const { store, filter } = this.host;
    // `has:` keeps a talk with problems, and every talk of a post whose front matter or file name has some.
    const keep = (ref: TalkRef) =>
      talkMatches(ref, filter, (r) => {
        const problems = this.host.problemsOf(r.post.uri);
        return problems && sumProblems([problems.header, problems.talks[r.index]!]);
      });
    if (!node) {
      const empty = isEmptyFilter(filter);
      if (this.kind === 'quarters') {
        return store
          .quarterGroups()
          .filter((group) => empty || group.talks.some(keep))
          .map((group) => ({ kind: 'quarter', id: `quarter:${group.id}`, group }));
      }
      return store
        .presenterGroups()
        .filter((group) => group.talks.some(keep))
        .map((group) => ({ kind: 'presenter', id: `presenter:${group.id}`, group }));
    }
    if (node.kind === 'talk') return [];
    return node.group.talks
      .filter(keep)
      .map((ref) => ({ kind: 'talk', id: `${node.id}/${ref.post.uri}#${ref.index}`, ref, parent: node }));
  }

  getParent(node: SeminarNode): SeminarNode | undefined {
    return node.kind === 'talk' ? node.parent : undefined;
  }

  getTreeItem(node: SeminarNode): vscode.TreeItem {
    switch (node.kind) {
      case 'quarter':
        return this.quarterItem(node);
      case 'presenter':
        return this.presenterItem(node);
      case 'talk':
        return this.talkItem(node);
    }
  }

  /** The problems of a row: a talk's, or the sum over a quarter's posts or a presenter's talks. */
  problems(node: SeminarNode): ProblemCounts | undefined {
    if (node.kind === 'talk') return this.host.problemsOf(node.ref.post.uri)?.talks[node.ref.index];
    if (node.kind === 'quarter') {
      const known = node.group.posts
        .map((post) => this.host.problemsOf(post.uri)?.total)
        .filter((c): c is ProblemCounts => c !== undefined);
      return known.length ? sumProblems(known) : undefined;
    }
    const known = node.group.talks
      .map((ref) => this.host.problemsOf(ref.post.uri)?.talks[ref.index])
      .filter((c): c is ProblemCounts => c !== undefined);
    return known.length ? sumProblems(known) : undefined;
  }

  private quarterItem(node: Extract<SeminarNode, { kind: 'quarter' }>): vscode.TreeItem {
    const { group } = node;
    const newest = this.host.store.quarterGroups()[0]?.id === group.id;
    const item = new vscode.TreeItem(
      quarterText(group),
      group.talks.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : newest
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon('calendar');
    item.resourceUri = decorationUri(node);
    const talks =
      group.talks.length === 0
        ? vscode.l10n.t('no talks yet')
        : group.talks.length === 1
          ? vscode.l10n.t('1 talk')
          : vscode.l10n.t('{0} talks', group.talks.length);
    item.description = group.posts.length > 1 ? `${talks} · ${vscode.l10n.t('{0} posts', group.posts.length)}` : talks;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('**').appendText(quarterText(group)).appendMarkdown('**  \n');
    for (const post of group.posts) {
      tooltip
        .appendText(`${post.fileName}${post.title ? ` — ${post.title}` : ''}${post.date ? ` (${post.date})` : ''}`)
        .appendMarkdown('  \n');
    }
    const header = group.posts
      .map((post) => this.host.problemsOf(post.uri)?.header)
      .filter((c): c is ProblemCounts => c !== undefined);
    const outside = problemsText(header.length ? sumProblems(header) : undefined);
    if (outside)
      tooltip
        .appendText(vscode.l10n.t('Before the first talk (front matter, file name): {0}', outside))
        .appendMarkdown('  \n');
    tooltip.appendText(
      this.problemLine(
        node,
        group.posts.map((p) => p.uri),
      ),
    );
    item.tooltip = tooltip;
    item.contextValue = group.posts.length === 1 ? 'seminarQuarter:onePost' : 'seminarQuarter';
    item.accessibilityInformation = {
      label: [quarterText(group), item.description, problemsText(this.problems(node))].filter(Boolean).join(', '),
    };
    return item;
  }

  private presenterItem(node: Extract<SeminarNode, { kind: 'presenter' }>): vscode.TreeItem {
    const { group } = node;
    const label = group.name ?? vscode.l10n.t('No presenter');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon('person');
    item.resourceUri = decorationUri(node);
    item.description =
      group.talks.length === 1 ? vscode.l10n.t('1 talk') : vscode.l10n.t('{0} talks', group.talks.length);
    item.contextValue = 'seminarPresenter';
    item.accessibilityInformation = {
      label: [label, item.description, problemsText(this.problems(node))].filter(Boolean).join(', '),
    };
    return item;
  }

  private talkItem(node: Extract<SeminarNode, { kind: 'talk' }>): vscode.TreeItem {
    const { talk, post } = node.ref;
    const item = new vscode.TreeItem(talk.title, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon('book');
    item.resourceUri = decorationUri(node);
    const quarter = quarterText(post);
    item.description =
      this.kind === 'quarters'
        ? (talk.presenter ?? vscode.l10n.t('no presenter'))
        : [quarter, talk.venue].filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('**').appendText(talk.title).appendMarkdown('**  \n');
    if (talk.authors || talk.venue)
      tooltip.appendText([talk.authors, talk.venue].filter(Boolean).join(', ')).appendMarkdown('  \n');
    tooltip.appendText(vscode.l10n.t('Presenter: {0}', talk.presenter ?? vscode.l10n.t('none'))).appendMarkdown('  \n');
    tooltip.appendText(`${quarter} · ${post.fileName}:${talk.line + 1}`).appendMarkdown('  \n');
    tooltip.appendText(this.problemLine(node, [post.uri]));
    item.tooltip = tooltip;
    item.command = { command: SEMINAR_OPEN_TALK_COMMAND, title: vscode.l10n.t('Go to the Talk'), arguments: [node] };
    item.contextValue = talk.paperUrl ? 'seminarTalk:paper' : 'seminarTalk';
    item.accessibilityInformation = {
      label: [talk.title, talk.presenter, quarter, problemsText(this.problems(node))].filter(Boolean).join(', '),
    };
    return item;
  }

  /** The problems line of a tooltip: the counts, none, or why they are not known. */
  private problemLine(node: SeminarNode, uris: string[]): string {
    const counts = this.problems(node);
    if (counts) return problemsText(counts) ?? vscode.l10n.t('No problems');
    const reach = this.host.store.problems;
    if (reach?.checking) return vscode.l10n.t('Checking the posts for problems…');
    if (reach?.scope === 'workspace' && !uris.some((uri) => this.host.store.checkedOnDisk(uri))) {
      return vscode.l10n.t(
        'Problems not listed: only the {0} newest posts are checked until opened (seminarPosts.problems.maxPosts).',
        reach.maxPosts,
      );
    }
    return vscode.l10n.t('Problems not listed: open the post to check it (seminarPosts.problems.scope is "open").');
  }
}
