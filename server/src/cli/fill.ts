/**
 * `seminar-posts fill POST...`: writes the title and authors line of every section whose title or
 * authors line is empty or still the template's, from its paper link (`core/paper/`). With
 * `--dry-run` it prints the unified diff and changes nothing. A section that cannot be filled (no
 * answer, an error, no metadata) is named with the URL and the reason, and nothing is written for it.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type { TextEdit } from 'vscode-languageserver-types';
import { formatMessage } from '../core/engine/messages';
import { fillEdits, fillTargets } from '../core/features/paperFill';
import { PaperLookupError } from '../core/paper/paperLookup';
import { applyEdits } from '../core/text/edits';
import { defaultCacheFolder } from '../node/jsonFileCacheStore';
import { createPaperLookup } from '../node/paperLookups';
import type { FillCommand } from './args';
import { unifiedDiff } from './diff';
import { expandPaths } from './files';
import { writePost } from './fix';
import { createCliService, FatalError, readInput } from './input';
import { configFileOf, EXIT, type CliIO } from './main';

const TEXT = {
  filled: { en: '{file}:{line}: filled from {url}', ko: '{file}:{line}: {url}에서 채웠습니다' },
  failed: { en: '{file}:{line}: {reason}', ko: '{file}:{line}: {reason}' },
  notUtf8: { en: '{file} is not UTF-8 text; not filled', ko: '{file}은(는) UTF-8 텍스트가 아니어서 채우지 않았습니다' },
  summary: {
    en: '{filled} of {total} sections filled in {posts} posts; {failed} could not be filled',
    ko: '포스트 {posts}개의 섹션 {total}개 중 {filled}개를 채웠고 {failed}개는 채우지 못했습니다',
  },
  nothing: {
    en: 'Nothing to fill: no section has a paper link and an empty or template title or authors line',
    ko: '채울 것이 없습니다: 논문 링크가 있으면서 제목이나 저자 줄이 비었거나 템플릿 그대로인 섹션이 없습니다',
  },
} as const;

/** Runs `fill`; returns the exit code (0 all filled, 1 some could not be, 2 bad usage). */
export async function fillPosts(command: FillCommand, io: CliIO): Promise<number> {
  const files = expandPaths(command.paths, io.cwd);
  if (files.length === 0)
    throw new FatalError(
      `no post found in ${command.paths.join(', ')} (a post is a Markdown file under _posts/, or one that opens with front matter)`,
    );
  // The run's post service reads each post's setup (the paper link labels); nothing is linted.
  const service = createCliService(
    { locale: command.locale, startedAt: Date.now(), configFile: configFileOf(command.config, io.cwd) },
    new Map(),
  );
  const shown = (file: string) => path.relative(io.cwd, file) || file;
  const say = (key: keyof typeof TEXT, data: Record<string, string | number>) =>
    formatMessage(TEXT[key], command.locale, data);
  const cacheFolder =
    command.cacheDir === null
      ? undefined
      : command.cacheDir !== undefined
        ? path.resolve(io.cwd, command.cacheDir)
        : defaultCacheFolder(io.env, process.platform, os.homedir());
  const lookup = createPaperLookup({
    cacheFolder,
    env: io.env,
    onProblem: (message) => io.stderr(`seminar-posts: ${message}\n`),
  });

  const inputs = files.map((file) => readInput(file, service, shown));
  let total = 0;
  let failed = 0;
  let posts = 0;
  let diff = '';
  // Every post's lookups start at once; the client keeps one request per host at a time.
  const results = await Promise.all(
    inputs.map(async (input) => {
      const targets = input.utf8 ? fillTargets(input.post, input.setup.config) : [];
      const outcomes = await Promise.all(
        targets.map(async (target) => {
          try {
            return { target, edits: fillEdits(target, await lookup.lookup(target.url)) };
          } catch (error) {
            if (!(error instanceof PaperLookupError)) throw error;
            return { target, error };
          }
        }),
      );
      return { input, outcomes };
    }),
  );
  for (const { input, outcomes } of results) {
    if (!input.utf8) io.stderr(`seminar-posts: ${say('notUtf8', { file: shown(input.file) })}\n`);
    if (!outcomes.length) continue;
    posts++;
    const edits: TextEdit[] = [];
    for (const outcome of outcomes) {
      total++;
      const place = { file: shown(input.file), line: outcome.target.titleRange.start.line + 1 };
      if ('error' in outcome) {
        failed++;
        io.stderr(`${say('failed', { ...place, reason: outcome.error!.describe(command.locale) })}\n`);
      } else {
        edits.push(...outcome.edits);
        if (!command.dryRun) io.stdout(`${say('filled', { ...place, url: outcome.target.url })}\n`);
      }
    }
    if (!edits.length) continue;
    const text = applyEdits(input.text, edits);
    if (command.dryRun) {
      const name = shown(input.file).split(path.sep).join('/');
      diff += unifiedDiff(input.text, text, name, name);
    } else {
      writePost(input.file, input.file, (input.bom ? '\ufeff' : '') + text);
    }
  }
  await lookup.flush();
  if (command.dryRun) io.stdout(diff);
  if (total === 0) io.stderr(`${say('nothing', {})}\n`);
  else io.stderr(`${say('summary', { filled: total - failed, total, posts, failed })}\n`);
  return failed > 0 ? EXIT.problems : EXIT.ok;
}
