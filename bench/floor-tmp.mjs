import * as fs from 'node:fs';
import { parse, postprocess, preprocess } from 'micromark';
import { math } from 'micromark-extension-math';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mathFromMarkdown } from 'mdast-util-math';
const dir = '/tmp/i8/gsite/_posts/';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let t = cpu();
const texts = fs.readdirSync(dir).map((f) => fs.readFileSync(dir + f, 'utf8'));
console.log('read', (cpu() - t).toFixed(0));
const ext = [math({ singleDollarTextMath: false })];
for (let r = 0; r < 3; r++) {
t = cpu(); let n = 0;
for (const text of texts) { n += postprocess(parse({ extensions: ext }).document().write(preprocess()(text, undefined, true))).length; }
console.log('tokenize', (cpu() - t).toFixed(0), n);
t = cpu();
for (const text of texts) fromMarkdown(text, { extensions: ext, mdastExtensions: [mathFromMarkdown()] });
console.log('fromMarkdown', (cpu() - t).toFixed(0));
}
