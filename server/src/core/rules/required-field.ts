/**
 * `required-field`: a front matter key the blog needs is missing. `layout`, `title` and `date` are
 * errors (the post breaks or lands in the wrong place); `image_url`, `mathjax` and `comments` are
 * warnings (no thumbnail on the front page, raw formulas, no comment box). The list and each
 * key's severity come from `requiredFields`.
 */
import type { RuleDefinition, Severity } from '../engine/rule';
import { examplePost, frontMatterWith } from './support/examples';
import { canInsertEntries, entryOf, insertEntries, readableFrontMatter, suggestedValue } from './support/frontMatter';
import { keyTypos, knownKeys } from './support/keyTypos';

export const requiredField: RuleDefinition = {
  id: 'required-field',
  category: 'front-matter',
  defaultSeverity: 'error',
  description: {
    en: 'A required front matter key (`layout`, `title`, `date`, `image_url`, `mathjax`, `comments`) is missing.',
    ko: '필수 front matter 키(`layout`, `title`, `date`, `image_url`, `mathjax`, `comments`)가 없습니다.',
  },
  messages: {
    missing: {
      en: 'Expected front matter key `{key}`, found none',
      ko: 'front matter에 `{key}` 키가 필요하지만 없습니다',
    },
    misspelled: {
      en: 'Expected front matter key `{key}`, found `{found}` (a misspelling nothing reads)',
      ko: 'front matter에 `{key}` 키가 필요하지만 `{found}`입니다(아무것도 읽지 않는 오타)',
    },
  },
  docs: {
    rationale:
      'Without `layout` the post renders unstyled, without `title` or `date` it lands in the wrong place or not at all. ' +
      'The front page shows `image_url` as the thumbnail, `mathjax: true` loads the formula renderer and `comments: true` ' +
      'the comment box.',
    ok: { text: examplePost(frontMatterWith({})) },
    notOk: { text: examplePost(frontMatterWith({ image_url: undefined })) },
    fix:
      "Inserts the key before the closing `---`: `layout: post`, the title computed from the date's quarter, the date from the file name, " +
      'the first image of the post as `image_url` (as `image-src` would fix its address), `mathjax: true`, `comments: true`. When the post ' +
      'has a misspelling of the key (`comment: true`), the fix renames it instead, as `unknown-field` does, and adds nothing beside it.',
    options:
      'The keys and their severities come from the `requiredFields` setting (default `layout`, `title`, `date`: error; ' +
      '`image_url`, `mathjax`, `comments`: warning). A severity set for the rule itself applies to every key.',
  },
  check(post, context, report) {
    const fm = readableFrontMatter(post);
    if (!fm) return;
    const ruleSeverityConfigured = context.config.rules['required-field'] !== undefined;
    const typos = keyTypos(post, fm, knownKeys(context.config), context.site);
    for (const [key, fieldSeverity] of Object.entries(context.config.requiredFields)) {
      if (fieldSeverity === 'off' || entryOf(fm, key)) continue;
      const severity: Severity = ruleSeverityConfigured ? context.severity : fieldSeverity;
      // A misspelling of the key is there: the fix is its rename, never a second key beside it.
      const misspellings = typos.filter((t) => t.suggestion === key);
      if (misspellings.length > 0) {
        const only = misspellings.length === 1 ? misspellings[0]! : undefined;
        report({
          range: fm.openRange,
          messageId: 'misspelled',
          data: { key, found: misspellings.map((t) => t.entry.key).join('`, `') },
          severity,
          fix: only?.renameable
            ? {
                title: { en: 'Rename `{found}` to `{key}`', ko: '`{found}`을(를) `{key}`(으)로 바꾸기' },
                safe: only.safe,
                edits: [{ range: only.entry.keyRange, newText: key }],
              }
            : undefined,
        });
        continue;
      }
      const value = suggestedValue(post, key, context.site);
      report({
        range: fm.openRange,
        messageId: 'missing',
        data: value === undefined ? { key } : { key, value },
        severity,
        fix:
          value === undefined || !canInsertEntries(fm)
            ? undefined
            : {
                title: { en: 'Insert `{key}: {value}`', ko: '`{key}: {value}` 넣기' },
                safe: true,
                edits: [insertEntries(post, fm, [`${key}: ${value}`])],
              },
      });
    }
  },
};
