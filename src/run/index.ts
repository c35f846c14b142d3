/**
 * @file Studies: `runStudy` runs models x datasets (each cell probed and read by every extractor)
 * into one run folder — in one process, as a static shard, or through a BullMQ queue for
 * `runQueueWorker`s — then `assembleStudy` builds the summary, timelines, run.json and report;
 * `studyStatus` says which cells are done, running, failed or missing; `readRunConfig` reads
 * lmkg.config.json.
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
export { writeTimeline, readFactGroups, type FactGroups } from './study-timeline.js';
export { runProblems, preflightRun, type RunPreflightInput } from './preflight.js';
export { assembleStudy, readRunRecord, RUN_RECORD_FILE, type AssembleOptions, type AssembleResult } from './assemble-study.js';
export { studyStatus, cellStatus, type StudyStatus, type CellStatus, type CellState } from './study-status.js';
export { planStudy, readPlan, hasPlan, writePlan, planHash, PLAN_FILE, type StudyPlan, type PlanCell, type StudySettings } from './study-plan.js';
export { runStudyCell, type CellContext, type CellOutcome, type CellStage } from './cell-runner.js';
export { createCellContext, type CellContextOptions } from './cell-context.js';
export { CELL_RECORD_FILE, readCellRecord, cellKey, type CellRecord } from './cell-record.js';
export { tryAcquireLease, readLease, leaseExpired, leaseFile, LEASE_FILE, type HeldLease, type LeaseHolder, type LeaseOptions } from './cell-lease.js';
export { parseShard, shardCells, partitionCells, cellCosts, type Shard } from './shards.js';

export { runQueueWorker, createCellProcessPool, type CellProcessPool, type QueueWorkerOptions, type QueueWorkerResult, type WorkerEvent } from './queue-worker.js';
export { cellJobId, openQueueConnection, type CellJob } from './queue-connection.js';
export { prefetchStudy, type PrefetchOptions } from './prefetch.js';
export { LEASE_DEFAULTS, QUEUE_DEFAULTS } from './defaults.js';
export { RUN_OPTIONS, WORKER_OPTIONS, STUDY_SETTING_OPTIONS, RUN_ACTION_KEYS } from './options.js';
