// Bundles the extension client, the language server, the CLI and the GitHub Action with esbuild.
// `tsc -b` only type-checks; this makes what runs. Usage: node scripts/build.mjs [--watch] [--production]
// (or SEMINAR_POSTS_PRODUCTION=1 in the environment for --production)
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { actionBuildOptions } from './actionBundle.mjs';

const watch = process.argv.includes('--watch');
// SEMINAR_POSTS_PRODUCTION=1 asks for the production build where the caller cannot pass an
// argument (the benchmarks time activation of what the VSIX ships, through the test launcher).
const production = process.argv.includes('--production') || process.env.SEMINAR_POSTS_PRODUCTION === '1';

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  // The `yaml` package and others ship ESM; `mainFields` prefers what bundles best.
  mainFields: ['module', 'main'],
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  {
    ...common,
    entryPoints: ['server/src/cli/cli.ts'],
    outfile: 'server/out/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  // The GitHub Action: committed, the same in every build (see actionBundle.mjs).
  actionBuildOptions(),
];

/**
 * KaTeX's style sheet and fonts for the preview, copied from the `katex` package (the same version
 * that typesets on the server) into `media/katex/` (generated, not committed). Only the WOFF2 fonts
 * are kept, every webview Chromium reads them, and the style sheet is rewritten to name only them.
 */
function copyKatexAssets() {
  const from = path.join('node_modules', 'katex', 'dist');
  const to = path.join('media', 'katex');
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(path.join(to, 'fonts'), { recursive: true });
  const css = fs
    .readFileSync(path.join(from, 'katex.min.css'), 'utf8')
    .replace(/,url\(fonts\/[^)]+\.woff\) format\("woff"\)/g, '')
    .replace(/,url\(fonts\/[^)]+\.ttf\) format\("truetype"\)/g, '');
  if (/\.(?:woff|ttf)\)/.test(css))
    throw new Error('katex.min.css still names WOFF or TTF fonts: update copyKatexAssets');
  fs.writeFileSync(path.join(to, 'katex.min.css'), css);
  for (const font of fs.readdirSync(path.join(from, 'fonts')).filter((f) => f.endsWith('.woff2'))) {
    fs.copyFileSync(path.join(from, 'fonts', font), path.join(to, 'fonts', font));
  }
}

copyKatexAssets();

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('[build] watching client, server, CLI and Action');
} else {
  const started = Date.now();
  await Promise.all(builds.map((options) => esbuild.build(options)));
  console.log(
    `[build] client, server, CLI and Action bundled in ${Date.now() - started} ms${production ? ' (production)' : ''}`,
  );
}
