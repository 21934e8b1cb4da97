/**
 * Post models cached per URI and version: features asking about the same document version share
 * one parse.
 */
import type { Post } from '../model';
import { parsePost } from './parsePost';

export class PostCache {
  private readonly posts = new Map<string, Post>();

  /** The model of `text`, the document `uri` at `version`; parsed once per version. */
  get(uri: string, version: number | undefined, text: string): Post {
    const cached = this.posts.get(uri);
    if (cached && cached.version === version && version !== undefined && cached.text === text) return cached;
    const post = parsePost(text, uri, version);
    this.posts.set(uri, post);
    return post;
  }

  delete(uri: string): void {
    this.posts.delete(uri);
  }

  clear(): void {
    this.posts.clear();
  }
}
