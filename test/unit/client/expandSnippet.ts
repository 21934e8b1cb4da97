/**
 * Expands a VS Code snippet the way accepting every default would: a placeholder becomes its
 * default text, a choice its first option, a mirror (`$2` used again, or `${4:$2}`) the text of
 * the tab stop it names, and `$CURRENT_YEAR`-style variables the given day. Enough of the
 * snippet grammar to read what our snippets and commands insert; it throws on anything else,
 * so a snippet it cannot read fails its test instead of passing unread.
 */

/** The day the variables name. */
export interface SnippetDay {
  year: number;
  month: number;
  day: number;
}

const VARIABLES = (d: SnippetDay): Record<string, string> => ({
  CURRENT_YEAR: String(d.year),
  CURRENT_YEAR_SHORT: String(d.year).slice(-2),
  CURRENT_MONTH: String(d.month).padStart(2, '0'),
  CURRENT_DATE: String(d.day).padStart(2, '0'),
});

/** The text a snippet inserts when every tab stop keeps its default. */
export function expandSnippet(snippet: string, day: SnippetDay = { year: 2020, month: 4, day: 2 }): string {
  const defaults = new Map<string, string>();
  const variables = VARIABLES(day);

  const expand = (text: string, pass: 'collect' | 'write'): string => {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\\' && '$}\\,|'.includes(text[i + 1] ?? '')) {
        out += text[i + 1];
        i += 2;
        continue;
      }
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      const rest = text.slice(i);
      let m: RegExpExecArray | null;
      if ((m = /^\$(\d+)/.exec(rest)) || (m = /^\$\{(\d+)\}/.exec(rest))) {
        out += pass === 'write' ? (defaults.get(m[1]!) ?? '') : '';
        i += m[0].length;
      } else if ((m = /^\$\{(\d+)\|((?:\\.|[^|\\])*)\|\}/.exec(rest))) {
        const first = expand(m[2]!.split(/(?<!\\),/)[0]!, pass);
        if (!defaults.has(m[1]!)) defaults.set(m[1]!, first);
        out += first;
        i += m[0].length;
      } else if ((m = /^\$\{(\d+):/.exec(rest))) {
        const end = closingBrace(text, i + m[0].length);
        const value = expand(text.slice(i + m[0].length, end), pass);
        if (pass === 'collect' && !defaults.has(m[1]!)) defaults.set(m[1]!, value);
        out += value;
        i = end + 1;
      } else if ((m = /^\$([A-Z_]+)/.exec(rest)) || (m = /^\$\{([A-Z_]+)\}/.exec(rest))) {
        const value = variables[m[1]!];
        if (value === undefined) throw new Error(`unknown snippet variable ${m[1]}`);
        out += value;
        i += m[0].length;
      } else {
        throw new Error(`cannot read the snippet at ${JSON.stringify(rest.slice(0, 20))}`);
      }
    }
    return out;
  };

  expand(snippet, 'collect');
  return expand(snippet, 'write');
}

function closingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '$' && text[i + 1] === '{') depth++;
    else if (text[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  throw new Error('unclosed placeholder');
}
