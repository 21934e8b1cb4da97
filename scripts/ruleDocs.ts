/**
 * The rule pages (`docs/rules/<id>.md`), their index, and the rules table of the README, written
 * from the rule definitions: what each rule reports, why, its examples (with the diagnostics the
 * not-ok example really gets, in English and Korean), its fix and options.
 */
import { resolveConfig } from '../server/src/core/config/config';
import { lintPost } from '../server/src/core/engine/engine';
import type { Locale } from '../server/src/core/engine/messages';
import type { RuleCategory, RuleDefinition, RuleExample } from '../server/src/core/engine/rule';
import type { FileSystemHost } from '../server/src/core/host';
import { summarizePost, WorkspaceIndex } from '../server/src/core/index/workspaceIndex';
import { parsePost } from '../server/src/core/parse/parsePost';
import { RULES } from '../server/src/core/rules';
import { readSite } from '../server/src/core/site/site';

/** The examples are linted on a fixed day in a `minima` site, so that the pages never drift. */
const DOCS_TODAY = '2026-01-01';
const minimaSite: FileSystemHost = {
  readFile: (p) => (p === '/site/_config.yml' ? 'theme: minima\n' : undefined),
  isFile: (p) => p === '/site/_config.yml',
  isDirectory: () => false,
  readDirectory: () => [],
};
const SITE = readSite('/site', minimaSite);

/** The site an example is linted in: the `minima` site, with the example's own files added. */
function siteOf(example: RuleExample) {
  if (!example.site) return SITE;
  const files = new Map<string, string>([
    ['/site/_config.yml', 'theme: minima\n'],
    ...Object.entries(example.site).map(([p, t]): [string, string] => [`/site/${p}`, t]),
  ]);
  const host: FileSystemHost = {
    readFile: (p) => files.get(p),
    isFile: (p) => files.has(p),
    isDirectory: (p) => [...files.keys()].some((f) => f.startsWith(`${p}/`)),
    readDirectory: (p) =>
      [
        ...new Set(
          [...files.keys()].filter((f) => f.startsWith(`${p}/`)).map((f) => f.slice(p.length + 1).split('/')[0]!),
        ),
      ].sort(),
  };
  return readSite('/site', host);
}

const CATEGORY: Record<RuleCategory, string> = {
  'front-matter': 'front matter',
  file: 'file',
  post: 'post',
  section: 'paper section',
};

const fence = (text: string) => {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}markdown\n${text.replace(/\n+$/, '')}\n${marks}`;
};

/** `line:column  message` of what `rule` reports on `example`, in `locale`. */
function reported(rule: RuleDefinition<object>, example: RuleExample, locale: Locale): string[] {
  const fileName = example.fileName ?? '2020-04-02-2nd_quarter.md';
  const post = parsePost(example.text, `file:///site/_posts/${fileName}`);
  const config = resolveConfig(rule.defaultSeverity === 'off' ? { rules: { [rule.id]: 'warning' } } : undefined);
  return lintPost(post, {
    rules: [rule],
    config,
    site: siteOf(example),
    workspace: exampleWorkspace(example),
    locale,
    today: DOCS_TODAY,
  }).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.message}`);
}

/** The workspace of an example's other posts, when it has some. */
export function exampleWorkspace(example: RuleExample): WorkspaceIndex | undefined {
  if (!example.otherPosts?.length) return undefined;
  const index = new WorkspaceIndex();
  for (const other of example.otherPosts)
    index.update(summarizePost(parsePost(other.text, `file:///site/_posts/${other.fileName}`)));
  return index;
}

function fixable(rule: RuleDefinition<object>): string {
  return rule.docs.fix ? 'yes' : 'no';
}

/** The page of one rule. */
export function rulePage(rule: RuleDefinition<object>): string {
  const { docs } = rule;
  const example = (title: string, ex: RuleExample) => [
    `## ${title}`,
    '',
    ...Object.entries(ex.site ?? {}).flatMap(([file, text]) => [
      `In a site whose \`${file}\` holds:`,
      '',
      fence(text).replace(/^(`+)markdown/, '$1html'),
      '',
    ]),
    ...(ex.fileName ? [`File name: \`${ex.fileName}\``, ''] : []),
    fence(ex.text),
    ...(ex.otherPosts?.length
      ? ['', `Other posts of the site: ${ex.otherPosts.map((o) => `\`${o.fileName}\``).join(', ')}`]
      : []),
  ];
  const lines = [
    `# \`${rule.id}\``,
    '',
    `<!-- Generated from server/src/core/rules/${rule.id}.ts by \`npm run generate\`. Do not edit. -->`,
    '',
    rule.description.en,
    '',
    `> ${rule.description.ko}`,
    '',
    '| | |',
    '| --- | --- |',
    `| default severity | \`${rule.defaultSeverity}\` |`,
    `| category | ${CATEGORY[rule.category]} |`,
    `| quick fix | ${fixable(rule)} |`,
    `| needs a Jekyll site | ${rule.needsSite ? 'yes (skipped for a post outside one)' : 'no'} |`,
    ...(rule.comparesPosts
      ? ["| compares posts | yes: the editor's workspace, or the posts the command line checks |"]
      : []),
    '',
    '## Why',
    '',
    docs.rationale,
    '',
    ...example('Reported', docs.notOk),
    '',
    'What the rule says about it:',
    '',
    '```text',
    ...reported(rule, docs.notOk, 'en'),
    ...reported(rule, docs.notOk, 'ko'),
    '```',
    '',
    ...example('Accepted', docs.ok),
    '',
  ];
  if (docs.fix) lines.push('## Quick fix', '', docs.fix, '');
  if (docs.options) lines.push('## Options', '', docs.options, '');
  lines.push(
    '## Configuration and suppression',
    '',
    'In `.seminar-posts.json` (or the `seminarPosts.rules` setting):',
    '',
    '```json',
    `{ "rules": { "${rule.id}": "${rule.defaultSeverity === 'off' ? 'warning' : 'off'}" } }`,
    '```',
    '',
    'In the post, for one line or the whole file (an HTML comment does not show on the page):',
    '',
    '```markdown',
    `<!-- seminar-posts-disable-next-line ${rule.id} -->`,
    `<!-- seminar-posts-disable-file ${rule.id} -->`,
    '```',
    '',
  );
  return lines.join('\n');
}

/** `docs/rules/README.md`: every rule, grouped as in the catalogue. */
export function rulesIndex(): string {
  return [
    '# Rules',
    '',
    '<!-- Generated from the rule definitions by `npm run generate`. Do not edit. -->',
    '',
    'Every check of Seminar Posts, with its stable id, its default severity and whether it has a quick fix. ' +
      'Each page says why the rule exists and shows a post it reports and one it accepts.',
    '',
    rulesTable(''),
    '',
  ].join('\n');
}

/** A Markdown table of the rules; `prefix` is the path from the table's page to `docs/rules/`. */
export function rulesTable(prefix: string): string {
  const rows = RULES.map(
    (rule) =>
      `| [\`${rule.id}\`](${prefix}${rule.id}.md) | ${rule.defaultSeverity} | ${fixable(rule)} | ${rule.description.en.replace(/\|/g, '\\|')} |`,
  );
  return ['| id | default | fix | reports |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export const README_TABLE_START = '<!-- rules-table:start (generated by `npm run generate`) -->';
export const README_TABLE_END = '<!-- rules-table:end -->';

/** The README with its rules table (between the markers) written anew. */
export function readmeWithRulesTable(readme: string): string {
  const start = readme.indexOf(README_TABLE_START);
  const end = readme.indexOf(README_TABLE_END);
  if (start < 0 || end < start) throw new Error('README.md lacks the rules table markers');
  return `${readme.slice(0, start + README_TABLE_START.length)}\n${rulesTable('docs/rules/')}\n${readme.slice(end)}`;
}

/** Every generated documentation file, by repository-relative path. */
export function ruleDocFiles(): Record<string, string> {
  const files: Record<string, string> = { 'docs/rules/README.md': rulesIndex() };
  for (const rule of RULES) files[`docs/rules/${rule.id}.md`] = rulePage(rule);
  return files;
}
