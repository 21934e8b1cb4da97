/**
 * The CLI's view of the other posts of a blog, for `duplicate-paper`: the papers of the posts it
 * was asked to check, grouped by Jekyll site. Posts outside any site (a folder of loose drafts)
 * get no view, so that versions of one post are never taken for different posts.
 */
import type { ResolvedConfig } from '../core/config/config';
import type { Post } from '../core/model';
import { presenterOf } from '../core/rules/support/presenter';
import { readableFrontMatter, entryOf, stringValue } from '../core/rules/support/frontMatter';
import { paperTitleKey, type IndexedPaper, type WorkspaceView } from '../core/workspace';

/** A paper of a post with its title key, as the CLI's lint workers hand them over. */
export interface KeyedPaper {
  key: string;
  paper: IndexedPaper;
}

/** The papers of a set of posts, by title key. */
export class PostIndex implements WorkspaceView {
  private readonly byKey = new Map<string, IndexedPaper[]>();

  /** The paper sections of `post`, in order. */
  static papersOf(post: Post, config: ResolvedConfig): KeyedPaper[] {
    const fm = readableFrontMatter(post);
    const postTitle = fm ? stringValue(entryOf(fm, 'title')) : undefined;
    const out: KeyedPaper[] = [];
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
    return (this.byKey.get(key) ?? []).filter((paper) => paper.uri !== exceptUri);
  }
}
