/**
 * The extension under development is loaded into VS Code and activated by its activation event.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './support/site';

describe('activation', () => {
  it("is activated by the site's _posts folder, without being asked", () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(
      extension,
      `${EXTENSION_ID} is not loaded: the launcher's extensionDevelopmentPath should point at the repository`,
    );
    // VS Code runs the suite only after the `workspaceContains` activations finished, so the
    // extension is active here on its own; calling activate() would hide a broken activation event.
    assert.equal(
      extension.isActive,
      true,
      'not activated by "workspaceContains:**/_posts/**" on a site with a _posts folder',
    );
  });
});
