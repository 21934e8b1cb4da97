/**
 * `title-format`: the title does not follow the blog's pattern `YYYY_<1st|2nd|3rd|4th>_quarter`
 * (configurable with `titlePattern`). The real history has `2020_2nd_quater`, `2020 3rd quater`,
 * `2020_3rd_quater2` and `2020_3rd`.
 */
import type { FixDescriptor, RuleDefinition } from '../engine/rule';
import { quarterTitle } from '../jekyll';
import { examplePost, frontMatterWith } from './support/examples';
import { entryOf, postDate, quoted, readableFrontMatter, replaceValue, stringValue } from './support/frontMatter';

export const titleFormat: RuleDefinition = {
  id: 'title-format',
  category: 'front-matter',
  defaultSeverity: 'warning',
  description: {
    en: "The title does not match the blog's pattern (`YYYY_<1st|2nd|3rd|4th>_quarter` by default).",
    ko: '제목이 블로그의 형식(기본값 `YYYY_<1st|2nd|3rd|4th>_quarter`)과 맞지 않습니다.',
  },
  messages: {
    format: {
      en: 'Expected a title matching `{pattern}`, found `{title}`',
      ko: '`{pattern}` 형식의 제목이 필요하지만 `{title}`입니다',
    },
  },
  docs: {
    rationale:
      "Every quarter's post is titled the same way, and the front page lists posts by title. A misspelled title " +
      '(`2020_2nd_quater` stood on the real blog for weeks) is what readers see first.',
    ok: { text: examplePost(frontMatterWith({ title: '"2020_2nd_quarter"' })) },
    notOk: { text: examplePost(frontMatterWith({ title: '"2020 2nd quater"' })) },
    fix: "Corrects `quater` to `quarter` and spaces to `_` when that is enough; otherwise offers the title computed from the date's quarter.",
    options: 'The pattern is the `titlePattern` setting, a regular expression.',
  },
  check(post, context, report) {
    const fm = readableFrontMatter(post);
    if (!fm) return;
    const entry = entryOf(fm, 'title');
    const title = stringValue(entry);
    if (!entry || title === undefined || title === '' || context.config.titlePattern.test(title)) return;
    const fixes: FixDescriptor[] = [];
    const corrected = title.replace(/quater/gi, 'quarter').replace(/\s+/g, '_');
    if (corrected !== title && context.config.titlePattern.test(corrected)) {
      fixes.push({
        title: { en: `Correct the title to \`${corrected}\``, ko: `제목을 \`${corrected}\`(으)로 고치기` },
        safe: true,
        edits: [replaceValue(post, entry, quoted(corrected))],
      });
    }
    const date = postDate(post);
    const computed = date ? quarterTitle(date) : undefined;
    if (computed && computed !== corrected && context.config.titlePattern.test(computed)) {
      fixes.push({
        title: { en: `Use the date's quarter: \`${computed}\``, ko: `날짜의 분기로 쓰기: \`${computed}\`` },
        safe: false,
        edits: [replaceValue(post, entry, quoted(computed))],
      });
    }
    report({
      range: entry.valueRange,
      messageId: 'format',
      data: { title, pattern: context.config.titlePattern.source },
      fix: fixes,
    });
  },
};
