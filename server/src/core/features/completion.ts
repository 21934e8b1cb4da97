/**
 * Completion: front matter keys (with what each does) and their values, the presenter label after
 * `### `, presenter names from every post of the workspace, link labels inside the presenter's
 * link list, and `<img>` attributes. Reads the post model and the line under the cursor; returns
 * LSP completion items whose text edits replace exactly what was typed.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { ResolvedConfig } from '../config/config';
import { formatMessage, type Locale, type LocalizedText } from '../engine/messages';
import { formatDate, parsePostFileName, quarterTitle } from '../jekyll';
import type { Post } from '../model';
import { postDate, suggestedValue } from '../rules/support/frontMatter';
import type { SiteContext } from '../site/site';
import { BOOLEAN_KEYS, frontMatterKeyDoc, knownFrontMatterKeys } from './frontMatterKeys';

/** What completion needs besides the post. */
export interface CompletionOptions {
  config: ResolvedConfig;
  site: SiteContext | undefined;
  /** Presenter names of the workspace, most frequent first. */
  presenters: readonly string[];
  /** Today, `YYYY-MM-DD`. */
  today: string;
  locale: Locale;
  /** The client accepts snippets (`$1` tab stops) in completion items. */
  snippets: boolean;
}

const TEXT: Record<string, LocalizedText> = {
  requiredMissing: { en: 'missing required key ({severity})', ko: '빠진 필수 키({severity})' },
  known: { en: 'front matter key', ko: 'front matter 키' },
  layout: { en: 'a layout of the site', ko: '사이트의 레이아웃' },
  today: { en: 'today', ko: '오늘' },
  fileDate: { en: 'the date in the file name', ko: '파일 이름의 날짜' },
  quarterTitle: { en: "the title of the date's quarter", ko: '날짜가 속한 분기의 제목' },
  postImage: { en: 'an image of this post', ko: '이 글의 이미지' },
  label: { en: 'presenter label', ko: '발표자 레이블' },
  presenter: { en: "presenter in the workspace's posts", ko: '작업 영역의 글에 나온 발표자' },
  paperLabel: { en: 'link to the paper', ko: '논문 링크' },
  slidesLabel: { en: 'link to the slides', ko: '발표 자료 링크' },
  linkList: { en: "the presenter's link list", ko: '발표자의 링크 목록' },
  src: {
    en: 'the image URL (an absolute URL or a site path such as `/assets/...`)',
    ko: '이미지 주소(절대 URL이나 `/assets/...` 같은 사이트 경로)',
  },
  width: { en: 'the width in pixels (or a percentage)', ko: '픽셀 단위의 너비(또는 백분율)' },
  height: { en: 'the height in pixels (or a percentage)', ko: '픽셀 단위의 높이(또는 백분율)' },
  alt: { en: 'a text for readers who cannot see the image', ko: '이미지를 볼 수 없는 독자를 위한 글' },
};

/** The completion items at `position` in `post`; empty where nothing fits. */
export function getCompletions(post: Post, position: Position, options: CompletionOptions): CompletionItem[] {
  if (position.line < 0 || position.line >= post.lines.lineCount) return [];
  const line = post.lines.lineText(position.line);
  if (position.character < 0 || position.character > line.length) return [];
  const before = line.slice(0, position.character);
  const fm = post.frontMatter;
  if (fm && position.line > fm.openRange.start.line && (!fm.closeRange || position.line < fm.closeRange.start.line)) {
    return frontMatterCompletions(post, position, line, before, options);
  }
  if (fm && position.line <= fm.range.end.line) return [];
  return [
    ...presenterLineCompletions(position, line, before, options),
    ...imageAttributeCompletions(post, position, before, options),
  ];
}

function frontMatterCompletions(
  post: Post,
  position: Position,
  line: string,
  before: string,
  options: CompletionOptions,
): CompletionItem[] {
  const { locale } = options;
  const wordEnd = position.character + /^[\w-]*/.exec(line.slice(position.character))![0].length;
  // A key is being typed on a line of its own (not in front of an existing `key: value`).
  if (/^[\w-]*$/.test(before) && !line.slice(wordEnd).trim()) {
    const fm = post.frontMatter!;
    const present = new Set(fm.entries.filter((e) => e.keyRange.start.line !== position.line).map((e) => e.key));
    const range = lineRange(position.line, 0, wordEnd);
    const required = Object.entries(options.config.requiredFields).filter(([, severity]) => severity !== 'off');
    const requiredKeys = required.map(([key]) => key);
    return knownFrontMatterKeys(requiredKeys)
      .filter((key) => !present.has(key))
      .map((key): CompletionItem => {
        const severity = options.config.requiredFields[key];
        const isRequired = severity !== undefined && severity !== 'off';
        const value = suggestedValue(post, key);
        const doc = frontMatterKeyDoc(key);
        const item: CompletionItem = {
          label: key,
          kind: CompletionItemKind.Property,
          detail: isRequired
            ? formatMessage(TEXT.requiredMissing!, locale, { severity })
            : formatMessage(TEXT.known!, locale),
          sortText: `${isRequired ? 0 : 1}${String(requiredKeys.indexOf(key) + 1).padStart(2, '0')}${key}`,
          textEdit: { range, newText: value === undefined ? `${key}: ` : `${key}: ${value}` },
        };
        if (doc) item.documentation = { kind: MarkupKind.Markdown, value: formatMessage(doc, locale) };
        if (isRequired) item.preselect = requiredKeys.indexOf(key) === requiredKeys.findIndex((k) => !present.has(k));
        return item;
      });
  }
  const valueTyped = /^([\w-]+)[ \t]*:([ \t]*)(.*)$/.exec(before);
  if (!valueTyped) return [];
  const key = valueTyped[1]!;
  const valueStart = before.length - valueTyped[3]!.length;
  const range = lineRange(
    position.line,
    valueStart,
    line.trimEnd().length < valueStart ? valueStart : line.trimEnd().length,
  );
  const space = valueTyped[2] === '' ? ' ' : '';
  return frontMatterValues(post, key, options).map(({ value, detail }, i): CompletionItem => ({
    label: value,
    kind: CompletionItemKind.Value,
    detail: formatMessage(detail, locale),
    sortText: String(i).padStart(3, '0'),
    filterText: value,
    textEdit: { range, newText: space + value },
  }));
}

function frontMatterValues(
  post: Post,
  key: string,
  options: CompletionOptions,
): { value: string; detail: LocalizedText }[] {
  if (BOOLEAN_KEYS.includes(key))
    return [
      { value: 'true', detail: TEXT.known! },
      { value: 'false', detail: TEXT.known! },
    ];
  switch (key) {
    case 'layout': {
      const layouts = options.site?.layouts ?? ['post'];
      return layouts.map((value) => ({ value, detail: TEXT.layout! }));
    }
    case 'date': {
      const out = [{ value: options.today, detail: TEXT.today! }];
      const named = parsePostFileName(post.fileName);
      if (named && formatDate(named.date) !== options.today)
        out.unshift({ value: formatDate(named.date), detail: TEXT.fileDate! });
      return out;
    }
    case 'title': {
      const date = postDate(post);
      return date ? [{ value: JSON.stringify(quarterTitle(date)), detail: TEXT.quarterTitle! }] : [];
    }
    case 'image_url': {
      const urls = new Set<string>();
      for (const section of post.sections) {
        for (const img of section.images) {
          const src = img.attributes.find((a) => a.name === 'src')?.value?.text.trim();
          if (src && /^https?:\/\//i.test(src)) urls.add(src);
        }
        for (const image of section.markdownImages) if (/^https?:\/\//i.test(image.url)) urls.add(image.url);
      }
      return [...urls].map((value) => ({ value, detail: TEXT.postImage! }));
    }
    default:
      return [];
  }
}

function presenterLineCompletions(
  position: Position,
  line: string,
  before: string,
  options: CompletionOptions,
): CompletionItem[] {
  const heading = /^ {0,3}###[ \t]+/.exec(before);
  if (!heading) return [];
  const { locale, config } = options;
  const afterMarks = before.slice(heading[0].length);
  const bracket = afterMarks.indexOf('[');
  const colon = afterMarks.search(/[:：]/);
  if (bracket < 0 && colon < 0 && /^[^\s]*$/.test(afterMarks)) {
    const range = lineRange(position.line, heading[0].length, position.character);
    return config.presenterLabels.map((label, i): CompletionItem => ({
      label: `${label}:`,
      kind: CompletionItemKind.Keyword,
      detail: formatMessage(TEXT.label!, locale),
      sortText: String(i).padStart(3, '0'),
      textEdit: { range, newText: `${label}: ` },
    }));
  }
  if (bracket < 0 && colon >= 0) {
    const typed = afterMarks.slice(colon + 1);
    const nameStart = heading[0].length + colon + 1 + (typed.length - typed.trimStart().length);
    const name = typed.trim();
    const items: CompletionItem[] = [];
    if (!name || !/\s$/.test(typed)) {
      const range = lineRange(position.line, nameStart, position.character);
      options.presenters.forEach((presenter, i) =>
        items.push({
          label: presenter,
          kind: CompletionItemKind.Text,
          detail: formatMessage(TEXT.presenter!, locale),
          sortText: String(i).padStart(4, '0'),
          textEdit: { range, newText: presenter },
        }),
      );
    }
    if (name && /\s$/.test(typed) && !line.includes('[')) items.push(linkListItem(position, config, options));
    return items;
  }
  const label = /\[([^[\]()]*)$/.exec(afterMarks);
  if (bracket >= 0 && label && !/\]\([^)]*$/.test(afterMarks)) {
    const start = position.character - label[1]!.length;
    const rest = line.slice(position.character);
    const closes = /^[^[\]()]*\]/.exec(rest);
    const range = lineRange(
      position.line,
      start,
      closes ? position.character + closes[0].length - 1 : position.character,
    );
    const labels = [
      ...config.linkLabels.paper.map((l) => ({ l, doc: TEXT.paperLabel! })),
      ...config.linkLabels.slides.map((l) => ({ l, doc: TEXT.slidesLabel! })),
    ];
    return labels.map(({ l, doc }, i): CompletionItem => {
      const tail = closes ? '' : options.snippets ? ']($1)' : ']()';
      return {
        label: l,
        kind: CompletionItemKind.Reference,
        detail: formatMessage(doc, locale),
        sortText: String(i).padStart(3, '0'),
        textEdit: { range, newText: (options.snippets ? escapeSnippet(l) : l) + tail },
        insertTextFormat: options.snippets && !closes ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      };
    });
  }
  return [];
}

function linkListItem(position: Position, config: ResolvedConfig, options: CompletionOptions): CompletionItem {
  const paper = config.linkLabels.paper[0]!;
  const slides = config.linkLabels.slides[0]!;
  const range = lineRange(position.line, position.character, position.character);
  return {
    label: `[[${paper}](), [${slides}]()]`,
    kind: CompletionItemKind.Snippet,
    detail: formatMessage(TEXT.linkList!, options.locale),
    sortText: '9999',
    textEdit: {
      range,
      newText: options.snippets
        ? `[[${escapeSnippet(paper)}]($1), [${escapeSnippet(slides)}]($2)]`
        : `[[${paper}](), [${slides}]()]`,
    },
    insertTextFormat: options.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
}

const IMG_ATTRIBUTES: { name: string; snippet: string; text: string; doc: string }[] = [
  { name: 'src', snippet: 'src="$1"', text: 'src=""', doc: 'src' },
  { name: 'width', snippet: 'width="${1:450}"', text: 'width="450"', doc: 'width' },
  { name: 'alt', snippet: 'alt="$1"', text: 'alt=""', doc: 'alt' },
  { name: 'height', snippet: 'height="$1"', text: 'height=""', doc: 'height' },
];

function imageAttributeCompletions(
  post: Post,
  position: Position,
  before: string,
  options: CompletionOptions,
): CompletionItem[] {
  const open = before.toLowerCase().lastIndexOf('<img');
  if (open < 0 || before.includes('>', open)) return [];
  const inside = before.slice(open + 4);
  const typed = /[\w-]*$/.exec(inside)![0];
  const written = inside.slice(0, inside.length - typed.length);
  // The cursor must start an attribute name: after a space, outside any quoted value.
  if (!/\s$/.test(written) || /["']/.test(written.replace(/"[^"]*"|'[^']*'/g, ''))) return [];
  const present = new Set<string>();
  const img = post.sections
    .flatMap((s) => s.images)
    .find((tag) => tag.range.start.line <= position.line && tag.range.end.line >= position.line);
  for (const attribute of img?.attributes ?? []) present.add(attribute.name);
  for (const m of written.matchAll(/([\w-]+)\s*=/g)) present.add(m[1]!.toLowerCase());
  const range = lineRange(position.line, position.character - typed.length, position.character);
  return IMG_ATTRIBUTES.filter((a) => !present.has(a.name)).map((a, i): CompletionItem => ({
    label: a.name,
    kind: CompletionItemKind.Property,
    detail: formatMessage(TEXT[a.doc]!, options.locale),
    sortText: String(i),
    textEdit: { range, newText: options.snippets ? a.snippet : a.text },
    insertTextFormat: options.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  }));
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: Math.max(start, end) } };
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
