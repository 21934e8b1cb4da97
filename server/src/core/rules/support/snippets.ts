/**
 * The snippets that section fixes insert: a presenter line and its link list, written with the
 * configured labels and tab stops for what only the author knows.
 */
import type { ResolvedConfig } from '../../config/config';
import type { Locale } from '../../engine/messages';
import { PLACEHOLDERS } from '../../templates';

/** `text` as literal snippet text (`$`, `}` and `\` escaped). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/**
 * A link list snippet, `[[paper link]($1), [presentation material]($2)]`; `known` prefills a
 * target (already escaped is not needed: it is escaped here). Tab stops start at `firstStop`.
 */
export function linkListSnippet(
  config: ResolvedConfig,
  firstStop: number,
  known: { paper?: string; slides?: string } = {},
): string {
  let stop = firstStop;
  const target = (url: string | undefined) => (url !== undefined ? escapeSnippet(url) : `\${${stop++}}`);
  const paper = `[${escapeSnippet(config.linkLabels.paper[0] ?? 'paper link')}](${target(known.paper)})`;
  const slides = `[${escapeSnippet(config.linkLabels.slides[0] ?? 'presentation material')}](${target(known.slides)})`;
  return `[${paper}, ${slides}]`;
}

/** A whole presenter line snippet: `### 발표자: ${1:발표자 이름} [[paper link]($2), [presentation material]($3)]`. */
export function presenterLineSnippet(
  config: ResolvedConfig,
  locale: Locale,
  known: { paper?: string; slides?: string } = {},
): string {
  const label = escapeSnippet(config.presenterLabels[0] ?? '발표자');
  const name = escapeSnippet(PLACEHOLDERS.presenter[locale]);
  return `### ${label}: \${1:${name}} ${linkListSnippet(config, 2, known)}`;
}
