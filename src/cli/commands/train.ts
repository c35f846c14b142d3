/**
 * @file `lmkg train`: train a masked LM from scratch with a checkpoint per epoch, or resume a run.
 */
import type { Command } from 'commander';
import { DEVICES, ENGINE_NAMES, InvalidOptionError, resumeTraining, train, TRAIN_PRESET_NAMES, type RuntimeOverrides, type TrainConfig, type TrainProgress, type TrainResult } from '../../index.js';
import { interruptSignal } from '../interrupt.js';
import { createProgressDisplay } from '../progress.js';
import { printTable } from '../table.js';
import { wholeNumber, decimal } from '../numbers.js';

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
  splitSentences?: boolean;
  vocabSize?: number;
  minFrequency?: number;
  mlmProbability?: number;
  salientSpans?: number;
  dropout?: number;
  saveEpochs?: number;
  saveSteps?: number;
  maxSteps?: number;
  engine?: string;
  device?: string;
  threads?: number;
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
    .option('--holdout <fraction>', 'share of LAMA subjects held out of a lama-evidence: corpus (e.g. 0.2)', decimal('--holdout'))
    .option('--data-dir <dir>', 'data root with lama/ (default: $LMKG_DATA_DIR, else the cache)')
    .option('--epochs <n>', 'epochs', wholeNumber('--epochs'))
    .option('--seed <n>', 'seed of init, masking, dropout and shuffling', wholeNumber('--seed'))
    .option('--lr <x>', 'peak learning rate', decimal('--lr'))
    .option('--batch-size <n>', 'examples per micro-batch', wholeNumber('--batch-size'))
    .option('--grad-accumulation <n>', 'micro-batches per optimizer step', wholeNumber('--grad-accumulation'))
    .option('--block-size <n>', 'tokens per example', wholeNumber('--block-size'))
    .option('--block-mode <mode>', 'line-by-line (the paper) or packed')
    .option('--split-sentences', 'one example per sentence instead of per line (paragraph)')
    .option('--vocab-size <n>', 'vocabulary of the trained tokenizer', wholeNumber('--vocab-size'))
    .option('--min-frequency <n>', 'minimum pair frequency of the trained tokenizer', wholeNumber('--min-frequency'))
    .option('--mlm-probability <p>', 'share of tokens chosen for the MLM loss (default 0.15)', decimal('--mlm-probability'))
    .option('--salient-spans <p>', 'with this probability mask one salient span (a name, a number) of each example whole, as REALM (default 0)', decimal('--salient-spans'))
    .option('--dropout <p>', 'hidden and attention dropout (default 0.1)', decimal('--dropout'))
    .option('--save-epochs <n>', 'checkpoint every N epochs (default 1; the last epoch always)', wholeNumber('--save-epochs', { min: 1 }))
    .option('--save-steps <n>', 'also checkpoint every N steps', wholeNumber('--save-steps'))
    .option('--max-steps <n>', 'stop after N optimizer steps', wholeNumber('--max-steps'))
    .option('--engine <name>', 'onnx (one ONNX graph per step on onnxruntime, the default) or tfjs (the reference implementation)')
    .option('--device <name>', 'cpu (default) or cuda (onnxruntime\'s CUDA execution provider; see README "GPU")')
    .option('--threads <n>', 'onnxruntime threads (default: the CPUs this process may use; --resume keeps the recorded count)', wholeNumber('--threads', { min: 1 }))
    .addHelpText('after', [
      '',
      'Examples:',
      '  $ lmkg train --corpus ../shared/data/corpus --preset tiny --epochs 3 --out runs/tiny',
      '  $ lmkg train --corpus lama-evidence:re-place-birth,re-date-birth,re-place-death --holdout 0.2 --out runs/evidence',
      '  $ lmkg train --resume runs/tiny',
      '  $ lmkg train --corpus ../shared/data/corpus --preset paper --device cuda --out runs/paper',
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
          result = await resumeTraining(options.resume, {
            onProgress, signal: interrupt.signal, runtime: runtimeOverrides(options), ...(options.dataDir ? { dataDir: options.dataDir } : {}),
          });
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
  if (options.splitSentences) config.splitSentences = true;
  if (options.vocabSize !== undefined) config.vocabSize = options.vocabSize;
  if (options.minFrequency !== undefined) config.minFrequency = options.minFrequency;
  if (options.mlmProbability !== undefined) config.mlmProbability = options.mlmProbability;
  if (options.salientSpans !== undefined) config.salientSpanProbability = options.salientSpans;
  if (options.dropout !== undefined) {
    config.hiddenDropout = options.dropout;
    config.attentionDropout = options.dropout;
  }
  if (options.saveEpochs !== undefined) config.saveEpochs = options.saveEpochs;
  if (options.saveSteps !== undefined) config.saveSteps = options.saveSteps;
  if (options.maxSteps !== undefined) config.maxSteps = options.maxSteps;
  return { ...config, ...runtimeOverrides(options) };
}

/** --engine, --device, --threads (checked here so a typo fails before any work). */
function runtimeOverrides(options: TrainCliOptions): RuntimeOverrides {
  const overrides: RuntimeOverrides = {};
  if (options.engine !== undefined) {
    if (!(ENGINE_NAMES as readonly string[]).includes(options.engine)) throw new InvalidOptionError(`--engine must be one of ${ENGINE_NAMES.join(', ')}, got "${options.engine}"`);
    overrides.engine = options.engine as RuntimeOverrides['engine'];
  }
  if (options.device !== undefined) {
    if (!(DEVICES as readonly string[]).includes(options.device)) throw new InvalidOptionError(`--device must be one of ${DEVICES.join(', ')}, got "${options.device}"`);
    overrides.device = options.device as RuntimeOverrides['device'];
  }
  if (options.threads !== undefined) overrides.threads = options.threads;
  return overrides;
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
  console.log(`${result.state.globalStep} steps, ${result.state.tokensSeen.toLocaleString('en-US')} tokens, ${result.parameters.toLocaleString('en-US')} parameters, ${Math.round(result.tokensPerSecond)} tokens/s on ${result.backend}`);
  console.log(`checkpoints in ${result.out}: ${result.checkpoints.map((c) => c.split('/').pop()).join(', ')}`);
}
