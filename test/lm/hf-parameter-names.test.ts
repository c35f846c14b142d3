/**
 * @file lmkg's model folders against Hugging Face's own parameter names (test/lm/fixtures/
 * hf-parameter-names.ts, typed from transformers' modeling code): the names lmkg writes are HF's,
 * and folders laid out as published checkpoints are (legacy LayerNorm names, an int64
 * `position_ids` buffer, pooler and next-sentence heads, a stored tied decoder) load and write back
 * as HF's names.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { loadCheckpoint, type Architecture, type MaskedLmConfig, type ModelWeights } from '../../src/index.js';
import { configToHf, initWeights, modelNames, parameterSpecs, readSafetensors, presetConfig, writeModelFolder } from '../../src/internal.js';
import { tempDir } from '../helpers/tmp.js';
import { makeTokenizer } from './fixtures.js';
import { HF_DECODER_WEIGHT, HF_EXTRA_NAMES, hfStoredNames, legacyLayerNormNames } from './fixtures/hf-parameter-names.js';

const ARCHS: Array<'bert' | 'roberta' | 'distilbert'> = ['bert', 'roberta', 'distilbert'];
const config = (arch: Architecture, vocabSize = 60): MaskedLmConfig =>
  presetConfig(arch, 'tiny', { vocabSize, padTokenId: 1, bosTokenId: 0, eosTokenId: 2 }, { maxLength: 32 });

let tokenizers: Record<'bpe' | 'wordpiece', string>;
before(async () => {
  const dir = tempDir({ after: (fn: () => void) => process.on('exit', fn) });
  tokenizers = { bpe: await makeTokenizer('bpe', join(dir, 'bpe')), wordpiece: await makeTokenizer('wordpiece', join(dir, 'wp')) };
});

interface RawTensor {
  name: string;
  dtype: 'F32' | 'I64';
  shape: number[];
  bytes: Uint8Array;
}

/** A safetensors file with any dtypes, laid out as the format specifies (header length, JSON, data). */
function writeRawSafetensors(file: string, tensors: RawTensor[]): void {
  const header: Record<string, unknown> = { __metadata__: { format: 'pt' } };
  let offset = 0;
  for (const t of tensors) {
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.bytes.byteLength] };
    offset += t.bytes.byteLength;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((json.length + 8) % 8)) % 8);
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(json.length));
  writeFileSync(file, Buffer.concat([prefix, Buffer.from(json), ...tensors.map((t) => Buffer.from(t.bytes))]));
}

const f32 = (name: string, shape: number[], data: Float32Array): RawTensor => ({ name, dtype: 'F32', shape, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });

/** A folder laid out as a published checkpoint of `arch` (see the file comment). */
function publishedCheckpoint(dir: string, arch: 'bert' | 'roberta' | 'distilbert', c: MaskedLmConfig, weights: ModelWeights): void {
  const names = modelNames(c);
  const tensors: RawTensor[] = [];
  if (arch !== 'distilbert') {
    const ids = BigInt64Array.from({ length: c.maxPositions }, (_, i) => BigInt(i));
    tensors.push({ name: `${arch}.embeddings.position_ids`, dtype: 'I64', shape: [1, c.maxPositions], bytes: new Uint8Array(ids.buffer) });
  }
  const stored = hfStoredNames(arch, c.numLayers);
  const written = arch === 'bert' ? legacyLayerNormNames(stored) : stored;
  parameterSpecs(c).forEach((spec, i) => tensors.push(f32(written[i]!, spec.shape, weights.get(spec.name)!.data)));
  tensors.push(f32(HF_DECODER_WEIGHT[arch], [c.vocabSize, c.hiddenSize], weights.get(names.wordEmbeddings)!.data));
  for (const name of HF_EXTRA_NAMES[arch]) {
    const shape = name.includes('seq_relationship') ? (name.endsWith('weight') ? [2, c.hiddenSize] : [2]) : name.endsWith('weight') ? [c.hiddenSize, c.hiddenSize] : [c.hiddenSize];
    tensors.push(f32(name, shape, new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(0.5)));
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(configToHf(c)));
  writeRawSafetensors(join(dir, 'model.safetensors'), tensors);
}

for (const arch of ARCHS) {
  test(`${arch}: the parameters lmkg stores are Hugging Face's, in state_dict order`, () => {
    for (const layers of [1, 2, 3]) {
      const c = { ...config(arch), numLayers: layers };
      assert.deepEqual(parameterSpecs(c).map((s) => s.name), hfStoredNames(arch, layers));
    }
    assert.equal(modelNames(config(arch)).decoderWeight, HF_DECODER_WEIGHT[arch]);
  });

  test(`${arch}: a folder laid out as a published checkpoint loads, and writes back with HF's names`, (t) => {
    const dir = tempDir(t);
    const tokenizer = arch === 'roberta' ? tokenizers.bpe : tokenizers.wordpiece;
    const c = config(arch, 2000);
    const weights = initWeights(c, { seed: 7, std: 0.1 });
    publishedCheckpoint(join(dir, 'published'), arch, c, weights);
    const loaded = loadCheckpoint(join(dir, 'published'));
    for (const spec of parameterSpecs(c)) assert.deepEqual(loaded.weights.get(spec.name)!.data, weights.get(spec.name)!.data, spec.name);
    if (arch === 'bert') assert.ok(loaded.notes.some((n) => /renamed \d+ old LayerNorm gamma\/beta/.test(n)));
    if (arch !== 'distilbert') assert.ok(loaded.notes.some((n) => /ignored \d+ weight\(s\)/.test(n) && n.includes('position_ids')));
    // write it back: exactly HF's stored names, float32, the tied decoder left out as save_pretrained does
    writeModelFolder(join(dir, 'round-trip'), { config: loaded.config, weights: loaded.weights, tokenizer, onnx: false });
    const file = readSafetensors(join(dir, 'round-trip', 'model.safetensors'));
    assert.deepEqual([...file.tensors.keys()], hfStoredNames(arch, c.numLayers));
    assert.ok([...file.tensors.values()].every((entry) => entry.dtype === 'F32'));
    assert.deepEqual(file.metadata, { format: 'pt' });
    const again = loadCheckpoint(join(dir, 'round-trip'));
    for (const spec of parameterSpecs(c)) assert.deepEqual(again.weights.get(spec.name)!.data, weights.get(spec.name)!.data, spec.name);
  });
}
