/**
 * Typing latency over real LSP: the bundled server (`server/out/server.js --stdio`) gets a post
 * opened, then one-character edits (`didChange`, incremental, as VS Code sends them: see
 * `typingScript.ts`); each time is from sending the edit to receiving the diagnostics published
 * for that version. A few warm-up keystrokes run first (the server has been running for a while
 * when a user types) and are not counted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../test/protocol/support/lspClient';
import { now } from './stats';
import { typingEdits } from './typingScript';

/** What one typing run measured. */
export interface TypingRun {
  /** Milliseconds from each `didChange` to its diagnostics. */
  latencies: number[];
  /** Milliseconds from `didOpen` to the first diagnostics. */
  open: number;
  /** Diagnostics of the post as opened. */
  diagnostics: number;
}

/**
 * Opens `text` as `fileName` in `_posts/` of the site `siteDir` (written there first), types
 * `warmup + edits` keystrokes and returns the latencies of the last `edits`.
 */
export async function measureTyping(
  siteDir: string,
  fileName: string,
  text: string,
  edits: number,
  warmup: number,
  execArgv: string[] = [],
): Promise<TypingRun> {
  const file = path.join(siteDir, '_posts', fileName);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  const client = await LspClient.start({ folders: [pathToFileURL(siteDir).toString()], execArgv });
  try {
    await client.waitForStatus((status) => status.state === 'ready');
    let version = 1;
    const opened = now();
    await client.open(uri, text, version);
    const first = await client.diagnosticsAt(uri, version);
    const open = now() - opened;

    const latencies: number[] = [];
    let i = 0;
    for (const change of typingEdits(text, warmup + edits)) {
      version++;
      const sent = now();
      await client.change(uri, version, [change]);
      await client.diagnosticsAt(uri, version);
      if (i++ >= warmup) latencies.push(now() - sent);
    }
    return { latencies, open, diagnostics: first.length };
  } finally {
    await client.stop();
  }
}
