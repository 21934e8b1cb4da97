/**
 * Preloaded into the bundled CLI by the hostility test (`node --require` this file): kills the
 * process at one moment of writing a fixed post, so that the test sees what a crash then leaves.
 * `SEMINAR_POSTS_CRASH_AT=mid-write` kills it halfway through writing the temporary file beside
 * the post, `before-rename` once that file is written. It replaces `fs.writeFileSync` for
 * temporary files only; the product carries no such hook.
 */
'use strict';
const fs = require('node:fs');

const moment = process.env.SEMINAR_POSTS_CRASH_AT;
const TEMPORARY_SUFFIX = '.seminar-posts.tmp';
const writeFileSync = fs.writeFileSync;

fs.writeFileSync = function crashingWrite(file, data, options) {
  if (typeof file !== 'string' || !file.endsWith(TEMPORARY_SUFFIX)) return writeFileSync.apply(fs, arguments);
  if (moment === 'mid-write') {
    writeFileSync.call(fs, file, String(data).slice(0, String(data).length >> 1), options);
    process.kill(process.pid, 'SIGKILL');
  }
  writeFileSync.call(fs, file, data, options);
  if (moment === 'before-rename') process.kill(process.pid, 'SIGKILL');
};
