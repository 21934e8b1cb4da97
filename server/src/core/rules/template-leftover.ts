/**
 * `template-leftover`: text that a snippet, a command or a fix of this project wrote for the author
 * to replace is still there: `Paper title`, `Authors, Venue`, a presenter called `Presenter name`,
 * `One-line summary`, a paper link to `https://arxiv.org/abs/` without its id, an image at
 * `https://`, an empty authors line. The placeholders come from `core/templates.ts`, which every
 * writer uses, so that whatever a template writes this rule knows.
 */
import type { Range } from 'vscode-languageserver-types';
import type { ResolvedConfig } from '../config/config';
import type { ReportDescriptor, RuleDefinition } from '../engine/rule';
import type { Post, Section } from '../model';
import { isPlaceholderUrl, PLACEHOLDERS, placeholderPart, PLACEHOLDER_URLS, type PlaceholderPart } from '../templates';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { markdownImageAddress } from './support/imageAddress';
import { isPlaceholderTarget, linkTarget } from './support/links';
import { sectionLinks } from './support/orphans';
import { presenterLines } from './support/presenter';
import { sectionMemo } from './support/sectionMemo';

/** The paper snippet as inserted, with every placeholder left as it was. */
const UNTOUCHED_SECTION = [
  `# ${PLACEHOLDERS.title.en}`,
  `## ${PLACEHOLDERS.authors.en}, ${PLACEHOLDERS.venue.en}`,
  `### 발표자: ${PLACEHOLDERS.presenter.en} [[paper link](${PLACEHOLDER_URLS.paper}), [presentation material](https://example.com/slides.pdf)]`,
  `- ${PLACEHOLDERS.summary.en}`,
  '',
  '<p align="center">',
  `  <img src="${PLACEHOLDER_URLS.any}">`,
  '</p>',
].join('\n');

export const templateLeftover: RuleDefinition = {
  id: 'template-leftover',
  category: 'section',
  defaultSeverity: 'error',
  description: {
    en: 'Text a snippet or command wrote for the author to replace (`Paper title`, `Presenter name`, `https://arxiv.org/abs/`, ...) is still there.',
    ko: '스니펫이나 명령이 작성자가 바꾸도록 써 둔 글(`Paper title`, `Presenter name`, `https://arxiv.org/abs/` 등)이 그대로 남아 있습니다.',
  },
  messages: {
    title: {
      en: "Expected the paper's title, found the template's placeholder `{text}`",
      ko: '논문 제목이 필요하지만 템플릿이 남긴 자리 표시 `{text}`입니다',
    },
    authors: {
      en: "Expected the paper's authors, found the template's placeholder `{text}`",
      ko: '논문 저자가 필요하지만 템플릿이 남긴 자리 표시 `{text}`입니다',
    },
    venue: {
      en: "Expected the venue and year (`CVPR 2019`), found the template's placeholder `{text}`",
      ko: '학회와 연도(`CVPR 2019`)가 필요하지만 템플릿이 남긴 자리 표시 `{text}`입니다',
    },
    emptyAuthors: {
      en: 'Expected the authors and venue after `##`, found nothing (the line New Quarter Post leaves to fill in)',
      ko: '`##` 뒤에 저자와 학회가 필요하지만 비어 있습니다(새 분기 포스트가 채우도록 남긴 줄)',
    },
    presenter: {
      en: "Expected the presenter's name, found the template's placeholder `{text}`",
      ko: '발표자 이름이 필요하지만 템플릿이 남긴 자리 표시 `{text}`입니다',
    },
    summary: {
      en: "Expected a summary of the paper, found the template's placeholder `{text}`",
      ko: '논문 요약이 필요하지만 템플릿이 남긴 자리 표시 `{text}`입니다',
    },
    link: {
      en: "Expected the address of `{label}`, found the template's unfinished `{text}`",
      ko: '`{label}`의 주소가 필요하지만 템플릿이 남긴 미완성 주소 `{text}`입니다',
    },
    image: {
      en: "Expected the image's address, found the template's unfinished `{text}`",
      ko: '이미지 주소가 필요하지만 템플릿이 남긴 미완성 주소 `{text}`입니다',
    },
  },
  docs: {
    rationale:
      'The `paper` snippet and Add Paper Section write a whole section with placeholders to fill in. A placeholder left as ' +
      'inserted publishes `Paper title` or `One-line summary` on the blog, credits the talk to `Presenter name`, and links ' +
      'the paper to `https://arxiv.org/abs/` without its id, and no other check notices: each is well-formed text. The ' +
      "placeholders are those of the project's snippets, commands and fixes, in English and Korean (`논문 제목`, `저자`, " +
      '`학회`, `발표자 이름`, `한 줄 요약`), and those its earlier versions wrote (`name`, `summary`). An empty `##` line ' +
      "(New Quarter Post's) counts too. Link targets such as `https://` alone are `link-placeholder`'s, and an `image_url` " +
      "of `https://` is `field-type`'s.",
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, `${SAMPLE_SECTION}\n\n${UNTOUCHED_SECTION}`) },
  },
  check(post, context, report) {
    // What a section leaves over depends only on the section and the configuration: kept with
    // them, so that a keystroke looks again only at the section it changed (on a 5,000-line post,
    // looking at every section made this rule 20% of a keystroke's time).
    for (const section of post.sections) {
      for (const found of leftovers(context.config, section, () => leftoversOf(post, section, context.config)))
        report(found);
    }
  },
};

const leftovers = sectionMemo<readonly ReportDescriptor[]>();

/** The leftovers of one section, as reports. */
function leftoversOf(post: Post, section: Section, config: ResolvedConfig): ReportDescriptor[] {
  const out: ReportDescriptor[] = [];
  const report = (descriptor: ReportDescriptor) => out.push(descriptor);
  const part = (text: string, expected: PlaceholderPart) => placeholderPart(text) === expected;
  if (part(section.title.text, 'title'))
    report({ range: section.title.content.range, messageId: 'title', data: { text: section.title.content.text } });
  for (const heading of section.headings) {
    if (heading.depth !== 2) continue;
    if (heading.range.start.line === section.authors?.range.start.line && heading.content.text.trim() === '') {
      report({ range: heading.range, messageId: 'emptyAuthors' });
      continue;
    }
    for (const piece of commaParts(post, heading.content.range, heading.content.text)) {
      const found = placeholderPart(piece.text);
      if (found === 'authors' || found === 'venue')
        report({ range: piece.range, messageId: found, data: { text: piece.text } });
    }
  }
  for (const { name } of presenterLines(post, section, config)) {
    if (name && part(name.text, 'presenter'))
      report({ range: name.range, messageId: 'presenter', data: { text: name.text.trim() } });
  }
  for (const link of sectionLinks(post, section, config)) {
    const target = linkTarget(link);
    // `https://` alone is `link-placeholder`'s to report.
    if (target && isPlaceholderUrl(target.text) && !isPlaceholderTarget(target.text)) {
      report({ range: target.range, messageId: 'link', data: { label: link.label.text, text: target.text } });
    }
  }
  for (const bullet of section.bullets) {
    if (!part(bullet.text, 'summary')) continue;
    const line = bullet.range.start.line;
    const at = post.lines.lineText(line).indexOf(bullet.text, bullet.range.start.character);
    if (at < 0) continue;
    report({
      range: { start: { line, character: at }, end: { line, character: at + bullet.text.length } },
      messageId: 'summary',
      data: { text: bullet.text },
    });
  }
  for (const image of imageAddresses(post, section)) {
    if (isPlaceholderUrl(image.text))
      report({ range: image.range, messageId: 'image', data: { text: image.text.trim() } });
  }
  return out;
}

/** The comma-separated parts of a heading's content, each trimmed, with its range. */
function commaParts(post: Post, range: Range, text: string): { text: string; range: Range }[] {
  const base = post.lines.offsetAt(range.start);
  const out: { text: string; range: Range }[] = [];
  let start = 0;
  for (const piece of text.split(',')) {
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed)
      out.push({ text: trimmed, range: post.lines.rangeOf(base + start + lead, base + start + lead + trimmed.length) });
    start += piece.length + 1;
  }
  return out;
}

/** The addresses of the section's `<img>` tags and Markdown images. */
function imageAddresses(post: Post, section: Section): { text: string; range: Range }[] {
  const out: { text: string; range: Range }[] = [];
  for (const image of section.images) {
    const src = image.attributes.find((a) => a.name === 'src')?.value;
    if (src) out.push(src);
  }
  for (const image of section.markdownImages) {
    const address = markdownImageAddress(post, image);
    if (address) out.push(address);
  }
  return out;
}
