/**
 * @file The option table of `lmkg extract` (src/option-table.ts): its flags and their help are made
 * from it; the values are EXTRACT_DEFAULTS'.
 */
import type { OptionSpec } from '../option-table.js';
import { EXTRACT_DEFAULTS } from './defaults.js';
import { EXTRACTORS } from './registry.js';

const extractorNames = Object.values(EXTRACTORS).map((e) => (e.aliases.length > 0 ? `${e.name} (${e.aliases.join(', ')})` : e.name)).join(', ');

/** The option table of `lmkg extract`: its flags, defaults and checks. */
export const EXTRACT_OPTIONS: readonly OptionSpec[] = Object.freeze([
  { key: 'predictions', flag: '--predictions <file>', type: 'string', required: true, help: 'predictions file (JSONL written by `lmkg probe`)' },
  { key: 'extractor', flag: '--extractor <name>', type: 'string', default: EXTRACT_DEFAULTS.extractor, help: `triple extractor: ${extractorNames}` },
  { key: 'mode', flag: '--mode <mode>', type: 'enum', choices: ['triples', 'paper'], default: EXTRACT_DEFAULTS.mode, help: 'triples (every distinct triple) or paper (one relation per source-target pair, the last; the paper\'s code)' },
  { key: 'out', flag: '--out <dir>', type: 'string', required: true, help: 'output folder (created; files in it are replaced)' },
  { key: 'model', flag: '--model <name>', type: 'string', defaultText: 'from the probe\'s .meta.json', help: 'model name to record' },
  { key: 'gexf', flag: '--gexf', type: 'boolean', default: false, help: 'also write GEXF files (Gephi) beside the GraphML files' },
  { key: 'dataDir', flag: '--data-dir <dir>', type: 'string', defaultText: '$LMKG_DATA_DIR, else the cache', help: 'data root with ud/UD_English-EWT for training the parser' },
  { key: 'parserModel', flag: '--parser-model <file>', type: 'string', defaultText: 'the cached one', help: 'use this trained parser model file' },
] satisfies OptionSpec[]);
