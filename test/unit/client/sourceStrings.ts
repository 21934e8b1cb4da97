/**
 * The strings the client localizes: every `vscode.l10n.t(...)` (or `l10n.t(...)`) call in
 * `client/src`, read with the TypeScript parser, so that escapes and quotes are read as the
 * compiler reads them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export interface LocalizedCall {
  /** The message, as `vscode.l10n.t` receives it; undefined when the first argument is not a literal. */
  message: string | undefined;
  /** `file:line` of the call. */
  where: string;
}

/** Every TypeScript file under `dir`. */
export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The `l10n.t` calls of the files, in order. */
export function localizedCalls(files: readonly string[], root: string): LocalizedCall[] {
  const calls: LocalizedCall[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && /(^|\.)l10n\.t$/.test(node.expression.getText(source))) {
        const first = node.arguments[0];
        const message =
          first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        calls.push({ message, where: `${path.relative(root, file)}:${line}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls;
}

/** The `{0}`-style placeholders of a message, sorted. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\d+)\}/g)].map((m) => m[1]!).sort();
}
