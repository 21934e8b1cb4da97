// ESLint (flat config): @eslint/js's recommended rules and typescript-eslint's type-checked
// recommended rules over every TypeScript project of the solution (`tsconfig.json`'s references:
// server, client, test, test/browser, bench; scripts/*.ts belong to test's project). `npm run lint`
// runs it with `--max-warnings 0 --report-unused-disable-directives`: every rule is an error, and an
// `eslint-disable` comment must name a rule that is on and would fire.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Build output, bundles, installed hosts and test artifacts: nothing here is written by hand.
    ignores: [
      '**/out/**',
      'dist/**',
      '.tsbuild/**',
      'media/katex/**',
      '.vscode-test/**',
      'test-results/**',
      'coverage/**',
      'test/fixtures/**',
      'test/jekyll/fixtures/**',
      'test/jekyll/site/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each .ts file is checked with the tsconfig that owns it (the one `tsc -b` uses).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
      reportUnusedInlineConfigs: 'error',
    },
    rules: {
      // `const { dropped, ...kept } = value` is how a key is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Plain JavaScript (the build scripts, the grammar test runner, the bench floor, the preview
    // page's script, a test preload): no tsconfig owns these, so no type information; the
    // JavaScript rules only.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.{mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // A CommonJS file (the test preload `node --require` loads) imports with require by design.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // These tests read JSON that is untyped by nature and check its shape member by member: the
    // CLI's --format json/sarif output read from its process (test/unit/cli), and the manifest,
    // its NLS bundles and grammars (test/unit/client). Typing it would restate the very shape
    // under test; `any` from JSON.parse is the subject here. Only the no-unsafe-* rules are relaxed.
    files: [
      'test/unit/cli/**/*.ts',
      'test/unit/client/manifest.test.ts',
      'test/unit/client/l10n.test.ts',
      'test/unit/client/package.test.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Functions handed to Playwright's page.evaluate run in the workbench page. The test project
    // compiles without the DOM library (it would declare browser globals for all of Node's code),
    // so the page driver declares the DOM it touches as `any`: that and the no-unsafe-* rules are relaxed.
    files: ['test/launch/pageDriver.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The webviews' scripts run in the preview and statistics pages, not in Node.
    files: ['media/preview/**/*.js', 'media/stats/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { ...globals.browser, acquireVsCodeApi: 'readonly' },
    },
  },
);
