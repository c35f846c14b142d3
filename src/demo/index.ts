/** @file `lmkg demo`: the paper's knowledge-acquisition experiment on a laptop. */
export { runDemo, groupTableCsv, type DemoOptions, type DemoResult, type DemoProgress } from './demo.js';
export { groupTable, type GroupTable, type GroupRow } from './group-table.js';
export { DEMO_DEFAULTS, DEMO_QUICK, PRETRAINED_MODELS, GOOGLE_RE_DATASETS } from './defaults.js';
export { prepareDemo, demoProblems, demoTrainConfig, type PrepareProgress } from './preflight.js';
export { mostFrequentObjects, objectBaseline, type ObjectBaseline } from './object-baseline.js';
export { DEMO_OPTIONS } from './options.js';
