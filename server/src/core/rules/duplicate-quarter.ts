/**
 * `duplicate-quarter`: another post of the same site is published in the same quarter. The blog
 * has one post per quarter; a second one (New Quarter Post run twice with different dates, a post
 * copied to start the next quarter and never redated) puts two entries for the quarter on the
 * front page. Needs the other posts: the editor's workspace index, or the posts the CLI checks.
 */
import type { RuleDefinition } from '../engine/rule';
import type { Post, Range } from '../model';
import type { QuarterPost } from '../workspace';
import { QUARTER_ORDINALS } from '../jekyll';
import { examplePost, frontMatterWith } from './support/examples';
import { entryOf, publishedQuarter } from './support/frontMatter';

export const duplicateQuarter: RuleDefinition = {
  id: 'duplicate-quarter',
  category: 'post',
  defaultSeverity: 'warning',
  comparesPosts: true,
  description: {
    en: 'Another post of the site is published in the same quarter.',
    ko: '사이트의 다른 포스트가 같은 분기에 게시됩니다.',
  },
  messages: {
    duplicate: {
      en: 'Expected one post for {quarter}, found `{other}` too: Jekyll publishes both',
      ko: '{quarter}에는 포스트가 하나만 있어야 하지만 `{other}`도 있습니다: Jekyll이 둘 다 게시합니다',
    },
  },
  docs: {
    rationale:
      'The blog writes one post per quarter and adds a section per talk as the quarter goes on. A second post dated in the ' +
      "same quarter (New Quarter Post run again with another date, or last quarter's post copied and not redated) is " +
      'published too: the front page then lists the quarter twice, and the talks are split between two pages. The quarter ' +
      "is read from the date Jekyll uses (the front matter's, else the file name's); files Jekyll skips and posts with " +
      '`published: false` do not count. Only posts of the same site are compared: the editor knows every post of the ' +
      'workspace, the command line the posts it was asked to check.',
    ok: {
      text: examplePost(frontMatterWith({})),
      otherPosts: [
        {
          fileName: '2020-07-02-3rd_quarter.md',
          text: examplePost(frontMatterWith({ title: '"2020_3rd_quarter"', date: '2020-07-02' })),
        },
      ],
    },
    notOk: {
      text: examplePost(frontMatterWith({})),
      otherPosts: [
        { fileName: '2020-05-07-2nd_quarter.md', text: examplePost(frontMatterWith({ date: '2020-05-07' })) },
      ],
    },
  },
  check(post, context, report) {
    const quarter = publishedQuarter(post);
    const root = siteOf(post.uri);
    if (!quarter || !context.workspace?.postsInQuarter) return;
    const others = context.workspace.postsInQuarter(quarter, post.uri).filter((other) => siteOf(other.uri) === root);
    if (!others.length) return;
    const [year, number] = quarter.split('-');
    const first = [...others].sort((a, b) => a.fileName.localeCompare(b.fileName) || a.uri.localeCompare(b.uri))[0]!;
    report({
      range: where(post),
      messageId: 'duplicate',
      data: { quarter: `${year}_${QUARTER_ORDINALS[Number(number) - 1]}_quarter`, other: nameOf(first) },
    });
  },
};

/** The post's date in the front matter (what sets its quarter), else its first line. */
function where(post: Post): Range {
  const date = post.frontMatter ? entryOf(post.frontMatter, 'date') : undefined;
  return date?.valueRange.start.line === date?.valueRange.end.line && date && date.valueSource.trim()
    ? date.valueRange
    : post.lines.lineRange(0);
}

/** The other post as the author knows it: its file name (its title may be the copied one). */
function nameOf(other: QuarterPost): string {
  const at = other.uri.lastIndexOf('/_posts/');
  return at < 0 ? other.fileName : decodeURIComponent(other.uri.slice(at + '/_posts/'.length));
}

/** The site a post belongs to: its URI up to its `_posts` folder (outside one, its folder). */
function siteOf(uri: string): string {
  const at = uri.lastIndexOf('/_posts/');
  return at < 0 ? uri.slice(0, uri.lastIndexOf('/')) : uri.slice(0, at);
}
