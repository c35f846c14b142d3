/**
 * @file Masked language models: configs, HF checkpoint I/O, safetensors, random init, ONNX
 * export, model sources (hub downloads checked), and the inference session (`MaskedLm`). Probing
 * is a stage of its own (src/probe/).
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
export { resolveModelSource, writeExportRecord, HUB_ALIASES, type ResolvedModelSource, type ModelSourceOptions } from './model-source.js';
export { MaskedLm, type MaskedLmOptions, type EncodedQuery, type EncodedPieces } from './masked-lm.js';
export { writeModelFolder, checkTokenizerFits, tokenizerConfig, type WriteModelFolderOptions } from './model-folder.js';
export { initModel, type InitModelOptions, type InitModelResult } from './model-init.js';
export { INIT_DEFAULTS, HUB_DEFAULTS } from './defaults.js';
export { hubEndpoint, hubFileUrl, hubFileMetadata, hubFileMismatch, fileHash, type HubFileMetadata, type HubRequestOptions } from './hub-metadata.js';
export { downloadHubRepo, readHubRecord, HUB_RECORD_FILE, type HubRecord, type HubDownloadOptions, type HubDownloadProgress } from './hub-download.js';
export { modelProblems, modelProblem, type ModelPreflightOptions } from './preflight.js';
export { MODEL_INIT_OPTIONS } from './options.js';
