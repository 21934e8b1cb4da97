/**
 * Why a request got no answer, named once for every user of the network: the link check reports
 * it on the link, the paper lookup in its message. Each reason has an English and a Korean
 * phrase; the error's own message (for logs) is English and names the URL.
 */
import { formatMessage, type Locale, type LocalizedText } from '../engine/messages';

export type NetFailure =
  /** The host name does not resolve. */
  | 'dns'
  /** The host refused the connection (nothing listens on that port). */
  | 'refused'
  /** No complete answer within the time limit. */
  | 'timeout'
  /** The secure connection failed (certificate, protocol). */
  | 'tls'
  /** The connection was cut before a complete answer. */
  | 'reset'
  /** No route to the host or network. */
  | 'unreachable'
  /** More redirects than the limit. */
  | 'tooManyRedirects'
  /** A redirect leads back to an address already visited. */
  | 'redirectLoop'
  /** A redirect without a usable `Location` (missing, or not http(s)). */
  | 'badRedirect'
  /** Not an absolute http(s) URL. */
  | 'badUrl'
  /** The request was cancelled. */
  | 'cancelled'
  /** Anything else (a malformed answer, say); `detail` says what. */
  | 'other';

export const NET_FAILURES: readonly NetFailure[] = [
  'dns',
  'refused',
  'timeout',
  'tls',
  'reset',
  'unreachable',
  'tooManyRedirects',
  'redirectLoop',
  'badRedirect',
  'badUrl',
  'cancelled',
  'other',
];

/** A phrase per reason, to follow "no answer from <host>:". */
export const NET_FAILURE_TEXT: Record<NetFailure, LocalizedText> = {
  dns: { en: 'the host name does not resolve', ko: '호스트 이름을 찾을 수 없습니다' },
  refused: { en: 'the connection was refused', ko: '연결이 거부되었습니다' },
  timeout: { en: 'no answer within {seconds} s', ko: '{seconds}초 안에 응답이 없습니다' },
  tls: { en: 'the secure connection failed', ko: '보안 연결에 실패했습니다' },
  reset: { en: 'the connection was cut', ko: '연결이 끊겼습니다' },
  unreachable: { en: 'the host cannot be reached', ko: '호스트에 닿을 수 없습니다' },
  tooManyRedirects: { en: 'more than {max} redirects', ko: '리디렉션이 {max}번을 넘습니다' },
  redirectLoop: { en: 'the redirects go round in a loop', ko: '리디렉션이 같은 주소로 되돌아옵니다' },
  badRedirect: { en: 'a redirect without a usable address', ko: '쓸 수 있는 주소가 없는 리디렉션입니다' },
  badUrl: { en: 'not an http(s) address', ko: 'http(s) 주소가 아닙니다' },
  cancelled: { en: 'cancelled', ko: '취소되었습니다' },
  other: { en: 'the answer could not be read', ko: '응답을 읽을 수 없습니다' },
};

/** A failed request: why (`failure`), which URL, and the system's word for it (`ENOTFOUND`). */
export class NetError extends Error {
  constructor(
    readonly failure: NetFailure,
    readonly url: string,
    readonly detail?: string,
    /** Values for the phrase's placeholders (`seconds` of a timeout, `max` redirects). */
    readonly data: Record<string, string | number> = {},
  ) {
    super(`${url}: ${describeNetFailure(failure, 'en', data)}${detail ? ` (${detail})` : ''}`);
    this.name = 'NetError';
  }
}

/** The phrase for `failure` in `locale`. */
export function describeNetFailure(
  failure: NetFailure,
  locale: Locale,
  data: Record<string, string | number> = {},
): string {
  return formatMessage(NET_FAILURE_TEXT[failure], locale, data);
}

/** True for a cancelled request (`NetError` or an `AbortError`). */
export function isCancellation(error: unknown): boolean {
  return (
    (error instanceof NetError && error.failure === 'cancelled') ||
    (error instanceof Error && error.name === 'AbortError')
  );
}
