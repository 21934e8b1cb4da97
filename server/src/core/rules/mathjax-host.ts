/**
 * `mathjax-host`: the post sets `mathjax: true` and the site loads MathJax from `cdn.mathjax.org`, the
 * address MathJax retired in 2017. The site's own includes and layouts are read (the real blog's
 * `_includes/mathjax.html`, included by its post layout under `{% if page.mathjax %}`); the parity
 * suite checks against `jekyll build` that exactly these posts get that script. Whether the host still
 * answers cannot be known offline: the message says so.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, frontMatterWith } from './support/examples';
import { entryOf, readableFrontMatter } from './support/frontMatter';

/** The MathJax 2 address that keeps a MathJax 2 configuration working. */
export const CURRENT_MATHJAX_2 = 'https://cdn.jsdelivr.net/npm/mathjax@2/MathJax.js';

export const mathjaxHost: RuleDefinition = {
  id: 'mathjax-host',
  category: 'post',
  defaultSeverity: 'warning',
  needsSite: true,
  description: {
    en: 'The post loads MathJax, and the site loads it from `cdn.mathjax.org`, retired in 2017.',
    ko: '포스트가 MathJax를 쓰는데 사이트가 2017년에 서비스를 끝낸 `cdn.mathjax.org`에서 불러옵니다.',
  },
  messages: {
    retired: {
      en: 'Expected MathJax from a current address such as `{suggested}`, found `{url}` in `{file}` (line {line}): cdn.mathjax.org was retired in 2017, so the formulas may show as raw text (whether it still answers cannot be checked offline)',
      ko: '`{suggested}` 같은 지금의 주소에서 불러온 MathJax가 필요하지만 `{file}`({line}번째 줄)에 `{url}`이(가) 있습니다: cdn.mathjax.org는 2017년에 서비스를 끝내 수식이 날것의 글자로 보일 수 있습니다(지금도 응답하는지는 오프라인에서 확인할 수 없습니다)',
    },
  },
  docs: {
    rationale:
      "MathJax shut down its own CDN, `cdn.mathjax.org`, in 2017 and pointed users to public CDNs. The real blog's " +
      '`_includes/mathjax.html` still loads `https://cdn.mathjax.org/mathjax/latest/MathJax.js`, into every post that sets ' +
      '`mathjax: true`: if that address stops answering, every formula shows as raw `$$...$$`. Whether it answers today ' +
      'cannot be checked offline. `https://cdn.jsdelivr.net/npm/mathjax@2/MathJax.js` with the same `?config=` keeps the ' +
      "site's MathJax 2 configuration (`MathJax.Hub.Config`) working. The rule needs the site, to read its includes and layouts.",
    ok: { text: examplePost(frontMatterWith({ mathjax: 'false' })) },
    notOk: {
      text: examplePost(frontMatterWith({ mathjax: 'true' })),
      site: {
        '_includes/mathjax.html':
          '<script src="https://cdn.mathjax.org/mathjax/latest/MathJax.js?config=TeX-AMS-MML_HTMLorMML"></script>\n',
      },
    },
    fix:
      "None in the post: the address is in the site's file, which the message names; replace it there with the address " +
      'the message gives.',
  },
  check(post, context, report) {
    const found = context.site?.retiredMathJax?.[0];
    if (!found) return;
    const fm = readableFrontMatter(post);
    const entry = fm ? entryOf(fm, 'mathjax') : undefined;
    // Liquid's `{% if page.mathjax %}`: everything but false and nil loads MathJax.
    if (!entry || entry.value === false || entry.value === null || entry.value === undefined) return;
    const query = /\?[^#]*/.exec(found.url)?.[0] ?? '?config=TeX-AMS-MML_HTMLorMML';
    report({
      range: entry.range,
      messageId: 'retired',
      data: { url: found.url, file: found.file, line: found.line + 1, suggested: `${CURRENT_MATHJAX_2}${query}` },
    });
  },
};
