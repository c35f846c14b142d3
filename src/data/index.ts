/**
 * @file The data layer: data roots and cache, LAMA datasets (read, fetch, verify).
 */
export { cacheDir, dataRoot, dataFolder, type DataRootOptions, type ResolvedDataRoot, type DataSubfolder } from './paths.js';
export { NAMED_DATASETS, resolveDataset, availableDatasets, type DatasetRef } from './datasets.js';
export { datasetNames } from './dataset-names.js';
export { loadLamaDataset, type LoadDatasetOptions, type LamaDataset } from './load-dataset.js';
export { readLamaFacts, factQueries, countMasks, passesJudgmentFilter, recordShape, type QueryMode } from './lama-reader.js';
export { GOOGLE_RE_RELATIONS, readRelations, fillTemplate } from './relations.js';
export { readJsonl, type JsonlLine } from './jsonl.js';
export { fetchLama, type FetchLamaOptions, type FetchLamaResult, type FetchProgress } from './fetch-lama.js';
export { downloadFile, type DownloadOptions, type DownloadProgress, type DownloadResult } from './download.js';
export { extractZip, unsafeEntryReason } from './extract-zip.js';
export { verifyLamaFolder, lamaChecksPass, type FileCheck } from './verify.js';
export { LAMA_SHA256, sha256File } from './checksums.js';
export { DATA_DEFAULTS, DOWNLOAD_DEFAULTS, LAMA_URL, lamaArchiveUrl } from './defaults.js';
export { withCacheLock, readLockOwner, CACHE_LOCK_DEFAULTS, type CacheLockOptions, type CacheLockOwner } from './cache-lock.js';
export { MASK_MARKER, type ClozeQuery, type LamaFact, type LamaShape, type Relation, type DatasetStats } from './types.js';
export { datasetProblems, lamaFolderProblem, dataFixFor } from './preflight.js';
export { DATA_FETCH_OPTIONS, DATA_LIST_OPTIONS, DATA_VERIFY_OPTIONS } from './options.js';
