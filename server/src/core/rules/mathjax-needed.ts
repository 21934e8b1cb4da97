/**
 * `mathjax-needed`: the post has `$$...$$` math but does not set `mathjax: true`, so readers see
 * the raw TeX.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, frontMatterWith, SAMPLE_FRONT_MATTER } from './support/examples';
import { canInsertEntries, entryOf, insertEntries, readableFrontMatter, replaceValue } from './support/frontMatter';

const MATH_SECTION = [
  '# Gate Decorator: Global Filter Pruning Method for Accelerating Deep Convolutional Neural Networks',
  '## Zhonghui You, Kun Yan, Jinmian Ye, Meng Ma, Ping Wang, NeurIPS 2019',
  '### 발표자: 홍길동 [[paper link](https://arxiv.org/abs/1909.08174), [presentation material](https://example.com/gate.pdf)]',
  '- 각 layer에 gate를 두고 $$L_1$$-regularization으로 중요하지 않은 filter를 제거합니다.',
].join('\n');

export const mathjaxNeeded: RuleDefinition = {
  id: 'mathjax-needed',
  category: 'front-matter',
  defaultSeverity: 'warning',
  description: {
    en: 'The post has `$$...$$` math but `mathjax` is not `true`.',
    ko: '포스트에 `$$...$$` 수식이 있지만 `mathjax`가 `true`가 아닙니다.',
  },
  messages: {
    needed: {
      en: 'Expected `mathjax: true` for the math in this post, found {found}: formulas will show as raw text',
      ko: '이 포스트의 수식에는 `mathjax: true`가 필요하지만 {found}입니다: 수식이 그대로 글자로 보입니다',
    },
  },
  docs: {
    rationale:
      'The blog loads MathJax only on posts with `mathjax: true`; elsewhere `$$\\Theta$$` is printed as it is written.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER, MATH_SECTION) },
    notOk: { text: examplePost(frontMatterWith({ mathjax: 'false' }), MATH_SECTION) },
    fix: 'Sets `mathjax: true` (or inserts it).',
  },
  check(post, _context, report) {
    const fm = readableFrontMatter(post);
    const firstMath = post.math[0];
    if (!fm || !firstMath) return;
    const entry = entryOf(fm, 'mathjax');
    // The layout tests `{% if page.mathjax %}`: every value but false and nothing loads MathJax (a
    // string such as "yes" too, which is field-type's to report).
    if (entry && entry.value !== false && entry.value !== null && entry.value !== undefined) return;
    report({
      range: entry ? entry.valueRange : firstMath.range,
      messageId: 'needed',
      data: { found: entry ? `\`mathjax: ${entry.valueSource.trim()}\`` : 'no `mathjax` key' },
      fix:
        !entry && !canInsertEntries(fm)
          ? undefined
          : {
              title: { en: 'Set `mathjax: true`', ko: '`mathjax: true`로 설정하기' },
              safe: true,
              edits: [entry ? replaceValue(post, entry, 'true') : insertEntries(post, fm, ['mathjax: true'])],
            },
    });
  },
};
