/**
 * `orphan-paper-link`: a bare `[paper link](...)` line outside the presenter line, the style of
 * the early drafts (`## Authors` followed by `[paper link](https://arxiv.org/...)`).
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { FixDescriptor, RuleDefinition, RuleContext } from '../engine/rule';
import type { LinkParagraph, MarkdownLink, Post, Section } from '../model';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { isPaperLink, isSlidesLink, linksOf, linkTarget } from './support/links';
import { insertLineAfter, removeLines } from './support/lines';
import { orphanLinkParagraphs } from './support/orphans';
import { presenterOf } from './support/presenter';
import { presenterLineSnippet } from './support/snippets';

export const orphanPaperLink: RuleDefinition = {
  id: 'orphan-paper-link',
  category: 'section',
  defaultSeverity: 'warning',
  description: {
    en: 'A bare `[paper link](...)` line sits outside the presenter line.',
    ko: '`[paper link](...)` 줄이 발표자 줄 밖에 따로 있습니다.',
  },
  messages: {
    orphan: {
      en: "Expected `{label}` inside the presenter line's link list, found it on a line of its own",
      ko: '`{label}`은 발표자 줄의 링크 목록 안에 있어야 하지만 따로 떨어진 줄에 있습니다',
    },
  },
  docs: {
    rationale:
      'The first drafts of the blog put the paper link on its own line under the authors. The blog settled on one presenter ' +
      'line holding the name and both links, which readers and this extension look for.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: {
      text: examplePost(
        SAMPLE_FRONT_MATTER,
        SAMPLE_SECTION.replace(
          /^### .*$/m,
          '### 발표자: 홍길동 [[presentation material](https://example.com/resnet.pdf)]\n[paper link](https://arxiv.org/abs/1512.03385)\n',
        ),
      ),
    },
    fix:
      "Moves the links into the presenter line's list (applied automatically), or, in a section without a presenter " +
      'line, turns the line into one with a tab stop for the name.',
  },
  check(post, context, report) {
    for (const section of post.sections) {
      for (const paragraph of orphanLinkParagraphs(section, context.config)) {
        const first = paragraph.links.find((l) => isPaperLink(l, context.config)) ?? paragraph.links[0]!;
        report({
          range: paragraph.range,
          messageId: 'orphan',
          data: { label: first.label.text },
          fix: moveFix(post, section, paragraph, context),
        });
      }
    }
  },
};

const TITLE = { en: 'Move the links into the presenter line', ko: '링크를 발표자 줄로 옮기기' };

function moveFix(
  post: Post,
  section: Section,
  paragraph: LinkParagraph,
  context: RuleContext,
): FixDescriptor | undefined {
  const remove = removeLines(post, paragraph.range.start.line, paragraph.range.end.line);
  const presenter = presenterOf(post, section, context.config);
  if (!presenter) {
    const paper = paragraph.links.find((l) => isPaperLink(l, context.config));
    const slides = paragraph.links.find((l) => isSlidesLink(l, context.config));
    const after = section.authors ?? section.title;
    const snippet = presenterLineSnippet(context.config, context.locale, {
      paper: paper && linkTarget(paper)?.text,
      slides: slides && linkTarget(slides)?.text,
    });
    return {
      title: TITLE,
      safe: false,
      snippet: true,
      edits: [insertLineAfter(post, after.range.end.line, snippet), remove],
    };
  }
  const line = presenter.line;
  const present = linksOf(line);
  const moved = paragraph.links.filter(
    (link) =>
      !(isPaperLink(link, context.config) && present.some((p) => isPaperLink(p, context.config))) &&
      !(isSlidesLink(link, context.config) && present.some((p) => isSlidesLink(p, context.config))),
  );
  // The paper link leads the list, as the blog writes it; anything else follows what is there.
  const first = moved.filter((link) => isPaperLink(link, context.config)).map((link) => sourceOf(post, link));
  const rest = moved.filter((link) => !isPaperLink(link, context.config)).map((link) => sourceOf(post, link));
  const edits: TextEdit[] = [];
  const list = line.linkList;
  if (!list) {
    const end = line.content.range.end;
    if (moved.length) edits.push({ range: { start: end, end }, newText: ` [${[...first, ...rest].join(', ')}]` });
  } else if (list.bracketed && list.close) {
    const hasItems = list.items.length > 0;
    const open = { line: list.range.start.line, character: list.range.start.character + 1 };
    if (first.length)
      edits.push({ range: { start: open, end: open }, newText: first.join(', ') + (hasItems ? ', ' : '') });
    const close = list.close.start;
    if (rest.length)
      edits.push({
        range: { start: close, end: close },
        newText: (hasItems || first.length ? ', ' : '') + rest.join(', '),
      });
  } else {
    return undefined;
  }
  // Dropping a link the list already has (perhaps with another target) is the author's call.
  return { title: TITLE, safe: moved.length === paragraph.links.length, edits: [...edits, remove] };
}

function sourceOf(post: Post, link: MarkdownLink): string {
  return post.text.slice(post.lines.offsetAt(link.range.start), post.lines.offsetAt(link.range.end));
}
