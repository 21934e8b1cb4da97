/**
 * What the server knows of a document at its current version: whether it is a post (the post
 * service decides, from the `posts` globs of its settings and configuration file), whether it is
 * refused (too large, binary), and otherwise its post model (parsed once per version) and its setup
 * (configuration and site). Every feature starts here.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EditorSettings } from '../core/config/settings';
import { refusalOf, type Refusal } from '../core/features/limits';
import type { Post } from '../core/model';
import type { PostSetup } from '../core/project';
import type { PostService } from '../core/service/postService';
import { uriToCorePath } from '../node/nodeHost';
import type { SettingsStore } from './settings';
import type { StatusReporter } from './status';

export type Analysis =
  /** Not a post: another scheme, or outside the `posts` globs. Nothing is said about it. */
  | { kind: 'other' }
  /** A post the checks refuse to read. */
  | { kind: 'refused'; refusal: Refusal; settings: EditorSettings }
  | { kind: 'post'; post: Post; setup: PostSetup; settings: EditorSettings };

/** A post's setup and settings, or undefined when the file is not a post. */
export interface PostClassification {
  path: string;
  setup: PostSetup;
  settings: EditorSettings;
}

export class Analyzer {
  constructor(
    private readonly service: PostService,
    private readonly settings: SettingsStore,
    private readonly status: StatusReporter,
    /** Core paths of the workspace folders. */
    private readonly roots: () => readonly string[],
  ) {}

  /** The analysis of `document` at its current version. */
  async analyze(document: TextDocument): Promise<Analysis> {
    const classified = await this.classify(document.uri);
    if (!classified) return { kind: 'other' };
    const text = document.getText();
    const refusal = refusalOf(text, classified.settings.maxFileSizeBytes);
    if (refusal) {
      this.service.forget(document.uri);
      return { kind: 'refused', refusal, settings: classified.settings };
    }
    const post = this.service.parseForEditing(document.uri, document.version, text);
    return { kind: 'post', post, setup: classified.setup, settings: classified.settings };
  }

  /** Whether the file `uri` is a post, with its setup; reports bad settings and configuration once. */
  async classify(uri: string, settingsScope = uri): Promise<PostClassification | undefined> {
    const path = uriToCorePath(uri);
    if (!path) return undefined;
    const settings = await this.settings.get(settingsScope);
    const setup = this.service.setupFor(path, [settings.layer]);
    this.status.configProblems(settings.problems);
    this.status.configProblems(setup.configProblems);
    if (!this.service.isPost(path, setup, this.roots())) return undefined;
    return { path, setup, settings };
  }

  /** Forgets the model of a closed document. */
  forget(uri: string): void {
    this.service.forget(uri);
    this.settings.forget(uri);
  }
}
