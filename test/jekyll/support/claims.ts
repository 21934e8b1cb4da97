/**
 * What the checks claim a post becomes on the blog, and what Jekyll made of it, in one shape so that
 * the parity suite can compare them.
 *
 * The claims are read from the rules' reports (`messageId` and `data`, as each rule hands them to
 * the engine: "Jekyll will not publish this post", "stops the whole build", "dates the post
 * 2020-03-01", "titled `2nd_quarter`") and, where no rule speaks, from the core's own reading of the
 * post (`jekyllDate.ts`, `jekyllPostName.ts`): a post nothing is said about is claimed to be
 * published under its date, title and layout as written.
 */
import * as path from 'node:path';
import { resolveConfig } from '../../../server/src/core/config/config';
import { lintPost } from '../../../server/src/core/engine/engine';
import type { ReportDescriptor, RuleContext } from '../../../server/src/core/engine/rule';
import { formatDate } from '../../../server/src/core/jekyll';
import { readPostName, titleFromSlug } from '../../../server/src/core/jekyllPostName';
import type { Post } from '../../../server/src/core/model';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { RULES } from '../../../server/src/core/rules';
import { entryOf, readableFrontMatter } from '../../../server/src/core/rules/support/frontMatter';
import { jekyllPostDate, zoneOf } from '../../../server/src/core/rules/support/jekyllDates';
import { readSite, type SiteContext } from '../../../server/src/core/site/site';
import { nodeFileSystem, pathToUri, toCorePath } from '../../../server/src/node/nodeHost';
import type { PublishedPost } from './jekyllSite';

/** One report of one rule, with what it says in data. */
export interface Claim {
  ruleId: string;
  messageId: string;
  data: Record<string, string | number>;
}

/** What becomes of a post on the blog. */
export type Outcome =
  | { kind: 'build-fails' }
  | { kind: 'skipped' }
  | {
      kind: 'published';
      url: string;
      /** `YYYY-MM-DD` in the build's zone, or `build-day` for the day the build ran. */
      date: string;
      title: string | null;
      layout: string | null;
      /** True when kramdown converted the text (a Markdown extension). */
      converted: boolean;
      /** True when the front matter shows as text at the top of the post. */
      frontMatterShown: boolean;
    };

/** A post as the checks see it: parsed, with the site around it and every rule's reports. */
export interface Checked {
  post: Post;
  site: SiteContext;
  claims: Claim[];
  /** The rule ids of `lintPost`'s diagnostics, for the same post (the claims must be the same reports). */
  linted: string[];
}

/** Runs every rule on `text` as the post `relativePath` (`_posts/...`) of the site at `siteDir`. */
export function check(text: string, relativePath: string, siteDir: string, now: number): Checked {
  const file = path.join(siteDir, relativePath);
  const post = parsePost(text, pathToUri(file), 1);
  const site = readSite(toCorePath(siteDir), nodeFileSystem);
  const config = resolveConfig();
  const today = formatDate({
    year: new Date(now).getUTCFullYear(),
    month: new Date(now).getUTCMonth() + 1,
    day: new Date(now).getUTCDate(),
  });
  const claims: Claim[] = [];
  for (const rule of RULES) {
    if (rule.defaultSeverity === 'off' || (rule.needsSite && !site)) continue;
    const context: RuleContext<object> = {
      options: { ...(rule.defaultOptions ?? {}) },
      config,
      site,
      workspace: undefined,
      today,
      now,
      locale: 'en',
      severity: 'warning',
    };
    rule.check(post, context, (d: ReportDescriptor) =>
      claims.push({ ruleId: rule.id, messageId: d.messageId, data: d.data ?? {} }),
    );
  }
  const linted = lintPost(post, { rules: RULES, config, site, locale: 'en', today, now }).map((d) => String(d.code));
  return { post, site, claims, linted };
}

const has = (claims: readonly Claim[], ruleId: string, ...messageIds: string[]) =>
  claims.find((c) => c.ruleId === ruleId && (messageIds.length === 0 || messageIds.includes(c.messageId)));

/** The outcome the checks claim for a checked post. */
export function claimedOutcome({ post, site, claims }: Checked): Outcome {
  if (has(claims, 'field-type', 'dateInvalid', 'dateEmpty') || has(claims, 'filename-format', 'nameDate'))
    return { kind: 'build-fails' };
  if (has(claims, 'filename-format', 'format') || has(claims, 'future-date')) return { kind: 'skipped' };
  const name = readPostName(post.fileName, site.markdownExtensions);
  if (name.kind !== 'post') throw new Error(`${post.fileName}: no rule says Jekyll skips it`);
  const ext = name.markdown ? '.html' : `.${name.extension}`;
  const broken = has(claims, 'front-matter-syntax', 'yamlPublished', 'notAMappingPublished');
  if (broken) {
    const whole = post.fileName.slice(0, post.fileName.length - name.extension.length - 1);
    return {
      kind: 'published',
      url: `/build-day/${whole}${ext}`,
      date: 'build-day',
      title: null,
      layout: null,
      converted: name.markdown,
      frontMatterShown: false,
    };
  }
  const noFrontMatter =
    has(claims, 'front-matter-missing', 'missing', 'blankLinesBefore') ??
    has(claims, 'front-matter-syntax', 'unclosed');
  const fm = noFrontMatter ? undefined : readableFrontMatter(post);
  if (fm && entryOf(fm, 'published')?.value === false) return { kind: 'skipped' };
  const used = jekyllPostDate(post, { site });
  if (!used) throw new Error(`${post.fileName}: no date the checks can read, and no rule says why`);
  const date = formatDate(used.date);
  const titleEntry = fm ? entryOf(fm, 'title') : undefined;
  const layoutEntry = fm ? entryOf(fm, 'layout') : undefined;
  const title = noFrontMatter
    ? String(noFrontMatter.data.title)
    : typeof titleEntry?.value === 'string'
      ? titleEntry.value
      : titleFromSlug(name.slug);
  return {
    kind: 'published',
    url: `/${date.replace(/-/g, '/')}/${name.slug}${ext}`,
    date,
    title,
    layout: typeof layoutEntry?.value === 'string' ? layoutEntry.value : null,
    converted: name.markdown,
    frontMatterShown: noFrontMatter !== undefined && noFrontMatter.messageId !== 'missing',
  };
}

/**
 * The dates the reports name as the one Jekyll uses (`field-type`'s, `filename-date-mismatch`'s and
 * `title-date-mismatch`'s `{date}`): each must be the post's date on the blog.
 */
export function claimedDates(claims: readonly Claim[]): string[] {
  return claims
    .filter(
      (c) =>
        (c.ruleId === 'field-type' && ['dateRange', 'dateRolledOver', 'dateShort'].includes(c.messageId)) ||
        c.ruleId === 'filename-date-mismatch' ||
        (c.ruleId === 'title-date-mismatch' && c.messageId === 'date') ||
        (c.ruleId === 'filename-convention' && c.messageId.startsWith('notADay')),
    )
    .map((c) => String(c.data.date));
}

/** What Jekyll did with the post at `relativePath`, from a build's `site.posts` (or its failure). */
export function actualOutcome(published: PublishedPost | undefined, buildDays: readonly string[]): Outcome {
  if (!published) return { kind: 'skipped' };
  const day = published.date.slice(0, 10);
  const onBuildDay = buildDays.includes(day) && published.url.startsWith(`/${day.replace(/-/g, '/')}/`);
  return {
    kind: 'published',
    url:
      onBuildDay && published.slug === null
        ? published.url.replace(/^\/\d{4}\/\d{2}\/\d{2}\//, '/build-day/')
        : published.url,
    date: onBuildDay && published.slug === null ? 'build-day' : day,
    title: published.title,
    layout: published.layout,
    converted: /<h1[ >]/.test(published.content),
    frontMatterShown: /layout: post/.test(published.content),
  };
}

/** The days (UTC) a build that ran between `start` and `end` may date a post it could not date. */
export function buildDays(start: number, end: number): string[] {
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return [...new Set([day(start), day(end)])];
}

export { zoneOf };
