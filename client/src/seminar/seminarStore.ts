/**
 * The Seminar view's copy of the server's posts: filled by `seminarPosts/seminar` answers (every
 * post once, then only the changed ones and the removed URIs), grouped by quarter and by presenter
 * with the core's functions, and counted for problems from the diagnostics the editor shows. No
 * `vscode` import: the unit tests and the benchmark drive it in plain Node.
 */
import {
  groupByPresenter,
  groupByQuarter,
  newestFirst,
  type PresenterGroup,
  type ProblemCounts,
  type QuarterGroup,
  type SeminarPost,
} from '../../../server/src/core/index/seminar';
import type { ProblemsReach, SeminarResult, ServerStatus } from '../../../server/src/protocol';

/** A diagnostic as counted: its severity (`vscode.DiagnosticSeverity`: 0 error, 1 warning, 2 information, 3 hint) and 0-based line. */
export interface CountedDiagnostic {
  severity: number;
  line: number;
}

/** A post's problems: before its first talk (front matter, file name) and per talk. */
export interface PostProblems {
  header: ProblemCounts;
  talks: ProblemCounts[];
  total: ProblemCounts;
}

const none = (): ProblemCounts => ({ errors: 0, warnings: 0, infos: 0 });

/** Adds one diagnostic to `counts`. */
function add(counts: ProblemCounts, severity: number): void {
  if (severity === 0) counts.errors++;
  else if (severity === 1) counts.warnings++;
  else counts.infos++;
}

/**
 * Counts a post's diagnostics per talk, as the preview's badges do: a talk runs from its `#` line
 * to the next talk's; a problem before the first talk is the header's.
 */
export function countPostProblems(post: SeminarPost, diagnostics: readonly CountedDiagnostic[]): PostProblems {
  const result: PostProblems = { header: none(), talks: post.talks.map(none), total: none() };
  for (const { severity, line } of diagnostics) {
    add(result.total, severity);
    let index = -1;
    for (let i = 0; i < post.talks.length && post.talks[i]!.line <= line; i++) index = i;
    add(index < 0 ? result.header : result.talks[index]!, severity);
  }
  return result;
}

/** The sum of several counts. */
export function sumProblems(counts: Iterable<ProblemCounts>): ProblemCounts {
  const out = none();
  for (const c of counts) {
    out.errors += c.errors;
    out.warnings += c.warnings;
    out.infos += c.infos;
  }
  return out;
}

/** What the view shows about the server's side. */
export type SeminarState = 'loading' | ServerStatus['state'];

export class SeminarStore {
  private readonly posts = new Map<string, SeminarPost>();
  private quarters: QuarterGroup[] | undefined;
  private presenters: PresenterGroup[] | undefined;
  private newest: Set<string> | undefined;
  /** The index revision the store is at; undefined before the first answer. */
  revision: number | undefined;
  state: SeminarState = 'loading';
  problems: ProblemsReach | undefined;

  /** Number of posts. */
  get size(): number {
    return this.posts.size;
  }

  /** Number of talks. */
  get talkCount(): number {
    let n = 0;
    for (const post of this.posts.values()) n += post.talks.length;
    return n;
  }

  /** Applies a `seminarPosts/seminar` answer; returns the URIs of the posts it changed or removed (every URI on a reset). */
  apply(result: SeminarResult): Set<string> {
    const touched = new Set<string>();
    if (result.reset) {
      for (const uri of this.posts.keys()) touched.add(uri);
      this.posts.clear();
    }
    for (const uri of result.removed) if (this.posts.delete(uri)) touched.add(uri);
    for (const post of result.posts) {
      this.posts.set(post.uri, post);
      touched.add(post.uri);
    }
    this.revision = result.revision;
    this.state = result.state;
    this.problems = result.problems;
    if (touched.size) this.quarters = this.presenters = undefined;
    this.newest = undefined;
    return touched;
  }

  /** Forgets everything (the server stopped). */
  clear(state: SeminarState = 'loading'): void {
    this.posts.clear();
    this.revision = undefined;
    this.problems = undefined;
    this.state = state;
    this.quarters = this.presenters = this.newest = undefined;
  }

  post(uri: string): SeminarPost | undefined {
    return this.posts.get(uri);
  }

  allPosts(): IterableIterator<SeminarPost> {
    return this.posts.values();
  }

  /** The quarters, newest first (computed once per change). */
  quarterGroups(): QuarterGroup[] {
    return (this.quarters ??= groupByQuarter(this.posts.values()));
  }

  /** The presenters, by name (computed once per change). */
  presenterGroups(): PresenterGroup[] {
    return (this.presenters ??= groupByPresenter(this.posts.values()));
  }

  /**
   * Whether the Problems panel lists the problems of `uri` without it being open: with the
   * `workspace` scope, for the `maxPosts` newest posts (the server's own order).
   */
  checkedOnDisk(uri: string): boolean {
    const reach = this.problems;
    if (!reach || reach.scope !== 'workspace') return false;
    this.newest ??= new Set(
      newestFirst(this.posts.values())
        .slice(0, reach.maxPosts)
        .map((p) => p.uri),
    );
    return this.newest.has(uri);
  }
}
