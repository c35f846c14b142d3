/**
 * @file The option table of `lmkg tokenizer train` (src/option-table.ts); the values are
 * BPE_TRAIN_DEFAULTS' and WORDPIECE_TRAIN_DEFAULTS'. The vocabulary size depends on --type, so it
 * has no fixed default; the CLI passes only the flags the user typed.
 */
import type { OptionSpec } from '../option-table.js';
import { BPE_TRAIN_DEFAULTS, WORDPIECE_TRAIN_DEFAULTS } from './defaults.js';

/** The option table of `lmkg tokenizer train`: its flags, defaults and checks. */
export const TOKENIZER_TRAIN_OPTIONS: readonly OptionSpec[] = Object.freeze([
  { key: 'type', flag: '--type <type>', type: 'enum', choices: ['bpe', 'wordpiece'], required: true, help: 'bpe (byte-level BPE, as RoBERTa) or wordpiece (as BERT)' },
  { key: 'corpus', flag: '--corpus <paths...>', type: 'list', required: true, help: 'text files, or folders of *.txt files (recursive)' },
  { key: 'vocabSize', flag: '--vocab-size <n>', type: 'integer', min: 1, defaultText: `${BPE_TRAIN_DEFAULTS.vocabSize} for bpe, ${WORDPIECE_TRAIN_DEFAULTS.vocabSize} for wordpiece`, help: 'vocabulary size, special tokens included' },
  // the same for both kinds (tokenizers' trainers)
  { key: 'minFrequency', flag: '--min-frequency <n>', type: 'integer', min: 1, default: BPE_TRAIN_DEFAULTS.minFrequency, help: 'pairs seen fewer times are never merged' },
  { key: 'limitAlphabet', flag: '--limit-alphabet <n>', type: 'integer', min: 1, default: WORDPIECE_TRAIN_DEFAULTS.limitAlphabet, help: 'wordpiece: keep this many most frequent characters' },
  { key: 'cased', flag: '--cased', type: 'boolean', default: !WORDPIECE_TRAIN_DEFAULTS.lowercase, defaultText: 'uncased, as bert-base-uncased', help: 'wordpiece: keep case and accents' },
  { key: 'modelMaxLength', flag: '--model-max-length <n>', type: 'integer', min: 1, default: BPE_TRAIN_DEFAULTS.modelMaxLength, help: 'model_max_length written to tokenizer_config.json' },
  { key: 'out', flag: '--out <dir>', type: 'string', required: true, help: 'output folder (created atomically; must not exist or be empty unless --force)' },
  { key: 'force', flag: '--force', type: 'boolean', default: false, help: 'replace a non-empty output folder' },
] satisfies OptionSpec[]);

/** The option table of `lmkg tokenizer encode`: its flags, defaults and checks. */
export const TOKENIZER_ENCODE_OPTIONS: readonly OptionSpec[] = Object.freeze([
  { key: 'tokenizer', flag: '--tokenizer <path>', type: 'string', required: true, help: 'tokenizer folder or tokenizer.json' },
  { key: 'specialTokens', flag: '--no-special-tokens', type: 'boolean', default: true, defaultText: 'added', help: 'leave out <s> </s> / [CLS] [SEP]' },
  { key: 'json', flag: '--json', type: 'boolean', default: false, help: 'print JSON' },
] satisfies OptionSpec[]);
