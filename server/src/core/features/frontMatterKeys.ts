/**
 * What Jekyll and the blog do with each front matter key, in English and Korean: shown by
 * completion (the key's documentation) and by hover (on a key).
 */
import type { LocalizedText } from '../engine/messages';
import { BLOG_KEYS, KNOWN_JEKYLL_KEYS } from '../jekyll';

/** Documentation of the keys this product knows something particular about. */
export const FRONT_MATTER_KEY_DOCS: Record<string, LocalizedText> = {
  layout: {
    en: "The layout Jekyll wraps the post in: one of the theme's layouts (`minima`: `default`, `home`, `page`, `post`) or a file of `_layouts/`. The blog's posts use `post`.",
    ko: 'Jekyll이 글을 감싸는 레이아웃입니다. 테마의 레이아웃(`minima`: `default`, `home`, `page`, `post`)이나 `_layouts/`의 파일 중 하나이며, 블로그의 글은 `post`를 씁니다.',
  },
  title: {
    en: 'The post\'s title, shown on the page and in the post list. The blog names a quarter\'s post like `"2020_2nd_quarter"`.',
    ko: '페이지와 글 목록에 보이는 글의 제목입니다. 블로그는 분기 글을 `"2020_2nd_quarter"`처럼 이름 짓습니다.',
  },
  date: {
    en: 'The publication date (`YYYY-MM-DD`, optionally ` HH:MM:SS +ZZZZ`); it overrides the date of the file name and orders the posts. Jekyll does not publish a post dated in the future unless `_config.yml` sets `future: true`.',
    ko: '게시 날짜입니다(`YYYY-MM-DD`, 필요하면 ` HH:MM:SS +ZZZZ`). 파일 이름의 날짜보다 우선하며 글의 순서를 정합니다. `_config.yml`에 `future: true`가 없으면 Jekyll은 미래 날짜의 글을 게시하지 않습니다.',
  },
  image_url: {
    en: "The thumbnail the blog's front page shows for the post: an absolute image URL, usually one of the post's own images.",
    ko: '블로그 첫 페이지가 글의 썸네일로 보여 주는 이미지입니다. 절대 URL이며 보통 글에 들어 있는 이미지 중 하나입니다.',
  },
  mathjax: {
    en: '`true` loads MathJax on the page, so that `$$...$$` formulas render; without it they show as raw text.',
    ko: '`true`이면 페이지에서 MathJax를 불러와 `$$...$$` 수식이 그려집니다. 없으면 수식이 글자 그대로 보입니다.',
  },
  comments: {
    en: '`true` shows the comment box under the post.',
    ko: '`true`이면 글 아래에 댓글 창이 보입니다.',
  },
  published: {
    en: '`false` keeps Jekyll from publishing the post.',
    ko: '`false`이면 Jekyll이 글을 게시하지 않습니다.',
  },
  permalink: {
    en: "The post's URL path, instead of the one the site's `permalink` setting builds from the date and title.",
    ko: '사이트의 `permalink` 설정이 날짜와 제목으로 만드는 주소 대신 쓸 글의 URL 경로입니다.',
  },
  categories: {
    en: "Categories of the post (a list or space-separated words); Jekyll puts them in the post's URL.",
    ko: '글의 분류입니다(목록이나 공백으로 나눈 단어). Jekyll은 이를 글의 URL에 넣습니다.',
  },
  tags: {
    en: 'Tags of the post (a list or space-separated words), for tag pages and feeds.',
    ko: '글의 태그입니다(목록이나 공백으로 나눈 단어). 태그 페이지와 피드에 쓰입니다.',
  },
  author: {
    en: "The post's author, read by themes and by the `jekyll-seo-tag` and feed plugins.",
    ko: '글쓴이입니다. 테마와 `jekyll-seo-tag`, 피드 플러그인이 읽습니다.',
  },
  excerpt: {
    en: "The summary shown in post lists and feeds, instead of the post's first paragraph.",
    ko: '글의 첫 문단 대신 글 목록과 피드에 보일 요약입니다.',
  },
  description: {
    en: 'A description for search engines and link previews (`jekyll-seo-tag`).',
    ko: '검색 엔진과 링크 미리보기(`jekyll-seo-tag`)에 쓰이는 설명입니다.',
  },
  content: {
    en: "Read by nothing on this blog (Jekyll's own `content` is the rendered body); harmless.",
    ko: '이 블로그에서는 아무것도 읽지 않습니다(Jekyll의 `content`는 렌더링된 본문입니다). 해는 없습니다.',
  },
};

const GENERIC: LocalizedText = {
  en: 'A key Jekyll or a common plugin reads.',
  ko: 'Jekyll이나 널리 쓰는 플러그인이 읽는 키입니다.',
};

/** The documentation of `key`, or undefined for a key nothing reads. */
export function frontMatterKeyDoc(key: string): LocalizedText | undefined {
  if (FRONT_MATTER_KEY_DOCS[key]) return FRONT_MATTER_KEY_DOCS[key];
  return (KNOWN_JEKYLL_KEYS as readonly string[]).includes(key) ? GENERIC : undefined;
}

/** Every key completion offers, the blog's own first. */
export function knownFrontMatterKeys(required: readonly string[]): string[] {
  return [...new Set([...BLOG_KEYS, ...required, ...KNOWN_JEKYLL_KEYS])];
}

/** Keys whose value is `true` or `false`. */
export const BOOLEAN_KEYS: readonly string[] = [
  'mathjax',
  'comments',
  'published',
  'render_with_liquid',
  'sitemap',
  'toc',
  'math',
];
