/**
 * Document links: the presenter's links (and the early drafts' bare link lines), and each
 * `<img src>`: an absolute URL as it is, a site path (`/assets/a.png`) resolved to the workspace
 * file it names, when that file exists.
 */
import type { DocumentLink } from 'vscode-languageserver-types';
import type { Post, Span } from '../model';

/** What document links need besides the post. */
export interface DocumentLinkOptions {
  /** The URI of the site file a site path names (`/assets/a.png`), or undefined when there is none. */
  resolveSitePath(path: string): string | undefined;
}

/** The links of `post`. */
export function getDocumentLinks(post: Post, options: DocumentLinkOptions): DocumentLink[] {
  const links: DocumentLink[] = [];
  const add = (url: Span | undefined, resolve: boolean) => {
    const text = url?.text.trim();
    if (!url || !text) return;
    let target = webUrl(text);
    if (!target && resolve && !/^[a-z][a-z0-9+.-]*:/i.test(text) && !text.startsWith('//'))
      target = options.resolveSitePath(text);
    if (target) links.push({ range: url.range, target });
  };
  for (const section of post.sections) {
    for (const presenter of section.presenterLines) {
      for (const item of presenter.linkList?.items ?? []) if (item.kind === 'link') add(item.url, false);
    }
    for (const paragraph of section.linkParagraphs) for (const link of paragraph.links) add(link.url, false);
    for (const img of section.images) add(img.attributes.find((a) => a.name === 'src')?.value, true);
  }
  return links;
}

/** `text` as an http(s) URL a client can open, or undefined. */
function webUrl(text: string): string | undefined {
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    return new URL(text).toString();
  } catch {
    return undefined;
  }
}
