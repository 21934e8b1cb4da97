/**
 * Memory: the bundled server's resident set size after indexing a workspace of generated posts
 * (started on the site folder, timed until its status says `ready` with every post indexed),
 * read from /proc (Linux). Also the peak, and how long indexing took.
 */
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../test/protocol/support/lspClient';
import { now } from './stats';

/** What one memory run measured. */
export interface MemoryRun {
  /** Resident set size after indexing, MB. */
  rssMb: number;
  /** Peak resident set size so far, MB. */
  peakMb: number;
  /** From `initialized` to the `ready` status, ms. */
  indexMs: number;
  posts: number;
}

/** Reads `VmRSS` and `VmHWM` of a process, in MB. */
function residentMb(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Starts the server on `siteDir` (holding `posts` posts) and measures it once indexed. */
export async function measureMemory(siteDir: string, posts: number): Promise<MemoryRun> {
  const started = now();
  const client = await LspClient.start({ folders: [pathToFileURL(siteDir).toString()], waitLimitMs: 10 * 60_000 });
  try {
    const status = await client.waitForStatus((s) => s.state === 'ready' && s.posts >= posts);
    const indexMs = now() - started;
    const { rss, peak } = residentMb(client.process.pid!);
    if (process.env.BENCH_MEMORY_TRACE) {
      for (const delay of [1000, 3000, 10000]) {
        await new Promise((r) => setTimeout(r, delay));
        process.stderr.write(
          `[bench] rss after ${delay} ms more: ${residentMb(client.process.pid!).rss.toFixed(1)} MB\n`,
        );
      }
    }
    return { rssMb: rss, peakMb: peak, indexMs, posts: status.posts };
  } finally {
    await client.stop();
  }
}
