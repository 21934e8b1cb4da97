/**
 * Posts written inline for the Seminar view's and the statistics' tests: front matter with a
 * title and a date, and one section per talk.
 */
import { seminarPostOf, type SeminarPost } from '../../../server/src/core/index/seminar';
import { summarizePost } from '../../../server/src/core/index/workspaceIndex';
import { parsePost } from '../../../server/src/core/parse/parsePost';

/** A talk: title, presenter, and the authors line's content (authors and venue). */
export type TalkSpec = [title: string, presenter: string | undefined, authors?: string];

/** The text of a post with these talks. */
export function postText(frontMatter: Record<string, string>, talks: readonly TalkSpec[]): string {
  const fm = Object.entries(frontMatter)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  const body = talks
    .map(([title, presenter, authors]) =>
      [
        `# ${title}`,
        `## ${authors ?? 'Ada Lovelace et al., NeurIPS 2019'}`,
        presenter === undefined
          ? ''
          : `### 발표자: ${presenter} [[paper link](https://arxiv.org/abs/${title.length}), [presentation material](https://example.com/${title.length}.pdf)]`,
        '- 요약입니다.',
        '',
      ].join('\n'),
    )
    .join('\n');
  return `---\nlayout: post\n${fm}\n---\n\n${body}`;
}

/** The Seminar view's post of `fileName` under `/site/_posts/`. */
export function seminarPost(
  fileName: string,
  frontMatter: Record<string, string>,
  talks: readonly TalkSpec[],
): SeminarPost {
  return seminarPostOf(summarizePost(parsePost(postText(frontMatter, talks), `file:///site/_posts/${fileName}`)));
}
