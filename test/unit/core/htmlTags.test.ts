import * as assert from 'node:assert/strict';
import { scanHtml } from '../../../server/src/core/parse/htmlTags';

describe('HTML tag scanner', () => {
  it('reads tags and attributes with offsets', () => {
    const src = '<p align="center">\n  <img alt=\'그림\' src="https://a.b/c.PNG" width=450>\n</p>';
    const { tags } = scanHtml(src);
    assert.deepEqual(
      tags.map((t) => [t.name, t.closing, t.terminated]),
      [
        ['p', false, true],
        ['img', false, true],
        ['p', true, true],
      ],
    );
    const img = tags[1]!;
    assert.deepEqual(
      img.attributes.map((a) => [a.name, a.value?.text]),
      [
        ['alt', '그림'],
        ['src', 'https://a.b/c.PNG'],
        ['width', '450'],
      ],
    );
    for (const a of img.attributes) {
      assert.equal(src.slice(a.nameStart, a.nameEnd).toLowerCase(), a.name);
      assert.equal(src.slice(a.value!.start, a.value!.end), a.value!.text);
    }
  });

  it('marks a tag that never reaches its >', () => {
    const { tags } = scanHtml('<p align="center">\n<img src="a.png"\n</p>');
    assert.equal(tags[1]!.name, 'img');
    assert.equal(tags[1]!.terminated, false);
    assert.equal(tags[2]!.closing, true);
  });

  it('reads comments, bare and self-closing attributes', () => {
    const { tags, comments } = scanHtml('<!-- seminar-posts-disable image-alt --><img hidden src=x />');
    assert.deepEqual(
      comments.map((c) => c.text),
      ['seminar-posts-disable image-alt'],
    );
    assert.ok(tags[0]!.selfClosing);
    assert.deepEqual(
      tags[0]!.attributes.map((a) => [a.name, a.value?.text]),
      [
        ['hidden', undefined],
        ['src', 'x'],
      ],
    );
  });

  it('is linear on hostile input', () => {
    const hostile = '<img ' + '"'.repeat(50000) + ' a=' + "'".repeat(50000) + '<'.repeat(50000);
    const started = process.hrtime.bigint();
    scanHtml(hostile);
    // A generous bound that only a quadratic scan could exceed; speed is measured in benchmarks.
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 2000);
  });
});
