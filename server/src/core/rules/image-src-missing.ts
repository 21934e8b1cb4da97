/**
 * `image-src-missing`: an `<img>` without a `src` attribute, or with an empty one.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';

export const imageSrcMissing: RuleDefinition = {
  id: 'image-src-missing',
  category: 'section',
  defaultSeverity: 'error',
  description: {
    en: 'An `<img>` has no `src`, or an empty one.',
    ko: '`<img>`에 `src`가 없거나 비어 있습니다.',
  },
  messages: {
    missing: {
      en: "Expected a `src` attribute with the image's address, found none",
      ko: '이미지 주소를 담은 `src` 속성이 필요하지만 없습니다',
    },
    empty: {
      en: "Expected the image's address in `src`, found an empty value",
      ko: '`src`에 이미지 주소가 필요하지만 비어 있습니다',
    },
  },
  docs: {
    rationale:
      'An image without a source shows as a broken-image icon. It happens when a figure is pasted before its upload ' +
      'finished, or when the address is cut while editing the tag.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace(/src="[^"]*"/, 'src=""')) },
  },
  check(post, _context, report) {
    for (const section of post.sections) {
      for (const image of section.images) {
        const src = image.attributes.find((a) => a.name === 'src');
        if (!src) report({ range: image.range, messageId: 'missing' });
        else if (!src.value || src.value.text.trim() === '') report({ range: src.range, messageId: 'empty' });
      }
    }
  },
};
