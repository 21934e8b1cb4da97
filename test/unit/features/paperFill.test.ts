/**
 * Which sections "Fill from paper link" offers to fill, and what it writes: the title and authors
 * lines that are empty or the template's, never one an author wrote; and the lines written pass
 * the checks (no missing authors line, no missing venue).
 */
import * as assert from 'node:assert/strict';
import { resolveConfig } from '../../../server/src/core/config/config';
import { fillEdits, fillTargets, fillTargetOf } from '../../../server/src/core/features/paperFill';
import type { PaperMetadata } from '../../../server/src/core/paper/paperMetadata';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { applyEdits } from '../../../server/src/core/text/edits';
import { lintText } from '../../support/lint';

const FRONT =
  '---\nlayout: post\ntitle: "2020_2nd_quarter"\ndate: 2020-04-02\nimage_url: https://example.com/x.png\nmathjax: true\ncomments: true\n---\n';
const presenter = (url: string) =>
  `### 발표자: 김하늘 [[paper link](${url}), [presentation material](https://example.com/s.pdf)]\n- 요약입니다.\n`;
const RESNET: PaperMetadata = {
  title: 'Deep Residual Learning for Image Recognition',
  authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
  venue: 'CVPR',
  year: 2016,
  source: 'page',
};
const config = resolveConfig();
const post = (body: string) => parsePost(FRONT + '\n' + body, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);

/** The post after filling every target with `meta`. */
function filled(body: string, meta = RESNET): string {
  const p = post(body);
  const edits = fillTargets(p, config).flatMap((t) => fillEdits(t, meta));
  return applyEdits(p.text, edits);
}

describe('fill from paper link', () => {
  it("fills the snippet's leftovers, in English and Korean", () => {
    for (const [title, authors] of [
      ['Paper title', 'Authors, Venue'],
      ['논문 제목', '저자, 학회'],
    ]) {
      const text = filled(`# ${title}\n## ${authors}\n${presenter('https://arxiv.org/abs/1512.03385')}`);
      assert.ok(
        text.includes('\n# Deep Residual Learning for Image Recognition\n## Kaiming He et al., CVPR 2016\n### 발표자'),
        text,
      );
    }
  });

  it('fills an empty title and a missing authors line, and leaves a written title alone', () => {
    const text = filled(
      `#\n${presenter('https://arxiv.org/abs/1512.03385')}\n# My own title\n${presenter('https://doi.org/10.1/x')}`,
    );
    assert.ok(
      text.includes('# Deep Residual Learning for Image Recognition\n## Kaiming He et al., CVPR 2016\n### 발표자'),
      text,
    );
    assert.ok(text.includes('# My own title\n## Kaiming He et al., CVPR 2016\n### 발표자'), text);
  });

  it('offers nothing for a finished section, or one whose link names no paper', () => {
    assert.deepEqual(
      fillTargets(post(`# A\n## B et al., CVPR 2016\n${presenter('https://arxiv.org/abs/1512.03385')}`), config),
      [],
    );
    assert.deepEqual(
      fillTargets(post(`# Paper title\n## Authors, Venue\n${presenter('https://arxiv.org/abs/')}`), config),
      [],
    );
    assert.deepEqual(fillTargets(post(`# Paper title\n## Authors, Venue\n${presenter('???')}`), config), []);
    assert.deepEqual(fillTargets(post('# Paper title\n## Authors, Venue\n- no presenter line\n'), config), []);
  });

  it("reads the early drafts' bare [paper link] line too", () => {
    const p = post('# Paper title\n[paper link](https://arxiv.org/abs/1512.03385)\n- x\n');
    const target = fillTargetOf(p.sections[0]!, config)!;
    assert.equal(target.url, 'https://arxiv.org/abs/1512.03385');
    assert.ok(target.fillTitle && target.fillAuthors);
  });

  it('replaces both lines when asked to (the command on a finished section)', () => {
    const p = post(`# Old\n## Someone, 2000\n${presenter('https://arxiv.org/abs/1512.03385')}`);
    const text = applyEdits(p.text, fillEdits(fillTargetOf(p.sections[0]!, config)!, RESNET, true));
    assert.ok(text.includes('# Deep Residual Learning for Image Recognition\n## Kaiming He et al., CVPR 2016\n'), text);
  });

  it('writes lines the checks accept: the title, the authors line and its venue', () => {
    const body = `# Paper title\n## Authors, Venue\n${presenter('https://arxiv.org/abs/1512.03385')}`;
    for (const meta of [
      RESNET,
      { ...RESNET, authors: ['Oren Barkan', 'Noam Koenigstein'], venue: 'MLSP' },
      { ...RESNET, venue: 'arXiv', year: 2015 },
    ]) {
      const codes = lintText(filled(body, meta)).map((d) => String(d.code));
      for (const id of ['paper-title-empty', 'authors-line-missing', 'venue-missing', 'heading-structure'])
        assert.ok(!codes.includes(id), `${id} after filling with ${JSON.stringify(meta)}`);
    }
  });
});
