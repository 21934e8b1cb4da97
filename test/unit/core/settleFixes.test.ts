/**
 * The one "fix all" loop (`core/fix/settleFixes.ts`) and its policy, on diagnostics written here:
 * which fixes a pass takes together, which wait for the next pass, renames as an option, and when
 * the loop says it settled.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { DiagnosticData, Fix } from '../../../server/src/core/engine/rule';
import { chooseFixes, editsConflict, MAX_PASSES, settleFixes } from '../../../server/src/core/fix/settleFixes';

const at = (line: number, from: number, to = from): Range => ({
  start: { line, character: from },
  end: { line, character: to },
});
const edit = (range: Range, newText: string): TextEdit => ({ range, newText });

function diagnostic(fixes: Partial<Fix>[], id = 'rule'): Diagnostic {
  const data: DiagnosticData = {
    ruleId: id,
    version: 1,
    fixes: fixes.map((fix) => ({ title: 't', safe: true, edits: [], ...fix })),
  };
  return { range: at(0, 0), message: id, code: id, source: 'seminar-posts', data };
}

describe('settleFixes', () => {
  it('takes fixes whose edits share no text, and one of two that overlap', () => {
    const chosen = chooseFixes(
      [
        diagnostic([{ edits: [edit(at(0, 0, 3), 'abc')] }]),
        diagnostic([{ edits: [edit(at(0, 2, 5), 'x')] }]),
        diagnostic([{ edits: [edit(at(0, 3, 5), 'de')] }]),
      ],
      { renames: false },
    );
    assert.equal(chosen.fixed.length, 2, 'the overlapping fix waits');
    assert.deepEqual(
      chosen.edits.map((e) => e.newText),
      ['abc', 'de'],
    );
  });

  it('takes the next fix of a diagnostic when its first cannot be taken', () => {
    const chosen = chooseFixes(
      [
        diagnostic([{ edits: [edit(at(0, 0, 3), 'abc')] }]),
        diagnostic([{ edits: [edit(at(0, 1, 2), 'x')] }, { edits: [edit(at(1, 0), 'y')] }]),
      ],
      { renames: false },
    );
    assert.deepEqual(
      chosen.edits.map((e) => e.newText),
      ['abc', 'y'],
    );
  });

  it('never takes two insertions at one point, nor an insertion at the edge of a replacement, in one pass', () => {
    assert.equal(editsConflict(edit(at(0, 4), 'a'), edit(at(0, 4), 'b')), true, 'two insertions at one point');
    assert.equal(
      editsConflict(edit(at(0, 4), 'a'), edit(at(0, 4, 8), 'b')),
      true,
      'an insertion where a replacement starts',
    );
    assert.equal(
      editsConflict(edit(at(0, 0, 4), 'a'), edit(at(0, 4), 'b')),
      true,
      'an insertion where a replacement ends',
    );
    assert.equal(editsConflict(edit(at(0, 0, 4), 'a'), edit(at(0, 4, 8), 'b')), false, 'two replacements that touch');
    assert.equal(editsConflict(edit(at(0, 1), 'a'), edit(at(0, 4), 'b')), false, 'insertions apart');
    assert.equal(editsConflict(edit(at(0, 0, 5), 'a'), edit(at(0, 2), 'b')), true, 'an insertion inside a replacement');
  });

  it('applies the insertion that waited on the next pass, in the order of the diagnostics', () => {
    // Two rules each insert a line at the top until their line is there.
    const lint = (text: string) => ({
      diagnostics: [
        ...(text.includes('A\n') ? [] : [diagnostic([{ edits: [edit(at(0, 0), 'A\n')] }], 'a')]),
        ...(text.includes('B\n') ? [] : [diagnostic([{ edits: [edit(at(0, 0), 'B\n')] }], 'b')]),
      ],
    });
    const settled = settleFixes('body\n', 'x.md', lint, { renames: false });
    assert.deepEqual([settled.text, settled.passes, settled.applied, settled.settled], ['B\nA\nbody\n', 2, 2, true]);
    assert.equal(settled.fixedFirst.length, 1);
    assert.deepEqual(settled.diagnostics, []);
  });

  it('leaves unsafe fixes and snippets to the author', () => {
    const lint = () => ({
      diagnostics: [
        diagnostic([
          { safe: false, edits: [edit(at(0, 0), 'x')] },
          { safe: true, snippet: true, edits: [edit(at(0, 0), '$1')] },
        ]),
      ],
    });
    const settled = settleFixes('body\n', 'x.md', lint, { renames: true });
    assert.deepEqual([settled.text, settled.applied, settled.settled], ['body\n', 0, true]);
  });

  it('renames only when asked to, and at most once in a run', () => {
    // A rule that wants the file renamed, whatever it is called (its own fix is never enough).
    const lint = (_text: string, fileName: string) => ({
      diagnostics: [diagnostic([{ rename: `renamed-${fileName}` }])],
    });
    const without = settleFixes('body\n', 'x.md', lint, { renames: false });
    assert.deepEqual([without.fileName, without.applied], ['x.md', 0]);
    const withRenames = settleFixes('body\n', 'x.md', lint, { renames: true });
    assert.deepEqual([withRenames.fileName, withRenames.applied, withRenames.passes], ['renamed-x.md', 1, 1]);
  });

  it('takes one rename per pass even when two diagnostics offer one', () => {
    const chosen = chooseFixes([diagnostic([{ rename: 'a.md' }]), diagnostic([{ rename: 'b.md' }])], { renames: true });
    assert.deepEqual([chosen.rename, chosen.fixed.length], ['a.md', 1]);
  });

  it('stops after the pass limit and says it did not settle', () => {
    // A fix that always finds more to do.
    const lint = (text: string) => ({
      diagnostics: [diagnostic([{ edits: [edit(at(0, 0), 'x')] }])],
      lines: undefined,
      text,
    });
    const settled = settleFixes('body\n', 'x.md', lint, { renames: false });
    assert.equal(settled.passes, MAX_PASSES);
    assert.equal(settled.settled, false);
    assert.equal(settled.text, `${'x'.repeat(MAX_PASSES)}body\n`);
  });
});
