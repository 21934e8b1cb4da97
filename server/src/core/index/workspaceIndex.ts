/**
 * The workspace index: every post of the workspace, reduced to what other posts and the
 * workspace-wide features need (its papers, their titles and presenters). It is pure: the language
 * server feeds it posts it reads from disk or from open editors, and reads it back as a
 * `WorkspaceView` (for `duplicate-paper`), as presenter names (completion) and as papers (hover,
 * workspace symbols). It never keeps a whole post model, so a large workspace stays small.
 */
import type { Post, Range } from '../model';
import { entryOf, publishedQuarter, stringValue } from '../rules/support/frontMatter';
import { ownCopy } from '../text/memo';
import { paperTitleKey, type IndexedPaper, type QuarterPost, type WorkspaceView } from '../workspace';

/** A paper as the index keeps it: the `WorkspaceView` fields and where its title is. */
export interface IndexedPaperEntry extends IndexedPaper {
  /** The `#` heading's range. */
  range: Range;
  /** `paperTitleKey(title)`. */
  key: string;
}

/** One post, as the index keeps it. */
export interface PostSummary {
  uri: string;
  fileName: string;
  postTitle: string | undefined;
  /** The quarter Jekyll publishes the post in (`2021-1`), for `duplicate-quarter`; undefined when none. */
  quarter?: string | undefined;
  papers: IndexedPaperEntry[];
}

/**
 * Reduces a post model to its summary. Its strings are copies: a slice of the post's text would
 * keep the whole text alive as long as the summary.
 */
export function summarizePost(post: Post): PostSummary {
  const title = post.frontMatter ? stringValue(entryOf(post.frontMatter, 'title')) : undefined;
  const postTitle = title === undefined ? undefined : ownCopy(title);
  const fileName = ownCopy(post.fileName);
  const copy = (text: string | undefined) => (text === undefined ? undefined : ownCopy(text));
  return {
    uri: post.uri,
    fileName,
    postTitle,
    quarter: publishedQuarter(post),
    papers: post.sections
      .filter((section) => section.title.text !== '')
      .map((section) => ({
        uri: post.uri,
        fileName,
        postTitle,
        title: ownCopy(section.title.text),
        presenter: copy(section.presenterLines[0]?.name?.text),
        line: section.title.range.start.line,
        range: section.title.range,
        key: paperTitleKey(section.title.text),
      })),
  };
}

/** The posts of the workspace, by URI. */
export class WorkspaceIndex implements WorkspaceView {
  private readonly posts = new Map<string, PostSummary>();
  private readonly byKey = new Map<string, IndexedPaperEntry[]>();

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
    this.removeKeys(previous);
    this.posts.set(summary.uri, summary);
    for (const paper of summary.papers) {
      const list = this.byKey.get(paper.key);
      if (list) list.push(paper);
      else this.byKey.set(paper.key, [paper]);
    }
    return !previous || keysOf(previous) !== keysOf(summary);
  }

  /** Removes a post; true when it was indexed. */
  remove(uri: string): boolean {
    const previous = this.posts.get(uri);
    if (!previous) return false;
    this.removeKeys(previous);
    this.posts.delete(uri);
    return true;
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
  }

  papersWithTitle(key: string, exceptUri: string): readonly IndexedPaper[] {
    return (this.byKey.get(key) ?? []).filter((paper) => paper.uri !== exceptUri);
  }

  postsInQuarter(quarter: string, exceptUri: string): readonly QuarterPost[] {
    const out: QuarterPost[] = [];
    for (const summary of this.posts.values()) {
      if (summary.quarter === quarter && summary.uri !== exceptUri) out.push({ uri: summary.uri, fileName: summary.fileName, postTitle: summary.postTitle });
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
    const wanted = normalizeName(name);
    const out: IndexedPaperEntry[] = [];
    for (const paper of this.papers()) if (paper.presenter && normalizeName(paper.presenter) === wanted) out.push(paper);
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

function keysOf(summary: PostSummary): string {
  return `${summary.quarter ?? ''}\u0002${summary.papers.map((p) => `${p.key}\u0000${p.presenter ?? ''}`).join('\u0001')}`;
}

function normalizeName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
