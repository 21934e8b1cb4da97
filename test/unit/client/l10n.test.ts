import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/paths';
import { localizedCalls, placeholdersOf, sourceFiles } from './sourceStrings';

const readJson = (relative: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, relative), 'utf8'));
const HANGUL = /[\uac00-\ud7a3]/;
/** Texts that are the same in both languages: the product's name, alone or with a colon. */
const SAME_IN_BOTH = new Set(['displayName', 'Seminar Posts: {0}']);

/** Every `%key%` the manifest uses, wherever it is. */
function manifestKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%([\w.-]+)%$/.exec(value);
    if (m) keys.add(m[1]!);
  } else if (Array.isArray(value)) {
    for (const item of value) manifestKeys(item, keys);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) manifestKeys(item, keys);
  }
  return keys;
}

const commandLinks = (text: string) => [...text.matchAll(/\]\((command:[^)]+)\)/g)].map((m) => m[1]).sort();
const codicons = (text: string) => [...text.matchAll(/\$\([\w-]+\)/g)].map((m) => m[0]).sort();
/** Code spans without Korean in them: identifiers, settings, files and values, never translated. */
// `code` in Markdown, ``code`` in the walkthrough (the Welcome page's formatted text doubles its marks).
const codeSpans = (text: string) =>
  [...text.matchAll(/(`+)([^`]+)\1/g)]
    .map((m) => m[2]!)
    .filter((code) => !HANGUL.test(code))
    .sort();

describe('Korean and English UI', () => {
  const manifest = readJson('package.json');
  const en: Record<string, string> = readJson('package.nls.json');
  const ko: Record<string, string> = readJson('package.nls.ko.json');

  it('every %key% of the manifest has its English and Korean text', () => {
    const keys = manifestKeys(manifest);
    assert.ok(keys.size > 20);
    for (const key of keys) {
      assert.ok(en[key]?.trim(), `package.nls.json lacks ${key}`);
      assert.ok(ko[key]?.trim(), `package.nls.ko.json lacks ${key}`);
      if (!SAME_IN_BOTH.has(key)) assert.match(ko[key]!, HANGUL, `package.nls.ko.json: ${key} is not in Korean`);
    }
    assert.deepEqual(Object.keys(en).sort(), [...keys].sort(), 'package.nls.json has no unused key');
    assert.deepEqual(Object.keys(ko).sort(), [...keys].sort(), 'package.nls.ko.json has no unused key');
  });

  it('the manifest shows no user-facing text outside the nls files', () => {
    for (const command of manifest.contributes.commands) assert.match(command.title, /^%/);
    for (const [name, setting] of Object.entries<{ description?: string; markdownEnumDescriptions?: string[] }>(
      manifest.contributes.configuration.properties,
    )) {
      assert.equal(setting.description, undefined, `${name}: use markdownDescription`);
      for (const text of setting.markdownEnumDescriptions ?? []) assert.match(text, /^%/);
    }
    for (const walkthrough of manifest.contributes.walkthroughs) {
      for (const text of [
        walkthrough.title,
        walkthrough.description,
        ...walkthrough.steps.flatMap((s: { title: string; description: string }) => [s.title, s.description]),
      ])
        assert.match(text, /^%/);
    }
  });

  it('the Korean manifest texts keep the command links, code and setting names of the English ones', () => {
    for (const key of Object.keys(en)) {
      assert.deepEqual(commandLinks(ko[key]!), commandLinks(en[key]!), `${key}: command links`);
      assert.deepEqual(codeSpans(ko[key]!), codeSpans(en[key]!), `${key}: \`code\``);
    }
  });

  it('every string the client localizes has its Korean form, with the same placeholders and icons', () => {
    const bundle: Record<string, string> = readJson('l10n/bundle.l10n.ko.json');
    const calls = localizedCalls(sourceFiles(path.join(REPO_ROOT, 'client', 'src')), REPO_ROOT);
    assert.ok(calls.length > 30, "the scan finds the client's l10n.t calls");
    const messages = new Set<string>();
    for (const call of calls) {
      assert.ok(
        call.message !== undefined,
        `${call.where}: l10n.t needs a literal message, or it cannot be translated`,
      );
      messages.add(call.message);
      const korean = bundle[call.message] ?? '';
      assert.ok(korean.trim(), `${call.where}: l10n/bundle.l10n.ko.json lacks ${JSON.stringify(call.message)}`);
      if (!SAME_IN_BOTH.has(call.message)) assert.match(korean, HANGUL, `${call.where}: not in Korean: ${korean}`);
      assert.deepEqual(
        placeholdersOf(korean),
        placeholdersOf(call.message),
        `${call.where}: placeholders of ${JSON.stringify(korean)}`,
      );
      assert.deepEqual(codicons(korean), codicons(call.message), `${call.where}: icons of ${JSON.stringify(korean)}`);
    }
    assert.deepEqual(
      Object.keys(bundle).filter((key) => !messages.has(key)),
      [],
      'the bundle has no unused message',
    );
  });
});
