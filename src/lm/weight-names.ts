/**
 * @file Hugging Face parameter names and shapes of the three masked-LM architectures, in the
 * order `save_pretrained` lists them. Linear weights are [out, in] (PyTorch layout). The decoder
 * weight is tied to the word embeddings and is not stored (as `save_pretrained` does).
 */
import type { MaskedLmConfig } from './config.js';

export interface LinearNames { weight: string; bias: string }
export interface NormNames { weight: string; bias: string }

export interface LayerNames {
  query: LinearNames;
  key: LinearNames;
  value: LinearNames;
  attentionOutput: LinearNames;
  /** Post-attention LayerNorm (BERT `attention.output.LayerNorm`, DistilBERT `sa_layer_norm`). */
  attentionNorm: NormNames;
  intermediate: LinearNames;
  output: LinearNames;
  outputNorm: NormNames;
}

export interface ModelNames {
  wordEmbeddings: string;
  positionEmbeddings: string;
  /** Null for DistilBERT. */
  tokenTypeEmbeddings: string | null;
  embeddingNorm: NormNames;
  layers: LayerNames[];
  /** MLM head: dense + GELU + LayerNorm, then the tied decoder with its own bias. */
  transform: LinearNames;
  transformNorm: NormNames;
  decoderBias: string;
  /** Name of the (tied, not stored) decoder weight, as HF names it. */
  decoderWeight: string;
  /** Other names of the decoder bias found in checkpoints (the same tied parameter). */
  decoderBiasAliases: string[];
}

const linear = (prefix: string): LinearNames => ({ weight: `${prefix}.weight`, bias: `${prefix}.bias` });

export function modelNames(config: MaskedLmConfig): ModelNames {
  if (config.arch === 'distilbert') {
    const p = 'distilbert';
    return {
      wordEmbeddings: `${p}.embeddings.word_embeddings.weight`,
      positionEmbeddings: `${p}.embeddings.position_embeddings.weight`,
      tokenTypeEmbeddings: null,
      embeddingNorm: linear(`${p}.embeddings.LayerNorm`),
      layers: Array.from({ length: config.numLayers }, (_, i) => {
        const l = `${p}.transformer.layer.${i}`;
        return {
          query: linear(`${l}.attention.q_lin`), key: linear(`${l}.attention.k_lin`), value: linear(`${l}.attention.v_lin`),
          attentionOutput: linear(`${l}.attention.out_lin`), attentionNorm: linear(`${l}.sa_layer_norm`),
          intermediate: linear(`${l}.ffn.lin1`), output: linear(`${l}.ffn.lin2`), outputNorm: linear(`${l}.output_layer_norm`),
        };
      }),
      transform: linear('vocab_transform'),
      transformNorm: linear('vocab_layer_norm'),
      decoderBias: 'vocab_projector.bias',
      decoderWeight: 'vocab_projector.weight',
      decoderBiasAliases: [],
    };
  }
  const p = config.arch;
  const head = config.arch === 'bert' ? 'cls.predictions' : 'lm_head';
  return {
    wordEmbeddings: `${p}.embeddings.word_embeddings.weight`,
    positionEmbeddings: `${p}.embeddings.position_embeddings.weight`,
    tokenTypeEmbeddings: `${p}.embeddings.token_type_embeddings.weight`,
    embeddingNorm: linear(`${p}.embeddings.LayerNorm`),
    layers: Array.from({ length: config.numLayers }, (_, i) => {
      const l = `${p}.encoder.layer.${i}`;
      return {
        query: linear(`${l}.attention.self.query`), key: linear(`${l}.attention.self.key`), value: linear(`${l}.attention.self.value`),
        attentionOutput: linear(`${l}.attention.output.dense`), attentionNorm: linear(`${l}.attention.output.LayerNorm`),
        intermediate: linear(`${l}.intermediate.dense`), output: linear(`${l}.output.dense`), outputNorm: linear(`${l}.output.LayerNorm`),
      };
    }),
    transform: config.arch === 'bert' ? linear(`${head}.transform.dense`) : linear(`${head}.dense`),
    transformNorm: config.arch === 'bert' ? linear(`${head}.transform.LayerNorm`) : linear(`${head}.layer_norm`),
    decoderBias: `${head}.bias`,
    decoderWeight: `${head}.decoder.weight`,
    decoderBiasAliases: [`${head}.decoder.bias`],
  };
}

export type ParameterKind = 'embedding' | 'linear-weight' | 'bias' | 'norm-weight' | 'norm-bias';

export interface ParameterSpec {
  name: string;
  shape: number[];
  kind: ParameterKind;
}

/** Every stored parameter with its shape, in HF order. */
export function parameterSpecs(config: MaskedLmConfig): ParameterSpec[] {
  const names = modelNames(config);
  const { hiddenSize: h, intermediateSize: ff, vocabSize: v } = config;
  const specs: ParameterSpec[] = [];
  const addLinear = (n: LinearNames, out: number, inp: number): void => {
    specs.push({ name: n.weight, shape: [out, inp], kind: 'linear-weight' }, { name: n.bias, shape: [out], kind: 'bias' });
  };
  const addNorm = (n: NormNames): void => {
    specs.push({ name: n.weight, shape: [h], kind: 'norm-weight' }, { name: n.bias, shape: [h], kind: 'norm-bias' });
  };
  specs.push({ name: names.wordEmbeddings, shape: [v, h], kind: 'embedding' });
  specs.push({ name: names.positionEmbeddings, shape: [config.maxPositions, h], kind: 'embedding' });
  if (names.tokenTypeEmbeddings) specs.push({ name: names.tokenTypeEmbeddings, shape: [config.typeVocabSize, h], kind: 'embedding' });
  addNorm(names.embeddingNorm);
  for (const layer of names.layers) {
    addLinear(layer.query, h, h);
    addLinear(layer.key, h, h);
    addLinear(layer.value, h, h);
    addLinear(layer.attentionOutput, h, h);
    addNorm(layer.attentionNorm);
    addLinear(layer.intermediate, ff, h);
    addLinear(layer.output, h, ff);
    addNorm(layer.outputNorm);
  }
  if (config.arch === 'bert') {
    specs.push({ name: names.decoderBias, shape: [v], kind: 'bias' });
    addLinear(names.transform, h, h);
    addNorm(names.transformNorm);
  } else if (config.arch === 'roberta') {
    specs.push({ name: names.decoderBias, shape: [v], kind: 'bias' });
    addLinear(names.transform, h, h);
    addNorm(names.transformNorm);
  } else {
    addLinear(names.transform, h, h);
    addNorm(names.transformNorm);
    specs.push({ name: names.decoderBias, shape: [v], kind: 'bias' });
  }
  return specs;
}

/** Number of parameters (the tied decoder counted once). */
export function countParameters(config: MaskedLmConfig): number {
  return parameterSpecs(config).reduce((sum, spec) => sum + spec.shape.reduce((a, b) => a * b, 1), 0);
}
