/**
 * Math as the blog's page finds it: MathJax 2's `tex2jax` reads the text of the page kramdown wrote
 * and typesets what stands between the site's delimiters (`inlineMath`, `displayMath`), so a
 * single-dollar `$L_1$` that kramdown passes through as text is math on the page when the site
 * lists `['$','$']`. `findDelimitedMath` does the same reading on the preview's HTML tree, after the
 * Markdown was rendered as kramdown renders it, and marks each formula for KaTeX.
 *
 * The reading follows tex2jax: text inside `script`, `noscript`, `style`, `textarea`, `pre`, `code`
 * and `annotation` is skipped; a formula may span text nodes separated by `<br>` but no other
 * element; inside it `\x` pairs are skipped and braces must balance before the closing delimiter
 * counts; an opening delimiter that never closes ends the scan of that run of text; with
 * `processEscapes` a `\$` is a plain dollar sign; `\begin{env}...\end{env}` and `\ref{...}` are math
 * without delimiters (`processEnvironments`, `processRefs`). Linear in the text: each run is scanned
 * once, left to right.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { MathDelimiters } from '../site/mathjaxConfig';

export type { MathDelimiters };

/** Elements whose text MathJax does not read (tex2jax's `skipTags`), and formulas already set. */
const SKIP = new Set(['script', 'noscript', 'style', 'textarea', 'pre', 'code', 'annotation', 'annotation-xml']);

/** One formula found in a run of text: its span (delimiters included) and its TeX. */
interface Found {
  /** The formula as written, delimiters included (shown when KaTeX cannot read it). */
  written?: string;
  start: number;
  end: number;
  tex: string;
  display: boolean;
}

/**
 * Replaces, in `tree`, each formula MathJax would find with `<code class="language-math
 * math-inline|math-display">TeX</code>` (what `typesetMath` typesets), and each escaped `\$` with
 * a dollar sign.
 */
export function findDelimitedMath(tree: Root | Element, delimiters: MathDelimiters): void {
  const scanner = new Scanner(delimiters);
  const visit = (parent: Root | Element): void => {
    const out: (RootContent | ElementContent)[] = [];
    let run: (RootContent | ElementContent)[] = [];
    const flush = (): void => {
      if (run.length) out.push(...scanner.rewrite(run));
      run = [];
    };
    for (const node of parent.children) {
      if (node.type === 'text' || (node.type === 'element' && node.tagName === 'br') || node.type === 'comment') {
        run.push(node);
        continue;
      }
      flush();
      if (node.type === 'element' && !SKIP.has(node.tagName) && !isSet(node)) visit(node);
      out.push(node);
    }
    flush();
    parent.children = out;
  };
  visit(tree);
}

/** Formulas already marked or typeset, and text MathJax is told to ignore. */
function isSet(node: Element): boolean {
  const classes = node.properties.className;
  return (
    Array.isArray(classes) &&
    classes.some((c) => c === 'language-math' || c === 'katex' || c === 'katex-display' || c === 'tex2jax_ignore')
  );
}

/** How far past a formula's first closing delimiter its braces may still balance (characters). */
const MAX_UNBALANCED = 2000;

const quote = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

class Scanner {
  private readonly start: RegExp;
  private readonly ends = new Map<string, { end: string; display: boolean; pattern: RegExp }>();

  constructor(private readonly config: MathDelimiters) {
    const starts: string[] = [];
    for (const [open, close] of config.inline) this.add(starts, open, close, false);
    for (const [open, close] of config.display) this.add(starts, open, close, true);
    const parts: string[] = [];
    // Longest first, as tex2jax sorts them: `$$` before `$`.
    if (starts.length)
      parts.push(
        starts
          .sort((a, b) => b.length - a.length)
          .map(quote)
          .join('|'),
      );
    if (config.processEnvironments) parts.push('\\\\begin\\{([^}]*)\\}');
    if (config.processEscapes) parts.push('\\\\*\\\\\\$');
    if (config.processRefs) parts.push('\\\\(?:eq)?ref\\{[^}]*\\}');
    this.start = new RegExp(parts.length ? parts.join('|') : '(?!)', 'g');
  }

  private add(starts: string[], open: string, close: string, display: boolean): void {
    if (!open || !close || this.ends.has(open)) return;
    starts.push(open);
    this.ends.set(open, { end: close, display, pattern: new RegExp(`${quote(close)}|\\\\.|[{}]`, 'g') });
  }

  /** The run of text nodes (and `<br>`s) with its formulas marked. */
  rewrite(run: (RootContent | ElementContent)[]): (RootContent | ElementContent)[] {
    // The run's text, and where each of its nodes sits in it (a `<br>` takes no room).
    let text = '';
    const at: number[] = [];
    for (const node of run) {
      at.push(text.length);
      if (node.type === 'text') text += node.value;
    }
    const found = this.scan(text);
    if (!found.length) return run;
    const out: (RootContent | ElementContent)[] = [];
    let f = 0;
    run.forEach((node, i) => {
      if (node.type !== 'text') {
        // Kept unless it lies inside a formula.
        const o = at[i]!;
        if (!found.some((m) => m.start < o && o < m.end && !('escape' in m))) out.push(node);
        return;
      }
      const from = at[i]!;
      const to = from + node.value.length;
      let pos = from;
      while (pos < to) {
        while (f < found.length && found[f]!.end <= pos) f++;
        const m = found[f];
        if (!m || m.start >= to) {
          out.push({ type: 'text', value: text.slice(pos, to) });
          break;
        }
        if (m.start > pos) out.push({ type: 'text', value: text.slice(pos, m.start) });
        // A formula is put where it starts; the rest of its text (in later nodes) is dropped.
        if (m.start >= pos) out.push(this.element(m));
        pos = Math.min(m.end, to);
      }
    });
    return mergeText(out);
  }

  private element(m: Found): ElementContent {
    if ('escape' in m) return { type: 'text', value: (m as Found & { escape: string }).escape };
    return {
      type: 'element',
      tagName: 'code',
      properties: { className: ['language-math', m.display ? 'math-display' : 'math-inline'] },
      children: [{ type: 'text', value: m.tex }],
      data: { written: m.written } as Element['data'],
    };
  }

  /** The formulas (and escaped dollars) of `text`, in order, as tex2jax finds them. */
  private scan(text: string): Found[] {
    const found: Found[] = [];
    const start = this.start;
    start.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = start.exec(text))) {
      const token = match[0];
      const open = match.index;
      const delimiter = this.ends.get(token);
      if (delimiter) {
        const close = this.close(text, open + token.length, delimiter.pattern, delimiter.end);
        // Never closed: tex2jax stops reading this run of text.
        if (!close) break;
        found.push({
          start: open,
          end: close.end,
          tex: text.slice(open + token.length, close.start),
          display: delimiter.display,
          written: text.slice(open, close.end),
        });
        start.lastIndex = close.end;
      } else if (token.startsWith('\\begin')) {
        const endTag = `\\end{${match[1]}}`;
        const close = this.close(text, open + token.length, new RegExp(`${quote(endTag)}|\\\\.|[{}]`, 'g'), endTag);
        if (!close) break;
        found.push({
          start: open,
          end: close.end,
          tex: text.slice(open, close.end),
          display: true,
          written: text.slice(open, close.end),
        });
        start.lastIndex = close.end;
      } else if (/^\\(?:eq)?ref\{/.test(token)) {
        found.push({ start: open, end: open + token.length, tex: token, display: false, written: token });
      } else {
        // Backslashes and a dollar: an odd count escapes the dollar, which is then plain text.
        const slashes = token.slice(0, -1);
        if (slashes.length % 2 === 0) {
          found.push({
            start: open,
            end: open + slashes.length,
            tex: '',
            display: false,
            escape: slashes.slice(slashes.length / 2),
          } as Found);
          start.lastIndex = open + slashes.length;
        } else {
          const kept = slashes.slice(1);
          found.push({
            start: open,
            end: open + token.length,
            tex: '',
            display: false,
            escape: kept.slice(kept.length / 2) + '$',
          } as Found);
        }
      }
    }
    return found;
  }

  /** The closing delimiter after `from`, braces balanced, `\x` skipped (tex2jax's end pattern). */
  private close(text: string, from: number, pattern: RegExp, end: string): { start: number; end: number } | undefined {
    pattern.lastIndex = from;
    let depth = 0;
    let first: { start: number; end: number } | undefined;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(text))) {
      // Unbalanced braces would send tex2jax to the end of the text for every opener, which is
      // quadratic: past this far after the first closing delimiter, that one is taken (as tex2jax
      // takes it when braces never balance).
      if (first && m.index - first.end > MAX_UNBALANCED) return first;
      if (m[0] === end) {
        first ??= { start: m.index, end: m.index + end.length };
        if (depth === 0) return { start: m.index, end: m.index + end.length };
      } else if (m[0] === '{') depth++;
      else if (m[0] === '}' && depth) depth--;
    }
    // Unbalanced braces: tex2jax ends the formula at the first closing delimiter it saw.
    return first;
  }
}

function mergeText(nodes: (RootContent | ElementContent)[]): (RootContent | ElementContent)[] {
  const out: (RootContent | ElementContent)[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text')
      out[out.length - 1] = { type: 'text', value: last.value + node.value };
    else if (!(node.type === 'text' && node.value === '')) out.push(node);
  }
  return out;
}
