/**
 * What the project writes for the author to replace: the placeholders of the snippets
 * (`snippets/markdown.json` is generated from {@link SNIPPETS}), of Add Paper Section, and of the
 * fixes that insert a snippet. Every writer takes its placeholder text from here, and
 * `template-leftover` recognises exactly these, so that a new snippet or command cannot leave text
 * behind that no check notices (a test reads every snippet's placeholders back).
 *
 * A placeholder is never a real name: a template that pre-filled a member of the blog as the
 * presenter would credit the wrong person when the author forgets to change it.
 */
import type { Locale, LocalizedText } from './engine/messages';

/** The text a template writes where the author's own goes, per part of a paper section. */
export const PLACEHOLDERS = {
  title: { en: 'Paper title', ko: '논문 제목' },
  authors: { en: 'Authors', ko: '저자' },
  venue: { en: 'Venue', ko: '학회' },
  presenter: { en: 'Presenter name', ko: '발표자 이름' },
  summary: { en: 'One-line summary', ko: '한 줄 요약' },
} as const satisfies Record<string, LocalizedText>;

export type PlaceholderPart = keyof typeof PLACEHOLDERS;

/** The placeholders of one language, for a writer. */
export function placeholderTexts(locale: Locale): Record<PlaceholderPart, string> {
  const out = {} as Record<PlaceholderPart, string>;
  for (const part of Object.keys(PLACEHOLDERS) as PlaceholderPart[]) out[part] = PLACEHOLDERS[part][locale];
  return out;
}

/** The addresses templates write before the real one: a paper link without its id, an image or link without its file. */
export const PLACEHOLDER_URLS = {
  paper: 'https://arxiv.org/abs/',
  any: 'https://',
} as const;

/**
 * Placeholders that version 0.1.0 wrote (its snippets wrote `name` and `summary`, its fixes `Name`
 * or `이름`, Add Paper Section `Presenter`), still recognised in posts written with them.
 */
const EARLIER: Partial<Record<PlaceholderPart, readonly string[]>> = {
  presenter: ['name', 'Presenter', '이름'],
  summary: ['summary'],
};

const byText = new Map<string, PlaceholderPart>();
for (const part of Object.keys(PLACEHOLDERS) as PlaceholderPart[]) {
  for (const text of [PLACEHOLDERS[part].en, PLACEHOLDERS[part].ko, ...(EARLIER[part] ?? [])])
    byText.set(normalize(text), part);
}

function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The longest placeholder, normalized. */
const LONGEST = Math.max(...[...byText.keys()].map((text) => text.length));

/**
 * The part whose placeholder `text` is (any language, any letter case), or undefined. Called for
 * every bullet and heading of a post on each keystroke: a text with more than {@link LONGEST}
 * characters other than white space cannot be a placeholder, and is told so without normalizing
 * the whole of it (normalizing every line of a 5,000-line post was 12% of a keystroke's time).
 */
export function placeholderPart(text: string): PlaceholderPart | undefined {
  if (text.length > LONGEST && !atMostLongest(text)) return undefined;
  return byText.get(normalize(text));
}

/** True when `text` has at most {@link LONGEST} characters that are not white space. */
function atMostLongest(text: string): boolean {
  let visible = 0;
  for (const character of text) {
    if (!/\s/.test(character) && ++visible > LONGEST) return false;
  }
  return true;
}

/** Every placeholder text recognised, for the tests and the rule's documentation. */
export function allPlaceholderTexts(): string[] {
  return [...byText.keys()];
}

/** True when `url` is an address a template wrote in place of the real one (`https://`, `https://arxiv.org/abs/`). */
export function isPlaceholderUrl(url: string): boolean {
  const value = url.trim().toLowerCase();
  return (
    value === PLACEHOLDER_URLS.any ||
    value === 'http://' ||
    value === PLACEHOLDER_URLS.paper ||
    value === 'http://arxiv.org/abs/'
  );
}

/** A snippet as VS Code reads it from `snippets/markdown.json`. */
export interface SnippetDefinition {
  prefix: string;
  /** English, then Korean, in one line (VS Code shows one description). */
  description: string;
  body: string[];
}

const P = placeholderTexts('en');
const U = PLACEHOLDER_URLS;

/** The default presenter line of the snippets: the default labels, tab stops from `first`. */
function presenterLine(first: number): string {
  return `### 발표자: \${${first}:${P.presenter}} [[paper link](\${${first + 1}:${U.paper}}), [presentation material](\${${first + 2}:${U.any}})]`;
}

/** The snippets contributed for Markdown, by name (the name is also the prefix). */
export const SNIPPETS: Record<string, SnippetDefinition> = {
  post: {
    prefix: 'post',
    description:
      'Quarter post front matter (layout, title, date, image, MathJax, comments) · 분기 포스트 머리말 (layout, title, date, 이미지, MathJax, 댓글)',
    body: [
      '---',
      'layout: post',
      'title: "${1:$CURRENT_YEAR}_${2|1st,2nd,3rd,4th|}_quarter"',
      'date: ${3:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}',
      `image_url: \${4:${U.any}}`,
      'mathjax: true',
      'comments: true',
      '---',
      '',
      '$0',
    ],
  },
  paper: {
    prefix: 'paper',
    description:
      'Paper section: title, authors, presenter line, bullets, image block · 논문 섹션: 제목, 저자, 발표자 줄, 글머리표, 이미지 블록',
    body: [
      `# \${1:${P.title}}`,
      `## \${2:${P.authors}}, \${3:${P.venue}}`,
      presenterLine(4),
      `- \${7:${P.summary}}`,
      `- \${8:${P.summary}}`,
      '',
      '<p align="center">',
      `  <img src="\${9:${U.any}}">`,
      '</p>',
      '$0',
    ],
  },
  presenter: {
    prefix: 'presenter',
    description: 'Presenter line with paper and slides links · 논문과 발표 자료 링크가 있는 발표자 줄',
    body: [`${presenterLine(1)}$0`],
  },
  figure: {
    prefix: 'figure',
    description: 'Centered image block with one image · 이미지 하나를 가운데 정렬한 블록',
    body: ['<p align="center">', `  <img src="\${1:${U.any}}">`, '</p>', '$0'],
  },
  figure2: {
    prefix: 'figure2',
    description: 'Two images side by side, with width · 너비를 지정한 이미지 두 개를 나란히',
    body: [
      '<p align="center">',
      `  <img src="\${1:${U.any}}" width="\${2:450}">`,
      `  <img src="\${3:${U.any}}" width="\${4:$2}">`,
      '</p>',
      '$0',
    ],
  },
  bullet: {
    prefix: 'bullet',
    description: 'Summary bullet · 요약 글머리표',
    body: [`- \${1:${P.summary}}$0`],
  },
};

/** `snippets/markdown.json` as generated from {@link SNIPPETS}. */
export function snippetsFile(): string {
  return JSON.stringify(SNIPPETS, null, 2) + '\n';
}
