/**
 * Which delimiters the site's MathJax reads as math: the `tex2jax` settings of the
 * `MathJax.Hub.Config({...})` block in the site's own includes or layouts (the seminar blog keeps
 * it in `_includes/mathjax.html`). The preview typesets what that configuration typesets
 * (`render/mathjaxDelimiters.ts`), so `$L_1$` is math in the preview exactly when it is on the page.
 */
import { joinPath, type FileSystemHost } from '../host';

/** The part of a MathJax 2 `tex2jax` configuration that decides what is math. */
export interface MathDelimiters {
  readonly inline: readonly (readonly [string, string])[];
  readonly display: readonly (readonly [string, string])[];
  readonly processEscapes: boolean;
  readonly processEnvironments: boolean;
  readonly processRefs: boolean;
}

/** MathJax 2's own defaults (`tex2jax`): `\(...\)` inline; `$$...$$` and `\[...\]` display. */
export const MATHJAX2_DEFAULTS: MathDelimiters = {
  inline: [['\\(', '\\)']],
  display: [
    ['$$', '$$'],
    ['\\[', '\\]'],
  ],
  processEscapes: false,
  processEnvironments: true,
  processRefs: true,
};

/**
 * The seminar blog's set-up (`_includes/mathjax.html`): `$...$` and `\(...\)` inline, escapes
 * processed, the rest MathJax 2's defaults. The preview uses it for a post outside any site and
 * for a site whose files name no MathJax.
 */
export const BLOG_MATHJAX: MathDelimiters = {
  ...MATHJAX2_DEFAULTS,
  inline: [
    ['$', '$'],
    ['\\(', '\\)'],
  ],
  processEscapes: true,
};

/** Largest include or layout read (a MathJax block is a few hundred bytes). */
const MAX_FILE = 256 * 1024;

/**
 * The MathJax delimiters of the site at `root`: the first `MathJax.Hub.Config` found in
 * `_includes/` or `_layouts/` (its `tex2jax` keys over MathJax 2's defaults), MathJax 2's defaults
 * when a file loads MathJax without configuring it, and {@link BLOG_MATHJAX} when none mentions it.
 */
export function readMathjaxConfig(root: string, fs: FileSystemHost): MathDelimiters {
  let loaded = false;
  for (const folder of ['_includes', '_layouts']) {
    const dir = joinPath(root, folder);
    for (const name of fs
      .readDirectory(dir)
      .filter((n) => /\.html?$/i.test(n))
      .sort()) {
      const text = fs.readFile(joinPath(dir, name));
      if (!text || text.length > MAX_FILE || !/mathjax/i.test(text)) continue;
      const config = parseHubConfig(text);
      if (config) return config;
      if (/<script[^>]+src=["'][^"']*mathjax/i.test(text)) loaded = true;
    }
  }
  return loaded ? MATHJAX2_DEFAULTS : BLOG_MATHJAX;
}

/** The `tex2jax` settings of a `MathJax.Hub.Config({...})` call in `text`, over MathJax 2's defaults. */
export function parseHubConfig(text: string): MathDelimiters | undefined {
  const at = text.search(/MathJax\.Hub\.Config\s*\(/);
  if (at < 0) return undefined;
  const block = text.slice(at, at + 20_000);
  const tex2jax = /tex2jax\s*:\s*\{/.exec(block);
  if (!tex2jax) return MATHJAX2_DEFAULTS;
  const body = block.slice(tex2jax.index + tex2jax[0].length);
  const pairs = (key: string): [string, string][] | undefined => {
    const m = new RegExp(`\\b${key}\\s*:\\s*\\[`).exec(body);
    return m ? readPairs(body, m.index + m[0].length - 1) : undefined;
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const m = new RegExp(`\\b${key}\\s*:\\s*(true|false)`).exec(body);
    return m ? m[1] === 'true' : fallback;
  };
  return {
    inline: pairs('inlineMath') ?? MATHJAX2_DEFAULTS.inline,
    display: pairs('displayMath') ?? MATHJAX2_DEFAULTS.display,
    processEscapes: flag('processEscapes', MATHJAX2_DEFAULTS.processEscapes),
    processEnvironments: flag('processEnvironments', MATHJAX2_DEFAULTS.processEnvironments),
    processRefs: flag('processRefs', MATHJAX2_DEFAULTS.processRefs),
  };
}

/**
 * The JavaScript array of string pairs at `text[open]` (`[ ['$','$'], ["\\(","\\)"] ]`), or
 * undefined when it is anything else.
 */
function readPairs(text: string, open: number): [string, string][] | undefined {
  const strings: string[][] = [];
  let depth = 0;
  let i = open;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '[') {
      depth++;
      if (depth === 2) strings.push([]);
      else if (depth > 2) return undefined;
    } else if (c === ']') {
      depth--;
      if (depth === 0) break;
    } else if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (text[j] === '\\' && j + 1 < text.length) value += text[++j];
        else value += text[j];
      }
      if (depth !== 2) return undefined;
      strings[strings.length - 1]!.push(value);
      i = j;
    } else if (!/[\s,]/.test(c)) {
      return undefined;
    }
  }
  if (depth !== 0) return undefined;
  const pairs = strings.filter((s) => s.length === 2 && s[0] && s[1]) as [string, string][];
  return pairs.length === strings.length ? pairs : undefined;
}
