/**
 * Generated seminar posts for the benchmarks, shaped like the blog's real ones (nine paper
 * sections, an authors line, a `### 발표자:` line with its paper and slides links, Korean summary
 * bullets mixing English terms, `<p align="center">` image blocks, `***` separators, some `$$`
 * math) but written from the word lists below: no real post's text is copied.
 *
 * Everything is deterministic (a seeded generator), so every run lints the same bytes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A small, fast, seeded generator (mulberry32): the same seed gives the same posts. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** `length` characters of `alphabet`. */
  chars(length: number, alphabet = 'abcdef0123456789'): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }
}

const TITLE_ADJECTIVES = [
  'Efficient',
  'Robust',
  'Scalable',
  'Self-Supervised',
  'Contrastive',
  'Hierarchical',
  'Sparse',
  'Adaptive',
  'Unsupervised',
  'Differentiable',
  'Generative',
  'Implicit',
  'Lightweight',
  'Multi-Scale',
  'Progressive',
  'Causal',
];
const TITLE_NOUNS = [
  'Representation Learning',
  'Knowledge Distillation',
  'Channel Pruning',
  'Neural Architecture Search',
  'Speech Synthesis',
  'Object Detection',
  'Domain Adaptation',
  'Policy Optimization',
  'Language Modeling',
  'Image Restoration',
  'Metric Learning',
  'Graph Networks',
  'Quantization',
  'Video Understanding',
  'Semantic Segmentation',
  'Voice Conversion',
];
const TITLE_TAILS = [
  'with Noisy Labels',
  'via Mutual Information',
  'for Edge Devices',
  'at Scale',
  'without Labels',
  'in the Wild',
  'by Iterative Refinement',
  'through Consistency',
  'for Long Sequences',
  'under Distribution Shift',
  'from Few Examples',
  'with Learned Priors',
];
const SURNAMES = [
  'Kim',
  'Lee',
  'Park',
  'Chen',
  'Wang',
  'Smith',
  'Garcia',
  'Müller',
  'Tanaka',
  'Novak',
  'Rossi',
  'Brown',
  'Singh',
  'Silva',
];
const GIVEN = [
  'Alex',
  'Jordan',
  'Mina',
  'Wei',
  'Sofia',
  'Daniel',
  'Yuki',
  'Hana',
  'Omar',
  'Lena',
  'Ravi',
  'Chris',
  'Ines',
  'Tomas',
];
const VENUES = ['CVPR', 'ICCV', 'ECCV', 'NeurIPS', 'ICML', 'ICLR', 'AAAI', 'ACL', 'EMNLP', 'Interspeech', 'ICASSP'];
const KOREAN_FAMILY = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오'];
const KOREAN_SYLLABLES = [
  '민',
  '서',
  '지',
  '현',
  '우',
  '준',
  '도',
  '하',
  '윤',
  '수',
  '영',
  '진',
  '성',
  '혜',
  '태',
  '은',
];
const TERMS = [
  'self-supervised learning',
  'contrastive loss',
  'Transformer',
  'knowledge distillation',
  'filter pruning',
  'attention',
  'GAN',
  'reinforcement learning',
  'ImageNet',
  'BERT',
  'fine-tuning',
  'data augmentation',
  'teacher-student',
  'pseudo label',
  'end-to-end',
  'latent space',
  'encoder',
  'decoder',
  'batch normalization',
  'SOTA',
];
const PHRASES = [
  '기존 연구와 비교하여',
  '제안된 방법은',
  '실험 결과',
  '학습 과정에서',
  '성능을 크게 개선하였습니다',
  '새로운 구조를 제안합니다',
  '계산량을 줄이면서도',
  '한계가 있다는 점이',
  '단점으로 보입니다',
  '장점은 구현이 간단하다는 것입니다',
  '여러 데이터셋에서',
  '추가적인 레이블 없이',
  '효율적으로 학습할 수 있습니다',
  '핵심 아이디어는',
  '흥미로운 접근이라고 생각합니다',
  '후속 연구가 기대됩니다',
  '이론적으로 증명하였습니다',
  '간단한 방법으로',
  '실제 환경에 적용하기 위해',
  '정확도가 향상되었습니다',
];
const ALTS = ['전체 구조', 'Overall architecture', '실험 결과 표', 'Figure 1 of the paper'];

/** One paper section (ending with a newline). Titles are unique across a run through `titles`. */
function paperSection(random: Random, titles: Set<string>, separator: boolean): string {
  let title: string;
  do {
    title = `${random.pick(TITLE_ADJECTIVES)} ${random.pick(TITLE_NOUNS)} ${random.pick(TITLE_TAILS)}`;
    if (titles.has(title)) title += ` ${random.int(2, 9)}`;
  } while (titles.has(title));
  titles.add(title);

  const authorCount = random.int(1, 5);
  const authors = Array.from({ length: authorCount }, () => `${random.pick(GIVEN)} ${random.pick(SURNAMES)}`).join(
    ', ',
  );
  const year = random.int(2015, 2023);
  const venue = random.chance(0.85) ? `, ${random.pick(VENUES)} ${year}` : random.chance(0.5) ? ` et al. ${year}` : '';
  const presenter = random.pick(KOREAN_FAMILY) + random.pick(KOREAN_SYLLABLES) + random.pick(KOREAN_SYLLABLES);
  const paper = random.chance(0.5)
    ? `https://arxiv.org/abs/${random.int(1500, 2312)}.${random.chars(5, '0123456789')}`
    : `https://arxiv.org/pdf/${random.int(1500, 2312)}.${random.chars(5, '0123456789')}.pdf`;
  const slides = `https://drive.google.com/file/d/${random.chars(28, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789_-')}/view`;

  const lines = [
    `# ${title}`,
    `## ${authors}${venue}`,
    `### 발표자: ${presenter} [[paper link](${paper}), [presentation material](${slides})]`,
  ];
  const bullets = random.int(3, 5);
  for (let b = 0; b < bullets; b++) lines.push(`- ${bullet(random)}`);
  if (random.chance(0.15)) {
    lines.push(`    1. ${bullet(random)}`, `    2. ${bullet(random)}`);
  }
  if (random.chance(0.2)) {
    lines.push(
      '',
      `$$\\mathcal{L} = \\sum_{i=1}^{N} \\lambda_i \\, \\ell(f(x_i), y_i) + \\beta \\lVert \\theta \\rVert_2^2$$`,
      '',
    );
    lines.push(`- 위 식에서 $$\\beta$$ 는 ${random.pick(PHRASES)} 조절하는 값입니다.`);
  }
  if (random.chance(0.6)) lines.push('');
  lines.push('<p align="center">');
  const images = random.int(1, 3);
  for (let i = 0; i < images; i++) {
    const src = `https://user-images.githubusercontent.com/${random.int(10000000, 99999999)}/${random.chars(8)}-${random.chars(4)}-11ea-${random.chars(4)}-${random.chars(12)}.png`;
    const width = random.chance(0.3) ? ` width="${random.pick([450, 600, 800, 900])}"` : '';
    const alt = random.chance(0.2) ? ` alt="${random.pick(ALTS)}"` : '';
    lines.push(`${random.chance(0.5) ? '  ' : ''}<img${width}${alt} src="${src}">`);
  }
  lines.push('</p>', '');
  if (separator) lines.push('***', '');
  return lines.join('\n') + '\n';
}

/** A summary bullet: Korean phrases with English terms, 40 to 160 characters. */
function bullet(random: Random): string {
  const target = random.int(40, 150);
  let text = '';
  while (text.length < target) {
    text += random.chance(0.4)
      ? `${random.pick(TERMS)}${random.pick(['을 ', '를 ', '에서 ', '와 ', '의 ', ' 기반의 '])}`
      : `${random.pick(PHRASES)} `;
  }
  return text.trim().replace(/[,\s]*$/, '') + '.';
}

const ORDINALS = ['1st', '2nd', '3rd', '4th'];

/** The file name and text of generated post number `n` (0-based): one post per quarter, going back from 2023. */
export function generatePost(n: number, titles = new Set<string>(), sections = 9): { fileName: string; text: string } {
  const random = new Random(0x5e31 + n * 7919);
  const quarter = 3 - (n % 4);
  const year = 2023 - Math.floor(n / 4);
  const month = quarter * 3 + 1;
  const day = random.int(1, 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const frontMatter = [
    '---',
    'layout: post',
    `title: "${year}_${ORDINALS[quarter]}_quarter"`,
    `date: ${date}`,
    `image_url: https://user-images.githubusercontent.com/${random.int(10000000, 99999999)}/${random.chars(8)}.png`,
    'mathjax: true',
    'comments: true',
    '---',
    '',
    '',
  ].join('\n');
  let body = '';
  for (let s = 0; s < sections; s++) body += paperSection(random, titles, s < sections - 1 && random.chance(0.8));
  return { fileName: `${date}-${ORDINALS[quarter]}_quarter.md`, text: frontMatter + body };
}

/** A post of at least `lines` lines: as many sections of the usual shape as it takes. */
export function generateLongPost(lines: number): { fileName: string; text: string } {
  const random = new Random(0x10ad);
  const titles = new Set<string>();
  const head = generatePost(0, titles, 1);
  let text = head.text.replace(/\n*$/, '\n\n***\n\n');
  let count = text.split('\n').length;
  while (count < lines) {
    const section = paperSection(random, titles, true);
    text += section;
    count += section.split('\n').length - 1;
  }
  return { fileName: head.fileName, text };
}

/**
 * Writes a Jekyll site of `count` generated posts into `dir` (`_config.yml`, `_posts/`), replacing
 * what was there. Returns the posts' paths.
 */
export function writeSite(dir: string, count: number): string[] {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, '_posts'), { recursive: true });
  fs.writeFileSync(path.join(dir, '_config.yml'), 'title: Paper seminar\ntheme: minima\n');
  const titles = new Set<string>();
  const files: string[] = [];
  for (let n = 0; n < count; n++) {
    const post = generatePost(n, titles);
    const file = path.join(dir, '_posts', post.fileName);
    fs.writeFileSync(file, post.text);
    files.push(file);
  }
  return files;
}
