/**
 * Unified diffs (`diff -u`), for `seminar-posts lint --fix-dry-run`. Lines are compared with the
 * Myers algorithm after trimming the common head and tail, which is where fixes leave a post
 * alone; past a bounded amount of difference the changed middle becomes one replaced block, so
 * the time stays linear in the size of the post whatever it holds.
 *
 * Lines are the line index's (`\n`, `\r\n` or a lone `\r`, an old Mac line break), so that the
 * hunks' line numbers are those the CLI reports problems at. A line ending in a lone `\r` is
 * printed with a `\n` after it, as every line of a diff ends; `patch`, which knows only `\n`,
 * reads it as a `\r\n` line.
 */

const CONTEXT = 3;
/** Beyond this many differing lines, the middle is shown as one replacement. */
const MAX_EDIT_DISTANCE = 1000;

type Op = { kind: ' ' | '-' | '+'; line: string };

/** A unified diff of `before` and `after`, or '' when they are equal. */
export function unifiedDiff(before: string, after: string, oldName: string, newName: string): string {
  const renamed = oldName !== newName;
  if (before === after && !renamed) return '';
  const header = `--- a/${oldName}\n+++ b/${newName}\n`;
  if (before === after) return header;
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [
    ...a.slice(0, head).map((line): Op => ({ kind: ' ', line })),
    ...middle(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...a.slice(a.length - tail).map((line): Op => ({ kind: ' ', line })),
  ];
  return header + hunks(ops).join('');
}

/** Lines with their line breaks, so that a missing final break shows. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function middle(a: string[], b: string[]): Op[] {
  const script = myers(a, b);
  if (script) return script;
  return [...a.map((line): Op => ({ kind: '-', line })), ...b.map((line): Op => ({ kind: '+', line }))];
}

/** The shortest edit script from `a` to `b`, or undefined past `MAX_EDIT_DISTANCE`. */
function myers(a: string[], b: string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] is the furthest-reaching x per diagonal before step d.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, offset, d);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], a: string[], b: string[], offset: number, distance: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = distance; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[offset + prevK]!;
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x]! });
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  return ops.reverse();
}

/** Groups the script into `@@` hunks with three lines of context. */
function hunks(ops: Op[]): string[] {
  const oldNo: number[] = [];
  const newNo: number[] = [];
  let o = 1;
  let nw = 1;
  const changed: number[] = [];
  ops.forEach((op, i) => {
    oldNo.push(o);
    newNo.push(nw);
    if (op.kind !== '+') o++;
    if (op.kind !== '-') nw++;
    if (op.kind !== ' ') changed.push(i);
  });
  const out: string[] = [];
  let g = 0;
  while (g < changed.length) {
    let last = g;
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! <= 2 * CONTEXT + 1) last++;
    const start = Math.max(0, changed[g]! - CONTEXT);
    const end = Math.min(ops.length, changed[last]! + CONTEXT + 1);
    const slice = ops.slice(start, end);
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${span(oldNo[start]!, oldCount)} +${span(newNo[start]!, newCount)} @@\n`);
    for (const op of slice) out.push(op.kind + printed(op.line));
    g = last + 1;
  }
  return out;
}

/** A line as the diff prints it: ending in `\n`, or marked as the text's last line without a break. */
function printed(line: string): string {
  if (line.endsWith('\n')) return line;
  return line.endsWith('\r') ? `${line}\n` : `${line}\n\\ No newline at end of file\n`;
}

function span(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
