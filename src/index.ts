/**
 * @file lmkg's public library API. Everything the CLI can do is callable from here.
 *
 * Groups:
 * - errors: the error kinds lmkg throws
 * - data: data roots, LAMA datasets (read, fetch, verify)
 */

// errors
export {
  LmkgError, InvalidOptionError, UsageError, NotFoundError, DataFormatError, IntegrityError, NetworkError,
  type DataLocation,
} from './errors.js';
export { LMKG_VERSION } from './version.js';

// data
export {
  cacheDir, dataRoot, dataFolder, NAMED_DATASETS, resolveDataset, availableDatasets, loadLamaDataset,
  readLamaFacts, factQueries, countMasks, passesJudgmentFilter, GOOGLE_RE_RELATIONS, readRelations, fillTemplate,
  fetchLama, downloadFile, extractZip, verifyLamaFolder, LAMA_SHA256, sha256File, DATA_DEFAULTS, LAMA_URL, MASK_MARKER,
  type DataRootOptions, type ResolvedDataRoot, type DatasetRef, type LoadDatasetOptions, type LamaDataset, type QueryMode,
  type FetchLamaOptions, type FetchLamaResult, type FetchProgress, type DownloadOptions, type DownloadProgress,
  type FileCheck, type ClozeQuery, type LamaFact, type LamaShape, type Relation, type DatasetStats,
} from './data/index.js';

// tokenizers (issue 3) — exports go here

// nlp (issue 6) — exports go here

// kg (issue 6) — exports go here

// lm (issue 4) — exports go here

// train (issue 5) — exports go here

// extract (issue 6) — exports go here

// compare (issue 7) — exports go here

// report (issue 8) — exports go here
