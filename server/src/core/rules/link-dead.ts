/**
 * `link-dead`: an address of the post (paper, slides or another presenter-line link, an image,
 * `image_url`) that a link check found dead: 404 or 410 (or another 4xx/5xx), a host name that
 * does not resolve, a refused connection, no answer in time. Softer, as `info`: a page behind a
 * sign-in (401/403, or any 4xx of a `links.signInHosts` host), an address that answered 429/503
 * even after waiting (unchecked, never dead), and one that moved permanently (with a fix to the
 * new address). Reports only after a check was asked for (`seminar-posts lint --check-links`,
 * the editor's Check Links): it never asks the network itself.
 */
import type { Locale } from '../engine/messages';
import type { FixDescriptor, RuleDefinition } from '../engine/rule';
import { judgeLink, type LinkResult } from '../links/linkResult';
import { linkTargets, type LinkTarget } from '../links/linkTargets';
import { describeNetFailure } from '../net/netError';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';

const DEAD_SLIDES = 'https://example.com/resnet.pdf';

export const linkDead: RuleDefinition = {
  id: 'link-dead',
  category: 'post',
  defaultSeverity: 'warning',
  description: {
    en: 'A link or image address of the post is dead (404, 410, no answer), needs a sign-in, or moved (after a link check).',
    ko: '포스트의 링크나 이미지 주소가 죽었거나(404, 410, 응답 없음), 로그인이 필요하거나, 옮겨졌습니다(링크 검사 결과).',
  },
  messages: {
    status: {
      en: 'Expected a link that opens, found {answer} for `{url}`{redirected}',
      ko: '열리는 링크가 필요하지만 `{url}`{redirected}의 응답은 {answer}입니다',
    },
    noAnswer: {
      en: 'Expected a link that opens, found none at `{url}`{redirected}: {reason}',
      ko: '열리는 링크가 필요하지만 `{url}`{redirected}은(는) 열리지 않습니다: {reason}',
    },
    signIn: {
      en: 'Expected a link every reader can open, found a page that needs a sign-in ({answer}) at `{url}`',
      ko: '모든 독자가 열 수 있는 링크가 필요하지만 `{url}`은(는) 로그인이 필요한 페이지입니다({answer})',
    },
    unchecked: {
      en: 'Expected an answer to check `{url}`, found {answer} ({attempts}): unchecked, not dead; check again later',
      ko: '`{url}`을(를) 확인할 응답이 필요하지만 {answer}입니다({attempts}): 죽은 링크가 아니라 확인하지 못한 것이니 나중에 다시 확인하세요',
    },
    moved: {
      en: "Expected the link's current address, found `{url}`, which moved permanently to `{target}`",
      ko: '링크의 현재 주소가 필요하지만 `{url}`은(는) `{target}`(으)로 영구히 옮겨졌습니다',
    },
  },
  docs: {
    rationale:
      'A post is a list of links: the paper, the slides, the figures. A link that looks right can be dead: the real ' +
      'posts carry slides links that now answer 403 (Trello attachments that need a sign-in) and image addresses that ' +
      'broke when moved. This rule reports what a link check found; the check runs only when asked for ' +
      "(`seminar-posts lint --check-links`, or the editor's **Check Links**), never while typing. 401/403, and any 4xx of " +
      'a host listed in `links.signInHosts`, are reported as `info` (a sign-in wall is not a dead link); 429 and 503 are ' +
      'retried after their `Retry-After` and then reported as unchecked, never as dead. Hosts and addresses in ' +
      '`links.ignore` are never requested.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: {
      text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION),
      links: {
        [DEAD_SLIDES]: {
          url: DEAD_SLIDES,
          checkedAt: 0,
          method: 'GET',
          status: 404,
          statusText: 'Not Found',
          redirects: [],
          finalUrl: DEAD_SLIDES,
          retries: 0,
        },
      },
    },
    fix:
      'An address that moved permanently (301, 308) gets a fix to its new address (not applied by `--fix`: the author ' +
      'decides). The others need the author: find the file again, or link a copy that readers can open.',
    options:
      'In the configuration (`.seminar-posts.json`) or the settings: `links.ignore` (globs of hosts, ' +
      '`*.example.com`, or of addresses, `https://example.com/private/**`, never requested) and `links.signInHosts` ' +
      '(globs of hosts whose pages need a sign-in; default the Trello hosts).',
  },
  check(post, context, report) {
    const links = context.links;
    if (!links) return;
    for (const target of linkTargets(post, context.config)) {
      const result = links.resultFor(target.url);
      if (!result) continue;
      const verdict = judgeLink(result, target.url, context.config.links.signInHosts);
      const base = { url: target.url, answer: answerOf(result), redirected: redirectedText(result, context.locale) };
      switch (verdict.kind) {
        case 'ok':
          break;
        case 'dead':
          if (result.failure !== undefined) {
            report({
              range: target.range,
              messageId: 'noAnswer',
              data: { ...base, reason: reasonOf(result, context.locale) },
            });
          } else {
            report({ range: target.range, messageId: 'status', data: base });
          }
          break;
        case 'signIn':
          report({ range: target.range, messageId: 'signIn', data: base, severity: 'info' });
          break;
        case 'unchecked':
          report({
            range: target.range,
            messageId: 'unchecked',
            data: { ...base, attempts: attemptsText(result, context.locale) },
            severity: 'info',
          });
          break;
        case 'moved':
          report({
            range: target.range,
            messageId: 'moved',
            data: { ...base, target: verdict.target },
            severity: 'info',
            fix: movedFix(target, verdict.target),
          });
          break;
      }
    }
  },
};

/** `HTTP 404 Not Found`: the status and its reason phrase. */
function answerOf(result: LinkResult): string {
  if (result.status === undefined) return '';
  const phrase = REASON[result.status] ?? result.statusText?.trim();
  return phrase ? `HTTP ${result.status} ${phrase}` : `HTTP ${result.status}`;
}

function reasonOf(result: LinkResult, locale: Locale): string {
  const phrase = describeNetFailure(result.failure!, locale, result.failureData);
  return result.failureDetail && /^[A-Z_]+$/.test(result.failureDetail)
    ? `${phrase} (${result.failureDetail})`
    : phrase;
}

/** ` (redirected to X)` when the answer came from another address. */
function redirectedText(result: LinkResult, locale: Locale): string {
  if (result.redirects.length === 0 || result.finalUrl === result.url) return '';
  const n = result.redirects.length;
  return locale === 'ko'
    ? ` (리디렉션 ${n}번 뒤 \`${result.finalUrl}\`)`
    : ` (after ${n} redirect${n === 1 ? '' : 's'}, at \`${result.finalUrl}\`)`;
}

function attemptsText(result: LinkResult, locale: Locale): string {
  const tries = result.retries + 1;
  const wait = result.retryAfterMs !== undefined ? Math.round(result.retryAfterMs / 1000) : undefined;
  if (locale === 'ko') return `${tries}번 시도${wait !== undefined ? `, Retry-After ${wait}초` : ''}`;
  return `${tries} ${tries === 1 ? 'try' : 'tries'}${wait !== undefined ? `, Retry-After: ${wait} s` : ''}`;
}

/** Replaces the address with the one it moved to, in the quoting of where it is written. */
function movedFix(target: LinkTarget, newAddress: string): FixDescriptor {
  const text = target.yamlQuote === "'" ? newAddress.replace(/'/g, "''") : newAddress;
  return {
    title: { en: 'Use the new address `{target}`', ko: '새 주소 `{target}`(으)로 바꾸기' },
    // The author decides: a site's new address is not always the one to publish.
    safe: false,
    edits: [{ range: target.range, newText: text }],
  };
}

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  410: 'Gone',
  429: 'Too Many Requests',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
