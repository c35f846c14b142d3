/**
 * @file `lmkg train`: train a masked LM from scratch with a checkpoint per epoch, or resume a run.
 */
import type { Command } from 'commander';
import { InvalidOptionError, resumeTraining, train, TRAIN_OPTIONS, type RuntimeOverrides, type TrainConfig, type TrainProgress, type TrainResult } from '../../index.js';
import { addTableOptions, tableValues } from '../option-flags.js';
import { interruptSignal } from '../interrupt.js';
import { createProgressDisplay } from '../progress.js';
import { printTable } from '../table.js';

/** The flags under TRAIN_OPTIONS' keys: TrainConfig settings, plus the run's own options. */
type TrainFlags = Partial<TrainConfig> & {
  corpus?: string[]; out?: string; resume?: string; preset: string; tokenizer?: string; holdout?: number; dataDir?: string; dropout?: number;
};

export function registerTrainCommands(program: Command): void {
  const command = program
    .command('train')
    .description('train a RoBERTa masked LM from scratch, writing epoch-0..epoch-N checkpoints (HF folders with ONNX)');
  addTableOptions(command, TRAIN_OPTIONS)
    .addHelpText('after', [
      '',
      'Examples:',
      '  $ lmkg train --corpus ../shared/data/corpus --preset tiny --epochs 3 --out runs/tiny',
      '  $ lmkg train --corpus lama-evidence:re-place-birth,re-date-birth,re-place-death --holdout 0.2 --out runs/evidence',
      '  $ lmkg train --resume runs/tiny',
      '  $ lmkg train --corpus ../shared/data/corpus --preset paper --device cuda --out runs/paper',
    ].join('\n'))
    .action(async (_options: unknown, self: Command) => {
      // only what the user typed goes over the preset (which goes over TRAIN_DEFAULTS)
      const { values, explicit } = tableValues<TrainFlags>(self, TRAIN_OPTIONS);
      const options = { ...explicit, preset: values.preset };
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

/** The TrainConfig settings the user typed (`--dropout` sets both dropouts). */
function overrides(options: Partial<TrainFlags>): Partial<TrainConfig> {
  const { corpus: _c, out: _o, resume: _r, preset: _p, tokenizer: _t, holdout: _h, dataDir: _d, dropout, ...config } = options;
  return { ...config, ...(dropout === undefined ? {} : { hiddenDropout: dropout, attentionDropout: dropout }) };
}

/** --engine, --device, --threads: kept from the run on --resume unless given. */
function runtimeOverrides(options: Partial<TrainFlags>): RuntimeOverrides {
  const { engine, device, threads } = options;
  return { ...(engine === undefined ? {} : { engine: engine as RuntimeOverrides['engine'] }), ...(device === undefined ? {} : { device }), ...(threads === undefined ? {} : { threads }) };
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
