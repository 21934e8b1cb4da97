/**
 * `unknown-field`: a front matter key that neither the blog nor Jekyll reads, usually a typo
 * (`comment` for `comments`, `mathJax` for `mathjax`) that silently turns a feature off.
 */
import type { RuleDefinition } from '../engine/rule';
import { BLOG_KEYS, closest, KNOWN_JEKYLL_KEYS } from '../jekyll';
import { examplePost, frontMatterWith } from './support/examples';
import { isPlainKey } from './support/frontMatter';

interface Options {
  /** Extra keys to accept. */
  allow: string[];
}

export const unknownField: RuleDefinition<Options> = {
  id: 'unknown-field',
  category: 'front-matter',
  defaultSeverity: 'warning',
  description: {
    en: 'A front matter key that neither the blog nor Jekyll reads (often a typo).',
    ko: '블로그도 Jekyll도 읽지 않는 front matter 키입니다(대개 오타).',
  },
  messages: {
    unknown: {
      en: 'Expected a known front matter key, found `{key}`',
      ko: '알려진 front matter 키가 필요하지만 `{key}`입니다',
    },
    didYouMean: {
      en: 'Expected a known front matter key, found `{key}`; did you mean `{suggestion}`?',
      ko: '알려진 front matter 키가 필요하지만 `{key}`입니다. `{suggestion}`을(를) 뜻했나요?',
    },
  },
  docs: {
    rationale:
      'Nothing reads an unknown key, so a misspelled one (`comment: true`, `mathJax: true`) turns the feature off without any error.',
    ok: { text: examplePost(frontMatterWith({ author: 'Seminar team' })) },
    notOk: { text: examplePost(frontMatterWith({ comments: undefined, comment: 'true' })) },
    fix: 'Renames the key to the closest known one (within two edits), unless the post already has that key. Only a change of ' +
      'letter case is applied automatically.',
    options: '`allow`: extra keys to accept, e.g. `["unknown-field", ["warning", { "allow": ["series"] }]]`.',
  },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { allow: { type: 'array', items: { type: 'string' }, description: 'Extra keys to accept.' } },
  },
  defaultOptions: { allow: [] },
  check(post, context, report) {
    const fm = post.frontMatter;
    if (!fm || !fm.closed) return;
    const known = [...new Set([...BLOG_KEYS, ...Object.keys(context.config.requiredFields), ...KNOWN_JEKYLL_KEYS, ...context.options.allow])];
    for (const entry of fm.entries) {
      if (known.includes(entry.key)) continue;
      const suggestion = closest(entry.key, known);
      // Renaming onto a key the post already has would only make a duplicate.
      // Only a plain key is renamed: `[image]` or `!tag` is broken YAML, not a typo of `image`.
      const renameable = suggestion !== undefined && !fm.entries.some((e) => e.key === suggestion) && isPlainKey(post, entry);
      report({
        range: entry.keyRange,
        messageId: suggestion ? 'didYouMean' : 'unknown',
        data: { key: entry.key, suggestion: suggestion ?? '' },
        fix: renameable
          ? {
            title: { en: 'Rename to `{suggestion}`', ko: '`{suggestion}`(으)로 바꾸기' },
            safe: suggestion!.toLowerCase() === entry.key.toLowerCase(),
            edits: [{ range: entry.keyRange, newText: suggestion! }],
          }
          : undefined,
      });
    }
  },
};
