// The floor under the CLI's time on the same posts: a Node process that reads them (`read`), and
// one that reads them and runs micromark's tokenizer over each, with the `$$` math extension the
// product's parser uses (`tokenize`). Plain JavaScript, so that nothing but Node starts.
//
//     node bench/floor.mjs read|tokenize SITE_DIR
import * as fs from 'node:fs';
import * as path from 'node:path';

const [mode, site] = process.argv.slice(2);
const dir = path.join(site, '_posts');
const texts = fs
  .readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'));
let events = 0;
if (mode === 'tokenize') {
  const { parse, postprocess, preprocess } = await import('micromark');
  const { math } = await import('micromark-extension-math');
  const extensions = [math({ singleDollarTextMath: false })];
  for (const text of texts)
    events += postprocess(
      parse({ extensions })
        .document()
        .write(preprocess()(text, undefined, true)),
    ).length;
} else if (mode !== 'read') {
  throw new Error(`usage: node bench/floor.mjs read|tokenize SITE_DIR (not ${mode})`);
}
process.stdout.write(
  JSON.stringify({ files: texts.length, chars: texts.reduce((n, t) => n + t.length, 0), events }) + '\n',
);
