/**
 * GitHub Actions' workflow commands for the Action: one annotation per problem
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`), which GitHub shows on
 * the pull request's diff and in the run's summary.
 */
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName } from '../core/engine/engine';
import { toOneBased } from '../core/text/lineIndex';
import type { FileResult } from '../cli/formatters';

export type AnnotationKind = 'error' | 'warning' | 'notice';

/** The annotation kind of a diagnostic: info and hints are notices. */
export function annotationKind(diagnostic: Diagnostic): AnnotationKind {
  const severity = severityName(diagnostic.severity);
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
}

/** A command's message, escaped as GitHub's toolkit does: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value, escaped as GitHub's toolkit does: also `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line (without its line break). */
export function workflowCommand(name: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${props ? ' ' + props : ''}::${escapeData(message)}`;
}

/**
 * The path GitHub matches an annotation's `file` against: relative to the workspace (the checked-out
 * repository), with `/`. A post outside the workspace keeps its absolute path (GitHub shows such an
 * annotation in the run, not on the diff).
 */
export function workspacePath(file: string, workspace: string): string {
  const relative = path.relative(workspace, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}

/** The annotations of every problem, in the order of the results. */
export function annotations(results: readonly FileResult[], workspace: string): string[] {
  return results.flatMap((result) =>
    result.diagnostics.map((d) => {
      const r = toOneBased(d.range);
      return workflowCommand(
        annotationKind(d),
        {
          file: workspacePath(result.filePath, workspace),
          line: r.line,
          col: r.column,
          endLine: r.endLine,
          endColumn: r.endColumn,
          title: String(d.code),
        },
        d.message,
      );
    }),
  );
}
