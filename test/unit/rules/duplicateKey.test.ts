/**
 * `front-matter-duplicate-key`'s fixes: removing a line is applied automatically only when nothing
 * is lost and Jekyll (which keeps the last value) publishes the same.
 */
import * as assert from 'node:assert/strict';
import { dataOf, lintText } from '../../support/lint';

const post = (dates: string[]) => `---\n${dates.map((d) => `date: ${d}`).join('\n')}\n---\n\n`;

function fixesOf(dates: string[]): { line: number; fixes: { title: string; safe: boolean }[] }[] {
  return lintText(post(dates))
    .filter((d) => d.code === 'front-matter-duplicate-key')
    .map((d) => ({ line: d.range.start.line, fixes: dataOf(d).fixes.map((f) => ({ title: f.title, safe: f.safe })) }));
}

describe('front-matter-duplicate-key fixes', () => {
  it('removes a repeated line automatically', () => {
    assert.deepEqual(fixesOf(['2020-04-02', '2020-04-02']), [
      {
        line: 2,
        fixes: [
          { title: 'Remove the later `date`', safe: true },
          { title: 'Remove the earlier `date` (line 2)', safe: false },
        ],
      },
    ]);
  });

  it('leaves the choice to the author when the values differ', () => {
    assert.deepEqual(
      fixesOf(['2020-04-02', '2020-07-02']).map((d) => d.fixes.map((f) => f.safe)),
      [[false, false]],
    );
  });

  it('compares with the line just before, not the first: Jekyll publishes the last one', () => {
    // Found by the property tests: removing the third line made the broken second one count.
    const found = fixesOf(['2020-04-02', '!!timestamp x', '2020-04-02']);
    assert.deepEqual(
      found.map((d) => [d.line, d.fixes.map((f) => f.safe)]),
      [
        [2, [false, false]],
        [3, [false, false]],
      ],
    );
  });
});
