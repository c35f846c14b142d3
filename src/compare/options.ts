/**
 * @file The option table of `lmkg compare` / `compareFolders` (src/option-table.ts): its flags and
 * their help are made from it; the values are the defaults of defaults.ts.
 */
import { KG_VIEWS } from '../kg/types.js';
import type { OptionSpec } from '../option-table.js';
import { AED_DEFAULTS, BOOTSTRAP_DEFAULTS, COMPARE_DEFAULTS, METRIC_NAMES } from './defaults.js';

/** The option table of `lmkg compare`: its flags, defaults and checks. */
export const COMPARE_OPTIONS: readonly OptionSpec[] = Object.freeze([
  { key: 'reference', flag: '--reference <ref>', type: 'string', default: COMPARE_DEFAULTS.reference, help: 'gold (each graph against its own gold graph) or the name of one of the graphs' },
  { key: 'metrics', flag: '--metrics <list>', type: 'list', choices: METRIC_NAMES, default: COMPARE_DEFAULTS.metrics, help: `comma-separated, from ${METRIC_NAMES.join(', ')}` },
  { key: 'mode', flag: '--mode <mode>', type: 'enum', choices: ['exact-defs', 'paper'], default: COMPARE_DEFAULTS.mode, help: 'exact-defs (published definitions) or paper (the paper\'s code, quirks included)' },
  {
    key: 'graph', flag: '--graph <view>', type: 'enum', choices: KG_VIEWS,
    defaultText: `${COMPARE_DEFAULTS.graph['exact-defs']} in exact-defs mode, ${COMPARE_DEFAULTS.graph.paper} (the paper's graph) in paper mode`,
    help: `which triples the graph metrics compare: ${KG_VIEWS.join(', ')}`,
  },
  { key: 'out', flag: '--out <file>', type: 'string', defaultText: 'print only', help: 'write the results as JSON to this file and as CSV beside it (.csv)' },
  { key: 'matrix', flag: '--matrix', type: 'boolean', default: false, help: 'also compute the full pairwise matrix of the graphs' },
  { key: 'timeline', flag: '--timeline', type: 'boolean', default: false, help: 'also build the per-fact timeline over the graphs in the order given (needs their predictions files)' },
  { key: 'aedMaxNodes', flag: '--aed-max-nodes <n>', type: 'integer', min: 1, default: AED_DEFAULTS.maxNodes, help: 'largest graph AED accepts' },
  { key: 'aedTimeBudgetSeconds', flag: '--aed-time-budget <seconds>', type: 'number', min: 0, unit: 'seconds', default: AED_DEFAULTS.timeBudgetMs / 1000, help: 'time budget of one AED' },
  { key: 'bootstrapReplicates', flag: '--bootstrap <n>', type: 'integer', min: 0, default: BOOTSTRAP_DEFAULTS.replicates, help: 'bootstrap replicates for the intervals of P@1, P/R/F1 and POS overlap (0: none)' },
  { key: 'bootstrapSeed', flag: '--seed <n>', type: 'integer', min: 0, default: BOOTSTRAP_DEFAULTS.seed, help: 'bootstrap seed' },
  { key: 'useLabels', flag: '--no-labels', type: 'boolean', default: AED_DEFAULTS.useLabels, defaultText: 'labels counted', help: 'edit distances on structure only (node and relation labels ignored)' },
  { key: 'readPredictions', flag: '--no-predictions', type: 'boolean', default: COMPARE_DEFAULTS.readPredictions, defaultText: 'read', help: 'do not read the predictions files (no P@1, no timeline)' },
] satisfies OptionSpec[]);
