/**
 * A light reading of a post's lines for the editing commands: where the front matter ends, which
 * lines open a paper section (`# title`, outside fenced code), and the presenter lines. The
 * language server holds the full model; the commands only need to know where to insert.
 */

/** A position in a document: 0-based line and UTF-16 character. */
export interface TextPosition {
  line: number;
  character: number;
}

/** Splits a document into lines the way VS Code counts them (`\n`, `\r\n` or a lone `\r`). */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The first line after the front matter (0 when the post has none or it is never closed). */
export function bodyStartLine(lines: readonly string[]): number {
  if (!/^---\s*$/.test(lines[0] ?? '')) return 0;
  for (let i = 1; i < lines.length; i++) if (/^(?:---|\.\.\.)\s*$/.test(lines[i]!)) return i + 1;
  return 0;
}

/** Lines (0-based) of the `# ` headings that open paper sections, skipping fenced code. */
export function sectionStartLines(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let fence: string | undefined;
  for (let i = bodyStartLine(lines); i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
        fence = undefined;
    } else if (marker) {
      fence = marker;
    } else if (/^ {0,3}#(?:[ \t]|$)/.test(line)) {
      starts.push(i);
    }
  }
  return starts;
}

const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';

/**
 * Where a new paper section goes for a cursor on `cursorLine`: after the section holding the
 * cursor, that is, just before the next section's `#` line, or at the end of the post. A cursor in
 * the front matter or before the first section puts the new section first. `text` is inserted at
 * `position`; it already carries the blank lines that keep sections apart.
 */
export function sectionInsertion(
  lines: readonly string[],
  cursorLine: number,
  section: string,
): { position: TextPosition; text: string } {
  const body = section.endsWith('\n') ? section : `${section}\n`;
  const next = sectionStartLines(lines).find((start) => start > cursorLine);
  if (next !== undefined) {
    const before = isBlank(lines[next - 1]) || next === bodyStartLine(lines) ? '' : '\n';
    return { position: { line: next, character: 0 }, text: `${before}${body}\n` };
  }
  const last = lines.length - 1;
  const lastText = lines[last] ?? '';
  let before: string;
  if (lastText !== '') before = '\n\n';
  else before = last > 0 && !isBlank(lines[last - 1]) ? '\n' : '';
  return { position: { line: last, character: lastText.length }, text: `${before}${body}` };
}

const PRESENTER_LINE = /^ {0,3}###[ \t]*([^:：[\n]*?)[ \t]*[:：][ \t]*([^[\n]*?)[ \t]*(?:\[|$)/;

/**
 * Presenter names written in a post's presenter lines (`### 발표자: name [...]`) whose label is
 * one of `labels` (any letter case), most frequent first, then in order of appearance.
 */
export function presenterNamesIn(lines: readonly string[], labels: readonly string[]): string[] {
  const wanted = new Set(labels.map((label) => label.toLowerCase()));
  const counts = new Map<string, number>();
  for (const line of lines) {
    const m = PRESENTER_LINE.exec(line);
    if (!m || !wanted.has(m[1]!.toLowerCase()) || m[2] === '') continue;
    counts.set(m[2]!, (counts.get(m[2]!) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

/** The presenter label as this post already spells it (`Presenter` vs `presenter`), else the first of `labels`. */
export function presenterLabelIn(lines: readonly string[], labels: readonly string[]): string {
  const wanted = new Set(labels.map((label) => label.toLowerCase()));
  for (const line of lines) {
    const label = PRESENTER_LINE.exec(line)?.[1];
    if (label && wanted.has(label.toLowerCase())) return label;
  }
  return labels[0] ?? '발표자';
}
