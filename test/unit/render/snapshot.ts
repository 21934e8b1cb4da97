/**
 * Snapshot files for the render tests: a test compares what it renders with the file beside the
 * fixture; `UPDATE_SNAPSHOTS=1 npm run test:unit` rewrites the files (review the diff before
 * committing). A missing snapshot fails rather than being written silently.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';

export function matchSnapshot(actual: string, file: string): void {
  if (process.env.UPDATE_SNAPSHOTS) {
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `${file} is missing: run UPDATE_SNAPSHOTS=1 npm run test:unit and review it`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${file} differs (UPDATE_SNAPSHOTS=1 rewrites it)`);
}
