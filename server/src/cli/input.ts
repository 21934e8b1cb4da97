/**
 * The CLI's post service, and a post as the CLI reads it from disk: its bytes decoded, its setup
 * (configuration and site) and its model, parsed once. Shared by the CLI's main thread and its
 * lint workers (`workers.ts`).
 */
import * as fs from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Locale } from '../core/engine/messages';
import type { LinkResultLookup } from '../core/links/linkResult';
import type { Post } from '../core/model';
import type { PostSetup } from '../core/project';
import { RULES } from '../core/rules';
import { createPostService, type PostService } from '../core/service/postService';
import { nodeFileSystem, pathToUri, toCorePath } from '../node/nodeHost';
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

/** What a run of the CLI is checked with, besides the posts. */
export interface RunSettings {
  locale: Locale;
  /** The moment the run started: its day is "today" for every post of the run. */
  startedAt: number;
  /** `--config`: this configuration file instead of the nearest one. */
  configFile: string | undefined;
  /**
   * What `--check-links` found, set once the check ran (after the posts were read, before any is
   * linted); never sent to a worker: the check and its lint run in the main thread.
   */
  links?: LinkResultLookup | undefined;
}

/**
 * The CLI's post service. `indexes` are the papers of the posts of the run, per Jekyll site
 * (`duplicate-paper` compares them), filled in before any post is linted.
 */
export function createCliService(settings: RunSettings, indexes: ReadonlyMap<string, PostIndex>): PostService {
  const now = new Date(settings.startedAt);
  return createPostService({
    host: nodeFileSystem,
    rules: RULES,
    locale: settings.locale,
    clock: () => now,
    configFile: settings.configFile,
    workspace: (setup) => (setup.site ? indexes.get(setup.site.root) : undefined),
    // One check for the run: its results are by address, the same for every post.
    links: () => settings.links,
  });
}

/** Reads and parses `file`; a bad configuration or an unreadable file is a {@link FatalError}. */
export function readInput(file: string, service: PostService, shown: (file: string) => string): Input {
  const setup = service.setupFor(toCorePath(file));
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
  return { file, text, bom, utf8, setup, post: service.parseOnce(text, pathToUri(file)) };
}

/** The diagnostics of `input` as read (no fixes), errors only with `quiet`. */
export function lintInput(input: Input, service: PostService, quiet: boolean): Diagnostic[] {
  const diagnostics = service.lint(input);
  return quiet ? diagnostics.filter((d) => d.severity === 1) : diagnostics;
}
