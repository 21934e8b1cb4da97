/**
 * Waiting for the language server's diagnostics the way VS Code tells of them: on
 * `languages.onDidChangeDiagnostics`, never by sleeping and looking.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../../server/src/core/engine/engine';

/** This product's diagnostics of a document (other extensions' are left out). */
export function productDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
}

/** The rule id of a diagnostic: its `code`, which VS Code wraps in `{ value, target }` when the rule has a docs link. */
export function ruleId(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/** A short description of diagnostics for assertion messages: `filename-format@1, title-format@3`. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `${ruleId(d)}@${d.range.start.line + 1}`).join(', ') || '(none)';
}

/**
 * Resolves with the product's diagnostics of `uri` as soon as `until` accepts them: now, or after
 * a change VS Code announces. Rejects after `timeoutMs`, saying what was awaited and what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  until: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const diagnostics = productDiagnostics(uri);
      if (!until(diagnostics)) return;
      stop();
      resolve(diagnostics);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      stop();
      reject(
        new Error(
          `Timed out after ${timeoutMs} ms waiting for ${what} on ${uri.path}; last diagnostics: ${describeDiagnostics(productDiagnostics(uri))}`,
        ),
      );
    }, timeoutMs);
    const stop = (): void => {
      subscription.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

/**
 * The document version a diagnostic was computed for: the server puts it in the diagnostic's
 * `data` (`DiagnosticData.version`) and the language client keeps `data` on the diagnostic.
 */
export function diagnosticVersion(diagnostic: vscode.Diagnostic): number | undefined {
  const data = (diagnostic as vscode.Diagnostic & { data?: { version?: unknown } }).data;
  return typeof data?.version === 'number' ? data.version : undefined;
}

/**
 * Like {@link waitForDiagnostics}, but only accepts diagnostics computed for the document's
 * current version, so that an edit's result is never mistaken for what was there before it.
 * An empty list carries no version and is accepted as is.
 */
export function waitForCurrentDiagnostics(
  document: vscode.TextDocument,
  until: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs?: number,
): Promise<vscode.Diagnostic[]> {
  const current = (found: vscode.Diagnostic[]) => found.every((d) => diagnosticVersion(d) === document.version);
  return waitForDiagnostics(
    document.uri,
    (found) => current(found) && until(found),
    `${what} (document version ${document.version})`,
    timeoutMs,
  );
}
