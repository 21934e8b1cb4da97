/**
 * Short venue names, as the blog writes them (`CVPR 2019`, `NeurIPS 2019`): the sources give the
 * long form (`Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition`).
 * Known conferences and journals get their usual acronym; any other venue is kept as given, without
 * "Proceedings of the" and an edition number.
 */

/** Long-name patterns and their acronyms, the more specific first. */
const KNOWN: readonly [RegExp, string][] = [
  [/north american chapter of the association for computational linguistics/i, 'NAACL'],
  [/empirical methods in natural language processing/i, 'EMNLP'],
  [/association for computational linguistics/i, 'ACL'],
  [/winter conference on applications of computer vision/i, 'WACV'],
  [/computer vision and pattern recognition/i, 'CVPR'],
  [/european conference on computer vision/i, 'ECCV'],
  [/international conference on computer vision/i, 'ICCV'],
  [/neural information processing systems/i, 'NeurIPS'],
  [/international conference on machine learning/i, 'ICML'],
  [/international conference on learning representations/i, 'ICLR'],
  [/\baaai conference on artificial intelligence\b|\bproceedings of the aaai\b/i, 'AAAI'],
  [/international joint conference on artificial intelligence/i, 'IJCAI'],
  [/artificial intelligence and statistics/i, 'AISTATS'],
  [/conference on robot learning/i, 'CoRL'],
  [/knowledge discovery (?:and|&) data mining/i, 'KDD'],
  [/transactions on pattern analysis and machine intelligence/i, 'TPAMI'],
  [/international conference on acoustics,? speech,? and signal processing/i, 'ICASSP'],
  [/journal of machine learning research/i, 'JMLR'],
];

/** The venue as the blog writes it; undefined for an empty one. */
export function shortVenue(name: string | undefined): string | undefined {
  const clean = name?.replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  for (const [pattern, acronym] of KNOWN) if (pattern.test(clean)) return acronym;
  // A venue that already is an acronym with a year (`CVPR 2016`, `NeurIPS 2020`) stays.
  const plain = clean
    .replace(/^proceedings of (?:the )?/i, '')
    .replace(/^(?:\d+(?:st|nd|rd|th)|first|second|third) /i, '')
    .replace(/^annual /i, '');
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}
