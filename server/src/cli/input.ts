/**
 * A post as the CLI reads it from disk: its bytes decoded, its setup (configuration and site)
 * and its model, parsed once; and how one post is linted against the posts of its site. Shared by
 * the CLI's main thread and its lint workers (`workers.ts`).
 */
import * as fs from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { lintPost } from '../core/engine/engine';
import type { Locale } from '../core/engine/messages';
import type { LinkResultLookup } from '../core/links/linkResult';
import type { Post } from '../core/model';
import { parsePost } from '../core/parse/parsePost';
import type { PostSetup, Project } from '../core/project';
import { RULES } from '../core/rules';
import { pathToUri, toCorePath } from '../node/nodeHost';
import { describe } from './files';
import type { PostIndex } from './postIndex';

/** A failure the CLI reports in one line and exits 2 for. */
export class FatalError extends Error {}

/** A post read from disk, parsed once, with what it is checked against. */
export interface Input {
  file: string;
  text: string;
  /** The file started with a byte order mark (removed from `text`, restored when writing). */
  bom: boolean;
  /** The bytes are valid UTF-8: only then may `--fix` write the file back. */
  utf8: boolean;
  setup: PostSetup;
  post: Post;
}

/** Reads and parses `file`; a bad configuration or an unreadable file is a {@link FatalError}. */
export function readInput(file: string, project: Project, shown: (file: string) => string): Input {
  const setup = project.setupFor(toCorePath(file));
  const problem = setup.configProblems[0];
  if (problem) {
    const more = setup.configProblems.length > 1 ? ` (and ${setup.configProblems.length - 1} more)` : '';
    throw new FatalError(`bad configuration ${shown(problem.source)}: ${problem.path}: ${problem.message}${more}`);
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new FatalError(`cannot read ${shown(file)}: ${describe(error)}`);
  }
  let utf8 = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = false;
  }
  let text = bytes.toString('utf8');
  // Editors hand the server text without its byte order mark; do the same so positions agree.
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  // Read once: parsed without filling the cache kept for documents being edited.
  return { file, text, bom, utf8, setup, post: parsePost(text, pathToUri(file), undefined, { cache: false }) };
}

/** What linting needs besides the post. */
export interface LintSettings {
  locale: Locale;
  /** Today, `YYYY-MM-DD`: computed once per run. */
  today: string;
  /** What `--check-links` found (never sent to a worker: the check runs in the main thread). */
  links?: LinkResultLookup | undefined;
}

/** The lint options of `input`: its configuration and site, and the other posts of its site. */
export function lintOptionsOf(input: Input, indexes: ReadonlyMap<string, PostIndex>, settings: LintSettings): Parameters<typeof lintPost>[1] {
  const index = input.setup.site ? indexes.get(input.setup.site.root) : undefined;
  // A renamed post must not meet its own sections under its old name.
  const workspace = index && {
    papersWithTitle: (key: string, except: string) => index.papersWithTitle(key, except).filter((p) => p.uri !== input.post.uri),
  };
  return { rules: RULES, config: input.setup.config, site: input.setup.site, workspace, locale: settings.locale, today: settings.today, links: settings.links };
}

/** The diagnostics of `input` as read (no fixes), errors only with `quiet`. */
export function lintInput(input: Input, indexes: ReadonlyMap<string, PostIndex>, settings: LintSettings, quiet: boolean): Diagnostic[] {
  const diagnostics = lintPost(input.post, lintOptionsOf(input, indexes, settings));
  return quiet ? diagnostics.filter((d) => d.severity === 1) : diagnostics;
}
