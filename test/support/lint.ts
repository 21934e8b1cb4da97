/**
 * Linting in tests: a text with the defaults (or a given site and configuration), and the inline
 * expectations fixture posts carry.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { resolveConfig, type SeminarPostsConfig } from '../../server/src/core/config/config';
import { lintPost, severityName } from '../../server/src/core/engine/engine';
import type { Locale } from '../../server/src/core/engine/messages';
import type { DiagnosticData, RuleDefinition } from '../../server/src/core/engine/rule';
import { lookupOf, type LinkResult } from '../../server/src/core/links/linkResult';
import { parsePost } from '../../server/src/core/parse/parsePost';
import { RULES } from '../../server/src/core/rules';
import type { SiteContext } from '../../server/src/core/site/site';
import type { WorkspaceView } from '../../server/src/core/workspace';

/** The day tests run on, so that results never depend on the calendar. */
export const TEST_TODAY = '2026-11-27';

export interface LintTextOptions {
  fileName?: string;
  config?: SeminarPostsConfig;
  site?: SiteContext;
  locale?: Locale;
  rules?: readonly RuleDefinition<object>[];
  today?: string;
  /** The other posts of the workspace, for the rules that compare posts. */
  workspace?: WorkspaceView;
  /** What a link check found, by address (for `link-dead`). */
  links?: Record<string, LinkResult>;
}

export function lintText(text: string, options: LintTextOptions = {}): Diagnostic[] {
  const post = parsePost(
    text,
    `file:///site/_posts/${encodeURIComponent(options.fileName ?? '2020-04-02-2nd_quarter.md')}`,
    1,
  );
  return lintPost(post, {
    rules: options.rules ?? RULES,
    config: resolveConfig(options.config),
    site: options.site,
    workspace: options.workspace,
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
 * `line:column rule-id severity` of each diagnostic (1-based line and column, as the CLI prints
 * them), sorted: what a fixture's expectations are compared with.
 */
export function describeFully(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .map(
      (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${severityName(d.severity)}`,
    )
    .sort(byPosition);
}

/** One expectation of a fixture: `rule-id@column:severity`. */
const EXPECTATION = /^([a-z][a-z0-9-]*)@(\d+):(error|warning|info|hint)$/;

/**
 * Expectations written in a fixture post. A line `<!-- expect: rule-a@5:error, rule-b@1:warning -->`
 * (in the body) or `# expect: rule-a@1:error` (a YAML comment in the front matter) expects those
 * rules, each starting at that 1-based column with that severity, on the nearest line above it that
 * is not itself an expectation. Returned like `describeFully`; an expectation without its column
 * and severity is an error of the fixture.
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
    for (const entry of (m[1] ?? m[2] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const parts = EXPECTATION.exec(entry);
      if (!parts)
        throw new Error(
          `line ${i + 1}: expected \`rule-id@column:severity\` (say \`${entry}@1:warning\`), found \`${entry}\``,
        );
      out.push(`${target + 1}:${parts[2]} ${parts[1]} ${parts[3]}`);
    }
  });
  return out.sort(byPosition);
}

/** Orders `line:column ...` strings by line, then column, then the rest. */
function byPosition(a: string, b: string): number {
  const [la, ca] = a.split(/[: ]/, 2).map(Number) as [number, number];
  const [lb, cb] = b.split(/[: ]/, 2).map(Number) as [number, number];
  return la - lb || ca - cb || a.localeCompare(b);
}

function byLineThenId(a: string, b: string): number {
  const [la, ia] = [parseInt(a, 10), a.slice(a.indexOf(':') + 1)];
  const [lb, ib] = [parseInt(b, 10), b.slice(b.indexOf(':') + 1)];
  return la - lb || ia.localeCompare(ib);
}
