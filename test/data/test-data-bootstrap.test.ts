/**
 * @file `npm test` on a fresh clone: with neither LMKG_DATA_DIR nor ../shared/data, the test command
 * fetches LAMA and UD English EWT into the lmkg cache (scripts/test-data.mjs). Run here as two child
 * processes at once, each with the same empty cache and an empty HOME, against a local mirror: both
 * finish, every file crosses the network once (the second process waits on the cache lock and then
 * finds verified copies), and the cache is a data root the tests can read.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadLamaDataset } from '../../src/data/load-dataset.js';
import { verifyLamaFolder } from '../../src/data/verify.js';
import { readTreebank } from '../../src/nlp/treebank.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { serveDataMirror } from '../helpers/mirror.js';
import { tempDir } from '../helpers/tmp.js';

function bootstrap(env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'test-data.mjs')], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

test('the test command\'s data bootstrap: two processes, one empty cache, a mirror; each file is fetched once and verified', async (t) => {
  const dir = tempDir(t);
  const cache = join(dir, 'cache');
  const home = join(dir, 'home');
  mkdirSync(home);
  const mirror = await serveDataMirror({ delayMs: 2_000 }); // the first fetch holds the lock while the second process starts
  t.after(() => mirror.close());
  const env = { LMKG_DATA_DIR: undefined, LMKG_CACHE_DIR: cache, HOME: home, LMKG_LAMA_URL: mirror.lamaUrl, LMKG_UD_URL: mirror.udUrl };
  const [a, b] = await Promise.all([bootstrap(env), bootstrap(env)]);
  for (const run of [a, b]) {
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.match(lines[0]!, /^npm test: no LMKG_DATA_DIR and no \.\.\/shared\/data; fetching LAMA \(http:\/\/127\.0\.0\.1:\d+\/LAMA\/data\.zip\) and UD English EWT \(http:\/\/127\.0\.0\.1:\d+\/ud\) into .*cache once/);
    assert.equal(lines.at(-1), cache, 'prints the data root');
  }
  assert.match(`${a.stdout}${b.stdout}`, /npm test: waiting for process \d+ on .*, which is fetching (LAMA|UD English EWT) into this cache/, 'one waited for the other');
  const downloads = mirror.requests.filter((r) => !r.range).map((r) => r.url).sort();
  assert.deepEqual(downloads, ['/LAMA/data.zip', '/ud/en_ewt-ud-dev.conllu', '/ud/en_ewt-ud-test.conllu', '/ud/en_ewt-ud-train.conllu'], 'each file once');
  assert.deepEqual((await verifyLamaFolder(join(cache, 'lama'))).map((c) => c.status), ['ok', 'ok', 'ok', 'ok', 'ok']);
  assert.equal((await loadLamaDataset('re-place-death', { dataDir: cache })).stats.facts, 766);
  assert.equal((await readTreebank('dev', { dataDir: cache })).length, 2001);
  assert.deepEqual(readdirSync(cache).filter((name) => name.endsWith('.lock') || name.startsWith('.lama-staging')), [], 'no locks or staging left');
  assert.equal(existsSync(join(cache, 'downloads', 'lama-data.zip')), false);

  // A third run finds everything verified and fetches nothing.
  const again = await bootstrap(env);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^npm test: no LMKG_DATA_DIR and no \.\.\/shared\/data; using the LAMA and UD English EWT files fetched earlier into /);
  assert.equal(mirror.requests.filter((r) => !r.range).length, 4);
});
