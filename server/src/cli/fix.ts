/**
 * `--fix` writes a fixed post without ever leaving it half written (which fixes, and how they are
 * chosen, is the core's `settleFixes`, the same as the editor's Fix All). `--fix-dry-run` writes
 * nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The end of the temporary file's name (`.<post>.<pid>.<time>.seminar-posts.tmp`, beside the post).
 * A process killed while writing may leave one; the post itself is then untouched, and the file
 * is not a post (no `.md` ending), so a later run ignores it. It may be deleted.
 */
export const TEMPORARY_SUFFIX = '.seminar-posts.tmp';

/** A rename target that already exists: the fix is not applied. */
export class RenameConflictError extends Error {}

/**
 * Writes `text` to `file`, renamed to `newFile` when it differs, so that no reader ever sees a
 * half-written post: the text goes to a temporary file in the same folder, which then replaces
 * (or becomes) the target. An existing `newFile` is never overwritten.
 */
export function writePost(file: string, newFile: string, text: string | undefined): void {
  const mode = fs.statSync(file).mode & 0o7777;
  if (newFile !== file && fs.existsSync(newFile))
    throw new RenameConflictError(`${path.basename(newFile)} already exists`);
  if (text === undefined) {
    moveWithoutClobbering(file, newFile);
    return;
  }
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Date.now()}${TEMPORARY_SUFFIX}`,
  );
  fs.writeFileSync(temporary, text, { mode, flag: 'wx' });
  try {
    if (newFile === file) {
      fs.renameSync(temporary, file);
    } else {
      moveWithoutClobbering(temporary, newFile);
      fs.unlinkSync(file);
    }
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Renames `from` to `to`, failing if `to` exists (a hard link refuses to replace a file). */
function moveWithoutClobbering(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new RenameConflictError(`${path.basename(to)} already exists`);
    // File systems without hard links: check, then rename.
    if (fs.existsSync(to)) throw new RenameConflictError(`${path.basename(to)} already exists`);
    fs.renameSync(from, to);
    return;
  }
  fs.unlinkSync(from);
}
