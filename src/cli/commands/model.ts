/**
 * @file `lmkg model init | export | info`.
 */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  countParameters, exportOnnx, initModel, loadCheckpoint, MODEL_INIT_OPTIONS, readModelConfig, sha256File, writeExportRecord, type InitModelOptions,
} from '../../index.js';
import { addTableOptions, tableValues } from '../option-flags.js';

export function registerModelCommands(program: Command): void {
  const model = program.command('model').description('make, export and inspect masked LM folders (Hugging Face layout)');

  const init = model
    .command('init')
    .description('write a random-initialised model folder (config.json, model.safetensors, tokenizer files, onnx/model.onnx)');
  addTableOptions(init, MODEL_INIT_OPTIONS)
    .addHelpText('after', '\nExample:\n  $ lmkg model init --arch roberta --preset tiny --tokenizer ./tok --out ./runs/epoch-0')
    .action(async (_options: unknown, self: Command) => {
      const options = tableValues<InitModelOptions & { preset: string; seed: number; std: number }>(self, MODEL_INIT_OPTIONS).values;
      const result = await initModel(options);
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
