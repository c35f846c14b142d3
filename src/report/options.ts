/** @file The option table of `lmkg report` (src/option-table.ts); the values are SERVE_DEFAULTS'. */
import type { OptionSpec } from '../option-table.js';
import { SERVE_DEFAULTS } from './defaults.js';

/** The option table of `lmkg report`: its flags, defaults and checks. */
export const REPORT_OPTIONS: readonly OptionSpec[] = Object.freeze([
  { key: 'serve', flag: '--serve', type: 'boolean', default: false, help: `then serve the folder on ${SERVE_DEFAULTS.host} until Ctrl-C` },
  { key: 'port', flag: '--port <n>', type: 'integer', min: 0, max: 65535, default: SERVE_DEFAULTS.port, defaultText: `${SERVE_DEFAULTS.port}, a free port`, help: 'port for --serve (0 = a free port)' },
  { key: 'reportMode', flag: '--report-mode <mode>', type: 'enum', choices: ['auto', 'single', 'split'], defaultText: 'the study\'s setting', help: 'auto (split above 8 MB of graphs), single (one self-contained file) or split (graphs loaded on demand)' },
] satisfies OptionSpec[]);
