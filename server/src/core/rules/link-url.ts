/**
 * `link-url`: a link of the presenter line (or of a bare link line) whose target is not an
 * absolute http(s) URL, or has spaces in it.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { isPlaceholderTarget, linkTarget } from './support/links';
import { sectionLinks } from './support/orphans';

const ABSOLUTE_HTTP = /^https?:\/\/[^\s/?#]+/i;

export const linkUrl: RuleDefinition = {
  id: 'link-url',
  category: 'section',
  defaultSeverity: 'warning',
  description: {
    en: "A presenter line's link target is not an absolute http(s) URL, or has spaces.",
    ko: '발표자 줄의 링크 주소가 http(s)로 시작하는 절대 주소가 아니거나 공백이 있습니다.',
  },
  messages: {
    notAbsolute: {
      en: 'Expected an absolute `https://` address for `{label}`, found `{url}`',
      ko: '`{label}`에는 `https://`로 시작하는 절대 주소가 필요하지만 `{url}`입니다',
    },
    spaces: {
      en: 'Expected an address without spaces for `{label}`, found `{url}`',
      ko: '`{label}`에는 공백 없는 주소가 필요하지만 `{url}`입니다',
    },
  },
  docs: {
    rationale:
      'The post is read at its own address (`/2020/04/02/2nd_quarter.html`), so a relative target points somewhere else ' +
      'than the author meant, and a target with a space ends the link early in Markdown. Papers and slides live on other ' +
      'sites: link them by their full address.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: {
      text: examplePost(
        SAMPLE_FRONT_MATTER,
        SAMPLE_SECTION.replace('https://example.com/resnet.pdf', 'slides/resnet.pdf'),
      ),
    },
    fix:
      'Percent-encodes the spaces (`%20`) of an otherwise good address, leaving a quoted link title after it (`"..."`, ' +
      "`'...'`) as it is. kramdown reads no other title: `(v2)` after a space is part of the address, and is encoded with it.",
  },
  check(post, context, report) {
    for (const section of post.sections) {
      for (const link of sectionLinks(post, section, context.config)) {
        const target = linkTarget(link);
        if (!target || isPlaceholderTarget(target.text)) continue;
        const url = target.text;
        const data = { label: link.label.text, url };
        if (!ABSOLUTE_HTTP.test(url)) {
          report({ range: target.range, messageId: 'notAbsolute', data });
        } else if (/\s/.test(url)) {
          report({
            range: target.range,
            messageId: 'spaces',
            data,
            fix: {
              title: { en: 'Encode the spaces as `%20`', ko: '공백을 `%20`으로 바꾸기' },
              // Only the address is encoded, never a quoted title after it.
              safe: true,
              edits: [{ range: target.range, newText: url.replace(/\s/g, (c) => encodeURIComponent(c)) }],
            },
          });
        }
      }
    }
  },
};
