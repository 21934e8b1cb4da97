/**
 * `image-alt` (off by default): an `<img>` without `alt` text. Enable it for accessibility: screen
 * readers say nothing useful about a figure without one.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';

export const imageAlt: RuleDefinition = {
  id: 'image-alt',
  category: 'section',
  defaultSeverity: 'off',
  description: {
    en: 'An `<img>` has no `alt` text (off by default; enable it for accessibility).',
    ko: '`<img>`에 `alt` 설명이 없습니다(기본값은 꺼짐, 접근성을 위해 켤 수 있음).',
  },
  messages: {
    missing: {
      en: 'Expected an `alt` text describing the figure, found none',
      ko: '그림을 설명하는 `alt` 글이 필요하지만 없습니다',
    },
  },
  docs: {
    rationale:
      "Screen readers read an image's `alt` text, and browsers show it when the image fails to load. The 4th-quarter post " +
      'started describing its figures (`alt="Illustration of the Noisy Student Training."`); most older figures have ' +
      'none, so the rule is off unless the blog opts in. An empty `alt=""` marks a decorative image and is accepted.',
    ok: {
      text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace('<img src=', '<img alt="잔차 블록 구조" src=')),
    },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER) },
    options: 'Off by default: enable it with `"image-alt": "warning"` under `rules`.',
  },
  check(post, _context, report) {
    for (const section of post.sections) {
      for (const image of section.images) {
        if (!image.attributes.some((a) => a.name === 'alt')) report({ range: image.nameRange, messageId: 'missing' });
      }
    }
  },
};
