/**
 * The links of a section: those of its presenter lines, and bare link paragraphs that hold its
 * paper or slides link outside the presenter line (`[paper link](...)` on a line of its own, the
 * early drafts' style).
 */
import type { ResolvedConfig } from '../../config/config';
import type { LinkParagraph, MarkdownLink, Post, Section } from '../../model';
import { isPaperLink, isSlidesLink, linksOf } from './links';
import { presenterLines } from './presenter';
import { sectionMemo } from './sectionMemo';

/** The section's link paragraphs with a paper or slides link. */
export function orphanLinkParagraphs(section: Section, config: ResolvedConfig): LinkParagraph[] {
  return section.linkParagraphs.filter((p) =>
    p.links.some((link) => isPaperLink(link, config) || isSlidesLink(link, config)),
  );
}

/** True when the section has a paper link (or, with `slides`, a slides link) in a bare paragraph. */
export function hasOrphanLink(section: Section, config: ResolvedConfig, kind: 'paper' | 'slides'): boolean {
  const test = kind === 'paper' ? isPaperLink : isSlidesLink;
  return orphanLinkParagraphs(section, config).some((p) => p.links.some((link) => test(link, config)));
}

const links = sectionMemo<readonly MarkdownLink[]>();

/** Every link of the section's presenter lines and bare link paragraphs, in order (remembered). */
export function sectionLinks(post: Post, section: Section, config: ResolvedConfig): readonly MarkdownLink[] {
  return links(config, section, () => [
    ...presenterLines(post, section, config).flatMap((info) => linksOf(info.line)),
    ...section.linkParagraphs.flatMap((p) => p.links),
  ]);
}
