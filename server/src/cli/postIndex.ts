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

/** The papers of a set of posts, by title key. */
export class PostIndex implements WorkspaceView {
  private readonly byKey = new Map<string, IndexedPaper[]>();

  /** Adds the paper sections of `post`. */
  add(post: Post, config: ResolvedConfig): void {
    const fm = readableFrontMatter(post);
    const postTitle = fm ? stringValue(entryOf(fm, 'title')) : undefined;
    for (const section of post.sections) {
      const key = paperTitleKey(section.title.text);
      if (!key) continue;
      const paper: IndexedPaper = {
        uri: post.uri,
        fileName: post.fileName,
        postTitle: postTitle || undefined,
        title: section.title.text,
        presenter: presenterOf(post, section, config)?.name?.text,
        line: section.title.range.start.line,
      };
      const list = this.byKey.get(key);
      if (list) list.push(paper);
      else this.byKey.set(key, [paper]);
    }
  }

  papersWithTitle(key: string, exceptUri: string): readonly IndexedPaper[] {
    return (this.byKey.get(key) ?? []).filter((paper) => paper.uri !== exceptUri);
  }
}
