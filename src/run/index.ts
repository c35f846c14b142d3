/**
 * @file Studies: `runStudy` runs models x datasets x extractors into one run folder (probe,
 * extract, compare, timelines, report), resumable; `readRunConfig` reads lmkg.config.json.
 */
export { runStudy, type RunStudyOptions, type RunStudyResult, type RunProgress } from './run-study.js';
export { studyDatasets, type StudyDataset } from './dataset-folders.js';
export { expandModels, safeFolderName, type ModelEntry, type ModelList } from './model-list.js';
export { readRunConfig, RUN_CONFIG_SCHEMA, type RunConfigFile } from './config-file.js';
export { RUN_DEFAULTS, SNAPSHOT_NAME } from './defaults.js';
export { summaryRow, summaryCsv, type SummaryExtras } from './summary-row.js';
export { graphView } from './graph-view.js';
export { CELL_METRICS_FILE, CELL_GRAPH_VIEW_FILE, CELL_FACT_SCORES_FILE, factScoresCsv, type CellMetrics, type CellInputs } from './study-cell.js';
export { CHANCE_FILE, readChanceResults, readStudyChance, chanceInputs } from './study-chance.js';
export { writeTimeline, type FactGroups } from './study-timeline.js';
export { runProblems, preflightRun, type RunPreflightInput } from './preflight.js';
