/** @file The option table of `lmkg model init` (src/option-table.ts); the values are INIT_DEFAULTS'. */
import type { OptionSpec } from '../option-table.js';
import { ARCHITECTURES } from './config.js';
import { INIT_DEFAULTS } from './defaults.js';
import { MODEL_PRESETS } from './presets.js';

/** The option table of `lmkg model init`: its flags, defaults and checks. */
export const MODEL_INIT_OPTIONS: readonly OptionSpec[] = Object.freeze([
  { key: 'arch', flag: '--arch <arch>', type: 'enum', choices: ARCHITECTURES, required: true, help: `architecture: ${ARCHITECTURES.join(', ')}` },
  { key: 'preset', flag: '--preset <preset>', type: 'enum', choices: Object.keys(MODEL_PRESETS), default: INIT_DEFAULTS.preset, help: `shape: ${Object.keys(MODEL_PRESETS).join(', ')} (base = bert-base / roberta-base / distilbert-base)` },
  { key: 'tokenizer', flag: '--tokenizer <path>', type: 'string', required: true, help: 'tokenizer.json or a folder with one (e.g. from `lmkg tokenizer train`)' },
  { key: 'out', flag: '--out <dir>', type: 'string', required: true, help: 'model folder to write' },
  { key: 'seed', flag: '--seed <n>', type: 'integer', default: INIT_DEFAULTS.seed, help: 'seed of the initialisation' },
  { key: 'std', flag: '--std <x>', type: 'number', min: 0, default: INIT_DEFAULTS.std, help: 'std of the normal init (HF initializer_range)' },
  { key: 'maxLength', flag: '--max-length <n>', type: 'integer', min: 1, default: INIT_DEFAULTS.maxLength, help: 'longest input in tokens' },
  { key: 'onnx', flag: '--no-onnx', type: 'boolean', default: INIT_DEFAULTS.onnx, defaultText: 'onnx/model.onnx is written', help: 'skip the ONNX export' },
  { key: 'overwrite', flag: '--overwrite', type: 'boolean', default: false, help: 'replace a non-empty --out folder' },
] satisfies OptionSpec[]);
