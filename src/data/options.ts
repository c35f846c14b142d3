/** @file The option tables of `lmkg data fetch | list | verify` (src/option-table.ts). */
import type { OptionSpec } from '../option-table.js';
import { DOWNLOAD_DEFAULTS } from './defaults.js';

const DATA_DIR: OptionSpec = { key: 'dataDir', flag: '--data-dir <dir>', type: 'string', defaultText: '$LMKG_DATA_DIR, else the cache', help: 'data root with lama/' };

/** The option table of `lmkg data fetch`: its flags, defaults and checks. */
export const DATA_FETCH_OPTIONS: readonly OptionSpec[] = Object.freeze([
  { key: 'force', flag: '--force', type: 'boolean', default: false, help: 'download again even if a verified copy is installed' },
  { key: 'url', flag: '--url <url>', type: 'string', defaultText: '$LMKG_LAMA_URL, else the official URL', help: 'archive URL (a mirror of LAMA data.zip)' },
  { key: 'retries', flag: '--retries <n>', type: 'integer', min: 0, default: DOWNLOAD_DEFAULTS.retries, help: 'retries after a failed attempt' },
] satisfies OptionSpec[]);

/** The option table of `lmkg data list`: its flags, defaults and checks. */
export const DATA_LIST_OPTIONS: readonly OptionSpec[] = Object.freeze([
  { key: 'dataset', flag: '--dataset <id>', type: 'string', defaultText: 'every dataset', help: 'one dataset: squad, re-place-birth, re-date-birth, re-place-death, trex:<id> or file:<path>' },
  DATA_DIR,
  { key: 'json', flag: '--json', type: 'boolean', default: false, help: 'print JSON instead of a table' },
] satisfies OptionSpec[]);

/** The option table of `lmkg data verify`: its flags, defaults and checks. */
export const DATA_VERIFY_OPTIONS: readonly OptionSpec[] = Object.freeze([DATA_DIR] satisfies OptionSpec[]);
