import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Maps between string offsets and LSP positions (0-based line, UTF-16 character) for one text.
 * JavaScript strings are UTF-16, so a string index is already an LSP character; the index only has
 * to find line starts. `\r\n`, `\n` and `\r` all end a line, as in LSP.
 */
export class LineIndex {
  /** Offset at which each line starts; `lineStarts[0]` is always 0. */
  private readonly lineStarts: number[];

  /**
   * The index of `text`. `lineStarts`, when given, must be exactly what the index of `text` holds
   * (see {@link LineIndex.joined}); the text is then not scanned.
   */
  constructor(
    readonly text: string,
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /**
   * The index of `text` from the indexes of its consecutive pieces: `pieces[i].lines` indexes
   * `text.slice(pieces[i].offset, pieces[i + 1]?.offset ?? text.length)`. Every piece but the
   * first must start at a line start of `text` (after a line break, never between `\r` and `\n`),
   * so each line start of the whole is a line start of exactly one piece. Costs one step per line
   * instead of one per character.
   */
  static joined(text: string, pieces: readonly { offset: number; lines: LineIndex }[]): LineIndex {
    const starts: number[] = [0];
    for (const { offset, lines } of pieces) {
      const local = lines.lineStarts;
      // A piece's first line start (0) is the previous piece's last (its end, after a break).
      for (let i = 1; i < local.length; i++) starts.push(offset + local[i]!);
    }
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset of the first character of `line` (clamped to the text). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    return this.lineStarts[line]!;
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length - 1) return this.text.length;
    let end = this.lineStarts[line + 1]!;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.lineStarts[line]!);
  }

  /** The text of `line` without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** Line containing `offset` (an offset inside a `\r\n` belongs to the line it ends). */
  lineAt(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    const character = Math.min(clamped, this.lineEnd(line)) - this.lineStart(line);
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Range covering a whole line, without its line break. */
  lineRange(line: number): Range {
    return this.rangeOf(this.lineStart(line), this.lineEnd(line));
  }

  /** The document's full range. */
  get fullRange(): Range {
    return this.rangeOf(0, this.text.length);
  }

  /** True when `range` lies inside the text, with start <= end and characters inside their lines. */
  contains(range: Range): boolean {
    const ok = (p: Position) =>
      Number.isInteger(p.line) &&
      Number.isInteger(p.character) &&
      p.line >= 0 &&
      p.line < this.lineStarts.length &&
      p.character >= 0 &&
      p.character <= this.lineEnd(p.line) - this.lineStart(p.line);
    return ok(range.start) && ok(range.end) && comparePositions(range.start, range.end) <= 0;
  }
}

const LINE_BREAK = /\r\n?|\n/g;

/**
 * The first line break at or after `from` (`\n`, `\r\n` or a lone `\r`, as in {@link LineIndex}):
 * where it starts and where the next line starts; both the text's length when there is none.
 */
export function nextLineBreak(text: string, from: number): { start: number; end: number } {
  LINE_BREAK.lastIndex = from;
  const m = LINE_BREAK.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : { start: text.length, end: text.length };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** 1-based line and column, as editors print them and the CLI reports them. */
export interface OneBasedRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The one place where LSP's 0-based positions become the CLI's 1-based ones. */
export function toOneBased(range: Range): OneBasedRange {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}
