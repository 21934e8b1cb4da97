/**
 * `unknown-layout`: `layout` names a layout that neither the site's theme nor its `_layouts/`
 * folder has. Jekyll then renders the post without any layout: no header, no styles.
 */
import type { RuleDefinition } from '../engine/rule';
import { closest } from '../jekyll';
import { examplePost, frontMatterWith } from './support/examples';
import { entryOf, readableFrontMatter, replaceValue, stringValue } from './support/frontMatter';

export const unknownLayout: RuleDefinition = {
  id: 'unknown-layout',
  category: 'front-matter',
  defaultSeverity: 'warning',
  needsSite: true,
  description: {
    en: "`layout` names no layout of the site's theme or `_layouts/`.",
    ko: '`layout`이 사이트 테마나 `_layouts/`에 없는 레이아웃입니다.',
  },
  messages: {
    unknown: {
      en: "Expected one of the site's layouts ({layouts}), found `{layout}`",
      ko: '사이트의 레이아웃({layouts}) 중 하나가 필요하지만 `{layout}`입니다',
    },
  },
  docs: {
    rationale:
      'A post whose layout does not exist is rendered bare: no site header, no styles, no comment box. The known layouts ' +
      "are the theme's (from `_config.yml`; `minima` has `default`, `home`, `page`, `post`) and the site's own `_layouts/*.html`. " +
      'The rule is skipped outside a site and for themes whose layouts are not known.',
    ok: { text: examplePost(frontMatterWith({ layout: 'post' })) },
    notOk: { text: examplePost(frontMatterWith({ layout: 'posts' })) },
    fix: 'Replaces the value with the closest known layout.',
  },
  check(post, context, report) {
    const layouts = context.site?.layouts;
    const fm = readableFrontMatter(post);
    if (!fm || !layouts || layouts.length === 0) return;
    const entry = entryOf(fm, 'layout');
    const layout = stringValue(entry);
    if (!entry || layout === undefined || layout === '' || layouts.includes(layout)) return;
    const suggestion = closest(layout, layouts, 3);
    report({
      range: entry.valueRange,
      messageId: 'unknown',
      data: { layout, layouts: layouts.join(', '), suggestion: suggestion ?? '' },
      fix: suggestion
        ? {
            title: { en: 'Use layout `{suggestion}`', ko: '`{suggestion}` 레이아웃 쓰기' },
            safe: false,
            edits: [replaceValue(post, entry, suggestion)],
          }
        : undefined,
    });
  },
};
