/**
 * Linting in tests: a text with the defaults (or a given site and configuration), and the inline
 * expectations fixture posts carry.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { resolveConfig, type SeminarPostsConfig } from '../../server/src/core/config/config';
import { lintPost } from '../../server/src/core/engine/engine';
import type { Locale } from '../../server/src/core/engine/messages';
import type { DiagnosticData, RuleDefinition } from '../../server/src/core/engine/rule';
import { lookupOf, type LinkResult } from '../../server/src/core/links/linkResult';
import { parsePost } from '../../server/src/core/parse/parsePost';
import { RULES } from '../../server/src/core/rules';
import type { SiteContext } from '../../server/src/core/site/site';

/** The day tests run on, so that results never depend on the calendar. */
export const TEST_TODAY = '2026-11-27';

export interface LintTextOptions {
  fileName?: string;
  config?: SeminarPostsConfig;
  site?: SiteContext;
  locale?: Locale;
  rules?: readonly RuleDefinition<any>[];
  today?: string;
  /** What a link check found, by address (for `link-dead`). */
  links?: Record<string, LinkResult>;
}

export function lintText(text: string, options: LintTextOptions = {}): Diagnostic[] {
  const post = parsePost(text, `file:///site/_posts/${encodeURIComponent(options.fileName ?? '2020-04-02-2nd_quarter.md')}`, 1);
  return lintPost(post, {
    rules: options.rules ?? RULES,
    config: resolveConfig(options.config),
    site: options.site,
    locale: options.locale ?? 'en',
    today: options.today ?? TEST_TODAY,
    links: options.links && lookupOf(new Map(Object.entries(options.links))),
  });
}

export function dataOf(diagnostic: Diagnostic): DiagnosticData {
  return diagnostic.data as DiagnosticData;
}

/** `line:rule-id` of each diagnostic (1-based lines), sorted: compact and readable in assertions. */
export function summarize(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${String(d.code)}`).sort(byLineThenId);
}

/**
 * Expectations written in a fixture post. A line `<!-- expect: rule-a, rule-b -->` (in the body)
 * or `# expect: rule-a` (a YAML comment in the front matter) expects those rules on the nearest line
 * above it that is not itself an expectation. Returned like `summarize`.
 */
export function expectationsOf(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let target = 0;
  lines.forEach((line, i) => {
    const m = /^\s*(?:<!--\s*expect:\s*(.*?)\s*-->|#\s*expect:\s*(.*?))\s*$/.exec(line);
    if (!m) {
      target = i;
      return;
    }
    for (const id of (m[1] ?? m[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) out.push(`${target + 1}:${id}`);
  });
  return out.sort(byLineThenId);
}

function byLineThenId(a: string, b: string): number {
  const [la, ia] = [parseInt(a, 10), a.slice(a.indexOf(':') + 1)];
  const [lb, ib] = [parseInt(b, 10), b.slice(b.indexOf(':') + 1)];
  return la - lb || ia.localeCompare(ib);
}
