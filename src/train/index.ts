/**
 * @file Training (issues 5 and 16): two engines (one ONNX graph per step run by onnxruntime, and
 * tfjs as the reference), the backend setup, the tfjs definition of the masked LMs, the
 * data pipeline (corpus, lama-evidence holdout, blocks, dynamic masking), AdamW with the linear
 * warm-up/decay schedule, the loop and its checkpoints.
 */
export { initTfBackend, type TfBackendName } from './backend.js';
export {
  createTfMaskedLm, weightsFromTfMaskedLm, disposeTfMaskedLm, maskedLmLogits, maskedLmHidden, maskedLmHead, matMul2d, gelu, layerNorm,
  type TfMaskedLm, type TfMaskedLmInputs, type TfForwardOptions,
} from './model.js';
export { registerWasmTrainingKernels } from './kernels.js';
export { TRAIN_DEFAULTS, TRAIN_PRESET_NAMES, type TrainConfig } from './defaults.js';
export { resolveTrainConfig, readTrainPreset, presetsFolder } from './config.js';
export { buildEvidenceCorpus, parseEvidenceSource, EVIDENCE_PREFIX, type EvidenceCorpus, type EvidenceCorpusOptions } from './evidence-corpus.js';
export { makeExamples, padBatch, type BlockMode, type BlockSpec, type PaddedBatch } from './blocks.js';
export { maskBatch, type MaskingSpec, type MaskedBatch } from './masking.js';
export { linearWarmupDecay } from './schedule.js';
export { AdamW, clipByGlobalNorm, decaysParameter, adamOptions, type AdamWOptions, type AdamWState } from './optimizer.js';
export { createTrainingEngine, ENGINE_NAMES, type EngineName, type TrainingEngine, type EngineSetup, type MicroBatchInput, type StepResult } from './engine.js';
export { resolveRuntime, resumeRuntime, type TrainingRuntime, type RuntimeOverrides } from './runtime.js';

export { flatLayout, packWeights, unpackWeights, type FlatLayout, type FlatBlock } from './onnx-layout.js';
export { buildTrainingGraph, batchInputNames, TRAINING_OPSET, type TrainingGraphOptions, type AdamWHyper } from './onnx-step-graph.js';
export { trainingFeeds, fillDropoutMask, type MaskedMicroBatch, type FeedArrays } from './onnx-feeds.js';
export { mlmLoss, type MlmBatch } from './loss.js';
export { prepareTrainingData, readTrainingLines, type PrepareDataOptions, type TrainingData } from './training-data.js';
export {
  writeTrainingCheckpoint, readTrainingCheckpoint, listTrainingCheckpoints, readTrainerState, TRAINER_STATE_FILE, OPTIMIZER_FILE,
  type TrainerState, type LogEntry, type CheckpointRef,
} from './checkpoint.js';
export { train, resumeTraining, epochOrder, TRAIN_RUN_FILE, HOLDOUT_FILE, type TrainOptions, type ResumeOptions, type TrainProgress, type TrainResult } from './loop.js';
export { trainProblems, preflightTrain, checkpointSpace, CHECKPOINT_BYTES_PER_PARAMETER, type TrainPreflightInput } from './preflight.js';
export { TRAIN_OPTIONS } from './options.js';
