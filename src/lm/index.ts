/**
 * @file Masked language models: configs, HF checkpoint I/O, safetensors, random init, ONNX
 * export, model sources, probing and LAMA metrics.
 */
export { ARCHITECTURES, MASKED_LM_CLASS, configFromHf, configToHf, validateConfig, maxSequenceLength, headSize, type Architecture, type MaskedLmConfig } from './config.js';
export { MODEL_PRESETS, presetConfig, type ModelPreset, type PresetTokens, type PresetOverrides } from './presets.js';
export { modelNames, parameterSpecs, countParameters, type ModelNames, type LayerNames, type LinearNames, type NormNames, type ParameterSpec, type ParameterKind } from './weight-names.js';
export { initWeights, sinusoidalTable, type WeightTensor, type ModelWeights, type InitWeightsOptions } from './weights.js';
export { parseSafetensors, readSafetensors, writeSafetensors, decodeFloat32, halfToFloat, safetensorsHeader, type SafetensorsFile, type SafetensorsEntry, type SafetensorsDtype, type TensorToWrite } from './safetensors.js';
export { loadCheckpoint, readModelConfig, weightsFromEntries, type LoadedCheckpoint } from './checkpoint.js';
export { buildOnnxModel, exportOnnx, onnxInputNames, ONNX_OPSET, type BuildOnnxOptions } from './onnx-export.js';
export { createOrtSession, checkCudaProvider, cudaProviderPath, CUDA_INSTALL_COMMAND, DEVICES, type Device, type OrtSessionOptions } from './ort-session.js';
export { writeFileAtomic, writeJsonAtomic } from '../files.js';
export { readTokenizerInfo, tokenizerDir, TOKENIZER_FILES, type TokenizerInfo, type TokenizerFamily, type SpecialToken } from './tokenizer-info.js';
export { tokenWord, vocabularyWords, fillMarker, normaliseWord, type TokenWord } from './token-words.js';
export { resolveModelSource, writeExportRecord, HUB_ALIASES, type ResolvedModelSource, type ModelSourceOptions } from './model-source.js';
export { MaskedLm, type MaskedLmOptions, type EncodedQuery } from './masked-lm.js';
export { logSumExp, topKIds, goldRank } from './scoring.js';
export { probeItems, planBatches, encodeQueries, goldInfo, commonVocabIds, factKey, type EngineOptions, type SkippedQuery, type GoldInfo, type Item as EncodedItem } from './probe-engine.js';
export { probe, createProber, type ProbeOptions, type ProbeResult, type ProbeProgress, type Prober } from './probe.js';
export { readPredictions, readPartialPredictions, readProbeMeta, metaPath, partialPath, runKey, type ProbeRunMeta } from './predictions-file.js';
export { lamaMetrics, type LamaMetrics, type LamaMetricsOptions, type LevelMetrics, type RelationMetrics, type SubstringCount } from './metrics.js';
export { writeModelFolder, checkTokenizerFits, tokenizerConfig, type WriteModelFolderOptions } from './model-folder.js';
export { initModel, type InitModelOptions, type InitModelResult } from './model-init.js';
export { PROBE_DEFAULTS, METRICS_DEFAULTS, INIT_DEFAULTS } from './defaults.js';
export type { PredictionRecord, TokenPrediction, FactPrediction, CommonVocabPrediction } from './prediction-types.js';
