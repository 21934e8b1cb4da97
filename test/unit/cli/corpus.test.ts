/**
 * The bundled CLI over the real corpus (`../shared/corpus`): every diagnostic of every post must
 * match the reviewed golden file (`test/golden/corpus.json`: ids, lines and severities only, no
 * post text), and each real defect of the drafts must be caught where it is. Skipped, with a note,
 * where the corpus is absent. `UPDATE_GOLDEN=1 npm run test:unit` rewrites the golden file, which
 * then needs a review line by line.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, CORPUS, REPO_ROOT, requireCorpus } from '../../support/paths';

const GOLDEN = path.join(REPO_ROOT, 'test', 'golden', 'corpus.json');

/** Post path relative to the corpus -> `line:rule-id:severity`, in the CLI's order. */
type Findings = Record<string, string[]>;

let findings: Findings;

function lintCorpus(): Findings {
  const r = spawnSync(process.execPath, [CLI, 'lint', path.relative(REPO_ROOT, CORPUS), '--format', 'json'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(r.stderr, '');
  const results = JSON.parse(r.stdout) as {
    filePath: string;
    messages: { line: number; ruleId: string; severity: string }[];
  }[];
  const out: Findings = {};
  for (const result of results) {
    out[path.relative(CORPUS, result.filePath).split(path.sep).join('/')] = result.messages.map(
      (m) => `${m.line}:${m.ruleId}:${m.severity}`,
    );
  }
  return out;
}

describe('the real corpus', function () {
  before(function () {
    requireCorpus(this);
    findings = lintCorpus();
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, JSON.stringify(findings, null, 2) + '\n');
  });

  it('lints every post of the corpus, and not its README', () => {
    const names = Object.keys(findings);
    assert.equal(names.length, 55);
    assert.equal(names.filter((n) => n.startsWith('published/')).length, 3);
    assert.ok(!names.some((n) => /readme/i.test(n)));
  });

  it('matches the reviewed golden file', () => {
    assert.deepEqual(findings, JSON.parse(fs.readFileSync(GOLDEN, 'utf8')));
  });

  it('raises on the published posts only what a careful author would fix', () => {
    assert.deepEqual(findings['published/2020-04-02-2nd_quarter.md'], [
      '75:summary-missing:warning', // AutoML-Zero: links only, no summary
      '79:summary-missing:warning', // AlphaGo Zero: links only
      '83:summary-missing:warning', // AutoSlim: links only
      '87:authors-line-missing:warning', // the second AutoSlim section: no authors line
      '87:summary-missing:warning',
      '87:duplicate-paper:warning', // ... and a title copied from the section above (its links are another talk)
      '90:summary-missing:warning', // Deep Symbolic RL: links only
    ]);
    assert.deepEqual(findings['published/2020-07-02-3rd_quarter.md'], [
      '11:venue-missing:hint', // speech/text alignment: authors only
      '59:venue-missing:hint', // HIRO (NeurIPS 2018)
      '74:venue-missing:hint', // wav2vec 2.0 (NeurIPS 2020)
      '86:venue-missing:hint', // FixMatch (NeurIPS 2020)
      '102:link-placeholder:error', // [presentation material](???)
      '127:venue-missing:hint', // subtask graph inference (ICLR 2020)
      '130:bare-url:warning', // (https://arxiv.org/abs/1807.07665)에서: plain text on the blog (kramdown links no bare address)
    ]);
    assert.deepEqual(findings['published/2020-10-08-4th_quarter.md'], []);
  });

  describe('catches each real defect of the drafts where it is', () => {
    const cases: [string, string, string][] = [
      ['a name Jekyll skips', 'drafts/20200820_2919c52/temp.md', '1:filename-format'],
      ['a name Jekyll skips (quater, no date)', 'drafts/20200820_3409b60/2020_3rd_quater.md', '1:filename-format'],
      ['a name Jekyll skips (no month and day)', 'drafts/20210102_b7c4f15/2020-4th_quarter.md', '1:filename-format'],
      ['a date range', 'drafts/20200820_3409b60/2020_3rd_quater.md', '4:field-type'],
      ['a date range with spaces', 'drafts/20200820_0ec3bbc/2020-02-23-testing.markdown', '4:field-type'],
      ['the quater typo', 'drafts/20200821_9e1abe0/2020-04-02-2nd_quater.md', '3:title-format'],
      ['a missing presenter line', 'drafts/20200820_3409b60/2020_3rd_quater.md', '8:presenter-line-missing'],
      ['a bare paper-link line', 'drafts/20200820_3409b60/2020_3rd_quater.md', '10:orphan-paper-link'],
      ['a bare line with both links', 'drafts/20200821_1b4815c/2020-07-02-3rd_quater.md', '12:orphan-paper-link'],
      ['Markdown images', 'drafts/20200820_dd225c4/2020-07-02-3rd_quater.md', '19:markdown-image'],
      ['Markdown images (the second)', 'drafts/20200820_dd225c4/2020-07-02-3rd_quater.md', '21:markdown-image'],
      ['a _posts/ image path', 'drafts/20200827_bfa0465/2020-07-02-3rd_quarter.md', '41:image-src'],
      ['a blob/ URL', 'drafts/20200827_e41ee1e/2020-07-02-3rd_quarter.md', '37:image-src'],
      ['a ??? placeholder', 'drafts/20200921_19c404c/2020-07-02-3rd_quarter.md', '98:link-placeholder'],
      [
        'a presenter line with no links',
        'drafts/20200904_13cac8e/2020-07-02-3rd_quarter.md',
        '43:presenter-links-missing',
      ],
      ['a title copied from another quarter', 'drafts/20210102_b7c4f15/2020-4th_quarter.md', '3:title-date-mismatch'],
      ['an image block never closed', 'drafts/20210103_014c134/2020-10-08-4th_quarter.md', '30:image-block-unclosed'],
      ['the venue on a second ## line', 'drafts/20210103_19eeb60/2020-10-08-4th_quarter.md', '12:heading-structure'],
      ['a title written three times', 'drafts/20200821_bb372dd/2020-04-02-2nd_quater.md', '80:duplicate-paper'],
      ['empty summary bullets', 'drafts/20200821_9084649/2020-04-02-2nd_quater.md', '55:summary-missing'],
      ['a bare address the blog shows as text', 'published/2020-07-02-3rd_quarter.md', '130:bare-url'],
      ['the quater typo in the address', 'drafts/20200821_1b4815c/2020-07-02-3rd_quater.md', '1:filename-convention'],
      [
        'a range date Jekyll reads as its first day, also in the URL',
        'drafts/20200820_0ec3bbc/2020-02-23-testing.markdown',
        '4:filename-date-mismatch',
      ],
    ];
    for (const [defect, post, expected] of cases) {
      it(`${defect}: ${post}:${expected}`, () => {
        const found = findings[post];
        assert.ok(found, `${post} was not linted`);
        assert.ok(
          found.some((f) => f.startsWith(`${expected}:`)),
          `${expected} not in ${JSON.stringify(found)}`,
        );
      });
    }
  });
});
