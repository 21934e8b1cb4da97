/**
 * What the core may ask of the file system. The core never imports `fs`: the CLI and the server
 * pass a host (`server/src/node/nodeHost.ts`), and tests pass an in-memory one.
 * Paths are absolute file-system paths with `/` separators.
 */
export interface FileSystemHost {
  /** The file's text, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  isFile(path: string): boolean;
  isDirectory(path: string): boolean;
  /** Names of the entries of a folder (empty when it cannot be read). */
  readDirectory(path: string): string[];
}

/** The folder part of a `/`-separated path (`/a/b/c.md` -> `/a/b`). */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** Joins `/`-separated path parts. */
export function joinPath(...parts: string[]): string {
  return parts.join('/').replace(/\/{2,}/g, '/');
}
