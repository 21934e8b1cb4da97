/**
 * The Action's job summary (Markdown appended to `$GITHUB_STEP_SUMMARY`): a line with the counts and
 * a table of every problem, linked to the post's line and the rule's documentation. GitHub shows at
 * most a few annotations per step on the diff; the table has all of them.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { ruleDocsUrl, severityName } from '../core/engine/engine';
import type { Locale } from '../core/engine/messages';
import { toOneBased } from '../core/text/lineIndex';
import { countSeverities, type FileResult } from '../cli/formatters';
import { workspacePath } from './workflowCommands';

/** Rows past this many are counted, not listed (a summary holds at most 1 MiB). */
export const MAX_ROWS = 500;

export interface SummaryOptions {
  workspace: string;
  locale: Locale;
  /** The safe fixes were applied first: the table is what is left. */
  fixed: boolean;
  failOn: 'error' | 'warning';
  /** `https://github.com/owner/repo/blob/sha`, to link each row to its line; none outside GitHub. */
  blobBase?: string;
}

const TEXT = {
  en: {
    title: 'seminar-posts',
    clean: (posts: number) => `✅ No problems in ${posts} post${posts === 1 ? '' : 's'}.`,
    problems: (total: number, posts: number, checked: number, counts: string) =>
      `${total} problem${total === 1 ? '' : 's'} (${counts}) in ${posts} of ${checked} post${checked === 1 ? '' : 's'}.`,
    counts: (e: number, w: number, n: number) =>
      `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${n} note${n === 1 ? '' : 's'}`,
    fails: (failOn: string) => `❌ The step fails (\`fail-on: ${failOn}\`).`,
    passes: (failOn: string) => `⚠️ The step passes (\`fail-on: ${failOn}\`).`,
    fixed: 'The safe fixes were applied first (`fix: true`); the table lists what is left.',
    header: '| Post | Line | Severity | Rule | Message |',
    more: (n: number) => `…and ${n} more, in the log and the SARIF file.`,
    failed: (message: string) => `❌ seminar-posts could not check the posts: ${message}`,
    severity: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
  },
  ko: {
    title: 'seminar-posts',
    clean: (posts: number) => `✅ 게시물 ${posts}개에 문제가 없습니다.`,
    problems: (total: number, posts: number, checked: number, counts: string) =>
      `게시물 ${checked}개 중 ${posts}개에 문제 ${total}개 (${counts}).`,
    counts: (e: number, w: number, n: number) => `오류 ${e}, 경고 ${w}, 참고 ${n}`,
    fails: (failOn: string) => `❌ 이 단계는 실패합니다 (\`fail-on: ${failOn}\`).`,
    passes: (failOn: string) => `⚠️ 이 단계는 통과합니다 (\`fail-on: ${failOn}\`).`,
    fixed: '안전한 수정을 먼저 적용했습니다 (`fix: true`). 표는 남은 문제입니다.',
    header: '| 게시물 | 줄 | 심각도 | 규칙 | 메시지 |',
    more: (n: number) => `…그리고 ${n}개 더 (로그와 SARIF 파일에 있습니다).`,
    failed: (message: string) => `❌ seminar-posts가 게시물을 검사하지 못했습니다: ${message}`,
    severity: { error: '오류', warning: '경고', info: '정보', hint: '힌트' },
  },
};

/** The summary of a finished run. */
export function jobSummary(results: readonly FileResult[], options: SummaryOptions): string {
  const text = TEXT[options.locale];
  const counts = countSeverities(results);
  const notes = counts.info + counts.hint;
  const total = counts.error + counts.warning + notes;
  const lines = [`## ${text.title}`, ''];
  if (total === 0) {
    lines.push(text.clean(results.length));
  } else {
    const posts = results.filter((r) => r.diagnostics.length > 0).length;
    lines.push(text.problems(total, posts, results.length, text.counts(counts.error, counts.warning, notes)));
    const failing = counts.error > 0 || (options.failOn === 'warning' && counts.warning > 0);
    lines.push('', failing ? text.fails(options.failOn) : text.passes(options.failOn));
  }
  if (options.fixed) lines.push('', text.fixed);
  if (total > 0) {
    lines.push('', text.header, '| :--- | ---: | :--- | :--- | :--- |');
    let rows = 0;
    for (const result of results) {
      for (const d of result.diagnostics) {
        if (rows++ >= MAX_ROWS) continue;
        lines.push(row(result.filePath, d, options));
      }
    }
    if (rows > MAX_ROWS) lines.push('', text.more(rows - MAX_ROWS));
  }
  return lines.join('\n') + '\n';
}

/** The summary of a run that could not check the posts (bad input, no post found). */
export function failureSummary(message: string, locale: Locale): string {
  return `## ${TEXT[locale].title}\n\n${TEXT[locale].failed(cell(message))}\n`;
}

function row(filePath: string, d: Diagnostic, options: SummaryOptions): string {
  const file = workspacePath(filePath, options.workspace);
  const r = toOneBased(d.range);
  const where = `${r.line}:${r.column}`;
  const fileCell = `\`${file.replace(/`/g, "'")}\``;
  const lineCell =
    options.blobBase && file !== filePath
      ? `[${where}](${options.blobBase}/${file.split('/').map(encodeURIComponent).join('/')}#L${r.line})`
      : where;
  const id = String(d.code);
  const severity = TEXT[options.locale].severity[severityName(d.severity)];
  return `| ${cell(fileCell)} | ${lineCell} | ${severity} | [${cell(id)}](${ruleDocsUrl(id)}) | ${cell(d.message)} |`;
}

/**
 * Text for one table cell: on one line, `|` escaped (also inside code spans, as GFM tables want),
 * and outside code spans `<`, `>` and `&` as entities, so that a message quoting HTML (`<img>`) shows
 * it rather than renders it.
 */
export function cell(text: string): string {
  const oneLine = text.replace(/\r\n|\r|\n/g, ' ');
  return oneLine
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part.replace(/\|/g, '\\|')
        : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|'),
    )
    .join('');
}
