/**
 * `front-matter-missing`: the post has no front matter (or has it after blank lines, where Jekyll does
 * not look). Jekyll still publishes a file of `_posts/` with a post's name: titled from its file name,
 * dated by it, without a layout (on GitHub Pages, jekyll-default-layout gives it `post`) and without
 * the blog's keys (`mathjax`, `image_url`, `comments`); after blank lines, the front matter shows
 * as text at the top of the page. The parity suite holds both against `jekyll build`.
 */
import type { Post } from '../model';
import { effectiveSeverity } from '../engine/engine';
import type { RuleContext, RuleDefinition } from '../engine/rule';
import { BLOG_KEYS, parsePostFileName } from '../jekyll';
import { readPostName, titleFromSlug } from '../jekyllPostName';
import { findFrontMatter, parseFrontMatter } from '../parse/frontMatter';
import { LineIndex } from '../text/lineIndex';
import { examplePost, SAMPLE_FRONT_MATTER } from './support/examples';
import { lineBreak, suggestedValue } from './support/frontMatter';
import { escapeSnippet } from './support/snippets';
import { fieldType } from './field-type';
import { frontMatterDuplicateKey } from './front-matter-duplicate-key';
import { frontMatterSyntax } from './front-matter-syntax';
import { requiredField } from './required-field';

/** The rules that judge a front matter block and report errors by default: what reading a block may newly raise. */
const BLOCK_RULES: readonly RuleDefinition<object>[] = [
  frontMatterSyntax,
  frontMatterDuplicateKey,
  requiredField,
  fieldType,
];

export const frontMatterMissing: RuleDefinition = {
  id: 'front-matter-missing',
  category: 'front-matter',
  defaultSeverity: 'error',
  description: {
    en: 'The post has no front matter on its first line, so Jekyll publishes it without its layout, title or settings.',
    ko: '포스트 첫 줄에 front matter가 없어 Jekyll이 레이아웃, 제목, 설정 없이 게시합니다.',
  },
  messages: {
    missing: {
      en: 'Expected front matter (a `---` line, then `layout`, `title`, `date`, ...), found none: Jekyll still publishes the post, titled `{title}` from its file name, without a layout (GitHub Pages gives it `post`) and without `mathjax` or `image_url`',
      ko: 'front matter(`---` 줄과 `layout`, `title`, `date` 등)가 필요하지만 없습니다: Jekyll은 파일 이름에서 딴 `{title}` 제목으로 포스트를 게시하지만 레이아웃(GitHub Pages는 `post`를 씁니다)과 `mathjax`, `image_url`이 없습니다',
    },
    missingNotPublished: {
      en: 'Expected front matter (a `---` line, then `layout`, `title`, `date`, ...), found none',
      ko: 'front matter(`---` 줄과 `layout`, `title`, `date` 등)가 필요하지만 없습니다',
    },
    blankLinesBefore: {
      en: 'Expected the front matter on the first line, found blank lines before its `---`: Jekyll publishes the front matter as text at the top of the post, titled `{title}` from its file name, without a layout (GitHub Pages gives it `post`)',
      ko: 'front matter가 첫 줄에 있어야 하지만 `---` 앞에 빈 줄이 있습니다: Jekyll은 front matter를 포스트 맨 위에 글자로 보이며, 파일 이름에서 딴 `{title}` 제목으로 레이아웃 없이(GitHub Pages는 `post`를 씁니다) 게시합니다',
    },
    blankLinesBeforeNotPublished: {
      en: 'Expected the front matter on the first line, found blank lines before its `---`: Jekyll does not read it there',
      ko: 'front matter가 첫 줄에 있어야 하지만 `---` 앞에 빈 줄이 있습니다: Jekyll은 그 자리의 front matter를 읽지 않습니다',
    },
  },
  docs: {
    rationale:
      "Jekyll reads front matter only when the file's first line is `---`. A file of `_posts/` with a post's name is " +
      'published even without it: titled from its file name (`2nd_quarter`), dated by it, with no `mathjax` (formulas show ' +
      'raw), no thumbnail on the home page and no layout: Jekyll alone shows the bare text; GitHub Pages, whose ' +
      'jekyll-default-layout plugin gives a Markdown post without one the `post` layout, shows it in the post page. A front ' +
      'matter after blank lines is not read at all: it shows as text at the top of the page.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(undefined) },
    fix:
      "Inserts a front matter block with the blog's keys. With a dated file name, the date comes from the name and the title from " +
      "its quarter; otherwise the block leaves both for the author to fill in. `image_url` is the post's first image. When the " +
      'post has a front matter block after blank lines, removes the blank lines instead (applied automatically when the block ' +
      'is valid YAML).',
  },
  check(post, context, report) {
    if (post.frontMatter) return;
    const displaced = frontMatterAfterBlankLines(post, context);
    // What Jekyll does with the file depends on its name: a name it skips is filename-format's.
    const jekyllName = readPostName(post.fileName, context.site?.markdownExtensions);
    const published = jekyllName.kind === 'post';
    const title = published ? titleFromSlug(jekyllName.slug) : '';
    if (displaced) {
      const blanks = { start: post.lines.positionAt(displaced.start), end: post.lines.positionAt(displaced.end) };
      report({
        range: blanks,
        messageId: published ? 'blankLinesBefore' : 'blankLinesBeforeNotPublished',
        data: published ? { title } : {},
        fix: {
          title: { en: 'Remove the blank lines before the front matter', ko: 'front matter 앞의 빈 줄 지우기' },
          // The block is the author's: once it is on the first line Jekyll reads it. Unattended only when reading it
          // raises no error (broken YAML, a missing `date`): that would be the author's to settle.
          safe: displaced.readsCleanly,
          edits: [{ range: blanks, newText: '' }],
        },
      });
      return;
    }
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
      messageId: published ? 'missing' : 'missingNotPublished',
      data: published ? { title } : {},
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

/**
 * The blank (or whitespace-only) lines before a `---` line that opens a closed front matter block,
 * as offsets (after a byte order mark), and whether that block, once on the first line, raises no
 * error; undefined when the post does not start with blank lines followed by a closed block.
 * Jekyll reads front matter only on the first line, so such a post has none as far as Jekyll knows.
 */
function frontMatterAfterBlankLines(
  post: Post,
  context: RuleContext,
): { start: number; end: number; readsCleanly: boolean } | undefined {
  const text = post.text;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const blanks = /^(?:[ \t]*(?:\r\n|\r|\n))+/.exec(text.slice(start));
  if (!blanks) return undefined;
  const end = start + blanks[0].length;
  // Only a post that opens with blank lines gets here (never one being typed in good shape), so the
  // block is read here rather than by the parser for every post.
  const rest = text.slice(end);
  const block = findFrontMatter(rest);
  if (!block?.close) return undefined;
  const frontMatter = parseFrontMatter(rest, block, new LineIndex(rest));
  // The rules that would judge the block, run on it as if it were the post's: only whether one reports an error counts.
  const asRead: Post = { ...post, frontMatter };
  let errors = 0;
  for (const rule of BLOCK_RULES) {
    const severity = effectiveSeverity(rule, context.config);
    if (severity === 'off') continue;
    const options = { ...(rule.defaultOptions ?? {}), ...(context.config.rules[rule.id]?.options ?? {}) };
    try {
      rule.check(asRead, { ...context, options, severity }, (d) => {
        if ((d.severity ?? severity) === 'error') errors++;
      });
    } catch {
      errors++;
    }
  }
  return { start, end, readsCleanly: errors === 0 };
}
