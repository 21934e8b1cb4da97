/**
 * Answers remembered per configuration and section. Rules ask the same questions of every
 * section on every keystroke (which `###` lines are presenter lines, which links a section has),
 * and the parser hands out the same section object while the section is unchanged and unmoved,
 * and the project the same configuration object while its layers are the same: an answer that
 * depends on nothing else can be kept with them, and goes when they do (weak maps).
 */
import type { ResolvedConfig } from '../../config/config';
import type { Section } from '../../model';

/** A memo for one question: `(config, section, compute)` computes once per pair. */
export function sectionMemo<T>(): (config: ResolvedConfig, section: Section, compute: () => T) => T {
  const byConfig = new WeakMap<ResolvedConfig, WeakMap<Section, T>>();
  return (config, section, compute) => {
    let bySection = byConfig.get(config);
    if (!bySection) byConfig.set(config, (bySection = new WeakMap()));
    if (!bySection.has(section)) bySection.set(section, compute());
    return bySection.get(section)!;
  };
}
