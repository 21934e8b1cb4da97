// `npm start`: builds, then says how to run the extension in VS Code. (A one-command VS Code on the
// demo site arrives with the real VS Code host; see the README's roadmap.)
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
console.log(`
Built. To try the extension in VS Code:
  code --extensionDevelopmentPath="${root}" <your blog folder>
or open this folder in VS Code and press F5 ("Run Extension").

To check posts from the terminal:
  npx seminar-posts lint <your blog folder>
`);
