import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DataFormatError, loadCheckpoint, UsageError, type MaskedLmConfig } from '../../src/index.js';
import { configFromHf, configToHf, initWeights, parameterSpecs, presetConfig, writeSafetensors } from '../../src/internal.js';
import { tempDir } from '../helpers/tmp.js';

const bert = (): MaskedLmConfig => presetConfig('bert', 'tiny', { vocabSize: 50, padTokenId: 0 }, { maxLength: 16 });

function writeFolder(dir: string, config: MaskedLmConfig, tensors: Array<{ name: string; shape: number[]; data: Float32Array }>): void {
  writeFileSync(join(dir, 'config.json'), JSON.stringify(configToHf(config)));
  writeSafetensors(join(dir, 'model.safetensors'), tensors);
}

test('HF-layout loading: old LayerNorm gamma/beta names, missing decoder, decoder-bias alias, extra weights', (t) => {
  const dir = tempDir(t);
  const config = bert();
  const weights = initWeights(config, { seed: 3 });
  const tensors = parameterSpecs(config).map((spec) => {
    let name = spec.name.replace(/LayerNorm\.weight$/, 'LayerNorm.gamma').replace(/LayerNorm\.bias$/, 'LayerNorm.beta');
    if (name === 'cls.predictions.bias') name = 'cls.predictions.decoder.bias';
    return { name, shape: spec.shape, data: weights.get(spec.name)!.data };
  });
  tensors.push(
    { name: 'bert.pooler.dense.weight', shape: [128, 128], data: new Float32Array(128 * 128) },
    { name: 'bert.pooler.dense.bias', shape: [128], data: new Float32Array(128) },
    { name: 'cls.seq_relationship.weight', shape: [2, 128], data: new Float32Array(256) },
  );
  writeFolder(dir, config, tensors);
  const loaded = loadCheckpoint(dir);
  assert.deepEqual(loaded.config, config);
  for (const spec of parameterSpecs(config)) assert.deepEqual(loaded.weights.get(spec.name)!.data, weights.get(spec.name)!.data, spec.name);
  assert.equal(loaded.notes.length, 2);
  assert.match(loaded.notes[0]!, /renamed 12 old LayerNorm gamma\/beta/);
  assert.match(loaded.notes[1]!, /ignored 3 weight\(s\).*bert\.pooler\.dense\.weight/);
  assert.ok(!loaded.weights.has('cls.predictions.decoder.weight'), 'the decoder is the word embeddings (tied), not a copy');
});

test('HF-layout loading: a base-model checkpoint without the "roberta." prefix, F16 weights', (t) => {
  const dir = tempDir(t);
  const config = presetConfig('roberta', 'tiny', { vocabSize: 40, padTokenId: 1 }, { maxLength: 16 });
  const weights = initWeights(config, { seed: 4 });
  // values exactly representable in F16 survive an F16 round trip unchanged
  for (const tensor of weights.values()) for (let i = 0; i < tensor.data.length; i += 1) tensor.data[i] = Math.round(tensor.data[i]! * 1024) / 1024;
  writeFileSync(join(dir, 'config.json'), JSON.stringify(configToHf(config)));
  const tensors = parameterSpecs(config).map((spec) => ({ name: spec.name.replace(/^roberta\./, ''), shape: spec.shape, data: weights.get(spec.name)!.data }));
  writeSafetensors(join(dir, 'model.safetensors'), tensors);
  const loaded = loadCheckpoint(dir);
  for (const spec of parameterSpecs(config)) assert.deepEqual(loaded.weights.get(spec.name)!.data, weights.get(spec.name)!.data, spec.name);
  assert.ok(loaded.notes.some((note) => /added the "roberta\." prefix/.test(note)));
});

test('HF-layout loading: a stored decoder weight that differs from the embeddings is noted (tied, as transformers does)', (t) => {
  const dir = tempDir(t);
  const config = bert();
  const weights = initWeights(config, { seed: 5 });
  const tensors = parameterSpecs(config).map((s) => ({ name: s.name, shape: s.shape, data: weights.get(s.name)!.data }));
  tensors.push({ name: 'cls.predictions.decoder.weight', shape: [50, 128], data: new Float32Array(50 * 128) });
  writeFolder(dir, config, tensors);
  const loaded = loadCheckpoint(dir);
  assert.deepEqual(loaded.notes, ['cls.predictions.decoder.weight differs from the word embeddings; it is tied to them, as transformers does when loading']);
});

test('HF-layout loading: a missing weight or a wrong shape is a DataFormatError', (t) => {
  const dir = tempDir(t);
  const config = bert();
  const weights = initWeights(config);
  const specs = parameterSpecs(config);
  writeFolder(dir, config, specs.filter((s) => !s.name.endsWith('layer.1.output.dense.weight')).map((s) => ({ name: s.name, shape: s.shape, data: weights.get(s.name)!.data })));
  assert.throws(() => loadCheckpoint(dir), (e: unknown) => e instanceof DataFormatError && /missing 1 weight\(s\).*bert\.encoder\.layer\.1\.output\.dense\.weight/.test(e.message));
  writeFolder(dir, config, specs.map((s) => (s.name === 'cls.predictions.bias' ? { name: s.name, shape: [49], data: new Float32Array(49) } : { name: s.name, shape: s.shape, data: weights.get(s.name)!.data })));
  assert.throws(() => loadCheckpoint(dir), (e: unknown) => e instanceof DataFormatError && /shape \[49\] does not match the config, which needs \[50\]/.test(e.message));
});

test('configs: DistilBERT field names, HF round trip, unsupported types', () => {
  const hf = {
    activation: 'gelu', architectures: ['DistilBertForMaskedLM'], attention_dropout: 0.1, dim: 768, dropout: 0.1, hidden_dim: 3072,
    initializer_range: 0.02, max_position_embeddings: 512, model_type: 'distilbert', n_heads: 12, n_layers: 6, pad_token_id: 0,
    qa_dropout: 0.1, seq_classif_dropout: 0.2, sinusoidal_pos_embds: false, tie_weights_: true, vocab_size: 30522,
  };
  const config = configFromHf(hf);
  assert.deepEqual(
    [config.arch, config.hiddenSize, config.numLayers, config.numHeads, config.intermediateSize, config.typeVocabSize, config.layerNormEps],
    ['distilbert', 768, 6, 12, 3072, 0, 1e-12],
  );
  assert.deepEqual(configFromHf(configToHf(config)), config);
  const roberta = presetConfig('roberta', 'base', { vocabSize: 50265, padTokenId: 1, bosTokenId: 0, eosTokenId: 2 });
  assert.deepEqual([roberta.maxPositions, roberta.typeVocabSize, roberta.layerNormEps, roberta.numLayers], [514, 1, 1e-5, 12]);
  assert.deepEqual(configFromHf(configToHf(roberta)), roberta);
  assert.throws(() => configFromHf({ ...hf, model_type: 'gpt2' }), UsageError);
  assert.throws(() => configFromHf({ ...configToHf(roberta), hidden_act: 'relu' }), UsageError);
  assert.throws(() => configFromHf({ ...configToHf(roberta), num_attention_heads: 5 }), DataFormatError);
});
