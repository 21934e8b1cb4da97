/**
 * `duplicate-paper`: the same paper title twice in a post (a warning: the real 2nd-quarter post has
 * a second AutoSlim section that is another talk under a copied title), or a paper already
 * presented in another post of the workspace (info: the index knows which post and who).
 */
import type { RuleDefinition } from '../engine/rule';
import type { IndexedPaper } from '../workspace';
import { paperTitleKey } from '../workspace';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';

export const duplicatePaper: RuleDefinition = {
  id: 'duplicate-paper',
  category: 'section',
  defaultSeverity: 'warning',
  description: {
    en: 'The same paper appears twice in the post, or was already presented in another post.',
    ko: '같은 논문이 포스트에 두 번 나오거나, 다른 포스트에서 이미 발표되었습니다.',
  },
  messages: {
    duplicate: {
      en: 'Expected each paper once in a post, found `{title}` again (first on line {line})',
      ko: '논문은 포스트에 한 번만 있어야 하지만 `{title}`이(가) 또 있습니다(처음은 {line}번째 줄)',
    },
    presentedBy: {
      en: 'Expected a paper new to the blog, found it also presented in `{post}` by {presenter}',
      ko: '블로그에 처음 소개되는 논문이 필요하지만 `{post}`에서 {presenter} 님도 발표했습니다',
    },
    presented: {
      en: 'Expected a paper new to the blog, found it also presented in `{post}`',
      ko: '블로그에 처음 소개되는 논문이 필요하지만 `{post}`에서도 발표되었습니다',
    },
  },
  docs: {
    rationale:
      'A title written twice is usually a section copied as a template and never retitled: the real 2nd-quarter post shows ' +
      'two AutoSlim sections, the second of which links an object-detection talk. Titles are compared without regard to ' +
      'letter case, punctuation or emphasis. In the editor, a paper already presented in another post of the blog is ' +
      'noted too (as information: presenting a paper again can be deliberate).',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: {
      text: examplePost(SAMPLE_FRONT_MATTER, `${SAMPLE_SECTION}\n\n${SAMPLE_SECTION.replace('홍길동', '김철수')}`),
    },
  },
  check(post, context, report) {
    const first = new Map<string, number>();
    for (const section of post.sections) {
      const key = paperTitleKey(section.title.text);
      if (!key) continue;
      const range = section.title.content.range;
      const earlier = first.get(key);
      if (earlier !== undefined) {
        report({ range, messageId: 'duplicate', data: { title: section.title.text, line: earlier + 1 } });
        continue;
      }
      first.set(key, section.title.range.start.line);
      const other = earliest(context.workspace?.papersWithTitle(key, post.uri) ?? []);
      if (!other) continue;
      const where = other.postTitle || other.fileName;
      report({
        range,
        severity: 'info',
        messageId: other.presenter ? 'presentedBy' : 'presented',
        data: other.presenter ? { post: where, presenter: other.presenter } : { post: where },
      });
    }
  },
};

/**
 * The first presentation of a paper among other posts: by file name (Jekyll's names start with the
 * date), then URI and line, so that every view of the workspace (the server's index, the CLI's
 * scan) names the same post.
 */
function earliest(papers: readonly IndexedPaper[]): IndexedPaper | undefined {
  let best: IndexedPaper | undefined;
  for (const paper of papers) {
    if (
      !best ||
      paper.fileName.localeCompare(best.fileName) < 0 ||
      (paper.fileName === best.fileName && (paper.uri.localeCompare(best.uri) || paper.line - best.line) < 0)
    )
      best = paper;
  }
  return best;
}
