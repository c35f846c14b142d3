import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { demoProblems } from '../../src/demo/index.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

test('lmkg demo stops at once, before fetching or training, when what it cannot fetch is missing', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'a-file'), 'x');
  mkdirSync(join(dir, 'root'));
  const cache = join(dir, 'cache');
  const result = await runCli(['demo', '--quick', '--out', join(dir, 'a-file', 'demo'), '--data-dir', join(dir, 'root')], {
    env: { LMKG_DATA_DIR: undefined, LMKG_CACHE_DIR: cache, LMKG_LAMA_URL: 'http://127.0.0.1:9/data.zip' },
  });
  assert.equal(result.code, 7, result.stderr);
  assert.match(result.stderr, /^lmkg: demo cannot start; 3 things are missing or unusable \(nothing was written\):/);
  assert.match(result.stderr, /--out .*: cannot create .*a-file\/demo, because .*a-file is a file/);
  // a data root the user named is never filled by a download: the fix says so
  assert.match(result.stderr, /LAMA data: no lama\/ in --data-dir .*root\)\n    fix: point --data-dir at a folder with lama\/, or unset it and run `lmkg data fetch`/);
  assert.match(result.stderr, /the dependency parser: no ud\/UD_English-EWT in --data-dir/);
  assert.deepEqual(readdirSync(dir).sort(), ['a-file', 'root']);
  assert.deepEqual(readdirSync(join(dir, 'root')), []);
});

test('demo preflight: with the cache as data root, missing LAMA and UD are fetched, not problems; a missing parser model is', async (t) => {
  const dir = tempDir(t);
  const saved = { data: process.env.LMKG_DATA_DIR, cache: process.env.LMKG_CACHE_DIR };
  delete process.env.LMKG_DATA_DIR;
  process.env.LMKG_CACHE_DIR = join(dir, 'cache');
  t.after(() => {
    process.env.LMKG_DATA_DIR = saved.data;
    if (saved.cache === undefined) delete process.env.LMKG_CACHE_DIR;
    else process.env.LMKG_CACHE_DIR = saved.cache;
  });
  assert.deepEqual(await demoProblems({}, join(dir, 'demo'), true), []);
  const problems = await demoProblems({ nlp: { modelFile: join(dir, 'parser.lmkgparser') } }, join(dir, 'demo'), true);
  assert.deepEqual(problems.map((p) => p.what), [`--parser-model ${join(dir, 'parser.lmkgparser')}: no such file`]);
});
