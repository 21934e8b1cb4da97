/**
 * The post service: the one place where the core is put together. `createPostService` receives
 * what the world must supply (a file system host, the rules, the locale, a clock, the renderer)
 * and owns the rest: the caches (parse, render, configuration, globs), the configuration of each
 * post (defaults < editor settings < `.seminar-posts.json`), parsing for editing or once, linting,
 * "fix all" and rendering. The language server and the CLI each create one; nothing else assembles
 * lint options. The editor features answer from it (`editorFeatures.ts`, which the CLI does not
 * carry). (The shape of vscode-markdown-languageservice's `createLanguageService`.)
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { RenderResult } from '../../protocol';
import type { SeminarPostsConfig } from '../config/config';
import { PostsMatcher } from '../config/postsMatcher';
import { lintPost } from '../engine/engine';
import type { Locale } from '../engine/messages';
import type { RuleDefinition } from '../engine/rule';
import type { LinkResultLookup } from '../links/linkResult';
import { settleFixes, type SettledFixes, type SettleOptions } from '../fix/settleFixes';
import type { FileSystemHost } from '../host';
import { todayString } from '../jekyll';
import type { Post } from '../model';
import { ParseCache, parsePost } from '../parse/parsePost';
import { PostCache } from '../parse/postCache';
import { Project, type PostSetup } from '../project';
import type { RenderCache, renderPost } from '../render/renderPost';
import { siblingUri } from '../text/uris';
import type { WorkspaceView } from '../workspace';

/** The renderer's module (remark, rehype, KaTeX: half the server), loaded on the first render. */
export interface Renderer {
  renderPost: typeof renderPost;
  RenderCache: typeof RenderCache;
}

/** What a post service needs from its host. */
export interface PostServiceOptions {
  host: FileSystemHost;
  rules: readonly RuleDefinition<object>[];
  /** The language of every message; a function when it is known only later (the server's `initialize`). */
  locale: Locale | (() => Locale);
  /** Now: the rules' "today" (a post dated later is a future post) is its day, in local time. */
  clock: () => Date;
  /** Use this configuration file instead of the nearest one (the CLI's `--config`). */
  configFile?: string;
  /** The other posts a post is checked against (`duplicate-paper`), for its setup. */
  workspace?: (setup: PostSetup) => WorkspaceView | undefined;
  /** Loads the renderer; without it `render` refuses (the CLI renders nothing). */
  renderer?: () => Promise<Renderer>;
  /**
   * What the last link check found of the post `uri` (`link-dead` reads it); undefined when it was
   * never checked. Only a Check Links run (the editor's, `lint --check-links`) fills it: never typing.
   */
  links?: (uri: string) => LinkResultLookup | undefined;
}

/** A post with what it is checked against. */
export interface PostInContext {
  post: Post;
  setup: PostSetup;
}

/** How "fix all" runs over one post. */
export interface SettleRequest extends SettleOptions {
  /** The post's diagnostics, when they are known already (the first pass needs not lint again). */
  diagnostics?: readonly Diagnostic[];
}

export interface PostService {
  readonly rules: readonly RuleDefinition<object>[];
  locale(): Locale;
  /** Today, `YYYY-MM-DD`, by the clock. */
  today(): string;

  /**
   * The configuration and site of the post at `path` (a core path), or of a post without a path.
   * `layers` (the editor's settings for that post) go over the defaults and under the file.
   */
  setupFor(path: string | undefined, layers?: readonly SeminarPostsConfig[]): PostSetup;
  /** True when `path` is a post under its configuration's `posts` globs (`roots`: the workspace folders). */
  isPost(path: string, setup: PostSetup, roots?: readonly string[]): boolean;
  /** A configuration file, `_config.yml` or a layout changed: what was read of them is forgotten. */
  configurationChanged(): void;

  /** The model of a document being edited, parsed once per version, reusing the previous version's parts. */
  parseForEditing(uri: string, version: number, text: string): Post;
  /** The model of a text read once (a file on disk, a fix being tried): nothing is kept. */
  parseOnce(text: string, uri: string, version?: number): Post;
  /** A document closed: its model and cached parts go. */
  forget(uri: string): void;

  /** The post's diagnostics, sorted, suppressions applied. */
  lint(post: PostInContext): Diagnostic[];
  /** "Fix all" over the post (see `fix/settleFixes.ts`); a renamed post is linted under its new name. */
  settleFixes(post: PostInContext, request: SettleRequest): SettledFixes;
  /**
   * The diagnostics of another text of the post, as the file `fileName` in its folder (parsed
   * once; a renamed post does not meet its own papers under its old name).
   */
  lintAs(post: PostInContext, text: string, fileName: string): Diagnostic[];

  /** The preview of the post, with its diagnostics counted per section. */
  render(
    post: PostInContext,
    extras: { diagnostics: readonly Diagnostic[]; imageBase: string | undefined },
  ): Promise<RenderResult>;
}

/** Creates a post service. */
export function createPostService(options: PostServiceOptions): PostService {
  const { rules } = options;
  const locale = typeof options.locale === 'function' ? options.locale : ((() => options.locale) as () => Locale);
  const today = () => todayString(options.clock());
  const project = new Project(options.host, rules, { configFile: options.configFile });
  const globs = new PostsMatcher();
  const parts = new ParseCache();
  const editing = new PostCache(parts);
  let rendering: Promise<{ renderer: Renderer; cache: RenderCache }> | undefined;

  // `linksOf`: the post whose link check counts (a fix's renamed candidate keeps its post's results).
  const lint = (
    { post, setup }: PostInContext,
    workspace = options.workspace?.(setup),
    linksOf = post.uri,
  ): Diagnostic[] =>
    lintPost(post, {
      rules,
      config: setup.config,
      site: setup.site,
      workspace,
      locale: locale(),
      today: today(),
      now: options.clock().getTime(),
      links: options.links?.(linksOf),
    });

  const lintCandidate = (
    target: PostInContext,
    text: string,
    fileName: string,
  ): { diagnostics: Diagnostic[]; lines: Post['lines'] } => {
    const { post, setup } = target;
    const workspace = options.workspace?.(setup);
    if (fileName === post.fileName) {
      const candidate = text === post.text ? post : parsePost(text, post.uri, post.version);
      return { diagnostics: lint({ post: candidate, setup }, workspace), lines: candidate.lines };
    }
    // A renamed post must not meet its own sections under its old name.
    const inQuarter = workspace?.postsInQuarter?.bind(workspace);
    const renamedView: WorkspaceView | undefined = workspace && {
      papersWithTitle: (key, except) =>
        workspace.papersWithTitle(key, except).filter((paper) => paper.uri !== post.uri),
      ...(inQuarter && {
        postsInQuarter: (quarter: string, except: string) =>
          inQuarter(quarter, except).filter((other) => other.uri !== post.uri),
      }),
    };
    const candidate = parsePost(text, siblingUri(post.uri, fileName), post.version);
    return { diagnostics: lint({ post: candidate, setup }, renamedView, post.uri), lines: candidate.lines };
  };

  const settle = (target: PostInContext, request: SettleRequest): SettledFixes => {
    const { post } = target;
    return settleFixes(
      post.text,
      post.fileName,
      (text, fileName) => {
        if (request.diagnostics && text === post.text && fileName === post.fileName)
          return { diagnostics: request.diagnostics, lines: post.lines };
        return lintCandidate(target, text, fileName);
      },
      request,
    );
  };

  return {
    rules,
    locale,
    today,
    setupFor: (path, layers = []) => project.setupFor(path, layers),
    isPost: (path, setup, roots = []) => globs.isPost(path, setup.config.posts, roots),
    configurationChanged: () => project.clear(),

    parseForEditing: (uri, version, text) => editing.get(uri, version, text),
    parseOnce: (text, uri, version) => parsePost(text, uri, version),
    forget: (uri) => editing.delete(uri),

    lint: (target) => lint(target),
    settleFixes: settle,
    lintAs: (target, text, fileName) => lintCandidate(target, text, fileName).diagnostics,

    render: async ({ post, setup }, extras) => {
      const load = options.renderer;
      if (!load) throw new Error('this post service has no renderer');
      rendering ??= load().then(
        (renderer) => ({ renderer, cache: new renderer.RenderCache() }),
        (error: unknown) => {
          rendering = undefined;
          throw error;
        },
      );
      const { renderer, cache } = await rendering;
      return renderer.renderPost(post, {
        diagnostics: extras.diagnostics,
        config: setup.config,
        imageBase: extras.imageBase,
        baseurl: setup.site?.baseurl,
        mathjax: setup.site?.mathjax,
        cache,
      });
    },
  };
}
