/**
 * Builds a Jekyll site with the real `jekyll build` (Debian's Jekyll 4.3.1 with minima,
 * kramdown-parser-gfm and jekyll-feed; `npm test` installs them, scripts/setup.ts) and reports
 * what it published: the oracle for every claim the checks and the preview make about the blog.
 *
 * Many posts go into one build (a build takes about a second), so a suite builds once per site
 * configuration. The site is `test/jekyll/site/` (the seminar blog's settings that matter: minima,
 * jekyll-feed, its MathJax include) unless `base` names another (the real blog's `site/` folder of
 * `../shared/corpus`, where present). Its page `published-posts.json` lists `site.posts` as
 * Jekyll holds them after the build: path, URL, date, title, layout, slug and the rendered content
 * (kramdown's HTML, before the layout).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/paths';

/** The parity suite's own site. */
export const PARITY_SITE = path.join(REPO_ROOT, 'test', 'jekyll', 'site');

/** A file to put into the site, by its path inside the site (`_posts/2020-04-02-x.md`). */
export interface SiteFile {
  readonly path: string;
  readonly text: string | Buffer;
}

/** One post as Jekyll published it (an entry of `site.posts`). */
export interface PublishedPost {
  /** The source path inside the site (`_posts/2020-04-02-x.md`). */
  readonly path: string;
  readonly url: string;
  /** `date_to_xmlschema`: `2020-04-02T00:00:00+00:00`. */
  readonly date: string;
  readonly title: string | null;
  readonly layout: string | null;
  readonly slug: string;
  /** The post's HTML as kramdown rendered it, before the layout. */
  readonly content: string;
}

export interface BuiltSite {
  /** The site's source folder (a temporary copy). */
  readonly dir: string;
  /** `_site`. */
  readonly out: string;
  /** Every post Jekyll published, by source path. */
  readonly posts: ReadonlyMap<string, PublishedPost>;
  /** What `jekyll build` printed (warnings such as YAML errors go here). */
  readonly log: string;
  /** The generated page at `url` (`/2020/04/02/x.html`), or undefined when there is none. */
  page(url: string): string | undefined;
  /** Removes the temporary folder. */
  dispose(): void;
}

export interface BuildOptions {
  /** The site folder to start from (default {@link PARITY_SITE}); its files are copied first. */
  readonly base?: string;
  /** Text appended to `_config.yml` (a key given again there wins: Psych keeps a mapping's last value). */
  readonly extraConfig?: string;
  /** Extra `jekyll build` arguments (`--future`). */
  readonly args?: readonly string[];
  /** The build's time zone (`TZ`); GitHub Pages builds in UTC, the default here. */
  readonly timeZone?: string;
}

/** Why Jekyll cannot run here, or undefined when it can. */
export function jekyllUnavailable(): string | undefined {
  const version = spawnSync('jekyll', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return 'jekyll is not installed (npm test installs it: scripts/setup.ts)';
  const gems = spawnSync('ruby', ['-e', 'gem "minima"; gem "jekyll-feed"; require "kramdown-parser-gfm"'], {
    encoding: 'utf8',
  });
  if (gems.status !== 0)
    return 'the minima theme, jekyll-feed or kramdown-parser-gfm is missing (npm test installs them: scripts/setup.ts)';
  return undefined;
}

/** A build that may fail: the site it made, or what Jekyll printed when it stopped. */
export type BuildOutcome = { site: BuiltSite; failure?: undefined } | { site?: undefined; failure: string };

/**
 * {@link buildSite} for a build that may fail on purpose (a post whose date Jekyll cannot read stops
 * the whole build): the failure is returned with Jekyll's log instead of thrown.
 */
export function tryBuildSite(files: readonly SiteFile[], options: BuildOptions = {}): BuildOutcome {
  try {
    return { site: buildSite(files, options) };
  } catch (error) {
    if (error instanceof BuildFailure) return { failure: error.log };
    throw error;
  }
}

/** `jekyll build` exited with an error; `log` is what it printed. */
export class BuildFailure extends Error {
  constructor(
    readonly log: string,
    status: number | null,
  ) {
    super(`jekyll build failed (exit ${status}):\n${log}`);
  }
}

/** Copies the site, adds `files`, runs `jekyll build` and reads what it published. */
export function buildSite(files: readonly SiteFile[], options: BuildOptions = {}): BuiltSite {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-jekyll-'));
  fs.cpSync(options.base ?? PARITY_SITE, dir, { recursive: true });
  // The listing page comes from the parity site even when the base is another site.
  fs.copyFileSync(path.join(PARITY_SITE, 'published-posts.json'), path.join(dir, 'published-posts.json'));
  if (options.extraConfig) fs.appendFileSync(path.join(dir, '_config.yml'), `\n${options.extraConfig}\n`);
  for (const file of files) {
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.text);
  }
  const out = path.join(dir, '_site');
  const result = spawnSync('jekyll', ['build', '--source', dir, '--destination', out, ...(options.args ?? [])], {
    encoding: 'utf8',
    env: { ...process.env, TZ: options.timeZone ?? 'UTC', JEKYLL_ENV: 'production', LANG: 'C.UTF-8' },
    timeout: 120_000,
  });
  const log = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    // A build that never ran (no jekyll, a timeout) is no failure of the site's.
    if (result.error || result.status === null)
      throw new Error(`jekyll build did not run: ${result.error?.message ?? result.signal}\n${log}`);
    throw new BuildFailure(log, result.status);
  }
  const listing = JSON.parse(fs.readFileSync(path.join(out, 'published-posts.json'), 'utf8')) as PublishedPost[];
  return {
    dir,
    out,
    posts: new Map(listing.map((post) => [post.path, post])),
    log,
    page(url) {
      const file = path.join(out, decodeURIComponent(url).replace(/\/$/, '/index.html'));
      return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    },
    dispose() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The environment variable that lets the Jekyll suites skip, with a note, where Jekyll cannot run. */
export const SKIP_JEKYLL_VARIABLE = 'SEMINAR_POSTS_SKIP_JEKYLL';

/**
 * For a suite's `before` hook: fails the suite, saying why, when Jekyll cannot run (it is a
 * requirement of `npm test`), unless `SEMINAR_POSTS_SKIP_JEKYLL=1`, which skips it with a note.
 */
export function requireJekyll(context: Mocha.Context): void {
  const why = jekyllUnavailable();
  if (!why) return;
  if (process.env[SKIP_JEKYLL_VARIABLE] === '1') {
    console.log(`      (skipped: ${why}; ${SKIP_JEKYLL_VARIABLE}=1 is set)`);
    context.skip();
  }
  throw new Error(
    `${why}. The Jekyll parity suites need the real jekyll build; set ${SKIP_JEKYLL_VARIABLE}=1 to skip them.`,
  );
}
