import * as assert from 'node:assert/strict';
import {
  defaultSeminarDate,
  formatYearQuarter,
  isInQuarter,
  paperTitlePosition,
  parseSeminarDate,
  parseYearQuarter,
  postsOfQuarter,
  quarterContaining,
  quarterPostFileName,
  quarterPostText,
  siteRootCandidates,
  siteRootOfPost,
} from '../../../client/src/authoring/quarterPost';
import { parsePostFileName } from '../../../server/src/core/jekyll';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { lintText, summarize } from '../../support/lint';

describe('New Quarter Post: what it writes and where', () => {
  it('reads a quarter however it is typed', () => {
    const q2 = { year: 2020, quarter: 2 };
    for (const text of [
      '2020 2nd',
      '2020_2nd',
      '2020_2nd_quarter',
      '2020 2nd quarter',
      '2020 Q2',
      '2020q2',
      '2020-2',
      '2020 2',
      '2020년 2분기',
      ' 2020 2ND ',
    ]) {
      assert.deepEqual(parseYearQuarter(text), q2, text);
    }
    for (const text of ['', '2020', '2020 5th', '2020 2st', '20202', 'Q2 2020', '1800 1st', '2020 2nd quater']) {
      assert.equal(parseYearQuarter(text), undefined, text);
    }
    assert.equal(formatYearQuarter({ year: 2020, quarter: 4 }), '2020 4th');
    assert.deepEqual(parseYearQuarter(formatYearQuarter({ year: 2021, quarter: 1 })), { year: 2021, quarter: 1 });
  });

  it('reads a seminar date only when it is a real day written YYYY-MM-DD', () => {
    assert.deepEqual(parseSeminarDate('2020-04-02'), { year: 2020, month: 4, day: 2 });
    for (const text of ['2020-02-30', '2020-4-2', '2020-07-01~2020-09-30', '2020-04-02 10:00', ''])
      assert.equal(parseSeminarDate(text), undefined, text);
  });

  it('offers today when today is in the chosen quarter, else the first day of the quarter', () => {
    const today = { year: 2020, month: 5, day: 14 };
    assert.deepEqual(quarterContaining(today), { year: 2020, quarter: 2 });
    assert.deepEqual(defaultSeminarDate({ year: 2020, quarter: 2 }, today), today);
    assert.deepEqual(defaultSeminarDate({ year: 2020, quarter: 3 }, today), { year: 2020, month: 7, day: 1 });
    assert.ok(isInQuarter({ year: 2020, month: 12, day: 31 }, { year: 2020, quarter: 4 }));
    assert.ok(!isInQuarter({ year: 2021, month: 1, day: 1 }, { year: 2020, quarter: 4 }));
  });

  it('names the file YYYY-MM-DD-Nth_quarter.md, as the blog names its posts and Jekyll publishes them', () => {
    const name = quarterPostFileName({ year: 2020, quarter: 2 }, { year: 2020, month: 4, day: 2 });
    assert.equal(name, '2020-04-02-2nd_quarter.md');
    assert.deepEqual(parsePostFileName(name)?.date, { year: 2020, month: 4, day: 2 });
  });

  it('writes a post whose only problems are the thumbnail still to come (and the empty section, to fill in)', () => {
    const text = quarterPostText({ year: 2020, quarter: 4 }, { year: 2020, month: 10, day: 8 }, '발표자');
    const post = parsePost(text, 'file:///site/_posts/2020-10-08-4th_quarter.md', 1);
    assert.deepEqual(
      post.frontMatter?.entries.map((e) => `${e.key}: ${e.valueSource}`),
      ['layout: post', 'title: "2020_4th_quarter"', 'date: 2020-10-08', 'mathjax: true', 'comments: true'],
    );
    assert.equal(post.sections.length, 1);
    assert.equal(post.sections[0]!.presenterLines[0]!.label?.text, '발표자');
    // A new post reports exactly the placeholders left to fill, and nothing about its front matter
    // but the thumbnail (image_url), which comes with the first image.
    const problems = summarize(lintText(text, { fileName: '2020-10-08-4th_quarter.md' }));
    assert.deepEqual(problems, [
      '1:required-field',
      '9:paper-title-empty',
      '9:summary-missing',
      '10:template-leftover',
      '10:venue-missing',
      '11:presenter-links-missing',
      '11:presenter-name-missing',
    ]);
  });

  it('puts the cursor at the end of the first paper title line', () => {
    const text = quarterPostText({ year: 2020, quarter: 2 }, { year: 2020, month: 4, day: 2 }, '발표자');
    assert.deepEqual(paperTitlePosition(text), { line: 8, character: 2 });
    assert.equal(text.split('\n')[8], '# ');
  });

  it('finds the posts a quarter already has, whatever their date or spelling', () => {
    const names = [
      '2020-04-02-2nd_quarter.md',
      '2020-04-09-2020_2nd_quarter.md',
      '2020-07-02-3rd_quater.md',
      'temp.md',
      '2020_2nd_quater.md',
      '2021-04-01-2nd_quarter.md',
    ];
    assert.deepEqual(postsOfQuarter(names, { year: 2020, quarter: 2 }), [
      '2020-04-02-2nd_quarter.md',
      '2020-04-09-2020_2nd_quarter.md',
    ]);
    assert.deepEqual(postsOfQuarter(names, { year: 2020, quarter: 3 }), ['2020-07-02-3rd_quater.md']);
    // A name that names no quarter counts by its date.
    assert.deepEqual(postsOfQuarter(['2021-02-04-vit.md', '2021-04-01-swin.md'], { year: 2021, quarter: 1 }), [
      '2021-02-04-vit.md',
    ]);
  });

  it('takes the site roots from _config.yml files and _posts folders, shallowest first', () => {
    assert.deepEqual(
      siteRootCandidates(
        ['/w/blog/_config.yml', '/w/docs/site/_config.yml'],
        ['/w/blog/_posts/a.md', '/w/blog/_posts/2020/b.md', '/w/other/_posts/c.md'],
      ),
      ['/w/blog', '/w/other', '/w/docs/site'],
    );
    assert.deepEqual(siteRootCandidates([], []), []);
    assert.equal(siteRootOfPost('/w/blog/_posts/2020/a.md'), '/w/blog');
    assert.equal(siteRootOfPost('/w/blog/notes/a.md'), undefined);
  });
});
