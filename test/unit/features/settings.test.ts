import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PostsMatcher } from '../../../server/src/core/config/postsMatcher';
import { readEditorSettings } from '../../../server/src/core/config/settings';
import { Project } from '../../../server/src/core/project';
import { RULES } from '../../../server/src/core/rules';
import { memoryHost } from '../../support/memoryHost';
import { REPO_ROOT } from '../../support/paths';

describe('editor settings', () => {
  it('gives the defaults for no settings, and drops what nobody set', () => {
    assert.deepEqual(readEditorSettings(undefined, RULES), {
      layer: {},
      maxFileSizeBytes: 2 * 1024 * 1024,
      problems: [],
    });
    const settings = readEditorSettings(
      { rules: null, posts: ['a/*.md'], maxFileSize: 5, trace: { server: 'verbose' } },
      RULES,
    );
    assert.deepEqual(settings, { layer: { posts: ['a/*.md'] }, maxFileSizeBytes: 5 * 1024 * 1024, problems: [] });
  });

  it('takes every setting the manifest contributes, at its default, without a problem (editor-only ones included)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
    };
    type Section = { [key: string]: unknown };
    const section: Section = {};
    for (const [name, setting] of Object.entries(manifest.contributes.configuration.properties)) {
      const keys = name.replace(/^seminarPosts\./, '').split('.');
      let at = section;
      for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Section;
      at[keys[keys.length - 1]!] = setting.default;
    }
    assert.ok(section.images && section.preview, 'the manifest has editor-only settings');
    assert.deepEqual(readEditorSettings(section, RULES).problems, []);
  });

  it('names each bad setting by its key, and keeps the good ones', () => {
    const settings = readEditorSettings(
      { rules: { 'title-formatt': 'off', 'title-format': 'hint' }, titlePattern: '(', maxFileSize: -1 },
      RULES,
    );
    assert.deepEqual(settings.layer, { rules: { 'title-format': 'hint' } });
    assert.deepEqual(
      settings.problems.map((p) => `${p.source}: ${p.path}`),
      [
        'settings: seminarPosts.rules.title-formatt',
        'settings: seminarPosts.titlePattern',
        'settings: seminarPosts.maxFileSize',
      ],
    );
    assert.equal(settings.maxFileSizeBytes, 2 * 1024 * 1024);
    assert.deepEqual(
      readEditorSettings('nonsense', RULES).problems.map((p) => p.message),
      ['expected an object'],
    );
  });

  it('sits between the defaults and the configuration file', () => {
    const host = memoryHost({
      '/blog/.seminar-posts.json': JSON.stringify({ rules: { 'title-format': 'off' }, presenterLabels: ['Presenter'] }),
      '/blog/_posts/2020-04-02-x.md': '',
    });
    const project = new Project(host, RULES);
    const settings = readEditorSettings(
      {
        rules: { 'title-format': 'error', 'empty-post': 'hint' },
        presenterLabels: ['발표자'],
        requiredFields: { author: 'warning' },
      },
      RULES,
    );
    const { config } = project.setupFor('/blog/_posts/2020-04-02-x.md', [settings.layer]);
    assert.equal(config.rules['title-format']!.severity, 'off', 'the file wins');
    assert.equal(config.rules['empty-post']!.severity, 'hint', 'the settings win over the defaults');
    assert.deepEqual(config.presenterLabels, ['Presenter']);
    assert.equal(config.requiredFields.author, 'warning');
    assert.equal(config.requiredFields.layout, 'error');
  });
});

describe('posts globs', () => {
  it('match a path relative to its workspace folder, or the absolute path', () => {
    const defaults = ['**/_posts/**/*.{md,markdown}'];
    const matcher = new PostsMatcher();
    const isPostPath = (path: string, patterns: string[], roots?: string[]) => matcher.isPost(path, patterns, roots);
    assert.equal(isPostPath('/w/blog/_posts/2020-04-02-x.md', defaults), true);
    assert.equal(isPostPath('/w/blog/_posts/2020/x.markdown', defaults), true);
    assert.equal(isPostPath('/w/blog/README.md', defaults), false);
    assert.equal(isPostPath('/w/blog/notes/a.md', ['notes/*.md'], ['/w/blog']), true);
    assert.equal(isPostPath('/w/other/notes/a.md', ['notes/*.md'], ['/w/blog']), false);
    assert.equal(isPostPath('/w/blog/notes/a.md', [], ['/w/blog']), false);
  });
});
