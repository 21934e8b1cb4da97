/**
 * The front matter: found as Jekyll finds it, parsed by the `yaml` package with positions.
 *
 * Jekyll reads front matter with Ruby's YAML 1.1 parser, so values are read as it reads them
 * (`date: 2020-04-02` is a date, `comments: yes` is a boolean, `comments: y` a string; see
 * `jekyllYaml.ts`). Duplicate keys are kept, not rejected, so that a rule can point at the second
 * one.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { parseJekyllYaml } from './jekyllYaml';
import type { FrontMatter, FrontMatterEntry, YamlProblem, YamlValueKind } from '../model';
import { nextLineBreak, type LineIndex } from '../text/lineIndex';

/** Where the front matter block sits in the text, as offsets. */
export interface FrontMatterBlock {
  /** Offsets of the opening `---` line (without its line break). */
  openStart: number;
  openEnd: number;
  /** Offsets of the YAML between the delimiters. */
  contentStart: number;
  contentEnd: number;
  /** Offsets of the closing `---` line; undefined when never closed. */
  close: { start: number; end: number } | undefined;
  /** Offset where the body starts (after the closing line's break), or the text's length. */
  bodyStart: number;
}

/**
 * Finds the front matter block of `text`, or undefined when the text does not open one.
 * As in Jekyll, the first line (after a byte order mark) must be `---` and nothing but spaces, and
 * the block closes at the first later line that is `---` or `...` and nothing but spaces (Jekyll's
 * `^(---|\.\.\.)\s*$`): `----` or `--- x` does not close it.
 *
 * Jekyll's expression finds lines by `\n` alone, where a lone `\r` (an old Mac line break) is only
 * a space: `---\rlayout: post` opens nothing, and `---` after a lone `\r` closes nothing. Inside
 * the block, the YAML reads a lone `\r` as a line break, as the line index does.
 */
export function findFrontMatter(text: string): FrontMatterBlock | undefined {
  const s = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstBreak = openingLineBreak(text, s);
  if (firstBreak === undefined) return undefined;
  const contentStart = firstBreak.end;
  const closeStart = closingLineStart(text, firstBreak.start);
  if (closeStart === undefined) {
    return {
      openStart: s,
      openEnd: firstBreak.start,
      contentStart: Math.min(contentStart, text.length),
      contentEnd: text.length,
      close: undefined,
      bodyStart: text.length,
    };
  }
  // The YAML ends before the line break (`\n` or `\r\n`) that ends the line before the closer.
  const breakAt = closeStart - 1;
  const contentEnd = Math.max(contentStart, text[breakAt - 1] === '\r' ? breakAt - 1 : breakAt);
  const closeBreak = closingLineBreak(text, closeStart);
  return {
    openStart: s,
    openEnd: firstBreak.start,
    contentStart,
    contentEnd,
    close: { start: closeStart, end: closeBreak.start },
    bodyStart: closeBreak.end,
  };
}

/**
 * The opening line's break when the text opens a block at `s`: `---`, then nothing but Ruby's
 * `\s` (spaces, tabs, `\f`, `\v`, lone `\r`s) up to a `\n` (Jekyll's `\A---\s*\n`); or `---`
 * and spaces alone, ending the text (a post being typed). `start` is the first break the line
 * index sees (where the opening line's range ends), `end` the content's start.
 */
function openingLineBreak(text: string, s: number): { start: number; end: number } | undefined {
  if (!text.startsWith('---', s)) return undefined;
  let i = s + 3;
  while (i < text.length && text[i] !== '\n' && /[ \t\f\v\r]/.test(text[i]!)) i++;
  if (i < text.length && text[i] !== '\n') return undefined;
  if (i === text.length && text.slice(s + 3).includes('\r')) return undefined;
  return { start: nextLineBreak(text, s).start, end: Math.min(i + 1, text.length) };
}

/** The closing line's end (before its first break) and the body's start (after its `\n`). */
function closingLineBreak(text: string, closeStart: number): { start: number; end: number } {
  const nl = text.indexOf('\n', closeStart);
  return { start: nextLineBreak(text, closeStart).start, end: nl < 0 ? text.length : nl + 1 };
}

/**
 * Where the line closing the front matter starts: the first line after the opening line's break
 * (at `from`) that starts after a `\n` and is `---` or `...` followed by nothing but whitespace,
 * as Ruby reads Jekyll's `^((---|\.\.\.)\s*$)` (`^` is after `\n` only). Undefined when none.
 */
function closingLineStart(text: string, from: number): number | undefined {
  for (let nl = text.indexOf('\n', from); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    const start = nl + 1;
    const c = text[start];
    if (c !== '-' && c !== '.') continue;
    const end = text.indexOf('\n', start);
    if (CLOSING_LINE.test(text.slice(start, end < 0 ? text.length : end))) return start;
  }
  return undefined;
}

const CLOSING_LINE = /^(?:---|\.\.\.)[ \t\f\v\r]*$/;

/**
 * How much of `text` its front matter depends on: undefined when the text opens no front matter
 * (its first line is not `---`), else the end of the line closing the block (see
 * {@link findFrontMatter}), or the whole text when there is none. Two texts that agree up to there
 * have the same {@link findFrontMatter} and {@link parseFrontMatter}.
 */
export function frontMatterExtent(text: string): number | undefined {
  const s = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstBreak = openingLineBreak(text, s);
  if (firstBreak === undefined) return undefined;
  const close = closingLineStart(text, firstBreak.start);
  return close === undefined ? text.length : closingLineBreak(text, close).end;
}

/** Parses the YAML of `block` into the model's front matter, with every range in `lines`. */
export function parseFrontMatter(text: string, block: FrontMatterBlock, lines: LineIndex): FrontMatter {
  const raw = text.slice(block.contentStart, block.contentEnd);
  const base = block.contentStart;
  const range = (start: number, end: number) => lines.rangeOf(base + start, base + end);
  const doc = parseJekyllYaml(raw, {
    uniqueKeys: false,
    prettyErrors: false,
    // Errors are reported as diagnostics; the library's own warnings (e.g. a list used as a key)
    // would otherwise go to stderr, in the middle of the CLI's output and the server's log.
    logLevel: 'error',
  });

  const errors: YamlProblem[] = doc.errors.map((error) => ({
    message: firstLine(error.message),
    code: error.code,
    range: range(error.pos[0], Math.max(error.pos[0], Math.min(error.pos[1], raw.length))),
  }));

  const entries: FrontMatterEntry[] = [];
  let notAMapping = false;
  const contents = doc.contents;
  if (isMap(contents)) {
    for (const pair of contents.items as Pair<YamlNode | null, YamlNode | null>[]) {
      const entry = readEntry(pair, raw, doc, range);
      if (entry) entries.push(entry);
    }
  } else if (contents !== null && !(isScalar(contents) && (contents.value === null || contents.value === ''))) {
    notAMapping = true;
  }

  const close = block.close;
  return {
    range: lines.rangeOf(block.openStart, close ? close.end : text.length),
    openRange: lines.rangeOf(block.openStart, block.openEnd),
    closeRange: close ? lines.rangeOf(close.start, close.end) : undefined,
    closed: close !== undefined,
    contentRange: lines.rangeOf(block.contentStart, block.contentEnd),
    raw,
    entries,
    errors,
    notAMapping,
  };
}

function readEntry(
  pair: Pair<YamlNode | null, YamlNode | null>,
  raw: string,
  doc: ReturnType<typeof parseDocument>,
  range: (start: number, end: number) => ReturnType<LineIndex['rangeOf']>,
): FrontMatterEntry | undefined {
  const key = pair.key;
  if (!key || !key.range) return undefined;
  const keyStart = key.range[0];
  const keyEnd = key.range[1];
  const keyText = isScalar(key) ? String(key.value) : raw.slice(keyStart, keyEnd);
  const value = pair.value;
  let valueStart: number;
  let valueEnd: number;
  let kind: YamlValueKind;
  if (value && value.range && !(isScalar(value) && value.range[0] === value.range[1])) {
    valueStart = value.range[0];
    // A block scalar (`|`, `>`) or a block collection ends, for the yaml package, at the start of
    // the next line: the value ends at the end of its last line, so that an edit replacing it keeps
    // the line break before the next key.
    valueEnd = valueEndOf(raw, valueStart, value.range[1]);
    kind = isScalar(value)
      ? value.value === null
        ? 'null'
        : 'scalar'
      : isMap(value)
        ? 'map'
        : isSeq(value)
          ? 'seq'
          : isAlias(value)
            ? 'alias'
            : 'scalar';
  } else {
    const colon = raw.indexOf(':', keyEnd);
    valueStart = valueEnd = colon >= 0 ? colon + 1 : keyEnd;
    // A tag or an anchor with nothing after it (`mathjax: !rue`, `comments: &c`) is the value's: a
    // fix that sets the value replaces it too, or `mathjax: !rue true` would keep the unknown tag.
    const props = value
      ? /^([ \t]*)((?:[!&][^\s#]*[ \t]*)+)/.exec(raw.slice(valueStart, raw.indexOf('\n', valueStart) >>> 0))
      : null;
    if (props) {
      valueStart += props[1]!.length;
      valueEnd = valueStart + props[2]!.trimEnd().length;
    }
    // Empty, but a tag may make it a string (`!!str` or an unknown `!rue` gives "").
    kind = isScalar(value) && value.value !== null ? 'scalar' : 'null';
  }
  let parsed: unknown;
  try {
    parsed = value ? value.toJS(doc) : null;
  } catch {
    parsed = undefined;
  }
  return {
    key: keyText,
    keyRange: range(keyStart, keyEnd),
    value: parsed,
    valueSource: raw.slice(valueStart, valueEnd),
    valueRange: range(valueStart, valueEnd),
    valueKind: kind,
    quoted: isScalar(value) && (value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE'),
    range: range(keyStart, Math.max(keyEnd, valueEnd)),
  };
}

/** `end` moved back over the line breaks and spaces the value's node ends with. */
function valueEndOf(raw: string, start: number, end: number): number {
  while (end > start && /[\r\n \t]/.test(raw[end - 1]!)) end--;
  return end;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}
