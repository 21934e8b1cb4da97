/**
 * Seminar statistics from the Seminar view's posts: talks per quarter, talks per presenter by year,
 * venues, and papers presented more than once. Pure and deterministic (the same posts give the same
 * numbers in the same order): the statistics page, its SVG and CSV exports and `seminar-posts stats`
 * all start here.
 */
import { KNOWN_VENUES } from '../parse/venue';
import { paperTitleKey } from '../workspace';
import {
  compareQuarters,
  groupByPresenter,
  groupByQuarter,
  quarterId,
  type Quarter,
  type SeminarPost,
} from './seminar';

/** Talks of one quarter. */
export interface QuarterCount {
  /** `2020-Q3` */
  id: string;
  year: number;
  quarter: Quarter['quarter'];
  talks: number;
}

/** One presenter's talks, in all and per year. */
export interface PresenterCount {
  name: string;
  total: number;
  /**
   * Talks per year, only the years with a talk, ascending. Sparse: a site whose dates span
   * centuries (a typo such as `0020-04-02`) has hundreds of years and thousands of presenters.
   */
  byYear: { year: number; talks: number }[];
  /** Talks in posts without a quarter. */
  undated: number;
}

/** Talks of one venue (its name without the year: `NeurIPS`, `arXiv`). */
export interface VenueCount {
  venue: string;
  talks: number;
}

/** A paper presented more than once (its titles compared as `duplicate-paper` compares them). */
export interface RepeatedPaper {
  /** The title as its first presentation writes it. */
  title: string;
  /** Every presentation, oldest first. */
  talks: { quarter: string; presenter: string | undefined; uri: string; fileName: string; line: number }[];
}

/** Everything the statistics page and `seminar-posts stats` show. */
export interface SeminarStatistics {
  totals: { posts: number; talks: number; presenters: number; quarters: number; venues: number; undatedTalks: number };
  /**
   * Oldest first, with the quarters between the first and the last that have no talk (0), unless
   * they span more than 300 years (then only the quarters with posts).
   */
  perQuarter: QuarterCount[];
  /** The years with talks, ascending. */
  years: number[];
  /** Most talks first, then by name. Talks without a presenter are left out. */
  perPresenter: PresenterCount[];
  /** Most talks first, then by name. */
  venues: VenueCount[];
  /** Talks whose venue is missing (or only a year). */
  talksWithoutVenue: number;
  /** Most presentations first, then by title. */
  repeated: RepeatedPaper[];
}

/** Past this many quarters between the first post and the last, empty quarters are not listed. */
const MAX_FILLED_QUARTERS = 1200;

/** Canonical spellings of the known venues; `nips` is NeurIPS under its old name. */
const VENUE_NAMES: Record<string, string> = {
  aaai: 'AAAI',
  acl: 'ACL',
  aistats: 'AISTATS',
  arxiv: 'arXiv',
  bmvc: 'BMVC',
  coling: 'COLING',
  colt: 'COLT',
  corl: 'CoRL',
  cvpr: 'CVPR',
  eccv: 'ECCV',
  emnlp: 'EMNLP',
  iccv: 'ICCV',
  icassp: 'ICASSP',
  iclr: 'ICLR',
  icml: 'ICML',
  icra: 'ICRA',
  ijcai: 'IJCAI',
  ijcv: 'IJCV',
  interspeech: 'Interspeech',
  iros: 'IROS',
  jmlr: 'JMLR',
  kdd: 'KDD',
  miccai: 'MICCAI',
  mlsp: 'MLSP',
  naacl: 'NAACL',
  nature: 'Nature',
  neurips: 'NeurIPS',
  nips: 'NeurIPS',
  openreview: 'OpenReview',
  pami: 'TPAMI',
  recsys: 'RecSys',
  rss: 'RSS',
  science: 'Science',
  siggraph: 'SIGGRAPH',
  sigir: 'SIGIR',
  tacl: 'TACL',
  tmlr: 'TMLR',
  tnnls: 'TNNLS',
  tpami: 'TPAMI',
  uai: 'UAI',
  wacv: 'WACV',
  www: 'WWW',
};

/**
 * The venue's name without its year, for counting: a known venue in its usual spelling
 * (`*CVPR2019*` -> `CVPR`, `NIPS (2019)` -> `NeurIPS`, `arxiv.1806` -> `arXiv`), else the text with
 * years, parentheses and emphasis taken out. Undefined when nothing is left (a year alone).
 */
export function venueName(written: string): string | undefined {
  const plain = written.normalize('NFKC').replace(/[*_`]/g, ' ');
  for (const word of plain.split(/[^\p{L}\p{N}]+/u)) {
    const letters = /^([a-z]+?)(?:(?:19|20)?\d{2,4})?$/i.exec(word)?.[1]?.toLowerCase();
    if (letters && KNOWN_VENUES.has(letters)) return VENUE_NAMES[letters] ?? letters.toUpperCase();
    if (word.toLowerCase().startsWith('arxiv')) return 'arXiv';
  }
  const rest = plain
    .replace(/\([^)]*\)/g, ' ')
    .replace(/(?:^|[\s'’,.-])(?:19|20)\d{2}(?=$|[\s,.)])/g, ' ')
    .replace(/(\p{L})['’]?(?:19|20)\d{2}(?=$|[\s,.)])/gu, '$1')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.-]+|[\s,;:.-]+$/g, '');
  return /[\p{L}]/u.test(rest) ? rest : undefined;
}

/** The statistics of `posts`. */
export function seminarStatistics(posts: readonly SeminarPost[]): SeminarStatistics {
  const quarters = groupByQuarter(posts);
  const dated = quarters.filter((group) => group.quarter !== undefined);
  let talks = 0;
  let undatedTalks = 0;
  for (const group of quarters) {
    talks += group.talks.length;
    if (!group.quarter) undatedTalks += group.talks.length;
  }

  const perQuarter: QuarterCount[] = [];
  const counts = new Map(dated.map((group) => [group.id, group.talks.length]));
  const oldest = dated[dated.length - 1]?.quarter;
  const newest = dated[0]?.quarter;
  // The quarters between, unless the dates span centuries (a typo such as `0020-04-02`): then only those with talks.
  if (oldest && newest && (newest.year - oldest.year) * 4 <= MAX_FILLED_QUARTERS) {
    for (let q: Quarter = oldest; compareQuarters(q, newest) <= 0; q = nextQuarter(q)) {
      perQuarter.push({ id: quarterId(q), year: q.year, quarter: q.quarter, talks: counts.get(quarterId(q)) ?? 0 });
    }
  } else {
    for (const group of [...dated].reverse())
      perQuarter.push({
        id: group.id,
        year: group.quarter!.year,
        quarter: group.quarter!.quarter,
        talks: group.talks.length,
      });
  }

  const years = [...new Set(dated.filter((g) => g.talks.length > 0).map((g) => g.quarter!.year))].sort((a, b) => a - b);
  const perPresenter: PresenterCount[] = [];
  for (const group of groupByPresenter(posts)) {
    if (!group.id || group.name === undefined) continue;
    const perYear = new Map<number, number>();
    let undated = 0;
    for (const { post } of group.talks) {
      if (post.quarter) perYear.set(post.quarter.year, (perYear.get(post.quarter.year) ?? 0) + 1);
      else undated++;
    }
    const byYear = [...perYear].map(([year, talks]) => ({ year, talks })).sort((a, b) => a.year - b.year);
    perPresenter.push({ name: group.name, total: group.talks.length, byYear, undated });
  }
  const byName = new Intl.Collator(['ko', 'en'], { sensitivity: 'base', numeric: true });
  perPresenter.sort((a, b) => b.total - a.total || byName.compare(a.name, b.name));

  const venueCounts = new Map<string, number>();
  // Venues repeat (`NeurIPS 2019` in many posts): name each written form once.
  const venueNames = new Map<string, string | undefined>();
  const nameOf = (written: string) => {
    if (!venueNames.has(written)) venueNames.set(written, venueName(written));
    return venueNames.get(written);
  };
  let talksWithoutVenue = 0;
  const byKey = new Map<string, RepeatedPaper>();
  // Oldest first, so that a paper's first presentation comes first.
  for (const group of [...quarters].reverse()) {
    for (const { post, talk } of group.talks) {
      const venue = talk.venue !== undefined ? nameOf(talk.venue) : undefined;
      if (venue) venueCounts.set(venue, (venueCounts.get(venue) ?? 0) + 1);
      else talksWithoutVenue++;
      const key = paperTitleKey(talk.title);
      if (!key) continue;
      let paper = byKey.get(key);
      if (!paper) byKey.set(key, (paper = { title: talk.title, talks: [] }));
      paper.talks.push({
        quarter: quarterId(post.quarter),
        presenter: talk.presenter,
        uri: post.uri,
        fileName: post.fileName,
        line: talk.line,
      });
    }
  }
  const venues = [...venueCounts]
    .map(([venue, count]) => ({ venue, talks: count }))
    .sort((a, b) => b.talks - a.talks || byName.compare(a.venue, b.venue));
  const repeated = [...byKey.values()]
    .filter((paper) => paper.talks.length > 1)
    .sort((a, b) => b.talks.length - a.talks.length || byName.compare(a.title, b.title));

  return {
    totals: {
      posts: posts.length,
      talks,
      presenters: perPresenter.length,
      quarters: dated.length,
      venues: venues.length,
      undatedTalks,
    },
    perQuarter,
    years,
    perPresenter,
    venues,
    talksWithoutVenue,
    repeated,
  };
}

function nextQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: (quarter + 1) as Quarter['quarter'] };
}
