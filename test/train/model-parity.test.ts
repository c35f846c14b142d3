/**
 * The tfjs model definition (src/train/model.ts, wasm backend) and the ONNX export run by
 * onnxruntime-node agree on the logits of every position, padding included, for all three
 * architectures, on lmkg-made tiny models with lmkg-trained tokenizers.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { loadCheckpoint, type Architecture } from '../../src/index.js';
import { loadTokenizer } from '../../src/tokenizers/index.js';
import { initTfBackend } from '../../src/train/backend.js';
import { createTfMaskedLm, disposeTfMaskedLm, maskedLmLogits, weightsFromTfMaskedLm } from '../../src/train/model.js';
import { familyOf, makeModel, makeTokenizer } from '../lm/fixtures.js';
import { tempDir } from '../helpers/tmp.js';

const SENTENCES = ['Khatchig Mouradian was born in Lebanon .', 'He died in Paris .', 'The city of London is the capital of England and of the United Kingdom .'];

test('tfjs logits = onnxruntime logits (max abs diff <= 1e-4), with padding, for bert, roberta and distilbert', async (t) => {
  const dir = tempDir(t);
  assert.equal(await initTfBackend(), 'wasm');
  const tokenizers = { bpe: await makeTokenizer('bpe', join(dir, 'bpe')), wordpiece: await makeTokenizer('wordpiece', join(dir, 'wp')) };
  for (const arch of ['bert', 'roberta', 'distilbert'] as Architecture[]) {
    const model = await makeModel(arch, tokenizers[familyOf(arch)], join(dir, arch), { std: 0.1, seed: 7 });
    const tokenizer = await loadTokenizer(tokenizers[familyOf(arch)]);
    const encoded = SENTENCES.map((s) => tokenizer.encode(s));
    const width = Math.max(...encoded.map((ids) => ids.length));
    const pad = model.config.padTokenId;
    const ids = encoded.flatMap((row) => [...row, ...Array(width - row.length).fill(pad)]);
    const mask = encoded.flatMap((row) => [...row.map(() => 1), ...Array(width - row.length).fill(0)]);
    const types = encoded.flatMap((row) => [...row.map(() => 0), ...Array(width - row.length).fill(0)]);
    assert.ok(mask.includes(0), 'the batch has padding');

    const session = await ort.InferenceSession.create(join(model.dir, 'onnx', 'model.onnx'));
    const dims = [SENTENCES.length, width];
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), dims),
      attention_mask: new ort.Tensor('int64', BigInt64Array.from(mask.map(BigInt)), dims),
    };
    if (arch === 'bert') feeds.token_type_ids = new ort.Tensor('int64', BigInt64Array.from(types.map(BigInt)), dims);
    const onnxLogits = (await session.run(feeds)).logits!;
    assert.deepEqual(onnxLogits.dims, [SENTENCES.length, width, model.config.vocabSize]);
    await session.release();

    const checkpoint = loadCheckpoint(model.dir);
    const tfModel = createTfMaskedLm(checkpoint.config, checkpoint.weights, { trainable: false });
    const tfLogits = tf.tidy(() => maskedLmLogits(tfModel, {
      inputIds: tf.tensor2d(ids, dims as [number, number], 'int32'),
      attentionMask: tf.tensor2d(mask, dims as [number, number], 'int32'),
      tokenTypeIds: tf.tensor2d(types, dims as [number, number], 'int32'),
    }).dataSync());
    // the tfjs parameters convert back to the PyTorch layout unchanged
    const back = weightsFromTfMaskedLm(tfModel);
    for (const [name, tensor] of checkpoint.weights) assert.deepEqual(back.get(name)!.data, tensor.data, name);
    disposeTfMaskedLm(tfModel);

    const a = onnxLogits.data as Float32Array;
    let maxDiff = 0;
    let maxAbs = 0;
    for (let i = 0; i < a.length; i += 1) {
      maxDiff = Math.max(maxDiff, Math.abs(a[i]! - tfLogits[i]!));
      maxAbs = Math.max(maxAbs, Math.abs(a[i]!));
    }
    assert.ok(maxAbs > 0.5, `${arch}: logits are not trivially small (max |logit| ${maxAbs})`);
    assert.ok(maxDiff <= 1e-4, `${arch}: max abs diff ${maxDiff}`);
  }
});
