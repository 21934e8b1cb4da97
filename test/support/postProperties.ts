/**
 * The properties every post must have, whatever its text: shared by the property tests
 * (`test/unit/property/`) and the long fuzzing run (`npm run fuzz`).
 *
 * - `checkRobust`: `parsePost` and every rule run without throwing (no "rule failed" diagnostic),
 *   every range of the model, of the diagnostics and of their fixes lies inside the document, and
 *   the post is done within a time bound. The bound is a guard against hangs (a pathological
 *   regular expression, a quadratic parse: seconds), not a speed target: those live in benchmarks.
 *   It is generous: 50 ms of CPU time (not wall time, which a busy shared machine stretches) for
 *   posts that take 1-15 ms, or 5 microseconds a character for the longest mutated posts (a 25 KB
 *   line gets 125 ms), and a post over it is measured twice more from a cold cache, keeping the
 *   best, so that a garbage collection is not taken for a hang. A quadratic parse takes seconds.
 * - `checkFixes`: each offered fix changes only the text inside its edits and removes its
 *   diagnostic; a safe fix (one that `--fix` and "fix all" apply unattended) brings no new error.
 *   An unsafe fix is a choice the author makes (keep the earlier `title:` of two, say), which may
 *   rightly end in an error the choice implies. "Fix all", as the CLI (`--fix`) and the server
 *   (`source.fixAll.seminarPosts`) apply it, is the same applied twice as once.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { resolveConfig } from '../../server/src/core/config/config';
import { lintPost } from '../../server/src/core/engine/engine';
import type { DiagnosticData, Fix } from '../../server/src/core/engine/rule';
import { FIX_ALL_KIND, getCodeActions } from '../../server/src/core/features/codeActions';
import { settleFixes } from '../../server/src/core/fix/settleFixes';
import type { Post } from '../../server/src/core/model';
import { parsePost } from '../../server/src/core/parse/parsePost';
import { RULES } from '../../server/src/core/rules';
import { findSite } from '../../server/src/core/site/site';
import { applyEdits } from '../../server/src/core/text/edits';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { snippetToText } from '../../server/src/core/text/snippets';
import type { WorkspaceView } from '../../server/src/core/workspace';
import { insertedLines } from './fixEdits';
import { TEST_TODAY } from './lint';
import { memoryHost } from './memoryHost';
import type { PostCase } from './postArbitraries';

/**
 * The hang guard, in milliseconds of CPU time (`FUZZ_HANG_MS` overrides it). It catches a hang or a
 * blow-up (a backtracking regular expression, a quadratic loop), which costs seconds; it is no speed
 * target (those live in `npm run bench`). A post of the corpus takes about 10 ms, but a 2-core CI
 * machine under load has taken 51 ms of CPU time for one, so the bound leaves room for that.
 */
export const HANG_BOUND_MS = Number(process.env.FUZZ_HANG_MS || 500);

const site = findSite(
  '/site/_posts/x.md',
  memoryHost({ '/site/_config.yml': 'theme: minima\n', '/site/assets/a.png': '' }),
);
// Every rule on, the ones off by default too.
const config = resolveConfig({ rules: { 'image-alt': 'warning' } });
const workspace: WorkspaceView = {
  papersWithTitle: (key) =>
    key.startsWith('paper')
      ? [
          {
            uri: 'file:///site/_posts/2019-10-03-4th_quarter.md',
            fileName: '2019-10-03-4th_quarter.md',
            postTitle: '2019_4th_quarter',
            title: 'Paper',
            presenter: '홍길동',
            line: 9,
          },
        ]
      : [],
};

/** The URI a case is linted under. */
export const uriOf = (fileName: string) => `file:///site/_posts/${encodeURIComponent(fileName)}`;

/** Parses and lints `text` as the file `fileName` of the test site. */
export function lintCase(text: string, fileName: string): { post: Post; diagnostics: Diagnostic[] } {
  const post = parsePost(text, uriOf(fileName), 1);
  return {
    post,
    diagnostics: lintPost(post, { rules: RULES, config, site, workspace, locale: 'en', today: TEST_TODAY }),
  };
}

const FAILED = /failed and was skipped/;

/** Parse, lint, ranges, time: see the module comment. */
export function checkRobust(c: PostCase): void {
  const { post, diagnostics, ms: first } = timed(c);
  let ms = first;
  const bound = Math.max(HANG_BOUND_MS, c.text.length / 20);
  if (ms > bound) {
    for (let i = 0; i < 2 && ms > bound; i++) {
      const again = timed(c);
      ms = Math.min(ms, again.ms);
    }
    assert.ok(
      ms <= bound,
      `parse and lint took ${ms.toFixed(0)} ms of CPU time (hang guard ${bound.toFixed(0)} ms) for ${describeCase(c)}`,
    );
  }
  assert.deepEqual(
    diagnostics.filter((d) => FAILED.test(d.message)).map((d) => d.message),
    [],
  );
  const lines = post.lines;
  forEachRange(post, (range, where) => assertInside(lines, range, `model ${where}`));
  for (const d of diagnostics) {
    assertInside(lines, d.range, `${String(d.code)} diagnostic`);
    for (const fix of fixesOf(d))
      for (const edit of fix.edits) assertInside(lines, edit.range, `${String(d.code)} fix "${fix.title}"`);
  }
}

/** Fix safety: see the module comment. */
export function checkFixes(c: PostCase): void {
  const { post, diagnostics } = lintCase(c.text, c.fileName);
  const errorsBefore = countErrors(diagnostics);
  const countBefore = countByRule(diagnostics);
  for (const diagnostic of diagnostics) {
    for (const fix of fixesOf(diagnostic)) {
      const id = String(diagnostic.code);
      const label = `${id} fix "${fix.title}" on ${describeCase(c)}`;
      const edits = fix.snippet ? fix.edits.map((e) => ({ ...e, newText: snippetToText(e.newText) })) : fix.edits;
      const fixed = applyEdits(c.text, edits);
      assertOnlyInsideEdits(c.text, edits, fixed, label);
      const after = lintCase(fixed, fix.rename ?? c.fileName).diagnostics;
      const afterCount = countByRule(after);
      assert.ok((afterCount.get(id) ?? 0) < countBefore.get(id)!, `${label} leaves its diagnostic`);
      // A snippet leaves tab stops (an empty link target, a name to fill): not damage of the fix.
      const placeholders = fix.snippet ? insertedLines(c.text, edits) : new Set<number>();
      if (!fix.safe) continue;
      for (const [rule, count] of countErrors(after.filter((d) => !placeholders.has(d.range.start.line)))) {
        assert.ok(count <= (errorsBefore.get(rule) ?? 0), `${label} brings a new ${rule} error`);
      }
    }
  }

  // "Fix all" as the CLI's --fix runs it (renames allowed): passes until nothing is left, within
  // the pass limit; then a second run changes nothing.
  const lint = (text: string, fileName: string) => lintCase(text, fileName);
  const once = settleFixes(c.text, c.fileName, lint, { renames: true });
  assert.ok(once.settled, `fix all did not settle within its passes on ${describeCase(c)}`);
  const twice = settleFixes(once.text, once.fileName, lint, { renames: true });
  assert.equal(twice.text, once.text, `--fix twice differs from --fix once on ${describeCase(c)}`);
  assert.equal(twice.fileName, once.fileName);
  assert.equal(twice.applied, 0, `a second --fix applied fixes on ${describeCase(c)}`);

  // The editor's "fix all" (one code action, applied on save): applying it to its own result
  // changes nothing more.
  const fixAllOnce = applyFixAll(post, diagnostics);
  const relinted = lintCase(fixAllOnce, c.fileName);
  assert.equal(
    applyFixAll(relinted.post, relinted.diagnostics),
    fixAllOnce,
    `fix all twice differs from fix all once on ${describeCase(c)}`,
  );
}

/** The text after the server's `source.fixAll.seminarPosts` action (the text itself without one). */
export function applyFixAll(post: Post, diagnostics: Diagnostic[]): string {
  const [action] = getCodeActions(post, {
    contextDiagnostics: [],
    diagnostics,
    only: [FIX_ALL_KIND],
    locale: 'en',
    support: { documentChanges: false, renameFiles: false, snippetEdits: false },
    settle: () =>
      settleFixes(
        post.text,
        post.fileName,
        (text, fileName) => (text === post.text ? { diagnostics, lines: post.lines } : lintCase(text, fileName)),
        { renames: false },
      ),
  });
  const edits = action?.edit?.changes?.[post.uri];
  return edits ? applyEdits(post.text, edits) : post.text;
}

/**
 * Checks, without `applyEdits`, that `fixed` is `text` with each edit's range replaced by its new
 * text and nothing else changed.
 */
function assertOnlyInsideEdits(text: string, edits: readonly TextEdit[], fixed: string, label: string): void {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let at = 0;
  let out = 0;
  for (const span of spans) {
    const kept = text.slice(at, span.start);
    assert.equal(fixed.slice(out, out + kept.length), kept, `${label} changed text outside its edits`);
    out += kept.length;
    assert.equal(fixed.slice(out, out + span.newText.length), span.newText, `${label} did not write its new text`);
    out += span.newText.length;
    at = span.end;
  }
  assert.equal(fixed.slice(out), text.slice(at), `${label} changed text after its edits`);
}

/** Parses and lints a case; `ms` is the CPU time it took. */
function timed(c: PostCase): { post: Post; diagnostics: Diagnostic[]; ms: number } {
  const t0 = process.cpuUsage();
  const result = lintCase(c.text, c.fileName);
  const { user, system } = process.cpuUsage(t0);
  return { ...result, ms: (user + system) / 1000 };
}

function assertInside(lines: LineIndex, range: Range, what: string): void {
  assert.ok(
    lines.contains(range),
    `${what} ${JSON.stringify(range)} is outside the document (${lines.lineCount} lines)`,
  );
  const ordered =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what} ${JSON.stringify(range)} ends before it starts`);
}

/** Calls `visit` on every range of the post model. */
function forEachRange(post: Post, visit: (range: Range, where: string) => void): void {
  const walk = (value: unknown, where: string): void => {
    if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof LineIndex) return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${where}[${i}]`));
      return;
    }
    const o = value as Record<string, unknown>;
    if (isRange(o)) visit(o as unknown as Range, where);
    for (const [key, v] of Object.entries(o)) if (key !== 'value' && key !== 'text') walk(v, `${where}.${key}`);
  };
  walk({ ...post, lines: undefined }, 'post');
}

function isRange(o: Record<string, unknown>): boolean {
  const s = o.start as Record<string, unknown> | undefined;
  return (
    typeof s?.line === 'number' &&
    typeof s.character === 'number' &&
    typeof (o.end as Record<string, unknown> | undefined)?.line === 'number'
  );
}

function fixesOf(diagnostic: Diagnostic): Fix[] {
  return (diagnostic.data as DiagnosticData | undefined)?.fixes ?? [];
}

function countByRule(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  return counts;
}

function countErrors(diagnostics: readonly Diagnostic[]): Map<string, number> {
  return countByRule(diagnostics.filter((d) => d.severity === 1));
}

/** A case in a form a person can read and replay. */
export function describeCase(c: PostCase): string {
  const text = c.text.length > 400 ? `${c.text.slice(0, 400)}... (${c.text.length} characters)` : c.text;
  return `${c.fileName}: ${JSON.stringify(text)}`;
}
