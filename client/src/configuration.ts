/**
 * Reading a setting in the editor, typed: its value for a resource, or its default when it is
 * missing or of the wrong type (see `settings.ts`).
 */
import * as vscode from 'vscode';
import type { SettingName, SettingValues } from '../../server/src/core/config/settings';
import { readClientLabels, readSetting, SETTINGS_SECTION, type ClientLabels } from './settings';

/** The value of the setting `name` (without the section) for `scope`. */
export function setting<N extends SettingName>(name: N, scope?: vscode.ConfigurationScope): SettingValues[N] {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return readSetting((key) => config.get(key), name);
}

/** The labels the client writes into posts under `scope`. */
export function labels(scope?: vscode.ConfigurationScope): ClientLabels {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return readClientLabels((key) => config.get(key));
}
