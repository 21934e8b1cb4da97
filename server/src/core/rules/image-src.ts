/**
 * `image-src`: an image address that will not show on the published site: a GitHub `blob/` page
 * (an HTML page, not an image), a path inside `_posts/` (Jekyll never serves it), a site path that
 * does not exist, or an address that is neither http(s) nor a site path. Each happened in a real
 * 3rd-quarter draft. Every image is checked alike: `<img src>`, a Markdown image's address, and the
 * `image_url` thumbnail (whose other shapes `field-type` checks).
 */
import type { FixDescriptor, RuleDefinition } from '../engine/rule';
import { formatDate } from '../jekyll';
import type { Range } from '../model';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';
import { postDate } from './support/frontMatter';
import { imageAddressProblem, postImages, type ImageAddressProblem } from './support/imageAddress';

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
      en: "Expected a site path starting with `/`, found `{src}`: a relative path is read from the post's own address (`{address}`) and the image breaks",
      ko: '`/`로 시작하는 사이트 경로가 필요하지만 `{src}`입니다: 상대 경로는 포스트 자신의 주소(`{address}`)에서 읽혀 이미지가 깨집니다',
    },
  },
  docs: {
    rationale:
      'The drafts of the real blog tried `/_posts/HIRO_algo.PNG` (Jekyll does not copy files of `_posts/` to the site) and ' +
      '`https://github.com/.../blob/master/_posts/HIRO_algo.PNG` (an HTML page about the file, not the file): both showed ' +
      'broken images. Upload figures (GitHub issue attachments give `user-images.githubusercontent.com` addresses) or ' +
      'put them under `assets/`. Every image is checked: `<img src="...">`, a Markdown image `![](...)`, and the `image_url` ' +
      'thumbnail the front page shows. Whether a site path exists is checked only for a post inside a Jekyll site.',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: {
      text: examplePost(
        SAMPLE_FRONT_MATTER,
        SAMPLE_SECTION.replace(
          'https://user-images.githubusercontent.com/1/resnet-block.png',
          'https://github.com/lab/lab.github.io/blob/master/_posts/resnet-block.png',
        ),
      ),
    },
    fix:
      "Turns a `/blob/` address into the `/raw/` one, a `_posts/` path into the file's path under `assets/` when " +
      'the site has it there, and a relative path (`assets/a.png`) into a site path (`/assets/a.png`), applied automatically ' +
      'when the site has the file there. The same for the thumbnail: `image_url` and the image it shows get the same address.',
  },
  check(post, context, report) {
    const date = postDate(post);
    const address = date ? `/${formatDate(date).replace(/-/g, '/')}/...` : '/YYYY/MM/DD/...';
    for (const image of postImages(post)) {
      const value = image.address.text.trim();
      const problem = imageAddressProblem(value, context.site);
      if (!problem) continue;
      // `field-type` already says that a thumbnail must be an http(s) address or a site path.
      if (image.kind === 'thumbnail' && (problem.kind === 'relative' || problem.kind === 'scheme')) continue;
      report({
        range: image.address.range,
        messageId: problem.kind,
        data: problem.kind === 'relative' ? { src: value, address } : { src: value },
        fix: fixOf(problem, image.address.range),
      });
    }
  },
};

/** The edit that writes the mended address, when one is known. */
function fixOf(problem: ImageAddressProblem, range: Range): FixDescriptor | undefined {
  if (problem.fixed === undefined) return undefined;
  const title =
    problem.kind === 'blob'
      ? { en: 'Use the `/raw/` address', ko: '`/raw/` 주소로 바꾸기' }
      : { en: `Use \`${problem.fixed}\``, ko: `\`${problem.fixed}\`(으)로 바꾸기` };
  return { title, safe: problem.safe, edits: [{ range, newText: problem.fixed }] };
}
