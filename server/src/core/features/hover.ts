/**
 * Hover: on a front matter key, what Jekyll does with it; on a presenter name, that person's other
 * talks across the blog; on a link or an image source, its target; on a diagnostic, the rule's
 * description with a link to its page. Parts that apply at once are shown together.
 */
import { MarkupKind, type Diagnostic, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, ruleDocsUrl } from '../engine/engine';
import { formatMessage, type Locale, type LocalizedText } from '../engine/messages';
import type { RuleDefinition } from '../engine/rule';
import type { Post, Span } from '../model';
import { comparePositions } from '../text/lineIndex';
import type { IndexedPaper } from '../workspace';
import { frontMatterKeyDoc } from './frontMatterKeys';
import { escapeMarkdown } from './markdownText';

/** What hover needs besides the post. */
export interface HoverOptions {
  /** The post's current diagnostics. */
  diagnostics: readonly Diagnostic[];
  rules: readonly RuleDefinition<object>[];
  /** Every talk `name` gave, in any post of the workspace (this one included). */
  talksOf(name: string): readonly IndexedPaper[];
  locale: Locale;
}

const TEXT: Record<string, LocalizedText> = {
  docs: { en: 'Rule documentation', ko: '규칙 설명서' },
  otherTalks: { en: 'Other talks by **{name}**:', ko: '**{name}**의 다른 발표:' },
  noOtherTalk: {
    en: "No other talk by **{name}** in the workspace's posts.",
    ko: '작업 영역의 글에 **{name}**의 다른 발표가 없습니다.',
  },
  opens: { en: 'Opens {url}', ko: '{url} 열기' },
  image: { en: 'Image: {url}', ko: '이미지: {url}' },
  emptyTarget: { en: 'This link has no target yet.', ko: '이 링크에는 아직 주소가 없습니다.' },
};

/** The hover at `position`, or null where there is nothing to say. */
export function getHover(post: Post, position: Position, options: HoverOptions): Hover | null {
  if (position.line < 0 || position.line >= post.lines.lineCount) return null;
  const parts: string[] = [];
  let range: Range | undefined;
  const found = (value: string, at: Range) => {
    parts.push(value);
    range ??= at;
  };

  const keyHover = frontMatterKeyHover(post, position, options.locale);
  if (keyHover) found(keyHover.value, keyHover.range);
  const presenter = presenterHover(post, position, options);
  if (presenter) found(presenter.value, presenter.range);
  const link = linkHover(post, position, options.locale);
  if (link) found(link.value, link.range);
  for (const diagnostic of options.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !contains(diagnostic.range, position)) continue;
    const rule = options.rules.find((r) => r.id === diagnostic.code);
    if (!rule) continue;
    parts.push(
      `**${rule.id}**: ${formatMessage(rule.description, options.locale)}\n\n[${formatMessage(TEXT.docs!, options.locale)}](${ruleDocsUrl(rule.id)})`,
    );
  }
  if (!parts.length) return null;
  const hover: Hover = { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
  if (range) hover.range = range;
  return hover;
}

function frontMatterKeyHover(
  post: Post,
  position: Position,
  locale: Locale,
): { value: string; range: Range } | undefined {
  const entry = post.frontMatter?.entries.find((e) => contains(e.keyRange, position));
  const doc = entry && frontMatterKeyDoc(entry.key);
  if (!entry || !doc) return undefined;
  return { value: `**${entry.key}**: ${formatMessage(doc, locale)}`, range: entry.keyRange };
}

function presenterHover(
  post: Post,
  position: Position,
  options: HoverOptions,
): { value: string; range: Range } | undefined {
  for (const section of post.sections) {
    if (position.line < section.range.start.line || position.line > section.range.end.line) continue;
    for (const line of section.presenterLines) {
      const name = line.name;
      if (!name || !contains(name.range, position)) continue;
      const others = options
        .talksOf(name.text)
        .filter((talk) => !(talk.uri === post.uri && talk.line === section.title.range.start.line));
      const data = { name: escapeMarkdown(name.text) };
      if (!others.length) return { value: formatMessage(TEXT.noOtherTalk!, options.locale, data), range: name.range };
      const list = others.map((talk) => {
        const where = talk.postTitle
          ? `${escapeMarkdown(talk.postTitle)} (${escapeMarkdown(talk.fileName)})`
          : escapeMarkdown(talk.fileName);
        return `- *${escapeMarkdown(talk.title)}*: [${where}](${talk.uri}#L${talk.line + 1})`;
      });
      return {
        value: `${formatMessage(TEXT.otherTalks!, options.locale, data)}\n${list.join('\n')}`,
        range: name.range,
      };
    }
  }
  return undefined;
}

function linkHover(post: Post, position: Position, locale: Locale): { value: string; range: Range } | undefined {
  for (const target of linkTargets(post, position.line)) {
    if (!contains(target.range, position)) continue;
    const url = target.url?.text.trim();
    if (!url) return { value: formatMessage(TEXT.emptyTarget!, locale), range: target.range };
    return {
      value: formatMessage(target.image ? TEXT.image! : TEXT.opens!, locale, {
        url: `<${url.replace(/[<>]/g, encodeURIComponent)}>`,
      }),
      range: target.range,
    };
  }
  return undefined;
}

interface LinkTarget {
  range: Range;
  url: Span | undefined;
  image: boolean;
}

/** Links and image sources on `line`. */
function linkTargets(post: Post, line: number): LinkTarget[] {
  const out: LinkTarget[] = [];
  for (const section of post.sections) {
    if (line < section.range.start.line || line > section.range.end.line) continue;
    for (const presenter of section.presenterLines) {
      for (const item of presenter.linkList?.items ?? [])
        if (item.kind === 'link') out.push({ range: item.range, url: item.url, image: false });
    }
    for (const paragraph of section.linkParagraphs)
      for (const link of paragraph.links) out.push({ range: link.range, url: link.url, image: false });
    for (const img of section.images) {
      const src = img.attributes.find((a) => a.name === 'src');
      if (src) out.push({ range: src.range, url: src.value, image: true });
    }
  }
  return out;
}

function contains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}
