/**
 * @file `lmkg run --prefetch`: a study's hub model downloaded and verified into the cache from a
 * local hub (test/helpers/hub-server.ts), nothing written to --out; a second prefetch with the hub
 * gone needs no network.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadNlp } from '../../src/nlp/index.js';
import { runCli } from '../helpers/cli.js';
import { repositoryFiles, serveHub } from '../helpers/hub-server.js';
import { makeTinyModels } from '../helpers/tiny-models.js';
import { tempDir } from '../helpers/tmp.js';

test('lmkg run --prefetch: hub models into the cache before the workers start; nothing else written', async (t) => {
  const dir = tempDir(t);
  const [model] = await makeTinyModels(dir, { names: ['epoch-0'] });
  const hub = await serveHub({ repo: 'lmkg-test/tiny', files: repositoryFiles(model!) });
  t.after(() => hub.close());
  const cache = join(dir, 'cache');
  const parserModel = (await loadNlp({ trainLimit: 2000, typeEntities: false })).modelFile;
  const args = ['run', '--prefetch', '--models', 'lmkg-test/tiny', '--datasets', 'squad', '--parser-model', parserModel, '--out', join(dir, 'study')];
  const env = { HF_ENDPOINT: hub.url, LMKG_CACHE_DIR: cache };
  const first = await runCli(args, { env });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /lmkg-test\/tiny: downloading and verifying/);
  assert.match(first.stdout, /prefetch done/);
  assert.ok(existsSync(join(cache, 'hub', 'lmkg-test', 'tiny', 'onnx', 'model.onnx')));
  assert.ok(existsSync(join(cache, 'hub', 'lmkg-test', 'tiny', '.lmkg-hub.json')));
  assert.equal(existsSync(join(dir, 'study')), false, 'prefetch writes no run folder');
  await hub.close();
  const again = await runCli(args, { env });
  assert.equal(again.code, 0, again.stderr);
});
