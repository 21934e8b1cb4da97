/**
 * The rule engine: runs every enabled rule over a post model and returns LSP diagnostics.
 *
 * Rules report through one `report()`. The engine checks each report (the range lies inside the
 * document, the message exists, every fix edit is in range), localizes the message and the fix
 * titles, stamps `source`, `code` and `codeDescription.href`, and attaches the fixes as data. A
 * rule that throws, or reports nonsense, becomes one diagnostic that names it: the others still run.
 */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { ResolvedConfig } from '../config/config';
import type { HtmlComment, Post } from '../model';
import type { SiteContext } from '../site/site';
import type { WorkspaceView } from '../workspace';
import type { LinkResultLookup } from '../links/linkResult';
import { closest } from '../jekyll';
import { comparePositions } from '../text/lineIndex';
import { formatMessage, type Locale } from './messages';
import { applySuppressions, directiveIdRange, unknownDirectiveIds } from './suppression';
import type {
  DiagnosticData,
  Fix,
  FixDescriptor,
  ReportDescriptor,
  RuleDefinition,
  Severity,
  SeverityOrOff,
} from './rule';

/** The `source` of every diagnostic of this product. */
export const DIAGNOSTIC_SOURCE = 'seminar-posts';

/** Where the rule pages live; `docs/rules/<id>.md` in the repository. */
export const DOCS_BASE_URL = 'https://github.com/seminar-posts/seminar-posts/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

export interface LintOptions {
  rules: readonly RuleDefinition<object>[];
  config: ResolvedConfig;
  site: SiteContext | undefined;
  /** The other posts of the workspace, when known. */
  workspace?: WorkspaceView;
  locale: Locale;
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /**
   * The moment of the check, in milliseconds since the epoch, for rules that compare with the time of
   * a build (`future-date`). Without it, noon UTC of `today`.
   */
  now?: number;
  /** The results of a link check of this post, when one was asked for (`link-dead`). */
  links?: LinkResultLookup | undefined;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Maps an LSP severity back to the product's name for it. */
export function severityName(severity: DiagnosticSeverity | undefined): Severity {
  switch (severity) {
    case DiagnosticSeverity.Error:
      return 'error';
    case DiagnosticSeverity.Information:
      return 'info';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'warning';
  }
}

/** The severity a rule runs at under `config`. */
export function effectiveSeverity(rule: RuleDefinition<object>, config: ResolvedConfig): SeverityOrOff {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
}

/**
 * Runs the rules over `post`; diagnostics come sorted by position, without those that the post's
 * suppression comments turn off (see `suppression.ts`).
 */
export function lintPost(post: Post, options: LintOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of options.rules) {
    const severity = effectiveSeverity(rule, options.config);
    if (severity === 'off') continue;
    if (rule.needsSite && !options.site) continue;
    runRule(rule, severity, post, options, diagnostics);
  }
  for (const part of post.simplified) diagnostics.push(simplifiedDiagnostic(part, post, options.locale));
  const kept = applySuppressions(diagnostics, post.comments);
  // After suppression: a comment that names a rule that does not exist should not hide its own warning.
  if (post.comments.length) {
    const known = knownIds(options.rules);
    for (const { id, comment } of unknownDirectiveIds(post.comments, known)) {
      kept.push(unknownRuleDiagnostic(id, comment, [...known], post, options.locale));
    }
  }
  return kept.sort(
    (a, b) => comparePositions(a.range.start, b.range.start) || String(a.code).localeCompare(String(b.code)),
  );
}

/** The ids a suppression comment may name, per rule list (the same list on every keystroke). */
const knownIdSets = new WeakMap<readonly RuleDefinition<object>[], ReadonlySet<string>>();

function knownIds(rules: readonly RuleDefinition<object>[]): ReadonlySet<string> {
  let known = knownIdSets.get(rules);
  if (!known) knownIdSets.set(rules, (known = new Set([...rules.map((rule) => rule.id), SIMPLIFIED_CODE])));
  return known;
}

function runRule(
  rule: RuleDefinition<object>,
  severity: Severity,
  post: Post,
  options: LintOptions,
  out: Diagnostic[],
): void {
  const configured = options.config.rules[rule.id]?.options;
  const context = {
    options: { ...(rule.defaultOptions ?? {}), ...(configured ?? {}) },
    config: options.config,
    site: options.site,
    workspace: options.workspace,
    today: options.today,
    now: options.now ?? noonOf(options.today),
    locale: options.locale,
    links: options.links,
    severity,
  };
  const report = (descriptor: ReportDescriptor) => {
    const problem = checkReport(rule, descriptor, post);
    if (problem) throw new RuleReportError(problem);
    out.push(toDiagnostic(rule, severity, descriptor, post, options.locale));
  };
  try {
    rule.check(post, context, report);
  } catch (error) {
    out.push(ruleFailure(rule, error, post, options.locale));
  }
}

/** Noon UTC of a `YYYY-MM-DD` day (now, when the day does not parse). */
function noonOf(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) : Date.now();
}

class RuleReportError extends Error {}

/** What is wrong with a report, or undefined when it is well formed. */
function checkReport(rule: RuleDefinition<object>, descriptor: ReportDescriptor, post: Post): string | undefined {
  const message = rule.messages[descriptor.messageId];
  if (!message) return `unknown message id '${descriptor.messageId}'`;
  if (!post.lines.contains(descriptor.range)) return `range ${formatRange(descriptor.range)} is outside the document`;
  for (const fix of toArray(descriptor.fix)) {
    for (const edit of fix.edits) {
      if (!post.lines.contains(edit.range)) return `fix edit ${formatRange(edit.range)} is outside the document`;
    }
    if (fix.rename !== undefined && (!fix.rename || /[/\\]/.test(fix.rename)))
      return `fix renames to a bad name '${fix.rename}'`;
    if (fix.snippet && fix.safe) return 'a snippet fix has placeholders to fill and cannot be safe';
  }
  const unfilled = [message, ...toArray(descriptor.fix).map((fix) => fix.title)]
    .flatMap((text) => [...`${text.en} ${text.ko}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))
    .find((name) => descriptor.data?.[name] === undefined);
  if (unfilled) return `no value for the placeholder {${unfilled}}`;
  return undefined;
}

function toDiagnostic(
  rule: RuleDefinition<object>,
  severity: Severity,
  descriptor: ReportDescriptor,
  post: Post,
  locale: Locale,
): Diagnostic {
  const data: DiagnosticData = {
    ruleId: rule.id,
    version: post.version,
    fixes: toArray(descriptor.fix).map((fix): Fix => localizeFix(fix, locale, descriptor.data)),
  };
  return {
    range: descriptor.range,
    severity: SEVERITY[descriptor.severity ?? severity],
    source: DIAGNOSTIC_SOURCE,
    code: rule.id,
    codeDescription: { href: ruleDocsUrl(rule.id) },
    message: formatMessage(rule.messages[descriptor.messageId]!, locale, descriptor.data),
    data,
  };
}

function localizeFix(fix: FixDescriptor, locale: Locale, data: ReportDescriptor['data']): Fix {
  const out: Fix = { title: formatMessage(fix.title, locale, data), safe: fix.safe, edits: fix.edits };
  if (fix.snippet) out.snippet = true;
  if (fix.rename !== undefined) out.rename = fix.rename;
  return out;
}

const FAILURE_MESSAGE = {
  en: 'Rule `{id}` failed and was skipped: {error}. This is a bug in Seminar Posts; please report it.',
  ko: '`{id}` 규칙이 실패하여 건너뛰었습니다: {error}. Seminar Posts의 버그이니 알려 주세요.',
};

function ruleFailure(rule: RuleDefinition<object>, error: unknown, post: Post, locale: Locale): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  const data: DiagnosticData = { ruleId: rule.id, version: post.version, fixes: [] };
  return {
    range: post.lines.rangeOf(0, 0),
    severity: DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: rule.id,
    codeDescription: { href: ruleDocsUrl(rule.id) },
    message: formatMessage(FAILURE_MESSAGE, locale, { id: rule.id, error: reason.split('\n')[0] ?? reason }),
    data,
  };
}

/**
 * The code of the diagnostic on lines the parser read as plain text (see `parse/markdownGuard.ts`).
 * Not a rule: it cannot be configured, only suppressed like one.
 */
export const SIMPLIFIED_CODE = 'markdown-simplified';

const SIMPLIFIED_MESSAGE = {
  syntax: {
    en: 'Seminar Posts read these lines as plain text: this paragraph holds more Markdown marks (`*`, `_`, `[`, `<`, ...) than it can check quickly ({count} lines simplified). Checks that need their Markdown may be wrong here; split the paragraph or remove stray marks.',
    ko: 'Seminar Posts가 이 줄들을 일반 텍스트로 읽었습니다: 이 문단에는 빠르게 검사할 수 있는 것보다 많은 Markdown 기호(`*`, `_`, `[`, `<` 등)가 있습니다({count}줄 단순화). 이곳의 Markdown에 기대는 검사는 틀릴 수 있으니 문단을 나누거나 불필요한 기호를 지우세요.',
  },
  nesting: {
    en: 'Seminar Posts read these lines as plain text: their lists or quotes are nested deeper than it can check quickly ({count} lines simplified). Checks that need their Markdown may be wrong here; nest less deeply.',
    ko: 'Seminar Posts가 이 줄들을 일반 텍스트로 읽었습니다: 목록이나 인용이 빠르게 검사할 수 있는 것보다 깊게 중첩되어 있습니다({count}줄 단순화). 이곳의 Markdown에 기대는 검사는 틀릴 수 있으니 중첩을 줄이세요.',
  },
};

function simplifiedDiagnostic(part: Post['simplified'][number], post: Post, locale: Locale): Diagnostic {
  const count = String(part.range.end.line - part.range.start.line + 1);
  return engineWarning(
    SIMPLIFIED_CODE,
    part.range,
    formatMessage(SIMPLIFIED_MESSAGE[part.reason], locale, { count }),
    post,
  );
}

/** A warning of the engine itself (not of a rule, so not configurable). */
function engineWarning(code: string, range: Range, message: string, post: Post, fixes: Fix[] = []): Diagnostic {
  const data: DiagnosticData = { ruleId: code, version: post.version, fixes };
  return { range, severity: DiagnosticSeverity.Warning, source: DIAGNOSTIC_SOURCE, code, message, data };
}

/**
 * The code of the diagnostic on a suppression comment that names no rule (see `suppression.ts`).
 * Not a rule: it cannot be configured.
 */
export const UNKNOWN_SUPPRESSION_CODE = 'suppression-unknown-rule';

const UNKNOWN_RULE_MESSAGE = {
  plain: {
    en: 'Expected a rule id in this comment, found `{id}`: it turns nothing off (`seminar-posts rules` lists them)',
    ko: '이 주석에는 규칙 id가 필요하지만 `{id}`입니다: 아무것도 끄지 않습니다(`seminar-posts rules`에 목록이 있습니다)',
  },
  didYouMean: {
    en: 'Expected a rule id in this comment, found `{id}`: it turns nothing off; did you mean `{suggestion}`?',
    ko: '이 주석에는 규칙 id가 필요하지만 `{id}`입니다: 아무것도 끄지 않습니다. `{suggestion}`을(를) 뜻했나요?',
  },
  fix: {
    en: 'Change `{id}` to `{suggestion}`',
    ko: '`{id}`을(를) `{suggestion}`(으)로 바꾸기',
  },
};

function unknownRuleDiagnostic(
  id: string,
  comment: HtmlComment,
  known: readonly string[],
  post: Post,
  locale: Locale,
): Diagnostic {
  const suggestion = closest(id, known, 3);
  const at = directiveIdRange(post, comment, id);
  const range = at ?? comment.range;
  const fixes: Fix[] =
    suggestion && at
      ? // Not safe: the writer may have meant another rule than the closest spelling.
        [
          {
            title: formatMessage(UNKNOWN_RULE_MESSAGE.fix, locale, { id, suggestion }),
            safe: false,
            edits: [{ range: at, newText: suggestion }],
          },
        ]
      : [];
  const message = suggestion
    ? formatMessage(UNKNOWN_RULE_MESSAGE.didYouMean, locale, { id, suggestion })
    : formatMessage(UNKNOWN_RULE_MESSAGE.plain, locale, { id });
  return engineWarning(UNKNOWN_SUPPRESSION_CODE, range, message, post, fixes);
}

function toArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function formatRange(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}
