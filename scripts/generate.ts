/**
 * Writes the generated files (see `generated.ts`). `--check` writes nothing and exits 1 when one is stale.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedFiles } from './generated';

const root = path.resolve(__dirname, '..');
const check = process.argv.includes('--check');
let stale = 0;
for (const [relative, content] of Object.entries(generatedFiles())) {
  const file = path.join(root, relative);
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (current === content) continue;
  if (check) {
    console.error(`stale: ${relative} (run npm run generate)`);
    stale++;
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    console.log(`wrote ${relative}`);
  }
}
process.exitCode = stale ? 1 : 0;
