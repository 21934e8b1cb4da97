/**
 * Strings kept for long: memoized string functions, and copies that do not hold on to the text
 * they came from.
 *
 * Rules ask the same pure question of the same text many times per keystroke (a label normalized
 * for every link of every section, by several rules); the answer is kept instead. The memory is
 * bounded: past `maxEntries` it starts again empty.
 *
 * A string sliced from a post (a title, a name) is, in V8, a view of the whole post's text: keeping
 * the slice keeps the text. What is kept beyond one parse (the workspace index, memo keys) is
 * copied with {@link ownCopy}.
 */

/** `text` as a string of its own, not a view into a larger one (same characters). */
export function ownCopy(text: string): string {
  // The concatenation is flattened into a new string before the slice; the result refers to it alone.
  return (' ' + text).slice(1);
}

/** `fn` with its answers remembered by argument; `fn` must be pure. */
export function memoizeText<R>(fn: (text: string) => R, maxEntries = 10_000): (text: string) => R {
  let answers = new Map<string, R>();
  return (text: string): R => {
    const known = answers.get(text);
    if (known !== undefined || answers.has(text)) return known as R;
    const answer = fn(text);
    if (answers.size >= maxEntries) answers = new Map();
    answers.set(ownCopy(text), answer);
    return answer;
  };
}
