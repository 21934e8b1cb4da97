import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/paths';
import { zipEntries, type ZipEntry } from './zipEntries';

/** What the VSIX may hold: the bundles, the manifest and its translations, and the static contributions. */
const KEEP = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
  /^extension\/client\/out\/extension\.js$/,
  /^extension\/server\/out\/server\.js$/,
  /^extension\/(schemas|snippets|syntaxes|l10n)\/[\w.-]+\.json$/,
  /^extension\/media\/[\w/.-]+\.(svg|png)$/,
  /^extension\/media\/preview\/preview\.(js|css)$/,
  /^extension\/media\/stats\/stats\.(js|css)$/,
  /^extension\/media\/katex\/katex\.min\.css$/,
  /^extension\/media\/katex\/fonts\/KaTeX_[\w-]+\.woff2$/,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/LICENSE(\.txt)?$/,
];
const REQUIRED = [
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.ko.json',
  'extension/client/out/extension.js',
  'extension/server/out/server.js',
  'extension/l10n/bundle.l10n.ko.json',
  'extension/snippets/markdown.json',
  'extension/schemas/seminar-posts.schema.json',
  'extension/LICENSE.txt',
  'extension/media/preview/preview.js',
  'extension/media/preview/preview.css',
  'extension/media/stats/stats.js',
  'extension/media/stats/stats.css',
  'extension/media/katex/katex.min.css',
];
const MAX_BYTES = 1024 * 1024;

describe('the VSIX (npm run package)', function () {
  this.timeout(180_000);
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  let vsix: string;
  let entries: ZipEntry[];

  before(() => {
    vsix = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-vsix-')),
      `seminar-posts-${manifest.version}.vsix`,
    );
    execFileSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: REPO_ROOT, stdio: 'pipe' });
    entries = zipEntries(vsix);
  });

  after(() => {
    if (vsix) fs.rmSync(path.dirname(vsix), { recursive: true, force: true });
    // Packaging builds the production bundles; put back the development ones (with source maps).
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' });
  });

  it('holds only the bundles, the manifest, nls, snippets, syntaxes, l10n, media, schemas, README, LICENSE and CHANGELOG', () => {
    const unexpected = entries.map((e) => e.name).filter((name) => !KEEP.some((pattern) => pattern.test(name)));
    assert.deepEqual(unexpected, []);
    assert.ok(
      !entries.some((e) => /\.map$|\/src\/|node_modules|\/test\//.test(e.name)),
      'no source, map, test or node_modules',
    );
  });

  it('holds everything the extension needs at run time', () => {
    const names = new Set(entries.map((e) => e.name));
    for (const name of REQUIRED) assert.ok(names.has(name), name);
    for (const grammar of manifest.contributes.grammars)
      assert.ok(names.has(`extension/${path.posix.normalize(grammar.path)}`), grammar.path);
    for (const step of manifest.contributes.walkthroughs[0].steps)
      assert.ok(names.has(`extension/${step.media.image}`), step.media.image);
  });

  it(`stays under ${MAX_BYTES / 1024} KB, with minified bundles`, () => {
    const size = fs.statSync(vsix).size;
    console.log(`      (${path.basename(vsix)}: ${(size / 1024).toFixed(0)} KB, ${entries.length} files)`);
    assert.ok(size < MAX_BYTES, `${size} bytes`);
    const client = entries.find((e) => e.name === 'extension/client/out/extension.js')!;
    assert.ok(
      !fs.readFileSync(path.join(REPO_ROOT, 'client/out/extension.js'), 'utf8').includes('sourceMappingURL'),
      'production bundle',
    );
    assert.ok(client.size > 0);
  });

  it('is the file the README tells users to install', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(`code --install-extension ${path.basename(vsix)}`), 'README: Install');
  });
});
