import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import {
  CLIENT_ID,
  COMMAND_IDS,
  DIAGNOSTIC_SOURCE,
  FIX_ALL_KIND,
  IS_POST_CONTEXT,
  PREVIEW_VIEW_TYPE,
} from '../../../client/src/identifiers';
import { RestartBudget } from '../../../client/src/restartBudget';
import { readClientLabels, readSetting, settingId } from '../../../client/src/settings';
import { DEFAULTS, validateConfig } from '../../../server/src/core/config/config';
import {
  manifestConfiguration,
  readEditorSettings,
  SETTINGS,
  SETTINGS_SECTION,
  type SettingName,
} from '../../../server/src/core/config/settings';
import { DIAGNOSTIC_SOURCE as CORE_DIAGNOSTIC_SOURCE } from '../../../server/src/core/engine/engine';
import { SEVERITIES } from '../../../server/src/core/engine/rule';
import { BLOG_KEYS, KNOWN_JEKYLL_KEYS } from '../../../server/src/core/jekyll';
import { RULES } from '../../../server/src/core/rules';
import { REPO_ROOT } from '../../support/paths';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const properties: Record<
  string,
  { markdownDescription: string; markdownEnumDescriptions?: string[]; default?: unknown }
> = contributes.configuration.properties;
const exists = (relative: string) => fs.existsSync(path.join(REPO_ROOT, relative));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8'));
const nlsKo: Record<string, string> = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.ko.json'), 'utf8'));

describe('manifest', () => {
  it('contributes exactly the commands the client registers, under the category "Seminar Posts"', () => {
    assert.deepEqual(contributes.commands.map((c: { command: string }) => c.command).sort(), [...COMMAND_IDS].sort());
    for (const command of contributes.commands) {
      assert.equal(command.category, 'Seminar Posts');
      assert.match(command.title, /^%command\.\w+%$/, `${command.command} has a localized title`);
    }
    for (const entry of contributes.menus.commandPalette) assert.ok(COMMAND_IDS.includes(entry.command), entry.command);
  });

  it('opens the preview from a post: an editor title button with an icon, ctrl+k v, the palette', () => {
    const command = (id: string) => contributes.commands.find((c: { command: string }) => c.command === id);
    for (const id of ['seminarPosts.openPreview', 'seminarPosts.openPreviewToSide']) {
      for (const file of Object.values<string>(command(id).icon)) assert.ok(exists(file), `${id}: ${file}`);
    }
    assert.deepEqual(
      contributes.menus['editor/title'].find(
        (m: { command: string }) => m.command === 'seminarPosts.openPreviewToSide',
      ),
      // The context key is the window's (the active editor's); the language is each editor group's own,
      // so another group's non-Markdown editor shows no button.
      {
        command: 'seminarPosts.openPreviewToSide',
        when: `${IS_POST_CONTEXT} && resourceLangId == markdown && !notebookEditorFocused`,
        group: 'navigation',
      },
    );
    assert.deepEqual(contributes.keybindings, [
      {
        command: 'seminarPosts.openPreviewToSide',
        key: 'ctrl+k v',
        mac: 'cmd+k v',
        when: `editorTextFocus && ${IS_POST_CONTEXT}`,
      },
    ]);
    const palette = (id: string) =>
      contributes.menus.commandPalette.find((m: { command: string }) => m.command === id)?.when;
    const onPreview = `activeWebviewPanelId == '${PREVIEW_VIEW_TYPE}'`;
    for (const id of [
      'seminarPosts.openPreview',
      'seminarPosts.openPreviewToSide',
      'seminarPosts.showQuarterSummary',
    ]) {
      assert.equal(palette(id), `${IS_POST_CONTEXT} || ${onPreview}`, id);
    }
    assert.equal(palette('seminarPosts.togglePreviewLock'), onPreview);
    assert.ok(
      contributes.menus['editor/title'].some(
        (m: { command: string; when: string }) =>
          m.command === 'seminarPosts.togglePreviewLock' && m.when === onPreview,
      ),
    );
  });

  it('activates on a workspace with _posts, a Markdown file or a preview to restore, and declares what it supports', () => {
    assert.deepEqual(manifest.activationEvents, [
      'workspaceContains:**/_posts/**',
      'onLanguage:markdown',
      `onWebviewPanel:${PREVIEW_VIEW_TYPE}`,
    ]);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, false);
    assert.equal(manifest.l10n, './l10n');
    assert.equal(manifest.main, './client/out/extension.js');
  });

  it('contributes exactly the settings of the settings module: names, types, defaults, scopes, order', () => {
    // The module (server/src/core/config/settings.ts) is the one definition; a setting added to the
    // manifest alone, or changed there alone, fails here.
    assert.deepEqual(contributes.configuration, manifestConfiguration());
    for (const [name, schema] of Object.entries(properties)) {
      const key = /^%(config\.[\w.]+)%$/.exec(schema.markdownDescription)?.[1];
      assert.ok(key && nls[key] && nlsKo[key], `${name} has a description in English and Korean`);
      for (const described of schema.markdownEnumDescriptions ?? []) {
        const k = String(described).slice(1, -1);
        assert.ok(nls[k] && nlsKo[k], `${name}: ${k} in English and Korean`);
      }
    }
    assert.equal(`${CLIENT_ID}.trace.server`, settingId('trace.server'), 'the language client reads <id>.trace.server');
    assert.equal(CLIENT_ID, SETTINGS_SECTION);
  });

  it("gives the settings the core configuration's defaults and value sets", () => {
    assert.deepEqual(SETTINGS.posts.default, DEFAULTS.posts);
    assert.deepEqual(SETTINGS.presenterLabels.default, DEFAULTS.presenterLabels);
    assert.deepEqual(SETTINGS.linkLabels.default, DEFAULTS.linkLabels);
    assert.equal(SETTINGS.titlePattern.default, DEFAULTS.titlePattern);
    assert.deepEqual(SETTINGS.requiredFields.schema.additionalProperties, { type: 'string', enum: SEVERITIES });
    assert.equal(
      readEditorSettings(undefined, RULES).maxFileSizeBytes,
      SETTINGS.maxFileSize.default * 1024 * 1024,
      "the server's default size is the setting's",
    );
  });

  it('reads each setting with its type, its default where a value is missing or of another type', () => {
    const good: { [N in SettingName]: unknown } = {
      posts: ['notes/*.md'],
      rules: { 'title-format': 'off' },
      presenterLabels: ['Presenter'],
      linkLabels: { paper: ['paper'], slides: ['slides'] },
      requiredFields: { author: 'warning' },
      titlePattern: '^x$',
      maxFileSize: 5,
      'trace.server': 'verbose',
      'preview.scrollSync': false,
      'preview.doubleClickToReveal': false,
      'preview.lockedByDefault': true,
      'links.checkOnSave': true,
      'links.ignore': ['*.internal.example'],
      'links.signInHosts': ['drive.google.com'],
      'images.folder': 'assets/figures/',
      'images.width': 450,
      'endpoints.arxiv': 'http://127.0.0.1:9/api',
      'endpoints.doi': 'http://127.0.0.1:9/doi',
      'problems.scope': 'open',
      'problems.maxPosts': 50,
    };
    const bad: { [N in SettingName]: unknown } = {
      posts: 'x',
      rules: [],
      presenterLabels: [],
      linkLabels: { video: ['v'] },
      requiredFields: { author: true },
      titlePattern: '',
      maxFileSize: 4096,
      'trace.server': 'loud',
      'preview.scrollSync': 'yes',
      'preview.doubleClickToReveal': 1,
      'preview.lockedByDefault': null,
      'links.checkOnSave': 'yes',
      'links.ignore': 'x',
      'links.signInHosts': [''],
      'images.folder': 3,
      'images.width': 4.5,
      'endpoints.arxiv': false,
      'endpoints.doi': [],
      'problems.scope': 'all',
      'problems.maxPosts': 0,
    };
    for (const name of Object.keys(SETTINGS) as SettingName[]) {
      assert.deepEqual(
        readSetting((key) => good[key], name),
        good[name],
        `${name}: a good value is read as it is`,
      );
      assert.deepEqual(
        readSetting((key) => bad[key], name),
        SETTINGS[name].default,
        `${name}: a bad value gives the default`,
      );
      assert.deepEqual(
        readSetting(() => undefined, name),
        properties[settingId(name)]!.default,
        `${name}: nothing set gives the manifest's default`,
      );
    }
  });

  it("validates seminarPosts.rules as the configuration file's rules, except unknown ids (the server names those)", () => {
    const validate = new Ajv({ strict: false }).compile(properties[settingId('rules')]!);
    const ids = RULES.map((r) => r.id);
    const samples: unknown[] = [
      {},
      { 'title-format': 'off' },
      { 'title-format': ['hint'] },
      { 'unknown-field': ['warning', { allow: ['series'] }] },
      { 'title-format': 'loud' },
      { 'title-format': [] },
      { 'title-format': ['warning', {}, 'extra'] },
      { 'title-format': 3 },
    ];
    for (const rules of samples) {
      const core = validateConfig({ rules }, 'settings', RULES).problems.length === 0;
      assert.equal(validate(rules), core, JSON.stringify(rules));
    }
    assert.ok(validate({ 'rule-of-tomorrow': 'warning' }), 'a rule id the installed server may not know yet');
    assert.ok(ids.length > 0);
  });

  it('reads the labels the client writes with the core defaults where a value is missing or wrong', () => {
    const values: Record<string, unknown> = { presenterLabels: ['Presenter', ''], linkLabels: { paper: [] } };
    assert.deepEqual(
      readClientLabels((name) => values[name]),
      { presenterLabels: ['Presenter'], linkLabels: DEFAULTS.linkLabels },
    );
  });

  it('shares the diagnostics source and the fix-all kind with the server', () => {
    assert.equal(DIAGNOSTIC_SOURCE, CORE_DIAGNOSTIC_SOURCE);
    assert.equal(FIX_ALL_KIND, 'source.fixAll.seminarPosts');
  });

  it('injects two grammars into Markdown, whose files exist and name their scope', () => {
    assert.equal(contributes.grammars.length, 2);
    for (const grammar of contributes.grammars) {
      assert.deepEqual(grammar.injectTo, ['text.html.markdown']);
      const file = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, grammar.path), 'utf8'));
      assert.equal(file.scopeName, grammar.scopeName);
      assert.match(file.injectionSelector, /^L:/);
    }
  });

  it("scopes exactly the blog's front matter keys, and the default presenter and link labels", () => {
    const read = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'syntaxes', name), 'utf8');
    const keys = /\^\(([^)]*)\)/
      .exec(JSON.parse(read('seminar-posts.frontmatter.tmLanguage.json')).repository['known-key'].match)![1]!
      .split('|');
    assert.deepEqual(keys, [...BLOG_KEYS]);
    // Every other top-level key but Jekyll's is marked unknown (a scope themes colour and strike through).
    const unknown = JSON.parse(read('seminar-posts.frontmatter.tmLanguage.json')).repository['unknown-key'];
    const spared = /\^\(\?!\(\?:([^)]*)\)/.exec(unknown.match)![1]!.split('|');
    assert.deepEqual(spared.sort(), [...new Set([...BLOG_KEYS, ...KNOWN_JEKYLL_KEYS])].sort());
    assert.match(unknown.name, /^invalid\.deprecated\.\S+ markup\.strikethrough\./);
    const markdown = JSON.parse(read('seminar-posts.markdown.tmLanguage.json'));
    for (const label of DEFAULTS.presenterLabels)
      assert.ok(markdown.repository['presenter-line'].begin.includes(label), label);
    const links = JSON.stringify(markdown.repository.link);
    for (const label of [...DEFAULTS.linkLabels.paper, ...DEFAULTS.linkLabels.slides])
      assert.ok(links.includes(label.replace(' ', '[ ]')), label);
  });

  it('has a walkthrough whose steps, media and commands exist', () => {
    const [walkthrough] = contributes.walkthroughs;
    assert.ok(walkthrough.steps.length >= 3);
    for (const step of walkthrough.steps) {
      assert.ok(exists(step.media.image), step.media.image);
      assert.match(step.media.altText, /^%walkthrough\.\w+\.altText%$/);
      for (const event of step.completionEvents) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        if (command) assert.ok(COMMAND_IDS.includes(command as never), event);
      }
    }
  });

  it('writes code in the walkthrough as the Welcome page renders it: ``doubled`` backticks, never `single`', () => {
    // VS Code renders a step's description with its formatted-text renderer, whose marks are doubled
    // (``code``, **bold**, __italic__); a single backtick is shown as a raw backtick.
    for (const file of ['package.nls.json', 'package.nls.ko.json']) {
      const strings: Record<string, string> = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
      const descriptions = Object.entries(strings).filter(([key]) => /^walkthrough\.\w+\.description$/.test(key));
      assert.ok(descriptions.length >= 3, file);
      for (const [key, text] of descriptions) {
        assert.doesNotMatch(text, /(?<!`)`(?!`)/, `${file} ${key} has a single backtick`);
      }
    }
  });
});

describe('RestartBudget', () => {
  it('restarts a crashed server a few times within the window, then no more until reset', () => {
    const budget = new RestartBudget(2, 1000);
    assert.ok(budget.tryRestart(0));
    assert.ok(budget.tryRestart(10));
    assert.ok(!budget.tryRestart(20));
    assert.ok(budget.tryRestart(1500), 'old crashes leave the window');
    budget.reset();
    assert.ok(budget.tryRestart(1501));
  });
});
