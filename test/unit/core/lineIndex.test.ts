import * as assert from 'node:assert/strict';
import { LineIndex, toOneBased } from '../../../server/src/core/text/lineIndex';
import { applyEdits, OverlappingEditsError } from '../../../server/src/core/text/edits';
import { snippetToText } from '../../../server/src/core/text/snippets';

describe('LineIndex', () => {
  it('maps offsets and positions both ways across \\n, \\r\\n and \\r', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 4);
    for (let offset = 0; offset <= text.length; offset++) {
      const p = lines.positionAt(offset);
      // Offsets inside a line break map to the end of that line.
      const back = lines.offsetAt(p);
      assert.ok(back <= offset, `offset ${offset} -> ${JSON.stringify(p)} -> ${back}`);
    }
    assert.deepEqual(lines.positionAt(text.indexOf('e')), { line: 2, character: 0 });
    assert.equal(lines.lineText(1), 'cd');
    assert.equal(lines.lineText(3), 'gh');
  });

  it('counts characters in UTF-16 code units, as LSP does', () => {
    const text = '### 발표자: 이승현 😀 [x](y)';
    const lines = new LineIndex(text);
    const at = text.indexOf('[');
    assert.deepEqual(lines.positionAt(at), { line: 0, character: at });
    assert.equal(at, '### 발표자: 이승현 '.length + 2 + 1, 'the emoji counts as two code units');
  });

  it('clamps out-of-range positions and checks ranges', () => {
    const lines = new LineIndex('abc\ndef');
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 7);
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 3);
    assert.ok(lines.contains({ start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }));
    assert.ok(!lines.contains({ start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }));
    assert.ok(!lines.contains({ start: { line: 1, character: 2 }, end: { line: 1, character: 1 } }));
    assert.ok(!lines.contains({ start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }));
  });

  it('converts to 1-based positions in one place', () => {
    assert.deepEqual(toOneBased({ start: { line: 0, character: 0 }, end: { line: 2, character: 5 } }), {
      line: 1,
      column: 1,
      endLine: 3,
      endColumn: 6,
    });
  });
});

describe('applyEdits', () => {
  it('applies edits in position order and keeps insertions at one place in order', () => {
    const text = 'one\ntwo\nthree';
    const out = applyEdits(text, [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } }, newText: '3' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'A' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'B' },
    ]);
    assert.equal(out, 'ABone\ntwo\n3');
  });

  it('refuses overlapping edits', () => {
    assert.throws(
      () =>
        applyEdits('abcdef', [
          { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: '' },
          { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } }, newText: '' },
        ]),
      OverlappingEditsError,
    );
  });
});

describe('snippetToText', () => {
  it("keeps placeholders' defaults and drops tab stops", () => {
    assert.equal(snippetToText('## ${1:Authors}, ${2:Venue}$0'), '## Authors, Venue');
    assert.equal(snippetToText('cost \\$5 ${1:a \\} b}'), 'cost $5 a } b');
  });
});
