/**
 * `future-date`: the post is dated after the moment of the check and the site does not set
 * `future: true`, so a build run now leaves it out. Jekyll compares the post's date with the time
 * the build starts, both in the zone the site builds in: `_config.yml`'s `timezone`, or UTC, where
 * GitHub Pages builds. A post dated today in Korea can still be in the future for such a build.
 */
import type { RuleDefinition } from '../engine/rule';
import { formatInstant } from '../jekyllDate';
import { examplePost, frontMatterWith } from './support/examples';
import { jekyllPostDate, zoneOf } from './support/jekyllDates';

export const futureDate: RuleDefinition = {
  id: 'future-date',
  category: 'front-matter',
  defaultSeverity: 'warning',
  needsSite: true,
  description: {
    en: 'The date is after the time of a build started now, and the site does not publish future posts.',
    ko: '날짜가 지금 시작한 빌드의 시각보다 뒤인데 사이트가 미래 날짜의 포스트를 게시하지 않습니다.',
  },
  messages: {
    future: {
      en: 'Expected a date no later than now ({now} {zone}), found `{value}`: a build before {at} {zone} leaves the post out (set `future: true` in `_config.yml` to change that)',
      ko: '지금({now} {zone}) 이전의 날짜가 필요하지만 `{value}`입니다: {at} {zone} 전에 한 빌드에서는 포스트가 빠집니다(`_config.yml`에 `future: true`를 쓰면 바뀝니다)',
    },
    futureName: {
      en: "Expected a date no later than now ({now} {zone}), found the file name's {value}: a build before {at} {zone} leaves the post out (set `future: true` in `_config.yml` to change that)",
      ko: '지금({now} {zone}) 이전의 날짜가 필요하지만 파일 이름의 날짜가 {value}입니다: {at} {zone} 전에 한 빌드에서는 포스트가 빠집니다(`_config.yml`에 `future: true`를 쓰면 바뀝니다)',
    },
  },
  docs: {
    rationale:
      'Jekyll leaves out posts dated after the moment the build starts unless `_config.yml` sets `future: true`. It reads ' +
      "the date in the zone the site builds in: `_config.yml`'s `timezone`, or UTC, where GitHub Pages builds. A post " +
      'dated today in Korea (`date: 2020-04-02`) is midnight UTC, nine hours after midnight in Seoul: pushed that ' +
      'morning, it is left out, and GitHub Pages builds again only on the next push. A typo in the year keeps a post off ' +
      'the blog with no error at all. The rule needs the site, to read `_config.yml`.',
    ok: { text: examplePost(frontMatterWith({ date: '2020-04-02' })) },
    notOk: { text: examplePost(frontMatterWith({ date: '2099-04-02' })) },
  },
  check(post, context, report) {
    if (!context.site || context.site.future) return;
    const used = jekyllPostDate(post, context);
    if (!used || used.build.instant <= context.now) return;
    const zone = zoneOf(context);
    const data = { now: formatInstant(context.now, zone), at: formatInstant(used.build.instant, zone), zone };
    if (used.entry)
      report({
        range: used.entry.valueRange,
        messageId: 'future',
        data: { ...data, value: used.entry.valueSource.trim() },
      });
    else
      report({
        range: post.lines.lineRange(0),
        messageId: 'futureName',
        data: { ...data, value: used.reading.leading },
      });
  },
};
