/**
 * The extension's settings on the client's side. Every setting's name, type and default live in
 * one module shared with the server and the manifest (`server/src/core/config/settings.ts`); the
 * flow is manifest (`contributes.configuration`, checked against that module) -> the client, which
 * reads the few it acts on here -> the server, which pulls the `seminarPosts` section per resource
 * through `workspace/configuration`. No `vscode` import: tests read it in plain Node.
 */
import { readSetting, SETTINGS_SECTION, settingId, type SettingReader } from '../../server/src/core/config/settings';

export { readSetting, SETTINGS_SECTION, settingId, type SettingReader };

/** The labels the client writes into a post (new posts, new sections). */
export interface ClientLabels {
  /** Labels that open a presenter line; the first is the one new sections use. */
  presenterLabels: string[];
  linkLabels: { paper: string[]; slides: string[] };
}

const stringList = (value: unknown): string[] | undefined =>
  Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '')
    : undefined;

/**
 * The labels, from a reader over `seminarPosts.*` (without the section prefix). Kinder than
 * `readSetting`: a list with one empty label keeps its other labels; a list left with none, or a
 * value of the wrong type, falls back to the default.
 */
export function readClientLabels(read: SettingReader): ClientLabels {
  const defaults = {
    presenter: readSetting(() => undefined, 'presenterLabels'),
    links: readSetting(() => undefined, 'linkLabels'),
  };
  const linkLabels = read('linkLabels') as { paper?: unknown; slides?: unknown } | undefined;
  const nonEmpty = (list: string[] | undefined, fallback: string[]) => (list && list.length > 0 ? list : fallback);
  return {
    presenterLabels: nonEmpty(stringList(read('presenterLabels')), defaults.presenter),
    linkLabels: {
      paper: nonEmpty(stringList(linkLabels?.paper), defaults.links.paper),
      slides: nonEmpty(stringList(linkLabels?.slides), defaults.links.slides),
    },
  };
}
