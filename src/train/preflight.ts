/**
 * @file Preflight of `lmkg train` (and of the demo's training): before any tokenizer is trained or
 * step taken, the corpus sources exist (files, folders of *.txt, and the LAMA datasets behind a
 * `lama-evidence:` source), a given tokenizer exists, the run folder can be written, and its file
 * system has room for the checkpoints the run keeps.
 */
import { existsSync } from 'node:fs';
import { datasetProblems } from '../data/index.js';
import { LmkgError, type PreflightProblem } from '../errors.js';
import { countParameters, presetConfig } from '../lm/index.js';
import { formatBytes, freeSpaceProblem, outputFolderProblem, throwIfProblems } from '../preflight.js';
import { listCorpusFiles } from '../tokenizers/index.js';
import { EVIDENCE_PREFIX, parseEvidenceSource } from './evidence-corpus.js';
import type { TrainConfig } from './defaults.js';

/**
 * Bytes a kept checkpoint takes per parameter: fp32 weights in model.safetensors (4), their ONNX
 * copy (4), and AdamW's first and second moments (8).
 */
export const CHECKPOINT_BYTES_PER_PARAMETER = 16;

export interface TrainPreflightInput {
  corpus: readonly string[];
  out: string;
  tokenizer?: string | undefined;
  dataDir?: string | undefined;
  /** The option that named `out`, for messages (default `--out`). */
  outFlag?: string;
  /** Checkpoints already written (a resumed run): they need no more room. */
  checkpointsWritten?: number;
}

/** Every problem of a training run about to start (see the file comment). */
export async function trainProblems(input: TrainPreflightInput, config: TrainConfig): Promise<PreflightProblem[]> {
  const problems: PreflightProblem[] = [];
  const outFlag = input.outFlag ?? '--out';
  const folder = outputFolderProblem(input.out, outFlag);
  if (folder) problems.push(folder);
  const root = input.dataDir === undefined ? {} : { dataDir: input.dataDir };
  for (const source of input.corpus.filter((s) => s.startsWith(EVIDENCE_PREFIX))) {
    try {
      problems.push(...await datasetProblems(parseEvidenceSource(source), root));
    } catch (error) {
      if (!(error instanceof LmkgError)) throw error;
      problems.push({ what: error.message, fix: 'name Google-RE datasets: lama-evidence:re-place-birth,re-date-birth,re-place-death' });
    }
  }
  const files = input.corpus.filter((s) => !s.startsWith(EVIDENCE_PREFIX));
  if (files.length > 0) {
    try {
      await listCorpusFiles(files);
    } catch (error) {
      if (!(error instanceof LmkgError)) throw error;
      problems.push({ what: error.message, fix: 'give --corpus text files (one paragraph per line) or folders of *.txt files' });
    }
  }
  if (input.tokenizer !== undefined && !existsSync(input.tokenizer)) {
    problems.push({ what: `--tokenizer ${input.tokenizer}: no such file or folder`, fix: 'give a tokenizer folder or tokenizer.json (`lmkg tokenizer train` makes one), or leave --tokenizer out to train one on the corpus' });
  }
  if (!folder) {
    const planned = checkpointSpace(config);
    const checkpoints = Math.max(0, planned.checkpoints - (input.checkpointsWritten ?? 0));
    const { parameters } = planned;
    const bytes = checkpoints * parameters * CHECKPOINT_BYTES_PER_PARAMETER;
    const space = freeSpaceProblem(input.out, bytes,
      `${checkpoints} ${input.checkpointsWritten ? 'more ' : ''}checkpoints of ${parameters.toLocaleString('en-US')} parameters (${CHECKPOINT_BYTES_PER_PARAMETER} bytes per parameter each: weights, ONNX copy, AdamW state)`,
      `free ${formatBytes(bytes)} there, give ${outFlag} a folder on a disk with room, or keep fewer checkpoints (--save-epochs, --epochs)`);
    if (space) problems.push(space);
  }
  return problems;
}

/** Runs the preflight and throws one PreflightError listing every problem. */
export async function preflightTrain(input: TrainPreflightInput, config: TrainConfig, command = 'train'): Promise<void> {
  throwIfProblems(command, await trainProblems(input, config));
}

/**
 * The checkpoints a run keeps (epoch-0 .. epoch-N, plus step checkpoints), the model's parameter
 * count with the target vocabulary size (the tokenizer is trained later; the run never exceeds
 * it), and the bytes they take.
 */
export function checkpointSpace(config: TrainConfig): { checkpoints: number; parameters: number; bytes: number } {
  // mirrors modelConfigFor in loop.ts, with vocabSize in place of the trained tokenizer's size
  const base = presetConfig(config.arch, 'tiny', { vocabSize: config.vocabSize, padTokenId: 1, bosTokenId: 0, eosTokenId: 2 }, {
    maxLength: config.maxLength, initializerRange: config.initStd, numLayers: config.numLayers,
  });
  const parameters = countParameters({ ...base, hiddenSize: config.hiddenSize, numHeads: config.numHeads, intermediateSize: config.intermediateSize });
  const stepCheckpoints = config.saveSteps > 0 && config.maxSteps > 0 ? Math.floor(config.maxSteps / config.saveSteps) : 0;
  // epoch-0, every saveEpochs-th epoch, and the last epoch when it is not one of those
  const every = config.saveEpochs ?? 1;
  const epochCheckpoints = Math.floor(config.epochs / every) + (config.epochs % every === 0 ? 0 : 1);
  const checkpoints = 1 + epochCheckpoints + stepCheckpoints;
  return { checkpoints, parameters, bytes: checkpoints * parameters * CHECKPOINT_BYTES_PER_PARAMETER };
}
