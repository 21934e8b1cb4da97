/**
 * The registry: every rule the product runs, in the order of `rules.md`. Adding a rule means a
 * rule file, one line here, and its fixtures.
 */
import type { RuleDefinition } from '../engine/rule';
import { attributeList } from './attribute-list';
import { authorsLineMissing } from './authors-line-missing';
import { bareUrl } from './bare-url';
import { contentBeforeFirstPaper } from './content-before-first-paper';
import { duplicatePaper } from './duplicate-paper';
import { duplicateQuarter } from './duplicate-quarter';
import { emptyPost } from './empty-post';
import { fieldType } from './field-type';
import { filenameConvention } from './filename-convention';
import { filenameDateMismatch } from './filename-date-mismatch';
import { filenameFormat } from './filename-format';
import { frontMatterDuplicateKey } from './front-matter-duplicate-key';
import { frontMatterMissing } from './front-matter-missing';
import { frontMatterSyntax } from './front-matter-syntax';
import { futureDate } from './future-date';
import { headingStructure } from './heading-structure';
import { imageAlt } from './image-alt';
import { imageBlockUnclosed } from './image-block-unclosed';
import { imageSrc } from './image-src';
import { imageSrcMissing } from './image-src-missing';
import { imageWidth } from './image-width';
import { linkDead } from './link-dead';
import { linkMalformed } from './link-malformed';
import { linkPlaceholder } from './link-placeholder';
import { linkUrl } from './link-url';
import { markdownImage } from './markdown-image';
import { markdownInHtmlBlock } from './markdown-in-html-block';
import { mathjaxHost } from './mathjax-host';
import { mathjaxNeeded } from './mathjax-needed';
import { orderedListParen } from './ordered-list-paren';
import { orphanPaperLink } from './orphan-paper-link';
import { paperLinkMissing } from './paper-link-missing';
import { paperTitleEmpty } from './paper-title-empty';
import { presenterLabel } from './presenter-label';
import { presenterLineMissing } from './presenter-line-missing';
import { presenterLinksMissing } from './presenter-links-missing';
import { presenterNameMissing } from './presenter-name-missing';
import { requiredField } from './required-field';
import { slidesLinkMissing } from './slides-link-missing';
import { summaryMissing } from './summary-missing';
import { templateLeftover } from './template-leftover';
import { titleDateMismatch } from './title-date-mismatch';
import { titleFormat } from './title-format';
import { unknownField } from './unknown-field';
import { unknownLayout } from './unknown-layout';
import { venueMissing } from './venue-missing';

export const RULES: readonly RuleDefinition<object>[] = [
  // Front matter and file
  frontMatterMissing,
  frontMatterSyntax,
  frontMatterDuplicateKey,
  requiredField,
  unknownField,
  fieldType,
  unknownLayout,
  titleFormat,
  titleDateMismatch,
  filenameFormat,
  filenameConvention,
  filenameDateMismatch,
  futureDate,
  duplicateQuarter,
  mathjaxNeeded,
  mathjaxHost,
  emptyPost,
  contentBeforeFirstPaper,
  // Paper sections
  paperTitleEmpty,
  authorsLineMissing,
  venueMissing,
  presenterLineMissing,
  presenterLabel,
  presenterNameMissing,
  presenterLinksMissing,
  paperLinkMissing,
  slidesLinkMissing,
  linkMalformed,
  linkPlaceholder,
  linkUrl,
  orphanPaperLink,
  summaryMissing,
  templateLeftover,
  imageBlockUnclosed,
  imageSrcMissing,
  imageSrc,
  imageWidth,
  markdownImage,
  imageAlt,
  duplicatePaper,
  headingStructure,
  // kramdown's traps (after the catalogue)
  markdownInHtmlBlock,
  orderedListParen,
  bareUrl,
  attributeList,
  // link checks (after the catalogue; fed by a Check Links run, never while typing)
  linkDead,
];

/** The rule with `id`, or undefined. */
export function ruleById(id: string): RuleDefinition<object> | undefined {
  return RULES.find((rule) => rule.id === id);
}
