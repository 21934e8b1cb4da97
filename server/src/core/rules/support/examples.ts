/**
 * Building blocks for the posts in rule documentation. Every example is a whole post, so that the
 * docs show what an author really writes and the example tests lint exactly that text.
 */

/** A well-formed paper section in the blog's shape. */
export const SAMPLE_SECTION = [
  '# Deep Residual Learning for Image Recognition',
  '## Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun, CVPR 2016',
  '### 발표자: 홍길동 [[paper link](https://arxiv.org/abs/1512.03385), [presentation material](https://example.com/resnet.pdf)]',
  '- 잔차 연결(residual connection)로 매우 깊은 네트워크를 학습할 수 있게 한 논문입니다.',
  '- 152층 네트워크로 ImageNet에서 가장 좋은 성능을 보였습니다.',
  '',
  '<p align="center">',
  '  <img src="https://user-images.githubusercontent.com/1/resnet-block.png" width="450">',
  '</p>',
].join('\n');

/** The blog's usual front matter lines for the 2nd quarter of 2020. */
export const SAMPLE_FRONT_MATTER = [
  'layout: post',
  'title: "2020_2nd_quarter"',
  'date: 2020-04-02',
  'image_url: https://user-images.githubusercontent.com/1/resnet-block.png',
  'mathjax: true',
  'comments: true',
];

/** A post from front matter lines (or none) and a body. */
export function examplePost(frontMatter: string[] | undefined, body = SAMPLE_SECTION): string {
  const head = frontMatter ? ['---', ...frontMatter, '---', ''].join('\n') : '';
  return `${head}\n${body}\n`;
}

/** The sample front matter with some keys replaced or removed (`undefined` removes). */
export function frontMatterWith(changes: Record<string, string | undefined>): string[] {
  const lines = SAMPLE_FRONT_MATTER.filter((line) => {
    const key = line.slice(0, line.indexOf(':'));
    return !(key in changes) || changes[key] !== undefined;
  }).map((line) => {
    const key = line.slice(0, line.indexOf(':'));
    return key in changes ? `${key}: ${changes[key]}` : line;
  });
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined && !SAMPLE_FRONT_MATTER.some((l) => l.startsWith(`${key}:`)))
      lines.push(`${key}: ${value}`);
  }
  return lines;
}
