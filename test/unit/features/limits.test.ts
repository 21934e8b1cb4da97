import * as assert from 'node:assert/strict';
import { formatSize, refusalDiagnostic, refusalOf, utf8LengthOver } from '../../../server/src/core/features/limits';

describe('limits', () => {
  it('counts UTF-8 bytes only as far as the limit needs', () => {
    assert.equal(utf8LengthOver('abc', 9), undefined, 'three units can never be ten bytes');
    assert.equal(utf8LengthOver('한글', 5), 6);
    assert.equal(utf8LengthOver('한글', 6), undefined);
    assert.equal(utf8LengthOver('😀', 3), 4, 'a surrogate pair is four bytes');
    assert.equal(utf8LengthOver('é'.repeat(10), 15), 20);
  });

  it('refuses a text over the limit, or with a NUL character', () => {
    assert.deepEqual(refusalOf('x'.repeat(11), 10), { kind: 'too-large', bytes: 11, maxBytes: 10 });
    assert.deepEqual(refusalOf('---\n\u0000PNG', 1000), { kind: 'binary', offset: 4 });
    assert.equal(refusalOf('# A post\n', 1000), undefined);
  });

  it('says so in one diagnostic on the first line, in English and Korean', () => {
    const large = refusalDiagnostic({ kind: 'too-large', bytes: 10.5 * 1024 * 1024, maxBytes: 2 * 1024 * 1024 }, 'en');
    assert.equal(
      large.message,
      'Seminar Posts paused its checks for this file: it is 10.5 MB, over the 2 MB limit (setting `seminarPosts.maxFileSize`).',
    );
    assert.deepEqual(large.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(large.source, 'seminar-posts');
    assert.match(refusalDiagnostic({ kind: 'binary', offset: 0 }, 'ko').message, /바이너리/);
    assert.deepEqual([formatSize(300), formatSize(2048), formatSize(3 * 1024 * 1024)], ['300 B', '2 KB', '3 MB']);
  });
});
