/**
 * `bare-url`: a web address written as it is in the text. kramdown (the blog's renderer, GFM input)
 * links only `<https://...>` and `[text](https://...)`: a bare address is plain text on the blog,
 * whereas GitHub and the editor's Markdown link it, and take Korean written right after it
 * (`(https://arxiv.org/abs/1807.07665)에서`) into the address.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { kramdownBlocks, withoutCodeSpans } from './support/kramdownBlocks';

/** Characters an address may hold; it ends before anything else (a space, `<`, Korean). */
const URL_START = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+/g;
/** A reference definition (`[id]: https://...`): a link target, not text. */
const DEFINITION = /^\s{0,3}\[[^\]]+\]:/;

export const bareUrl: RuleDefinition = {
  id: 'bare-url',
  category: 'section',
  defaultSeverity: 'warning',
  description: {
    en: 'A web address is written bare in the text, where kramdown shows it as plain text, not a link.',
    ko: '본문에 웹 주소를 그대로 써서 kramdown이 링크가 아닌 글자로 보입니다.',
  },
  messages: {
    bare: {
      en: 'Expected a link such as `<{url}>`, found the bare address `{url}`: kramdown does not link bare addresses, so the blog shows it as plain text',
      ko: '`<{url}>` 같은 링크가 필요하지만 맨 주소 `{url}`입니다: kramdown은 맨 주소를 링크로 만들지 않아 블로그에는 그냥 글자로 보입니다',
    },
  },
  docs: {
    rationale:
      'kramdown, which renders the blog, makes a link of `<https://...>` and `[text](https://...)` only. A bare address is ' +
      'plain text on the blog, though GitHub and the editor link it; written against Korean text, as in ' +
      '`(https://arxiv.org/abs/1807.07665)에서` (a real published post), they even take `)에서` into the address.',
    ok: {
      text: examplePost(
        SAMPLE_FRONT_MATTER,
        SAMPLE_SECTION.replace(
          '- 152층',
          '- 코드는 <https://github.com/KaimingHe/deep-residual-networks>에서 볼 수 있습니다.\n- 152층',
        ),
      ),
    },
    notOk: {
      text: examplePost(
        SAMPLE_FRONT_MATTER,
        SAMPLE_SECTION.replace(
          '- 152층',
          '- 코드는 (https://github.com/KaimingHe/deep-residual-networks)에서 볼 수 있습니다.\n- 152층',
        ),
      ),
    },
    fix: 'Puts the address between `<` and `>`, which kramdown links (applied automatically).',
  },
  check(post, _context, report) {
    for (const line of kramdownBlocks(post).lines) {
      if (line.kind !== 'text' || !line.text.includes('://') || DEFINITION.test(line.text)) continue;
      const text = withoutCodeSpans(line.text);
      for (const m of text.matchAll(URL_START)) {
        const start = m.index;
        const url = trimUrl(m[0]);
        const before = text.slice(0, start);
        // A link's target, an autolink, an HTML attribute, or a link's label: not bare.
        if (/\]\(\s*<?$/.test(before) || /<$/.test(before) || /=\s*["']?$/.test(before) || /[A-Za-z0-9]$/.test(before))
          continue;
        if (text.slice(start + url.length).startsWith('](')) continue;
        const range = {
          start: { line: line.line, character: start },
          end: { line: line.line, character: start + url.length },
        };
        report({
          range,
          messageId: 'bare',
          data: { url },
          fix: {
            title: { en: 'Write `<…>` around the address', ko: '주소를 `<…>`로 감싸기' },
            safe: true,
            edits: [{ range, newText: `<${url}>` }],
          },
        });
      }
    }
  },
};

/** The address without what ends a sentence after it: trailing punctuation, a `)` or `]` it does not open. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const c = url[end - 1];
    const body = url.slice(0, end);
    if (c !== undefined && /[.,:;!?'"*_~]/.test(c)) end--;
    else if (c === ')' && count(body, ')') > count(body, '(')) end--;
    else if (c === ']' && count(body, ']') > count(body, '[')) end--;
    else break;
  }
  return url.slice(0, end);
}

function count(text: string, c: string): number {
  return text.split(c).length - 1;
}
