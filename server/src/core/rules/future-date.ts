/**
 * `future-date`: the post is dated after today and the site does not set `future: true`, so Jekyll
 * leaves it out of the build until that day.
 */
import type { RuleDefinition } from '../engine/rule';
import { compareDates, parseJekyllDate } from '../jekyll';
import { examplePost, frontMatterWith } from './support/examples';
import { entryOf, readableFrontMatter, stringValue } from './support/frontMatter';

export const futureDate: RuleDefinition = {
  id: 'future-date',
  category: 'front-matter',
  defaultSeverity: 'warning',
  needsSite: true,
  description: {
    en: 'The date is after today and the site does not publish future posts.',
    ko: '날짜가 오늘 이후인데 사이트가 미래 날짜의 포스트를 게시하지 않습니다.',
  },
  messages: {
    future: {
      en: 'Expected a date no later than today ({today}), found {date}: Jekyll will not publish the post before then (set `future: true` in `_config.yml` to change that)',
      ko: '오늘({today}) 이전의 날짜가 필요하지만 {date}입니다: 그날까지 Jekyll이 포스트를 게시하지 않습니다(`_config.yml`에 `future: true`를 쓰면 바뀝니다)',
    },
  },
  docs: {
    rationale:
      'Jekyll skips posts dated in the future unless `_config.yml` sets `future: true`. A typo in the year keeps a post ' +
      'off the blog with no error at all. The rule needs the site, to read `_config.yml`.',
    ok: { text: examplePost(frontMatterWith({ date: '2020-04-02' })) },
    notOk: { text: examplePost(frontMatterWith({ date: '2099-04-02' })) },
  },
  check(post, context, report) {
    if (!context.site || context.site.future) return;
    const fm = readableFrontMatter(post);
    const entry = fm ? entryOf(fm, 'date') : undefined;
    const text = stringValue(entry);
    const date = text !== undefined ? parseJekyllDate(text) : undefined;
    const today = parseJekyllDate(context.today);
    if (!entry || !date || !today || compareDates(date, today) <= 0) return;
    report({ range: entry.valueRange, messageId: 'future', data: { today: context.today, date: text! } });
  },
};
