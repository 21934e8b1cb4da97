/**
 * Preview render: `seminarPosts/render` asked of the bundled server after each keystroke of the
 * typing script, timed from request to answer, and the first render of the post (cold). Where the
 * server does not answer that request (the preview's wiring not on this branch yet), `renderPost`
 * is timed in one process instead (`inprocess/render.ts`, bundled like the server), and the
 * result says so.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { LspClient } from '../test/protocol/support/lspClient';
import { REPO_ROOT } from './paths';
import { now } from './stats';
import { typingEdits } from './typingScript';

/** What one render run measured. */
export interface RenderRun {
  /** `lsp`: the server's `seminarPosts/render`; `in-process`: `renderPost` alone. */
  via: 'lsp' | 'in-process';
  /** The first render of the post, caches empty. */
  cold: number;
  /** A render after each keystroke. */
  warm: number[];
}

const METHOD_NOT_FOUND = -32601;

/** Renders the post `text` (written to the site's `_posts/fileName`) cold, then after `edits` keystrokes. */
export async function measureRender(
  siteDir: string,
  fileName: string,
  text: string,
  edits: number,
): Promise<RenderRun> {
  const file = path.join(siteDir, '_posts', fileName);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  return (await overLsp(siteDir, uri, text, edits)) ?? (await inProcess(uri, text, edits));
}

async function overLsp(siteDir: string, uri: string, text: string, edits: number): Promise<RenderRun | undefined> {
  const client = await LspClient.start({ folders: [pathToFileURL(siteDir).toString()] });
  try {
    await client.waitForStatus((status) => status.state === 'ready');
    await client.open(uri, text, 1);
    await client.diagnosticsAt(uri, 1);
    const render = async () => {
      const started = now();
      const answer = await client.connection.sendRequest<{ html?: unknown; refused?: string }>('seminarPosts/render', {
        textDocument: { uri },
      });
      const ms = now() - started;
      if (typeof answer?.html !== 'string')
        throw new Error(`seminarPosts/render rendered nothing: ${JSON.stringify(answer).slice(0, 300)}`);
      return ms;
    };
    let cold: number;
    try {
      cold = await render();
    } catch (error) {
      if ((error as { code?: number }).code === METHOD_NOT_FOUND) return undefined;
      throw error;
    }
    const warm: number[] = [];
    let version = 1;
    for (const change of typingEdits(text, edits)) {
      await client.change(uri, ++version, [change]);
      await client.diagnosticsAt(uri, version);
      warm.push(await render());
    }
    return { via: 'lsp', cold, warm };
  } finally {
    await client.stop();
  }
}

let bundled: string | undefined;

async function inProcess(uri: string, text: string, edits: number): Promise<RenderRun> {
  if (!bundled) {
    bundled = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-bench-')), 'render.js');
    // The options of scripts/build.mjs, so that the code timed is the code the server runs.
    await esbuild.build({
      entryPoints: [path.join(REPO_ROOT, 'bench', 'inprocess', 'render.ts')],
      outfile: bundled,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      mainFields: ['module', 'main'],
      logLevel: 'warning',
    });
  }
  const result = spawnSync(process.execPath, [bundled], {
    input: JSON.stringify({ uri, text, edits }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`the in-process render failed: ${result.stderr}`);
  const { cold, warm } = JSON.parse(result.stdout) as { cold: number; warm: number[] };
  return { via: 'in-process', cold, warm };
}
