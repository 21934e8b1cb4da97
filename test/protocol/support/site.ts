/**
 * Temporary Jekyll sites for the protocol tests, written to the OS's temporary folder and removed
 * after: a site is a folder with `_config.yml`, `_posts/` and whatever a test adds.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface TempSite {
  dir: string;
  /** The `file:` URI of a path inside the site (`_posts/x.md`), or of the site itself. */
  uri(relative?: string): string;
  write(relative: string, text: string | Buffer): string;
  remove(): void;
}

/** A site with `_config.yml` (theme minima) and the given files. */
export function makeSite(files: Record<string, string | Buffer> = {}): TempSite {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-lsp-')));
  const site: TempSite = {
    dir,
    uri: (relative = '') => pathToFileURL(path.join(dir, relative)).toString().replace(/\/$/, ''),
    write(relative, text) {
      const file = path.join(dir, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
  site.write('_config.yml', 'theme: minima\n');
  for (const [relative, text] of Object.entries(files)) site.write(relative, text);
  return site;
}

export interface PaperSpec {
  title: string;
  presenter: string;
}

/** A well-formed post of the quarter of `date` with one section per paper. */
export function postText(date: string, papers: readonly PaperSpec[]): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const quarter = ['1st', '2nd', '3rd', '4th'][Math.floor((month - 1) / 3)];
  const sections = papers.map((paper, i) =>
    [
      `# ${paper.title}`,
      '## Jane Doe et al., NeurIPS 2020',
      `### 발표자: ${paper.presenter} [[paper link](https://arxiv.org/abs/2001.0000${i}), [presentation material](https://example.com/${i}.pdf)]`,
      '- 이 논문의 핵심 아이디어를 요약합니다.',
      '',
      '<p align="center">',
      `  <img src="https://user-images.githubusercontent.com/1/${i}.png" width="450">`,
      '</p>',
      '',
    ].join('\n'),
  );
  return [
    '---',
    'layout: post',
    `title: "${year}_${quarter}_quarter"`,
    `date: ${date}`,
    'image_url: https://user-images.githubusercontent.com/1/0.png',
    'mathjax: true',
    'comments: true',
    '---',
    '',
    ...sections,
  ].join('\n');
}
