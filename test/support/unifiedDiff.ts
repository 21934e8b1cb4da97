/**
 * Enough of `patch` to check the CLI's own diffs: applies a unified diff of one file to a text.
 */

/** Applies a unified diff of one file to `text` (enough of `patch` to check our own output). */
export function applyUnifiedDiff(text: string, diff: string): string {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const out: string[] = [];
  let at = 0;
  const diffLines = diff.split('\n');
  for (let i = 0; i < diffLines.length; i++) {
    const m = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(diffLines[i]!);
    if (!m) continue;
    const start = Number(m[1]) - (m[2] === '0' ? 0 : 1);
    while (at < start) out.push(lines[at++]!);
    for (i++; i < diffLines.length && /^[ +\-\\]/.test(diffLines[i]!); i++) {
      const line = diffLines[i]!;
      if (line.startsWith('\\')) {
        out[out.length - 1] = out[out.length - 1]!.replace(/\n$/, '');
        continue;
      }
      if (line[0] === ' ' || line[0] === '-') at++;
      if (line[0] === ' ' || line[0] === '+') out.push(line.slice(1) + '\n');
    }
    i--;
  }
  while (at < lines.length) out.push(lines[at++]!);
  return out.join('');
}
