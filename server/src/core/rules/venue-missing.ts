/**
 * `venue-missing`: the authors line names no venue or year (`## Yu-An Chung, Wei-Hung Weng, ...`).
 * A hint: many real sections lack one, but readers use it to judge and find the paper.
 */
import type { RuleDefinition } from '../engine/rule';
import { examplePost, SAMPLE_FRONT_MATTER, SAMPLE_SECTION } from './support/examples';

export const venueMissing: RuleDefinition = {
  id: 'venue-missing',
  category: 'section',
  defaultSeverity: 'hint',
  description: {
    en: 'The authors line names no venue or year.',
    ko: '저자 줄에 학회(저널)나 연도가 없습니다.',
  },
  messages: {
    missing: {
      en: 'Expected a venue or year after the authors (`, CVPR 2019`), found only names',
      ko: '저자 뒤에 학회나 연도(`, CVPR 2019`)가 필요하지만 이름만 있습니다',
    },
  },
  docs: {
    rationale:
      'The blog writes where each paper appeared after its authors (`NeurIPS 2019`, `*Nature*`, `arxiv.1806`), or at the end ' +
      'of the title (`... on ICLR2021 (under review)`). Readers use it to judge the paper and to find it. A venue is an ' +
      'emphasized part, a year, an arXiv reference, a known conference or journal, or a name with a year (`MLSP2016`).',
    ok: { text: examplePost(SAMPLE_FRONT_MATTER) },
    notOk: { text: examplePost(SAMPLE_FRONT_MATTER, SAMPLE_SECTION.replace(', CVPR 2016', '')) },
  },
  check(post, _context, report) {
    for (const section of post.sections) {
      if (!section.authors || section.venue) continue;
      const content = section.authors.content;
      report({ range: content.text ? content.range : section.authors.range, messageId: 'missing' });
    }
  },
};
