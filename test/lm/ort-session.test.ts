import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { buildOnnxModel, checkCudaProvider, createOrtSession, cudaProviderPath, CUDA_INSTALL_COMMAND, initWeights, presetConfig } from '../../src/lm/index.js';
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
  // the check looks at the provider library's file
  const fake = join(tempDir(t), 'libonnxruntime_providers_cuda.so');
  assert.throws(() => checkCudaProvider(fake), UsageError);
  writeFileSync(fake, '');
  if (process.platform === 'linux' && process.arch === 'x64') assert.doesNotThrow(() => checkCudaProvider(fake));
});
