/**
 * The commands that write into the open post, each one edit the user asked for: "Add Paper
 * Section" (a section snippet after the current section, presenters offered by the server) and
 * "Insert Image Block" (a centered image from a URL, the clipboard's when it holds one).
 */
import * as vscode from 'vscode';
import { toLocale } from '../../../server/src/core/engine/messages';
import { placeholderTexts } from '../../../server/src/core/templates';
import { PresentersRequest, sendRequest, type PostLabels } from '../../../server/src/protocol';
import {
  githubRawUrl,
  imageInsertion,
  imageUrlProblem,
  parseImageWidth,
  urlFromClipboard,
  type ImageUrlProblem,
} from '../authoring/imageBlock';
import { linesOf, presenterLabelIn, presenterNamesIn, sectionInsertion } from '../authoring/postText';
import { paperSectionSnippet } from '../authoring/snippets';
import { messageOf } from '../languageServer';
import { labels as settingLabels } from '../configuration';
import { activeMarkdownEditor, type CommandContext } from './common';

/** How long "Add Paper Section" waits for the server's presenter names. */
const PRESENTERS_TIMEOUT_MS = 3000;
/** JSON-RPC's "method not found": a server without the presenters request. */
const METHOD_NOT_FOUND = -32601;

/** Inserts a paper section after the section holding the cursor; returns where it starts. */
export async function addPaperSection(ctx: CommandContext): Promise<vscode.Position | undefined> {
  const editor = activeMarkdownEditor();
  if (!editor) return undefined;
  const document = editor.document;
  const version = document.version;
  const lines = linesOf(document.getText());
  const settings = settingLabels(document.uri);
  const fromServer = await askServer(ctx, document);
  // The server's labels merge `.seminar-posts.json` over the settings, as the checks do.
  const labels = fromServer?.labels ?? {
    presenter: settings.presenterLabels,
    paper: settings.linkLabels.paper,
    slides: settings.linkLabels.slides,
  };

  const snippet = paperSectionSnippet({
    presenterLabel: presenterLabelIn(lines, labels.presenter),
    paperLinkLabel: labels.paper[0] ?? settings.linkLabels.paper[0]!,
    slidesLinkLabel: labels.slides[0] ?? settings.linkLabels.slides[0]!,
    presenters: [...new Set([...(fromServer?.names ?? []), ...presenterNamesIn(lines, labels.presenter)])],
    // The placeholders `template-leftover` recognises, in the UI language.
    placeholders: placeholderTexts(toLocale(vscode.env.language)),
  });
  if (editor !== vscode.window.activeTextEditor || document.version !== version) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The post changed while the section was being prepared; run the command again.'),
    );
    return undefined;
  }
  const { position, text } = sectionInsertion(lines, editor.selection.active.line, snippet);
  const at = new vscode.Position(position.line, position.character);
  const inserted = await editor.insertSnippet(new vscode.SnippetString(text), at, {
    undoStopBefore: true,
    undoStopAfter: true,
    keepWhitespace: true,
  });
  return inserted ? at : undefined;
}

/**
 * Presenter names to offer: the workspace's (from the server's `seminarPosts/presenters`), then
 * this post's. Without the server, or with a server that does not answer the request, this
 * post's names alone, and the output channel says why.
 */
/**
 * What the language server knows for a new section of `document`: the workspace's presenter names
 * and the labels the post's configuration uses. Undefined (said in the log) when it cannot tell.
 */
async function askServer(
  ctx: CommandContext,
  document: vscode.TextDocument,
): Promise<{ names: string[]; labels?: PostLabels } | undefined> {
  const client = ctx.server.runningClient;
  if (!client) {
    ctx.output.info(vscode.l10n.t('The language server is not running: presenter names come from this post only.'));
    return undefined;
  }
  const cancel = new vscode.CancellationTokenSource();
  const timer = setTimeout(() => cancel.cancel(), PRESENTERS_TIMEOUT_MS);
  try {
    // Typed as the protocol promises, but read as what it is: the answer of another process.
    const result: { names?: unknown; labels?: unknown } | undefined = await sendRequest(
      client,
      PresentersRequest,
      { textDocument: { uri: document.uri.toString() } },
      cancel.token,
    );
    const names = Array.isArray(result?.names) ? result.names.filter((n): n is string => typeof n === 'string') : [];
    return { names, labels: postLabels(result?.labels) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === METHOD_NOT_FOUND) {
      ctx.output.info(
        vscode.l10n.t(
          "This language server does not list the workspace's presenters yet: names come from this post only.",
        ),
      );
    } else if (cancel.token.isCancellationRequested) {
      ctx.output.warn(
        vscode.l10n.t(
          'The language server did not list the presenters within {0} ms: names come from this post only.',
          PRESENTERS_TIMEOUT_MS,
        ),
      );
    } else {
      ctx.output.warn(
        vscode.l10n.t('Listing the presenters failed ({0}): names come from this post only.', messageOf(error)),
      );
    }
    return undefined;
  } finally {
    clearTimeout(timer);
    cancel.dispose();
  }
}

/** The server's labels, checked: three lists of strings, the first of each not empty. */
function postLabels(value: unknown): PostLabels | undefined {
  const v = value as Partial<Record<keyof PostLabels, unknown>> | undefined;
  const list = (x: unknown): string[] | undefined =>
    Array.isArray(x) && x.length > 0 && x.every((s) => typeof s === 'string' && s.trim() !== '')
      ? (x as string[])
      : undefined;
  const presenter = list(v?.presenter);
  const paper = list(v?.paper);
  const slides = list(v?.slides);
  return presenter && paper && slides ? { presenter, paper, slides } : undefined;
}

/** Answers that stand in for the prompts. */
export interface InsertImageBlockArgs {
  url?: string;
  /** Pixels; `null` for no width. */
  width?: number | null;
}

/** Inserts a centered image block (or one more image into the block at the cursor); returns the text inserted. */
export async function insertImageBlock(_ctx: CommandContext, rawArgs?: unknown): Promise<string | undefined> {
  const args = (rawArgs && typeof rawArgs === 'object' ? rawArgs : {}) as InsertImageBlockArgs;
  const editor = activeMarkdownEditor();
  if (!editor) return undefined;
  // The prompts below stay open while the user looks for the URL elsewhere: the editor may be
  // hidden (and its TextEditor disposed) meanwhile. Keep the document, its version and the line.
  const document = editor.document;
  const version = document.version;
  const cursorLine = editor.selection.active.line;

  let url = args.url;
  if (url === undefined) {
    url = await askImageUrl();
    if (url === undefined) return undefined;
  }
  const problem = imageUrlProblem(url);
  if (problem && problem !== 'github-blob') {
    void vscode.window.showErrorMessage(urlProblemText(problem, url));
    return undefined;
  }

  let width = args.width;
  if (width === undefined) {
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Insert Image Block'),
      prompt: vscode.l10n.t('Width in pixels, for side-by-side images (leave empty for none)'),
      ignoreFocusOut: true,
      validateInput: (text) =>
        parseImageWidth(text) === undefined
          ? vscode.l10n.t('Expected a width in pixels such as 450, found "{0}"', text)
          : undefined,
    });
    if (typed === undefined) return undefined;
    width = parseImageWidth(typed) ?? null;
  } else if (width !== null && parseImageWidth(String(width)) === undefined) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Expected a width in pixels such as 450, found "{0}"', String(width)),
    );
    return undefined;
  }

  const target = await editorOf(document, version);
  if (!target) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The post changed or was closed while the image block was being prepared; run the command again.'),
    );
    return undefined;
  }
  const lines = linesOf(document.getText());
  const { position, text } = imageInsertion(lines, cursorLine, url, width);
  const at = new vscode.Position(position.line, position.character);
  if (!(await target.edit((builder) => builder.insert(at, text)))) return undefined;
  // The cursor goes after the block. Counted in lines, not characters: in a CRLF post each `\n`
  // of `text` became two characters.
  const inserted = text.split('\n');
  const endLine = at.line + inserted.length - 1;
  const end = new vscode.Position(
    endLine,
    (inserted.length === 1 ? at.character : 0) + inserted[inserted.length - 1]!.length,
  );
  target.selection = new vscode.Selection(end, end);
  return text;
}

/**
 * Asks the image's URL at once, and fills in the clipboard's URL if the clipboard answers before
 * the person types. The clipboard is never waited on: in a browser VS Code without clipboard
 * permission (code-server, vscode.dev) the read answers only once its error notification is
 * closed, and the prompt must not wait for that.
 */
async function askImageUrl(): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.title = vscode.l10n.t('Insert Image Block');
  box.prompt = vscode.l10n.t('URL of the image (https://... or a path on the site such as /assets/figure.png)');
  box.placeholder = 'https://user-images.githubusercontent.com/.../figure.png';
  box.ignoreFocusOut = true;
  let open = true;
  const disposables: vscode.Disposable[] = [box];
  try {
    return await new Promise<string | undefined>((resolve) => {
      disposables.push(
        box.onDidChangeValue((text) => {
          box.validationMessage = text === '' ? undefined : urlValidation(text);
        }),
        box.onDidAccept(() => {
          const problem = imageUrlProblem(box.value);
          if (problem && problem !== 'github-blob') {
            box.validationMessage = urlValidation(box.value);
            return;
          }
          resolve(box.value);
          box.hide();
        }),
        box.onDidHide(() => resolve(undefined)),
      );
      box.show();
      vscode.env.clipboard.readText().then(
        (text) => {
          const found = urlFromClipboard(text);
          // Only into an empty box: never over what the person has started to type.
          if (!open || found === undefined || box.value !== '') return;
          box.value = found;
          box.validationMessage = urlValidation(found);
        },
        () => undefined,
      );
    });
  } finally {
    open = false;
    for (const disposable of disposables) disposable.dispose();
  }
}

/**
 * An editor of `document` to edit, if the document is still open at `version`: the active editor
 * when it shows it, else the document shown again (the user went elsewhere during a prompt).
 */
async function editorOf(document: vscode.TextDocument, version: number): Promise<vscode.TextEditor | undefined> {
  if (document.isClosed || document.version !== version) return undefined;
  const active = vscode.window.activeTextEditor;
  if (active?.document === document) return active;
  const shown = await vscode.window.showTextDocument(document);
  return document.version === version ? shown : undefined;
}

function urlValidation(text: string): vscode.InputBoxValidationMessage | undefined {
  const problem = imageUrlProblem(text);
  if (!problem) return undefined;
  const severity =
    problem === 'github-blob' ? vscode.InputBoxValidationSeverity.Warning : vscode.InputBoxValidationSeverity.Error;
  return { message: urlProblemText(problem, text), severity };
}

function urlProblemText(problem: ImageUrlProblem, url: string): string {
  switch (problem) {
    case 'empty':
      return vscode.l10n.t('Expected the URL of an image, found nothing');
    case 'not-a-url':
      return vscode.l10n.t(
        'Expected an https:// URL or a path on the site such as /assets/figure.png, found "{0}"',
        url.trim(),
      );
    case 'inside-posts':
      return vscode.l10n.t(
        'Jekyll does not serve files inside _posts/: put the image in a folder such as /assets/ or use its URL',
      );
    case 'github-blob':
      return vscode.l10n.t('A GitHub blob/ URL shows a web page, not the image: the raw URL is {0}', githubRawUrl(url));
  }
}
