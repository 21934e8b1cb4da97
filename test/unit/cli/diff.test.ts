import * as assert from 'node:assert/strict';
import { unifiedDiff } from '../../../server/src/cli/diff';
import { applyUnifiedDiff } from '../../support/unifiedDiff';

describe('unified diff', () => {
  it('is empty for equal texts, and only a header for a pure rename', () => {
    assert.equal(unifiedDiff('a\n', 'a\n', 'x.md', 'x.md'), '');
    assert.equal(unifiedDiff('a\n', 'a\n', 'x.md', 'y.md'), '--- a/x.md\n+++ b/y.md\n');
  });

  it('writes hunks with three lines of context, merging close changes', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\np\n';
    const after = before.replace('b\n', 'B\n').replace('e\n', 'E\n').replace('o\n', '');
    assert.equal(
      unifiedDiff(before, after, 'p.md', 'p.md'),
      [
        '--- a/p.md',
        '+++ b/p.md',
        '@@ -1,8 +1,8 @@',
        ' a',
        '-b',
        '+B',
        ' c',
        ' d',
        '-e',
        '+E',
        ' f',
        ' g',
        ' h',
        '@@ -12,5 +12,4 @@',
        ' l',
        ' m',
        ' n',
        '-o',
        ' p',
        '',
      ].join('\n'),
    );
  });

  it('marks a last line without a line break', () => {
    assert.equal(
      unifiedDiff('a\nb', 'a\nc', 'p.md', 'p.md'),
      '--- a/p.md\n+++ b/p.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n',
    );
  });

  it('turns any edit into a diff that patches the old text into the new one', () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 200; round++) {
      const before =
        Array.from({ length: random(30) }, () => `line ${random(8)}\n`).join('') + (random(2) ? 'end' : '');
      const lines = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
      for (let edits = random(5); edits > 0; edits--) {
        const at = random(lines.length + 1);
        if (random(2) && lines.length) lines.splice(at, 1);
        else lines.splice(at, 0, `new ${random(5)}\n`);
      }
      const after = lines.join('');
      assert.equal(
        applyUnifiedDiff(before, unifiedDiff(before, after, 'p.md', 'p.md')),
        after,
        JSON.stringify({ before, after }),
      );
    }
  });

  it('stays linear on a post that changed everywhere', () => {
    const before = Array.from({ length: 6000 }, (_, i) => `a${i}\n`).join('');
    const after = Array.from({ length: 6000 }, (_, i) => `b${i}\n`).join('');
    const diff = unifiedDiff(before, after, 'p.md', 'p.md');
    assert.equal(applyUnifiedDiff(before, diff), after);
  });
});
