/**
 * `image-src`: an `<img src>` that will not show on the published site: a GitHub `blob/` page (an
 * HTML page, not an image), a path inside `_posts/` (Jekyll never serves it), a site path that
 * does not exist, or an address that is neither http(s) nor a site path. Each happened in a real
 * 3rd-quarter draft.
 */
import type { FixDescriptor, RuleDefinition } from '../engine/rule';
import type { Range } from '../model';
import type { SiteContext } from '../site/site';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';

const GITHUB_BLOB = /^(https?:\/\/(?:www\.)?github\.com\/[^/\s]+\/[^/\s]+)\/blob\//i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** `{{ site.baseurl }}` (or `site.url`, or both) before a site path. */
const SITE_PREFIX = /^(?:\{\{\s*site\.(?:url|baseurl)\s*\}\}\s*)+/;

export const imageSrc: RuleDefinition = {
  id: 'image-src',
  category: 'section',
  defaultSeverity: 'warning',
  description: {
    en: 'An image address will not load: a GitHub `blob/` page, a path in `_posts/`, a missing site file, or not http(s).',
    ko: '이미지 주소가 열리지 않습니다: GitHub `blob/` 페이지, `_posts/` 안의 경로, 사이트에 없는 파일, 또는 http(s)가 아닌 주소입니다.',
  },
  messages: {
    blob: {
      en: 'Expected the image file itself (`/raw/`), found a GitHub `/blob/` page: `{src}`',
      ko: '이미지 파일 자체(`/raw/`)가 필요하지만 GitHub `/blob/` 페이지입니다: `{src}`',
    },
    posts: {
      en: 'Expected an image the site serves (e.g. under `/assets/`), found a path inside `_posts/`, which Jekyll never publishes: `{src}`',
      ko: '사이트가 제공하는 이미지(예: `/assets/` 아래)가 필요하지만 Jekyll이 게시하지 않는 `_posts/` 안의 경로입니다: `{src}`',
    },
    notFound: {
      en: 'Expected a file of the site at `{src}`, found none',
      ko: '사이트에 `{src}` 파일이 있어야 하지만 없습니다',
    },
    scheme: {
      en: 'Expected an `https://` address or a site path, found `{src}`',
      ko: '`https://` 주소나 사이트 경로가 필요하지만 `{src}`입니다',
    },
    relative: {
      en: 'Expected a site path starting with `/`, found `{src}`: a relative path is read from the post\'s own address (`/2020/04/02/...`) and the image breaks',
      ko: '`/`로 시작하는 사이트 경로가 필요하지만 `{src}`입니다: 상대 경로는 포스트 자신의 주소(`/2020/04/02/...`)에서 읽혀 이미지가 깨집니다',
    },
  },
  docs: {
    rationale:
      'The drafts of the real blog tried `/_posts/HIRO_algo.PNG` (Jekyll does not copy files of `_posts/` to the site) and ' +
      '`https://github.com/.../blob/master/_posts/HIRO_algo.PNG` (an HTML page about the file, not the file): both showed ' +
      'broken images. Upload figures (GitHub issue attachments give `user-images.githubusercontent.com` addresses) or ' +
      'put them under `assets/`. Whether a site path exists is checked only for a post inside a Jekyll site.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: {
      text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace('https://user-images.githubusercontent.com/1/resnet-block.png',
        'https://github.com/lab/lab.github.io/blob/master/_posts/resnet-block.png')),
    },
    fix: 'Turns a `/blob/` address into the `/raw/` one, a `_posts/` path into the file\'s path under `assets/` when ' +
      'the site has it there, and a relative path (`assets/a.png`) into a site path (`/assets/a.png`), applied automatically ' +
      'when the site has the file there.',
  },
  check(post, context, report) {
    for (const section of post.sections) {
      for (const image of section.images) {
        const src = image.attributes.find((a) => a.name === 'src')?.value;
        const value = src?.text.trim();
        if (!src || !value) continue;
        const blob = GITHUB_BLOB.exec(value);
        if (blob) {
          report({
            range: src.range,
            messageId: 'blob',
            data: { src: value },
            fix: {
              title: { en: 'Use the `/raw/` address', ko: '`/raw/` 주소로 바꾸기' },
              safe: true,
              edits: [{ range: src.range, newText: value.replace(GITHUB_BLOB, '$1/raw/') }],
            },
          });
          continue;
        }
        const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
        if (scheme === 'http' || scheme === 'https' || value.startsWith('//')) {
          if (/^(?:https?:)?\/\/[^/]+\.github\.io\/(?:.*\/)?_posts\//i.test(value)) report({ range: src.range, messageId: 'posts', data: { src: value } });
          continue;
        }
        if (scheme === 'data') continue;
        if (scheme !== undefined) {
          report({ range: src.range, messageId: 'scheme', data: { src: value } });
          continue;
        }
        const path = sitePath(value);
        if (path === undefined) continue;
        if (path.split('/').includes('_posts')) {
          report({ range: src.range, messageId: 'posts', data: { src: value }, fix: assetsFix(path, context.site, src.range) });
        } else if (!path.startsWith('/') && !SITE_PREFIX.test(value)) {
          report({ range: src.range, messageId: 'relative', data: { src: value }, fix: rootedFix(path, context.site, src.range) });
        } else if (context.site && !context.site.exists(path)) {
          report({ range: src.range, messageId: 'notFound', data: { src: value } });
        }
      }
    }
  },
};

/** The site path of a `src` that names one (`/assets/a.png`, `{{ site.baseurl }}/assets/a.png`); undefined for Liquid it cannot read. */
function sitePath(src: string): string | undefined {
  const path = src.replace(SITE_PREFIX, '');
  if (path.includes('{{') || path.includes('{%')) return undefined;
  return path.replace(/[?#].*$/, '').replace(/\\/g, '/');
}

/** Points a `_posts/` path at the same file under `assets/`, when the site has it there. */
function assetsFix(path: string, site: SiteContext | undefined, range: Range): FixDescriptor | undefined {
  if (!site) return undefined;
  const parts = path.split('/');
  const afterPosts = parts.slice(parts.lastIndexOf('_posts') + 1).join('/');
  const base = parts[parts.length - 1]!;
  const found = [`assets/${afterPosts}`, `assets/${base}`, `assets/images/${base}`].find((p) => site.exists(p));
  if (!found) return undefined;
  return {
    title: { en: `Use \`/${found}\``, ko: `\`/${found}\`(으)로 바꾸기` },
    safe: true,
    edits: [{ range, newText: `/${found}` }],
  };
}

/**
 * Roots a relative path at the site (`assets/a.png`, `./a.png` -> `/assets/a.png`, `/a.png`): safe
 * when the site has the file there; offered without a site, where it cannot be checked.
 */
function rootedFix(path: string, site: SiteContext | undefined, range: Range): FixDescriptor | undefined {
  const rooted = '/' + path.replace(/^(?:\.\.?\/)+/, '');
  if (rooted === '/' || (site && !site.exists(rooted))) return undefined;
  return {
    title: { en: `Use \`${rooted}\``, ko: `\`${rooted}\`(으)로 바꾸기` },
    safe: site !== undefined,
    edits: [{ range, newText: rooted }],
  };
}
