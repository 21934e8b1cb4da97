/**
 * `title-date-mismatch`: the title names another year or quarter than the date (or than the file
 * name, when it names one). A real draft copied the 3rd-quarter front matter into the 4th-quarter
 * file and kept the old title and date.
 */
import type { RuleDefinition } from '../engine/rule';
import { formatDate, quarterNamedIn, quarterOf, quarterTitle } from '../jekyll';
import { examplePost, frontMatterWith } from './support/examples';
import { entryOf, quoted, readableFrontMatter, replaceValue, stringValue } from './support/frontMatter';
import { jekyllPostDate } from './support/jekyllDates';

export const titleDateMismatch: RuleDefinition = {
  id: 'title-date-mismatch',
  category: 'front-matter',
  defaultSeverity: 'warning',
  description: {
    en: "The title's year or quarter disagrees with the date's (or with the file name's).",
    ko: '제목의 연도나 분기가 날짜(또는 파일 이름)와 다릅니다.',
  },
  messages: {
    date: {
      en: 'Expected the title to name {expected}, the quarter of the date {date}, found {found}',
      ko: '제목에 날짜 {date}의 분기인 {expected}이(가) 필요하지만 {found}입니다',
    },
    fileName: {
      en: 'Expected the title to name {expected}, as the file name `{fileName}` does, found {found}',
      ko: '제목에 파일 이름 `{fileName}`과(와) 같은 {expected}이(가) 필요하지만 {found}입니다',
    },
  },
  docs: {
    rationale:
      'A post copied from the previous quarter keeps the old title and date. Jekyll publishes it happily, under the ' +
      'wrong quarter. The quarters are Q1 `1st` (January-March) to Q4 `4th` (October-December). The date is the one ' +
      'Jekyll uses: the first of a range, an impossible day counted on, a time with an offset in the zone the site builds in.',
    ok: { text: examplePost(frontMatterWith({ title: '"2020_2nd_quarter"', date: '2020-04-02' })) },
    notOk: { text: examplePost(frontMatterWith({ title: '"2020_3rd_quarter"', date: '2020-04-02' })) },
    fix: 'Replaces the title with the one computed from the date (not applied automatically: the date may be the wrong one).',
  },
  check(post, context, report) {
    const fm = readableFrontMatter(post);
    if (!fm) return;
    const entry = entryOf(fm, 'title');
    const title = stringValue(entry);
    if (!entry || !title) return;
    const named = quarterNamedIn(title);
    if (named.year === undefined && named.quarter === undefined) return;
    const found = describe(named.year, named.quarter);

    // The date Jekyll gives the post (in the build's zone), when the front matter has one it can read.
    const used = jekyllPostDate(post, context);
    const date = used?.source === 'front-matter' ? used.date : undefined;
    if (
      date &&
      ((named.year !== undefined && named.year !== date.year) ||
        (named.quarter !== undefined && named.quarter !== quarterOf(date)))
    ) {
      const computed = quarterTitle(date);
      // When the file name names another quarter than the date, no title agrees with both: the
      // fix would only trade this report for the file name one (filename-date-mismatch says why).
      const inName = quarterNamedIn(post.fileName.replace(/^\d{4}-\d{2}-\d{2}-/, (m) => m.slice(0, 4) + '-'));
      const nameAgrees =
        (inName.year === undefined || inName.year === date.year) &&
        (inName.quarter === undefined || inName.quarter === quarterOf(date));
      report({
        range: entry.valueRange,
        messageId: 'date',
        data: { expected: describe(date.year, quarterOf(date)), date: formatDate(date), found },
        fix: !nameAgrees
          ? undefined
          : {
              title: { en: `Use the date's quarter: \`${computed}\``, ko: `날짜의 분기로 쓰기: \`${computed}\`` },
              safe: false,
              edits: [replaceValue(post, entry, quoted(computed))],
            },
      });
      return;
    }

    const inName = quarterNamedIn(post.fileName.replace(/^\d{4}-\d{2}-\d{2}-/, (m) => m.slice(0, 4) + '-'));
    const yearDiffers = inName.year !== undefined && named.year !== undefined && inName.year !== named.year;
    const quarterDiffers =
      inName.quarter !== undefined && named.quarter !== undefined && inName.quarter !== named.quarter;
    if (yearDiffers || quarterDiffers) {
      report({
        range: entry.valueRange,
        messageId: 'fileName',
        data: {
          expected: describe(inName.year ?? named.year, inName.quarter ?? named.quarter),
          fileName: post.fileName,
          found,
        },
      });
    }
  },
};

function describe(year: number | undefined, quarter: string | undefined): string {
  if (year !== undefined && quarter !== undefined) return `${year} ${quarter} quarter`;
  return year !== undefined ? String(year) : `${quarter} quarter`;
}
