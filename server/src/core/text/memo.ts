/**
 * Memoized string functions. Rules ask the same pure question of the same text many times per
 * keystroke (a label normalized for every link of every section, by several rules); the answer
 * is kept instead. The memory is bounded: past `maxEntries` it starts again empty.
 */

/** `fn` with its answers remembered by argument; `fn` must be pure. */
export function memoizeText<R>(fn: (text: string) => R, maxEntries = 10_000): (text: string) => R {
  let answers = new Map<string, R>();
  return (text: string): R => {
    const known = answers.get(text);
    if (known !== undefined || answers.has(text)) return known as R;
    const answer = fn(text);
    if (answers.size >= maxEntries) answers = new Map();
    answers.set(text, answer);
    return answer;
  };
}
