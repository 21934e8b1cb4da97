/**
 * Paste or drop a figure into a post: an image file (from the explorer or the system), a
 * clipboard image, or an image URL becomes the blog's centered image block. A file is saved into
 * the site (`seminarPosts.images.folder`, under a name no file has yet) by the same edit that
 * writes the block, so one undo takes both back. The edit is one option of VS Code's paste widget:
 * plain text and the Markdown extension's image stay one click away.
 */
import * as vscode from 'vscode';
import {
  altFromFileName,
  figureFileName,
  figurePlacement,
  figureTag,
  freeFileName,
  IMAGE_TYPES,
  imageFolder,
  imageUrlOf,
  isImageFileName,
  sitePathOf,
  type FolderProblem,
} from '../authoring/figure';
import { linesOf } from '../authoring/postText';
import { setting } from '../configuration';
import type { PostSite } from '../../../server/src/protocol';

/** The kind of the edits: `editor.pasteAs.preferences` and `editor.dropIntoEditor.preferences` may name it. */
export const FIGURE_EDIT_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('seminarPosts', 'figure');

/** The data types the providers read. */
const MIME_TYPES = ['files', 'text/uri-list', 'text/plain', ...Object.keys(IMAGE_TYPES)];

/** What the providers need from the extension. */
export interface FigureProviderContext {
  /** True for a document the language server checks as a post. */
  isPost(document: vscode.TextDocument): boolean;
  /** The site around the post, from the language server; undefined when it cannot tell. */
  siteOf(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<PostSite | null | undefined>;
  readonly output: vscode.LogOutputChannel;
}

/** One figure to write: a file to save into the site, a file the site serves already, or a URL. */
type Source =
  | { kind: 'data'; name: string | undefined; mime: string | undefined; contents: vscode.DataTransferFile | Uint8Array }
  | { kind: 'site-file'; relativePath: string }
  | { kind: 'url'; url: string };

/** Registers the paste and drop providers for posts. */
export function registerFigureProviders(context: FigureProviderContext): vscode.Disposable {
  const provider = new FigureProvider(context);
  const selector: vscode.DocumentSelector = { language: 'markdown', scheme: 'file' };
  return vscode.Disposable.from(
    vscode.languages.registerDocumentPasteEditProvider(selector, provider, {
      providedPasteEditKinds: [FIGURE_EDIT_KIND],
      pasteMimeTypes: MIME_TYPES,
    }),
    vscode.languages.registerDocumentDropEditProvider(selector, provider, {
      providedDropEditKinds: [FIGURE_EDIT_KIND],
      dropMimeTypes: MIME_TYPES,
    }),
  );
}

/** The paste and drop provider of figures. */
export class FigureProvider implements vscode.DocumentPasteEditProvider, vscode.DocumentDropEditProvider {
  constructor(private readonly context: FigureProviderContext) {}

  async provideDocumentPasteEdits(
    document: vscode.TextDocument,
    ranges: readonly vscode.Range[],
    dataTransfer: vscode.DataTransfer,
    _context: vscode.DocumentPasteEditContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.DocumentPasteEdit[] | undefined> {
    // One figure per paste: with several cursors, plain text does better.
    if (ranges.length !== 1) return undefined;
    const made = await this.figureEdit(document, ranges[0]!, dataTransfer, token);
    if (!made) return undefined;
    const edit = new vscode.DocumentPasteEdit('', made.title, FIGURE_EDIT_KIND);
    edit.additionalEdit = made.edit;
    // A URL pasted inside a line of text stays text unless asked (the widget offers the block).
    if (made.yieldToText) edit.yieldTo = [vscode.DocumentDropOrPasteEditKind.Text];
    return [edit];
  }

  async provideDocumentDropEdits(
    document: vscode.TextDocument,
    position: vscode.Position,
    dataTransfer: vscode.DataTransfer,
    token: vscode.CancellationToken,
  ): Promise<vscode.DocumentDropEdit | undefined> {
    const made = await this.figureEdit(document, new vscode.Range(position, position), dataTransfer, token);
    if (!made) return undefined;
    const edit = new vscode.DocumentDropEdit('', made.title, FIGURE_EDIT_KIND);
    edit.additionalEdit = made.edit;
    return edit;
  }

  /**
   * The edit that saves the figures' files and writes their block at `range`, or undefined when
   * the data holds no figure, the document is not a post, or the figure has no place there.
   */
  async figureEdit(
    document: vscode.TextDocument,
    range: vscode.Range,
    dataTransfer: vscode.DataTransfer,
    token: vscode.CancellationToken,
  ): Promise<{ edit: vscode.WorkspaceEdit; title: string; yieldToText: boolean } | undefined> {
    if (!this.context.isPost(document)) return undefined;
    let asked: Promise<PostSite | null | undefined> | undefined;
    const siteOf = () => (asked ??= this.context.siteOf(document, token));
    const sources = await sourcesOf(dataTransfer, siteOf);
    if (!sources.length || token.isCancellationRequested) return undefined;
    const site = sources.some((s) => s.kind !== 'url') ? await siteOf() : undefined;
    if (sources.some((s) => s.kind !== 'url') && !site) {
      const reason =
        site === null
          ? vscode.l10n.t('The post is in no Jekyll site (no _config.yml above it): the figure was not saved.')
          : vscode.l10n.t('The language server did not say where the site is: the figure was not saved.');
      this.context.output.warn(reason);
      vscode.window.setStatusBarMessage(`$(warning) ${reason}`, 8000);
      return undefined;
    }
    const width = imageWidthSetting(setting('images.width', document.uri));
    const edit = new vscode.WorkspaceEdit();
    const tags: string[] = [];
    const chosen = new Set<string>();
    let saved = 0;
    for (const source of sources) {
      if (source.kind === 'url') {
        tags.push(figureTag(source.url, altFromFileName(new URL(source.url).pathname), width));
        continue;
      }
      const root = vscode.Uri.parse(site!.root);
      if (source.kind === 'site-file') {
        tags.push(
          figureTag(
            sitePathOf(source.relativePath, site!.baseurl ?? undefined),
            altFromFileName(source.relativePath),
            width,
          ),
        );
        continue;
      }
      const folderSetting = setting('images.folder', document.uri);
      const folder = imageFolder(folderSetting, document.uri.path.replace(/^.*\//, ''));
      if ('problem' in folder) {
        const message = folderProblemText(folder.problem, folderSetting);
        this.context.output.warn(message);
        void vscode.window.showWarningMessage(message);
        return undefined;
      }
      const folderUri = vscode.Uri.joinPath(root, ...folder.folder.split('/').filter(Boolean));
      const name = await freeName(folderUri, figureFileName(source.name, source.mime), chosen, token);
      if (name === undefined) return undefined;
      chosen.add(name);
      // `overwrite: false`: should a file of that name appear meanwhile, the edit fails instead of replacing it.
      edit.createFile(vscode.Uri.joinPath(folderUri, name), {
        contents: source.contents,
        overwrite: false,
        ignoreIfExists: false,
      });
      const relative = folder.folder ? `${folder.folder}/${name}` : name;
      tags.push(
        figureTag(sitePathOf(relative, site!.baseurl ?? undefined), altFromFileName(source.name ?? name), width),
      );
      saved++;
    }
    if (token.isCancellationRequested) return undefined;
    const lines = linesOf(document.getText());
    const placement = figurePlacement(lines, range.start, range.end, tags);
    if (!placement) return undefined;
    const { start, end } = placement.range;
    // The text edit comes after the files are created, so the checks find the files when they read the post.
    edit.replace(document.uri, new vscode.Range(start.line, start.character, end.line, end.character), placement.text);
    const title =
      saved > 0
        ? vscode.l10n.t('Save the image into the site and insert a centered image block')
        : placement.kind === 'into-block'
          ? vscode.l10n.t('Add the image to the centered image block')
          : vscode.l10n.t('Insert a centered image block');
    const plainLine = range.isSingleLine && document.lineAt(range.start.line).text.trim() !== '';
    return { edit, title, yieldToText: saved === 0 && sources.every((s) => s.kind === 'url') && plainLine };
  }
}

/**
 * The figures in a data transfer, in order of preference: image files (a clipboard image or a file
 * from the system), then image files the `text/uri-list` names, then one image URL as text.
 */
async function sourcesOf(
  dataTransfer: vscode.DataTransfer,
  site: () => Promise<PostSite | null | undefined>,
): Promise<Source[]> {
  const files: Source[] = [];
  const seen = new Set<vscode.DataTransferFile>();
  dataTransfer.forEach((item, mime) => {
    const file = item.asFile();
    if (!file || seen.has(file)) return;
    seen.add(file);
    if (IMAGE_TYPES[mime.toLowerCase()] || isImageFileName(file.name)) {
      files.push({
        kind: 'data',
        name: file.name,
        mime: IMAGE_TYPES[mime.toLowerCase()] ? mime : undefined,
        contents: file,
      });
    }
  });
  if (files.length) return files;

  const uriList = await dataTransfer.get('text/uri-list')?.asString();
  if (uriList) {
    const uris = uriList
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    const out: Source[] = [];
    for (const text of uris) {
      const url = imageUrlOf(text);
      if (url) {
        out.push({ kind: 'url', url });
        continue;
      }
      let uri: vscode.Uri;
      try {
        uri = vscode.Uri.parse(text, true);
      } catch {
        continue;
      }
      if (uri.scheme === 'http' || uri.scheme === 'https' || !isImageFileName(uri.path)) continue;
      const served = servedPath(uri, await site());
      if (served) out.push({ kind: 'site-file', relativePath: served });
      else
        out.push({
          kind: 'data',
          name: uri.path.replace(/^.*\//, ''),
          mime: undefined,
          contents: await vscode.workspace.fs.readFile(uri),
        });
    }
    if (out.length) return out;
  }

  const text = await dataTransfer.get('text/plain')?.asString();
  const url = text !== undefined ? imageUrlOf(text) : undefined;
  return url ? [{ kind: 'url', url }] : [];
}

/**
 * The path inside the site of a file the site publishes as it is (inside the site folder, under no
 * folder Jekyll skips: `_posts/`, `_site/`, `.git/`, ...), or undefined: such a file is copied.
 */
function servedPath(uri: vscode.Uri, site: PostSite | null | undefined): string | undefined {
  if (!site) return undefined;
  const root = vscode.Uri.parse(site.root);
  if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
  const prefix = root.path.replace(/\/+$/, '') + '/';
  if (!uri.path.startsWith(prefix)) return undefined;
  const relative = uri.path.slice(prefix.length);
  return relative.split('/').some((part) => part.startsWith('_') || part.startsWith('.')) ? undefined : relative;
}

/** A name in `folder` that no file has and this edit has not chosen. */
async function freeName(
  folder: vscode.Uri,
  wanted: string,
  chosen: ReadonlySet<string>,
  token: vscode.CancellationToken,
): Promise<string | undefined> {
  const existing = new Set<string>();
  // No folder yet: every name is free (creating the file creates the folder).
  const isFolder = await vscode.workspace.fs.stat(folder).then(
    (stat) => (stat.type & vscode.FileType.Directory) !== 0,
    () => false,
  );
  if (isFolder) for (const [name] of await vscode.workspace.fs.readDirectory(folder)) existing.add(name.toLowerCase());
  if (token.isCancellationRequested) return undefined;
  // Compared without case: on a case-insensitive disk `Figure.png` is `figure.png`.
  return freeFileName(
    wanted,
    (name) => existing.has(name.toLowerCase()) || [...chosen].some((c) => c.toLowerCase() === name.toLowerCase()),
  );
}

/** `seminarPosts.images.width`: whole pixels, or null for none (0 or anything else). */
export function imageWidthSetting(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4000 ? value : null;
}

function folderProblemText(problem: FolderProblem, folder: string): string {
  switch (problem) {
    case 'absolute':
      return vscode.l10n.t(
        'seminarPosts.images.folder must be a folder inside the site such as assets/img/, found "{0}"',
        folder,
      );
    case 'outside':
      return vscode.l10n.t('seminarPosts.images.folder must stay inside the site (no ..), found "{0}"', folder);
    case 'underscore':
      return vscode.l10n.t(
        'seminarPosts.images.folder names a folder Jekyll does not publish (its name starts with _ or .): "{0}"',
        folder,
      );
  }
}
