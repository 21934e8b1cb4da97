/**
 * Post models cached per URI and version: features asking about the same document version share
 * one parse. Parses go through the owner's `ParseCache`, so a keystroke re-parses only what changed.
 */
import type { Post } from '../model';
import type { ParseCache } from './parseCache';
import { parsePost } from './parsePost';

export class PostCache {
  private readonly posts = new Map<string, Post>();

  constructor(private readonly parts: ParseCache) {}

  /** The model of `text`, the document `uri` at `version`; parsed once per version. */
  get(uri: string, version: number | undefined, text: string): Post {
    const cached = this.posts.get(uri);
    if (cached && cached.version === version && version !== undefined && cached.text === text) return cached;
    const post = parsePost(text, uri, version, { cache: this.parts });
    this.posts.set(uri, post);
    return post;
  }

  /** Forgets the document `uri` (closed): its model and its last parse's chunks. */
  delete(uri: string): void {
    this.posts.delete(uri);
    this.parts.forget(uri);
  }

  clear(): void {
    this.posts.clear();
  }
}
