/**
 * `front-matter-missing`: the post has no front matter. Jekyll then copies the file as a static
 * file: the post never appears on the blog.
 */
import type { RuleDefinition } from '../engine/rule';
import { BLOG_KEYS, parsePostFileName } from '../jekyll';
import { examplePost, SAMPLE_FRONT_MATTER } from './support/examples';
import { lineBreak, suggestedValue } from './support/frontMatter';
import { escapeSnippet } from './support/snippets';

export const frontMatterMissing: RuleDefinition = {
  id: 'front-matter-missing',
  category: 'front-matter',
  defaultSeverity: 'error',
  description: {
    en: 'The post has no front matter, so Jekyll does not publish it as a post.',
    ko: '포스트에 front matter가 없어 Jekyll이 포스트로 게시하지 않습니다.',
  },
  messages: {
    missing: {
      en: 'Expected front matter (a `---` line, then `layout`, `title`, `date`, ...), found none: Jekyll will not publish this post',
      ko: 'front matter(`---` 줄과 `layout`, `title`, `date` 등)가 필요하지만 없습니다: Jekyll이 이 포스트를 게시하지 않습니다',
    },
  },
  docs: {
    rationale:
      'Jekyll treats a file in `_posts/` as a post only when it starts with a front matter block. Without one, ' +
      'the file is copied as it is and never shows on the blog.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(undefined) },
    fix: 'Inserts a front matter block with the blog\'s keys. With a dated file name, the date comes from the name and the title from ' +
      'its quarter; otherwise the block leaves both for the author to fill in. `image_url` is the post\'s first image.',
  },
  check(post, _context, report) {
    if (post.frontMatter) return;
    const named = parsePostFileName(post.fileName);
    const eol = lineBreak(post);
    const lines = ['---'];
    // Without a dated file name, the title and date are the author's to fill in: tab stops, not a
    // block that swaps this error for two missing-key errors.
    const placeholders: Record<string, string> = { title: '"${1:YYYY_1st_quarter}"', date: '${2:YYYY-MM-DD}' };
    for (const key of BLOG_KEYS) {
      const value = suggestedValue(post, key);
      if (value !== undefined) lines.push(`${key}: ${named ? value : escapeSnippet(value)}`);
      else if (!named && placeholders[key]) lines.push(`${key}: ${placeholders[key]}`);
    }
    lines.push('---', '');
    report({
      range: post.lines.lineRange(0),
      messageId: 'missing',
      fix: {
        title: { en: 'Insert a front matter block', ko: 'front matter 블록 넣기' },
        // Safe only when the file name gives the date (and so the title); otherwise the user fills them in.
        safe: named !== undefined,
        ...(named ? {} : { snippet: true }),
        edits: [{ range: post.lines.rangeOf(0, 0), newText: lines.join(eol) + eol }],
      },
    });
  },
};
