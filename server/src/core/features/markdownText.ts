/**
 * Text that features put into Markdown (hover, completion documentation) must show as written.
 */

/** Escapes the characters Markdown would read as formatting or links. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}
