import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
  centeredBlockAround,
  githubRawUrl,
  imageInsertion,
  imageTag,
  imageUrlProblem,
  parseImageWidth,
  urlFromClipboard,
} from '../../../client/src/authoring/imageBlock';
import {
  bodyStartLine,
  linesOf,
  presenterLabelIn,
  presenterNamesIn,
  sectionInsertion,
  sectionStartLines,
} from '../../../client/src/authoring/postText';
import { paperSectionSnippet } from '../../../client/src/authoring/snippets';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { snippetToText } from '../../../server/src/core/text/snippets';
import { corpusPosts, requireCorpus } from '../../support/paths';

/** Applies one insertion to the lines, as the editor would. */
function insert(lines: readonly string[], at: { line: number; character: number }, text: string): string {
  const target = lines[at.line] ?? '';
  const changed = [...lines];
  changed[at.line] = target.slice(0, at.character) + text + target.slice(at.character);
  return changed.join('\n');
}

const placeholders = { title: 'New paper', authors: 'A', venue: 'V', presenter: 'P', summary: 's' };
const section = snippetToText(
  paperSectionSnippet({
    presenterLabel: '발표자',
    paperLinkLabel: 'paper link',
    slidesLinkLabel: 'presentation material',
    presenters: [],
    placeholders,
  }),
);
const parse = (text: string) => parsePost(text, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);

describe('Add Paper Section: where the section goes', () => {
  const post = [
    '---',
    'title: x',
    '# not a section (YAML comment)',
    '---',
    '',
    '# First',
    '- a',
    '```',
    '# code, not a section',
    '```',
    '',
    '# Second',
    '- b',
    '',
  ];

  it('knows the body and the sections, skipping the front matter and fenced code', () => {
    assert.equal(bodyStartLine(post), 4);
    assert.deepEqual(sectionStartLines(post), [5, 11]);
    assert.equal(bodyStartLine(['---', 'never closed']), 0);
  });

  it('inserts after the section holding the cursor, before the next one', () => {
    const { position, text } = sectionInsertion(post, 6, section);
    assert.deepEqual(position, { line: 11, character: 0 });
    const result = parse(insert(post, position, text));
    assert.deepEqual(
      result.sections.map((s) => s.title.text),
      ['First', 'New paper', 'Second'],
    );
  });

  it('inserts at the end after the last section, keeping one blank line between sections', () => {
    const { text, position } = sectionInsertion(post, 12, section);
    const result = insert(post, position, text);
    assert.match(result, /- b\n\n# New paper\n/);
    assert.deepEqual(
      parse(result).sections.map((s) => s.title.text),
      ['First', 'Second', 'New paper'],
    );
    const noNewline = ['# Only', '- x'];
    assert.match(
      insert(noNewline, sectionInsertion(noNewline, 0, section).position, sectionInsertion(noNewline, 0, section).text),
      /- x\n\n# New paper\n/,
    );
  });

  it('puts the new section first when the cursor is in the front matter', () => {
    const { position, text } = sectionInsertion(post, 1, section);
    assert.deepEqual(
      parse(insert(post, position, text)).sections.map((s) => s.title.text),
      ['New paper', 'First', 'Second'],
    );
  });

  it('reads the presenter names and the label spelling of a post', () => {
    const lines = [
      '# a',
      '### 발표자: 김철수 [[paper link](x)]',
      '# b',
      '### 발표자 : 이영희',
      '# c',
      '### 발표자：김철수 [[paper link](y)]',
      '### Results: no',
      '### PRESENTER: Kim',
    ];
    assert.deepEqual(presenterNamesIn(lines, ['발표자']), ['김철수', '이영희']);
    assert.deepEqual(presenterNamesIn(lines, ['발표자', 'presenter']), ['김철수', '이영희', 'Kim']);
    assert.equal(presenterLabelIn(['### PRESENTER: Kim'], ['발표자', 'presenter']), 'PRESENTER');
    assert.equal(presenterLabelIn([], ['Presenter']), 'Presenter');
  });

  it('reads the same presenter names as the parser in the real posts, and inserts after any of their sections', function () {
    requireCorpus(this);
    for (const file of corpusPosts().published) {
      const text = fs.readFileSync(file, 'utf8');
      const model = parse(text);
      const lines = linesOf(text);
      const fromParser = new Set(
        model.sections
          .flatMap((s) =>
            s.presenterLines.filter((p) => p.label?.text === '발표자').map((p) => p.name?.text.trim() ?? ''),
          )
          .filter(Boolean),
      );
      assert.deepEqual(new Set(presenterNamesIn(lines, ['발표자'])), fromParser, file);
      assert.deepEqual(
        sectionStartLines(lines),
        model.sections.map((s) => s.title.range.start.line),
        file,
      );
      for (const target of model.sections) {
        const { position, text: inserted } = sectionInsertion(lines, target.title.range.start.line, section);
        const titles = parse(insert(lines, position, inserted)).sections.map((s) => s.title.text);
        assert.equal(titles.length, model.sections.length + 1, file);
        assert.equal(titles[target.index + 1], 'New paper', `${file}: after section ${target.index}`);
      }
    }
  });
});

describe('Insert Image Block', () => {
  it('accepts http(s) URLs and site paths, and says what is wrong with the others', () => {
    assert.equal(imageUrlProblem('https://user-images.githubusercontent.com/1/a.png'), undefined);
    assert.equal(imageUrlProblem('/assets/a.PNG'), undefined);
    assert.equal(imageUrlProblem('  '), 'empty');
    assert.equal(imageUrlProblem('figure.png'), 'not-a-url');
    assert.equal(imageUrlProblem('ftp://host/a.png'), 'not-a-url');
    assert.equal(imageUrlProblem('https://github.com/u/r/blob/master/a.png'), 'github-blob');
    assert.equal(imageUrlProblem('_posts/a.png'), 'inside-posts');
    assert.equal(imageUrlProblem('/_posts/img/a.png'), 'inside-posts');
    assert.equal(githubRawUrl('https://github.com/u/r/blob/master/a.png'), 'https://github.com/u/r/raw/master/a.png');
  });

  it('takes the clipboard only when it holds one URL', () => {
    assert.equal(urlFromClipboard(' https://a.org/x.png\n'), 'https://a.org/x.png');
    assert.equal(urlFromClipboard('see https://a.org/x.png'), undefined);
    assert.equal(urlFromClipboard('two words'), undefined);
  });

  it('reads an optional width', () => {
    assert.equal(parseImageWidth(''), null);
    assert.equal(parseImageWidth('450'), 450);
    assert.equal(parseImageWidth('450px'), 450);
    assert.equal(parseImageWidth('0'), undefined);
    assert.equal(parseImageWidth('wide'), undefined);
    assert.equal(imageTag('https://a.org/x "y".png', null), '  <img src="https://a.org/x%20%22y%22.png">');
  });

  it('writes a new centered block that the parser reads as one', () => {
    const lines = ['# Paper', '- bullet', ''];
    const { position, text, intoBlock } = imageInsertion(lines, 1, 'https://a.org/x.png', 450);
    assert.equal(intoBlock, false);
    const result = insert(lines, position, text);
    assert.equal(
      result,
      '# Paper\n- bullet\n<p align="center">\n  <img src="https://a.org/x.png" width="450">\n</p>\n',
    );
    const block = parse(result).sections[0]!.imageBlocks[0]!;
    assert.equal(block.images.length, 1);
  });

  it('adds an image to the centered block around the cursor, with the indentation of its images', () => {
    const lines = [
      '# Paper',
      '<p align="center">',
      '     <img src="https://a.org/1.png" width="450">',
      '</p>',
      '',
      '<p align="center">',
      '</p>',
    ];
    assert.deepEqual(centeredBlockAround(lines, 2), { open: 1, close: 3 });
    assert.equal(centeredBlockAround(lines, 4), undefined);
    const { position, text, intoBlock } = imageInsertion(lines, 2, 'https://a.org/2.png', 450);
    assert.ok(intoBlock);
    const result = insert(lines, position, text);
    assert.match(result, /1\.png" width="450">\n {5}<img src="https:\/\/a\.org\/2\.png" width="450">\n<\/p>/);
    assert.equal(parse(result).sections[0]!.imageBlocks[0]!.images.length, 2);
    const onClose = imageInsertion(lines, 6, 'https://a.org/3.png', null);
    assert.deepEqual(onClose.position, { line: 5, character: lines[5]!.length });
  });
});
