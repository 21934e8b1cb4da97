/**
 * The preview render timed in one process, for a main branch whose server does not answer
 * `seminarPosts/render` yet: bundled by esbuild like the server (`bench/render.ts` does it), run
 * by Node, given `{ file, text, edits }` as JSON on stdin, printing the timings as JSON.
 *
 * Per post: a cold render (every cache empty: what opening the preview costs), then one render
 * after each keystroke of the typing benchmark's phrase (the post parsed first, as validation
 * has done by then; only `renderPost` is timed).
 */
import * as fs from 'node:fs';
import { ParseCache, parsePost } from '../../server/src/core/parse/parsePost';
import { RenderCache, renderPost } from '../../server/src/core/render/renderPost';
import { typedVersions } from '../typingScript';

const { uri, text, edits } = JSON.parse(fs.readFileSync(0, 'utf8')) as { uri: string; text: string; edits: number };

// Empty caches, as the post service's are when the preview opens.
const parts = new ParseCache();
const cache = new RenderCache();
let post = parsePost(text, uri, 1, { cache: parts });
let started = performance.now();
const html = renderPost(post, { cache }).html.length;
const cold = performance.now() - started;

const warm: number[] = [];
let version = 1;
for (const typed of typedVersions(text, edits)) {
  post = parsePost(typed, uri, ++version, { cache: parts });
  started = performance.now();
  renderPost(post, { cache });
  warm.push(performance.now() - started);
}
process.stdout.write(JSON.stringify({ cold, warm, html }) + '\n');
