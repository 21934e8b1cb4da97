/**
 * BENCHMARKS.md: the machine, the versions, the command, then every figure as the median of its
 * runs beside its target, then each run with the load average it met, then the notes.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI_COMMANDS, type CliRound } from './cli';
import type { MemoryRun } from './memory';
import { REPO_ROOT } from './paths';
import type { RenderRun } from './render';
import type { SeminarRun } from './seminar';
import type { EditorRun } from './editor';
import type { ActivationRun } from './startup';
import { fixed, median, percentile } from './stats';
import type { TypingRun } from './typing';

export const FIGURES = ['cli', 'typing', 'render', 'memory', 'seminar', 'startup', 'editor'] as const;
export type Figure = (typeof FIGURES)[number];

/** A post of the typing and preview figures. */
export interface BenchPost {
  label: 'published' | 'long';
  fileName: string;
  lines: number;
  bytes: number;
  /** Why it was skipped, if it was. */
  note: string | undefined;
}

type WithLoad<T> = T & { load: number };

/** Everything one `npm run bench` measured. */
export interface Results {
  mode: 'full' | 'smoke';
  started: Date;
  seconds: number;
  loadAtStart: number;
  figures: ReadonlySet<Figure>;
  errors: string[];
  site?: { posts: number; bytes: number };
  posts?: BenchPost[];
  cli?: { rounds: CliRound[]; problems: { ours: number; markdownlint: number } | undefined };
  typing?: { post: BenchPost['label']; runs: WithLoad<TypingRun>[] }[];
  render?: { post: BenchPost['label']; runs: WithLoad<RenderRun>[] }[];
  memory?: { runs: WithLoad<MemoryRun>[] };
  seminar?: { runs: WithLoad<SeminarRun>[] };
  startup?: { runs: ActivationRun[]; vsix: { bytes: number; files: number } };
  editor?: { runs: EditorRun[] };
}

/** One line of the summary table. */
interface Row {
  figure: string;
  target: string;
  value: number | undefined;
  shown: string;
  met: boolean | undefined;
}

const TARGETS = {
  cliRatio: 0.5,
  typingP95: { published: 2, long: 10 },
  renderP95: { published: 10, long: 100 },
  rssMb: 150,
  seminarFillMs: 1000,
  activationMs: 50,
  previewOpenMs: { cold: 500, warm: 150 },
  keystrokeToPreviewMs: { p50: 60, p95: 120 },
  vsixBytes: 1024 * 1024,
};

const POST_NAMES = { published: 'the largest published post', long: 'a generated 5,000-line post' };

/** The summary rows, in the order of the issue. */
function rows(results: Results): Row[] {
  const out: Row[] = [];
  const add = (figure: string, target: string, value: number | undefined, shown: string, met: (v: number) => boolean) =>
    out.push({
      figure,
      target,
      value,
      shown,
      met: value === undefined || !Number.isFinite(value) ? undefined : met(value),
    });

  if (results.figures.has('cli')) {
    const ratio = results.cli
      ? median(results.cli.rounds.map((r) => r.times['seminar-posts'] / r.times['markdownlint-cli2']))
      : undefined;
    add(
      `CLI: \`seminar-posts lint\` / \`markdownlint-cli2\` wall time, ${results.site?.posts ?? '?'} posts`,
      `≤ ${TARGETS.cliRatio}`,
      ratio,
      fixed(ratio, 2),
      (v) => v <= TARGETS.cliRatio,
    );
  }
  for (const label of ['published', 'long'] as const) {
    if (!results.figures.has('typing')) break;
    const runs = results.typing?.find((t) => t.post === label)?.runs;
    const p95 = runs && median(runs.map((r) => percentile(r.latencies, 0.95)));
    const p50 = runs && median(runs.map((r) => percentile(r.latencies, 0.5)));
    add(
      `Typing: \`didChange\` to diagnostics, p95 (p50), ${POST_NAMES[label]}`,
      `p95 ≤ ${TARGETS.typingP95[label]} ms`,
      p95,
      `${fixed(p95, 2)} ms (${fixed(p50, 2)} ms)`,
      (v) => v <= TARGETS.typingP95[label],
    );
  }
  for (const label of ['published', 'long'] as const) {
    if (!results.figures.has('render')) break;
    const runs = results.render?.find((t) => t.post === label)?.runs;
    const p95 = runs && median(runs.map((r) => percentile(r.warm, 0.95)));
    const p50 = runs && median(runs.map((r) => percentile(r.warm, 0.5)));
    const via = runs?.[0]?.via === 'in-process' ? ', `renderPost` in process' : ', `seminarPosts/render`';
    add(
      `Preview render after a keystroke, p95 (p50), ${POST_NAMES[label]}${via}`,
      `≤ ${TARGETS.renderP95[label]} ms`,
      p95,
      `${fixed(p95, 2)} ms (${fixed(p50, 2)} ms)`,
      (v) => v <= TARGETS.renderP95[label],
    );
  }
  for (const label of ['published', 'long'] as const) {
    if (!results.figures.has('render')) break;
    const runs = results.render?.find((t) => t.post === label)?.runs;
    const cold = runs && median(runs.map((r) => r.cold));
    add(
      `Preview first render (every cache empty), ${POST_NAMES[label]}`,
      `≤ ${TARGETS.renderP95[label]} ms`,
      cold,
      `${fixed(cold, 1)} ms`,
      (v) => v <= TARGETS.renderP95[label],
    );
  }
  if (results.figures.has('memory')) {
    const rss = results.memory && median(results.memory.runs.map((r) => r.rssMb));
    add(
      `Memory: server RSS after indexing ${results.site?.posts ?? '?'} posts`,
      `< ${TARGETS.rssMb} MB`,
      rss,
      `${fixed(rss, 1)} MB`,
      (v) => v < TARGETS.rssMb,
    );
  }
  if (results.figures.has('seminar')) {
    const runs = results.seminar?.runs;
    const fill = runs && median(runs.map((r) => r.fillMs));
    add(
      `Seminar view: filled after indexing (request, store, grouping), ${results.site?.posts ?? '?'} posts`,
      `< ${TARGETS.seminarFillMs} ms`,
      fill,
      `${fixed(fill, 1)} ms`,
      (v) => v < TARGETS.seminarFillMs,
    );
    const rss = runs && median(runs.map((r) => r.rssMb));
    add(
      'Memory: server RSS after the workspace check, the Seminar view, statistics and `workspace/diagnostic`',
      `< ${TARGETS.rssMb} MB`,
      rss,
      `${fixed(rss, 1)} MB`,
      (v) => v < TARGETS.rssMb,
    );
  }
  if (results.figures.has('startup')) {
    const runs = results.startup?.runs;
    const total = runs && median(runs.map((r) => r.load + r.activate));
    const activate = runs && median(runs.map((r) => r.activate));
    add(
      'Startup: activation (bundle load + `activate()`), in VS Code',
      `< ${TARGETS.activationMs} ms`,
      total,
      `${fixed(total, 1)} ms (\`activate()\` ${fixed(activate, 2)} ms)`,
      (v) => v < TARGETS.activationMs,
    );
    const bytes = results.startup?.vsix.bytes;
    add(
      'Size: the VSIX (`npm run package`)',
      '< 1 MB',
      bytes,
      `${fixed(bytes === undefined ? undefined : bytes / 1024, 0)} KB`,
      (v) => v < TARGETS.vsixBytes,
    );
  }
  if (results.figures.has('editor')) {
    const runs = results.editor?.runs;
    const all = (pick: (run: EditorRun) => number[]) => (runs ? runs.flatMap(pick) : []);
    const post = 'the largest published post, in VS Code (code-server)';
    const cold = runs && median(runs.map((r) => r.openColdMs));
    add(
      `Preview open, cold (the window's first preview): command to the page's first report, ${post}`,
      `< ${TARGETS.previewOpenMs.cold} ms`,
      cold,
      `${fixed(cold, 0)} ms`,
      (v) => v < TARGETS.previewOpenMs.cold,
    );
    const warm = runs && median(all((r) => r.openWarmMs));
    add(
      `Preview open, warm (closed and opened again), median, ${post}`,
      `< ${TARGETS.previewOpenMs.warm} ms`,
      warm,
      `${fixed(warm, 0)} ms`,
      (v) => v < TARGETS.previewOpenMs.warm,
    );
    const typed = all((r) => r.keystrokeToPreviewMs);
    const p50 = typed.length ? percentile(typed, 0.5) : undefined;
    const p95 = typed.length ? percentile(typed, 0.95) : undefined;
    add(
      `Keystroke to the preview showing it, p50 (p95), ${post}`,
      `p50 < ${TARGETS.keystrokeToPreviewMs.p50} ms, p95 < ${TARGETS.keystrokeToPreviewMs.p95} ms`,
      p50,
      `${fixed(p50, 0)} ms (${fixed(p95, 0)} ms)`,
      (v) => v < TARGETS.keystrokeToPreviewMs.p50 && (p95 ?? Infinity) < TARGETS.keystrokeToPreviewMs.p95,
    );
    const squiggles = all((r) => r.keystrokeToSquiggleMs);
    const s50 = squiggles.length ? percentile(squiggles, 0.5) : undefined;
    add(
      `Keystroke to its squiggle (VS Code's diagnostics of the post change), p50 (p95), ${post}`,
      '(measured)',
      s50,
      `${fixed(s50, 0)} ms (${fixed(squiggles.length ? percentile(squiggles, 0.95) : undefined, 0)} ms)`,
      () => true,
    );
  }
  return out;
}

/** The figures asked for but not produced (a number missing or not finite). */
export function missingFigures(results: Results): string[] {
  return rows(results)
    .filter((row) => row.value === undefined || !Number.isFinite(row.value))
    .filter(
      (row) =>
        !(row.figure.includes(POST_NAMES.published) && results.posts?.find((p) => p.label === 'published')?.note),
    )
    .map((row) => row.figure);
}

/** The whole report, as Markdown. */
export function renderReport(results: Results, notes: string): string {
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  const smoke = results.mode === 'smoke';
  push('# Benchmarks', '');
  push(
    smoke
      ? '**Smoke run**: small inputs, one run each. It shows that every figure is produced; its numbers are not the figures.'
      : 'Written by `npm run bench` (about 5 minutes). Each figure is the median of its runs; the runs follow, each with the ' +
          'load average (1 minute) it met. Run it on a quiet machine: on a shared one the load shows beside each run.',
    '',
  );
  push(
    `Run ${results.started.toISOString()} (${results.seconds.toFixed(0)} s), load average at start ${results.loadAtStart.toFixed(2)}.`,
    '',
  );
  push('| Figure | Target | Result | Met |', '| --- | --- | --- | --- |');
  for (const row of rows(results)) {
    push(
      `| ${row.figure} | ${row.target} | ${row.shown} | ${row.met === undefined ? 'not measured' : smoke ? '(smoke)' : row.met ? 'yes' : '**no**'} |`,
    );
  }
  push('');
  for (const post of results.posts ?? []) if (post.note) push(`- ${POST_NAMES[post.label]}: ${post.note}`);
  for (const error of results.errors) push(`- **failed**: ${error}`);
  push(
    '',
    '## Reproduce',
    '',
    '```sh',
    'npm ci',
    'npm run bench            # writes BENCHMARKS.md',
    'npm run bench -- --smoke # every figure once, on small inputs (CI)',
    '```',
    '',
  );
  push('## Machine and versions', '', ...machine(), '');
  push('## Runs', '', ...details(results));
  if (notes.trim()) push('', notes.trim());
  return lines.join('\n') + '\n';
}

function machine(): string[] {
  const cpus = os.cpus();
  const version = (pkg: string) => {
    try {
      return (
        JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version;
    } catch {
      return '?';
    }
  };
  let commit = '?';
  try {
    commit = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  const product = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  return [
    `- Machine: ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`,
    `- Node ${process.versions.node}; seminar-posts ${product} (${commit}); markdownlint-cli2 ${version('markdownlint-cli2')} ` +
      `(markdownlint ${version('markdownlint')}); micromark ${version('micromark')}; remark-parse ${version('remark-parse')}; ` +
      `code-server ${version('code-server') === '?' ? '4.100.3' : version('code-server')} with Debian's Chromium`,
  ];
}

function details(results: Results): string[] {
  const out: string[] = [];
  if (results.cli) {
    const site = results.site!;
    out.push(
      `### CLI throughput`,
      '',
      `${site.posts} generated posts (\`bench/generate.ts\`: nine paper sections each, presenter lines, ` +
        `image blocks, Korean bullets), ${(site.bytes / 1e6).toFixed(1)} MB. Wall time of each command from spawn to exit, output to ` +
        '/dev/null; markdownlint-cli2 with its default configuration (`_posts/*.md`). The floors: a Node process that reads the ' +
        "files, and one that also runs micromark's tokenizer (with `$$` math) over each (`bench/floor.mjs`).",
      '',
    );
    out.push(
      `| Run | Load | ${CLI_COMMANDS.join(' | ')} | Ratio |`,
      `| --- | --- | ${CLI_COMMANDS.map(() => '---').join(' | ')} | --- |`,
    );
    results.cli.rounds.forEach((round, i) =>
      out.push(
        `| ${i + 1} | ${fixed(round.load, 2)} | ${CLI_COMMANDS.map((c) => `${fixed(round.times[c], 0)} ms`).join(' | ')} | ` +
          `${fixed(round.times['seminar-posts'] / round.times['markdownlint-cli2'], 2)} |`,
      ),
    );
    out.push(
      `| median | | ${CLI_COMMANDS.map((c) => `${fixed(median(results.cli!.rounds.map((r) => r.times[c])), 0)} ms`).join(' | ')} | |`,
      '',
    );
    if (results.cli.problems)
      out.push(
        `Problems reported: seminar-posts ${results.cli.problems.ours}, markdownlint-cli2 ${results.cli.problems.markdownlint}.`,
        '',
      );
  }
  const postLine = (label: BenchPost['label']) => {
    const post = results.posts?.find((p) => p.label === label);
    return post
      ? `${POST_NAMES[label]} (\`${post.fileName}\`, ${post.lines} lines, ${(post.bytes / 1024).toFixed(0)} KB)`
      : POST_NAMES[label];
  };
  if (results.typing) {
    out.push(
      '### Typing latency',
      '',
      'The bundled server over stdio (`server/out/server.js --stdio`). Keystrokes typed at the end of the first ' +
        'bullet of the middle section, a backspace every tenth (`bench/typingScript.ts`), each an incremental `didChange`; time from ' +
        'sending it to the diagnostics published for its version. Warm-up keystrokes not counted.',
      '',
    );
    out.push(
      '| Post | Run | Load | Keystrokes | p50 | p95 | max | First diagnostics after didOpen |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const { post, runs } of results.typing) {
      runs.forEach((run, i) =>
        out.push(
          `| ${postLine(post)} | ${i + 1} | ${fixed(run.load, 2)} | ${run.latencies.length} | ${fixed(percentile(run.latencies, 0.5), 2)} ms | ` +
            `${fixed(percentile(run.latencies, 0.95), 2)} ms | ${fixed(Math.max(...run.latencies), 1)} ms | ${fixed(run.open, 1)} ms |`,
        ),
      );
    }
    out.push('');
  }
  if (results.render) {
    const via = results.render[0]?.runs[0]?.via;
    out.push(
      '### Preview render',
      '',
      via === 'lsp'
        ? '`seminarPosts/render` asked of the bundled server after each keystroke of the typing script (time from request to answer), and the first render.'
        : "The server on this branch does not answer `seminarPosts/render` yet (the preview's wiring is another issue), so `renderPost` is " +
            'timed in one process (`bench/inprocess/render.ts`, bundled like the server): the first render with every cache empty, then ' +
            'a render after each keystroke of the typing script (the post parsed first, as validation has by then).',
      '',
    );
    out.push(
      '| Post | Run | Load | Renders | p50 | p95 | First render |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const { post, runs } of results.render) {
      runs.forEach((run, i) =>
        out.push(
          `| ${postLine(post)} | ${i + 1} | ${fixed(run.load, 2)} | ${run.warm.length} | ${fixed(percentile(run.warm, 0.5), 2)} ms | ` +
            `${fixed(percentile(run.warm, 0.95), 2)} ms | ${fixed(run.cold, 1)} ms |`,
        ),
      );
    }
    out.push('');
  }
  if (results.memory) {
    out.push(
      '### Memory',
      '',
      `The bundled server started on the site of the CLI figure (${results.site?.posts} posts), measured when its status says ` +
        '`ready` with every post indexed: VmRSS and VmHWM (peak) from /proc.',
      '',
    );
    out.push('| Run | Load | Posts indexed | Indexing | RSS | Peak RSS |', '| --- | --- | --- | --- | --- | --- |');
    results.memory.runs.forEach((run, i) =>
      out.push(
        `| ${i + 1} | ${fixed(run.load, 2)} | ${run.posts} | ${fixed(run.indexMs / 1000, 1)} s | ` +
          `${fixed(run.rssMb, 1)} MB | ${fixed(run.peakMb, 1)} MB |`,
      ),
    );
    out.push('');
  }
  if (results.seminar) {
    out.push(
      "### Seminar view and every post's problems",
      '',
      `The bundled server started on the same site (${results.site?.posts} posts) by a client that ` +
        'pulls diagnostics, measured once indexing and its "Checking seminar posts" progress have ended: `seminarPosts/seminar` answered and ' +
        "applied to the view's store and grouped (the extension's own code; VS Code's drawing not included), the same with `since` (nothing " +
        'changed), `seminarPosts/statistics`, `workspace/diagnostic` whole and again with its result ids, then VmRSS and VmHWM.',
      '',
    );
    out.push(
      '| Run | Load | Posts | Quarters | Presenters | Fill | Refresh | Statistics | Reports | `workspace/diagnostic` | Unchanged | Again | RSS | Peak RSS |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    results.seminar.runs.forEach((run, i) =>
      out.push(
        `| ${i + 1} | ${fixed(run.load, 2)} | ${run.posts} | ${run.quarters} | ${run.presenters} | ` +
          `${fixed(run.fillMs, 1)} ms | ${fixed(run.refreshMs, 1)} ms | ${fixed(run.statisticsMs, 1)} ms | ${run.reports} | ${fixed(run.diagnosticMs, 1)} ms | ` +
          `${run.unchanged} | ${fixed(run.diagnosticAgainMs, 1)} ms | ${fixed(run.rssMb, 1)} MB | ${fixed(run.peakMb, 1)} MB |`,
      ),
    );
    out.push('');
  }
  if (results.editor) {
    out.push(
      '### In VS Code: preview open, keystroke to preview, keystroke to squiggle',
      '',
      'Each run launches a real VS Code (code-server and headless Chromium: `npm run test:integration -- --grep ' +
        '"editor speed"`, `test/integration/editorSpeed.test.ts`) on the fixture site with the largest published post, and ' +
        "times on VS Code's and the extension's events: Open Preview to the Side to the page's first report of the post " +
        '(cold: the first preview of the window; warm: closed and opened again), a keystroke (one `x` at the end of a ' +
        "section's title) to the page reporting that version, and a keystroke that misspells the title, or mends it, to " +
        "VS Code's diagnostics of the post gaining or losing `title-format`. Load averages before and after each launch.",
      '',
      '| Run | Load | Open cold | Open warm p50 | Keystroke to preview p50 / p95 | Keystroke to squiggle p50 / p95 | Rounds |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    results.editor.runs.forEach((run, i) =>
      out.push(
        `| ${i + 1} | ${fixed(run.loadBefore, 2)}-${fixed(run.loadAfter, 2)} | ${fixed(run.openColdMs, 0)} ms | ` +
          `${fixed(median(run.openWarmMs), 0)} ms | ${fixed(percentile(run.keystrokeToPreviewMs, 0.5), 0)} / ` +
          `${fixed(percentile(run.keystrokeToPreviewMs, 0.95), 0)} ms | ${fixed(percentile(run.keystrokeToSquiggleMs, 0.5), 0)} / ` +
          `${fixed(percentile(run.keystrokeToSquiggleMs, 0.95), 0)} ms | ${run.keystrokeToPreviewMs.length} |`,
      ),
    );
    out.push('');
  }
  if (results.startup) {
    out.push(
      '### Startup and size',
      '',
      'Each run launches a real VS Code (code-server and headless Chromium, `npm run test:integration -- --grep ' +
        '"activation timing"` on the production build) on the fixture site, where the extension activates on `workspaceContains`. ' +
        '`activate()` is timed by the extension itself; the bundle load (read, compile, evaluate) by loading it again, fresh, in the ' +
        "same extension host; the server start runs from activation to the server's first answer, after `activate()` returned.",
      '',
    );
    out.push(
      '| Run | Load | Bundle load | `activate()` | Activation | Server ready |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    results.startup.runs.forEach((run, i) =>
      out.push(
        `| ${i + 1} | ${fixed(run.machineLoad, 2)} | ${fixed(run.load, 1)} ms | ${fixed(run.activate, 2)} ms | ` +
          `${fixed(run.load + run.activate, 1)} ms | ${fixed(run.server, 0)} ms |`,
      ),
    );
    out.push(
      '',
      `VSIX: ${results.startup.vsix.bytes} bytes (${fixed(results.startup.vsix.bytes / 1024, 0)} KB), ${results.startup.vsix.files} files.`,
      '',
    );
  }
  return out;
}
