/**
 * `filename-date-mismatch`: the date in the file name and the front matter date differ. Jekyll
 * takes the front matter's, so the post's URL (from the file name) and its shown date disagree.
 */
import type { RuleDefinition } from '../engine/rule';
import { compareDates, formatDate, parseJekyllDate, parsePostFileName } from '../jekyll';
import { examplePost, frontMatterWith, SAMPLE_FRONT_MATTER } from './support/examples';
import { entryOf, readableFrontMatter, replaceValue, stringValue } from './support/frontMatter';

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
      en: 'Expected the front matter date to match the file name\'s {fileDate}, found {date}',
      ko: 'front matter 날짜가 파일 이름의 {fileDate}와(과) 같아야 하지만 {date}입니다',
    },
  },
  docs: {
    rationale:
      'Jekyll orders and dates the post by the front matter `date`, while people find the file by its name. When the two ' +
      'disagree, one of them is stale, usually after copying last quarter\'s post.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER), fileName: '2020-04-02-2nd_quarter.md' },
    notOk: { text: examplePost(frontMatterWith({ date: '2020-07-02' })), fileName: '2020-04-02-2nd_quarter.md' },
    fix: 'Two fixes, neither applied automatically since either side may be the stale one: set the front matter date from the ' +
      'file name, or rename the file from the front matter date.',
  },
  check(post, _context, report) {
    const named = parsePostFileName(post.fileName);
    const fm = readableFrontMatter(post);
    if (!named || !fm) return;
    const entry = entryOf(fm, 'date');
    const dateText = stringValue(entry);
    const date = dateText !== undefined ? parseJekyllDate(dateText) : undefined;
    if (!entry || !date || compareDates(date, named.date) === 0) return;
    const fileDate = formatDate(named.date);
    const frontMatterDate = formatDate(date);
    // Keep a time written after the date (`2020-02-23 19:33:00 +0900`).
    const newValue = dateText!.replace(/^\d{4}-\d{2}-\d{2}/, fileDate);
    const newName = `${frontMatterDate}-${named.slug}.${named.extension}`;
    report({
      range: entry.valueRange,
      messageId: 'mismatch',
      data: { fileDate, date: frontMatterDate },
      fix: [
        { title: { en: `Set the date to ${fileDate}`, ko: `날짜를 ${fileDate}(으)로 바꾸기` }, safe: false, edits: [replaceValue(post, entry, newValue)] },
        { title: { en: `Rename the file to \`${newName}\``, ko: `파일 이름을 \`${newName}\`(으)로 바꾸기` }, safe: false, edits: [], rename: newName },
      ],
    });
  },
};
