/**
 * `filename-date-mismatch`: the date in the file name and the front matter date differ. Jekyll
 * dates the post and builds its URL from the front matter's `date` (the name's date counts only
 * when there is none), so the post's URL and shown date disagree with its file name. Both dates
 * are read as Jekyll reads them, in the zone the site builds in: `2020-04-02 08:00:00 +0900` is
 * 2020-04-01 in a UTC build, as on GitHub Pages.
 */
import type { RuleDefinition } from '../engine/rule';
import { compareDates, formatDate } from '../jekyll';
import { inBuildZone, readJekyllDate, canonicalDate } from '../jekyllDate';
import { readPostName } from '../jekyllPostName';
import { examplePost, frontMatterWith, SAMPLE_FRONT_MATTER } from './support/examples';
import { replaceValue } from './support/frontMatter';
import { jekyllPostDate, zoneOf } from './support/jekyllDates';

export const filenameDateMismatch: RuleDefinition = {
  id: 'filename-date-mismatch',
  category: 'file',
  defaultSeverity: 'warning',
  description: {
    en: 'The date in the file name differs from the front matter date.',
    ko: '파일 이름의 날짜가 front matter의 날짜와 다릅니다.',
  },
  messages: {
    mismatch: {
      en: "Expected the front matter date to match the file name's {fileDate}, found {date}",
      ko: 'front matter 날짜가 파일 이름의 {fileDate}와(과) 같아야 하지만 {date}입니다',
    },
    mismatchRead: {
      en: "Expected the front matter date to match the file name's {fileDate}, found `{value}`, which Jekyll, building in {zone}, reads as {date}",
      ko: 'front matter 날짜가 파일 이름의 {fileDate}와(과) 같아야 하지만 `{value}`이며, {zone} 기준으로 빌드하는 Jekyll은 이를 {date}(으)로 읽습니다',
    },
  },
  docs: {
    rationale:
      'Jekyll dates the post, orders it and builds its URL (`/2020/04/02/...`) from the front matter `date`, while people ' +
      "find the file by its name. When the two disagree, one of them is stale, usually after copying last quarter's post. " +
      "Jekyll reads a time with its offset in the zone the site builds in (UTC on GitHub Pages, or `_config.yml`'s " +
      '`timezone`): `2020-04-02 08:00:00 +0900` is 2020-04-01 there, and the post lands under that day.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER), fileName: '2020-04-02-2nd_quarter.md' },
    notOk: { text: examplePost(frontMatterWith({ date: '2020-07-02' })), fileName: '2020-04-02-2nd_quarter.md' },
    fix:
      'Two fixes, neither applied automatically since either side may be the stale one: set the front matter date from the ' +
      'file name (keeping its time when the day stays the same), or rename the file from the date Jekyll uses.',
  },
  check(post, context, report) {
    const name = readPostName(post.fileName, context.site?.markdownExtensions);
    if (name.kind !== 'post' || name.date.kind !== 'date') return;
    const used = jekyllPostDate(post, context);
    if (!used || used.source !== 'front-matter' || !used.entry) return;
    const zone = zoneOf(context);
    const named = inBuildZone(name.date, zone).date;
    if (compareDates(used.date, named) === 0) return;
    const fileDate = formatDate(named);
    const date = formatDate(used.date);
    const value = used.entry.valueSource.trim();
    // Keep a time written after the date, unless the day it gives in the build's zone is another.
    const canonical = canonicalDate(used.reading);
    const withTime = `${fileDate}${canonical.slice(10)}`;
    const kept = readJekyllDate(withTime);
    const newValue =
      kept.kind === 'date' && compareDates(inBuildZone(kept, zone).date, named) === 0 ? withTime : fileDate;
    const newName = `${date}-${name.slug}.${name.extension}`;
    const read = formatDate(used.reading.written) !== date || used.reading.rest !== '';
    report({
      range: used.entry.valueRange,
      messageId: read ? 'mismatchRead' : 'mismatch',
      data: read ? { fileDate, date, value, zone } : { fileDate, date },
      fix: [
        {
          title: { en: `Set the date to ${newValue}`, ko: `날짜를 ${newValue}(으)로 바꾸기` },
          safe: false,
          edits: [replaceValue(post, used.entry, newValue)],
        },
        {
          title: { en: `Rename the file to \`${newName}\``, ko: `파일 이름을 \`${newName}\`(으)로 바꾸기` },
          safe: false,
          edits: [],
          rename: newName,
        },
      ],
    });
  },
};
