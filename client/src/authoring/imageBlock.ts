/**
 * The centered image block of the blog's posts, as "Insert Image Block" writes it:
 *
 * ```html
 * <p align="center">
 *   <img src="https://..." width="450">
 * </p>
 * ```
 *
 * Inside an existing block the command adds one `<img>` line, for side-by-side images.
 */
import type { TextPosition } from './postText';

/** Why a URL makes a broken image, or undefined when it looks right. */
export type ImageUrlProblem = 'empty' | 'not-a-url' | 'github-blob' | 'inside-posts';

/**
 * Checks an image URL as the blog needs it: an absolute http(s) URL or a path on the site
 * (`/assets/a.png`). A GitHub `blob/` URL is an HTML page and a path inside `_posts/` is never
 * served: both are problems the real drafts had.
 */
export function imageUrlProblem(url: string): ImageUrlProblem | undefined {
  const value = url.trim();
  if (value === '') return 'empty';
  if (/(?:^|\/)_posts\//.test(value)) return 'inside-posts';
  if (value.startsWith('/') && !value.startsWith('//')) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return 'not-a-url';
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || !parsed.hostname) return 'not-a-url';
  if (parsed.hostname === 'github.com' && /^\/[^/]+\/[^/]+\/blob\//.test(parsed.pathname)) return 'github-blob';
  return undefined;
}

/** The raw-file URL of a GitHub `blob/` URL (what an `<img>` can show). */
export function githubRawUrl(url: string): string {
  return url.trim().replace(/^(https?:\/\/github\.com\/[^/]+\/[^/]+\/)blob\//, '$1raw/');
}

/** The clipboard's text when it is one http(s) URL, else undefined. */
export function urlFromClipboard(text: string): string | undefined {
  const value = text.trim();
  return /^https?:\/\/\S+$/i.test(value) && imageUrlProblem(value) !== 'not-a-url' ? value : undefined;
}

/** Reads an optional width in pixels (`450`, `450px`); `null` when empty, undefined when invalid. */
export function parseImageWidth(text: string): number | null | undefined {
  const value = text.trim();
  if (value === '') return null;
  const m = /^(\d{1,4})\s*(?:px)?$/i.exec(value);
  const width = m ? Number(m[1]) : NaN;
  return width >= 1 && width <= 4000 ? width : undefined;
}

/** One `<img>` line; the URL is kept as typed except for the characters an attribute cannot hold. */
export function imageTag(url: string, width: number | null, indent = '  '): string {
  const src = url.trim().replace(/"/g, '%22').replace(/\s/g, '%20');
  return `${indent}<img src="${src}"${width === null ? '' : ` width="${width}"`}>`;
}

/** The lines of the centered image block the cursor is in (from `<p align="center">` to `</p>`), or undefined. */
export function centeredBlockAround(
  lines: readonly string[],
  line: number,
): { open: number; close: number } | undefined {
  let open = -1;
  for (let i = Math.min(line, lines.length - 1); i >= 0; i--) {
    if (/<\/p\s*>/i.test(lines[i]!) && i < line) return undefined;
    if (/^\s*<p\b[^>]*\balign\s*=\s*["']?center\b/i.test(lines[i]!)) {
      open = i;
      break;
    }
  }
  if (open < 0) return undefined;
  for (let i = open; i < lines.length; i++) {
    if (/<\/p\s*>/i.test(lines[i]!)) return i >= line ? { open, close: i } : undefined;
    if (i > open && lines[i]!.trim() === '') return undefined;
  }
  return undefined;
}

/**
 * What "Insert Image Block" inserts for a cursor on `cursorLine`: one `<img>` line inside the
 * centered block around the cursor, or a new block on the cursor's line when it is blank, or
 * after it.
 */
export function imageInsertion(
  lines: readonly string[],
  cursorLine: number,
  url: string,
  width: number | null,
): { position: TextPosition; text: string; intoBlock: boolean } {
  const block = centeredBlockAround(lines, cursorLine);
  if (block) {
    const after = Math.min(Math.max(cursorLine, block.open), block.close - 1);
    const indent = /^\s*<img/i.test(lines[after]!) ? /^\s*/.exec(lines[after]!)![0] : '  ';
    return {
      position: { line: after, character: lines[after]!.length },
      text: `\n${imageTag(url, width, indent)}`,
      intoBlock: true,
    };
  }
  const blockText = ['<p align="center">', imageTag(url, width), '</p>'].join('\n');
  const current = lines[cursorLine] ?? '';
  if (current.trim() === '')
    return { position: { line: cursorLine, character: current.length }, text: blockText, intoBlock: false };
  return { position: { line: cursorLine, character: current.length }, text: `\n${blockText}`, intoBlock: false };
}
