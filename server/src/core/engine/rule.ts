/**
 * What a rule is. One file per rule under `core/rules/`, each exporting one `RuleDefinition`;
 * the registry (`core/rules/index.ts`) lists them. The engine (`engine.ts`) runs them.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { ResolvedConfig } from '../config/config';
import type { JsonSchema } from '../config/jsonSchema';
import type { Severity, SeverityOrOff } from '../config/severity';
import type { LinkResult, LinkResultLookup } from '../links/linkResult';
import type { Post } from '../model';
import type { SiteContext } from '../site/site';
import type { WorkspaceView } from '../workspace';
import type { Locale, LocalizedText } from './messages';

export { SEVERITIES, type Severity, type SeverityOrOff } from '../config/severity';

export type RuleCategory = 'front-matter' | 'file' | 'section' | 'post';

/** Documentation of a rule, turned into `docs/rules/<id>.md` and shown on hover. */
export interface RuleDocs {
  /** Why the rule exists: what goes wrong on the blog without it. */
  rationale: string;
  /** A post (or the part of one that matters) the rule accepts. */
  ok: RuleExample;
  /** A post the rule reports. */
  notOk: RuleExample;
  /** The quick fix, in words; omitted when there is none. */
  fix?: string;
  /** The rule's options, in words; omitted when there are none. */
  options?: string;
}

export interface RuleExample {
  /** The post's text. */
  text: string;
  /** The post's file name (default `2020-04-02-2nd_quarter.md`). */
  fileName?: string;
  /** Other posts of the same site, for a rule that compares posts (they form the workspace the example is checked in). */
  otherPosts?: { fileName: string; text: string }[];
  /** Files of the site around the post besides its `_config.yml` (`theme: minima`), by path in the site. */
  site?: Record<string, string>;
  /** What a link check found of its addresses (for `link-dead`), by address. */
  links?: Record<string, LinkResult>;
}

/**
 * One rule. A list of rules with different options types (the registry, the engine's input) is a
 * `readonly RuleDefinition<object>[]`: `check` is declared as a method, whose parameters TypeScript
 * compares both ways, so every `RuleDefinition<Options>` is a `RuleDefinition<object>`.
 */
export interface RuleDefinition<Options = Record<string, unknown>> {
  /** Stable id: used in settings, the config file, the CLI's output and as the diagnostic code. */
  id: string;
  category: RuleCategory;
  defaultSeverity: SeverityOrOff;
  /** One sentence: what the rule reports. */
  description: LocalizedText;
  /** Message templates by message id; `{name}` is replaced by the report's `data.name`. */
  messages: Record<string, LocalizedText>;
  docs: RuleDocs;
  /** JSON Schema of the rule's options (the object after the severity in the config). */
  optionsSchema?: JsonSchema;
  defaultOptions?: Options;
  /** The rule needs to know the Jekyll site (`_config.yml`); it is skipped for a post outside one. */
  needsSite?: boolean;
  /**
   * The rule compares the post with the other posts of its site (`context.workspace`), and reports
   * nothing without them. Its fixtures are checked with the other posts of their folder as the workspace.
   */
  comparesPosts?: boolean;
  check(post: Post, context: RuleContext<Options>, report: Report): void;
}

export interface RuleContext<Options = Record<string, unknown>> {
  options: Options;
  config: ResolvedConfig;
  /** The Jekyll site around the post, when there is one. */
  site: SiteContext | undefined;
  /** The other posts of the workspace, when an index of them exists (the language server). */
  workspace: WorkspaceView | undefined;
  /** Today, as `YYYY-MM-DD` in the user's time zone. */
  today: string;
  /** The moment of the check (milliseconds since the epoch): what a build started now would take for its time. */
  now: number;
  locale: Locale;
  /** What the last link check found, when one was asked for (`link-dead` reads it; absent while typing). */
  links?: LinkResultLookup | undefined;
  /** Severity the rule runs at (after configuration). */
  severity: Severity;
}

export type Report = (descriptor: ReportDescriptor) => void;

export interface ReportDescriptor {
  range: Range;
  messageId: string;
  data?: Record<string, string | number>;
  /** Overrides the configured severity for this one report (e.g. `info` for a softer case). */
  severity?: Severity;
  fix?: FixDescriptor | FixDescriptor[];
}

/** A quick fix, as data: applied by the editor's code action or by `seminar-posts lint --fix`. */
export interface FixDescriptor {
  title: LocalizedText;
  /** Safe fixes are applied by `--fix` and "fix all"; the others only when the user picks them. */
  safe: boolean;
  edits: TextEdit[];
  /** The edits' new text is a snippet (`$1`, `${1:Authors}`): the editor offers tab stops. */
  snippet?: boolean;
  /** Renames the post's file to this base name (in the same folder). */
  rename?: string;
}

/** A fix as it travels on a diagnostic: localized and ready to apply. */
export interface Fix {
  title: string;
  safe: boolean;
  edits: TextEdit[];
  snippet?: boolean;
  /** New base name of the post's file. */
  rename?: string;
}

/** What every diagnostic of the engine carries in its `data`. */
export interface DiagnosticData {
  ruleId: string;
  /** The document version the diagnostic (and its fixes) were computed for. */
  version: number | undefined;
  fixes: Fix[];
}
