/**
 * What the rules may know about the other posts of the workspace. The language server's workspace
 * index provides it; the CLI and tests may pass one built from the posts they read. Rules only
 * read it, through this interface.
 */
import { memoizeText } from './text/memo';

/** A paper section of some post, as the workspace index keeps it. */
export interface IndexedPaper {
  /** URI of the post. */
  uri: string;
  /** The post's file name (`2020-04-02-2nd_quarter.md`). */
  fileName: string;
  /** The post's front matter title, when it has one (`2020_2nd_quarter`). */
  postTitle: string | undefined;
  /** The paper's title as written after `#`. */
  title: string;
  /** The presenter's name, when the section has a presenter line with one. */
  presenter: string | undefined;
  /** 0-based line of the `#` heading. */
  line: number;
}

/** A post that Jekyll publishes in some quarter, as the index keeps it (for `duplicate-quarter`). */
export interface QuarterPost {
  uri: string;
  fileName: string;
  /** The post's front matter title, when it has one. */
  postTitle: string | undefined;
}

export interface WorkspaceView {
  /** Papers of posts other than `exceptUri` whose title has the key `key` (see `paperTitleKey`). */
  papersWithTitle(key: string, exceptUri: string): readonly IndexedPaper[];
  /**
   * Posts other than `exceptUri` that Jekyll publishes in the quarter `quarter` (`2021-1`, see
   * `publishedQuarter`). Optional: a view that does not know the quarters leaves it out.
   */
  postsInQuarter?(quarter: string, exceptUri: string): readonly QuarterPost[];
}

/**
 * The key two paper titles share when they name the same paper: letter case, punctuation, Markdown
 * emphasis and runs of spaces do not count (`AutoSlim: Towards...` = `autoslim - towards...`).
 */
export const paperTitleKey: (title: string) => string = memoizeText((title) =>
  title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[*_`~]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim(),
);
