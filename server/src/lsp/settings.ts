/**
 * The editor's settings per resource: asked of the client through `workspace/configuration`
 * (section `seminarPosts`, scoped to the document or folder), validated, and kept until the
 * settings change. A client that cannot be asked pushes them with `didChangeConfiguration`.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { ConfigurableRule } from '../core/config/config';
import { readEditorSettings, SETTINGS_SECTION, type EditorSettings } from '../core/config/settings';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<EditorSettings>>();
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly rules: readonly ConfigurableRule[],
    /** The client answers `workspace/configuration` (known once initialized). */
    private readonly canAsk: () => boolean,
    /** Called when a request for settings fails (the client's error, in its words). */
    private readonly onError: (message: string) => void,
  ) {}

  /** The settings for the resource `uri` (a document or a workspace folder). */
  get(uri: string): Promise<EditorSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.fetch(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** Forgets every answer; `pushed` is the new `seminarPosts` section of a client that pushes. */
  changed(pushed?: unknown): void {
    this.cache.clear();
    if (pushed !== undefined) this.pushed = pushed;
  }

  /** Drops the answer for one resource (a closed document). */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async fetch(uri: string): Promise<EditorSettings> {
    if (!this.canAsk()) return readEditorSettings(this.pushed, this.rules);
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({
        scopeUri: uri,
        section: SETTINGS_SECTION,
      });
      return readEditorSettings(raw, this.rules);
    } catch (error) {
      this.onError(error instanceof Error ? error.message : String(error));
      return readEditorSettings(undefined, this.rules);
    }
  }
}
