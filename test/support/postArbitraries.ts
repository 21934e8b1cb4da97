/**
 * fast-check arbitraries of seminar posts, for the property tests and `npm run fuzz`:
 * - `generatedPost`: posts built from the grammar of the format (`../shared/spec/post-format.md`),
 *   each part sometimes right, sometimes wrong in the ways real drafts are;
 * - `mutatedPost(corpus)`: a real post, then a few mutations (lines deleted, duplicated, swapped;
 *   characters flipped; brackets and quotes dropped; CRLF, BOM, tabs, zero-width and combining
 *   characters, emoji; very long lines; hostile runs of Markdown marks).
 * Each value carries the post's text and its file name.
 */
import fc from 'fast-check';

/** A post to check: its text and its file's base name. */
export interface PostCase {
  text: string;
  fileName: string;
}

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** Characters that break things: marks, quotes, brackets, invisible and wide characters. */
const STRANGE = [
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '"',
  "'",
  '`',
  '\\',
  '$',
  '#',
  ':',
  '|',
  '!',
  '&',
  '~',
  '-',
  ' ',
  '\t',
  '\u200b',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u0301',
  '\u00a0',
  '\u3000',
  '：',
  '😀',
  '👩‍🔬',
  '\ud800',
  '\udc00',
  '\r',
  '\u2028',
  '발',
  '표',
  '자',
  'é',
];
export const strangeChar = fc.constantFrom(...STRANGE);

/** A short string mixing words and strange characters. */
const junk = fc
  .array(fc.oneof(fc.constantFrom('a', 'paper', '논문', ' ', '2020'), strangeChar), { maxLength: 12 })
  .map((a) => a.join(''));

const url = fc.oneof(
  pick(
    'https://arxiv.org/abs/1806.01261',
    'https://a.b/slides.pdf',
    'http://x.y/z w',
    '???',
    '#',
    'TODO',
    '',
    'url',
    'arxiv.org/abs/1',
    'https://github.com/lab/lab.github.io/blob/master/assets/a.png',
    '/assets/a.png',
    '_posts/a.png',
    'javascript:alert(1)',
  ),
  junk,
);

const frontMatterLine = fc.oneof(
  pick(
    'layout: post',
    'layout: posts',
    'layout:',
    'title: "2020_2nd_quarter"',
    'title: "2020_2nd_quater"',
    'title: 2020 3rd quater',
    'title: ""',
    'date: 2020-04-02',
    'date: 2020-7-2',
    'date: 2020-07-01~2020-09-30',
    'date: 2020-02-23 19:33:00 +0900',
    'date: 2099-01-01',
    'image_url: https://user-images.githubusercontent.com/1/a.png',
    'image_url: a.png',
    'mathjax: true',
    'mathjax: "true"',
    'mathjax: yes',
    'comments: true',
    'comment: true',
    'content: 한 줄',
    'tags: [a, b',
    'title: [unclosed',
    '  - : :',
    'key: value: other',
    '- a list',
    '? complex',
    '&anchor a: 1',
    '*alias',
    'date: !!timestamp x',
    ': no key',
  ),
  junk.map((j) => `${j}: ${j}`),
);

const frontMatter = fc
  .tuple(
    fc.array(frontMatterLine, { maxLength: 9 }),
    pick('---', '---', '--- ', '...', ''),
    pick('---', '--- ', '----'),
  )
  .map(
    ([lines, close, open]) =>
      [open, ...lines, close].filter((l, i, a) => i < a.length - 1 || l !== '').join('\n') + '\n',
  );

const label = pick('발표자', '발표자 ', '발표', 'Presenter', '발표자：', '');
const linkItem = fc
  .tuple(
    pick('paper link', 'Paper Link', 'presentation material', 'slides', 'presentation material unavailable', ''),
    url,
    pick('()', '(', '', '( )'),
  )
  .map(([text, target, shape]) =>
    shape === '()'
      ? `[${text}](${target})`
      : shape === '('
        ? `[${text}](${target}`
        : shape === ''
          ? `[${text}]`
          : `[${text}]( ${target} )`,
  );
const linkList = fc
  .tuple(
    fc.array(linkItem, { maxLength: 4 }),
    pick(', ', ',', ' ', ' and '),
    pick('[', '[[', ''),
    pick(']', '', ']]', '] trailing'),
  )
  .map(([items, joiner, open, close]) => `${open}${items.join(joiner)}${close}`);
const presenterLine = fc
  .tuple(
    pick('### ', '###', '#### ', '## '),
    label,
    pick(': ', ':', ' ', ''),
    pick('홍길동', 'Kim', '', ' '),
    pick(' ', ''),
    linkList,
  )
  .map(([h, l, c, name, s, links]) => `${h}${l}${c}${name}${s}${links}`);

const imageTag = fc
  .tuple(
    pick('<img', '<IMG', '<img\t'),
    pick(
      ' src="https://a.b/x.png"',
      ' src="x.PNG"',
      ' src=""',
      '',
      " src='a.png'",
      ' src="https://github.com/a/b/blob/c/d.png"',
    ),
    pick('', ' width="450"', ' width="450px"', ' width=50%', ' width="a"'),
    pick('', ' alt="그림"', ' alt'),
    pick('>', '/>', '', ' >'),
  )
  .map(([open, src, width, alt, close]) => `${open}${alt}${src}${width}${close}`);
const imageBlock = fc
  .tuple(
    pick('<p align="center">', '<p>', '<p align=center', '<P align="center">'),
    fc.array(fc.tuple(pick('', '  ', '     '), imageTag), { maxLength: 3 }),
    pick('</p>', '', '</P>', '<p>'),
  )
  .map(([open, images, close]) => [open, ...images.map(([i, t]) => i + t), close].join('\n'));

const bodyLine = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(pick('- ', '* ', '1. ', '    1. ', '-', '  - '), junk).map(([m, j]) => m + j) },
  {
    weight: 2,
    arbitrary: pick(
      '# ',
      '#',
      '# Paper title',
      '# Attention Is All You Need on ICLR2021 (under review)',
      '#\tTab title',
      '######## deep',
    ),
  },
  {
    weight: 2,
    arbitrary: pick(
      '## Alice, Bob, *ICML 2020*',
      '## Lucas Beyer *CVPR2019*',
      '## ',
      '## Kaidi Cao et al. NIPS (2019)',
    ),
  },
  { weight: 3, arbitrary: presenterLine },
  { weight: 2, arbitrary: imageBlock },
  { weight: 1, arbitrary: url.map((u) => `[paper link](${u})`) },
  { weight: 1, arbitrary: url.map((u) => `![image](${u})`) },
  {
    weight: 1,
    arbitrary: pick(
      '***',
      '---',
      '',
      '',
      '$$',
      '$$L_1$$',
      '$$\\Theta = 1$$',
      '```',
      '~~~',
      '<!--',
      '-->',
      '<!-- comment -->',
      '</p>',
    ),
  },
  {
    weight: 1,
    arbitrary: pick(
      '<!-- seminar-posts-disable-next-line presenter-label -->',
      '<!-- seminar-posts-disable-file -->',
      '<!-- seminar-posts-disable-next-line -->',
    ),
  },
  { weight: 2, arbitrary: junk },
);

const fileName = fc.oneof(
  {
    weight: 6,
    arbitrary: pick('2020-04-02-2nd_quarter.md', '2020-07-02-3rd_quarter.md', '2020-10-08-4th_quarter.markdown'),
  },
  {
    weight: 1,
    arbitrary: pick(
      'temp.md',
      '2020_3rd_quater.md',
      '2020-4th_quarter.md',
      '2020-02-30-x.md',
      '2099-01-01-1st_quarter.md',
      '발표 2020.md',
    ),
  },
);

/** A post written from the grammar of the format, with the defects real drafts have. */
export const generatedPost: fc.Arbitrary<PostCase> = fc
  .tuple(
    fc.option(frontMatter, { freq: 5 }),
    fc.array(bodyLine, { maxLength: 40 }),
    pick('\n', '\n', '\n', '\r\n'),
    fileName,
  )
  .map(([fm, body, eol, name]) => ({
    text: ((fm ?? '') + body.join('\n') + '\n').replace(/\n/g, eol),
    fileName: name,
  }));

/** One change to a post's lines. */
type Mutation = (lines: string[]) => string[];

const at = (lines: string[], n: number) => (lines.length ? Math.abs(n) % lines.length : 0);
const lineMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (n): Mutation =>
      (l) =>
        l.filter((_, i) => i !== at(l, n)),
  ),
  fc.nat().map(
    (n): Mutation =>
      (l) =>
        l.flatMap((line, i) => (i === at(l, n) ? [line, line] : [line])),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (l) => {
    const copy = [...l];
    const [i, j] = [at(l, a), at(l, b)];
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    return copy;
  }),
  fc.tuple(fc.nat(), fc.nat(), strangeChar).map(
    ([n, k, c]): Mutation =>
      (l) =>
        l.map((line, i) =>
          i === at(l, n) ? line.slice(0, k % (line.length + 1)) + c + line.slice((k % (line.length + 1)) + 1) : line,
        ),
  ),
  fc.tuple(fc.nat(), pick('[', ']', '(', ')', '"', "'", '<', '>', '`', '*', ':')).map(
    ([n, c]): Mutation =>
      (l) =>
        l.map((line, i) => (i === at(l, n) ? line.split(c).join('') : line)),
  ),
  fc
    .tuple(
      fc.nat(),
      fc.nat({ max: 1500 }),
      pick('a', '가나 ', '[paper link](u), ', '*_', '<!--', '[a](', '`', '$$', '\t', '😀'),
    )
    .map(
      ([n, times, run]): Mutation =>
        (l) =>
          l.map((line, i) => (i === at(l, n) ? line + run.repeat(times) : line)),
    ),
  fc.tuple(fc.nat(), pick('\u200b', '\u200d', '\u0301', '\ufeff', '👩‍🔬', '\t')).map(
    ([n, c]): Mutation =>
      (l) =>
        l.map((line, i) => (i === at(l, n) ? line.split(' ').join(c) : line)),
  ),
  pick<Mutation>(
    (l) => l.map((line) => line.replace(/^ +/, (s) => '\t'.repeat(Math.ceil(s.length / 4)))),
    (l) => l.map((line) => `${line} `),
  ),
);

/** A real post (one of `corpus`), changed by a few mutations, then maybe CRLF and a BOM. */
export function mutatedPost(corpus: readonly PostCase[]): fc.Arbitrary<PostCase> {
  return fc
    .tuple(
      fc.constantFrom(...corpus),
      fc.array(lineMutation, { minLength: 1, maxLength: 5 }),
      fc.boolean(),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([post, mutations, crlf, bom, lastNewline]) => {
      let lines = post.text.split('\n');
      for (const mutate of mutations) lines = mutate(lines);
      let text = lines.join(crlf ? '\r\n' : '\n');
      if (!lastNewline) text = text.replace(/\r?\n$/, '');
      return { text: (bom ? '\ufeff' : '') + text, fileName: post.fileName };
    });
}
