/**
 * @file Model configs: Hugging Face `config.json` for BERT, RoBERTa and DistilBERT masked LMs,
 * read into one normalised shape and written back in each architecture's own field names
 * (DistilBERT says dim / n_layers / n_heads / hidden_dim where the others say hidden_size ...).
 */
import { DataFormatError, UsageError } from '../errors.js';

/** The masked LM architectures lmkg builds: bert, roberta, distilbert. */
export const ARCHITECTURES = Object.freeze(['bert', 'roberta', 'distilbert'] as const);
/** A masked LM architecture. */
export type Architecture = (typeof ARCHITECTURES)[number];

/** The HF class each architecture's masked-LM checkpoint is saved as (`architectures` in config.json). */
export const MASKED_LM_CLASS: Readonly<Record<Architecture, string>> = Object.freeze({
  bert: 'BertForMaskedLM',
  roberta: 'RobertaForMaskedLM',
  distilbert: 'DistilBertForMaskedLM',
});

/** One config shape for all three architectures (names as in BERT's config). */
export interface MaskedLmConfig {
  arch: Architecture;
  vocabSize: number;
  hiddenSize: number;
  numLayers: number;
  numHeads: number;
  intermediateSize: number;
  /** Rows of the position table (RoBERTa: usable length + padding offset, 514 for 512 tokens). */
  maxPositions: number;
  /** Rows of the token-type table; 0 for DistilBERT, which has none. */
  typeVocabSize: number;
  layerNormEps: number;
  padTokenId: number;
  bosTokenId: number | null;
  eosTokenId: number | null;
  /** DistilBERT only: fixed sinusoidal position table (false in distilbert-base). */
  sinusoidalPositions: boolean;
  hiddenDropout: number;
  attentionDropout: number;
  /** Std of the normal init (HF `initializer_range`). */
  initializerRange: number;
}

/** The longest input (special tokens included) the position table allows. */
export function maxSequenceLength(config: MaskedLmConfig): number {
  // RoBERTa's position ids start at padding_idx + 1 (HF create_position_ids_from_input_ids).
  return config.arch === 'roberta' ? config.maxPositions - config.padTokenId - 1 : config.maxPositions;
}

export function headSize(config: MaskedLmConfig): number {
  return config.hiddenSize / config.numHeads;
}

/** Checks the numbers hang together; `where` names the source for messages. */
export function validateConfig(config: MaskedLmConfig, where: string): MaskedLmConfig {
  const positive: Array<keyof MaskedLmConfig> = ['vocabSize', 'hiddenSize', 'numLayers', 'numHeads', 'intermediateSize', 'maxPositions'];
  for (const key of positive) {
    const value = config[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      throw new DataFormatError({ file: where, field: key }, `expected a positive integer, got ${JSON.stringify(value)}`);
    }
  }
  if (config.hiddenSize % config.numHeads !== 0) {
    throw new DataFormatError({ file: where, field: 'num_attention_heads' }, `hidden size ${config.hiddenSize} is not a multiple of the ${config.numHeads} heads`);
  }
  if (!Number.isInteger(config.padTokenId) || config.padTokenId < 0 || config.padTokenId >= config.vocabSize) {
    throw new DataFormatError({ file: where, field: 'pad_token_id' }, `expected an id below vocab_size ${config.vocabSize}, got ${config.padTokenId}`);
  }
  if (config.arch === 'roberta' && config.maxPositions <= config.padTokenId + 1) {
    throw new DataFormatError({ file: where, field: 'max_position_embeddings' }, `RoBERTa needs more than pad_token_id + 1 = ${config.padTokenId + 1} positions, got ${config.maxPositions}`);
  }
  if (config.arch !== 'distilbert' && (!Number.isInteger(config.typeVocabSize) || config.typeVocabSize < 1)) {
    throw new DataFormatError({ file: where, field: 'type_vocab_size' }, `expected a positive integer, got ${config.typeVocabSize}`);
  }
  if (!(config.layerNormEps > 0)) throw new DataFormatError({ file: where, field: 'layer_norm_eps' }, `expected a positive number, got ${config.layerNormEps}`);
  return config;
}

type Json = Record<string, unknown>;

/** Reads a parsed HF config.json. Throws DataFormatError (bad fields) or UsageError (an architecture lmkg does not run). */
export function configFromHf(json: Json, where = 'config.json'): MaskedLmConfig {
  const modelType = json.model_type;
  if (typeof modelType !== 'string') throw new DataFormatError({ file: where, field: 'model_type' }, 'required field is missing');
  if (!(ARCHITECTURES as readonly string[]).includes(modelType)) {
    throw new UsageError(`${where}: model_type "${modelType}" is not supported; lmkg runs ${ARCHITECTURES.join(', ')} masked LMs`);
  }
  const arch = modelType as Architecture;
  const num = (field: string, fallback?: number): number => {
    const value = json[field];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new DataFormatError({ file: where, field }, value === undefined ? 'required field is missing' : `expected a number, got ${JSON.stringify(value)}`);
    }
    return value;
  };
  const optionalId = (field: string): number | null => (typeof json[field] === 'number' ? (json[field] as number) : null);
  const activation = arch === 'distilbert' ? json.activation ?? 'gelu' : json.hidden_act ?? 'gelu';
  if (activation !== 'gelu') {
    throw new UsageError(`${where}: activation "${String(activation)}" is not supported; lmkg implements the erf GELU ("gelu") that BERT, RoBERTa and DistilBERT use`);
  }
  const positionType = json.position_embedding_type ?? 'absolute';
  if (positionType !== 'absolute') {
    throw new UsageError(`${where}: position_embedding_type "${String(positionType)}" is not supported; lmkg implements "absolute"`);
  }
  if (arch === 'distilbert') {
    return validateConfig({
      arch, vocabSize: num('vocab_size'), hiddenSize: num('dim'), numLayers: num('n_layers'), numHeads: num('n_heads'),
      intermediateSize: num('hidden_dim'), maxPositions: num('max_position_embeddings'), typeVocabSize: 0,
      layerNormEps: 1e-12, // fixed in HF's DistilBERT
      padTokenId: num('pad_token_id', 0), bosTokenId: null, eosTokenId: null,
      sinusoidalPositions: json.sinusoidal_pos_embds === true,
      hiddenDropout: num('dropout', 0.1), attentionDropout: num('attention_dropout', 0.1), initializerRange: num('initializer_range', 0.02),
    }, where);
  }
  return validateConfig({
    arch, vocabSize: num('vocab_size'), hiddenSize: num('hidden_size'), numLayers: num('num_hidden_layers'),
    numHeads: num('num_attention_heads'), intermediateSize: num('intermediate_size'), maxPositions: num('max_position_embeddings'),
    typeVocabSize: num('type_vocab_size', arch === 'roberta' ? 1 : 2), layerNormEps: num('layer_norm_eps', 1e-12),
    padTokenId: num('pad_token_id', arch === 'roberta' ? 1 : 0), bosTokenId: optionalId('bos_token_id'), eosTokenId: optionalId('eos_token_id'),
    sinusoidalPositions: false,
    hiddenDropout: num('hidden_dropout_prob', 0.1), attentionDropout: num('attention_probs_dropout_prob', 0.1),
    initializerRange: num('initializer_range', 0.02),
  }, where);
}

/** The HF config.json for a config, in the architecture's own field names (as `save_pretrained` writes it). */
export function configToHf(config: MaskedLmConfig): Json {
  const common = { architectures: [MASKED_LM_CLASS[config.arch]], model_type: config.arch };
  if (config.arch === 'distilbert') {
    return {
      ...common, activation: 'gelu', attention_dropout: config.attentionDropout, dim: config.hiddenSize, dropout: config.hiddenDropout,
      hidden_dim: config.intermediateSize, initializer_range: config.initializerRange, max_position_embeddings: config.maxPositions,
      n_heads: config.numHeads, n_layers: config.numLayers, pad_token_id: config.padTokenId, qa_dropout: 0.1, seq_classif_dropout: 0.2,
      sinusoidal_pos_embds: config.sinusoidalPositions, tie_weights_: true, torch_dtype: 'float32', vocab_size: config.vocabSize,
    };
  }
  return {
    ...common, attention_probs_dropout_prob: config.attentionDropout,
    ...(config.bosTokenId === null ? {} : { bos_token_id: config.bosTokenId }),
    ...(config.eosTokenId === null ? {} : { eos_token_id: config.eosTokenId }),
    hidden_act: 'gelu', hidden_dropout_prob: config.hiddenDropout, hidden_size: config.hiddenSize,
    initializer_range: config.initializerRange, intermediate_size: config.intermediateSize, layer_norm_eps: config.layerNormEps,
    max_position_embeddings: config.maxPositions, num_attention_heads: config.numHeads, num_hidden_layers: config.numLayers,
    pad_token_id: config.padTokenId, position_embedding_type: 'absolute', torch_dtype: 'float32', type_vocab_size: config.typeVocabSize,
    use_cache: true, vocab_size: config.vocabSize,
  };
}
