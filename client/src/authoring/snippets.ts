/**
 * The snippets the commands insert (a paper section, an image block), built from the labels the
 * blog uses and the names it knows. VS Code snippet syntax: `${1:placeholder}`, `${2|a,b|}`.
 */

/** Escapes text for a snippet, outside placeholders and inside a `${1:...}` placeholder. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Escapes one option of a `${1|a,b|}` choice. */
export function escapeSnippetChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

/** Placeholder texts shown in a new section, in the UI language (`core/templates.ts`'s `placeholderTexts`). */
export interface SectionPlaceholders {
  title: string;
  authors: string;
  venue: string;
  presenter: string;
  summary: string;
}

/** What a paper section is made of. */
export interface PaperSectionOptions {
  presenterLabel: string;
  paperLinkLabel: string;
  slidesLinkLabel: string;
  /**
   * Presenter names to choose from, most likely first. They are offered after the placeholder,
   * never in its place: a name filled in by default credits the wrong person when left as is.
   */
  presenters: readonly string[];
  placeholders: SectionPlaceholders;
}

/** At most this many presenter names are offered as choices. */
export const MAX_PRESENTER_CHOICES = 20;

/**
 * A whole paper section as a snippet: title, authors and venue, the presenter line with its two
 * links, two bullets and an image block, in the order the blog's posts write them.
 */
export function paperSectionSnippet(options: PaperSectionOptions): string {
  const p = options.placeholders;
  const names = [...new Set(options.presenters.map((name) => name.trim()).filter(Boolean))].slice(
    0,
    MAX_PRESENTER_CHOICES,
  );
  const choices = names.filter((name) => name !== p.presenter);
  const presenter =
    choices.length > 0
      ? `\${4|${[p.presenter, ...choices].map(escapeSnippetChoice).join(',')}|}`
      : `\${4:${escapeSnippetText(p.presenter)}}`;
  return [
    `# \${1:${escapeSnippetText(p.title)}}`,
    `## \${2:${escapeSnippetText(p.authors)}}, \${3:${escapeSnippetText(p.venue)}}`,
    `### ${escapeSnippetText(options.presenterLabel)}: ${presenter} ` +
      `[[${escapeSnippetText(options.paperLinkLabel)}](\${5:https://arxiv.org/abs/}), ` +
      `[${escapeSnippetText(options.slidesLinkLabel)}](\${6:https://})]`,
    `- \${7:${escapeSnippetText(p.summary)}}`,
    `- \${8:${escapeSnippetText(p.summary)}}`,
    '',
    '<p align="center">',
    '  <img src="${9:https://}">',
    '</p>',
    '$0',
  ].join('\n');
}
