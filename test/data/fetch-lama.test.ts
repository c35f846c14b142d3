import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fetchLama } from '../../src/data/fetch-lama.js';
import { loadLamaDataset } from '../../src/data/load-dataset.js';
import { IntegrityError, NetworkError } from '../../src/errors.js';
import { sharedData } from '../helpers/data-dir.js';
import { serveFile } from '../helpers/http-server.js';
import { tempDir } from '../helpers/tmp.js';
import { buildZip, type ZipEntryInput } from '../helpers/zip.js';

const FILES = [
  'Squad/test.jsonl',
  'Google_RE/place_of_birth_test.jsonl',
  'Google_RE/date_of_birth_test.jsonl',
  'Google_RE/place_of_death_test.jsonl',
  'relations.jsonl',
];

/** data.zip as LAMA ships it: everything under data/, built from the shared (official) files. */
function lamaZip(extra: ZipEntryInput[] = [], edit?: (name: string, data: Buffer) => Buffer): Buffer {
  const lama = sharedData('lama');
  const entries: ZipEntryInput[] = FILES.map((name) => {
    const data = readFileSync(join(lama, name));
    return { name: `data/${name}`, data: edit ? edit(name, data) : data };
  });
  entries.push({ name: 'data/TREx/P19.jsonl', data: '{"uuid":"t1","obj_label":"Paris","sub_label":"A B","predicate_id":"P19","evidences":[{"masked_sentence":"A B was born in [MASK] ."}]}\n' });
  return buildZip([...entries, ...extra]);
}

/** The cache holds no dataset and no leftovers (staging folders, part files) after a failure. */
function assertNoPartialDataset(cache: string): void {
  assert.equal(existsSync(join(cache, 'lama')), false, 'no lama/ folder after a failed fetch');
  const leftovers = readdirSync(cache).filter((name) => name.startsWith('.lama-staging'));
  assert.deepEqual(leftovers, []);
}

test('fetch: downloads, verifies and installs; the data is then readable', async (t) => {
  const cache = tempDir(t);
  const server = await serveFile({ body: lamaZip() });
  t.after(() => server.close());
  const events: string[] = [];
  const result = await fetchLama({ url: server.url, cacheDir: cache, onProgress: (e) => events.push(e.stage) });
  assert.equal(result.downloaded, true);
  assert.equal(result.lamaFolder, join(cache, 'lama'));
  assert.ok(existsSync(join(cache, 'lama', 'Squad', 'test.jsonl')));
  assert.ok(existsSync(join(cache, 'lama', 'TREx', 'P19.jsonl')), 'the leading data/ is dropped');
  assert.ok(events.includes('download') && events.includes('verify') && events.includes('install'));
  assert.equal(existsSync(join(cache, 'downloads', 'lama-data.zip')), false, 'the archive is removed after install');
  const { stats } = await loadLamaDataset('squad', { dataDir: cache });
  assert.equal(stats.facts, 305);
  // trex:P19 takes its label and template from the archive's relations.jsonl
  const trex = await loadLamaDataset('trex:P19', { dataDir: cache, mode: 'template' });
  assert.deepEqual(trex.queries[0]!.relation, { id: 'P19', label: 'place of birth', template: '[X] was born in [Y] .' });
  assert.equal(trex.queries[0]!.maskedSentence, 'A B was born in [MASK] .');
  // A second fetch finds the verified copy and downloads nothing.
  const again = await fetchLama({ url: server.url, cacheDir: cache });
  assert.equal(again.downloaded, false);
  assert.equal(server.requests.length, 1);
});

test('fetch: a connection cut mid-way is resumed with a Range request', async (t) => {
  const cache = tempDir(t);
  const body = lamaZip();
  const server = await serveFile({ body, cutAfter: Math.floor(body.length / 3) });
  t.after(() => server.close());
  const result = await fetchLama({ url: server.url, cacheDir: cache, backoffMs: 10 });
  assert.equal(result.downloaded, true);
  assert.ok(server.requests.length >= 2);
  assert.equal(server.requests[0]!.range, undefined);
  assert.match(String(server.requests[1]!.range), /^bytes=\d+-$/);
  assert.ok(Number(/\d+/.exec(String(server.requests[1]!.range))![0]) > 0, 'the second request resumes, not restarts');
  assert.equal(readFileSync(join(cache, 'lama', 'relations.jsonl')).length, readFileSync(join(sharedData('lama'), 'relations.jsonl')).length);
});

test('fetch: a wrong checksum installs nothing and removes the archive', async (t) => {
  const cache = tempDir(t);
  const body = lamaZip([], (name, data) => (name === 'Squad/test.jsonl' ? Buffer.concat([data, Buffer.from('\n')]) : data));
  const server = await serveFile({ body });
  t.after(() => server.close());
  await assert.rejects(fetchLama({ url: server.url, cacheDir: cache }), (error: unknown) => {
    assert.ok(error instanceof IntegrityError);
    assert.match(error.message, /Squad\/test\.jsonl has sha256 [0-9a-f]{64}, expected f157e7c0/);
    return true;
  });
  assertNoPartialDataset(cache);
  assert.equal(existsSync(join(cache, 'downloads', 'lama-data.zip')), false);
});

test('fetch: an entry ../evil.txt refuses the archive and writes nothing outside the cache', async (t) => {
  const parent = tempDir(t);
  const cache = join(parent, 'cache');
  const server = await serveFile({ body: lamaZip([{ name: 'data/../../evil.txt', data: 'pwned' }, { name: '../evil.txt', data: 'pwned' }]) });
  t.after(() => server.close());
  await assert.rejects(fetchLama({ url: server.url, cacheDir: cache }), (error: unknown) => {
    assert.ok(error instanceof IntegrityError);
    assert.match(error.message, /"data\/\.\.\/\.\.\/evil\.txt" contains a "\.\." segment/);
    return true;
  });
  assert.equal(existsSync(join(parent, 'evil.txt')), false);
  assert.equal(existsSync(join(cache, 'evil.txt')), false);
  assert.deepEqual(readdirSync(parent), ['cache']);
  assertNoPartialDataset(cache);
});

test('fetch: an absolute entry path is refused', async (t) => {
  const cache = tempDir(t);
  const server = await serveFile({ body: lamaZip([{ name: '/tmp/lmkg-evil.txt', data: 'pwned' }]) });
  t.after(() => server.close());
  await assert.rejects(fetchLama({ url: server.url, cacheDir: cache }), /is an absolute path/);
  assert.equal(existsSync('/tmp/lmkg-evil.txt'), false);
  assertNoPartialDataset(cache);
});

test('fetch: a truncated archive is refused and the next run downloads afresh', async (t) => {
  const cache = tempDir(t);
  const full = lamaZip();
  const server = await serveFile({ body: full.subarray(0, Math.floor(full.length * 0.6)) });
  t.after(() => server.close());
  await assert.rejects(fetchLama({ url: server.url, cacheDir: cache }), (error: unknown) => error instanceof IntegrityError);
  assertNoPartialDataset(cache);
  assert.equal(existsSync(join(cache, 'downloads', 'lama-data.zip')), false);
});

test('fetch: a failed forced re-fetch leaves the installed copy intact', async (t) => {
  const cache = tempDir(t);
  const good = await serveFile({ body: lamaZip() });
  t.after(() => good.close());
  await fetchLama({ url: good.url, cacheDir: cache });
  const bad = await serveFile({ body: lamaZip([{ name: '../evil.txt', data: 'x' }]) });
  t.after(() => bad.close());
  await assert.rejects(fetchLama({ url: bad.url, cacheDir: cache, force: true }), IntegrityError);
  const { stats } = await loadLamaDataset('re-place-death', { dataDir: cache });
  assert.equal(stats.facts, 766);
});

test('fetch: HTTP 404 fails at once; repeated 503s fail after the retries', async (t) => {
  const cache = tempDir(t);
  const missing = await serveFile({ body: Buffer.alloc(0), status: 404 });
  t.after(() => missing.close());
  await assert.rejects(fetchLama({ url: missing.url, cacheDir: cache, backoffMs: 1 }), /HTTP 404/);
  assert.equal(missing.requests.length, 1);
  const down = await serveFile({ body: Buffer.alloc(0), status: 503 });
  t.after(() => down.close());
  await assert.rejects(fetchLama({ url: down.url, cacheDir: cache, retries: 2, backoffMs: 1 }), (error: unknown) => {
    assert.ok(error instanceof NetworkError);
    assert.match(error.message, /after 3 attempts/);
    return true;
  });
  assert.equal(down.requests.length, 3);
  assertNoPartialDataset(cache);
});
