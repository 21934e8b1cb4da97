/**
 * The workspace index: every post of the workspace, reduced to what other posts and the
 * workspace-wide features need (its date, its papers, their titles, presenters, venues and links).
 * It is pure: the language server feeds it posts it reads from disk or from open editors, and reads
 * it back as a `WorkspaceView` (for `duplicate-paper`), as presenter names (completion), as papers
 * (hover, workspace symbols) and as the Seminar view's posts (`seminar.ts`), which it hands out by
 * revision: what changed since the client last asked. It never keeps a whole post model, so a large
 * workspace stays small.
 */
import { DEFAULTS } from '../config/config';
import { parseJekyllDate, formatDate } from '../jekyll';
import type { Post, Range } from '../model';
import { sectionLinks, splitAuthors, type SummaryConfig } from '../render/sectionSummary';
import { entryOf, publishedQuarter, readableFrontMatter, stringValue } from '../rules/support/frontMatter';
import { ownCopy } from '../text/memo';
import { paperTitleKey, type IndexedPaper, type QuarterPost, type WorkspaceView } from '../workspace';

/** A paper as the index keeps it: the `WorkspaceView` fields, where its title is, and what the Seminar view shows. */
export interface IndexedPaperEntry extends IndexedPaper {
  /** The `#` heading's range. */
  range: Range;
  /** `paperTitleKey(title)`. */
  key: string;
  /** The authors of the `## Authors, Venue` line, as the preview's Quarter Summary reads them. */
  authors: string | undefined;
  /** The venue as written (`NeurIPS 2019`, `arxiv.1806`), on the authors line or at the end of the title. */
  venue: string | undefined;
  /** The URL of the first link labelled as the paper's (`paper link`), as written. */
  paperUrl: string | undefined;
  /** The URL of the first link labelled as the slides (`presentation material`), as written. */
  slidesUrl: string | undefined;
}

/** One post, as the index keeps it. */
export interface PostSummary {
  uri: string;
  fileName: string;
  postTitle: string | undefined;
  /** The quarter Jekyll publishes the post in (`2021-1`), for `duplicate-quarter`; undefined when none. */
  quarter?: string | undefined;
  /** The front matter date as Jekyll reads it (`YYYY-MM-DD`); undefined when missing or unreadable. */
  date: string | undefined;
  papers: IndexedPaperEntry[];
}

/**
 * Reduces a post model to its summary. Its strings are copies: a slice of the post's text would
 * keep the whole text alive as long as the summary. `labels` (a resolved configuration will do)
 * say which links are the paper's and the slides'; the defaults otherwise.
 */
export function summarizePost(post: Post, labels: SummaryConfig = DEFAULTS): PostSummary {
  const fm = readableFrontMatter(post);
  const title = post.frontMatter ? stringValue(entryOf(post.frontMatter, 'title')) : undefined;
  const postTitle = title === undefined ? undefined : ownCopy(title);
  const dateText = fm ? stringValue(entryOf(fm, 'date')) : undefined;
  const date = dateText === undefined ? undefined : parseJekyllDate(dateText);
  const fileName = ownCopy(post.fileName);
  const copy = (text: string | undefined) => (text === undefined || text === '' ? undefined : ownCopy(text));
  return {
    uri: post.uri,
    fileName,
    postTitle,
    quarter: publishedQuarter(post),
    date: date && formatDate(date),
    papers: post.sections
      .filter((section) => section.title.text !== '')
      .map((section) => {
        const { authors, venue } = splitAuthors(section);
        const links = sectionLinks(section, labels);
        return {
          uri: post.uri,
          fileName,
          postTitle,
          title: ownCopy(section.title.text),
          presenter: copy(section.presenterLines[0]?.name?.text),
          line: section.title.range.start.line,
          range: section.title.range,
          key: paperTitleKey(section.title.text),
          authors: copy(authors),
          venue: copy(venue ?? section.venue?.text),
          paperUrl: copy(links.find((link) => link.kind === 'paper' && link.url)?.url),
          slidesUrl: copy(links.find((link) => link.kind === 'slides' && link.url)?.url),
        };
      }),
  };
}

/** What changed in the index since a revision (see {@link WorkspaceIndex.changesSince}). */
export interface IndexChanges {
  /** The index's revision now. */
  revision: number;
  /** True when `summaries` holds every post (the revision asked for is unknown or too old); false when only the changed ones. */
  reset: boolean;
  summaries: PostSummary[];
  /** Posts removed since (empty on a reset). */
  removed: string[];
}

/** Removals remembered for {@link WorkspaceIndex.changesSince}; a client further behind gets everything. */
const REMEMBERED_REMOVALS = 2000;

/** The posts of the workspace, by URI. */
export class WorkspaceIndex implements WorkspaceView {
  private readonly posts = new Map<string, PostSummary>();
  private readonly byKey = new Map<string, IndexedPaperEntry[]>();
  /** Bumped by each change of a post's summary. */
  private currentRevision = 0;
  /** The revision at which each post last changed. */
  private readonly changedAt = new Map<string, number>();
  private removals: { uri: string; revision: number }[] = [];
  /** Revisions at or before this one are not answered with changes but with everything. */
  private forgottenBefore = 0;
  /**
   * Called after a post was added, changed or removed (`next` undefined), with its summary before
   * and after: the language server follows what other posts' checks depend on.
   */
  onDidChange: ((uri: string, previous: PostSummary | undefined, next: PostSummary | undefined) => void) | undefined;

  /** The revision of the index: it grows with every change of a post's summary. */
  get revision(): number {
    return this.currentRevision;
  }

  /** Number of posts indexed. */
  get size(): number {
    return this.posts.size;
  }

  /**
   * Adds or replaces a post. Returns true when the post's paper titles or its quarter changed,
   * which is when the other posts' cross-post checks may change.
   */
  update(summary: PostSummary): boolean {
    const previous = this.posts.get(summary.uri);
    // The same summary again (a keystroke inside a bullet): nothing to tell anyone.
    if (previous && sameSummary(previous, summary)) return false;
    this.removeKeys(previous);
    this.posts.set(summary.uri, summary);
    for (const paper of summary.papers) {
      const list = this.byKey.get(paper.key);
      if (list) list.push(paper);
      else this.byKey.set(paper.key, [paper]);
    }
    this.changedAt.set(summary.uri, ++this.currentRevision);
    this.onDidChange?.(summary.uri, previous, summary);
    return !previous || keysOf(previous) !== keysOf(summary);
  }

  /** Removes a post; true when it was indexed. */
  remove(uri: string): boolean {
    const previous = this.posts.get(uri);
    if (!previous) return false;
    this.removeKeys(previous);
    this.posts.delete(uri);
    this.changedAt.delete(uri);
    this.removals.push({ uri, revision: ++this.currentRevision });
    if (this.removals.length > REMEMBERED_REMOVALS) {
      const dropped = this.removals.splice(0, this.removals.length - REMEMBERED_REMOVALS);
      this.forgottenBefore = dropped[dropped.length - 1]!.revision;
    }
    this.onDidChange?.(uri, previous, undefined);
    return true;
  }

  /** The summary of one post, when it is indexed. */
  get(uri: string): PostSummary | undefined {
    return this.posts.get(uri);
  }

  /** Every post's summary, in no particular order. */
  summaries(): IterableIterator<PostSummary> {
    return this.posts.values();
  }

  /**
   * The posts that changed after `revision` and those removed since, or every post (`reset`) when
   * `revision` is undefined, ahead of the index, or older than the removals it remembers.
   */
  changesSince(revision: number | undefined): IndexChanges {
    const known =
      revision !== undefined &&
      Number.isInteger(revision) &&
      revision >= this.forgottenBefore &&
      revision <= this.currentRevision;
    if (!known)
      return { revision: this.currentRevision, reset: true, summaries: [...this.posts.values()], removed: [] };
    const summaries: PostSummary[] = [];
    for (const [uri, at] of this.changedAt) if (at > revision) summaries.push(this.posts.get(uri)!);
    const removed = this.removals.filter((r) => r.revision > revision && !this.posts.has(r.uri)).map((r) => r.uri);
    return { revision: this.currentRevision, reset: false, summaries, removed: [...new Set(removed)] };
  }

  /** The URIs of the posts other than `exceptUri` with a paper whose title key is one of `keys`. */
  urisWithKeys(keys: Iterable<string>, exceptUri: string): Set<string> {
    const out = new Set<string>();
    for (const key of keys)
      for (const paper of this.byKey.get(key) ?? []) if (paper.uri !== exceptUri) out.add(paper.uri);
    return out;
  }

  has(uri: string): boolean {
    return this.posts.has(uri);
  }

  /** Every indexed URI. */
  uris(): string[] {
    return [...this.posts.keys()];
  }

  clear(): void {
    this.posts.clear();
    this.byKey.clear();
    this.changedAt.clear();
    this.removals = [];
    this.forgottenBefore = ++this.currentRevision;
  }

  papersWithTitle(key: string, exceptUri: string): readonly IndexedPaper[] {
    return (this.byKey.get(key) ?? []).filter((paper) => paper.uri !== exceptUri);
  }

  postsInQuarter(quarter: string, exceptUri: string): readonly QuarterPost[] {
    const out: QuarterPost[] = [];
    for (const summary of this.posts.values()) {
      if (summary.quarter === quarter && summary.uri !== exceptUri)
        out.push({ uri: summary.uri, fileName: summary.fileName, postTitle: summary.postTitle });
    }
    return out;
  }

  /** Every paper of every post, posts in URI order. */
  *papers(): Iterable<IndexedPaperEntry> {
    for (const uri of [...this.posts.keys()].sort()) yield* this.posts.get(uri)!.papers;
  }

  /** Every presenter name, most frequent first (ties in alphabetical order). */
  presenterNames(): string[] {
    const counts = new Map<string, number>();
    for (const summary of this.posts.values()) {
      for (const paper of summary.papers) {
        const name = paper.presenter?.trim();
        if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  }

  /** The talks `name` gave, in every post (letter case and spacing do not count). */
  talksOf(name: string): IndexedPaperEntry[] {
    const wanted = presenterKey(name);
    const out: IndexedPaperEntry[] = [];
    for (const paper of this.papers()) if (paper.presenter && presenterKey(paper.presenter) === wanted) out.push(paper);
    return out;
  }

  private removeKeys(summary: PostSummary | undefined): void {
    if (!summary) return;
    for (const paper of summary.papers) {
      const list = this.byKey.get(paper.key);
      if (!list) continue;
      const kept = list.filter((p) => p.uri !== summary.uri);
      if (kept.length) this.byKey.set(paper.key, kept);
      else this.byKey.delete(paper.key);
    }
  }
}

/** The same summary, field by field (ranges by their lines and characters). */
function sameSummary(a: PostSummary, b: PostSummary): boolean {
  if (
    a.uri !== b.uri ||
    a.fileName !== b.fileName ||
    a.postTitle !== b.postTitle ||
    a.date !== b.date ||
    a.quarter !== b.quarter ||
    a.papers.length !== b.papers.length
  )
    return false;
  return a.papers.every((p, i) => {
    const q = b.papers[i]!;
    return (
      p.title === q.title &&
      p.presenter === q.presenter &&
      p.line === q.line &&
      p.authors === q.authors &&
      p.venue === q.venue &&
      p.paperUrl === q.paperUrl &&
      p.slidesUrl === q.slidesUrl &&
      p.range.start.character === q.range.start.character &&
      p.range.end.line === q.range.end.line &&
      p.range.end.character === q.range.end.character
    );
  });
}

function keysOf(summary: PostSummary): string {
  return `${summary.quarter ?? ''}\u0002${summary.papers.map((p) => `${p.key}\u0000${p.presenter ?? ''}`).join('\u0001')}`;
}

/** What two spellings of one presenter's name share: letter case and spacing do not count. */
export function presenterKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
