/**
 * `npm run bench`: every performance figure of the product, each the median of several runs,
 * written to BENCHMARKS.md beside its target (see `report.ts`).
 *
 *     npm run bench                    # the full benchmark (4-6 minutes on 2 cores): BENCHMARKS.md
 *     npm run bench -- --smoke         # every figure on small inputs, once (about a minute; CI runs it)
 *     npm run bench -- --only cli,typing --out /tmp/b.md
 *
 * The smoke mode judges no speed: it fails only when a figure is not produced, so that the
 * benchmark cannot rot. Figures: cli, typing, render, memory, seminar, startup, editor.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { countProblems, measureCli } from './cli';
import { measureEditor } from './editor';
import { generateLongPost, writeSite } from './generate';
import { measureMemory } from './memory';
import { LARGEST_PUBLISHED_POST, REPO_ROOT } from './paths';
import { measureRender } from './render';
import { measureSeminar } from './seminar';
import { FIGURES, missingFigures, renderReport, type BenchPost, type Figure, type Results } from './report';
import { loadAverage, progress } from './stats';
import { measureActivation, measureVsix, restoreDevelopmentBuild } from './startup';
import { measureTyping } from './typing';

interface Options {
  smoke: boolean;
  out: string | undefined;
  only: Set<Figure>;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { smoke: false, out: undefined, only: new Set(FIGURES) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--smoke') options.smoke = true;
    else if (arg === '--out') options.out = argv[++i];
    else if (arg === '--only') {
      const names = (argv[++i] ?? '').split(',');
      const unknown = names.filter((name) => !(FIGURES as readonly string[]).includes(name));
      if (unknown.length) throw new Error(`unknown figure ${unknown.join(', ')}; figures: ${FIGURES.join(', ')}`);
      options.only = new Set(names as Figure[]);
    } else
      throw new Error(
        `unknown argument ${arg}; usage: npm run bench -- [--smoke] [--out FILE] [--only ${FIGURES.join(',')}]`,
      );
  }
  return options;
}

/** Sizes of the inputs and numbers of runs, full and smoke. */
const SIZES = {
  full: {
    posts: 1000,
    longLines: 5000,
    cliRuns: 5,
    edits: 200,
    warmup: 20,
    typingRuns: 3,
    renderEdits: 50,
    renderRuns: 3,
    memoryRuns: 3,
    seminarRuns: 3,
    activationRuns: 3,
    editorRuns: 2,
    editorRounds: 30,
  },
  smoke: {
    posts: 30,
    longLines: 5000,
    cliRuns: 1,
    edits: 20,
    warmup: 5,
    typingRuns: 1,
    renderEdits: 5,
    renderRuns: 1,
    memoryRuns: 1,
    seminarRuns: 1,
    activationRuns: 1,
    editorRuns: 1,
    editorRounds: 3,
  },
};

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const sizes = options.smoke ? SIZES.smoke : SIZES.full;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-bench-'));
  const results: Results = {
    mode: options.smoke ? 'smoke' : 'full',
    started: new Date(),
    seconds: 0,
    loadAtStart: loadAverage(),
    figures: options.only,
    errors: [],
  };
  const t0 = Date.now();
  const run = async (figure: Figure, body: () => Promise<void> | void) => {
    if (!options.only.has(figure)) return;
    const started = Date.now();
    progress(`${figure}: started (load average ${loadAverage().toFixed(2)})`);
    try {
      await body();
    } catch (error) {
      results.errors.push(`${figure}: ${error instanceof Error ? error.message : String(error)}`);
      progress(`${figure}: FAILED: ${error instanceof Error ? error.stack : String(error)}`);
    }
    progress(`${figure}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };

  try {
    if (!fs.existsSync(path.join(REPO_ROOT, 'server', 'out', 'server.js'))) restoreDevelopmentBuild();
    const site = path.join(work, 'site');
    const files = writeSite(site, sizes.posts);
    results.site = { posts: files.length, bytes: files.reduce((n, f) => n + fs.statSync(f).size, 0) };
    progress(`generated ${files.length} posts (${(results.site.bytes / 1e6).toFixed(1)} MB) in ${site}`);
    const posts = benchPosts(sizes.longLines);
    results.posts = posts.map(({ label, fileName, lines, bytes, note }) => ({
      label,
      fileName,
      lines,
      bytes,
      note,
      text: '',
    }));

    await run('cli', () => {
      results.cli = {
        rounds: measureCli(site, sizes.cliRuns),
        problems: options.smoke ? undefined : countProblems(site),
      };
    });
    /** `runs` measurements of each post that is there, each with the load average it started at. */
    const perPost = async <T>(runs: number, measure: (post: BenchPost & { text: string }) => Promise<T>) => {
      const out: { post: BenchPost['label']; runs: (T & { load: number })[] }[] = [];
      for (const post of posts.filter((p) => p.text)) {
        const measured: (T & { load: number })[] = [];
        for (let i = 0; i < runs; i++) {
          const load = loadAverage();
          measured.push({ ...(await measure(post)), load });
        }
        out.push({ post: post.label, runs: measured });
      }
      return out;
    };
    await run('typing', async () => {
      results.typing = await perPost(sizes.typingRuns, (post) =>
        measureTyping(path.join(work, 'typing'), post.fileName, post.text, sizes.edits, sizes.warmup),
      );
    });
    await run('render', async () => {
      results.render = await perPost(sizes.renderRuns, (post) =>
        measureRender(path.join(work, 'render'), post.fileName, post.text, sizes.renderEdits),
      );
    });
    await run('memory', async () => {
      const runs = [];
      for (let i = 0; i < sizes.memoryRuns; i++)
        runs.push({ ...(await measureMemory(site, files.length)), load: loadAverage() });
      results.memory = { runs };
    });
    await run('seminar', async () => {
      const runs = [];
      for (let i = 0; i < sizes.seminarRuns; i++)
        runs.push({ ...(await measureSeminar(site, files.length)), load: loadAverage() });
      results.seminar = { runs };
    });
    await run('startup', () => {
      try {
        const vsix = measureVsix();
        const runs = [];
        for (let i = 0; i < sizes.activationRuns; i++) runs.push(measureActivation());
        results.startup = { runs, vsix };
      } finally {
        restoreDevelopmentBuild();
      }
    });
    await run('editor', () => {
      // It types into the largest published post; without ../shared/corpus the post's note says why not.
      if (!fs.existsSync(LARGEST_PUBLISHED_POST)) return;
      const runs = [];
      for (let i = 0; i < sizes.editorRuns; i++) runs.push(measureEditor(sizes.editorRounds));
      results.editor = { runs };
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }

  results.seconds = (Date.now() - t0) / 1000;
  const report = renderReport(results, notes());
  process.stdout.write(report);
  const out =
    options.out ??
    (options.smoke || options.only.size < FIGURES.length ? undefined : path.join(REPO_ROOT, 'BENCHMARKS.md'));
  if (out) {
    fs.writeFileSync(out, report);
    progress(`wrote ${path.relative(process.cwd(), out) || out}`);
  }
  const missing = missingFigures(results);
  if (missing.length || results.errors.length) {
    progress(`not every figure was produced: ${[...missing, ...results.errors].join('; ')}`);
    return 1;
  }
  progress(
    `every figure produced in ${results.seconds.toFixed(0)} s${options.smoke ? ' (smoke mode: no target judged)' : ''}`,
  );
  return 0;
}

/** The posts of the typing and preview figures: the largest published post (when present) and a long generated one. */
function benchPosts(longLines: number): (BenchPost & { text: string })[] {
  const posts: (BenchPost & { text: string })[] = [];
  const describe = (text: string) => ({ lines: text.split('\n').length, bytes: Buffer.byteLength(text) });
  if (fs.existsSync(LARGEST_PUBLISHED_POST)) {
    const text = fs.readFileSync(LARGEST_PUBLISHED_POST, 'utf8');
    posts.push({
      label: 'published',
      fileName: path.basename(LARGEST_PUBLISHED_POST),
      text,
      note: undefined,
      ...describe(text),
    });
  } else {
    posts.push({
      label: 'published',
      fileName: path.basename(LARGEST_PUBLISHED_POST),
      text: '',
      lines: 0,
      bytes: 0,
      note: `skipped: ${LARGEST_PUBLISHED_POST} is absent (the real corpus lives beside the repository)`,
    });
  }
  const long = generateLongPost(longLines);
  posts.push({ label: 'long', fileName: long.fileName, text: long.text, note: undefined, ...describe(long.text) });
  return posts;
}

/** The hand-written analysis kept with the benchmark (`bench/notes.md`), put under the figures. */
function notes(): string {
  const file = path.join(REPO_ROOT, 'bench', 'notes.md');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[bench] unexpected error:', error);
    process.exit(2);
  },
);
