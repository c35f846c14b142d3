import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as ort from 'onnxruntime-node';
import { type Architecture } from '../../src/index.js';
import { buildOnnxModel, initWeights, presetConfig } from '../../src/internal.js';

async function run(session: ort.InferenceSession, ids: number[][], pad: number, extra: Record<string, ort.Tensor> = {}): Promise<ort.Tensor> {
  const width = Math.max(...ids.map((row) => row.length));
  const dims = [ids.length, width];
  const flat = ids.flatMap((row) => [...row, ...Array(width - row.length).fill(pad)]);
  const mask = ids.flatMap((row) => [...row.map(() => 1), ...Array(width - row.length).fill(0)]);
  const feeds: Record<string, ort.Tensor> = {
    input_ids: new ort.Tensor('int64', BigInt64Array.from(flat.map(BigInt)), dims),
    attention_mask: new ort.Tensor('int64', BigInt64Array.from(mask.map(BigInt)), dims),
    ...extra,
  };
  if (session.inputNames.includes('token_type_ids')) feeds.token_type_ids = new ort.Tensor('int64', new BigInt64Array(flat.length), dims);
  const output = await session.run(feeds);
  return output[session.outputNames[0]!]!;
}

test('ONNX export: names, dynamic axes, and the mask-rows probing graph equals the full graph', async () => {
  for (const arch of ['bert', 'roberta', 'distilbert'] as Architecture[]) {
    const pad = arch === 'roberta' ? 1 : 0;
    const config = presetConfig(arch, 'tiny', { vocabSize: 300, padTokenId: pad }, { maxLength: 64 });
    const weights = initWeights(config, { seed: 9, std: 0.3 });
    const full = await ort.InferenceSession.create(buildOnnxModel(config, weights));
    const rows = await ort.InferenceSession.create(buildOnnxModel(config, weights, { output: 'mask-logits' }));
    assert.deepEqual(full.inputNames, arch === 'bert' ? ['input_ids', 'attention_mask', 'token_type_ids'] : ['input_ids', 'attention_mask']);
    assert.deepEqual(full.outputNames, ['logits']);
    assert.deepEqual(rows.outputNames, ['mask_logits']);
    for (const ids of [[[5, 6, 7, 8, 9, 10]], [[5, 6, 7], [8, 9, 10, 11, 12, 13, 14], [20, 21]]]) {
      const positions = ids.map((row) => row.length - 2);
      const logits = await run(full, ids, pad);
      const width = Math.max(...ids.map((row) => row.length));
      assert.deepEqual(logits.dims, [ids.length, width, 300]);
      const maskLogits = await run(rows, ids, pad, { mask_positions: new ort.Tensor('int64', BigInt64Array.from(positions.map(BigInt)), [ids.length]) });
      assert.deepEqual(maskLogits.dims, [ids.length, 300]);
      const a = logits.data as Float32Array;
      const b = maskLogits.data as Float32Array;
      let maxDiff = 0;
      positions.forEach((position, row) => {
        for (let v = 0; v < 300; v += 1) maxDiff = Math.max(maxDiff, Math.abs(a[(row * width + position) * 300 + v]! - b[row * 300 + v]!));
      });
      assert.ok(maxDiff <= 1e-5, `${arch}: ${maxDiff}`);
    }
    await full.release();
    await rows.release();
  }
});
