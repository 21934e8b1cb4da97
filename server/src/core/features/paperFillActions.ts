/**
 * "Fill from paper link" in the editor, as LSP values: a code lens on the title of each section
 * that can be filled, a quick fix on its title or authors line, and completion of the title line.
 * They carry the command `seminarPosts.fillFromPaperLink`, which asks for the paper (an explicit
 * request); completion offers the title itself only when the paper is already kept (no request on
 * the typing path).
 */
import {
  CodeActionKind,
  CompletionItemKind,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Diagnostic,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { ResolvedConfig } from '../config/config';
import { formatMessage, type Locale } from '../engine/messages';
import type { Post } from '../model';
import { authorsLine, titleLine, type PaperMetadata } from '../paper/paperMetadata';
import { fillEdits, fillTargets, type FillTarget } from './paperFill';

/** The command the lens, the quick fix and the completion item run (the client registers it). */
export const FILL_COMMAND = 'seminarPosts.fillFromPaperLink';

/** The command's argument: the post and the line of the section's title. */
export interface FillCommandArgs {
  uri: string;
  line: number;
}

const TEXT = {
  fill: { en: 'Fill from paper link', ko: '논문 링크로 채우기' },
  fillTitle: { en: 'Fill the title and authors from {url}', ko: '{url}에서 제목과 저자 채우기' },
  fetch: { en: 'Fill from paper link… (asks {host})', ko: '논문 링크로 채우기… ({host}에 요청)' },
  fromLink: { en: 'from the paper link (kept)', ko: '논문 링크에서 (저장된 정보)' },
} as const;

const command = (uri: string, target: FillTarget, title: string) => ({
  title,
  command: FILL_COMMAND,
  arguments: [{ uri, line: target.titleRange.start.line } satisfies FillCommandArgs],
});

/** A lens above the title of every section that can be filled. */
export function getFillCodeLenses(post: Post, config: ResolvedConfig, locale: Locale): CodeLens[] {
  return fillTargets(post, config).map((target) => ({
    range: target.titleRange,
    command: command(post.uri, target, formatMessage(TEXT.fill, locale)),
  }));
}

/** The quick fix for a range on the title or authors line of a section that can be filled. */
export function getFillCodeActions(
  post: Post,
  config: ResolvedConfig,
  range: Range,
  diagnostics: readonly Diagnostic[],
  only: readonly string[] | undefined,
  locale: Locale,
): CodeAction[] {
  if (
    only &&
    !only.some(
      (kind) =>
        kind === CodeActionKind.QuickFix ||
        CodeActionKind.QuickFix.startsWith(`${kind}.`) ||
        kind === CodeActionKind.Empty,
    )
  )
    return [];
  return fillTargets(post, config)
    .filter((target) => touches(target, range))
    .map((target) => ({
      title: formatMessage(TEXT.fillTitle, locale, { url: target.url }),
      kind: CodeActionKind.QuickFix,
      diagnostics: diagnostics.filter(
        (d) =>
          d.range.start.line === target.titleRange.start.line || d.range.start.line === target.authorsRange?.start.line,
      ),
      command: command(post.uri, target, formatMessage(TEXT.fill, locale)),
    }));
}

/** The target whose title line holds `position`, when its title may be written. */
export function fillTargetAtTitle(post: Post, config: ResolvedConfig, position: Position): FillTarget | undefined {
  return fillTargets(post, config).find((t) => t.fillTitle && t.titleRange.start.line === position.line);
}

/**
 * Completion of the title line of `target`: the kept paper's `# Title` (and its authors line, when
 * that is to be written too), or, when nothing is kept, an item that runs the fill command.
 */
export function getFillCompletions(
  post: Post,
  target: FillTarget,
  position: Position,
  kept: PaperMetadata | undefined,
  locale: Locale,
): CompletionItem[] {
  const line = post.lines.lineText(position.line);
  const range = { start: { line: position.line, character: 0 }, end: { line: position.line, character: line.length } };
  if (kept) {
    const edits = fillEdits(target, kept);
    return [
      {
        label: titleLine(kept).replace(/^# /, ''),
        kind: CompletionItemKind.Text,
        detail: formatMessage(TEXT.fromLink, locale),
        documentation: target.fillAuthors ? `${titleLine(kept)}\n${authorsLine(kept)}` : titleLine(kept),
        filterText: line,
        sortText: '0',
        preselect: true,
        // A missing authors line comes with the title line's text; an existing one is another line's edit.
        textEdit: {
          range,
          newText: edits.find((e) => e.range.start.line === position.line)?.newText ?? titleLine(kept),
        },
        additionalTextEdits: edits.filter((e) => e.range.start.line !== position.line),
      },
    ];
  }
  let host = target.url;
  try {
    host = new URL(target.url).host;
  } catch {
    // the link as written
  }
  return [
    {
      label: formatMessage(TEXT.fetch, locale, { host }),
      kind: CompletionItemKind.Event,
      filterText: line,
      sortText: '0',
      textEdit: { range: { start: position, end: position }, newText: '' },
      command: command(post.uri, target, formatMessage(TEXT.fill, locale)),
    },
  ];
}

function touches(target: FillTarget, range: Range): boolean {
  const lines = [target.titleRange.start.line, ...(target.authorsRange ? [target.authorsRange.start.line] : [])];
  return lines.some((line) => range.start.line <= line && line <= range.end.line);
}
