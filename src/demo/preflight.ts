/**
 * @file What `lmkg demo` (npm start) does before it trains: on a machine with internet and nothing
 * else, it gets everything itself. First it checks what it cannot fetch — a writable demo folder,
 * room for the checkpoints, a given parser model or extra corpus, the hub models of --pretrained,
 * and data under a data root the user named — and stops with one message listing all of it. Then
 * it fetches LAMA and UD English EWT into the cache when they are missing, and trains (or loads)
 * the dependency parser, so nothing is missing after the long training.
 */
import { join } from 'node:path';
import { dataRoot, fetchLama, lamaFolderProblem } from '../data/index.js';
import type { PreflightProblem } from '../errors.js';
import { modelProblems } from '../lm/index.js';
import { fetchTreebank, loadNlp, parserProblem, treebankProblem, type ParserProgress } from '../nlp/index.js';
import { formatBytes, freeSpaceProblem, outputFolderProblem, throwIfProblems } from '../preflight.js';
import { listCorpusFiles } from '../tokenizers/index.js';
import { checkpointSpace, CHECKPOINT_BYTES_PER_PARAMETER, listTrainingCheckpoints, resolveTrainConfig, type TrainConfig } from '../train/index.js';
import { LmkgError } from '../errors.js';
import { DEMO_DEFAULTS, DEMO_QUICK, PRETRAINED_MODELS } from './defaults.js';
import type { DemoOptions } from './demo.js';

export type PrepareProgress =
  | { stage: 'data'; message: string }
  | { stage: 'fetch'; what: string; bytes: number; total: number | null }
  | { stage: 'parser'; event: ParserProgress };

/** The demo's training settings (as trainOrResume in demo.ts merges them). */
export function demoTrainConfig(options: DemoOptions, quick: boolean): TrainConfig {
  const settings = quick ? DEMO_QUICK.train : DEMO_DEFAULTS.train;
  return resolveTrainConfig(DEMO_DEFAULTS.preset, { ...settings, seed: DEMO_DEFAULTS.seed, ...options.train, ...(options.epochs ? { epochs: options.epochs } : {}) });
}

/** What the demo needs and cannot fetch itself (see the file comment). */
export async function demoProblems(options: DemoOptions, out: string, quick: boolean): Promise<PreflightProblem[]> {
  const problems: PreflightProblem[] = [];
  const folder = outputFolderProblem(out, '--out');
  if (folder) problems.push(folder);
  const trainDir = join(out, 'train');
  if (!folder && !options.pretrained && listTrainingCheckpoints(trainDir).length === 0) {
    const { checkpoints, parameters, bytes } = checkpointSpace(demoTrainConfig(options, quick));
    const space = freeSpaceProblem(out, bytes,
      `${checkpoints} checkpoints of ${parameters.toLocaleString('en-US')} parameters (${CHECKPOINT_BYTES_PER_PARAMETER} bytes per parameter each)`,
      `free ${formatBytes(bytes)} there, or give --out a folder on a disk with room`);
    if (space) problems.push(space);
  }
  if (options.corpus && options.corpus.length > 0) {
    try {
      await listCorpusFiles(options.corpus);
    } catch (error) {
      if (!(error instanceof LmkgError)) throw error;
      problems.push({ what: error.message, fix: 'give --corpus text files (one paragraph per line) or folders of *.txt files' });
    }
  }
  const root = options.dataDir === undefined ? {} : { dataDir: options.dataDir };
  const named = dataRoot(root).source !== 'cache'; // a root the user named is never filled by a download
  const lama = lamaFolderProblem(root);
  if (lama && named) problems.push(lama);
  const parser = options.nlp?.modelFile !== undefined ? parserProblem({ modelFile: options.nlp.modelFile }) : named ? treebankProblem(root) : null;
  if (parser) problems.push(parser);
  if (options.pretrained) problems.push(...await modelProblems(PRETRAINED_MODELS));
  return problems;
}

/**
 * Checks, then fetches LAMA and UD into the cache when missing and trains (or loads) the parser;
 * throws one PreflightError before anything is fetched when something cannot be fetched.
 */
export async function prepareDemo(options: DemoOptions, out: string, quick: boolean, onProgress: (event: PrepareProgress) => void): Promise<void> {
  throwIfProblems('demo', await demoProblems(options, out, quick));
  const root = options.dataDir === undefined ? {} : { dataDir: options.dataDir };
  const signal = options.signal ? { signal: options.signal } : {};
  if (lamaFolderProblem(root)) {
    onProgress({ stage: 'data', message: `no LAMA data in the cache (${dataRoot(root).root}): downloading it (as \`lmkg data fetch\` does)` });
    await fetchLama({
      ...signal,
      onProgress: (event) => onProgress(event.stage === 'download'
        ? { stage: 'fetch', what: 'LAMA data.zip', bytes: event.bytes, total: event.total }
        : { stage: 'data', message: event.message }),
    });
  }
  if (options.nlp?.modelFile === undefined) {
    if (treebankProblem(root)) {
      onProgress({ stage: 'data', message: `no UD English EWT in the cache (${dataRoot(root).root}): downloading it for the parser (as \`lmkg parser fetch\` does)` });
      await fetchTreebank({
        ...signal,
        onProgress: (event) => onProgress(event.stage === 'download'
          ? { stage: 'fetch', what: event.file, bytes: event.bytes, total: event.total }
          : { stage: 'data', message: 'message' in event ? event.message : `${event.file}: ${event.stage}` }),
      });
    }
  }
  onProgress({ stage: 'data', message: 'loading the dependency parser (trained once on UD English EWT, then cached)' });
  await loadNlp({ typeEntities: false, ...root, ...options.nlp, onProgress: (event) => onProgress({ stage: 'parser', event }) });
}
