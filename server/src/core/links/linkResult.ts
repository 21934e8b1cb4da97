/**
 * What a link check learnt of one address (`LinkResult`: the answer as it came, kept in the cache
 * and reused) and what that means for the post (`judgeLink`: dead, behind a sign-in, unchecked,
 * moved, or fine), which depends on the configuration (`links.signInHosts`).
 */
import picomatch from 'picomatch';
import { NET_FAILURES, type NetFailure } from '../net/netError';
import { hostOf } from './linkTargets';

/** The answer to one address, as checked. */
export interface LinkResult {
  /** The address asked for (without a fragment). */
  url: string;
  /** When it was checked (ms since 1970). */
  checkedAt: number;
  /** The method of the answer kept: `GET` where `HEAD` was refused or failed. */
  method: 'HEAD' | 'GET';
  /** The final answer's status; absent when there was no answer (`failure`). */
  status?: number;
  statusText?: string;
  failure?: NetFailure;
  /** The system's word for the failure (`ENOTFOUND`) or a redirect chain. */
  failureDetail?: string;
  /** Values for the failure's phrase (`seconds`, `max`). */
  failureData?: Record<string, string | number>;
  /** Each redirect followed: who answered it, with what, and where to. */
  redirects: { url: string; status: number; location: string }[];
  /** The address of the final answer. */
  finalUrl: string;
  /** Retries made after `429`/`503`. */
  retries: number;
  /** The wait the final `429`/`503` asked for, in ms. */
  retryAfterMs?: number;
}

export type LinkVerdict =
  | { kind: 'ok' }
  /** 404, 410, another 4xx or 5xx (not 429/503), or no answer. */
  | { kind: 'dead' }
  /** 401/403, or any 4xx from a sign-in host. */
  | { kind: 'signIn' }
  /** 429/503 after the retries: not known. */
  | { kind: 'unchecked' }
  /** Works, but through permanent redirects: `target` is where they lead (the fragment kept). */
  | { kind: 'moved'; target: string };

const PERMANENT = new Set([301, 308]);

/** What `result` means for a link written as `written` (its fragment is kept in a new address). */
export function judgeLink(result: LinkResult, written: string, signInHosts: readonly string[]): LinkVerdict {
  if (result.failure !== undefined || result.status === undefined) return { kind: 'dead' };
  const status = result.status;
  if (status === 429 || status === 503) return { kind: 'unchecked' };
  const signIn = isSignInHost(written, signInHosts) || isSignInHost(result.finalUrl, signInHosts);
  if (status === 401 || status === 403 || (signIn && status >= 400 && status < 500)) return { kind: 'signIn' };
  if (status >= 400) return { kind: 'dead' };
  const target = permanentTarget(result, written);
  return target ? { kind: 'moved', target } : { kind: 'ok' };
}

/**
 * Where the permanent redirects at the start of the chain lead, when the check ended well there
 * and the address is an http(s) one a post can hold; undefined otherwise. A temporary redirect
 * (302, 303, 307) after them is where the site sends readers today, not the new address.
 */
function permanentTarget(result: LinkResult, written: string): string | undefined {
  let target: string | undefined;
  for (const hop of result.redirects) {
    if (!PERMANENT.has(hop.status)) break;
    target = hop.location;
  }
  if (!target) return undefined;
  const fragment = written.includes('#') ? written.slice(written.indexOf('#')) : '';
  let out = target.includes('#') ? target : target + fragment;
  // Parentheses would end a Markdown link's target early.
  out = out.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return /^https?:\/\/[^\s]+$/i.test(out) && out !== written ? out : undefined;
}

/** True when the host of `url` is one of the sign-in hosts (globs, any case). */
export function isSignInHost(url: string, signInHosts: readonly string[]): boolean {
  const host = hostOf(url);
  return (
    host !== undefined &&
    signInHosts.length > 0 &&
    picomatch.isMatch(host, [...signInHosts], { nocase: true, dot: true })
  );
}

/** True for a value that has the shape of a `LinkResult` (what the cache file holds is checked with it). */
export function isLinkResult(value: unknown): value is LinkResult {
  const r = value as Partial<LinkResult> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.url === 'string' &&
    typeof r.checkedAt === 'number' &&
    (r.method === 'HEAD' || r.method === 'GET') &&
    typeof r.finalUrl === 'string' &&
    Array.isArray(r.redirects) &&
    typeof r.retries === 'number' &&
    (r.status === undefined || typeof r.status === 'number') &&
    (r.failure === undefined || NET_FAILURES.includes(r.failure)) &&
    (r.status !== undefined || r.failure !== undefined)
  );
}

/** Results of one check run, looked up by the address as written (its fragment ignored). */
export interface LinkResultLookup {
  resultFor(url: string): LinkResult | undefined;
}

/** A lookup over results kept by address without fragment. */
export function lookupOf(results: ReadonlyMap<string, LinkResult>): LinkResultLookup {
  return {
    resultFor(url) {
      const i = url.indexOf('#');
      return results.get(i < 0 ? url : url.slice(0, i));
    },
  };
}
