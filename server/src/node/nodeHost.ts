/**
 * The file system as the core sees it (`FileSystemHost`), backed by Node's `fs`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { FileSystemHost } from '../core/host';

export const nodeFileSystem: FileSystemHost = {
  readFile(p) {
    try {
      return fs.readFileSync(toNative(p), 'utf8');
    } catch {
      return undefined;
    }
  },
  isFile(p) {
    try {
      return fs.statSync(toNative(p)).isFile();
    } catch {
      return false;
    }
  },
  isDirectory(p) {
    try {
      return fs.statSync(toNative(p)).isDirectory();
    } catch {
      return false;
    }
  },
  readDirectory(p) {
    try {
      return fs.readdirSync(toNative(p));
    } catch {
      return [];
    }
  },
};

/** A native path as the core writes paths: absolute, with `/` separators. */
export function toCorePath(nativePath: string): string {
  return path.resolve(nativePath).split(path.sep).join('/');
}

function toNative(corePath: string): string {
  return path.sep === '/' ? corePath : corePath.split('/').join(path.sep);
}

/** The core path of a `file:` URI, or undefined for another scheme. */
export function uriToCorePath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? toCorePath(parsed.fsPath) : undefined;
}

/** The `file:` URI of a native path. */
export function pathToUri(nativePath: string): string {
  return URI.file(path.resolve(nativePath)).toString();
}
