/**
 * "New Quarter Post": asks the quarter and the first seminar's date, finds the site, and creates
 * `_posts/YYYY-MM-DD-Nth_quarter.md` through a workspace edit (never over an existing file),
 * then opens it with the cursor on the first paper's title.
 */
import * as vscode from 'vscode';
import { formatDate, type CalendarDate } from '../../../server/src/core/jekyll';
import {
  defaultSeminarDate,
  formatYearQuarter,
  isInQuarter,
  paperTitlePosition,
  parseSeminarDate,
  parseYearQuarter,
  postsOfQuarter,
  quarterContaining,
  quarterMonths,
  quarterPostFileName,
  quarterPostText,
  siteRootCandidates,
  siteRootOfPost,
  type YearQuarter,
} from '../authoring/quarterPost';
import { labels } from '../configuration';
import type { CommandContext } from './common';

/** Answers that stand in for the prompts (for tests and other extensions). */
export interface NewQuarterPostArgs {
  /** e.g. `2020 2nd`, `2020 Q2`. */
  quarter?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  /** The site's folder (a file system path or a URI string). */
  siteRoot?: string;
  /**
   * The answer when the quarter already has a post: `create` a second one anyway, `open` the
   * existing one, or `cancel`. Without it the command asks.
   */
  ifQuarterHasPost?: 'create' | 'open' | 'cancel';
}

const EXCLUDE = '{**/node_modules/**,**/_site/**,**/vendor/**,**/.git/**}';

/** Creates the quarter's post; returns its URI, or undefined when nothing was created. */
export async function newQuarterPost(ctx: CommandContext, rawArgs?: unknown): Promise<vscode.Uri | undefined> {
  const args = (rawArgs && typeof rawArgs === 'object' ? rawArgs : {}) as NewQuarterPostArgs;
  const now = new Date();
  const today: CalendarDate = { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };

  const quarter =
    args.quarter !== undefined ? parseYearQuarter(args.quarter) : await askQuarter(quarterContaining(today));
  if (!quarter) {
    if (args.quarter !== undefined) void vscode.window.showErrorMessage(quarterProblem(args.quarter));
    return undefined;
  }
  const date = args.date !== undefined ? parseSeminarDate(args.date) : await askDate(quarter, today);
  if (!date) {
    if (args.date !== undefined) void vscode.window.showErrorMessage(dateProblem(args.date, quarter) ?? args.date);
    return undefined;
  }
  if (!isInQuarter(date, quarter)) {
    void vscode.window.showErrorMessage(dateProblem(formatDate(date), quarter)!);
    return undefined;
  }
  const root = args.siteRoot !== undefined ? toUri(args.siteRoot) : await chooseSiteRoot(ctx);
  if (!root) return undefined;

  const postsFolder = vscode.Uri.joinPath(root, '_posts');
  const uri = vscode.Uri.joinPath(postsFolder, quarterPostFileName(quarter, date));
  if (await exists(uri)) {
    // The command returns now: its caller (a test, another extension) must not wait until the
    // person dismisses the notification.
    const open = vscode.l10n.t('Open It');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t('{0} already exists; nothing was written.', vscode.workspace.asRelativePath(uri)),
        open,
      )
      .then((choice) => {
        // The file may be gone by the time the person clicks: say so rather than fail silently.
        if (choice === open)
          vscode.window.showTextDocument(uri).then(undefined, (error: unknown) => {
            void vscode.window.showErrorMessage(
              vscode.l10n.t(
                'Could not open {0}: {1}',
                vscode.workspace.asRelativePath(uri),
                error instanceof Error ? error.message : String(error),
              ),
            );
          });
      });
    return undefined;
  }
  const sameQuarter = postsOfQuarter(await fileNamesIn(postsFolder), quarter);
  // Jekyll would publish both: ask before writing a second post for the quarter.
  if (sameQuarter.length > 0) {
    const given = args.ifQuarterHasPost;
    const answer =
      given === 'create' || given === 'open' || given === 'cancel'
        ? given
        : await askAboutSecondPost(quarter, sameQuarter);
    if (answer === 'open') await vscode.window.showTextDocument(vscode.Uri.joinPath(postsFolder, sameQuarter[0]!));
    if (answer !== 'create') return undefined;
  }

  const label = labels(root).presenterLabels[0]!;
  const text = quarterPostText(quarter, date, label);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}.', uri.fsPath));
    return undefined;
  }
  ctx.output.info(vscode.l10n.t('Created {0}', uri.fsPath));

  const editor = await vscode.window.showTextDocument(uri);
  const { line, character } = paperTitlePosition(editor.document.getText());
  const position = new vscode.Position(line, character);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position));
  return uri;
}

/** Asks whether to write a second post for a quarter that has one; `cancel` when the person closes the dialog. */
async function askAboutSecondPost(
  quarter: YearQuarter,
  existing: readonly string[],
): Promise<'create' | 'open' | 'cancel'> {
  const open = vscode.l10n.t('Open {0}', existing[0]!);
  const create = vscode.l10n.t('Create a Second Post');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already has a post: {1}.', formatYearQuarter(quarter), existing.join(', ')),
    {
      modal: true,
      detail: vscode.l10n.t(
        "Jekyll publishes both, and the front page then lists the quarter twice. The blog adds each talk to the quarter's one post.",
      ),
    },
    open,
    create,
  );
  return choice === create ? 'create' : choice === open ? 'open' : 'cancel';
}

async function askQuarter(current: YearQuarter): Promise<YearQuarter | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Quarter Post (1/2)'),
    prompt: vscode.l10n.t(
      'Year and quarter of the post, e.g. 2020 2nd (1st: Jan-Mar, 2nd: Apr-Jun, 3rd: Jul-Sep, 4th: Oct-Dec)',
    ),
    value: formatYearQuarter(current),
    ignoreFocusOut: true,
    validateInput: (text) => (parseYearQuarter(text) ? undefined : quarterProblem(text)),
  });
  return value === undefined ? undefined : parseYearQuarter(value);
}

async function askDate(quarter: YearQuarter, today: CalendarDate): Promise<CalendarDate | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Quarter Post (2/2)'),
    prompt: vscode.l10n.t(
      "Date of the first seminar of the quarter (YYYY-MM-DD); it is the post's date and starts its file name",
    ),
    value: formatDate(defaultSeminarDate(quarter, today)),
    ignoreFocusOut: true,
    validateInput: (text) => dateProblem(text, quarter),
  });
  return value === undefined ? undefined : parseSeminarDate(value);
}

function quarterProblem(text: string): string {
  return vscode.l10n.t('Expected a year and a quarter such as 2020 2nd or 2020 Q2, found "{0}"', text);
}

function dateProblem(text: string, quarter: YearQuarter): string | undefined {
  const date = parseSeminarDate(text);
  if (!date) return vscode.l10n.t('Expected a date such as 2020-04-02, found "{0}"', text);
  if (isInQuarter(date, quarter)) return undefined;
  const [first, last] = quarterMonths(quarter.quarter);
  return vscode.l10n.t(
    '{0} is not in quarter {1} of {2} (months {3}-{4})',
    text.trim(),
    quarter.quarter,
    quarter.year,
    first,
    last,
  );
}

/**
 * The folder of the site that gets the post: the one the active post is in, the only site of the
 * workspace, the one the user picks among several, or, when no site is found, a workspace folder
 * the user confirms.
 */
async function chooseSiteRoot(ctx: CommandContext): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeRoot = active?.scheme === 'file' ? siteRootOfPost(active.path) : undefined;
  if (active && activeRoot !== undefined) return active.with({ path: activeRoot });

  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t("Open the blog's folder first: the post is created in its _posts folder."),
    );
    return undefined;
  }
  const [configs, posts] = await Promise.all([
    vscode.workspace.findFiles('**/_config.yml', EXCLUDE, 50),
    vscode.workspace.findFiles('**/_posts/**/*.{md,markdown}', EXCLUDE, 200),
  ]);
  const base = configs[0] ?? posts[0] ?? folders[0]!.uri;
  const roots = siteRootCandidates(
    configs.map((u) => u.path),
    posts.map((u) => u.path),
  ).map((path) => base.with({ path }));
  if (roots.length === 1) {
    ctx.output.info(vscode.l10n.t('Site root: {0}', roots[0]!.fsPath));
    return roots[0];
  }
  if (roots.length > 1) {
    const picked = await vscode.window.showQuickPick(
      roots.map((uri) => ({ label: vscode.workspace.asRelativePath(uri, true), description: uri.fsPath, uri })),
      { title: vscode.l10n.t('Several Jekyll sites: which one gets the post?'), ignoreFocusOut: true },
    );
    return picked?.uri;
  }
  const folder =
    folders.length === 1
      ? folders[0]
      : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder of the site') });
  if (!folder) return undefined;
  const create = vscode.l10n.t('Create Here');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'No Jekyll site (_config.yml or _posts) was found in the workspace. Create the post in {0}?',
      vscode.Uri.joinPath(folder.uri, '_posts').fsPath,
    ),
    { modal: true },
    create,
  );
  return choice === create ? folder.uri : undefined;
}

function toUri(pathOrUri: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(pathOrUri) ? vscode.Uri.parse(pathOrUri) : vscode.Uri.file(pathOrUri);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function fileNamesIn(folder: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(folder))
      .filter(([, type]) => type === vscode.FileType.File)
      .map(([name]) => name);
  } catch {
    return [];
  }
}
