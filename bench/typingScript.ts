/**
 * What the typing benchmarks type: a Korean and English phrase at the end of the first summary
 * bullet of the post's middle section, one character a keystroke, with a backspace every tenth
 * keystroke. The same keystrokes drive the LSP benchmark (as incremental `didChange` events) and
 * the in-process preview benchmark (as whole texts).
 */
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

const PHRASE = '그리고 self-attention 구조를 이용해 성능을 높였습니다 ';

/** Where typing happens: the end of the first bullet of the middle `#` section. */
export function typingCursor(text: string): Position {
  const lines = text.split(/\r?\n/);
  const headings = lines.flatMap((line, i) => (/^# /.test(line) ? [i] : []));
  const start = headings[Math.floor(headings.length / 2)] ?? 0;
  for (let i = start; i < lines.length; i++) {
    if (/^- /.test(lines[i]!)) return { line: i, character: lines[i]!.length };
  }
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

/** `count` keystrokes into `text`, as LSP incremental changes (each one range, UTF-16 positions). */
export function* typingEdits(
  text: string,
  count: number,
): Generator<TextDocumentContentChangeEvent & { range: { start: Position; end: Position } }> {
  const cursor = typingCursor(text);
  let typed = '';
  for (let i = 0; i < count; i++) {
    if (i % 10 === 9 && typed.length > 0) {
      const last = typed[typed.length - 1]!;
      typed = typed.slice(0, -1);
      const start = { line: cursor.line, character: cursor.character - last.length };
      yield { range: { start, end: { ...cursor } }, text: '' };
      cursor.character = start.character;
    } else {
      const ch = PHRASE[typed.length % PHRASE.length]!;
      typed += ch;
      yield { range: { start: { ...cursor }, end: { ...cursor } }, text: ch };
      cursor.character += ch.length;
    }
  }
}

/** The whole text after each of `count` keystrokes. */
export function* typedVersions(text: string, count: number): Generator<string> {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  let current = text;
  for (const edit of typingEdits(text, count)) {
    // Typing stays on one line, so the line starts before it never move.
    const start = lineStarts[edit.range.start.line]! + edit.range.start.character;
    const end = lineStarts[edit.range.end.line]! + edit.range.end.character;
    current = current.slice(0, start) + edit.text + current.slice(end);
    yield current;
  }
}
