/**
 * The editor's "Fill from paper link" values: a lens per section to fill, a quick fix on its title
 * or authors line (and only there, and only for quick-fix requests), and completion of the title
 * line: the kept paper's lines, or an item that runs the command (never a request of its own).
 */
import * as assert from 'node:assert/strict';
import { resolveConfig } from '../../../server/src/core/config/config';
import {
  FILL_COMMAND,
  fillTargetAtTitle,
  getFillCodeActions,
  getFillCodeLenses,
  getFillCompletions,
} from '../../../server/src/core/features/paperFillActions';
import type { PaperMetadata } from '../../../server/src/core/paper/paperMetadata';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { applyEdits } from '../../../server/src/core/text/edits';
import type { Range } from 'vscode-languageserver-types';

const config = resolveConfig();
const TEXT = [
  '---',
  'layout: post',
  '---',
  '',
  '# Paper title',
  '## Authors, Venue',
  '### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/1512.03385)]',
  '- x',
  '',
  '# Written Title',
  '## Someone, CVPR 2020',
  '### 발표자: 김하늘 [[paper link](https://arxiv.org/abs/1911.04252)]',
  '- y',
  '',
  '# ',
  '### 발표자: 김하늘 [[paper link](https://doi.org/10.1038/nature16961)]',
  '- z',
  '',
].join('\n');
const post = parsePost(TEXT, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 3);
const RESNET: PaperMetadata = {
  title: 'Deep Residual Learning',
  authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
  venue: 'CVPR',
  year: 2016,
  source: 'arxiv',
};

describe('fill from paper link in the editor', () => {
  it('puts a lens on each section to fill, running the command with its post and title line', () => {
    const lenses = getFillCodeLenses(post, config, 'ko');
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.command, l.command?.title, l.command?.arguments]),
      [
        [4, FILL_COMMAND, '논문 링크로 채우기', [{ uri: post.uri, line: 4 }]],
        [14, FILL_COMMAND, '논문 링크로 채우기', [{ uri: post.uri, line: 14 }]],
      ],
    );
  });

  it('offers the quick fix on the title or authors line only, and not for other kinds', () => {
    const at = (line: number, only?: string[]) =>
      getFillCodeActions(post, config, { start: { line, character: 0 }, end: { line, character: 0 } }, [], only, 'en');
    assert.deepEqual(
      at(5).map((a) => [a.title, a.kind, a.command?.arguments]),
      [['Fill the title and authors from https://arxiv.org/abs/1512.03385', 'quickfix', [{ uri: post.uri, line: 4 }]]],
    );
    assert.equal(at(4).length, 1);
    assert.equal(at(6).length, 0, 'the presenter line');
    assert.equal(at(9).length, 0, 'a finished section');
    assert.equal(at(5, ['source.fixAll']).length, 0);
    assert.equal(at(5, ['quickfix']).length, 1);
  });

  it('completes the title line from a kept paper, with the authors line when that is to be written', () => {
    const target = fillTargetAtTitle(post, config, { line: 14, character: 2 })!;
    const [item] = getFillCompletions(post, target, { line: 14, character: 2 }, RESNET, 'en');
    assert.equal(item!.label, 'Deep Residual Learning');
    assert.equal(item!.command, undefined);
    const edits = [
      { range: (item!.textEdit as { range: Range }).range, newText: item!.textEdit!.newText },
      ...(item!.additionalTextEdits ?? []),
    ];
    const filled = applyEdits(TEXT, edits).split('\n');
    assert.deepEqual(filled.slice(14, 16), ['# Deep Residual Learning', '## Kaiming He et al., CVPR 2016']);
    const other = fillTargetAtTitle(post, config, { line: 4, character: 5 })!;
    const [replace] = getFillCompletions(post, other, { line: 4, character: 5 }, RESNET, 'en');
    assert.deepEqual(
      applyEdits(TEXT, [
        { range: (replace!.textEdit as { range: Range }).range, newText: replace!.textEdit!.newText },
        ...(replace!.additionalTextEdits ?? []),
      ])
        .split('\n')
        .slice(4, 6),
      ['# Deep Residual Learning', '## Kaiming He et al., CVPR 2016'],
    );
  });

  it('without a kept paper, offers an item that runs the command and inserts nothing', () => {
    const target = fillTargetAtTitle(post, config, { line: 14, character: 2 })!;
    const [item] = getFillCompletions(post, target, { line: 14, character: 2 }, undefined, 'en');
    assert.equal(item!.label, 'Fill from paper link… (asks doi.org)');
    assert.equal(item!.textEdit!.newText, '');
    assert.deepEqual(item!.command?.arguments, [{ uri: post.uri, line: 14 }]);
    assert.equal(fillTargetAtTitle(post, config, { line: 9, character: 3 }), undefined, 'a written title');
  });
});
