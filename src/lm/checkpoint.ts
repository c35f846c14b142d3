/**
 * @file Model folders in the Hugging Face layout: `config.json`, `model.safetensors` (HF
 * parameter names), tokenizer files. Loading accepts what real hub checkpoints contain: old
 * `LayerNorm.gamma`/`beta` names, a missing (tied) decoder weight, names without the base-model
 * prefix, and extra weights lmkg does not use (pooler, next-sentence head), ignored with a note.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFormatError, NotFoundError, UsageError } from '../errors.js';
import { configFromHf, type MaskedLmConfig } from './config.js';
import { decodeFloat32, readSafetensors, type SafetensorsEntry } from './safetensors.js';
import { modelNames, parameterSpecs } from './weight-names.js';
import type { ModelWeights } from './weights.js';

/** A model folder's config and weights, read from model.safetensors. */
export interface LoadedCheckpoint {
  config: MaskedLmConfig;
  /** The config.json as read (fields lmkg does not use are kept for writing back). */
  rawConfig: Record<string, unknown>;
  weights: ModelWeights;
  /** What was adapted or ignored while loading, one sentence each (for the CLI to show). */
  notes: string[];
}

/** Reads `<dir>/config.json`. */
export function readModelConfig(dir: string): { config: MaskedLmConfig; rawConfig: Record<string, unknown> } {
  const file = join(dir, 'config.json');
  if (!existsSync(file)) throw new NotFoundError(`${dir}: no config.json; a model folder holds config.json, model.safetensors (or onnx/model.onnx) and tokenizer.json`);
  let rawConfig: Record<string, unknown>;
  try {
    rawConfig = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new DataFormatError({ file }, `not valid JSON (${(error as Error).message})`);
  }
  if (rawConfig.tie_word_embeddings === false) {
    throw new UsageError(`${file}: tie_word_embeddings is false; lmkg supports masked LMs whose decoder is tied to the word embeddings (as in BERT, RoBERTa and DistilBERT)`);
  }
  return { config: configFromHf(rawConfig, file), rawConfig };
}

/** Loads a model folder's config and weights (model.safetensors or a sharded model.safetensors.index.json). */
export function loadCheckpoint(dir: string): LoadedCheckpoint {
  const { config, rawConfig } = readModelConfig(dir);
  const entries = readWeightEntries(dir);
  const { weights, notes } = weightsFromEntries(config, entries, join(dir, 'model.safetensors'));
  return { config, rawConfig, weights, notes };
}

function readWeightEntries(dir: string): Map<string, SafetensorsEntry> {
  const single = join(dir, 'model.safetensors');
  if (existsSync(single)) return readSafetensors(single).tensors;
  const index = join(dir, 'model.safetensors.index.json');
  if (existsSync(index)) {
    const map = (JSON.parse(readFileSync(index, 'utf8')) as { weight_map?: Record<string, string> }).weight_map;
    if (!map) throw new DataFormatError({ file: index, field: 'weight_map' }, 'required field is missing');
    const entries = new Map<string, SafetensorsEntry>();
    for (const shard of new Set(Object.values(map))) {
      for (const [name, entry] of readSafetensors(join(dir, shard)).tensors) entries.set(name, entry);
    }
    return entries;
  }
  if (existsSync(join(dir, 'pytorch_model.bin'))) {
    throw new UsageError(`${dir}: has only pytorch_model.bin (a pickle); lmkg reads safetensors. Convert it in Python: AutoModelForMaskedLM.from_pretrained(dir).save_pretrained(dir, safe_serialization=True)`);
  }
  throw new NotFoundError(`${dir}: no model.safetensors`);
}

/** Renames old TF-era LayerNorm names as HF does (`gamma` -> `weight`, `beta` -> `bias`). */
function modernName(name: string): string {
  if (name.endsWith('.gamma')) return `${name.slice(0, -'.gamma'.length)}.weight`;
  if (name.endsWith('.beta')) return `${name.slice(0, -'.beta'.length)}.bias`;
  return name;
}

/**
 * Matches safetensors entries to the architecture's parameters. Throws DataFormatError for a
 * missing parameter or a shape that does not fit the config.
 */
export function weightsFromEntries(config: MaskedLmConfig, raw: Map<string, SafetensorsEntry>, file: string): { weights: ModelWeights; notes: string[] } {
  const notes: string[] = [];
  const names = modelNames(config);
  const entries = new Map<string, SafetensorsEntry>();
  let renamed = 0;
  for (const [name, entry] of raw) {
    const modern = modernName(name);
    if (modern !== name) renamed += 1;
    entries.set(modern, entry);
  }
  if (renamed > 0) notes.push(`renamed ${renamed} old LayerNorm gamma/beta weights to weight/bias`);
  // A base-model checkpoint (BertModel, ...) stores names without the `bert.` prefix.
  const prefix = `${config.arch}.`;
  if (!entries.has(names.wordEmbeddings) && entries.has(names.wordEmbeddings.slice(prefix.length))) {
    for (const [name, entry] of [...entries]) {
      if (name.startsWith('embeddings.') || name.startsWith('encoder.') || name.startsWith('transformer.') || name.startsWith('pooler.')) {
        entries.delete(name);
        entries.set(prefix + name, entry);
      }
    }
    notes.push(`added the "${prefix}" prefix to base-model weight names`);
  }
  const used = new Set<string>();
  const weights: ModelWeights = new Map();
  const missing: string[] = [];
  for (const spec of parameterSpecs(config)) {
    let name = spec.name;
    if (!entries.has(name) && name === names.decoderBias) name = names.decoderBiasAliases.find((alias) => entries.has(alias)) ?? name;
    const entry = entries.get(name);
    if (!entry) {
      missing.push(spec.name);
      continue;
    }
    if (entry.shape.length !== spec.shape.length || entry.shape.some((d, i) => d !== spec.shape[i])) {
      throw new DataFormatError({ file, field: name }, `shape [${entry.shape.join(', ')}] does not match the config, which needs [${spec.shape.join(', ')}]`);
    }
    used.add(name);
    weights.set(spec.name, { shape: spec.shape, data: decodeFloat32(entry, `${file} (tensor "${name}")`) });
  }
  if (missing.length > 0) {
    throw new DataFormatError({ file }, `missing ${missing.length} weight(s) the ${config.arch} masked LM needs: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}`);
  }
  for (const alias of names.decoderBiasAliases) if (entries.has(alias)) used.add(alias);
  const decoder = entries.get(names.decoderWeight);
  if (decoder) {
    used.add(names.decoderWeight);
    const values = decodeFloat32(decoder, `${file} (tensor "${names.decoderWeight}")`);
    const embeddings = weights.get(names.wordEmbeddings)!.data;
    const same = values.length === embeddings.length && values.every((v, i) => v === embeddings[i]);
    if (!same) notes.push(`${names.decoderWeight} differs from the word embeddings; it is tied to them, as transformers does when loading`);
  } // not stored is the usual case (save_pretrained drops tied weights): the word embeddings serve
  const extra = [...entries.keys()].filter((name) => !used.has(name));
  if (extra.length > 0) {
    notes.push(`ignored ${extra.length} weight(s) a masked LM does not use: ${extra.slice(0, 4).join(', ')}${extra.length > 4 ? ', ...' : ''}`);
  }
  return { weights, notes };
}
