/**
 * `unknown-field`: a front matter key that neither the blog nor Jekyll reads, usually a typo
 * (`comment` for `comments`, `mathJax` for `mathjax`) that silently turns a feature off.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, frontMatterWith } from './support/examples';
import { keyTypos, knownKeys } from './support/keyTypos';

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
    fix:
      'Renames the key to the closest known one (within two edits), unless the post already has that key. The rename is ' +
      'applied automatically (`--fix`, Fix All) when it cannot guess wrong: the key is the only known one that close, no other ' +
      'key of the post is a misspelling of it, the typo is not a short word that happens to be near a key, and the value suits ' +
      'the key (`comment: true` becomes `comments: true`; `comment: great talks` is left to the author).',
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
    const known = knownKeys(context.config, context.options.allow);
    for (const { entry, suggestion, renameable, safe } of keyTypos(post, fm, known, context.site)) {
      report({
        range: entry.keyRange,
        messageId: suggestion ? 'didYouMean' : 'unknown',
        data: { key: entry.key, suggestion: suggestion ?? '' },
        fix: renameable
          ? {
              title: { en: 'Rename to `{suggestion}`', ko: '`{suggestion}`(으)로 바꾸기' },
              safe,
              edits: [{ range: entry.keyRange, newText: suggestion! }],
            }
          : undefined,
      });
    }
  },
};
