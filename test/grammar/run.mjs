// Runs the grammar tests: vscode-tmgrammar-test over test/grammar/*.md, with the grammars of
// package.json (the injections) on top of VS Code's own Markdown, YAML and HTML grammars, taken
// from the tm-grammars package (MIT; the Markdown one is VS Code's markdown-basics grammar).
// The Markdown grammar names ~60 languages for fenced code; the ones not loaded are not under
// test, so their "grammar not found" warnings are counted instead of printed one by one.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
const grammar = (name) => ['-g', require.resolve(`tm-grammars/grammars/${name}.json`)];
const args = [cli, ...['markdown', 'yaml', 'html', 'html-derivative'].flatMap(grammar), 'test/grammar/**/*.md'];

const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'] });
let missing = 0;
let rest = '';
child.stderr.setEncoding('utf8');
child.stderr.on('data', (chunk) => {
  const lines = (rest + chunk).split('\n');
  rest = lines.pop() ?? '';
  for (const line of lines) {
    if (/^grammar not found for "/.test(line)) missing++;
    else process.stderr.write(`${line}\n`);
  }
});
child.on('close', (code) => {
  if (rest) process.stderr.write(rest);
  if (missing) console.log(`(${missing} fenced-code grammars not loaded; not under test)`);
  process.exitCode = code ?? 1;
});
