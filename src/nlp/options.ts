/** @file The option tables of `lmkg parser fetch | train | eval` and `lmkg parse` (src/option-table.ts). */
import { DOWNLOAD_DEFAULTS } from '../data/index.js';
import type { OptionSpec } from '../option-table.js';
import { PARSER_DEFAULTS } from './defaults.js';

const DATA_DIR: OptionSpec = { key: 'dataDir', flag: '--data-dir <dir>', type: 'string', defaultText: '$LMKG_DATA_DIR, else the cache', help: 'data root with ud/UD_English-EWT' };
const LIMIT_TEXT = 'every sentence, or $LMKG_PARSER_TRAIN_LIMIT';

/** The option table of `lmkg parser fetch`: its flags, defaults and checks. */
export const PARSER_FETCH_OPTIONS: readonly OptionSpec[] = Object.freeze([
  { key: 'force', flag: '--force', type: 'boolean', default: false, help: 'download again even if verified files are installed' },
  { key: 'baseUrl', flag: '--url <base>', type: 'string', defaultText: '$LMKG_UD_URL, else the official release', help: 'base URL holding en_ewt-ud-{train,dev,test}.conllu (a mirror)' },
  { key: 'retries', flag: '--retries <n>', type: 'integer', min: 0, default: DOWNLOAD_DEFAULTS.retries, help: 'retries after a failed attempt' },
] satisfies OptionSpec[]);

/** The option table of `lmkg parser train`: its flags, defaults and checks. */
export const PARSER_TRAIN_OPTIONS: readonly OptionSpec[] = Object.freeze([
  DATA_DIR,
  { key: 'trainLimit', flag: '--limit <n>', type: 'integer', min: 1, defaultText: LIMIT_TEXT, help: 'train on the first n sentences only' },
  { key: 'epochs', flag: '--epochs <n>', type: 'integer', min: 1, default: PARSER_DEFAULTS.epochs, help: 'passes over the training data' },
  { key: 'retrain', flag: '--retrain', type: 'boolean', default: false, help: 'train again even if a cached model exists' },
] satisfies OptionSpec[]);

/** The option table of `lmkg parser eval`: its flags, defaults and checks. */
export const PARSER_EVAL_OPTIONS: readonly OptionSpec[] = Object.freeze([
  DATA_DIR,
  { key: 'split', flag: '--split <split>', type: 'enum', choices: ['test', 'dev'], default: 'test', help: 'the treebank split scored' },
  { key: 'trainLimit', flag: '--limit <n>', type: 'integer', min: 1, defaultText: LIMIT_TEXT, help: 'use the model trained on the first n sentences' },
  { key: 'epochs', flag: '--epochs <n>', type: 'integer', min: 1, default: PARSER_DEFAULTS.epochs, help: 'use the model trained for n epochs' },
] satisfies OptionSpec[]);

/** The option table of `lmkg parse`: its flags, defaults and checks. */
export const PARSE_OPTIONS: readonly OptionSpec[] = Object.freeze([
  DATA_DIR,
  { key: 'modelFile', flag: '--model <file>', type: 'string', defaultText: 'the cached model, trained on first use', help: 'a parser model file' },
  { key: 'json', flag: '--json', type: 'boolean', default: false, help: 'print the ParsedSentence as JSON' },
] satisfies OptionSpec[]);
