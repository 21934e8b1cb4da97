/**
 * `front-matter-duplicate-key`: a front matter key is written twice. Jekyll keeps the last value,
 * silently, so an edit to the first has no effect.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER } from './support/examples';
import { isPlainKey, removeEntry } from './support/frontMatter';

export const frontMatterDuplicateKey: RuleDefinition = {
  id: 'front-matter-duplicate-key',
  category: 'front-matter',
  defaultSeverity: 'error',
  description: {
    en: 'A front matter key appears twice; Jekyll silently keeps the last one.',
    ko: 'front matter 키가 두 번 나옵니다. Jekyll은 말없이 마지막 값을 씁니다.',
  },
  messages: {
    duplicate: {
      en: 'Expected `{key}` once in the front matter, found it again (first on line {line})',
      ko: '`{key}` 키는 front matter에 한 번만 있어야 하지만 다시 나옵니다 (처음은 {line}번째 줄)',
    },
  },
  docs: {
    rationale:
      'YAML readers keep the last of two equal keys without a word. A post that says `date:` twice is published ' +
      'with the second date, whatever the first says.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost([...SAMPLE_FRONT_MATTER, 'date: 2020-07-02']) },
    fix:
      'Removes the later line, or the earlier one. Removing the later line is applied automatically only when it repeats ' +
      'the value of the line before it: then nothing is lost and Jekyll (which keeps the last value) publishes the same. ' +
      'Otherwise the author chooses which line goes.',
  },
  check(post, _context, report) {
    const fm = post.frontMatter;
    if (!fm || !fm.closed) return;
    const first = new Map<string, (typeof fm.entries)[number]>();
    const previous = new Map<string, (typeof fm.entries)[number]>();
    for (const entry of fm.entries) {
      const before = previous.get(entry.key);
      previous.set(entry.key, entry);
      if (!before) {
        first.set(entry.key, entry);
        continue;
      }
      // Only a plain key's line is removed: an empty key, `&anchor` or `[a]` is broken YAML that
      // the author must read, and removing it may uncover other problems instead of fixing one.
      const fixes = [];
      if (isPlainKey(post, entry)) {
        fixes.push({
          title: { en: 'Remove the later `{key}`', ko: '뒤에 나온 `{key}` 지우기' },
          // Safe when nothing is lost and Jekyll's value stays: the line repeats the one before it.
          // (Comparing with the first occurrence is not enough: Jekyll uses the last one.)
          safe: before.valueSource.trim() === entry.valueSource.trim(),
          edits: [removeEntry(post, entry)],
        });
      }
      if (isPlainKey(post, before)) {
        fixes.push({
          title: {
            en: 'Remove the earlier `{key}` (line {previous})',
            ko: '앞에 나온 `{key}` 지우기 ({previous}번째 줄)',
          },
          safe: false,
          edits: [removeEntry(post, before)],
        });
      }
      report({
        range: entry.keyRange,
        messageId: 'duplicate',
        data: {
          key: entry.key,
          line: first.get(entry.key)!.keyRange.start.line + 1,
          previous: before.keyRange.start.line + 1,
        },
        fix: fixes,
      });
    }
  },
};
