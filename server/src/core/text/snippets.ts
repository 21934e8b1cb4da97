/**
 * Snippet fixes (`${1:Authors}`) as plain text, for places that cannot offer tab stops: the CLI and
 * tests. `$1` becomes nothing, `${1:Authors}` becomes `Authors`, `\$` becomes `$`.
 */
export function snippetToText(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i]!;
    if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1]!)) {
      out += snippet[++i];
    } else if (c === '$' && /[0-9]/.test(snippet[i + 1] ?? '')) {
      while (/[0-9]/.test(snippet[i + 1] ?? '')) i++;
    } else if (c === '$' && snippet[i + 1] === '{') {
      const m = /^\$\{\d+(?::((?:\\.|[^}\\])*))?\}/.exec(snippet.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      out += snippetToText(m[1] ?? '');
      i += m[0].length - 1;
    } else {
      out += c;
    }
  }
  return out;
}
