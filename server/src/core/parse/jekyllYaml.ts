/**
 * YAML as Jekyll reads it: Ruby's Psych, which follows YAML 1.1 (`2020-04-02` is a date, `yes`
 * and `off` are booleans) except that its booleans are only `yes`/`no`, `true`/`false` and
 * `on`/`off` in any letter case. The yaml package's 1.1 schema also reads `y`, `Y`, `n` and `N` as
 * booleans; Psych reads them as strings (`comments: y` is the string "y").
 *
 * Psych (libyaml) ends a line at a lone carriage return (an old Mac line break) as at `\n` and
 * `\r\n`; the yaml package does not (`mathjax:\rtrue` is for it the string `"\rtrue"`, for Psych a
 * syntax error on the line of `true`). {@link parseJekyllYaml} hands the package each lone `\r` as
 * `\n`: the same length, so that every offset it reports is an offset of the text.
 */
import {
  parseDocument,
  Scalar,
  type DocumentOptions,
  type ParseOptions,
  type ScalarTag,
  type SchemaOptions,
  type Tags,
} from 'yaml';

const BOOL = 'tag:yaml.org,2002:bool';

const psychBoolean = (value: boolean, test: RegExp): ScalarTag => ({
  identify: (v) => v === value,
  default: true,
  tag: BOOL,
  test,
  resolve: () => new Scalar(value),
  stringify: ({ value: v }) => (v ? 'true' : 'false'),
});

const PSYCH_TRUE = psychBoolean(true, /^(?:yes|true|on)$/i);
const PSYCH_FALSE = psychBoolean(false, /^(?:no|false|off)$/i);

/** The 1.1 schema's tags with Psych's booleans in place of its own. */
function psychTags(tags: Tags): Tags {
  const out: Tags = [];
  let replaced = false;
  for (const tag of tags) {
    if (typeof tag === 'object' && tag.tag === BOOL) {
      if (!replaced) out.push(PSYCH_TRUE, PSYCH_FALSE);
      replaced = true;
    } else {
      out.push(tag);
    }
  }
  return replaced ? out : [PSYCH_TRUE, PSYCH_FALSE, ...out];
}

/** Options for `parseDocument` that read YAML as Jekyll does. */
export const JEKYLL_YAML: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: psychTags,
};

/**
 * `parseDocument` with {@link JEKYLL_YAML} and `options`, without stack traces on its errors: the
 * library makes an `Error` per problem, and broken YAML can hold thousands (a line of 500 stray
 * `[`, say). Capturing their stacks was two thirds of the parse's time; nothing reads them.
 */
export function parseJekyllYaml(
  text: string,
  options: ParseOptions & DocumentOptions & SchemaOptions,
): ReturnType<typeof parseDocument> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(withoutLoneCarriageReturns(text), { ...JEKYLL_YAML, ...options });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** `text` with each `\r` that is not followed by `\n` replaced by `\n` (the same length). */
function withoutLoneCarriageReturns(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
