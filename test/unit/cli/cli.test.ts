/**
 * The bundled CLI (`server/out/cli.js`, the `seminar-posts` command of a clone or a packed tarball) end to end, on a temporary
 * site written here.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { RULES } from '../../../server/src/core/rules';
import { CLI, REPO_ROOT } from '../../support/paths';
import { ONE_TALK_POST } from '../../support/posts';

const GOOD = ONE_TALK_POST;
const BROKEN_YAML = GOOD.replace('title: "2020_2nd_quarter"', 'title: 2020_3rd_quarter: draft').replace(
  '2020-04-02',
  '2020-07-02',
);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? site,
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let site: string;

describe('CLI', function () {
  before(function () {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`npm run build\` first`);
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-cli-'));
    fs.writeFileSync(path.join(site, '_config.yml'), 'theme: minima\n');
    fs.mkdirSync(path.join(site, '_posts'));
    fs.writeFileSync(path.join(site, '_posts', '2020-04-02-2nd_quarter.md'), GOOD);
    fs.writeFileSync(path.join(site, '_posts', '2020-07-02-3rd_quarter.md'), BROKEN_YAML);
    fs.writeFileSync(path.join(site, '_posts', 'temp.md'), GOOD);
    fs.writeFileSync(path.join(site, 'README.md'), '# Not a post\n');
  });
  after(() => fs.rmSync(site, { recursive: true, force: true }));

  it('lints a site folder: its _posts, with the stylish format and exit code 1 on errors', () => {
    const r = run(['lint', '.']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /_posts\/2020-07-02-3rd_quarter\.md\n/);
    assert.match(r.stdout, /_posts\/temp\.md\n\s+1:1\s+error\s+Expected a file name like .* filename-format/);
    assert.doesNotMatch(r.stdout, /README/);
    assert.match(r.stdout, /✖ \d+ problems \(2 errors/);
  });

  it("prints ESLint-shaped JSON with 1-based positions, broken YAML at the parser's line and column", () => {
    const r = run(['lint', '_posts', '--format', 'json']);
    assert.equal(r.code, 1);
    const results = JSON.parse(r.stdout) as {
      filePath: string;
      messages: Record<string, unknown>[];
      errorCount: number;
    }[];
    assert.deepEqual(
      results.map((x) => path.basename(x.filePath)),
      ['2020-04-02-2nd_quarter.md', '2020-07-02-3rd_quarter.md', 'temp.md'],
    );
    // The three posts of the site share their paper: the other posts of a site are known to duplicate-paper.
    assert.deepEqual(
      results[0]!.messages.map((m) => [m.ruleId, m.severity, m.message]),
      [
        [
          'duplicate-paper',
          'info',
          'Expected a paper new to the blog, found it also presented in `2020-07-02-3rd_quarter.md` by 김하늘',
        ],
      ],
    );
    const yaml = results[1]!.messages.find((m) => m.ruleId === 'front-matter-syntax')!;
    // `title: 2020_3rd_quarter: draft`: the parser stops at the value, line 3, column 8.
    assert.deepEqual({ line: yaml.line, column: yaml.column }, { line: 3, column: 8 });
    assert.deepEqual(Object.keys(yaml).sort(), [
      'column',
      'endColumn',
      'endLine',
      'line',
      'message',
      'ruleId',
      'severity',
    ]);
    assert.equal(yaml.severity, 'error');
    assert.ok(path.isAbsolute(results[0]!.filePath));
  });

  it('writes SARIF 2.1.0 that validates against the schema', () => {
    const r = run(['lint', '.', '--format', 'sarif']);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout) as {
      runs: { results: unknown[]; tool: { driver: { rules: { id: string }[] } } }[];
    };
    const schema = JSON.parse(
      fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
    );
    // The published schema has a pattern (`...{2}]?$`) that is only valid without the `u` flag.
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const results = log.runs[0]!.results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    }[];
    assert.ok(
      results.some(
        (x) =>
          x.ruleId === 'filename-format' && x.locations[0]!.physicalLocation.artifactLocation.uri === '_posts/temp.md',
      ),
    );
    assert.deepEqual(
      log.runs[0]!.tool.driver.rules.map((x) => x.id),
      RULES.map((x) => x.id),
    );
  });

  it('exits 0 on a clean post, and with 1 when warnings pass --max-warnings', () => {
    assert.equal(run(['lint', '_posts/2020-04-02-2nd_quarter.md']).code, 0);
    const warn = path.join(site, '_posts', '2020-04-09-2nd_quarter.md');
    fs.writeFileSync(warn, GOOD);
    try {
      assert.equal(run(['lint', '_posts/2020-04-09-2nd_quarter.md']).code, 0);
      assert.equal(run(['lint', '_posts/2020-04-09-2nd_quarter.md', '--max-warnings', '0']).code, 1);
      const quiet = run(['lint', '_posts/2020-04-09-2nd_quarter.md', '--quiet', '--format', 'json']);
      assert.deepEqual(JSON.parse(quiet.stdout)[0].messages, []);
    } finally {
      fs.rmSync(warn);
    }
  });

  it('expands globs', () => {
    const r = run(['lint', '_posts/*_quarter.md', '--format', 'json']);
    assert.deepEqual(
      JSON.parse(r.stdout).map((x: { filePath: string }) => path.basename(x.filePath)),
      ['2020-04-02-2nd_quarter.md', '2020-07-02-3rd_quarter.md'],
    );
  });

  it('speaks Korean with --locale ko or a Korean LANG', () => {
    const byOption = run(['lint', '_posts/temp.md', '--locale', 'ko']);
    assert.match(byOption.stdout, /파일 이름이 필요하지만/);
    const byEnv = run(['lint', '_posts/temp.md'], { env: { LANG: 'ko_KR.UTF-8' } });
    assert.match(byEnv.stdout, /파일 이름이 필요하지만/);
  });

  it('exits 2 with one line for a missing path, bad usage or a bad configuration', () => {
    const checks: [string[], RegExp][] = [
      [['lint', 'no-such-folder'], /^seminar-posts: cannot read no-such-folder: no such file or folder\n$/],
      [
        ['lint', '--format', 'xml'],
        /^seminar-posts: --format must be stylish, json or sarif, not 'xml' \(see seminar-posts --help\)\n$/,
      ],
      [['lint', '--max-warnings', 'many'], /--max-warnings must be a whole number/],
      [['frobnicate'], /^seminar-posts: unknown command 'frobnicate'/],
      [
        ['lint', '--config', 'nope.json'],
        /^seminar-posts: cannot read configuration nope\.json: no such file or folder\n$/,
      ],
      [[], /missing command/],
    ];
    for (const [args, pattern] of checks) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, pattern);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
    }
    const config = path.join(site, '.seminar-posts.json');
    fs.writeFileSync(config, JSON.stringify({ rules: { 'title-formatt': 'off' } }));
    try {
      const r = run(['lint', '.']);
      assert.equal(r.code, 2);
      assert.equal(
        r.stderr,
        'seminar-posts: bad configuration .seminar-posts.json: rules.title-formatt: unknown key\n',
      );
      fs.writeFileSync(config, '{ "rules": ');
      assert.match(
        run(['lint', '.']).stderr,
        /^seminar-posts: bad configuration \.seminar-posts\.json: \(root\): not valid JSON/,
      );
    } finally {
      fs.rmSync(config);
    }
  });

  it('applies the configuration file it finds and the one --config names', () => {
    fs.writeFileSync(
      path.join(site, 'quiet.json'),
      JSON.stringify({ rules: { 'filename-format': 'off', 'front-matter-syntax': 'off', 'empty-post': 'off' } }),
    );
    assert.equal(run(['lint', '.', '--config', 'quiet.json']).code, 0);
    fs.rmSync(path.join(site, 'quiet.json'));
  });

  it('lists every rule with its default severity', () => {
    const r = run(['rules', '--format', 'json']);
    assert.equal(r.code, 0);
    const listed = JSON.parse(r.stdout) as { id: string; defaultSeverity: string; description: string }[];
    assert.deepEqual(
      listed.map((x) => [x.id, x.defaultSeverity]),
      RULES.map((x) => [x.id, x.defaultSeverity]),
    );
    assert.ok(listed.every((x) => x.description.length > 10));
    assert.match(run(['rules']).stdout, /^front-matter-missing\s+error\s+The post has no front matter/m);
  });

  it('prints help and version', () => {
    assert.match(run(['--help']).stdout, /^Usage: seminar-posts <command>/);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(run(['--version']).stdout, `${pkg.version}\n`);
  });
});
