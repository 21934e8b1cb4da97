/**
 * `seminar-posts stats`: the seminar's statistics on the command line, from the same core
 * functions as the editor's statistics page (`seminarStatistics`, `seminarCharts`): each chart's
 * table as aligned text, or the statistics as JSON (file paths relative to the working folder
 * instead of URIs).
 */
import * as path from 'node:path';
import { seminarPostOf, type SeminarPost } from '../core/index/seminar';
import { seminarStatistics } from '../core/index/seminarStats';
import { summarizePost } from '../core/index/workspaceIndex';
import { seminarCharts, totalsText } from '../core/stats/charts';
import { tableText } from '../core/stats/tables';
import { uriToCorePath } from '../node/nodeHost';
import type { StatsCommand } from './args';
import { expandPaths } from './files';
import { createCliService, FatalError, readInput } from './input';
import type { CliIO } from './main';

/** Prints the statistics of the posts `command` names; returns the exit code (0). */
export function runStats(command: StatsCommand, io: CliIO, configFile: string | undefined): number {
  const files = expandPaths(command.paths, io.cwd);
  if (files.length === 0) {
    throw new FatalError(
      `no post found in ${command.paths.join(', ')} (a post is a Markdown file under _posts/, or one that opens with front matter)`,
    );
  }
  // The run's post service reads each post's setup (its link labels); nothing is linted.
  const service = createCliService({ locale: command.locale, startedAt: Date.now(), configFile }, new Map());
  const shown = (file: string) => path.relative(io.cwd, file) || file;
  const posts: SeminarPost[] = files.map((file) => {
    const input = readInput(file, service, shown);
    return seminarPostOf(summarizePost(input.post, input.setup.config));
  });
  const statistics = seminarStatistics(posts);
  if (command.format === 'json') {
    const relative = (uri: string) => {
      const file = uriToCorePath(uri);
      return file === undefined ? uri : shown(path.resolve(file)).split(path.sep).join('/');
    };
    const repeated = statistics.repeated.map((paper) => ({
      ...paper,
      talks: paper.talks.map(({ uri, ...talk }) => ({ file: relative(uri), ...talk })),
    }));
    io.stdout(JSON.stringify({ ...statistics, repeated }, null, 2) + '\n');
    return 0;
  }
  const header = totalsText(statistics.totals, command.locale);
  io.stdout(
    `${header}\n\n${seminarCharts(statistics, command.locale)
      .map((chart) => `${tableText(chart.table)}${chart.table.rows.length ? '' : `${chart.empty ?? ''}\n`}`)
      .join('\n')}`,
  );
  return 0;
}
