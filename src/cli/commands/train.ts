/**
 * @file `lmkg train`: train a masked LM from scratch with a checkpoint per epoch, or resume a run.
 */
import type { Command } from 'commander';
import { InvalidOptionError, resumeTraining, train, TRAIN_PRESET_NAMES, type TrainConfig, type TrainProgress, type TrainResult } from '../../index.js';
import { interruptSignal } from '../interrupt.js';
import { createProgressDisplay } from '../progress.js';
import { printTable } from '../table.js';

interface TrainCliOptions {
  corpus?: string[];
  out?: string;
  resume?: string;
  preset: string;
  tokenizer?: string;
  holdout?: number;
  dataDir?: string;
  epochs?: number;
  seed?: number;
  lr?: number;
  batchSize?: number;
  gradAccumulation?: number;
  blockSize?: number;
  blockMode?: string;
  vocabSize?: number;
  minFrequency?: number;
  saveSteps?: number;
  maxSteps?: number;
}

export function registerTrainCommands(program: Command): void {
  program
    .command('train')
    .description('train a RoBERTa masked LM from scratch, writing epoch-0..epoch-N checkpoints (HF folders with ONNX)')
    .option('--corpus <sources...>', 'text files, folders of *.txt (one paragraph per line), or lama-evidence:<dataset>[,...]')
    .option('--out <dir>', 'run folder for the checkpoints')
    .option('--resume <dir>', 'continue an interrupted run from its latest checkpoint')
    .option('--preset <name>', `${TRAIN_PRESET_NAMES.join(', ')}, or a preset JSON file`, 'tiny')
    .option('--tokenizer <path>', 'use this tokenizer instead of training a byte-level BPE on the corpus')
    .option('--holdout <fraction>', 'share of LAMA subjects held out of a lama-evidence: corpus (e.g. 0.2)', number('--holdout'))
    .option('--data-dir <dir>', 'data root with lama/ (default: $LMKG_DATA_DIR, else the cache)')
    .option('--epochs <n>', 'epochs', integer('--epochs'))
    .option('--seed <n>', 'seed of init, masking, dropout and shuffling', integer('--seed'))
    .option('--lr <x>', 'peak learning rate', number('--lr'))
    .option('--batch-size <n>', 'examples per micro-batch', integer('--batch-size'))
    .option('--grad-accumulation <n>', 'micro-batches per optimizer step', integer('--grad-accumulation'))
    .option('--block-size <n>', 'tokens per example', integer('--block-size'))
    .option('--block-mode <mode>', 'line-by-line (the paper) or packed')
    .option('--vocab-size <n>', 'vocabulary of the trained tokenizer', integer('--vocab-size'))
    .option('--min-frequency <n>', 'minimum pair frequency of the trained tokenizer', integer('--min-frequency'))
    .option('--save-steps <n>', 'also checkpoint every N steps', integer('--save-steps'))
    .option('--max-steps <n>', 'stop after N optimizer steps', integer('--max-steps'))
    .addHelpText('after', [
      '',
      'Examples:',
      '  $ lmkg train --corpus ../shared/data/corpus --preset tiny --epochs 3 --out runs/tiny',
      '  $ lmkg train --corpus lama-evidence:re-place-birth,re-date-birth,re-place-death --holdout 0.2 --out runs/evidence',
      '  $ lmkg train --resume runs/tiny',
    ].join('\n'))
    .action(async (options: TrainCliOptions) => {
      const interrupt = interruptSignal('stopping after this step (a checkpoint is written; continue with --resume)');
      const progress = createProgressDisplay({ label: 'train', format: (v) => String(v) });
      const onProgress = (event: TrainProgress) => {
        if (event.stage === 'step') {
          progress.update(event.step, event.totalSteps, `epoch ${event.epoch}/${event.epochs} loss ${event.loss.toFixed(3)} ${Math.round(event.tokensPerSecond)} tok/s`);
        } else if (event.stage === 'checkpoint') progress.log(`checkpoint ${event.name}: ${event.dir}`);
        else progress.log(event.message);
      };
      let result: TrainResult;
      try {
        if (options.resume) {
          if (options.corpus || options.out) throw new InvalidOptionError('--resume takes the corpus and settings from the run; do not pass --corpus or --out with it');
          result = await resumeTraining(options.resume, { onProgress, signal: interrupt.signal, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
        } else {
          if (!options.corpus || !options.out) throw new InvalidOptionError('lmkg train needs --corpus and --out (or --resume <dir>)');
          result = await train({
            corpus: options.corpus, out: options.out, preset: options.preset, config: overrides(options), onProgress, signal: interrupt.signal,
            ...(options.tokenizer ? { tokenizer: options.tokenizer } : {}),
            ...(options.holdout === undefined ? {} : { holdout: options.holdout }),
            ...(options.dataDir ? { dataDir: options.dataDir } : {}),
          });
        }
      } finally {
        progress.stop();
        interrupt.dispose();
      }
      printLossSummary(result);
    });
}

function overrides(options: TrainCliOptions): Partial<TrainConfig> {
  const config: Partial<TrainConfig> = {};
  if (options.epochs !== undefined) config.epochs = options.epochs;
  if (options.seed !== undefined) config.seed = options.seed;
  if (options.lr !== undefined) config.learningRate = options.lr;
  if (options.batchSize !== undefined) config.batchSize = options.batchSize;
  if (options.gradAccumulation !== undefined) config.gradAccumulation = options.gradAccumulation;
  if (options.blockSize !== undefined) config.blockSize = options.blockSize;
  if (options.blockMode !== undefined) config.blockMode = options.blockMode as TrainConfig['blockMode'];
  if (options.vocabSize !== undefined) config.vocabSize = options.vocabSize;
  if (options.minFrequency !== undefined) config.minFrequency = options.minFrequency;
  if (options.saveSteps !== undefined) config.saveSteps = options.saveSteps;
  if (options.maxSteps !== undefined) config.maxSteps = options.maxSteps;
  return config;
}

/** Mean loss per epoch, first and last step, and throughput. */
function printLossSummary(result: TrainResult): void {
  const { log } = result.state;
  const epochs = [...new Set(log.map((e) => e.epoch))];
  printTable(['epoch', 'steps', 'mean loss', 'last loss'], epochs.map((epoch) => {
    const entries = log.filter((e) => e.epoch === epoch);
    const mean = entries.reduce((sum, e) => sum + e.loss, 0) / entries.length;
    return [String(epoch), entries.length, mean.toFixed(4), entries.at(-1)!.loss.toFixed(4)];
  }));
  console.log(`${result.state.globalStep} steps, ${result.state.tokensSeen.toLocaleString('en-US')} tokens, ${result.parameters.toLocaleString('en-US')} parameters, ${Math.round(result.tokensPerSecond)} tokens/s on tfjs-${result.backend}`);
  console.log(`checkpoints in ${result.out}: ${result.checkpoints.map((c) => c.split('/').pop()).join(', ')}`);
}

function integer(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidOptionError(`${name} must be a whole number, got "${value}"`);
    return n;
  };
}

function number(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new InvalidOptionError(`${name} must be a number, got "${value}"`);
    return n;
  };
}
