/** @file The option table of `lmkg demo` (src/option-table.ts); the values are DEMO_DEFAULTS' (DEMO_QUICK's with --quick). */
import type { OptionSpec } from '../option-table.js';
import { DEMO_DEFAULTS, DEMO_QUICK } from './defaults.js';

/** The option table of `lmkg demo`: its flags, defaults and checks. */
export const DEMO_OPTIONS: readonly OptionSpec[] = Object.freeze([
  { key: 'out', flag: '--out <dir>', type: 'string', default: DEMO_DEFAULTS.out, help: 'demo folder' },
  { key: 'quick', flag: '--quick', type: 'boolean', default: false, help: 'about 2 minutes (small run, no quality goal)' },
  { key: 'pretrained', flag: '--pretrained', type: 'boolean', default: false, help: 'instead: bert-base-uncased, roberta-base and distilbert-base-uncased from the Hugging Face hub on the four datasets' },
  { key: 'corpus', flag: '--corpus <sources...>', type: 'list', defaultText: 'the evidence snippets only', help: 'more training text besides the evidence snippets (e.g. ../shared/data/corpus)' },
  // --quick has its own epoch count, so the flag has no fixed default: only a typed --epochs is passed on
  { key: 'epochs', flag: '--epochs <n>', type: 'integer', min: 1, defaultText: `${DEMO_DEFAULTS.train.epochs}; ${DEMO_QUICK.train.epochs} with --quick`, help: 'training epochs' },
  { key: 'dataDir', flag: '--data-dir <dir>', type: 'string', defaultText: '$LMKG_DATA_DIR, else the cache; fetched when missing', help: 'data root' },
  { key: 'parserModel', flag: '--parser-model <file>', type: 'string', defaultText: 'trained once on UD English EWT and cached', help: 'dependency-parser model file' },
] satisfies OptionSpec[]);
