/**
 * `front-matter-syntax` on YAML broken in many places: the first errors are listed, the last of them
 * counting the rest, so that a mangled front matter neither floods the Problems panel nor costs a
 * diagnostic per echo of the first error.
 */
import * as assert from 'node:assert/strict';
import { lintText } from '../../support/lint';

const post = (yaml: string) => `---\nlayout: post\n${yaml}\n---\n\n# A Paper\n`;

describe('front-matter-syntax with many YAML errors', () => {
  it('lists the first ten, the tenth with the count of the rest', () => {
    const found = lintText(post(`[tags: a${'[x](u), '.repeat(200)}`)).filter((d) => d.code === 'front-matter-syntax');
    assert.equal(found.length, 10);
    assert.match(found[9]!.message, /\(and \d+ more after it, not listed\)$/);
    const more = Number(/and (\d+) more/.exec(found[9]!.message)![1]);
    assert.ok(more > 100, `only ${more} more`);
    assert.ok(found.slice(0, 9).every((d) => !/more after it/.test(d.message)));
    const ko = lintText(post(`[tags: a${'[x](u), '.repeat(200)}`), { locale: 'ko' }).filter(
      (d) => d.code === 'front-matter-syntax',
    );
    assert.match(ko[9]!.message, /뒤에 오류 \d+개가 더 있으며/);
  });

  it('lists every error when there are ten or fewer', () => {
    const found = lintText(post('title: "2020_2nd_quarter\ndate: [2020-04-02')).filter(
      (d) => d.code === 'front-matter-syntax',
    );
    assert.ok(found.length >= 1 && found.length <= 10, `${found.length}`);
    assert.ok(found.every((d) => !/more after it/.test(d.message)));
  });
});
