/**
 * @file The option tables of `lmkg run` and `lmkg worker` (src/option-table.ts): their flags, the
 * fields of lmkg.config.json (RUN_CONFIG_SCHEMA in config-file.ts) and the validation of a study's
 * settings (study-plan.ts) are all made from RUN_OPTIONS; the values are RUN_DEFAULTS'.
 */
import type { OptionSpec } from '../option-table.js';
import { PROBE_OPTIONS } from '../probe/index.js';
import { QUEUE_DEFAULTS, RUN_DEFAULTS } from './defaults.js';

const D = RUN_DEFAULTS;

/** A probing option of `lmkg run` is `lmkg probe`'s (same flag, type, default and check). */
function probeOption(key: string, overrides: Partial<OptionSpec> = {}): OptionSpec {
  const spec = PROBE_OPTIONS.find((s) => s.key === key);
  if (!spec) throw new Error(`PROBE_OPTIONS has no ${key}`);
  return { ...spec, ...overrides };
}
const FROM_FILE = 'from the config file';
const DATA_DIR = '$LMKG_DATA_DIR, else the cache';
const CPUS = 'cores, cgroup quota and SLURM_CPUS_PER_TASK, whichever is least';

/** The option table of `lmkg run`: its flags, defaults and checks. */
export const RUN_OPTIONS: readonly OptionSpec[] = Object.freeze([
  { key: 'models', flag: '--models <list>', type: 'list', defaultText: FROM_FILE, help: 'comma-separated: hub ids, model folders, a folder of epoch-* snapshots, or dir/epoch-*' },
  { key: 'datasets', flag: '--datasets <list>', type: 'list', defaultText: FROM_FILE, help: 'comma-separated dataset ids (squad, re-place-birth, re-date-birth, re-place-death, trex:<id>, file:<path>)' },
  { key: 'extractors', flag: '--extractors <list>', type: 'list', default: D.extractors, help: 'comma-separated extractors: entity-prep (spacy), svo (textacy), svo-plus (custom), clause, lama' },
  { key: 'out', flag: '--out <dir>', type: 'string', defaultText: FROM_FILE, help: 'run folder' },
  { key: 'config', flag: '--config <file>', type: 'string', inFile: false, defaultText: './lmkg.config.json when present', help: 'options file (JSON; command-line options win over it)' },
  probeOption('topK'),
  probeOption('batchSize'),
  probeOption('limit', { help: 'queries per dataset (file order)' }),
  probeOption('mode'),
  probeOption('filterJudgments'),
  probeOption('commonVocab'),
  probeOption('fill'),
  probeOption('fillPieces'),
  { key: 'graph', flag: '--graph <view>', type: 'enum', choices: ['fact', 'context', 'all'], default: D.graph, help: 'which triples the graph metrics see: fact (those that touch the filled slot), context or all (the paper\'s graph)' },
  { key: 'chance', flag: '--chance <n>', type: 'integer', min: 0, default: D.chance, help: 'chance baseline: shuffles of the fills per model and dataset (0: none; only against the gold graph)' },
  { key: 'chanceBlockSize', flag: '--chance-block-size <n>', type: 'integer', min: 2, default: D.chanceBlockSize, help: 'facts per permutation block of the chance baseline' },
  { key: 'compareMode', flag: '--compare-mode <mode>', type: 'enum', choices: ['exact-defs', 'paper'], default: D.compareMode, help: 'exact-defs (published definitions) or paper (the paper\'s code)' },
  { key: 'reference', flag: '--reference <name>', type: 'string', default: D.reference, help: 'compare with "gold" or with this model\'s graph' },
  { key: 'bootstrap', flag: '--bootstrap <n>', type: 'integer', min: 0, default: D.bootstrap, help: 'bootstrap replicates for the intervals (0: none)' },
  { key: 'seed', flag: '--seed <n>', type: 'integer', min: 0, default: D.seed, help: 'seed of the bootstrap and of the chance baseline' },
  { key: 'aedMaxNodes', flag: '--aed-max-nodes <n>', type: 'integer', min: 1, default: D.aedMaxNodes, help: 'skip AED above this many nodes (HED is always computed)' },
  { key: 'aedTimeBudgetSeconds', flag: '--aed-time-budget <seconds>', type: 'number', min: 0, unit: 'seconds', default: D.aedTimeBudgetSeconds, help: 'skip an AED that takes longer' },
  { key: 'factGroups', flag: '--fact-groups <holdout.json>', type: 'string', defaultText: 'none', help: 'label facts seen / held out in training (holdout.json of lmkg train)' },
  { key: 'dataDir', flag: '--data-dir <dir>', type: 'string', defaultText: DATA_DIR, help: 'data root' },
  { key: 'parserModel', flag: '--parser-model <file>', type: 'string', inFile: false, defaultText: 'trained once on UD English EWT and cached', help: 'dependency-parser model file' },
  { key: 'report', flag: '--no-report', type: 'boolean', default: D.report, defaultText: 'report.html is written', help: 'skip report.html' },
  { key: 'reportMode', flag: '--report-mode <mode>', type: 'enum', choices: ['auto', 'single', 'split'], default: D.reportMode, help: 'auto (split above 8 MB of graphs), single (one self-contained report.html) or split (graphs loaded on demand from report-parts/)' },
  { key: 'maxCells', flag: '--max-cells <n>', type: 'integer', min: 0, inFile: false, defaultText: 'every cell', help: 'stop after computing N cells (run again to continue)' },
  { key: 'shard', flag: '--shard <i/N>', type: 'string', inFile: false, defaultText: 'every cell, here', help: 'compute only shard i of N (0-based): i/N, auto (a Slurm array task) or auto/N (a Kubernetes Indexed Job); then `lmkg report <out>`' },
  { key: 'queue', flag: '--queue <redis-url>', type: 'string', inFile: false, defaultText: 'no queue', help: 'enqueue the cells on this Redis (redis://host:port) for `lmkg worker`s, follow them, then assemble' },
  { key: 'threads', flag: '--threads <n>', type: 'integer', min: 1, inFile: false, defaultText: CPUS, help: 'CPU threads for onnxruntime' },
  { key: 'status', flag: '--status <run-dir>', type: 'string', inFile: false, defaultText: 'off', help: 'list the cells of a run folder: done, running, failed, missing; and exit' },
  { key: 'prefetch', flag: '--prefetch', type: 'boolean', inFile: false, default: false, help: 'download the data and hub models and train the parser (once, into the cache), then exit; run before starting workers' },
  { key: 'printSchema', flag: '--print-schema', type: 'boolean', inFile: false, default: false, help: 'print the JSON Schema of lmkg.config.json and exit' },
] satisfies OptionSpec[]);

/** The options of runStudy that are not study settings (they do not change the results). */
export const RUN_ACTION_KEYS: readonly string[] = Object.freeze(['models', 'datasets', 'extractors', 'out', 'config', 'parserModel', 'maxCells', 'shard', 'queue', 'threads', 'status', 'prefetch', 'printSchema']);

/** The options a study's results depend on: the settings planStudy resolves and study.json / run.json record. */
export const STUDY_SETTING_OPTIONS: readonly OptionSpec[] = Object.freeze(RUN_OPTIONS.filter((spec) => !RUN_ACTION_KEYS.includes(spec.key)));

/** The option table of `lmkg worker`: its flags, defaults and checks. */
export const WORKER_OPTIONS: readonly OptionSpec[] = Object.freeze([
  { key: 'queue', flag: '--queue <redis-url>', type: 'string', required: true, help: 'the Redis of the queue, e.g. redis://head:6379' },
  { key: 'threads', flag: '--threads <n>', type: 'integer', min: 1, defaultText: CPUS, help: 'CPU threads per cell' },
  { key: 'concurrency', flag: '--concurrency <n>', type: 'integer', min: 1, default: QUEUE_DEFAULTS.concurrency, help: 'cells at once, each in its own process' },
  { key: 'idleExitSeconds', flag: '--idle-exit <seconds>', type: 'integer', min: 1, unit: 'seconds', defaultText: 'run until Ctrl-C or SIGTERM', help: 'stop when no cell came for this long' },
] satisfies OptionSpec[]);
