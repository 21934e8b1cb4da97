/**
 * `template-leftover` knows every placeholder the project writes: each tab stop of the contributed
 * snippets, Add Paper Section's section in both languages, the snippets the fixes insert, and the
 * empty lines of New Quarter Post. Left as inserted, each is reported (by this rule, or by the rule
 * it leaves a case to), so that a new snippet whose placeholder no check knows fails here.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { paperSectionSnippet } from '../../../client/src/authoring/snippets';
import { quarterPostText } from '../../../client/src/authoring/quarterPost';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { applyEdits } from '../../../server/src/core/text/edits';
import { snippetToText } from '../../../server/src/core/text/snippets';
import {
  isPlaceholderUrl,
  placeholderPart,
  allPlaceholderTexts,
  placeholderTexts,
  SNIPPETS,
  snippetsFile,
} from '../../../server/src/core/templates';
import { expandSnippet } from '../client/expandSnippet';
import { dataOf, lintText, summarize } from '../../support/lint';
import { REPO_ROOT } from '../../support/paths';

const FRONT =
  '---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\nimage_url: https://user-images.githubusercontent.com/1/a.png\nmathjax: true\ncomments: true\n---\n\n';
const SECTION = '# Attention Is All You Need\n## Ashish Vaswani et al., NeurIPS 2017\n';
/** Tab stop defaults that are real values, not placeholders: an image width. */
const REAL_DEFAULTS = new Set(['450']);
/** The rules that report a placeholder `template-leftover` leaves to them (`https://` as a link target or thumbnail). */
const REPORTERS = new Set(['template-leftover', 'link-placeholder', 'field-type']);

const contributed = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'snippets', 'markdown.json'), 'utf8')) as Record<
  string,
  { body: string[] }
>;

/** The default text of each `${n:default}` tab stop, in order (variables and mirrors left out). */
function tabStopDefaults(snippet: string): string[] {
  return [...snippet.matchAll(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g)]
    .map((m) => m[1]!.replace(/\\(.)/g, '$1'))
    .filter((text) => !text.startsWith('$') && !REAL_DEFAULTS.has(text));
}

/** Asserts that each default, found in order in `text` after `from`, lies inside a diagnostic of a reporting rule. */
function assertEachReported(
  text: string,
  defaults: readonly string[],
  diagnostics: readonly Diagnostic[],
  what: string,
  from = 0,
): void {
  const lines = new LineIndex(text);
  for (const placeholder of defaults) {
    const at = text.indexOf(placeholder, from);
    assert.ok(at >= 0, `${what}: ${placeholder} is in the text`);
    from = at + placeholder.length;
    const covered = diagnostics.some(
      (d) =>
        REPORTERS.has(String(d.code)) &&
        lines.offsetAt(d.range.start) <= at &&
        at + placeholder.length <= lines.offsetAt(d.range.end),
    );
    assert.ok(
      covered,
      `${what}: the placeholder ${JSON.stringify(placeholder)} at ${lines.positionAt(at).line + 1}:${lines.positionAt(at).character} is reported\n${summarize(diagnostics).join('\n')}`,
    );
  }
}

describe('template-leftover: every placeholder the project writes', () => {
  it('snippets/markdown.json is the one generated from core/templates.ts', () => {
    assert.equal(fs.readFileSync(path.join(REPO_ROOT, 'snippets', 'markdown.json'), 'utf8'), snippetsFile());
    assert.deepEqual(Object.keys(contributed), Object.keys(SNIPPETS));
  });

  for (const [name, snippet] of Object.entries(contributed)) {
    it(`${name}: each placeholder of the snippet is a known one, and is reported when left as inserted`, () => {
      const body = snippet.body.join('\n');
      const defaults = tabStopDefaults(body);
      for (const text of defaults)
        assert.ok(
          placeholderPart(text) || isPlaceholderUrl(text),
          `${name}: ${JSON.stringify(text)} is not a known placeholder`,
        );
      const expanded = expandSnippet(body);
      // A body snippet goes into a section, the front matter snippet at the top of a post.
      const text =
        name === 'post'
          ? `${expanded}${SECTION}`
          : name === 'paper'
            ? `${FRONT}${expanded}\n`
            : `${FRONT}${SECTION}${expanded}\n`;
      assertEachReported(text, defaults, lintText(text), name, text.indexOf(expanded));
    });
  }

  for (const locale of ['en', 'ko'] as const) {
    it(`Add Paper Section (${locale}): every placeholder reported, and no member of the blog named in advance`, () => {
      const snippet = paperSectionSnippet({
        presenterLabel: '발표자',
        paperLinkLabel: 'paper link',
        slidesLinkLabel: 'presentation material',
        presenters: ['김하늘', '이바다'],
        placeholders: placeholderTexts(locale),
      });
      const text = `${FRONT}${expandSnippet(snippet)}\n`;
      assert.ok(!text.includes('김하늘') && !text.includes('이바다'), text);
      const defaults = [
        ...tabStopDefaults(snippet).slice(0, 3),
        placeholderTexts(locale).presenter,
        ...tabStopDefaults(snippet).slice(3),
      ];
      assertEachReported(text, defaults, lintText(text), `Add Paper Section (${locale})`, FRONT.length);
    });
  }

  it('the snippets the fixes insert (an authors line, a presenter line) are reported when left as inserted', () => {
    const text = `${FRONT}# Attention Is All You Need\n- 요약입니다.\n`;
    for (const locale of ['en', 'ko'] as const) {
      for (const id of ['authors-line-missing', 'presenter-line-missing']) {
        const diagnostic = lintText(text, { locale }).find((d) => d.code === id)!;
        const fix = dataOf(diagnostic).fixes[0]!;
        assert.ok(fix.snippet);
        const fixed = applyEdits(
          text,
          fix.edits.map((e) => ({ ...e, newText: snippetToText(e.newText) })),
        );
        const defaults = fix.edits.flatMap((e) => tabStopDefaults(e.newText));
        assert.ok(defaults.length > 0, `${id} inserts placeholders`);
        assertEachReported(fixed, defaults, lintText(fixed, { locale }), `${id} (${locale})`, FRONT.length);
      }
    }
  });

  it('New Quarter Post: each line left empty is reported', () => {
    const text = quarterPostText({ year: 2021, quarter: 1 }, { year: 2021, month: 1, day: 7 }, '발표자');
    const problems = summarize(lintText(text, { fileName: '2021-01-07-1st_quarter.md' }));
    for (const expected of [
      '9:paper-title-empty',
      '10:template-leftover',
      '11:presenter-name-missing',
      '9:summary-missing',
    ]) {
      assert.ok(problems.includes(expected), `${expected} in ${problems.join(', ')}`);
    }
  });

  it("the paper snippet left as inserted is an error, once per placeholder (the issue's report: only the slides were)", () => {
    const text = `${FRONT}${expandSnippet(contributed.paper!.body.join('\n'))}\n`;
    const found = lintText(text).filter((d) => d.code === 'template-leftover' || d.code === 'link-placeholder');
    assert.deepEqual(
      found.map((d) => `${d.range.start.line + 1}:${d.code}`),
      [
        '10:template-leftover',
        '11:template-leftover',
        '11:template-leftover',
        '12:template-leftover',
        '12:template-leftover',
        '12:link-placeholder',
        '13:template-leftover',
        '14:template-leftover',
        '17:template-leftover',
      ],
    );
    assert.ok(found.every((d) => d.severity === 1));
  });

  it('knows the placeholders in any letter case, and nothing that merely contains one', () => {
    assert.equal(placeholderPart('  paper TITLE '), 'title');
    assert.equal(placeholderPart('발표자 이름'), 'presenter');
    assert.equal(placeholderPart('Paper title generation'), undefined);
    // Long only in white space: still the placeholder (the length shortcut counts what is not space).
    assert.equal(placeholderPart(`\t Paper${' '.repeat(80)}title${'\u3000'.repeat(40)}`), 'title');
    assert.equal(placeholderPart(`${'요약 '.repeat(40)}`), undefined);
    for (const text of allPlaceholderTexts()) {
      assert.ok(placeholderPart(`  ${text.toUpperCase().split(' ').join('   ')}  `), `${text} spaced out`);
    }
    assert.equal(isPlaceholderUrl('https://arxiv.org/abs/'), true);
    assert.equal(isPlaceholderUrl('https://arxiv.org/abs/1706.03762'), false);
  });
});
