/**
 * The seminar at a glance: the workspace index's posts as the Seminar view shows them. A post is
 * placed in its quarter (by its date, else its file name's date, else the year and quarter its
 * title or file name names), quarters newest first; each talk (paper section) under its quarter
 * and under its presenter. Pure: the server sends `SeminarPost`s, the client groups and filters
 * them with these functions, and the statistics (`seminarStats.ts`) start from the same posts.
 */
import { parseJekyllDate, parsePostFileName, quarterNamedIn, QUARTER_ORDINALS } from '../jekyll';
import { presenterKey, type PostSummary } from './workspaceIndex';

/** A quarter of the seminar: Q1 is January to March. */
export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** One talk: a paper section of a post. */
export interface SeminarTalk {
  /** The paper title as written after `#`. */
  title: string;
  presenter?: string;
  authors?: string;
  /** The venue as written (`NeurIPS 2019`). */
  venue?: string;
  /** The `paper link` URL, as written (not checked). The slides link is left out: the view has no use for it, and on a site of 1,000 posts it was a quarter of the view's first answer. */
  paperUrl?: string;
  /** 0-based line of the `#` heading. */
  line: number;
}

/** One post, as the Seminar view knows it. */
export interface SeminarPost {
  uri: string;
  fileName: string;
  /** The front matter title, when it has one. */
  title?: string;
  /** The front matter date (`YYYY-MM-DD`), when Jekyll can read it. */
  date?: string;
  /** Undefined when neither the date, the file name nor the title names a quarter. */
  quarter?: Quarter;
  talks: SeminarTalk[];
}

/** The post of a workspace index summary, without what only the index needs. */
export function seminarPostOf(summary: PostSummary): SeminarPost {
  const post: SeminarPost = { uri: summary.uri, fileName: summary.fileName, talks: [] };
  if (summary.postTitle !== undefined) post.title = summary.postTitle;
  if (summary.date !== undefined) post.date = summary.date;
  const quarter = quarterOfPost(summary.date, summary.fileName, summary.postTitle);
  if (quarter) post.quarter = quarter;
  for (const paper of summary.papers) {
    const talk: SeminarTalk = { title: paper.title, line: paper.line };
    if (paper.presenter !== undefined) talk.presenter = paper.presenter;
    if (paper.authors !== undefined) talk.authors = paper.authors;
    if (paper.venue !== undefined) talk.venue = paper.venue;
    if (paper.paperUrl !== undefined) talk.paperUrl = paper.paperUrl;
    post.talks.push(talk);
  }
  return post;
}

/**
 * The quarter of a post: of its date (`YYYY-MM-DD`); else of the date in its file name; else the
 * year and quarter its title, or its file name, names (`2020_3rd_quater2`); else undefined.
 */
export function quarterOfPost(
  date: string | undefined,
  fileName: string,
  title: string | undefined,
): Quarter | undefined {
  const day = (date !== undefined ? parseJekyllDate(date) : undefined) ?? parsePostFileName(fileName)?.date;
  if (day) return { year: day.year, quarter: (Math.floor((day.month - 1) / 3) + 1) as Quarter['quarter'] };
  for (const text of [title, fileName]) {
    if (text === undefined) continue;
    const named = quarterNamedIn(text);
    if (named.year !== undefined && named.quarter !== undefined) {
      return { year: named.year, quarter: (QUARTER_ORDINALS.indexOf(named.quarter) + 1) as Quarter['quarter'] };
    }
  }
  return undefined;
}

/** A quarter's stable id: `2020-Q3`; `undated` for posts without one. */
export function quarterId(quarter: Quarter | undefined): string {
  return quarter ? `${quarter.year}-Q${quarter.quarter}` : 'undated';
}

/** Older quarters first; no quarter before every quarter. */
export function compareQuarters(a: Quarter | undefined, b: Quarter | undefined): number {
  if (!a || !b) return (a ? 1 : 0) - (b ? 1 : 0);
  return a.year - b.year || a.quarter - b.quarter;
}

/** A talk and where it is: its post and its position there. */
export interface TalkRef {
  post: SeminarPost;
  talk: SeminarTalk;
  /** Position of the talk in its post (0-based). */
  index: number;
}

/** The talks of one quarter: every post placed in it (usually one), and their talks in order. */
export interface QuarterGroup {
  /** {@link quarterId} */
  id: string;
  quarter: Quarter | undefined;
  /** The posts of the quarter, by file name. */
  posts: SeminarPost[];
  talks: TalkRef[];
}

/** Newer posts first: by quarter, then date, then file name (Jekyll's names start with the date), then URI. */
export function compareNewestFirst(a: SeminarPost, b: SeminarPost): number {
  return (
    compareQuarters(b.quarter, a.quarter) ||
    (b.date ?? '').localeCompare(a.date ?? '') ||
    b.fileName.localeCompare(a.fileName) ||
    (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0)
  );
}

/** The posts, newest first ({@link compareNewestFirst}). */
export function newestFirst(posts: Iterable<SeminarPost>): SeminarPost[] {
  return [...posts].sort(compareNewestFirst);
}

/** The quarters of `posts`, newest first; posts without a quarter last, under `undated`. */
export function groupByQuarter(posts: Iterable<SeminarPost>): QuarterGroup[] {
  const groups = new Map<string, QuarterGroup>();
  for (const post of posts) {
    const id = quarterId(post.quarter);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { id, quarter: post.quarter, posts: [], talks: [] }));
    group.posts.push(post);
  }
  const out = [...groups.values()].sort((a, b) => compareQuarters(b.quarter, a.quarter));
  for (const group of out) {
    group.posts.sort((a, b) => a.fileName.localeCompare(b.fileName) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    for (const post of group.posts) post.talks.forEach((talk, index) => group.talks.push({ post, talk, index }));
  }
  return out;
}

/** One presenter and their talks. */
export interface PresenterGroup {
  /** What the spellings of the name share ({@link presenterKey}); '' for talks without a presenter. */
  id: string;
  /** The name as most of their talks write it (the first such talk's spelling on a tie). */
  name: string | undefined;
  /** Newest first. */
  talks: TalkRef[];
}

/** The presenters of `posts` by name (Korean and English collation); talks without a presenter last. */
export function groupByPresenter(posts: Iterable<SeminarPost>): PresenterGroup[] {
  const groups = new Map<string, { talks: TalkRef[]; spellings: Map<string, number> }>();
  for (const post of newestFirst(posts)) {
    post.talks.forEach((talk, index) => {
      const name = talk.presenter?.trim();
      const id = name ? presenterKey(name) : '';
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { talks: [], spellings: new Map() }));
      group.talks.push({ post, talk, index });
      if (name) group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1);
    });
  }
  const out: PresenterGroup[] = [...groups].map(([id, { talks, spellings }]) => {
    let name: string | undefined;
    let most = 0;
    for (const [spelling, count] of spellings) {
      if (count > most) {
        name = spelling;
        most = count;
      }
    }
    return { id, name, talks };
  });
  const collator = new Intl.Collator(['ko', 'en'], { sensitivity: 'base', numeric: true });
  return out.sort(
    (a, b) =>
      (a.id === '' ? 1 : 0) - (b.id === '' ? 1 : 0) ||
      collator.compare(a.name ?? '', b.name ?? '') ||
      (a.id < b.id ? -1 : 1),
  );
}

/** Problems counted in a talk (or a post), by severity. */
export interface ProblemCounts {
  errors: number;
  warnings: number;
  /** Information and hints. */
  infos: number;
}

/** A filter of the Seminar view, parsed from what the user typed ({@link parseTalkFilter}). */
export interface TalkFilter {
  /** Words every one of which a talk must contain (in its title, presenter, authors, venue, quarter, post title or file name). */
  words: string[];
  /** `has:errors` keeps talks with errors; `has:problems` talks with errors or warnings. */
  has: 'errors' | 'problems' | undefined;
}

const FOLD = (text: string) => text.normalize('NFKC').toLowerCase();

/** Parses a filter: words, and the keywords `has:problems` and `has:errors`. */
export function parseTalkFilter(text: string): TalkFilter {
  const filter: TalkFilter = { words: [], has: undefined };
  for (const word of FOLD(text).split(/\s+/)) {
    if (!word) continue;
    if (word === 'has:errors') filter.has = 'errors';
    else if (word === 'has:problems') filter.has = filter.has ?? 'problems';
    else filter.words.push(word);
  }
  return filter;
}

/** True when the filter keeps nothing out. */
export function isEmptyFilter(filter: TalkFilter): boolean {
  return filter.words.length === 0 && filter.has === undefined;
}

/**
 * True when the talk passes `filter`. `problems` gives a talk's problems (the client counts what
 * the Problems panel shows); without it, `has:` keeps nothing.
 */
export function talkMatches(
  ref: TalkRef,
  filter: TalkFilter,
  problems?: (ref: TalkRef) => ProblemCounts | undefined,
): boolean {
  if (filter.has) {
    const counts = problems?.(ref);
    if (!counts || (counts.errors === 0 && (filter.has === 'errors' || counts.warnings === 0))) return false;
  }
  if (filter.words.length === 0) return true;
  const { talk, post } = ref;
  const quarter = post.quarter
    ? `${post.quarter.year} q${post.quarter.quarter} ${post.quarter.year}-q${post.quarter.quarter}`
    : '';
  const haystack = FOLD(
    [talk.title, talk.presenter, talk.authors, talk.venue, quarter, post.title, post.fileName]
      .filter(Boolean)
      .join('\n'),
  );
  return filter.words.every((word) => haystack.includes(word));
}
