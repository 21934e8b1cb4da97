/**
 * Hostile and broken input through every rule: no rule may throw (the engine would turn that into
 * a "rule failed" diagnostic), and applying every safe fix must work and converge. Sizes are
 * modest; speed targets belong in benchmarks.
 */
import * as assert from 'node:assert/strict';
import { settleFixes } from '../../../server/src/core/fix/settleFixes';
import { lintText } from '../../support/lint';

const FM = '---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\n---\n';
const n = 300;

const HOSTILE: Record<string, string> = {
  'unbalanced brackets': `${FM}# T\n## A, 2020\n### 발표자: x ${'['.repeat(n)}\n`,
  'unbalanced parentheses': `${FM}# T\n## A, 2020\n### 발표자: x [[paper link](${'('.repeat(n)}\n`,
  'many links': `${FM}# T\n## A, 2020\n### 발표자: x [${'[paper link](u v), '.repeat(n)}]\n`,
  'emphasis marks': `${FM}# T\n## ${'* '.repeat(n)}\n`,
  underscores: `${FM}# T\n## ${'_a'.repeat(n)}\n`,
  'image tags': `${FM}# T\n## A, 2020\n<p align="center">\n${'<img src="a.png" width="1px">\n'.repeat(n)}\n`,
  'unterminated tags': `${FM}# T\n<p>\n${'<img src="'.repeat(n)}\n`,
  'Markdown images': `${FM}# T\n## A, 2020\n${'![a](https://a.b/c.png) '.repeat(n)}\n\n${'![b](d.png)\n\n'.repeat(n)}`,
  'angle brackets': `${FM}# T\n${'<'.repeat(n)}\n`,
  'binary junk': FM + Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
  'NUL bytes': `${FM}# T\u0000\n## \u0000, 2020\n### 발표자:\u0000 [[paper link](\u0000)]\n`,
  'bare link lines': `${FM}# T\n## A, 2020\n### 발표자: x [[presentation material](u)]\n${'[paper link](https://a.b) and \n'.repeat(n)}\n`,
  'presenter lines only': `${FM}${'# T\n### 발표자\n### : \n### 발표자: [\n'.repeat(n)}`,
  'broken YAML': '---\ntitle: [unclosed\n  - : :\n---\n# T\n',
  'front matter never closed': '---\nlayout: post\n# T\n## A\n',
  empty: '',
  'CR line breaks': `${FM.replace(/\n/g, '\r')}# T\r## A, 2020\r### 발표 x [[paper link](a b)]\r![x](y)\r`,
  'suppression directives': `${FM}${'<!-- seminar-posts-disable -->\n<!-- seminar-posts-enable x -->\n<!-- seminar-posts-disable-next-line a b c -->\n'.repeat(n)}# T\n`,
};

describe('hostile input', () => {
  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`${name}: every rule runs, and the safe fixes apply and settle`, () => {
      const failures = lintText(text).filter((d) => /failed and was skipped/.test(d.message));
      assert.deepEqual(
        failures.map((d) => d.message),
        [],
      );
      const lint = (t: string, fileName: string) => ({ diagnostics: lintText(t, { fileName }) });
      const fixed = settleFixes(text, '2020-04-02-2nd_quarter.md', lint, { renames: true });
      assert.ok(fixed.settled, `the safe fixes did not settle in ${fixed.passes} passes`);
      assert.deepEqual(
        lintText(fixed.text, { fileName: fixed.fileName }).filter((d) => /failed and was skipped/.test(d.message)),
        [],
      );
      // Settled: nothing is left that a second run would apply.
      const again = settleFixes(fixed.text, fixed.fileName, lint, { renames: true });
      assert.deepEqual([again.applied, again.text, again.fileName], [0, fixed.text, fixed.fileName]);
    });
  }
});
