/**
 * @file The masked-language-model training loop (issue 5), readable in one sitting.
 *
 *   corpus -> tokenizer -> examples -> epoch-0 (random init)
 *   for each epoch: shuffle (seeded by seed, epoch); for each optimizer step:
 *     for each of gradAccumulation micro-batches: pad, mask dynamically (seeded by seed, epoch,
 *       micro-batch), forward with dropout (seeded from the same generator), loss, gradients
 *     clip the global gradient norm, AdamW step with the warm-up/decay learning rate
 *   checkpoint at every saveEpochs-th epoch end and the last (and every saveSteps steps) -> epoch-<n>/ (or step-<n>/)
 *
 * Every random draw derives from (seed, epoch, micro-batch), so a run resumed from any checkpoint
 * takes exactly the steps an uninterrupted run takes.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { checkCudaProvider, countParameters, initWeights, presetConfig, writeJsonAtomic, type MaskedLmConfig } from '../lm/index.js';
import { mixSeed, SeededRandom } from '../random.js';
import { LMKG_VERSION } from '../version.js';
import { specialTokenIds } from '../tokenizers/index.js';
import { padBatch } from './blocks.js';
import { listTrainingCheckpoints, readTrainingCheckpoint, writeTrainingCheckpoint, type LogEntry, type TrainerState } from './checkpoint.js';
import { resolveTrainConfig } from './config.js';
import { preflightTrain } from './preflight.js';
import type { TrainConfig } from './defaults.js';
import { createTrainingEngine, type MicroBatchInput, type TrainingEngine } from './engine.js';
import { maskBatch, type MaskingSpec } from './masking.js';
import { resolveRuntime, resumeRuntime, type RuntimeOverrides, type TrainingRuntime } from './runtime.js';
import { buildSalientTable } from './salient-spans.js';
import { linearWarmupDecay } from './schedule.js';
import { prepareTrainingData, type PrepareDataOptions, type TrainingData } from './training-data.js';

export const TRAIN_RUN_FILE = 'train_run.json';
export const HOLDOUT_FILE = 'holdout.json';

/** Options of `train`: config, output folder, progress, stop signal. */
export interface TrainOptions {
  /** Text files, folders of *.txt, or `lama-evidence:<dataset>[,...]`. */
  corpus: string[];
  /** The run folder: epoch-<n>/ checkpoints, tokenizer/, train_run.json, holdout.json. */
  out: string;
  /** tiny, small, paper, or a path to a preset JSON file (default tiny). */
  preset?: string;
  /** Settings over the preset (see TRAIN_DEFAULTS). */
  config?: Partial<TrainConfig>;
  /** An existing tokenizer; else a byte-level BPE is trained on the corpus. */
  tokenizer?: string;
  /** Share of LAMA subjects held out of a lama-evidence: corpus. */
  holdout?: number;
  dataDir?: string;
  onProgress?: (event: TrainProgress) => void;
  /** Stops after the current step, leaving every checkpoint written so far valid. */
  signal?: AbortSignal;
}

/** Progress events of `train`. */
export type TrainProgress =
  | { stage: 'prepare'; message: string }
  | { stage: 'step'; epoch: number; epochs: number; step: number; totalSteps: number; loss: number; learningRate: number; tokensPerSecond: number; etaSeconds: number }
  | { stage: 'checkpoint'; name: string; dir: string };

/** What a `train` call wrote and ran: checkpoints, trainer state, backend and speed. */
export interface TrainResult {
  out: string;
  /** Checkpoint folders written by this call, in order. */
  checkpoints: string[];
  state: TrainerState;
  /** What ran the steps, e.g. "onnxruntime cpu, 2 threads" or "tfjs-wasm". */
  backend: string;
  parameters: number;
  /** Mean tokens per second over the steps this call ran. */
  tokensPerSecond: number;
}

interface RunRecord {
  lmkgVersion: string;
  createdAt: string;
  corpus: string[];
  tokenizer: string | null;
  holdout: number;
  dataDir: string | null;
  preset: string | null;
  config: TrainConfig;
  modelConfig: MaskedLmConfig;
  data: { lines: number; examples: number; tokens: number };
}

/** Trains from scratch into `options.out` (which must not hold checkpoints yet). */
export async function train(options: TrainOptions): Promise<TrainResult> {
  const out = resolve(options.out);
  if (listTrainingCheckpoints(out).length > 0) {
    throw new UsageError(`train: ${out} already holds checkpoints; continue it with --resume ${options.out}, or choose another folder`);
  }
  const requested = resolveTrainConfig(options.preset ?? 'tiny', options.config ?? {});
  const runtime = resolveRuntime(requested);
  const config: TrainConfig = { ...requested, ...runtime }; // the record keeps the resolved engine and threads
  if (runtime.device === 'cuda') checkCudaProvider(); // before any work
  await preflightTrain({ corpus: options.corpus, out, tokenizer: options.tokenizer, dataDir: options.dataDir }, config);
  mkdirSync(out, { recursive: true });
  options.onProgress?.({ stage: 'prepare', message: 'reading the corpus and preparing the tokenizer' });
  const data = await prepareTrainingData({
    corpus: options.corpus, out, ...(options.tokenizer ? { tokenizer: options.tokenizer } : {}),
    ...(options.holdout === undefined ? {} : { holdout: options.holdout }), ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    onProgress: prepareProgress(options.onProgress),
  }, config);
  const modelConfig = modelConfigFor(config, data);
  const record: RunRecord = {
    lmkgVersion: LMKG_VERSION, createdAt: new Date().toISOString(), corpus: options.corpus,
    tokenizer: options.tokenizer ?? null, holdout: options.holdout ?? 0, dataDir: options.dataDir ?? null,
    preset: options.preset ?? 'tiny', config, modelConfig,
    data: { lines: data.lines, examples: data.examples.length, tokens: data.tokens },
  };
  writeJsonAtomic(join(out, TRAIN_RUN_FILE), record);
  if (data.evidence) {
    const { lines: _lines, ...split } = data.evidence;
    writeJsonAtomic(join(out, HOLDOUT_FILE), split);
  }
  return runTraining(out, record, data, null, runtime, options);
}

/** Options of `resumeTraining`. */
export interface ResumeOptions extends Pick<TrainOptions, 'onProgress' | 'signal' | 'dataDir'> {
  /** Engine, device or threads other than the recorded ones (honoured with a warning: not bit-exact). */
  runtime?: RuntimeOverrides;
}

/** Continues the run in `out` from its latest checkpoint, on the engine, device and threads it recorded. */
export async function resumeTraining(out: string, options: ResumeOptions = {}): Promise<TrainResult> {
  const dir = resolve(out);
  const recordFile = join(dir, TRAIN_RUN_FILE);
  if (!existsSync(recordFile)) throw new UsageError(`train --resume: ${dir} has no ${TRAIN_RUN_FILE}; it is not an lmkg training run`);
  const record = JSON.parse(readFileSync(recordFile, 'utf8')) as RunRecord;
  const latest = listTrainingCheckpoints(dir).at(-1);
  if (!latest) throw new UsageError(`train --resume: ${dir} has no finished checkpoint to resume from; start again without --resume`);
  options.onProgress?.({ stage: 'prepare', message: `resuming from ${latest.name}` });
  const { runtime, warnings } = resumeRuntime(record.config, options.runtime ?? {});
  if (runtime.device === 'cuda') checkCudaProvider();
  for (const warning of warnings) options.onProgress?.({ stage: 'prepare', message: `warning: ${warning}` });
  const tokenizer = record.tokenizer ?? join(dir, 'tokenizer');
  const dataDir = options.dataDir ?? record.dataDir ?? undefined;
  // the corpus, tokenizer and room for the checkpoints still to come, before the data is read again
  await preflightTrain({
    corpus: record.corpus, out: dir, tokenizer, dataDir, outFlag: 'the run folder', checkpointsWritten: listTrainingCheckpoints(dir).length,
  }, record.config, 'train --resume');
  const data = await prepareTrainingData({
    corpus: record.corpus, tokenizer, out: dir, holdout: record.holdout, ...(dataDir ? { dataDir } : {}),
    onProgress: prepareProgress(options.onProgress),
  }, record.config);
  if (data.examples.length !== record.data.examples) {
    throw new UsageError(`train --resume: the corpus now gives ${data.examples.length} examples, the run was started with ${record.data.examples}; the data changed`);
  }
  return runTraining(dir, record, data, latest.dir, runtime, options);
}

function modelConfigFor(config: TrainConfig, data: TrainingData): MaskedLmConfig {
  const { pad, bos, eos } = data.tokenizer.specials;
  const base = presetConfig(config.arch, 'tiny', {
    vocabSize: data.tokenizer.vocabSize, padTokenId: pad!.id, bosTokenId: bos?.id ?? null, eosTokenId: eos?.id ?? null,
  }, { maxLength: config.maxLength, initializerRange: config.initStd, numLayers: config.numLayers });
  return {
    ...base,
    hiddenSize: config.hiddenSize, numHeads: config.numHeads, intermediateSize: config.intermediateSize,
    hiddenDropout: config.hiddenDropout, attentionDropout: config.attentionDropout,
  };
}

async function runTraining(
  out: string, record: RunRecord, data: TrainingData, resumeFrom: string | null, runtime: TrainingRuntime,
  options: Pick<TrainOptions, 'onProgress' | 'signal'>,
): Promise<TrainResult> {
  const { modelConfig } = record;
  const config: TrainConfig = { ...record.config, ...runtime };
  const n = data.examples.length;
  const microPerEpoch = Math.ceil(n / config.batchSize);
  const stepsPerEpoch = Math.ceil(microPerEpoch / config.gradAccumulation);
  const fullSteps = config.epochs * stepsPerEpoch;
  const totalSteps = config.maxSteps > 0 ? Math.min(config.maxSteps, fullSteps) : fullSteps;
  const warmupSteps = Math.round(config.warmupRatio * totalSteps);
  const { mask, pad } = data.tokenizer.specials;
  const masking: MaskingSpec = {
    maskId: mask!.id, vocabSize: data.tokenizer.vocabSize, probability: config.mlmProbability,
    specialIds: specialTokenIds(data.tokenizer.specials),
    ...(config.salientSpanProbability > 0
      ? { salient: { table: buildSalientTable(data.tokenizer, data.examples), probability: config.salientSpanProbability, mode: config.salientSpanMode } }
      : {}),
  };
  const written: string[] = [];
  let state: TrainerState;
  let engine: TrainingEngine;
  if (resumeFrom) {
    const checkpoint = readTrainingCheckpoint(resumeFrom);
    engine = await createTrainingEngine(runtime.engine, { modelConfig, config, weights: checkpoint.weights, optimizer: checkpoint.optimizer, ...runtime });
    state = checkpoint.state;
  } else {
    const weights = initWeights(modelConfig, { seed: config.seed, std: config.initStd });
    engine = await createTrainingEngine(runtime.engine, { modelConfig, config, weights, optimizer: null, ...runtime });
    state = {
      lmkgVersion: LMKG_VERSION, name: 'epoch-0', epoch: 0, globalStep: 0, stepsPerEpoch, totalSteps,
      tokensSeen: 0, wallSeconds: 0, config, runtime: { ...runtime, description: engine.description }, log: [],
    };
    written.push(writeTrainingCheckpoint(out, { modelConfig, weights, tokenizerDir: data.tokenizerDir, state, optimizer: null }));
    options.onProgress?.({ stage: 'checkpoint', name: 'epoch-0', dir: written[0]! });
  }
  state = { ...state, config, runtime: { ...runtime, description: engine.description } };
  let savedAtStep = state.globalStep;
  const save = (name: string, epoch: number): void => {
    state = { ...state, name, epoch };
    savedAtStep = state.globalStep;
    const dir = writeTrainingCheckpoint(out, {
      modelConfig, weights: engine.weights(), tokenizerDir: data.tokenizerDir, state, optimizer: engine.optimizerState(),
    });
    written.push(dir);
    options.onProgress?.({ stage: 'checkpoint', name, dir });
  };
  const started = Date.now();
  const wallAtStart = state.wallSeconds;
  const tokensAtStart = state.tokensSeen;
  const stepAtStart = state.globalStep;
  try {
    while (state.globalStep < totalSteps && !options.signal?.aborted) {
      const epoch = Math.floor(state.globalStep / stepsPerEpoch);
      const stepInEpoch = state.globalStep % stepsPerEpoch;
      const order = epochOrder(n, config.seed, epoch);
      const firstMicro = stepInEpoch * config.gradAccumulation;
      const micros = Math.min(config.gradAccumulation, microPerEpoch - firstMicro);
      let tokens = 0;
      const inputs: MicroBatchInput[] = [];
      for (let m = firstMicro; m < firstMicro + micros; m += 1) {
        const rows = order.slice(m * config.batchSize, (m + 1) * config.batchSize).map((i) => data.examples[i]!);
        const padded = padBatch(rows, pad!.id);
        const random = new SeededRandom(mixSeed(config.seed, epoch, m));
        const masked = maskBatch(padded.ids, masking, random, padded.seqLen);
        inputs.push({ batch: { ...padded, inputIds: masked.inputIds, positions: masked.positions, labels: masked.labels }, random });
        tokens += padded.tokens;
      }
      const learningRate = linearWarmupDecay(state.globalStep, config.learningRate, warmupSteps, totalSteps);
      const { loss, gradNorm } = await engine.step(inputs, learningRate);
      const seconds = wallAtStart + (Date.now() - started) / 1000;
      const entry: LogEntry = {
        step: state.globalStep + 1, epoch: epoch + 1, loss, learningRate, gradNorm,
        tokens: state.tokensSeen + tokens, seconds,
      };
      state = { ...state, globalStep: entry.step, tokensSeen: entry.tokens, wallSeconds: seconds, log: [...state.log, entry] };
      const tokensPerSecond = (state.tokensSeen - tokensAtStart) / Math.max(1e-9, seconds - wallAtStart);
      options.onProgress?.({
        stage: 'step', epoch: epoch + 1, epochs: config.epochs, step: state.globalStep, totalSteps, loss, learningRate,
        tokensPerSecond, etaSeconds: ((seconds - wallAtStart) / (state.globalStep - stepAtStart)) * (totalSteps - state.globalStep),
      });
      const finished = state.globalStep / stepsPerEpoch; // whole when an epoch ends
      const keepEpoch = Number.isInteger(finished) && (finished % (config.saveEpochs ?? 1) === 0 || state.globalStep === fullSteps);
      if (keepEpoch) save(`epoch-${finished}`, finished);
      else if ((config.saveSteps > 0 && state.globalStep % config.saveSteps === 0) || state.globalStep === totalSteps) save(`step-${state.globalStep}`, epoch);
    }
    // Interrupted: keep the steps taken since the last checkpoint, so --resume continues from here.
    if (options.signal?.aborted && state.globalStep > savedAtStep) {
      save(`step-${state.globalStep}`, Math.floor(state.globalStep / stepsPerEpoch));
    }
  } finally {
    await engine.dispose();
  }
  const seconds = state.wallSeconds - wallAtStart;
  return {
    out, checkpoints: written, state, backend: engine.description, parameters: countParameters(modelConfig),
    tokensPerSecond: seconds > 0 ? (state.tokensSeen - tokensAtStart) / seconds : 0,
  };
}

/** The example order of an epoch: a permutation seeded by (seed, epoch) alone. */
export function epochOrder(n: number, seed: number, epoch: number): number[] {
  return new SeededRandom(mixSeed(seed, epoch, 0x5eed)).shuffle(Array.from({ length: n }, (_, i) => i));
}

/** Turns data-preparation events into plain progress messages. */
function prepareProgress(onProgress: TrainOptions['onProgress']): PrepareDataOptions['onProgress'] {
  if (!onProgress) return undefined;
  return (event) => {
    if (event.stage === 'read') onProgress({ stage: 'prepare', message: `read ${event.lines} lines` });
    else if (event.stage === 'tokenize') onProgress({ stage: 'prepare', message: `tokenised ${event.lines} / ${event.total} lines` });
    else if (event.event.stage === 'merge' && event.event.vocab % 1000 === 0) onProgress({ stage: 'prepare', message: `tokenizer: ${event.event.vocab} / ${event.event.targetVocab} tokens` });
    else if (event.event.stage === 'done') onProgress({ stage: 'prepare', message: `tokenizer trained: ${event.event.vocab} tokens in ${event.event.seconds.toFixed(1)} s` });
  };
}
