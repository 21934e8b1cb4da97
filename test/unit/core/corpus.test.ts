/**
 * The parser over the real posts of `../shared/corpus` (skipped, with a note, where it is absent).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import type { Post, Range } from '../../../server/src/core/model';
import { corpusPosts, requireCorpus } from '../../support/paths';

const textOf = (post: Post, range: Range) =>
  post.text.slice(post.lines.offsetAt(range.start), post.lines.offsetAt(range.end));
const parseFile = (file: string) => parsePost(fs.readFileSync(file, 'utf8'), `file://${file}`, 1);

describe('parser on the real corpus', function () {
  before(function () {
    requireCorpus(this);
  });

  it('parses every post without an exception', () => {
    const { published, drafts } = corpusPosts();
    assert.equal(published.length + drafts.length, 55);
    for (const file of [...published, ...drafts]) assert.doesNotThrow(() => parseFile(file), file);
  });

  it('gives every front matter key a range that covers exactly the key', () => {
    const { published, drafts } = corpusPosts();
    let keys = 0;
    for (const file of [...published, ...drafts]) {
      const post = parseFile(file);
      for (const entry of post.frontMatter?.entries ?? []) {
        assert.equal(textOf(post, entry.keyRange), entry.key, `${file}: ${entry.key}`);
        assert.equal(textOf(post, entry.valueRange), entry.valueSource, `${file}: ${entry.key} value`);
        keys++;
      }
    }
    assert.ok(keys > 250, `${keys} keys`);
  });

  it('counts the sections of the published posts', () => {
    const counts = Object.fromEntries(
      corpusPosts().published.map((file) => [path.basename(file), parseFile(file).sections.length]),
    );
    assert.deepEqual(counts, {
      '2020-04-02-2nd_quarter.md': 11,
      '2020-07-02-3rd_quarter.md': 9,
      '2020-10-08-4th_quarter.md': 3,
    });
  });

  it('places every Korean presenter name, link and image attribute exactly', () => {
    let checked = 0;
    for (const file of corpusPosts().published) {
      const post = parseFile(file);
      for (const section of post.sections) {
        assert.equal(textOf(post, section.title.content.range), section.title.content.text);
        for (const line of section.presenterLines) {
          assert.equal(line.label?.text, '발표자', `${file}: ${section.title.text}`);
          assert.equal(textOf(post, line.label.range), '발표자');
          assert.equal(textOf(post, line.name!.range), line.name!.text);
          assert.match(line.name!.text, /^[가-힣]{3}$/);
          for (const item of line.linkList?.items ?? []) {
            if (item.kind !== 'link') continue;
            assert.equal(textOf(post, item.label.range), item.label.text);
            assert.equal(textOf(post, item.url!.range), item.url!.text);
            checked++;
          }
        }
        for (const img of section.images) {
          for (const attribute of img.attributes) {
            assert.equal(textOf(post, attribute.value!.range), attribute.value!.text);
            checked++;
          }
        }
      }
    }
    assert.ok(checked >= 70, `${checked} ranges checked`);
  });

  it("finds the published posts' image blocks, bullets and math", () => {
    const third = parseFile(corpusPosts().published.find((f) => f.includes('3rd'))!);
    assert.deepEqual(
      third.sections.map((s) => s.imageBlocks.map((b) => b.images.length).join('+')),
      ['1', '3', '2', '2', '1', '1', '2', '1', '1'],
    );
    assert.deepEqual(
      third.sections.map((s) => s.bullets.length),
      [4, 3, 5, 4, 5, 3, 3, 3, 4],
    );
    const display = third.math.filter((m) => m.display);
    assert.equal(
      display.length,
      1,
      'the Gate Decorator formula, alone in its paragraph, is display math as kramdown renders it',
    );
    assert.match(display[0]!.value, /^\\Theta\(\\phi_i\)/);
    assert.ok(third.math.some((m) => !m.display && m.value === 'L_1'));
    assert.ok(third.sections.every((s) => s.imageBlocks.every((b) => b.close)));
  });
});
