/**
 * Misspelled front matter keys (`comment` for `comments`): which key an unknown one most likely
 * means, and whether renaming it is a fix that cannot guess wrong. `unknown-field` reports the
 * misspelling and `required-field` the key it leaves missing; both offer the same rename, so that
 * a fix-all renames the key once instead of adding a second one beside the typo.
 */
import type { ResolvedConfig } from '../../config/config';
import { BLOG_KEYS, editDistance, KNOWN_JEKYLL_KEYS, parseJekyllDate } from '../../jekyll';
import type { FrontMatter, FrontMatterEntry, Post } from '../../model';
import type { SiteContext } from '../../site/site';
import { isImageUrlValue, isPlainKey } from './frontMatter';
import { imageAddressProblem } from './imageAddress';

/** An unknown key and what it most likely means. */
export interface KeyTypo {
  entry: FrontMatterEntry;
  /** The closest known key, within two edits; undefined when none is close. */
  suggestion: string | undefined;
  /** The rename can be offered: the suggestion is not in the post already and the key is plain YAML. */
  renameable: boolean;
  /**
   * The rename is safe (applied by `--fix` and Fix All): the suggestion is the only known key that
   * close, no other key of the post means it too, the typo is not a short word that happens to be
   * near a key, and the value is one the key accepts (so the rename brings no new problem).
   */
  safe: boolean;
}

/** The keys no rule calls unknown: the blog's, the required ones, Jekyll's, and `unknown-field`'s `allow`. */
export function knownKeys(config: ResolvedConfig, allow: readonly string[] = allowedByConfig(config)): string[] {
  return [...new Set([...BLOG_KEYS, ...Object.keys(config.requiredFields), ...KNOWN_JEKYLL_KEYS, ...allow])];
}

function allowedByConfig(config: ResolvedConfig): string[] {
  const allow = config.rules['unknown-field']?.options?.['allow'];
  return Array.isArray(allow) ? allow.filter((k): k is string => typeof k === 'string') : [];
}

/** Every key of `fm` that is not in `known`, with its likely meaning. */
export function keyTypos(
  post: Post,
  fm: FrontMatter,
  known: readonly string[],
  site: SiteContext | undefined,
): KeyTypo[] {
  const unknown = fm.entries.filter((entry) => !known.includes(entry.key));
  const guesses = unknown.map((entry) => ({ entry, guess: closestKey(entry.key, known) }));
  return guesses.map(({ entry, guess }): KeyTypo => {
    const suggestion = guess?.key;
    // Renaming onto a key the post already has would only make a duplicate.
    // Only a plain key is renamed: `[image]` or `!tag` is broken YAML, not a typo of `image`.
    const renameable =
      suggestion !== undefined && !fm.entries.some((e) => e.key === suggestion) && isPlainKey(post, entry);
    const rivals = guesses.filter((other) => other.entry !== entry && other.guess?.key === suggestion);
    const safe =
      renameable &&
      guess!.unique &&
      rivals.length === 0 &&
      closeEnough(entry.key, guess!.distance) &&
      valueFits(suggestion, entry, site);
    return { entry, suggestion, renameable, safe };
  });
}

/** The misspelling in `fm` that most likely means `key`, when there is exactly one. */
export function typoOf(typos: readonly KeyTypo[], key: string): KeyTypo | undefined {
  const found = typos.filter((typo) => typo.suggestion === key);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The known key closest to `word` within two edits (a change of letter case counts half), and
 * whether it is the only one at that distance.
 */
function closestKey(
  word: string,
  known: readonly string[],
): { key: string; distance: number; unique: boolean } | undefined {
  let best: { key: string; distance: number; unique: boolean } | undefined;
  const lower = word.toLowerCase();
  for (const key of known) {
    const distance = key.toLowerCase() === lower ? 0.5 : editDistance(lower, key.toLowerCase());
    if (distance > 2) continue;
    if (!best || distance < best.distance) best = { key, distance, unique: true };
    else if (distance === best.distance) best.unique = false;
  }
  return best;
}

/** A change of case always; one edit for a key of three letters or more; two for six or more. */
function closeEnough(word: string, distance: number): boolean {
  if (distance < 1) return true;
  return distance <= 1 ? word.length >= 3 : word.length >= 6;
}

const BOOLEAN_KEYS = new Set(['mathjax', 'comments', 'published']);

/** True when the entry's value is one `key` accepts, so that the rename brings no `field-type` or `image-src` problem. */
function valueFits(key: string, entry: FrontMatterEntry, site: SiteContext | undefined): boolean {
  if (BOOLEAN_KEYS.has(key)) return typeof entry.value === 'boolean';
  const text =
    entry.value instanceof Date
      ? entry.valueSource.trim()
      : typeof entry.value === 'string'
        ? entry.value.trim()
        : undefined;
  switch (key) {
    case 'date':
      return text !== undefined && parseJekyllDate(text) !== undefined;
    case 'image_url':
      return text !== undefined && isImageUrlValue(text) && !imageAddressProblem(text, site);
    case 'title':
      return entry.valueKind === 'scalar' && text !== undefined && text !== '';
    case 'layout':
      // The blog's posts all use `post`; another name may be no layout of the site.
      return text === 'post';
    default:
      return true;
  }
}
