import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { resolveConfig } from '../../../server/src/core/config/config';
import { lintPost } from '../../../server/src/core/engine/engine';
import { getHover, type HoverOptions } from '../../../server/src/core/features/hover';
import { summarizePost, WorkspaceIndex } from '../../../server/src/core/index/workspaceIndex';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { RULES } from '../../../server/src/core/rules';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from '../../../server/src/core/rules/support/examples';
import { postWithCursor } from '../../support/cursor';
import { TEST_TODAY } from '../../support/lint';

function hover(text: string, options: Partial<HoverOptions> = {}): string | undefined {
  const { post, position } = postWithCursor(text);
  const index = new WorkspaceIndex();
  const diagnostics = lintPost(post, {
    rules: RULES,
    config: resolveConfig(),
    site: undefined,
    locale: options.locale ?? 'en',
    today: TEST_TODAY,
  });
  const result = getHover(post, position, {
    diagnostics,
    rules: RULES,
    talksOf: (name) => index.talksOf(name),
    locale: 'en',
    ...options,
  });
  return (result?.contents as MarkupContent | undefined)?.value;
}

describe('hover', () => {
  it("says what Jekyll does with a front matter key, in the user's language", () => {
    assert.match(
      hover(examplePost(['layout: post', 'math$$CURSOR$$jax: true']))!,
      /^\*\*mathjax\*\*: `true` loads MathJax/,
    );
    assert.match(
      hover(examplePost(['layout: post', 'math$$CURSOR$$jax: true']), { locale: 'ko' })!,
      /MathJax를 불러와/,
    );
    assert.equal(hover(examplePost(['layout: post', 'mathjax: tr$$CURSOR$$ue'])), undefined, 'nothing on a value');
  });

  it("lists a presenter's other talks across the workspace", () => {
    const other = parsePost(
      examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace('Deep Residual', 'Identity Mappings in Deep Residual')),
      'file:///site/_posts/2019-10-03-4th_quarter.md',
    );
    const index = new WorkspaceIndex();
    index.update(summarizePost(other));
    const text = examplePost(
      SAMPLE_FRONT_MATTER,
      SAMPLE_SECTION.replace('발표자: 홍길동', () => '발표자: 홍길$$CURSOR$$동'),
    );
    const value = hover(text, { talksOf: (name) => index.talksOf(name) })!;
    assert.match(
      value,
      /^Other talks by \*\*홍길동\*\*:\n- \*Identity Mappings in Deep Residual Learning for Image Recognition\*: \[2020\\_2nd\\_quarter \(2019\\-10\\-03\\-4th\\_quarter\\.md\)\]\(file:\/\/\/site\/_posts\/2019-10-03-4th_quarter\.md#L10\)$/,
    );
    assert.match(hover(text)!, /No other talk by \*\*홍길동\*\*/);
  });

  it('shows the target of a link and of an image', () => {
    const link = hover(
      examplePost(
        SAMPLE_FRONT_MATTER,
        SAMPLE_SECTION.replace('[paper link]', () => '[paper $$CURSOR$$link]'),
      ),
    )!;
    assert.equal(link, 'Opens <https://arxiv.org/abs/1512.03385>');
    const image = hover(
      examplePost(
        SAMPLE_FRONT_MATTER,
        SAMPLE_SECTION.replace('<img src=', () => '<img s$$CURSOR$$rc='),
      ),
    )!;
    assert.equal(image, 'Image: <https://user-images.githubusercontent.com/1/resnet-block.png>');
  });

  it('describes the rule of a diagnostic, with a link to its page', () => {
    const value = hover(
      examplePost(SAMPLE_FRONT_MATTER.map((l) => l.replace('"2020_2nd_quarter"', () => '"2020_2nd_$$CURSOR$$quater"'))),
    )!;
    assert.match(
      value,
      /\*\*title-format\*\*: .+\n\n\[Rule documentation\]\(https:\/\/\S+\/docs\/rules\/title-format\.md\)/,
    );
  });

  it('says nothing on plain text or outside the post', () => {
    assert.equal(
      hover(
        examplePost(
          SAMPLE_FRONT_MATTER,
          SAMPLE_SECTION.replace('잔차 연결', () => '잔차 $$CURSOR$$연결'),
        ),
      ),
      undefined,
    );
    const { post } = postWithCursor(examplePost(SAMPLE_FRONT_MATTER, '$$CURSOR$$'));
    assert.equal(
      getHover(post, { line: 400, character: 0 }, { diagnostics: [], rules: RULES, talksOf: () => [], locale: 'en' }),
      null,
    );
  });
});
