/**
 * Mutation test over the real published posts (copied from `../shared/corpus` at test time, in
 * memory): each single defect of the catalogue, injected into a post, must be reported by the
 * right rule on the right line and must add no other error or warning. Skipped, with a note,
 * where the corpus is absent.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { resolveConfig, type SeminarPostsConfig } from '../../../server/src/core/config/config';
import { lintPost, severityName } from '../../../server/src/core/engine/engine';
import { lookupOf, type LinkResult } from '../../../server/src/core/links/linkResult';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { RULES } from '../../../server/src/core/rules';
import { findSite, type SiteContext } from '../../../server/src/core/site/site';
import type { WorkspaceView } from '../../../server/src/core/workspace';
import { TEST_TODAY } from '../../support/lint';
import { memoryHost } from '../../support/memoryHost';
import { corpusAvailable, corpusPosts, requireCorpus } from '../../support/paths';

const site = findSite('/site/_posts/x.md', memoryHost({ '/site/_config.yml': 'theme: minima\n' }));

/** A post as lines, with the edits a mutation makes and where each old line ends up. */
class Draft {
  lines: string[];
  /** `origin[i]`: the original line now at `i`, or -1 for a line the mutation added. */
  origin: number[];
  fileName: string;
  /** The post's file name before any mutation. */
  readonly original: string;

  constructor(text: string, fileName: string) {
    this.lines = text.split('\n');
    this.origin = this.lines.map((_, i) => i);
    this.fileName = fileName;
    this.original = fileName;
  }

  find(test: (line: string) => boolean, from = 0): number {
    const i = this.lines.findIndex((line, j) => j >= from && test(line));
    if (i < 0) throw new NotApplicable();
    return i;
  }

  replace(i: number, line: string): number {
    if (line === this.lines[i]) throw new Error(`mutation changes nothing on line ${i + 1}`);
    this.lines[i] = line;
    return i;
  }

  insert(at: number, ...lines: string[]): number {
    this.lines.splice(at, 0, ...lines);
    this.origin.splice(at, 0, ...lines.map(() => -1));
    return at;
  }

  remove(at: number, count = 1): void {
    this.lines.splice(at, count);
    this.origin.splice(at, count);
  }

  get text(): string {
    return this.lines.join('\n');
  }
}

class NotApplicable extends Error {}

interface Mutation {
  /** The rule that must report it. */
  rule: string;
  /** What is injected, in words. */
  defect: string;
  /** Makes the change; returns the 0-based line where it must be reported. */
  apply(draft: Draft): number;
  config?: SeminarPostsConfig;
  workspace?: (draft: Draft) => WorkspaceView;
  /** The site the mutated post is linted in (the defect is the site's), when not the plain minima site. */
  site?: SiteContext;
  /** What a link check found (for `link-dead`), by address. */
  links?: Record<string, LinkResult>;
}

const DEAD_PAPER = 'https://papers.invalid/attention.pdf';

const isTitle = (l: string) => /^# /.test(l);
const isAuthors = (l: string) => /^## /.test(l);
const isPresenter = (l: string) => /^### 발표자: /.test(l);
/** The first section of the post: its title line, authors line, presenter line. */
const first = (d: Draft) => {
  const title = d.find(isTitle);
  return { title, authors: d.find(isAuthors, title), presenter: d.find(isPresenter, title) };
};

const MUTATIONS: Mutation[] = [
  {
    rule: 'front-matter-missing',
    defect: 'no front matter',
    apply: (d) => (d.remove(0, d.find((l) => l === '---', 1) + 1), 0),
  },
  {
    rule: 'front-matter-syntax',
    defect: 'a value with a second colon',
    apply: (d) =>
      d.replace(
        d.find((l) => l.startsWith('layout:')),
        'layout: post: draft',
      ),
  },
  {
    rule: 'front-matter-duplicate-key',
    defect: 'a key written twice',
    apply: (d) => d.insert(d.find((l) => l.startsWith('comments:')) + 1, 'comments: true'),
  },
  { rule: 'required-field', defect: 'no layout', apply: (d) => (d.remove(d.find((l) => l.startsWith('layout:'))), 0) },
  {
    rule: 'unknown-field',
    defect: 'a key nothing reads',
    apply: (d) => d.insert(d.find((l) => l.startsWith('comments:')) + 1, 'categorie: seminar'),
  },
  // A range that starts on the post's own day: Jekyll reads its first date, so only the range is wrong.
  {
    rule: 'field-type',
    defect: 'a date range',
    apply: (d) => {
      const i = d.find((l) => l.startsWith('date:'));
      return d.replace(i, `${d.lines[i]}~2020-12-31`);
    },
  },
  {
    rule: 'unknown-layout',
    defect: 'a layout the theme lacks',
    apply: (d) =>
      d.replace(
        d.find((l) => l.startsWith('layout:')),
        'layout: posts',
      ),
  },
  {
    rule: 'title-format',
    defect: 'the quater typo',
    apply: (d) => {
      const i = d.find((l) => l.startsWith('title:'));
      return d.replace(i, d.lines[i]!.replace('quarter', 'quater'));
    },
  },
  {
    rule: 'title-date-mismatch',
    defect: 'a title copied from another quarter',
    apply: (d) => {
      const i = d.find((l) => l.startsWith('title:'));
      return d.replace(
        i,
        d.lines[i]!.replace(/\d(st|nd|rd|th)_/, (m) => (m.startsWith('3') ? '2nd_' : '3rd_')),
      );
    },
  },
  { rule: 'filename-format', defect: 'a name Jekyll skips', apply: (d) => ((d.fileName = 'temp.md'), 0) },
  {
    rule: 'filename-convention',
    defect: 'a one-digit day in the file name',
    apply: (d) => ((d.fileName = d.fileName.replace(/^(\d{4}-\d{2})-0(\d)-/, '$1-$2-')), 0),
  },
  {
    rule: 'filename-date-mismatch',
    defect: 'another day in the file name',
    apply: (d) => (
      (d.fileName = d.fileName.replace(/^(\d{4}-\d{2}-)\d{2}/, '$109')),
      d.find((l) => l.startsWith('date:'))
    ),
  },
  {
    rule: 'future-date',
    defect: 'a post dated in 2099',
    apply: (d) => {
      const title = d.find((l) => l.startsWith('title:'));
      d.replace(title, d.lines[title]!.replace('2020', '2099'));
      d.fileName = d.fileName.replace('2020', '2099');
      const date = d.find((l) => l.startsWith('date:'));
      return d.replace(date, d.lines[date]!.replace('2020', '2099'));
    },
  },
  {
    rule: 'mathjax-needed',
    defect: 'math without mathjax',
    apply: (d) => {
      if (!d.lines.some((l) => l.includes('$$'))) throw new NotApplicable();
      return d.replace(
        d.find((l) => l.startsWith('mathjax:')),
        'mathjax: false',
      );
    },
  },
  {
    rule: 'empty-post',
    defect: 'no paper section',
    apply: (d) => {
      const t = d.find(isTitle);
      d.remove(t, d.lines.length - t);
      d.insert(t, '발표 내용은 곧 정리합니다.', '');
      return t - 2;
    },
  },
  {
    rule: 'content-before-first-paper',
    defect: 'a note above the first paper',
    apply: (d) => d.insert(d.find(isTitle), '이번 분기 발표 목록입니다.', ''),
  },
  { rule: 'paper-title-empty', defect: 'a bare #', apply: (d) => d.replace(first(d).title, '#') },
  {
    rule: 'authors-line-missing',
    defect: 'no authors line',
    apply: (d) => {
      const s = first(d);
      d.remove(s.authors);
      return s.title;
    },
  },
  {
    rule: 'venue-missing',
    defect: 'names without a venue',
    apply: (d) => {
      const s = first(d);
      if (/ on /.test(d.lines[s.title]!)) throw new NotApplicable(); // the title names the venue
      return d.replace(s.authors, '## Minji Kim, Jisoo Lee, Hana Park');
    },
  },
  {
    rule: 'presenter-line-missing',
    defect: 'no presenter line',
    apply: (d) => {
      const s = first(d);
      d.remove(s.presenter);
      return s.title;
    },
  },
  {
    rule: 'presenter-label',
    defect: 'a misspelled label',
    apply: (d) => {
      const p = first(d).presenter;
      return d.replace(p, d.lines[p]!.replace('발표자:', '발표:'));
    },
  },
  {
    rule: 'presenter-name-missing',
    defect: 'no name',
    apply: (d) => {
      const p = first(d).presenter;
      return d.replace(p, d.lines[p]!.replace(/^(### 발표자:) \S+/, '$1'));
    },
  },
  {
    rule: 'presenter-links-missing',
    defect: 'no link list',
    apply: (d) => {
      const p = first(d).presenter;
      return d.replace(p, d.lines[p]!.replace(/ \[\[.*$/, ''));
    },
  },
  {
    rule: 'paper-link-missing',
    defect: 'no paper link',
    apply: (d) => {
      const p = first(d).presenter;
      return d.replace(p, d.lines[p]!.replace(/\[paper link\]\([^)]*\), /i, ''));
    },
  },
  {
    rule: 'slides-link-missing',
    defect: 'no slides link',
    apply: (d) => {
      const p = first(d).presenter;
      return d.replace(p, d.lines[p]!.replace(/, \[presentation material\]\([^)]*\)/i, ''));
    },
  },
  {
    rule: 'link-malformed',
    defect: 'the list never closed',
    apply: (d) => {
      const p = first(d).presenter;
      return d.replace(p, d.lines[p]!.replace(/\]\s*$/, ''));
    },
  },
  {
    rule: 'link-placeholder',
    defect: 'a ??? target',
    apply: (d) => {
      const p = first(d).presenter;
      return d.replace(p, d.lines[p]!.replace(/(\[presentation material\]\()[^)]*\)/i, '$1???)'));
    },
  },
  {
    rule: 'link-url',
    defect: 'a target without https://',
    apply: (d) => {
      const p = first(d).presenter;
      return d.replace(p, d.lines[p]!.replace(/(\[paper link\]\()https?:\/\//i, '$1'));
    },
  },
  {
    rule: 'orphan-paper-link',
    defect: 'the paper link on a line of its own',
    apply: (d) => {
      const p = first(d).presenter;
      const link = /\[paper link\]\([^)]*\)/i.exec(d.lines[p]!)![0];
      d.replace(p, d.lines[p]!.replace(`${link}, `, ''));
      return d.insert(p + 1, link);
    },
  },
  {
    rule: 'summary-missing',
    defect: 'no bullets',
    apply: (d) => {
      const s = first(d);
      const end = d.find((l) => l === '' || l.startsWith('<p'), s.presenter + 1);
      d.remove(s.presenter + 1, end - s.presenter - 1);
      return s.title;
    },
  },
  {
    rule: 'image-block-unclosed',
    defect: 'no </p>',
    apply: (d) => {
      const open = d.find((l) => l.startsWith('<p'), first(d).title);
      d.remove(d.find((l) => l.trim() === '</p>', open));
      return open;
    },
  },
  {
    rule: 'image-src-missing',
    defect: 'an empty src',
    apply: (d) => {
      const i = d.find((l) => /<img /.test(l), first(d).title);
      return d.replace(i, d.lines[i]!.replace(/src="[^"]*"/, 'src=""'));
    },
  },
  {
    rule: 'image-src',
    defect: 'a GitHub blob/ page',
    apply: (d) => {
      const i = d.find((l) => /<img /.test(l), first(d).title);
      return d.replace(
        i,
        d.lines[i]!.replace(/src="[^"]*"/, 'src="https://github.com/lab/lab.github.io/blob/master/assets/figure.png"'),
      );
    },
  },
  {
    rule: 'image-width',
    defect: 'a width in px',
    apply: (d) => {
      const i = d.find((l) => /<img /.test(l), first(d).title);
      return d.replace(i, d.lines[i]!.replace(/ width="\d+"/, '').replace('<img ', '<img width="450px" '));
    },
  },
  {
    rule: 'markdown-image',
    defect: 'a Markdown image',
    apply: (d) => {
      const open = d.find((l) => l.startsWith('<p'), first(d).title);
      const src = /src="([^"]*)"/.exec(d.lines[open + 1]!)![1]!;
      d.remove(open, d.find((l) => l.trim() === '</p>', open) - open + 1);
      return d.insert(open, `![figure](${src})`);
    },
  },
  {
    rule: 'image-alt',
    defect: 'an image without alt text',
    config: { rules: { 'image-alt': 'warning' } },
    apply: (d) => {
      const i = d.find((l) => /<img [^>]*alt="[^"]+"/.test(l));
      return d.replace(i, d.lines[i]!.replace(/ alt="[^"]*"/, ''));
    },
  },
  {
    rule: 'duplicate-paper',
    defect: 'a title copied from the section above',
    apply: (d) => {
      const t = first(d).title;
      return d.replace(d.find(isTitle, t + 1), d.lines[t]!);
    },
  },
  {
    rule: 'duplicate-paper',
    defect: 'a paper presented in another post (the workspace knows it)',
    apply: (d) => first(d).title,
    workspace: (d) => ({
      papersWithTitle: (key, except) =>
        except.endsWith(d.fileName) && key.startsWith(d.lines[first(d).title]!.slice(2, 6).toLowerCase())
          ? [
              {
                uri: 'file:///site/_posts/2019-10-03-4th_quarter.md',
                fileName: '2019-10-03-4th_quarter.md',
                postTitle: '2019_4th_quarter',
                title: 'x',
                presenter: '홍길동',
                line: 9,
              },
            ]
          : [],
    }),
  },
  { rule: 'heading-structure', defect: 'a #### heading', apply: (d) => d.insert(first(d).presenter + 1, '#### 메모') },
  {
    rule: 'duplicate-quarter',
    defect: 'the post saved again a week later (file name and date), the old one still there',
    apply: (d) => {
      const i = d.find((l) => /^date: \d{4}-\d{2}-\d{2}\s*$/.test(l));
      const old = /\d{4}-\d{2}-(\d{2})/.exec(d.lines[i]!)!;
      const later = old[0].slice(0, 8) + String(Number(old[1]) + 7).padStart(2, '0');
      d.fileName = d.fileName.replace(old[0], later);
      return d.replace(i, d.lines[i]!.replace(old[0], later));
    },
    workspace: (d) => ({
      papersWithTitle: () => [],
      postsInQuarter: (_quarter, except) =>
        except.endsWith(`/${d.original}`)
          ? []
          : [{ uri: `file:///site/_posts/${d.original}`, fileName: d.original, postTitle: undefined }],
    }),
  },
  {
    rule: 'template-leftover',
    defect: "the paper snippet's title left as inserted",
    apply: (d) => d.replace(first(d).title, '# Paper title'),
  },
  {
    rule: 'template-leftover',
    defect: "Add Paper Section's presenter left as inserted",
    apply: (d) => {
      const i = first(d).presenter;
      return d.replace(i, d.lines[i]!.replace(/(발표자\s*:\s*)[^[]*?(\s*\[)/, '$1발표자 이름$2'));
    },
  },
  {
    rule: 'mathjax-host',
    defect: 'a site that loads MathJax from cdn.mathjax.org',
    apply: (d) => d.find((l) => l.startsWith('mathjax: true')),
    site: findSite(
      '/site/_posts/x.md',
      memoryHost({
        '/site/_config.yml': 'theme: minima\n',
        '/site/_includes/mathjax.html':
          '<script src="https://cdn.mathjax.org/mathjax/latest/MathJax.js?config=TeX-AMS-MML_HTMLorMML"></script>\n',
      }),
    ),
  },
  {
    rule: 'markdown-in-html-block',
    defect: 'a <div> never closed before the second paper',
    apply: (d) => d.insert(d.find(isTitle, first(d).title + 1), '<div align="center">', '  <b>그림 1</b>', ''),
  },
  {
    rule: 'ordered-list-paren',
    defect: 'a 1) item under a bullet',
    apply: (d) => d.insert(d.find((l) => l.startsWith('- '), first(d).presenter) + 1, '  1) 첫째 단계입니다.'),
  },
  {
    rule: 'bare-url',
    defect: 'an address glued to Korean',
    apply: (d) =>
      d.insert(
        d.find((l) => l.startsWith('- '), first(d).presenter) + 1,
        '- 코드는 (https://github.com/example/code)에서 볼 수 있습니다.',
      ),
  },
  {
    rule: 'attribute-list',
    defect: 'a misspelled width on a Markdown image',
    apply: (d) =>
      d.insert(
        d.find(isTitle, first(d).title + 1),
        '![그림](https://user-images.githubusercontent.com/1/figure.png){: widht="450"}',
        '',
      ),
  },
  {
    rule: 'link-dead',
    defect: 'a paper link that a link check found answering 404',
    apply: (d) => {
      const p = first(d).presenter;
      return d.replace(p, d.lines[p]!.replace(/(\[paper link\]\()[^)\s]+/i, `$1${DEAD_PAPER}`));
    },
    links: {
      [DEAD_PAPER]: {
        url: DEAD_PAPER,
        checkedAt: 0,
        method: 'GET',
        status: 404,
        redirects: [],
        finalUrl: DEAD_PAPER,
        retries: 0,
      },
    },
  },
];

function lint(draft: Draft, mutation?: Mutation, mutated = false): Diagnostic[] {
  const post = parsePost(draft.text, `file:///site/_posts/${draft.fileName}`, 1);
  return lintPost(post, {
    rules: RULES,
    config: resolveConfig(mutation?.config),
    site: (mutated && mutation?.site) || site,
    workspace: mutation?.workspace?.(draft),
    links: mutation?.links && lookupOf(new Map(Object.entries(mutation.links))),
    locale: 'en',
    today: TEST_TODAY,
  });
}

/** Defects that leave an HTML block open, and the rules about Markdown text that such a block hides. */
const OPENS_HTML = new Set(['image-block-unclosed', 'markdown-in-html-block']);
const READS_MARKDOWN_TEXT = new Set(['bare-url', 'ordered-list-paren', 'attribute-list']);

const key = (d: Diagnostic, line = d.range.start.line) => `${line + 1}:${String(d.code)}:${severityName(d.severity)}`;
const loud = (d: Diagnostic) => d.severity === 1 || d.severity === 2;

describe('injected defects in the published posts', function () {
  before(function () {
    requireCorpus(this);
  });

  it('covers every rule of the catalogue', () => {
    assert.deepEqual([...new Set(MUTATIONS.map((m) => m.rule))].sort(), RULES.map((r) => r.id).sort());
  });

  const published = corpusAvailable() ? corpusPosts().published : [];
  for (const mutation of MUTATIONS) {
    it(`${mutation.rule}: ${mutation.defect}`, () => {
      let applied = 0;
      for (const file of published) {
        const text = fs.readFileSync(file, 'utf8');
        const draft = new Draft(text, path.basename(file));
        const before = lint(draft, mutation);
        let line: number;
        try {
          line = mutation.apply(draft);
        } catch (error) {
          if (error instanceof NotApplicable) continue;
          throw error;
        }
        applied++;
        const after = lint(draft, mutation, true);
        const where = `${path.basename(file)}`;
        const reported = after.filter((d) => d.code === mutation.rule && d.range.start.line === line);
        assert.ok(
          reported.length === 1,
          `${where}: expected ${mutation.rule} on line ${line + 1}, found ${JSON.stringify(after.map((d) => key(d)))}`,
        );
        // Every error and warning but the injected one was there before, on the same (moved) line.
        const newLine = (old: number) => draft.origin.indexOf(old);
        // Problems on lines the mutation removed go with them.
        // A block left open swallows the lines after it into raw HTML, where the checks of Markdown text have nothing to say.
        const swallowed = (d: Diagnostic) => OPENS_HTML.has(mutation.rule) && READS_MARKDOWN_TEXT.has(String(d.code));
        const kept = before.filter((d) => loud(d) && newLine(d.range.start.line) >= 0 && !swallowed(d));
        const expected = [
          ...kept.map((d) => key(d, newLine(d.range.start.line))),
          ...(loud(reported[0]!) ? [key(reported[0]!)] : []),
        ].sort();
        assert.deepEqual(
          after
            .filter(loud)
            .map((d) => key(d))
            .sort(),
          expected,
          where,
        );
      }
      assert.ok(applied > 0, 'the mutation applies to at least one published post');
    });
  }
});
