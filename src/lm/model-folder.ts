/**
 * @file Writes a complete model folder in the Hugging Face layout, atomically (built in a
 * temp folder, then renamed into place): config.json, model.safetensors (F32, HF names, tied
 * decoder not stored, `{"format": "pt"}` metadata), the tokenizer files, onnx/model.onnx with
 * its export record, and lmkg_model.json (what made it). `lmkg model init` and the trainer's
 * epoch checkpoints both use it.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { LMKG_VERSION } from '../version.js';
import { configToHf, maxSequenceLength, type MaskedLmConfig } from './config.js';
import { swapFolderIntoPlace, writeJsonAtomic } from '../files.js';
import { writeExportRecord } from './model-source.js';
import { exportOnnx } from './onnx-export.js';
import { writeSafetensors } from './safetensors.js';
import { readTokenizerInfo, TOKENIZER_FILES, type TokenizerInfo } from '../tokenizers/index.js';
import { parameterSpecs } from './weight-names.js';
import type { ModelWeights } from './weights.js';

export interface WriteModelFolderOptions {
  config: MaskedLmConfig;
  weights: ModelWeights;
  /** Tokenizer folder or tokenizer.json whose files are copied in. */
  tokenizer: string;
  /** Also export onnx/model.onnx (default true). */
  onnx?: boolean;
  /** Replace an existing non-empty folder (default false). */
  overwrite?: boolean;
  /** Recorded in lmkg_model.json (seed, preset, epoch, ...). */
  provenance?: Record<string, unknown>;
}

/** Writes the folder; returns the sha256 of model.safetensors. */
export function writeModelFolder(dir: string, options: WriteModelFolderOptions): { weightsSha256: string } {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0 && !options.overwrite) {
    throw new UsageError(`${target} already exists and is not empty; choose another folder or pass --overwrite`);
  }
  const info = readTokenizerInfo(options.tokenizer);
  checkTokenizerFits(options.config, info);
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(temp, { recursive: true });
  try {
    writeJsonAtomic(join(temp, 'config.json'), configToHf(options.config));
    const tensors = parameterSpecs(options.config).map((spec) => {
      const tensor = options.weights.get(spec.name);
      if (!tensor) throw new UsageError(`writeModelFolder: weight "${spec.name}" is missing`);
      return { name: spec.name, shape: spec.shape, data: tensor.data };
    });
    const safetensorsFile = join(temp, 'model.safetensors');
    writeSafetensors(safetensorsFile, tensors, { format: 'pt' });
    const weightsSha256 = sha256OfTensors(safetensorsFile);
    for (const file of TOKENIZER_FILES) {
      if (existsSync(join(info.dir, file))) copyFileSync(join(info.dir, file), join(temp, file));
    }
    if (!existsSync(join(temp, 'tokenizer_config.json'))) writeJsonAtomic(join(temp, 'tokenizer_config.json'), tokenizerConfig(info, options.config));
    if (options.onnx ?? true) {
      exportOnnx(options.config, options.weights, join(temp, 'onnx', 'model.onnx'));
      writeExportRecord(join(temp, 'onnx', 'model.onnx.lmkg.json'), weightsSha256);
    }
    writeJsonAtomic(join(temp, 'lmkg_model.json'), { lmkgVersion: LMKG_VERSION, createdAt: new Date().toISOString(), weightsSha256, ...options.provenance });
    // the old folder stays whole until the new one is in place
    swapFolderIntoPlace(temp, target);
    return { weightsSha256 };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** sha256 of the written file (as resolveModelSource computes it). */
function sha256OfTensors(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Throws UsageError when the tokenizer cannot serve the config (ids out of range, no mask token). */
export function checkTokenizerFits(config: MaskedLmConfig, info: TokenizerInfo): void {
  if (!info.mask) throw new UsageError(`tokenizer ${info.dir} has no mask token ([MASK] or <mask>); a masked LM needs one`);
  if (info.vocab.length > config.vocabSize) {
    throw new UsageError(`tokenizer ${info.dir} has ${info.vocab.length} tokens but the model's vocab_size is ${config.vocabSize}`);
  }
}

/** A tokenizer_config.json for a tokenizer folder that has none (transformers and transformers.js read the special tokens from it). */
export function tokenizerConfig(info: TokenizerInfo, config: MaskedLmConfig): Record<string, unknown> {
  const tokenizerClass = info.family === 'wordpiece' ? (config.arch === 'distilbert' ? 'DistilBertTokenizer' : 'BertTokenizer') : info.family === 'byte-level' ? 'RobertaTokenizer' : 'PreTrainedTokenizerFast';
  const entry = (name: string, token: { token: string } | null): Record<string, string> => (token ? { [name]: token.token } : {});
  return {
    tokenizer_class: tokenizerClass,
    ...entry('mask_token', info.mask), ...entry('pad_token', info.pad), ...entry('unk_token', info.unk),
    ...entry('cls_token', info.bos), ...entry('sep_token', info.eos),
    ...(info.family === 'byte-level' ? { ...entry('bos_token', info.bos), ...entry('eos_token', info.eos) } : {}),
    do_lower_case: info.uncased,
    model_max_length: maxSequenceLength(config),
    clean_up_tokenization_spaces: false,
  };
}
