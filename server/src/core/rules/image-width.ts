/**
 * `image-width`: an `<img width>` that is neither whole pixels (`450`) nor a percentage (`50%`).
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';

const VALID = /^\s*\d+%?\s*$/;
const PIXELS = /^\s*(\d+)\s*px\s*$/i;

export const imageWidth: RuleDefinition = {
  id: 'image-width',
  category: 'section',
  defaultSeverity: 'warning',
  description: {
    en: 'An `<img>` `width` is neither whole pixels nor a percentage.',
    ko: '`<img>`의 `width`가 정수 픽셀 값도 백분율도 아닙니다.',
  },
  messages: {
    width: {
      en: 'Expected `width` in whole pixels (`450`) or a percentage (`50%`), found `{width}`',
      ko: '`width`에는 정수 픽셀 값(`450`)이나 백분율(`50%`)이 필요하지만 `{width}`입니다',
    },
  },
  docs: {
    rationale:
      'The blog sets `width` to put figures side by side. The HTML attribute takes a number of pixels or a percentage; ' +
      'browsers ignore anything else (`450px`, `half`, `45.5`), and the figure shows at its full size.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace('width="450"', 'width="450 px"')) },
    fix: 'Drops the `px` of a pixel width (`450px` becomes `450`).',
  },
  check(post, _context, report) {
    for (const section of post.sections) {
      for (const image of section.images) {
        const width = image.attributes.find((a) => a.name === 'width');
        if (!width) continue;
        const value = width.value?.text ?? '';
        if (VALID.test(value)) continue;
        const pixels = PIXELS.exec(value);
        report({
          range: width.value && value ? width.value.range : width.range,
          messageId: 'width',
          data: { width: value },
          fix:
            pixels && width.value
              ? {
                  title: {
                    en: 'Write `{width}` as `' + pixels[1] + '`',
                    ko: '`{width}`를 `' + pixels[1] + '`(으)로 쓰기',
                  },
                  safe: true,
                  edits: [{ range: width.value.range, newText: pixels[1]! }],
                }
              : undefined,
        });
      }
    }
  },
};
