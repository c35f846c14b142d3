/**
 * transformers.js loads a folder written by `lmkg model init` as it loads a hub model, and its
 * fill-mask pipeline agrees with lmkg's probe engine.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { AutoModelForMaskedLM, AutoTokenizer, pipeline } from '@huggingface/transformers';
import { MaskedLm, type Architecture } from '../../src/index.js';
import { tempDir } from '../helpers/tmp.js';
import { familyOf, makeModel, makeTokenizer } from './fixtures.js';

test('transformers.js AutoModelForMaskedLM and fill-mask load the exported folder and agree with lmkg', async (t) => {
  const dir = tempDir(t);
  const tokenizers = { bpe: await makeTokenizer('bpe', join(dir, 'bpe')), wordpiece: await makeTokenizer('wordpiece', join(dir, 'wp')) };
  for (const arch of ['bert', 'roberta', 'distilbert'] as Architecture[]) {
    const model = await makeModel(arch, tokenizers[familyOf(arch)], join(dir, arch), { std: 0.5, seed: 2 });
    const tokenizer = await AutoTokenizer.from_pretrained(model.dir, { local_files_only: true });
    const hfModel = await AutoModelForMaskedLM.from_pretrained(model.dir, { local_files_only: true, dtype: 'fp32' });
    const lm = await MaskedLm.load(model.dir);
    try {
      const sentence = 'Khatchig Mouradian was born in [MASK] .';
      const encoded = lm.encodeMasked(sentence)!;
      const text = sentence.replace('[MASK]', lm.maskToken);
      const inputs = tokenizer(text);
      assert.deepEqual(Array.from(inputs.input_ids.data as BigInt64Array, Number), encoded.ids, `${arch}: same token ids`);
      const { logits } = await hfModel(inputs);
      const vocab = model.config.vocabSize;
      const row = (logits.data as Float32Array).subarray(encoded.maskIndex * vocab, (encoded.maskIndex + 1) * vocab);
      const [ours] = await lm.maskLogits([encoded]);
      let maxDiff = 0;
      for (let i = 0; i < vocab; i += 1) maxDiff = Math.max(maxDiff, Math.abs(row[i]! - ours![i]!));
      assert.ok(maxDiff < 1e-4, `${arch}: transformers.js vs lmkg logits differ by ${maxDiff}`);

      const fill = await pipeline('fill-mask', model.dir, { local_files_only: true, dtype: 'fp32' });
      const output = (await fill(text, { top_k: 5 })) as Array<{ token: number; score: number }>;
      const ourTop = [...ours!].map((v, id) => [v, id] as const).sort((a, b) => b[0] - a[0]).slice(0, 5).map(([, id]) => id);
      assert.deepEqual(output.map((o) => o.token), ourTop, `${arch}: fill-mask top-5`);
      await fill.dispose();
    } finally {
      await lm.dispose();
      await hfModel.dispose();
    }
  }
});
