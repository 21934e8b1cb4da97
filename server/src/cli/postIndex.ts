/**
 * The CLI's view of the other posts of a blog, for `duplicate-paper` and `duplicate-quarter`: the
 * papers and quarters of the posts it was asked to check, grouped by Jekyll site. Posts outside any
 * site (a folder of loose drafts) get no view, so that versions of one post are never taken for
 * different posts.
 */
import type { ResolvedConfig } from '../core/config/config';
import type { Post } from '../core/model';
import { presenterOf } from '../core/rules/support/presenter';
import { readableFrontMatter, entryOf, publishedQuarter, stringValue } from '../core/rules/support/frontMatter';
import { paperTitleKey, type IndexedPaper, type QuarterPost, type WorkspaceView } from '../core/workspace';

/**
 * A paper of a post with its title key, as the CLI's lint workers hand them over. The quarter a
 * post is published in travels the same way, as an entry under `quarter:2021-1` (a key no title
 * has: title keys hold letters, digits and spaces only) with an empty title.
 */
export interface KeyedPaper {
  key: string;
  paper: IndexedPaper;
}

/** The papers of a set of posts, by title key. */
export class PostIndex implements WorkspaceView {
  private readonly byKey = new Map<string, IndexedPaper[]>();

  /** The paper sections of `post`, in order, after the entry of its quarter. */
  static papersOf(post: Post, config: ResolvedConfig): KeyedPaper[] {
    const fm = readableFrontMatter(post);
    const postTitle = fm ? stringValue(entryOf(fm, 'title')) : undefined;
    const out: KeyedPaper[] = [];
    const quarter = publishedQuarter(post);
    if (quarter) {
      out.push({
        key: `${QUARTER_KEY}${quarter}`,
        paper: {
          uri: post.uri,
          fileName: post.fileName,
          postTitle: postTitle || undefined,
          title: '',
          presenter: undefined,
          line: 0,
        },
      });
    }
    for (const section of post.sections) {
      const key = paperTitleKey(section.title.text);
      if (!key) continue;
      out.push({
        key,
        paper: {
          uri: post.uri,
          fileName: post.fileName,
          postTitle: postTitle || undefined,
          title: section.title.text,
          presenter: presenterOf(post, section, config)?.name?.text,
          line: section.title.range.start.line,
        },
      });
    }
    return out;
  }

  /** Adds the paper sections of `post`. */
  add(post: Post, config: ResolvedConfig): void {
    this.addPapers(PostIndex.papersOf(post, config));
  }

  /** Adds papers (of one post, or several in order). */
  addPapers(papers: readonly KeyedPaper[]): void {
    for (const { key, paper } of papers) {
      const list = this.byKey.get(key);
      if (list) list.push(paper);
      else this.byKey.set(key, [paper]);
    }
  }

  papersWithTitle(key: string, exceptUri: string): readonly IndexedPaper[] {
    if (key.startsWith(QUARTER_KEY)) return [];
    return (this.byKey.get(key) ?? []).filter((paper) => paper.uri !== exceptUri);
  }

  postsInQuarter(quarter: string, exceptUri: string): readonly QuarterPost[] {
    return (this.byKey.get(`${QUARTER_KEY}${quarter}`) ?? [])
      .filter((entry) => entry.uri !== exceptUri)
      .map(({ uri, fileName, postTitle }) => ({ uri, fileName, postTitle }));
  }
}

const QUARTER_KEY = 'quarter:';
