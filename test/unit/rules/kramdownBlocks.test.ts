/**
 * The rules' block scan reads a line that starts with a tag as kramdown 2.4 does: a paragraph
 * when the tag is one of kramdown's span elements, an HTML block otherwise. Checked against
 * `Kramdown::Document.new(..., input: 'GFM')` by hand: `<svg>`, `<time>`, `<font>` and `<s>`
 * start HTML blocks (the line's Markdown stays literal), `<option>` starts a paragraph.
 */
import * as assert from 'node:assert/strict';
import { parsePost } from '../../../server/src/core/parse/parsePost';
import { kramdownBlocks } from '../../../server/src/core/rules/support/kramdownBlocks';

const kindOf = (line: string) => {
  const post = parsePost(`---\nlayout: post\n---\n${line}\n`, 'file:///site/_posts/2020-04-02-2nd_quarter.md', 1);
  return kramdownBlocks(post).lines.find((l) => l.text === line)?.kind;
};

describe('kramdown block scan', () => {
  it('starts an HTML block at a tag kramdown does not read as span-level', () => {
    for (const tag of ['svg', 'time', 'font', 's', 'div'])
      assert.equal(kindOf(`<${tag}>x</${tag}> and *emph*`), 'html', tag);
  });

  it("reads a line that starts with one of kramdown's span elements as text", () => {
    for (const tag of ['option', 'ruby', 'span', 'a'])
      assert.equal(kindOf(`<${tag}>x</${tag}> and *emph*`), 'text', tag);
  });
});
