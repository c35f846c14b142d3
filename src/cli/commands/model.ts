/**
 * @file `lmkg model init | export | info`.
 */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  ARCHITECTURES, countParameters, exportOnnx, initModel, InvalidOptionError, loadCheckpoint, MODEL_PRESETS, readModelConfig, sha256File,
  writeExportRecord, type Architecture,
} from '../../index.js';
import { decimal } from '../numbers.js';

export function registerModelCommands(program: Command): void {
  const model = program.command('model').description('make, export and inspect masked LM folders (Hugging Face layout)');

  model
    .command('init')
    .description('write a random-initialised model folder (config.json, model.safetensors, tokenizer files, onnx/model.onnx)')
    .requiredOption('--arch <arch>', `architecture: ${ARCHITECTURES.join(', ')}`)
    .option('--preset <preset>', `shape: ${Object.keys(MODEL_PRESETS).join(', ')} (base = bert-base / roberta-base / distilbert-base)`, 'tiny')
    .requiredOption('--tokenizer <path>', 'tokenizer.json or a folder with one (e.g. from `lmkg tokenizer train`)')
    .requiredOption('--out <dir>', 'model folder to write')
    .option('--seed <n>', 'seed of the initialisation', decimal('--seed'), 0)
    .option('--std <x>', 'std of the normal init (HF initializer_range)', decimal('--std'), 0.02)
    .option('--max-length <n>', 'longest input in tokens', decimal('--max-length'), 512)
    .option('--no-onnx', 'skip the ONNX export')
    .option('--overwrite', 'replace a non-empty --out folder')
    .addHelpText('after', '\nExample:\n  $ lmkg model init --arch roberta --preset tiny --tokenizer ./tok --out ./runs/epoch-0')
    .action(async (options: { arch: string; preset: string; tokenizer: string; out: string; seed: number; std: number; maxLength: number; onnx: boolean; overwrite?: boolean }) => {
      if (!(ARCHITECTURES as readonly string[]).includes(options.arch)) throw new InvalidOptionError(`--arch must be one of ${ARCHITECTURES.join(', ')}, got "${options.arch}"`);
      const result = await initModel({
        arch: options.arch as Architecture, preset: options.preset as 'tiny', tokenizer: options.tokenizer, out: options.out,
        seed: options.seed, std: options.std, maxLength: options.maxLength, onnx: options.onnx, overwrite: options.overwrite === true,
      });
      const c = result.config;
      console.log(`wrote ${result.dir}: ${c.arch} ${options.preset}, ${c.numLayers} layers, hidden ${c.hiddenSize}, ${c.numHeads} heads, vocab ${c.vocabSize}, ${result.parameters.toLocaleString('en-US')} parameters (seed ${options.seed}, std ${options.std})`);
    });

  model
    .command('export')
    .description('(re)export onnx/model.onnx from a folder\'s model.safetensors')
    .argument('<dir>', 'model folder with config.json and model.safetensors')
    .action(async (dir: string) => {
      const checkpoint = loadCheckpoint(dir);
      for (const note of checkpoint.notes) console.log(`note: ${note}`);
      const target = join(resolve(dir), 'onnx', 'model.onnx');
      exportOnnx(checkpoint.config, checkpoint.weights, target);
      writeExportRecord(join(resolve(dir), 'onnx', 'model.onnx.lmkg.json'), await sha256File(join(dir, 'model.safetensors')));
      console.log(`wrote ${target}`);
    });

  model
    .command('info')
    .description('print a model folder\'s architecture and size')
    .argument('<dir>', 'model folder with config.json')
    .action((dir: string) => {
      const { config } = readModelConfig(dir);
      console.log(JSON.stringify({ ...config, parameters: countParameters(config) }, null, 2));
    });
}
