/**
 * `seminar-posts lint --check-links`: the addresses of the posts checked once each (8 requests at
 * once, 2 per host, 10 s each), with results kept in a cache folder (`--cache-dir`, default the
 * system's cache folder; `--no-cache` neither reads nor writes it). On a terminal, a progress line
 * per 50 addresses goes to stderr, so that stdout (JSON, SARIF) stays clean; a summary line
 * follows the check.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { formatMessage, type Locale } from '../core/engine/messages';
import { checkLinks } from '../core/links/linkChecker';
import { isLinkResult, lookupOf, type LinkResult, type LinkResultLookup } from '../core/links/linkResult';
import { linkTargets, uniqueAddresses } from '../core/links/linkTargets';
import { ResultCache } from '../core/net/resultCache';
import { createHttpClient, LINK_CHECK_LIMITS } from '../node/httpClients';
import { defaultCacheFolder, JsonFileCacheStore } from '../node/jsonFileCacheStore';
import type { Input } from './input';

/** A progress line every this many addresses. */
export const PROGRESS_EVERY = 50;
/** The most link results the cache keeps. */
export const LINK_CACHE_ENTRIES = 50_000;

/** The lines this check writes to stderr, in the language of `--locale`. */
const TEXT = {
  progress: {
    en: 'seminar-posts: checked {done} of {total} links',
    ko: 'seminar-posts: 링크 {total}개 중 {done}개 검사함',
  },
  summary: {
    en: 'seminar-posts: checked {count} {links} in {seconds} s ({requested} asked{cached})',
    ko: 'seminar-posts: 링크 {count}개를 {seconds}초에 검사했습니다(요청 {requested}개{cached})',
  },
  cached: { en: ', {count} from the cache', ko: ', 캐시에서 {count}개' },
};

export interface LinkCheckCommand {
  /** The cache folder (`--cache-dir`), resolved; undefined for the default. */
  cacheDir: string | undefined;
  /** `--no-cache`. */
  noCache: boolean;
  /** `--locale`: the language of the progress and summary lines. */
  locale: Locale;
}

export interface LinkCheckIO {
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stderr is a terminal: progress lines are shown. */
  progress: boolean;
}

/** Checks the addresses of `inputs`; the results, for the engine. */
export async function checkLinksOf(
  inputs: readonly Input[],
  command: LinkCheckCommand,
  io: LinkCheckIO,
): Promise<LinkResultLookup> {
  const addresses = [
    ...new Set(inputs.flatMap((input) => uniqueAddresses(linkTargets(input.post, input.setup.config)))),
  ];
  const folder =
    command.cacheDir !== undefined
      ? path.resolve(io.cwd, command.cacheDir)
      : defaultCacheFolder(io.env, process.platform, os.homedir());
  const cache = command.noCache
    ? undefined
    : new ResultCache<LinkResult>(
        'links',
        new JsonFileCacheStore(folder, (message) => io.stderr(`seminar-posts: ${message}\n`)),
        {
          maxEntries: LINK_CACHE_ENTRIES,
          isValue: isLinkResult,
        },
      );
  const started = Date.now();
  const run = await checkLinks(addresses, createHttpClient(LINK_CHECK_LIMITS), {
    cache,
    onProgress: (done, total) => {
      if (io.progress && (done % PROGRESS_EVERY === 0 || done === total))
        io.stderr(`${formatMessage(TEXT.progress, command.locale, { done, total })}\n`);
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const cached = run.fromCache ? formatMessage(TEXT.cached, command.locale, { count: run.fromCache }) : '';
  const links = addresses.length === 1 ? 'link' : 'links';
  io.stderr(
    `${formatMessage(TEXT.summary, command.locale, { count: addresses.length, links, seconds, requested: run.requested, cached })}\n`,
  );
  return lookupOf(run.results);
}
