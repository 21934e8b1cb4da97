/**
 * What an author feels, measured in the real VS Code for `npm run bench` (its `editor` figure):
 * on the largest real post (the 3rd-quarter post of 2020, from `../shared/corpus`), the time from
 * Open Preview to the Side to the page's first report (cold: the first preview of this window;
 * warm: closed and opened again), from a keystroke to the page showing that version, and from a
 * keystroke to its squiggle (the diagnostics VS Code holds for the post change). Each time is
 * taken on VS Code's and the extension's events, never on sleeps.
 *
 * It runs only when the benchmark asks for it ({@link BENCH_OUT_VARIABLE} names the JSON file to
 * write): the rest of the suite tests behaviour, and its own keystroke figure stays in
 * `preview.test.ts`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PreviewState } from '../../client/src/preview/previewManager';
import { ruleId } from './support/diagnostics';
import { deleteFile } from './support/editing';
import { closeEditorsAndPreviews, waitForPreview } from './support/preview';
import { EXTENSION_ID, siteUri } from './support/site';

/** The file the figures are written to (JSON), set by `bench/editor.ts`. */
const BENCH_OUT_VARIABLE = 'SEMINAR_POSTS_EDITOR_BENCH';
/** Rounds of each repeated figure. */
const ROUNDS_VARIABLE = 'SEMINAR_POSTS_EDITOR_BENCH_ROUNDS';

/** What the benchmark reads back. */
export interface EditorFigures {
  post: string;
  lines: number;
  openColdMs: number;
  openWarmMs: number[];
  keystrokeToPreviewMs: number[];
  keystrokeToSquiggleMs: number[];
}

/** Resolves with the ms from `start` until the post's diagnostics satisfy `until`. */
function diagnosticsAfter(
  uri: vscode.Uri,
  until: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  start: number,
  what: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      if (!until(vscode.languages.getDiagnostics(uri))) return false;
      subscription.dispose();
      clearTimeout(timer);
      resolve(performance.now() - start);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after 30 s waiting for ${what}`));
    }, 30_000);
  });
}

describe('editor speed (for npm run bench)', function () {
  this.timeout(10 * 60_000);
  const out = process.env[BENCH_OUT_VARIABLE];
  const rounds = Math.max(1, Number(process.env[ROUNDS_VARIABLE]) || 20);

  before(function () {
    if (!out) this.skip();
  });

  it('measures preview open, keystroke to preview and keystroke to squiggle on the largest real post', async function () {
    const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const source = path.resolve(extensionPath, '..', 'shared', 'corpus', 'published', '2020-07-02-3rd_quarter.md');
    if (!fs.existsSync(source)) throw new Error(`${source} is absent: the editor figures need ../shared/corpus`);
    const uri = siteUri('_posts/2020-07-02-3rd_quarter.md');
    const text = fs.readFileSync(source, 'utf8');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    try {
      const editor = await vscode.window.showTextDocument(uri);
      const document = editor.document;
      const showing = (state: PreviewState) => state.uri === uri.toString() && state.version === document.version;

      const open = async (): Promise<number> => {
        const start = performance.now();
        const shown = waitForPreview(showing, 'the opened preview', { timeoutMs: 60_000 });
        await vscode.commands.executeCommand('seminarPosts.openPreviewToSide');
        await shown;
        return performance.now() - start;
      };
      const closePreviews = async (): Promise<void> => {
        for (const group of vscode.window.tabGroups.all) {
          const previews = group.tabs.filter((tab) => tab.input instanceof vscode.TabInputWebview);
          if (previews.length) await vscode.window.tabGroups.close(previews);
        }
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
      };

      const openColdMs = await open();
      const openWarmMs: number[] = [];
      for (let i = 0; i < Math.min(rounds, 10); i++) {
        await closePreviews();
        openWarmMs.push(await open());
      }

      // One keystroke at the end of a section's title, then the page showing that version.
      const line = document
        .getText()
        .split('\n')
        .findIndex((l) => l.startsWith('# Gate Decorator'));
      assert.ok(line > 0, 'the Gate Decorator section');
      const keystrokeToPreviewMs: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const shown = waitForPreview(
          (s) => showing(s) && s.sinceLastChange !== undefined,
          `the keystroke of round ${i + 1}`,
          { timeoutMs: 30_000 },
        );
        assert.ok(await editor.edit((b) => b.insert(document.lineAt(line).range.end, 'x')), 'keystroke');
        keystrokeToPreviewMs.push((await shown).sinceLastChange!);
      }

      // A keystroke that makes a problem (the title misspelled), then one that takes it away.
      const titleLine = document
        .getText()
        .split('\n')
        .findIndex((l) => l.startsWith('title:'));
      const hasTitleProblem = (d: readonly vscode.Diagnostic[]) => d.some((x) => ruleId(x) === 'title-format');
      const keystrokeToSquiggleMs: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const adding = i % 2 === 0;
        const start = performance.now();
        const seen = diagnosticsAfter(uri, (d) => hasTitleProblem(d) === adding, start, `round ${i + 1}'s squiggle`);
        const end = document.lineAt(titleLine).range.end;
        assert.ok(
          await editor.edit((b) =>
            adding
              ? b.insert(end.translate(0, -1), 'x')
              : b.delete(new vscode.Range(end.translate(0, -2), end.translate(0, -1))),
          ),
          'keystroke in the title',
        );
        keystrokeToSquiggleMs.push(await seen);
      }

      const figures: EditorFigures = {
        post: path.basename(source),
        lines: text.split('\n').length,
        openColdMs,
        openWarmMs,
        keystrokeToPreviewMs,
        keystrokeToSquiggleMs,
      };
      fs.writeFileSync(out!, JSON.stringify(figures, null, 2));
      await vscode.workspace.applyEdit(
        (() => {
          const edit = new vscode.WorkspaceEdit();
          edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text);
          return edit;
        })(),
      );
      assert.ok(await document.save(), 'could not save the restored post');
    } finally {
      await closeEditorsAndPreviews();
      await deleteFile(uri);
    }
  });
});
