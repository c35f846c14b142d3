/** @file Defaults of the model layer: model init. */

/** Defaults of `initModel` (seed, initialiser std, maximum length, preset, ONNX export). */
export const INIT_DEFAULTS = Object.freeze({
  /** Seed of the weight initialisation (recorded in lmkg_model.json). */
  seed: 0,
  /** Std of the normal init; the HF initializer_range. */
  std: 0.02,
  /** Longest input in tokens. */
  maxLength: 512,
  preset: 'tiny' as 'tiny' | 'small' | 'base',
  /** Also write onnx/model.onnx. */
  onnx: true,
});

/** The Hugging Face hub: where hub ids are downloaded from, and how long a check may take. */
export const HUB_DEFAULTS = Object.freeze({
  /** Used when `$HF_ENDPOINT` is unset. */
  endpoint: 'https://huggingface.co',
  /** Branch, tag or commit downloaded. */
  revision: 'main',
  /** A metadata request (HEAD) that takes longer fails: an offline machine gets an answer, not a hang. */
  timeoutMs: 10_000,
  /** The files lmkg needs from a hub repository (it runs onnx/model.onnx in its own engine). */
  files: ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'] as readonly string[],
});
