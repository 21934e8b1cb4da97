/**
 * `attribute-list`: a kramdown attribute list after a Markdown image (`![fig](url){: width="450"}`)
 * that does not do what it says. kramdown applies `{: key="value" .class #id}` written right after the
 * image; it shows the list as text when a space comes before it, its `:` is missing or its `}` never
 * comes; drops a value without quotes (`{:width=450}`) without a word; passes a misspelled name
 * (`widht`) to the browser, which ignores it; and gives a list on the next line to the paragraph,
 * not the image. The parity suite holds each against `jekyll build`.
 */
import type { FixDescriptor, RuleDefinition } from '../engine/rule';
import { closest } from '../jekyll';
import type { Post, Range } from '../model';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';

/** Attributes an image takes (and kramdown's own), for telling a misspelling from a deliberate name. */
const IMAGE_ATTRIBUTES = [
  'width',
  'height',
  'alt',
  'title',
  'class',
  'style',
  'align',
  'id',
  'loading',
  'border',
  'srcset',
  'sizes',
];

/** One token of a list's content, as kramdown's `ALD_TYPE_ANY` splits it. */
const TOKEN = /\S+?=(?:"[^"]*"|'[^']*')|\S+/g;

export const attributeList: RuleDefinition = {
  id: 'attribute-list',
  category: 'section',
  defaultSeverity: 'warning',
  description: {
    en: 'A kramdown attribute list after a Markdown image (`{: width="450"}`) that kramdown shows as text, drops, or applies to the wrong thing.',
    ko: 'Markdown 이미지 뒤의 kramdown 속성 목록(`{: width="450"}`)을 kramdown이 글자로 보이거나, 버리거나, 다른 곳에 적용합니다.',
  },
  messages: {
    spaced: {
      en: 'Expected the attribute list right after the image, found a space before it: kramdown shows `{list}` as text and the image keeps its size',
      ko: '속성 목록이 이미지 바로 뒤에 있어야 하지만 앞에 공백이 있습니다: kramdown은 `{list}`를 글자로 보이고 이미지 크기는 그대로입니다',
    },
    noColon: {
      en: 'Expected `{:` opening the attribute list, found `{`: kramdown shows `{list}` as text',
      ko: '속성 목록을 여는 `{:`가 필요하지만 `{`입니다: kramdown은 `{list}`를 글자로 보입니다',
    },
    unclosed: {
      en: 'Expected `}` closing the attribute list, found the end of the line: kramdown shows it as text',
      ko: '속성 목록을 닫는 `}`가 필요하지만 줄이 끝났습니다: kramdown은 이를 글자로 보입니다',
    },
    unquoted: {
      en: 'Expected a quoted value such as `{fixed}`, found `{written}`: kramdown drops it without a word',
      ko: '`{fixed}`처럼 따옴표로 감싼 값이 필요하지만 `{written}`입니다: kramdown은 이를 말없이 버립니다',
    },
    misspelled: {
      en: 'Expected an image attribute such as `{suggestion}`, found `{name}`: the browser ignores it',
      ko: '`{suggestion}` 같은 이미지 속성이 필요하지만 `{name}`입니다: 브라우저가 이를 무시합니다',
    },
    nextLine: {
      en: "Expected the attribute list on the image's line, found it on the next line: kramdown gives it to the paragraph, not the image",
      ko: '속성 목록이 이미지와 같은 줄에 있어야 하지만 다음 줄에 있습니다: kramdown은 이를 이미지가 아닌 문단에 적용합니다',
    },
  },
  docs: {
    rationale:
      'kramdown, which renders the blog, reads `{: width="450"}` written right after an image as the image\'s attributes. ' +
      'A space before it, a missing `:` or a missing `}` make it text on the page; a value without quotes (`{:width=450}`, ' +
      '`{: width=450px}`) is dropped without a word; a misspelled name (`{: widht="450"}`) reaches the browser, which ignores ' +
      'it; and a list on the line after the image applies to the paragraph around it, not to the image. Each way, the ' +
      'figure keeps its full size.',
    ok: {
      text: examplePost(
        SAMPLE_FRONT_MATTER,
        `${SAMPLE_SECTION}\n\n![ResNet block](https://user-images.githubusercontent.com/1/resnet.png){: width="450"}`,
      ),
    },
    notOk: {
      text: examplePost(
        SAMPLE_FRONT_MATTER,
        `${SAMPLE_SECTION}\n\n![ResNet block](https://user-images.githubusercontent.com/1/resnet.png){: widht="450"}`,
      ),
    },
    fix:
      "Removes the space, adds the `:` or the `}`, quotes the value, corrects the name, or moves the list onto the image's " +
      'line: applied automatically, since what the author meant is plain.',
  },
  check(post, _context, report) {
    for (const section of post.sections) {
      for (const image of section.markdownImages) {
        const line = image.range.end.line;
        const text = post.lines.lineText(line);
        const after = image.range.end.character;
        checkAfterImage(post, line, text, after, report);
      }
    }
  },
};

type Reporter = Parameters<RuleDefinition['check']>[2];

function checkAfterImage(post: Post, line: number, text: string, after: number, report: Reporter): void {
  const rest = text.slice(after);
  const at = (from: number, to: number): Range => ({
    start: { line, character: after + from },
    end: { line, character: after + to },
  });
  const fix = (en: string, ko: string, range: Range, newText: string): FixDescriptor => ({
    title: { en, ko },
    safe: true,
    edits: [{ range, newText }],
  });
  const spaced = /^([ \t]+)(\{:?[^}]*\}?)/.exec(rest);
  if (spaced && /^\{:|^\{\s*[\w.#-]+=/.test(spaced[2]!)) {
    report({
      range: at(0, spaced[0].length),
      messageId: 'spaced',
      data: { list: spaced[2]! },
      fix: fix('Remove the space', '공백 지우기', at(0, spaced[1]!.length), ''),
    });
    return;
  }
  if (rest.trim() === '' && line + 1 < post.lines.lineCount) {
    const next = post.lines.lineText(line + 1);
    const alone = /^[ \t]*\{:[^}]*\}[ \t]*$/.exec(next);
    if (alone && text.trimStart().startsWith('![')) {
      const range = { start: { line, character: text.length }, end: { line: line + 1, character: next.length } };
      report({
        range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: next.length } },
        messageId: 'nextLine',
        fix: fix(
          "Move the list onto the image's line",
          '속성 목록을 이미지 줄로 옮기기',
          { start: { line, character: after }, end: range.end },
          next.trim(),
        ),
      });
    }
    return;
  }
  if (/^\{(?!:)\s*[\w-]+=["']/.test(rest) || /^\{(?!:)\s*\.[\w-]+\s*\}/.test(rest)) {
    const list = /^\{[^}]*\}?/.exec(rest)![0];
    report({
      range: at(0, list.length),
      messageId: 'noColon',
      data: { list },
      fix: fix('Write `{:`', '`{:`(으)로 쓰기', at(1, 1), ':'),
    });
    return;
  }
  if (!rest.startsWith('{:')) return;
  const close = rest.indexOf('}');
  if (close < 0) {
    const end = rest.trimEnd().length;
    report({ range: at(0, end), messageId: 'unclosed', fix: fix('Add `}`', '`}` 넣기', at(end, end), '}') });
    return;
  }
  const content = rest.slice(2, close);
  for (const token of content.matchAll(TOKEN)) {
    const written = token[0];
    const from = 2 + token.index;
    const range = at(from, from + written.length);
    const pair = /^([A-Za-z][\w-]*)=(["'])(.*)\2$/.exec(written);
    if (pair) {
      const name = pair[1]!;
      if (IMAGE_ATTRIBUTES.includes(name.toLowerCase()) || name.includes('-')) continue;
      const suggestion = closest(name, IMAGE_ATTRIBUTES);
      if (!suggestion) continue;
      const nameRange = at(from, from + name.length);
      report({
        range: nameRange,
        messageId: 'misspelled',
        data: { name, suggestion },
        fix: fix(`Write \`${suggestion}\``, `\`${suggestion}\`(으)로 쓰기`, nameRange, suggestion),
      });
      continue;
    }
    // `width=450`, `width=450px`: a value without quotes.
    const unquoted = /^([A-Za-z][\w-]*)=([^"'\s]+)$/.exec(written);
    if (unquoted) {
      const fixed = `${unquoted[1]}="${unquoted[2]}"`;
      report({
        range,
        messageId: 'unquoted',
        data: { fixed, written },
        fix: fix(`Write \`${fixed}\``, `\`${fixed}\`(으)로 쓰기`, range, fixed),
      });
    }
  }
  // `width: 450`: a colon instead of `=` and no quotes.
  for (const m of content.matchAll(/([A-Za-z][\w-]*):\s*([^\s"'}]+)/g)) {
    if (!IMAGE_ATTRIBUTES.includes(m[1]!.toLowerCase())) continue;
    const from = 2 + m.index;
    const range = at(from, from + m[0].length);
    const fixed = `${m[1]}="${m[2]}"`;
    report({
      range,
      messageId: 'unquoted',
      data: { fixed, written: m[0] },
      fix: fix(`Write \`${fixed}\``, `\`${fixed}\`(으)로 쓰기`, range, fixed),
    });
  }
}
