/**
 * The preview page's own words, in English and Korean. The post's text is the post's; these are
 * the headings, labels and badges the page adds around it.
 */
import { formatMessage, type Locale } from '../../../server/src/core/engine/messages';

export type { Locale };

const STRINGS = {
  viewPost: { en: 'Post', ko: '포스트' },
  viewSummary: { en: 'Quarter Summary', ko: '분기 요약' },
  views: { en: 'Preview views', ko: '미리보기 보기 방식' },
  number: { en: '#', ko: '#' },
  paper: { en: 'Paper', ko: '논문' },
  venue: { en: 'Venue', ko: '학회' },
  presenter: { en: 'Presenter', ko: '발표자' },
  paperLink: { en: 'Paper link', ko: '논문 링크' },
  slides: { en: 'Slides', ko: '발표 자료' },
  images: { en: 'Images', ko: '이미지' },
  noSections: {
    en: 'No paper sections yet: a section starts at a `# Paper title` line.',
    ko: '아직 논문 섹션이 없습니다. 섹션은 `# 논문 제목` 줄에서 시작합니다.',
  },
  untitled: { en: '(untitled)', ko: '(제목 없음)' },
  problemsOne: { en: '1 problem', ko: '문제 1개' },
  problemsMany: { en: '{n} problems', ko: '문제 {n}개' },
  goToProblem: { en: 'Go to the first problem in this section', ko: '이 섹션의 첫 번째 문제로 이동' },
  goToHeaderProblem: {
    en: 'Go to the first problem before the first paper (front matter, file name)',
    ko: '첫 논문 앞의 첫 번째 문제로 이동(머리말, 파일 이름)',
  },
  goToSection: { en: 'Show this section in the post', ko: '포스트에서 이 섹션 보기' },
  notALink: { en: 'Not an http(s) or mailto link: {url}', ko: 'http(s)나 mailto 링크가 아닙니다: {url}' },
  missing: { en: 'none', ko: '없음' },
  documentTitle: { en: 'Preview: {title}', ko: '미리보기: {title}' },
  rendering: { en: 'Rendering…', ko: '렌더링하는 중…' },
} as const;

export type StringId = keyof typeof STRINGS;

/** The string `id` in `locale`, its `{name}` placeholders filled from `data`. */
export function text(id: StringId, locale: Locale, data: Record<string, string | number> = {}): string {
  return formatMessage(STRINGS[id], locale, data);
}

/** `1 problem`, `3 problems` / `문제 3개`. */
export function problems(count: number, locale: Locale): string {
  return count === 1 ? text('problemsOne', locale) : text('problemsMany', locale, { n: count });
}

/** Every string id, for the test that checks both languages are there. */
export const STRING_IDS = Object.keys(STRINGS) as StringId[];
