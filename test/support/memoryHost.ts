/**
 * An in-memory file system for core tests: `{ '/site/_config.yml': 'theme: minima' }`.
 */
import type { FileSystemHost } from '../../server/src/core/host';

export function memoryHost(files: Record<string, string>): FileSystemHost {
  const normalized = new Map(Object.entries(files).map(([p, text]) => [p.replace(/\/+$/, ''), text]));
  const isDirectory = (p: string) => {
    const prefix = p.replace(/\/+$/, '') + '/';
    return [...normalized.keys()].some((file) => file.startsWith(prefix));
  };
  return {
    readFile: (p) => normalized.get(p),
    isFile: (p) => normalized.has(p),
    isDirectory,
    readDirectory: (p) => {
      const prefix = p.replace(/\/+$/, '') + '/';
      const names = new Set<string>();
      for (const file of normalized.keys())
        if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split('/')[0]!);
      return [...names].sort();
    },
  };
}
