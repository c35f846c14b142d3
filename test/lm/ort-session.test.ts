import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { buildOnnxModel, checkCudaProvider, createOrtSession, cudaProviderPath, CUDA_INSTALL_COMMAND, initWeights, presetConfig } from '../../src/lm/index.js';
import { train } from '../../src/train/loop.js';
import { tempDir } from '../helpers/tmp.js';

const config = presetConfig('roberta', 'tiny', { vocabSize: 50, padTokenId: 1, bosTokenId: 0, eosTokenId: 2 }, { numLayers: 1 });
const bytes = () => buildOnnxModel(config, initWeights(config, { seed: 1 }));

test('createOrtSession runs on the CPU with a given thread count', async () => {
  const session = await createOrtSession(bytes(), { threads: 1 });
  assert.deepEqual(session.inputNames, ['input_ids', 'attention_mask']);
  await session.release();
});

test('--device cuda without the CUDA provider fails with a UsageError that says how to install it', async (t) => {
  if (existsSync(cudaProviderPath())) {
    t.skip('this machine has the CUDA provider installed');
    return;
  }
  await assert.rejects(createOrtSession(bytes(), { device: 'cuda' }), (error: unknown) => {
    assert.ok(error instanceof UsageError);
    assert.match(error.message, /CUDA execution provider is not installed/);
    assert.ok(error.message.includes(CUDA_INSTALL_COMMAND));
    assert.ok(error.message.includes(cudaProviderPath()));
    return true;
  });
  // training checks before it reads the corpus or writes anything
  const out = join(tempDir(t), 'run');
  await assert.rejects(train({ corpus: [join(out, 'no-such-corpus.txt')], out, config: { device: 'cuda' } }), /CUDA execution provider is not installed/);
  assert.equal(existsSync(out), false);
  await assert.rejects(train({ corpus: ['x'], out, config: { device: 'cuda', engine: 'tfjs' } }), /the tfjs engine runs on the CPU/);
  // the check looks at the provider library's file
  const fake = join(tempDir(t), 'libonnxruntime_providers_cuda.so');
  assert.throws(() => checkCudaProvider(fake), UsageError);
  writeFileSync(fake, '');
  if (process.platform === 'linux' && process.arch === 'x64') assert.doesNotThrow(() => checkCudaProvider(fake));
});
