/**
 * The result cache over the JSON file store: fresh entries are served from memory and from the
 * file of a later run, expired ones are not, the number of entries is bounded, writes are atomic
 * and merge another writer's entries, and a damaged file is taken for an empty one.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ResultCache } from '../../../server/src/core/net/resultCache';
import { resolveEndpoint } from '../../../server/src/core/net/endpoints';
import {
  defaultCacheFolder,
  JsonFileCacheStore,
  MAX_CACHE_FILE_BYTES,
} from '../../../server/src/node/jsonFileCacheStore';

const isNumber = (value: unknown): value is number => typeof value === 'number';

describe('ResultCache and JsonFileCacheStore', () => {
  let folder: string;
  let clock: number;
  const problems: string[] = [];
  const store = () => new JsonFileCacheStore(folder, (message) => problems.push(message));
  const cache = (maxEntries = 100) =>
    new ResultCache<number>('links', store(), { maxEntries, isValue: isNumber, now: () => clock });

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'seminar-posts-cache-'));
    clock = 1_000_000;
    problems.length = 0;
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('serves a fresh entry, from memory and from the file of a later run, until its TTL ends', async () => {
    const first = cache();
    await first.set('https://a.test/x', 404, 60_000);
    assert.equal(await first.get('https://a.test/x'), 404);
    await first.flush();
    const saved = JSON.parse(fs.readFileSync(path.join(folder, 'links.json'), 'utf8')) as {
      format: number;
      entries: Record<string, { value: unknown }>;
    };
    assert.equal(saved.format, 1);
    assert.equal(saved.entries['https://a.test/x']?.value, 404);

    const second = cache();
    assert.equal(await second.get('https://a.test/x'), 404);
    clock += 60_001;
    assert.equal(await second.get('https://a.test/x'), undefined, 'expired');
    assert.equal(await cache().get('https://a.test/x'), undefined, 'and not loaded by a later run');
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const small = cache(3);
    for (let i = 0; i < 5; i++) {
      clock++;
      await small.set(`k${i}`, i, 60_000);
    }
    assert.equal(await small.size(), 3);
    assert.equal(await small.get('k0'), undefined);
    assert.equal(await small.get('k4'), 4);
  });

  it('merges what another process saved meanwhile; the newer entry of a key wins', async () => {
    const a = cache();
    const b = cache();
    await a.set('shared', 1, 60_000);
    await a.set('onlyA', 10, 60_000);
    clock += 5;
    await b.set('shared', 2, 60_000);
    await b.set('onlyB', 20, 60_000);
    await b.flush();
    await a.flush();
    const merged = cache();
    assert.equal(await merged.get('shared'), 2);
    assert.equal(await merged.get('onlyA'), 10);
    assert.equal(await merged.get('onlyB'), 20);
    assert.deepEqual(fs.readdirSync(folder), ['links.json'], 'no temporary file is left');
  });

  it('takes a damaged, foreign or oversized file for an empty cache, says so once, and replaces it', async () => {
    const file = path.join(folder, 'links.json');
    for (const text of [
      '{"format":1,"entries":',
      '\u0000\u0001binary',
      '[1,2,3]',
      '{"format":1,"entries":{"k":{"value":"not a number","storedAt":1,"expiresAt":9e15}}}',
    ]) {
      fs.writeFileSync(file, text);
      problems.length = 0;
      const damaged = cache();
      assert.equal(await damaged.get('k'), undefined, text);
      await damaged.set('k', 7, 60_000);
      await damaged.flush();
      assert.equal(await cache().get('k'), 7, `${text}: replaced`);
    }
    fs.writeFileSync(file, Buffer.alloc(MAX_CACHE_FILE_BYTES + 1, 32));
    problems.length = 0;
    assert.equal(await cache().get('k'), undefined);
    assert.match(problems.join('\n'), /larger than/);
  });

  it('goes on in memory when the folder cannot be written', async () => {
    const blocked = path.join(folder, 'file');
    fs.writeFileSync(blocked, '');
    const memoryOnly = new ResultCache<number>('links', new JsonFileCacheStore(blocked, (m) => problems.push(m)), {
      maxEntries: 10,
      isValue: isNumber,
    });
    await memoryOnly.set('k', 1, 60_000);
    await memoryOnly.flush();
    assert.equal(await memoryOnly.get('k'), 1);
    assert.match(problems.join('\n'), /cannot write the cache/);
  });

  it('puts the CLI cache in the usual folder of each system', () => {
    assert.equal(defaultCacheFolder({}, 'linux', '/home/u'), '/home/u/.cache/seminar-posts');
    assert.equal(
      defaultCacheFolder({ XDG_CACHE_HOME: '/var/cache/u' }, 'linux', '/home/u'),
      '/var/cache/u/seminar-posts',
    );
    assert.equal(
      defaultCacheFolder({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/u'),
      '/home/u/.cache/seminar-posts',
    );
    assert.equal(defaultCacheFolder({}, 'darwin', '/Users/u'), '/Users/u/Library/Caches/seminar-posts');
  });
});

describe('resolveEndpoint', () => {
  const arxiv = {
    name: 'arXiv',
    defaultBase: 'https://export.arxiv.org/api/query',
    envVar: 'SEMINAR_POSTS_ARXIV_API',
    setting: 'seminarPosts.endpoints.arxiv',
  };

  it('takes the setting, then the environment variable, then the default', () => {
    assert.deepEqual(
      resolveEndpoint(arxiv, 'http://127.0.0.1:9/api/', { SEMINAR_POSTS_ARXIV_API: 'http://127.0.0.1:8/x' }),
      { base: 'http://127.0.0.1:9/api', source: 'setting', problems: [] },
    );
    assert.equal(
      resolveEndpoint(arxiv, undefined, { SEMINAR_POSTS_ARXIV_API: 'http://127.0.0.1:8/x' }).source,
      'environment',
    );
    assert.equal(resolveEndpoint(arxiv, '', {}).base, 'https://export.arxiv.org/api/query');
  });

  it('names a value that is not an http(s) address and uses the next one', () => {
    const resolved = resolveEndpoint(arxiv, 'ftp://mirror', { SEMINAR_POSTS_ARXIV_API: 'nonsense' });
    assert.equal(resolved.source, 'default');
    assert.equal(resolved.problems.length, 2);
    assert.match(resolved.problems[0]!, /seminarPosts\.endpoints\.arxiv: expected an http\(s\) address/);
    assert.match(resolved.problems[1]!, /SEMINAR_POSTS_ARXIV_API/);
  });
});
