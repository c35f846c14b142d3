/**
 * lmkg's public library API: what a notebook or another program needs to probe masked
 * language models with LAMA cloze queries, turn the predictions into knowledge graphs and compare
 * them. Everything the CLI does is callable from here.
 *
 * Groups, in pipeline order: errors, data, tokenizers, nlp, kg, lm, probe, train, extract,
 * compare, report, run, demo. Building blocks below these (graph builders, kernels, caches, file
 * layouts) are in `lmkg/internal` (src/internal.ts), with no stability promise.
 *
 * @packageDocumentation
 * @example
 * const { records } = await probe('path/to/model', 're-place-birth', { topK: 10 });
 * lamaMetrics(records).overall.facts.p1 // e.g. 0.21: the share of facts whose gold object ranks first
 */

// errors: the kinds lmkg throws (tests and callers check the class, not the wording), the version, the CPU count
export {
  LmkgError, InvalidOptionError, UsageError, NotFoundError, DataFormatError, IntegrityError, NetworkError, PreflightError,
  type DataLocation, type PreflightProblem,
} from './errors.js';
export { LMKG_VERSION } from './version.js';
export { availableCpus } from './cpus.js';

// data: the data root, LAMA datasets as cloze queries, fetching and verifying LAMA
export {
  cacheDir, dataRoot, dataFolder, NAMED_DATASETS, availableDatasets, datasetNames, loadLamaDataset, fetchLama, verifyLamaFolder,
  sha256File, DATA_DEFAULTS, MASK_MARKER,
  type DataRootOptions, type ResolvedDataRoot, type DatasetRef, type LoadDatasetOptions, type LamaDataset, type QueryMode,
  type FetchLamaOptions, type FetchLamaResult, type FetchProgress, type FileCheck, type ClozeQuery, type LamaFact, type LamaShape,
  type Relation, type DatasetStats,
} from './data/index.js';

// tokenizers: train, save and load BPE and WordPiece tokenizers
export {
  trainTokenizer, loadTokenizer, saveTokenizer, listCorpusFiles, BPE_TRAIN_DEFAULTS, WORDPIECE_TRAIN_DEFAULTS,
  type TrainTokenizerOptions, type SaveTokenizerOptions, type TrainTokenizerProgress, type TokenizerTrainingRecord, type CorpusFile,
  type Tokenizer, type TokenizerKind, type TokenizerSpecials, type SpecialToken, type EncodeOptions, type DecodeOptions,
  type TokenizerInfo, type TokenizerFamily, type TokenWord,
} from './tokenizers/index.js';

// nlp: the dependency parser the extractors read (trained on UD English EWT) and its treebank
export {
  loadNlp, readTreebank, fetchTreebank, trainParser, evaluateParser, loadOrTrainParser, saveParserModel, loadParserModel,
  PARSER_DEFAULTS, UPOS_TAGS,
  type Nlp, type LoadNlpOptions, type ParsedSentence, type ParsedToken, type UposTag, type EntityType, type EntitySpan,
  type TaggedToken, type ParsedTree, type TreebankSentence, type TreebankWord, type TreebankSplit, type ReadTreebankOptions,
  type FetchTreebankOptions, type FetchTreebankResult, type FetchTreebankProgress, type TrainingSentence, type TrainParserOptions,
  type TrainProgress as TrainParserProgress, type ParserScores, type AttachmentScores, type EvaluateProgress, type ParserModel,
  type ParserModelInfo, type ParserCacheOptions, type CachedParser, type ParserProgress,
} from './nlp/index.js';

// kg: knowledge graphs (graphology, directed multi) and their files (JSON, CSV, GraphML, GEXF)
export {
  createKnowledgeGraph, addTriple, kgTriples, normaliseKey, buildKnowledgeGraph, diffKnowledgeGraphs, knowledgeGraphView,
  saveKnowledgeGraph, loadKnowledgeGraph, writeKnowledgeGraph, readKnowledgeGraph, formatKnowledgeGraph,
  kgToCsv, kgFromCsv, kgToGraphml, kgFromGraphml, kgToGexf, kgFromGexf, KG_FILE_FORMATS, KG_VIEWS, KG_DEFAULTS,
  type Provenance, type Triple, type TripleWithProvenance, type KgNode, type KgEdge, type KgMeta, type KgMode, type KnowledgeGraph,
  type KgView, type TriplePart, type BuildKnowledgeGraphOptions, type KgDiff, type KnowledgeGraphJson, type KgFileFormat,
} from './kg/index.js';

// lm: masked LMs: random init in the HF folder layout, checkpoints, ONNX export, the inference session
export {
  initModel, MaskedLm, resolveModelSource, loadCheckpoint, readModelConfig, exportOnnx, writeExportRecord, countParameters,
  downloadHubRepo, ARCHITECTURES, MODEL_PRESETS, DEVICES, HUB_ALIASES, INIT_DEFAULTS, HUB_DEFAULTS,
  type InitModelOptions, type InitModelResult, type MaskedLmOptions, type EncodedQuery, type EncodedPieces, type ResolvedModelSource,
  type ModelSourceOptions, type LoadedCheckpoint, type MaskedLmConfig, type Architecture, type ModelPreset, type Device,
  type ModelWeights, type WeightTensor, type HubRecord, type HubDownloadOptions, type HubDownloadProgress,
} from './lm/index.js';

// probe: cloze queries -> prediction records, LAMA metrics
export {
  probe, createProber, lamaMetrics, readPredictions, readProbeMeta, PROBE_DEFAULTS, METRICS_DEFAULTS, FILL_RULES,
  type PredictionRecord, type TokenPrediction, type FactPrediction, type CommonVocabPrediction, type SlotFill, type FillRule,
  type AppliedFillRule, type ProbeOptions, type ProbeResult, type ProbeProgress, type Prober, type ProbeRunMeta, type SkippedQuery,
  type LamaMetrics, type LamaMetricsOptions, type LevelMetrics, type RelationMetrics, type SubstringCount,
} from './probe/index.js';

// train: pre-train a masked LM from scratch (tfjs or onnxruntime engine), resume, read checkpoints
export {
  train, resumeTraining, listTrainingCheckpoints, readTrainerState, TRAIN_DEFAULTS, TRAIN_PRESET_NAMES, ENGINE_NAMES,
  type TrainOptions, type ResumeOptions, type TrainProgress, type TrainResult, type TrainConfig, type TrainerState, type LogEntry,
  type CheckpointRef, type EngineName, type RuntimeOverrides,
} from './train/index.js';

// extract: prediction records -> triples -> predicted and gold knowledge graphs
export {
  extractTriples, extractKnowledgeGraphs, extractKnowledgeGraphsFromFile, writeExtractOutputs, EXTRACTORS, EXTRACTOR_NAMES,
  EXTRACT_DEFAULTS,
  type RecordSide, type Extractor, type ExtractorName, type SentenceParser, type SentenceExtractor, type ExtractProgress,
  type ExtractTriplesOptions, type ExtractKnowledgeGraphsOptions, type ExtractedKnowledgeGraphs, type ExtractFromFileOptions,
  type LoadedPredictions, type WriteExtractOutputsOptions,
} from './extract/index.js';

// compare: graph-to-graph and graph-to-gold metrics, pairwise matrices, fact timelines, the chance baseline
export {
  compareGraphs, compareFolders, pairwiseMatrix, precisionAt1, factTimeline, chanceBaseline,
  COMPARE_DEFAULTS, METRIC_NAMES, EDIT_COSTS, AED_DEFAULTS, EXACT_GED_DEFAULTS, FEATHER_DEFAULTS, BOOTSTRAP_DEFAULTS, CHANCE_DEFAULTS,
  type GraphComparison, type GraphSummary, type ComparisonRow, type CompareOptions, type CompareProgress, type CompareMode,
  type MetricName, type PairwiseMatrix, type PairwiseMetric, type CompareFoldersOptions, type CompareFoldersResult, type KgFolder,
  type TripleScores, type PrecisionAt1, type CorrectnessOptions, type FactTimeline, type FactTimelineOptions, type TimelineSnapshot,
  type TimelineFact, type TimelineCounts, type FactFate, type BootstrapInterval, type BootstrapOptions, type EditCosts,
  type AedResult, type HedResult, type ExactGedResult, type PosComparison, type PosProfile,
  type ChanceBaseline, type ChanceBaselineOptions, type ChanceBand, type ChanceFigures,
} from './compare/index.js';

// report: the self-contained HTML report of a run or a study, and a local server for it
export {
  writeReport, writeStudyReport, renderReportHtml, readReportData, serveReport, REPORT_DEFAULTS, SERVE_DEFAULTS,
  type WriteReportOptions, type WriteReportResult, type WriteStudyReportOptions, type WriteStudyReportResult, type ServeReportOptions,
  type ReportServer, type ReportData, type ReportMode, type ReportParts, type SummaryRow, type Interval, type IntervalField,
  type ChanceField, type ChanceView, type EdgeStatus, type GraphView, type GraphViewNode, type GraphViewEdge, type QueryView,
  type FactStatus, type TimelineView, type PosView,
} from './report/index.js';

// run: a whole study (models x datasets) in one call, on one machine or through a queue of workers
export {
  runStudy, readRunConfig, planStudy, hasPlan, assembleStudy, studyStatus, prefetchStudy, runQueueWorker,
  RUN_CONFIG_SCHEMA, RUN_DEFAULTS, QUEUE_DEFAULTS,
  type RunStudyOptions, type RunStudyResult, type RunProgress, type ModelEntry, type StudyDataset, type CellMetrics,
  type AssembleOptions, type AssembleResult, type StudyStatus, type CellStatus, type CellState, type StudyPlan, type PlanCell,
  type Shard, type QueueWorkerOptions, type QueueWorkerResult, type WorkerEvent, type PrefetchOptions,
} from './run/index.js';

// demo: the paper's experiment end to end
export {
  runDemo, DEMO_DEFAULTS, DEMO_QUICK, PRETRAINED_MODELS,
  type DemoOptions, type DemoResult, type DemoProgress, type GroupTable, type GroupRow, type ObjectBaseline,
} from './demo/index.js';

// option tables: one per command; its flags, config-file schema, defaults and validation are made from it
export {
  tableDefaults, tableSchema, resolveTableOptions, formatDefault, describeSpec, isValidValue,
  type OptionSpec, type OptionTable, type OptionType, type SchemaProperty,
} from './option-table.js';
export { COMPARE_OPTIONS } from './compare/index.js';
export { REPORT_OPTIONS } from './report/index.js';
export { PROBE_OPTIONS, METRICS_OPTIONS } from './probe/index.js';
export { MODEL_INIT_OPTIONS } from './lm/index.js';
export { TOKENIZER_TRAIN_OPTIONS, TOKENIZER_ENCODE_OPTIONS } from './tokenizers/index.js';
export { DOWNLOAD_DEFAULTS, DATA_FETCH_OPTIONS, DATA_LIST_OPTIONS, DATA_VERIFY_OPTIONS } from './data/index.js';
export { PARSER_FETCH_OPTIONS, PARSER_TRAIN_OPTIONS, PARSER_EVAL_OPTIONS, PARSE_OPTIONS } from './nlp/index.js';
export { EXTRACT_OPTIONS } from './extract/index.js';
export { TRAIN_OPTIONS } from './train/index.js';
export { DEMO_OPTIONS } from './demo/index.js';
export { RUN_OPTIONS, WORKER_OPTIONS, STUDY_SETTING_OPTIONS } from './run/index.js';
