import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initModel, InvalidOptionError, UsageError, type Architecture } from '../../src/index.js';
import { modelNames, parameterSpecs, readSafetensors, readTokenizerInfo, decodeFloat32, configFromHf } from '../../src/internal.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { familyOf, makeTokenizer } from './fixtures.js';

const CLASSES = { bert: 'BertForMaskedLM', roberta: 'RobertaForMaskedLM', distilbert: 'DistilBertForMaskedLM' };

test('lmkg model init writes an HF folder with HF init for bert, roberta and distilbert', async (t) => {
  const dir = tempDir(t);
  const tokenizers = { bpe: await makeTokenizer('bpe', join(dir, 'bpe')), wordpiece: await makeTokenizer('wordpiece', join(dir, 'wp')) };
  for (const arch of ['bert', 'roberta', 'distilbert'] as Architecture[]) {
    const out = join(dir, arch);
    const tokenizer = tokenizers[familyOf(arch)];
    const run = await runCli(['model', 'init', '--arch', arch, '--preset', 'tiny', '--tokenizer', tokenizer, '--out', out, '--seed', '5']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`wrote .*${arch} tiny, 2 layers, hidden 128, 2 heads, vocab 2000`));
    for (const file of ['config.json', 'model.safetensors', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx', 'onnx/model.onnx.lmkg.json', 'lmkg_model.json']) {
      assert.ok(existsSync(join(out, file)), `${arch}: ${file}`);
    }
    const hf = JSON.parse(readFileSync(join(out, 'config.json'), 'utf8'));
    const info = readTokenizerInfo(tokenizer);
    assert.deepEqual(hf.architectures, [CLASSES[arch]]);
    assert.equal(hf.model_type, arch);
    assert.equal(hf.vocab_size, 2000);
    assert.equal(hf.pad_token_id, info.pad!.id);
    const config = configFromHf(hf);
    const file = readSafetensors(join(out, 'model.safetensors'));
    assert.deepEqual(file.metadata, { format: 'pt' });
    assert.deepEqual([...file.tensors.keys()], parameterSpecs(config).map((s) => s.name));
    assert.ok(!file.tensors.has(modelNames(config).decoderWeight), 'the tied decoder weight is not stored');
    // HF _init_weights: normal(0, 0.02) weights, zero biases, unit LayerNorm, padding row zero
    for (const spec of parameterSpecs(config)) {
      const values = decodeFloat32(file.tensors.get(spec.name)!);
      if (spec.kind === 'norm-weight') assert.ok(values.every((v) => v === 1), spec.name);
      else if (spec.kind === 'bias' || spec.kind === 'norm-bias') assert.ok(values.every((v) => v === 0), spec.name);
      else if (values.length >= 10000) {
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
        assert.ok(Math.abs(mean) < 0.002 && Math.abs(std - 0.02) < 0.001, `${spec.name}: mean ${mean}, std ${std}`);
      }
    }
    const words = decodeFloat32(file.tensors.get(modelNames(config).wordEmbeddings)!);
    assert.ok(words.subarray(info.pad!.id * 128, info.pad!.id * 128 + 128).every((v) => v === 0), 'padding row is zero');
    assert.ok(words.subarray(info.mask!.id * 128, info.mask!.id * 128 + 128).some((v) => v !== 0));
    const record = JSON.parse(readFileSync(join(out, 'lmkg_model.json'), 'utf8'));
    assert.deepEqual(record.init, { arch, preset: 'tiny', seed: 5, std: 0.02, maxLength: 512 });
  }
  // the same seed gives the same weights, another seed other weights
  const again = await initModel({ arch: 'bert', tokenizer: tokenizers.wordpiece, out: join(dir, 'again'), seed: 5 });
  const other = await initModel({ arch: 'bert', tokenizer: tokenizers.wordpiece, out: join(dir, 'other'), seed: 6 });
  const first = JSON.parse(readFileSync(join(dir, 'bert', 'lmkg_model.json'), 'utf8')).weightsSha256;
  assert.equal(again.weightsSha256, first);
  assert.notEqual(other.weightsSha256, first);
  // a base preset has the published shapes
  assert.deepEqual([again.config.numLayers, again.config.hiddenSize], [2, 128]);

  // errors: an existing folder is not overwritten; a bad arch or preset is an invalid option
  const refused = await runCli(['model', 'init', '--arch', 'bert', '--tokenizer', tokenizers.wordpiece, '--out', join(dir, 'bert')]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /already exists and is not empty/);
  const badArch = await runCli(['model', 'init', '--arch', 'gpt2', '--tokenizer', tokenizers.wordpiece, '--out', join(dir, 'x')]);
  assert.equal(badArch.code, 2);
  await assert.rejects(initModel({ arch: 'bert', preset: 'huge' as 'tiny', tokenizer: tokenizers.wordpiece, out: join(dir, 'y') }), InvalidOptionError);
  await assert.rejects(initModel({ arch: 'bert', tokenizer: tokenizers.wordpiece, out: join(dir, 'bert') }), UsageError);
  // --overwrite replaces the folder (swapped in whole)
  const replaced = await initModel({ arch: 'bert', tokenizer: tokenizers.wordpiece, out: join(dir, 'bert'), seed: 6, overwrite: true });
  assert.equal(replaced.weightsSha256, other.weightsSha256);
  assert.equal(JSON.parse(readFileSync(join(dir, 'bert', 'lmkg_model.json'), 'utf8')).weightsSha256, other.weightsSha256);
});
