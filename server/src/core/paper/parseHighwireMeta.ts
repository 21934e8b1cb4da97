/**
 * A paper's page read through its Highwire Press `citation_*` meta tags, which OpenReview, CVF open
 * access, NeurIPS, PMLR, the ACL Anthology, Springer and most publishers serve for Google Scholar:
 * `citation_title`, `citation_author` (one per author), `citation_conference_title` or
 * `citation_journal_title`, `citation_publication_date` (or `citation_date`, `citation_year`).
 * The page is read by parse5's HTML tokenizer (parse5 is the HTML parser rehype uses).
 */
import { Tokenizer, TokenizerMode, type Token } from 'parse5';
import { cleanText, personName, yearOf, type PaperMetadata } from './paperMetadata';
import type { ParseFailure } from './parseArxivAtom';
import { shortVenue } from './venueNames';

type TagToken = Token.TagToken;
type State = (typeof TokenizerMode)[keyof typeof TokenizerMode];

/** The metadata of the page's citation tags, or why there is none. */
export function parseHighwireMeta(html: string): PaperMetadata | ParseFailure {
  const tags = citationTags(html);
  const first = (...names: string[]) =>
    names.map((n) => tags.get(n)?.[0]).find((v) => v !== undefined && cleanText(v) !== '');
  const title = cleanText(first('citation_title') ?? '');
  if (!title) {
    return {
      failure: 'noMetadata',
      detail: tags.size ? 'the page has citation tags but no citation_title' : 'the page has no citation_* meta tags',
    };
  }
  const authors = (
    tags.get('citation_author') ??
    tags.get('citation_authors')?.flatMap((list) => list.split(';')) ??
    []
  )
    .map(personName)
    .filter(Boolean);
  const venue = shortVenue(
    first(
      'citation_conference_title',
      'citation_conference',
      'citation_journal_title',
      'citation_inbook_title',
      'citation_book_title',
    ),
  );
  const year = yearOf(
    first('citation_publication_date', 'citation_date', 'citation_year', 'citation_online_date', 'citation_cover_date'),
  );
  return { title, authors, venue, year, source: 'page' };
}

/** Elements whose content the HTML tokenizer reads as text, and how (what parse5's tree builder tells it). */
const TEXT_CONTENT: Record<string, State> = {
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  script: TokenizerMode.SCRIPT_DATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

/**
 * Every `<meta name="citation_*" content="...">` of the document, by lower-case name, in order.
 * parse5's HTML tokenizer reads the page in one pass (no tree is built: a page of thousands of
 * nested elements costs the tree builder quadratic time); a `<script>` or `<title>` is read as
 * text, as a browser reads it, so a tag written inside one is not taken.
 */
function citationTags(html: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const ignore = () => undefined;
  const tokenizer: Tokenizer = new Tokenizer(
    {},
    {
      onStartTag(token: TagToken) {
        const mode = TEXT_CONTENT[token.tagName];
        if (mode !== undefined) tokenizer.state = mode;
        if (token.tagName !== 'meta') return;
        const name = attribute(token, 'name') ?? attribute(token, 'property');
        const content = attribute(token, 'content');
        if (name && content !== undefined && /^citation_/i.test(name)) {
          const key = name.toLowerCase();
          found.set(key, [...(found.get(key) ?? []), content]);
        }
      },
      onEndTag: ignore,
      onComment: ignore,
      onDoctype: ignore,
      onEof: ignore,
      onCharacter: ignore,
      onNullCharacter: ignore,
      onWhitespaceCharacter: ignore,
    },
  );
  tokenizer.write(html, true);
  return found;
}

function attribute(token: TagToken, name: string): string | undefined {
  return token.attrs.find((a) => a.name === name)?.value;
}
