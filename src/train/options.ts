/**
 * @file The option table of `lmkg train` (src/option-table.ts). A preset (presets/train-<name>.json)
 * sits between TRAIN_DEFAULTS and the command line, so each setting's help says "or the preset's";
 * the CLI passes only the flags the user typed (`--lr` is learningRate, `--salient-spans`
 * salientSpanProbability, `--dropout` both dropouts).
 */
import { DEVICES } from '../lm/index.js';
import type { OptionSpec } from '../option-table.js';
import { TRAIN_DEFAULTS, TRAIN_PRESET_NAMES } from './defaults.js';
import { ENGINE_NAMES } from './engine.js';

const D = TRAIN_DEFAULTS;
/** The default text of a setting a preset may change. */
const orPreset = (value: unknown): string => `${String(value)}, or the preset's`;

/** The option table of `lmkg train`: its flags, defaults and checks. */
export const TRAIN_OPTIONS: readonly OptionSpec[] = Object.freeze([
  { key: 'corpus', flag: '--corpus <sources...>', type: 'list', defaultText: 'none; give it, or --resume', help: 'text files, folders of *.txt (one paragraph per line), or lama-evidence:<dataset>[,...]' },
  { key: 'out', flag: '--out <dir>', type: 'string', defaultText: 'none; give it, or --resume', help: 'run folder for the checkpoints' },
  { key: 'resume', flag: '--resume <dir>', type: 'string', defaultText: 'a new run', help: 'continue an interrupted run from its latest checkpoint' },
  { key: 'preset', flag: '--preset <name>', type: 'string', default: TRAIN_PRESET_NAMES[0], help: `${TRAIN_PRESET_NAMES.join(', ')}, or a preset JSON file` },
  { key: 'tokenizer', flag: '--tokenizer <path>', type: 'string', defaultText: 'a byte-level BPE trained on the corpus', help: 'use this tokenizer' },
  { key: 'holdout', flag: '--holdout <fraction>', type: 'number', min: 0, max: 1, defaultText: 'none held out', help: 'share of LAMA subjects held out of a lama-evidence: corpus (e.g. 0.2)' },
  { key: 'dataDir', flag: '--data-dir <dir>', type: 'string', defaultText: '$LMKG_DATA_DIR, else the cache', help: 'data root with lama/' },
  { key: 'epochs', flag: '--epochs <n>', type: 'integer', min: 0, default: D.epochs, defaultText: orPreset(D.epochs), help: 'epochs' },
  { key: 'seed', flag: '--seed <n>', type: 'integer', min: 0, default: D.seed, defaultText: orPreset(D.seed), help: 'seed of init, masking, dropout and shuffling' },
  { key: 'learningRate', flag: '--lr <x>', type: 'number', min: 0, default: D.learningRate, defaultText: orPreset(D.learningRate), help: 'peak learning rate' },
  { key: 'batchSize', flag: '--batch-size <n>', type: 'integer', min: 1, default: D.batchSize, defaultText: orPreset(D.batchSize), help: 'examples per micro-batch' },
  { key: 'gradAccumulation', flag: '--grad-accumulation <n>', type: 'integer', min: 1, default: D.gradAccumulation, defaultText: orPreset(D.gradAccumulation), help: 'micro-batches per optimizer step' },
  { key: 'blockSize', flag: '--block-size <n>', type: 'integer', min: 1, default: D.blockSize, defaultText: orPreset(D.blockSize), help: 'tokens per example' },
  { key: 'blockMode', flag: '--block-mode <mode>', type: 'enum', choices: ['line-by-line', 'packed'], default: D.blockMode, defaultText: orPreset(D.blockMode), help: 'line-by-line (the paper) or packed' },
  { key: 'splitSentences', flag: '--split-sentences', type: 'boolean', default: D.splitSentences, defaultText: orPreset('off'), help: 'one example per sentence instead of per line (paragraph)' },
  { key: 'vocabSize', flag: '--vocab-size <n>', type: 'integer', min: 1, default: D.vocabSize, defaultText: orPreset(D.vocabSize), help: 'vocabulary of the trained tokenizer' },
  { key: 'minFrequency', flag: '--min-frequency <n>', type: 'integer', min: 1, default: D.minFrequency, defaultText: orPreset(D.minFrequency), help: 'minimum pair frequency of the trained tokenizer' },
  { key: 'mlmProbability', flag: '--mlm-probability <p>', type: 'number', min: 0, max: 1, default: D.mlmProbability, defaultText: orPreset(D.mlmProbability), help: 'share of tokens chosen for the MLM loss' },
  { key: 'salientSpanProbability', flag: '--salient-spans <p>', type: 'number', min: 0, max: 1, default: D.salientSpanProbability, defaultText: orPreset(D.salientSpanProbability), help: 'with this probability mask one salient span (a name, a number) of each example whole, as REALM' },
  { key: 'dropout', flag: '--dropout <p>', type: 'number', min: 0, max: 1, default: D.hiddenDropout, defaultText: orPreset(D.hiddenDropout), help: 'hidden and attention dropout' },
  { key: 'saveEpochs', flag: '--save-epochs <n>', type: 'integer', min: 1, default: D.saveEpochs, defaultText: orPreset(D.saveEpochs), help: 'checkpoint every N epochs (the last epoch always)' },
  { key: 'saveSteps', flag: '--save-steps <n>', type: 'integer', min: 0, default: D.saveSteps, defaultText: orPreset(D.saveSteps), help: 'also checkpoint every N steps (0: only at epoch ends)' },
  { key: 'maxSteps', flag: '--max-steps <n>', type: 'integer', min: 0, default: D.maxSteps, defaultText: orPreset(D.maxSteps), help: 'stop after N optimizer steps (0: every epoch)' },
  { key: 'engine', flag: '--engine <name>', type: 'enum', choices: ENGINE_NAMES, defaultText: 'onnx, or what --resume recorded', help: 'onnx (one ONNX graph per step on onnxruntime) or tfjs (the reference implementation)' },
  { key: 'device', flag: '--device <name>', type: 'enum', choices: DEVICES, default: D.device, defaultText: `${D.device}, or what --resume recorded`, help: 'cpu or cuda (onnxruntime\'s CUDA execution provider; see README "GPU")' },
  { key: 'threads', flag: '--threads <n>', type: 'integer', min: 1, defaultText: 'the CPUs this process may use, or what --resume recorded', help: 'onnxruntime threads' },
] satisfies OptionSpec[]);
