/**
 * The GitHub Action's committed bundle (`dist/action/index.js`), run as GitHub runs a JavaScript
 * action: `node` on the bundle in the workspace, the inputs as `INPUT_<NAME>` variables (hyphens kept:
 * `INPUT_FAIL-ON`), the job summary and outputs as files named by `GITHUB_STEP_SUMMARY` and
 * `GITHUB_OUTPUT`. The CLI bundle's JSON on the same posts is the oracle for the positions.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { RULES } from '../../../server/src/core/rules';
import { ACTION_BUNDLE, CLI } from '../../support/paths';
import { ONE_TALK_POST } from '../../support/posts';

const GOOD = ONE_TALK_POST;
/** A warning whose message holds `%`, an error, and a warning with a safe fix. */
const BAD = GOOD.replace('"2020_2nd_quarter"', '"2020_3rd_quater 100%"')
  .replace('2020-04-02', '2020-07-02')
  .replace('(https://example.com/t.pdf)', '(???)')
  .replace('width="450"', 'width="450 px"')
  .replace('Attention Is All You Need', 'Deep Residual Learning')
  .replace('Ashish Vaswani et al., NeurIPS 2017', 'Kaiming He et al., CVPR 2016');
/** Warnings only: the title. */
const WARNED = GOOD.replace('"2020_2nd_quarter"', '"2020_4th_quater"')
  .replace('2020-04-02', '2020-10-08')
  .replace('Attention Is All You Need', 'Adam')
  .replace('Ashish Vaswani et al., NeurIPS 2017', 'Diederik P. Kingma and Jimmy Ba, ICLR 2015');

/** A folder whose name holds the characters an annotation's `file=` must escape. */
const BLOG = 'blog:1,2';
const PREVIOUS_STEP = '## An earlier step\n\nits summary\n';

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: string;
  annotations: string[];
}

describe('GitHub Action (the committed bundle, run as GitHub runs it)', function () {
  let workspace: string;
  let scratch: string;

  const write = (relative: string, text: string) => {
    const file = path.join(workspace, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };

  function runAction(inputs: Record<string, string>, extraEnv: NodeJS.ProcessEnv = {}): ActionRun {
    const summaryFile = path.join(scratch, `summary-${Math.random().toString(36).slice(2)}.md`);
    const outputFile = path.join(scratch, `output-${Math.random().toString(36).slice(2)}.txt`);
    fs.writeFileSync(summaryFile, PREVIOUS_STEP);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      LANG: 'C.UTF-8',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
      ...extraEnv,
    };
    // GitHub passes every input declared in action.yml, the unset ones with their default.
    const defaults: Record<string, string> = {
      paths: '.',
      config: '',
      fix: 'false',
      sarif: '',
      'fail-on': 'error',
      locale: '',
    };
    for (const [name, value] of Object.entries({ ...defaults, ...inputs })) env[`INPUT_${name.toUpperCase()}`] = value;
    const result = spawnSync(process.execPath, [ACTION_BUNDLE], { cwd: workspace, env, encoding: 'utf8' });
    const summary = fs.readFileSync(summaryFile, 'utf8');
    assert.ok(summary.startsWith(PREVIOUS_STEP), 'the summary is appended to, not replaced');
    return {
      code: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
      summary: summary.slice(PREVIOUS_STEP.length),
      outputs: fs.existsSync(outputFile) ? fs.readFileSync(outputFile, 'utf8') : '',
      annotations: result.stdout.split('\n').filter((line) => line.startsWith('::')),
    };
  }

  /** The CLI's JSON report of `paths` in the workspace: what the annotations must say. */
  function cliReport(...paths: string[]) {
    const result = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', ...paths], {
      cwd: workspace,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LANG: 'C.UTF-8' },
    });
    return JSON.parse(result.stdout) as {
      filePath: string;
      messages: {
        ruleId: string;
        severity: string;
        message: string;
        line: number;
        column: number;
        endLine: number;
        endColumn: number;
      }[];
    }[];
  }

  before(function () {
    assert.ok(fs.existsSync(ACTION_BUNDLE), `${ACTION_BUNDLE} is missing: run \`npm run build\``);
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`npm run build\``);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-action-'));
    workspace = path.join(scratch, 'workspace');
    write(`${BLOG}/_config.yml`, 'theme: minima\n');
    write(`${BLOG}/_posts/2020-04-02-2nd_quarter.md`, GOOD);
    write(`${BLOG}/_posts/2020-07-02-3rd_quarter.md`, BAD);
    write('warned/_config.yml', 'theme: minima\n');
    write('warned/_posts/2020-10-08-4th_quarter.md', WARNED);
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('annotates every problem at its place, with the properties and message escaped as GitHub reads them', () => {
    const run = runAction({ paths: BLOG, 'fail-on': 'error' });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const expected = cliReport(BLOG).flatMap((file) =>
      file.messages.map((m) => {
        const kind = m.severity === 'error' ? 'error' : m.severity === 'warning' ? 'warning' : 'notice';
        const relative = path.relative(workspace, file.filePath).replace(/:/g, '%3A').replace(/,/g, '%2C');
        return `::${kind} file=${relative},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${m.ruleId}::${m.message.replace(/%/g, '%25')}`;
      }),
    );
    assert.deepEqual(run.annotations, expected);
    assert.deepEqual(expected.map((line) => /title=([a-z-]+)/.exec(line)![1]).sort(), [
      'image-width',
      'link-placeholder',
      'title-format',
    ]);
    assert.ok(
      run.annotations.includes(
        '::warning file=blog%3A1%2C2/_posts/2020-07-02-3rd_quarter.md,line=3,col=8,endLine=3,endColumn=30,' +
          'title=title-format::Expected a title matching `^\\d{4}_(1st|2nd|3rd|4th)_quarter$`, found `2020_3rd_quater 100%25`',
      ),
      run.stdout,
    );
    // The log also reads as the CLI's report.
    assert.match(run.stdout, /^blog:1,2\/_posts\/2020-07-02-3rd_quarter\.md$/m);
    assert.match(run.stdout, /✖ 3 problems \(1 error, 2 warnings, 0 info, 0 hints\)/);
    assert.equal(run.outputs, 'errors=1\nwarnings=2\nnotes=0\n');
  });

  it("appends a summary table of every problem, linked to its line and rule, that escapes the table's `|`", () => {
    const run = runAction(
      { paths: BLOG },
      { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'lab/blog', GITHUB_SHA: '0123abc' },
    );
    const lines = run.summary.split('\n');
    assert.equal(lines[0], '## seminar-posts');
    assert.ok(lines.includes('3 problems (1 error, 2 warnings, 0 notes) in 1 of 2 posts.'), run.summary);
    assert.ok(lines.includes('❌ The step fails (`fail-on: error`).'), run.summary);
    const rows = lines.filter((line) => line.startsWith('| `'));
    assert.equal(rows.length, 3);
    assert.equal(
      rows[0],
      '| `blog:1,2/_posts/2020-07-02-3rd_quarter.md` | [3:8](https://github.com/lab/blog/blob/0123abc/blog%3A1%2C2/_posts/2020-07-02-3rd_quarter.md#L3) | warning | ' +
        '[title-format](https://github.com/seminar-posts/seminar-posts/blob/main/docs/rules/title-format.md) | ' +
        'Expected a title matching `^\\d{4}_(1st\\|2nd\\|3rd\\|4th)_quarter$`, found `2020_3rd_quater 100%` |',
    );
    for (const row of rows) assert.equal(row.replace(/\\\|/g, '').split('|').length, 7, row);
  });

  it('writes SARIF that validates against the 2.1.0 schema, at a path in the workspace', () => {
    const run = runAction({ paths: BLOG, sarif: 'reports/seminar-posts.sarif' });
    assert.equal(run.code, 1);
    const log = JSON.parse(fs.readFileSync(path.join(workspace, 'reports', 'seminar-posts.sarif'), 'utf8')) as {
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
        tool: { driver: { rules: { id: string }[] } };
      }[];
    };
    const schema = JSON.parse(
      fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
    ) as object;
    // The published schema has a pattern (`...{2}]?$`) that is only valid without the `u` flag.
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const results = log.runs[0]!.results;
    assert.deepEqual(results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.region.startLine]).sort(), [
      ['image-width', 16],
      ['link-placeholder', 12],
      ['title-format', 3],
    ]);
    assert.equal(
      results[0]!.locations[0]!.physicalLocation.artifactLocation.uri,
      'blog%3A1%2C2/_posts/2020-07-02-3rd_quarter.md',
    );
    assert.deepEqual(
      log.runs[0]!.tool.driver.rules.map((r) => r.id),
      RULES.map((r) => r.id),
    );
  });

  it('fails on warnings only with `fail-on: warning`', () => {
    const lenient = runAction({ paths: 'warned', 'fail-on': 'error' });
    assert.equal(lenient.code, 0, lenient.stdout);
    assert.ok(
      lenient.annotations.length > 0 && lenient.annotations.every((line) => line.startsWith('::warning ')),
      lenient.stdout,
    );
    assert.ok(lenient.summary.includes('⚠️ The step passes (`fail-on: error`).'), lenient.summary);
    const strict = runAction({ paths: 'warned', 'fail-on': 'warning' });
    assert.equal(strict.code, 1, strict.stdout);
    assert.ok(strict.summary.includes('❌ The step fails (`fail-on: warning`).'), strict.summary);
  });

  it("reads the inputs by GitHub's names (`INPUT_FAIL-ON`), not by look-alikes", () => {
    const run = runAction({ paths: 'warned', 'fail-on': '' }, { INPUT_FAIL_ON: 'warning' });
    assert.equal(run.code, 0, 'INPUT_FAIL_ON is not an input GitHub sets; the default `error` applies');
  });

  it('checks the paths of a multi-line input, and says so when it finds no post', () => {
    const both = runAction({ paths: `${BLOG}/_posts/2020-04-02-2nd_quarter.md\n\n  warned  \n` });
    assert.equal(both.code, 0, both.stdout);
    assert.ok(both.summary.includes('in 1 of 2 posts.'), both.summary);
    const none = runAction({ paths: 'no-such-folder' });
    assert.equal(none.code, 2);
    assert.deepEqual(none.annotations, [
      '::error title=seminar-posts::cannot read no-such-folder: no such file or folder',
    ]);
    assert.equal(
      none.summary,
      '## seminar-posts\n\n❌ seminar-posts could not check the posts: cannot read no-such-folder: no such file or folder\n',
    );
  });

  it('refuses an input it cannot use, in one annotation', () => {
    for (const [inputs, message] of [
      [{ 'fail-on': 'sometimes' }, "input fail-on must be error or warning, not 'sometimes'"],
      [{ fix: 'yes' }, "input fix must be true or false, not 'yes'"],
      [{ locale: 'fr' }, "input locale must be en or ko, not 'fr'"],
    ] as [Record<string, string>, string][]) {
      const run = runAction(inputs);
      assert.equal(run.code, 2, JSON.stringify(inputs));
      assert.deepEqual(run.annotations, [`::error title=seminar-posts::${message}`]);
    }
  });

  it('applies the safe fixes with `fix: true` and reports what is left, in Korean with `locale: ko`', () => {
    const post = path.join(workspace, 'fixing', '_posts', '2020-07-02-3rd_quarter.md');
    write('fixing/_config.yml', 'theme: minima\n');
    write('fixing/_posts/2020-07-02-3rd_quarter.md', BAD);
    const run = runAction({ paths: 'fixing', fix: 'true', locale: 'ko' });
    assert.equal(run.code, 1, run.stdout);
    const text = fs.readFileSync(post, 'utf8');
    assert.equal(text, BAD.replace('width="450 px"', 'width="450"'));
    assert.deepEqual(
      run.annotations.map((line) => /title=([a-z-]+)/.exec(line)![1]),
      ['title-format', 'link-placeholder'],
    );
    assert.ok(
      run.summary.includes('안전한 수정을 먼저 적용했습니다 (`fix: true`). 표는 남은 문제입니다.'),
      run.summary,
    );
    assert.ok(run.summary.includes('| 게시물 | 줄 | 심각도 | 규칙 | 메시지 |'), run.summary);
    assert.ok(run.summary.includes('| 오류 |'), run.summary);
  });

  it("runs the CLI's lint workers from its own bundle", () => {
    const run = runAction({ paths: `${BLOG}\nwarned` }, { SEMINAR_POSTS_WORKERS: '2' });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(run.annotations.length, 3 + cliReport('warned')[0]!.messages.length);
  });
});
