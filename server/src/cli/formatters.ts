/**
 * The CLI's output formats: `stylish` for people, `json` (ESLint's shape) for scripts, `sarif`
 * (2.1.0) for code-scanning tools. Positions are 1-based here, through `toOneBased`.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ruleDocsUrl, severityName } from '../core/engine/engine';
import { formatMessage, type Locale } from '../core/engine/messages';
import type { RuleDefinition, Severity } from '../core/engine/rule';
import { toOneBased } from '../core/text/lineIndex';

export interface FileResult {
  /** Absolute path. */
  filePath: string;
  diagnostics: readonly Diagnostic[];
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export function countSeverities(results: readonly FileResult[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const result of results) for (const d of result.diagnostics) counts[severityName(d.severity)]++;
  return counts;
}

/** ESLint-shaped JSON. */
export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(
    results.map((result) => {
      const counts = countSeverities([result]);
      return {
        filePath: result.filePath,
        messages: result.diagnostics.map((d) => ({
          ruleId: String(d.code),
          severity: severityName(d.severity),
          message: d.message,
          ...toOneBased(d.range),
        })),
        errorCount: counts.error,
        warningCount: counts.warning,
        infoCount: counts.info,
        hintCount: counts.hint,
      };
    }),
    null,
    2,
  );
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/** SARIF 2.1.0, one run, with every rule described. */
export function formatSarif(
  results: readonly FileResult[],
  rules: readonly RuleDefinition<object>[],
  version: string,
  cwd: string,
  locale: Locale,
): string {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const sarifResults = results.flatMap((result) =>
    result.diagnostics.map((d) => {
      const id = String(d.code);
      const r = toOneBased(d.range);
      return {
        ruleId: id,
        ...(ruleIndex.has(id) ? { ruleIndex: ruleIndex.get(id) } : {}),
        level: SARIF_LEVEL[severityName(d.severity)],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(result.filePath, cwd),
              region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
            },
          },
        ],
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'seminar-posts',
            version,
            informationUri: 'https://github.com/seminar-posts/seminar-posts',
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: formatMessage(rule.description, locale) },
              helpUri: ruleDocsUrl(rule.id),
              defaultConfiguration:
                rule.defaultSeverity === 'off' ? { enabled: false } : { level: SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, filePath);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(filePath).href };
}

export interface StylishOptions {
  color: boolean;
  cwd: string;
  locale: Locale;
}

/** The human format: one block per file with problems, then a summary line. */
export function formatStylish(results: readonly FileResult[], options: StylishOptions): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const severityColor: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };
  const lines: string[] = [];
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    const shown = path.relative(options.cwd, result.filePath) || result.filePath;
    lines.push(paint('4', shown.startsWith('..') ? result.filePath : shown));
    const rows = result.diagnostics.map((d) => {
      const r = toOneBased(d.range);
      return {
        where: `${r.line}:${r.column}`,
        severity: severityName(d.severity),
        message: d.message,
        rule: String(d.code),
      };
    });
    const whereWidth = Math.max(...rows.map((row) => row.where.length));
    const severityWidth = Math.max(...rows.map((row) => row.severity.length));
    for (const row of rows) {
      lines.push(
        `  ${paint('2', row.where.padEnd(whereWidth))}  ${paint(severityColor[row.severity], row.severity.padEnd(severityWidth))}  ${row.message}  ${paint('2', row.rule)}`,
      );
    }
    lines.push('');
  }
  const counts = countSeverities(results);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) {
    lines.push(
      options.locale === 'ko'
        ? `${results.length}개 파일에 문제가 없습니다.`
        : `No problems in ${results.length} file${results.length === 1 ? '' : 's'}.`,
    );
  } else {
    const summary =
      options.locale === 'ko'
        ? `문제 ${total}개 (오류 ${counts.error}, 경고 ${counts.warning}, 정보 ${counts.info}, 힌트 ${counts.hint})`
        : `${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ` +
          `${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info, ${counts.hint} hint${counts.hint === 1 ? '' : 's'})`;
    lines.push(paint(counts.error ? '31;1' : '33;1', `✖ ${summary}`));
  }
  return lines.join('\n');
}
