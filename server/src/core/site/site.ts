/**
 * The Jekyll site around a post: the folder with `_config.yml` above it, its theme, whether it
 * publishes future posts, and the layouts it has. Rules that need it (`unknown-layout`,
 * `future-date`, `image-src`) are skipped for a post outside any site.
 */
import { markdownExtensionsOf } from '../jekyllPostName';
import { parseJekyllYaml } from '../parse/jekyllYaml';
import { readMathjaxConfig, type MathDelimiters } from './mathjaxConfig';
import { dirname, joinPath, type FileSystemHost } from '../host';

export interface SiteContext {
  /** The site's root folder (holds `_config.yml`). */
  root: string;
  /** `theme:` of `_config.yml`, if any. */
  theme: string | undefined;
  /** `remote_theme:` of `_config.yml`, if any. */
  remoteTheme: string | undefined;
  /**
   * `future` in `_config.yml` is set to anything but `false` (or null): Jekyll publishes posts dated
   * in the future. Jekyll tests the value with Ruby's truthiness, so any string (even `"false"`)
   * or number turns it on.
   */
  future: boolean;
  /**
   * Every layout a post may name: the theme's (when the theme is known) and `_layouts/*.html`.
   * Undefined when the theme's layouts cannot be known (an unknown or remote theme).
   */
  layouts: string[] | undefined;
  /** Why `_config.yml` could not be read, when it could not. */
  configProblem: string | undefined;
  /**
   * `timezone` of `_config.yml` as written (`Asia/Seoul`), or undefined when it sets none: Jekyll then
   * builds in the machine's zone, which on GitHub Pages is UTC (see `buildTimeZone`).
   */
  timezone?: string;
  /** `markdown_ext` of `_config.yml` as a list of lower-case extensions (Jekyll's default when unset). */
  markdownExtensions?: readonly string[];
  /**
   * Where the site's own includes and layouts load MathJax from the host MathJax retired in 2017
   * (`cdn.mathjax.org`), in file order; empty when they do not.
   */
  retiredMathJax?: readonly RetiredMathJax[];
  /** `baseurl` of `_config.yml`, as `/blog`; undefined when the site is served at its root. */
  baseurl: string | undefined;
  /**
   * The file a site path names (`/assets/a.png`, `assets/a.png`, or `/blog/assets/a.png` under the
   * baseurl `/blog`), when the site has it.
   */
  filePath(sitePath: string): string | undefined;
  /** True when `sitePath` names a file of the site (see {@link filePath}). */
  exists(sitePath: string): boolean;
  /** What the site's MathJax reads as math (its includes' `tex2jax` settings), for the preview. */
  mathjax: MathDelimiters;
}

/** A script address on `cdn.mathjax.org` in one of the site's files. */
export interface RetiredMathJax {
  /** The file, relative to the site (`_includes/mathjax.html`). */
  file: string;
  /** 0-based line of the address. */
  line: number;
  url: string;
}

/** Layouts of the themes whose layouts are known. */
export const THEME_LAYOUTS: Record<string, string[]> = {
  minima: ['default', 'home', 'page', 'post'],
  'jekyll-theme-minimal': ['default', 'post'],
  'jekyll-theme-cayman': ['default', 'post'],
  'jekyll-theme-primer': ['default', 'home', 'page', 'post'],
};

/** Finds the site whose root holds `postPath` (a file path), or undefined. */
export function findSite(postPath: string, fs: FileSystemHost): SiteContext | undefined {
  let dir = dirname(postPath);
  for (let depth = 0; depth < 64; depth++) {
    const configPath = joinPath(dir, '_config.yml');
    if (fs.isFile(configPath)) return readSite(dir, fs);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** Reads the site rooted at `root`. */
export function readSite(root: string, fs: FileSystemHost): SiteContext {
  const text = fs.readFile(joinPath(root, '_config.yml')) ?? '';
  let data: Record<string, unknown> = {};
  let configProblem: string | undefined;
  const doc = parseJekyllYaml(text, { uniqueKeys: false, logLevel: 'error' });
  if (doc.errors.length) {
    configProblem = doc.errors[0]!.message.split('\n')[0];
  } else {
    const value = doc.toJS() as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
  }
  const theme = typeof data.theme === 'string' ? data.theme : undefined;
  const remoteTheme = typeof data.remote_theme === 'string' ? data.remote_theme : undefined;
  const own = fs
    .readDirectory(joinPath(root, '_layouts'))
    .filter((name) => /\.html?$/i.test(name))
    .map((name) => name.replace(/\.html?$/i, ''));
  let layouts: string[] | undefined;
  if (remoteTheme || configProblem || (theme && !THEME_LAYOUTS[theme])) {
    layouts = undefined;
  } else {
    // Without a theme, GitHub Pages builds with `jekyll-theme-primer`.
    const themeLayouts = THEME_LAYOUTS[theme ?? 'jekyll-theme-primer'] ?? [];
    layouts = [...new Set([...themeLayouts, ...own])].sort();
  }
  const baseurl = normalizeBaseurl(data.baseurl);
  const fileAt = (relative: string): string | undefined => {
    if (relative === '' || relative.split('/').includes('..')) return undefined;
    const path = joinPath(root, relative);
    return fs.isFile(path) ? path : undefined;
  };
  const filePath = (sitePath: string): string | undefined => {
    const decoded = decodePath(sitePath.replace(/[?#].*$/, ''));
    // The site is served under its baseurl: `/blog/assets/a.png` is the site's `assets/a.png`.
    const underBase =
      baseurl && decoded.startsWith(`${baseurl}/`)
        ? fileAt(decoded.slice(baseurl.length + 1).replace(/^\/+/, ''))
        : undefined;
    return underBase ?? fileAt(decoded.replace(/^\/+/, ''));
  };
  return {
    root,
    theme,
    remoteTheme,
    future: rubyTruthy(data.future),
    timezone: typeof data.timezone === 'string' && data.timezone.trim() ? data.timezone.trim() : undefined,
    markdownExtensions: markdownExtensionsOf(data.markdown_ext),
    retiredMathJax: retiredMathJaxIn(root, fs),
    layouts,
    configProblem,
    baseurl,
    filePath,
    exists: (sitePath) => filePath(sitePath) !== undefined,
    mathjax: readMathjaxConfig(root, fs),
  };
}

const RETIRED_MATHJAX = /(?:https?:)?\/\/cdn\.mathjax\.org\/[^\s"'<>]*/g;

/** The `cdn.mathjax.org` addresses of the site's `_includes/` and `_layouts/` (HTML files, first 256 KB each). */
function retiredMathJaxIn(root: string, fs: FileSystemHost): RetiredMathJax[] {
  const found: RetiredMathJax[] = [];
  for (const folder of ['_includes', '_layouts']) {
    for (const name of fs
      .readDirectory(joinPath(root, folder))
      .filter((n) => /\.html?$/i.test(n))
      .sort()) {
      const text = fs.readFile(joinPath(root, folder, name))?.slice(0, 256 * 1024);
      if (!text || !text.includes('cdn.mathjax.org')) continue;
      text.split('\n').forEach((line, i) => {
        for (const m of line.matchAll(RETIRED_MATHJAX)) found.push({ file: `${folder}/${name}`, line: i, url: m[0] });
      });
    }
  }
  return found;
}

/** `baseurl` of `_config.yml` as Jekyll joins it to paths: `/blog` (from `blog`, `/blog/`), or undefined for none. */
function normalizeBaseurl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : undefined;
}

/** Ruby's truthiness: everything but `nil` and `false` is true. */
function rubyTruthy(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false;
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
