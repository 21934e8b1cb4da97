/**
 * Turns the command line's paths (files, folders, globs) into the list of posts to check.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { findFrontMatter } from '../core/parse/frontMatter';
import { POST_FILE_NAME } from '../core/jekyll';

/** A path that cannot be read; the CLI exits with 2. */
export class PathError extends Error {}

const MARKDOWN = /\.(md|markdown)$/i;
/** Folders never searched: dependencies, build output, version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '_site', '.jekyll-cache', '.sass-cache', 'vendor', '.bundle']);

/**
 * The files `inputs` name, absolute, without duplicates, in a stable order.
 * - a file: itself, whatever its name;
 * - a folder: the Markdown files under its `_posts/` folders; in a folder without any `_posts/`,
 *   the Markdown files that look like posts (they open with `---` or have a dated name);
 * - a glob (`posts/**\/*.md`): the files it matches.
 */
export function expandPaths(inputs: readonly string[], cwd: string): string[] {
  const out = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      if (picomatch.scan(input).isGlob) {
        for (const file of expandGlob(input, cwd)) out.add(file);
        continue;
      }
      throw new PathError(`cannot read ${input}: ${describe(error)}`);
    }
    if (stat.isDirectory()) {
      for (const file of postsInFolder(absolute)) out.add(file);
    } else if (stat.isFile()) {
      checkReadable(absolute, input);
      out.add(absolute);
    } else {
      throw new PathError(`cannot read ${input}: not a file or folder`);
    }
  }
  return [...out];
}

function postsInFolder(folder: string): string[] {
  const markdown = walk(folder).filter((file) => MARKDOWN.test(file));
  const inPosts = markdown.filter(
    (file) =>
      path.relative(folder, file).split(path.sep).includes('_posts') || folder.split(path.sep).includes('_posts'),
  );
  if (inPosts.length) return inPosts;
  return markdown.filter(looksLikePost);
}

function looksLikePost(file: string): boolean {
  if (POST_FILE_NAME.test(path.basename(file))) return true;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
      return findFrontMatter(buffer.subarray(0, n).toString('utf8')) !== undefined;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

function expandGlob(pattern: string, cwd: string): string[] {
  const scan = picomatch.scan(pattern);
  const base = path.resolve(cwd, scan.base || '.');
  const isMatch = picomatch(scan.glob, { dot: false });
  if (!fs.existsSync(base)) return [];
  return walk(base).filter((file) => isMatch(path.relative(base, file).split(path.sep).join('/')));
}

/** Every file under `root`, sorted; follows symbolic links once (a link loop is not followed twice). */
function walk(root: string): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = fs.statSync(full);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) visit(full);
      else if (isFile) files.push(full);
    }
  };
  visit(root);
  return files;
}

function checkReadable(file: string, shown: string): void {
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch (error) {
    throw new PathError(`cannot read ${shown}: ${describe(error)}`);
  }
}

export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EISDIR':
      return 'is a folder';
    default:
      return (error as Error)?.message ?? String(error);
  }
}
