/**
 * @file lmkg's public library API. Everything the CLI can do is callable from here.
 *
 * Groups:
 * - errors: the error kinds lmkg throws
 * - data: data roots, LAMA datasets (read, fetch, verify)
 */

// errors
export {
  LmkgError, InvalidOptionError, UsageError, NotFoundError, DataFormatError, IntegrityError, NetworkError, PreflightError,
  type DataLocation, type PreflightProblem,
} from './errors.js';
export { throwIfProblems, outputFolderProblem, freeSpaceProblem, freeBytes, formatBytes } from './preflight.js';
export { LMKG_VERSION } from './version.js';
export { SeededRandom, mixSeed, type RandomState } from './random.js';
export { writeFileAtomic, writeJsonAtomic, writeTextAtomic } from './files.js';
export { availableCpus, cgroupCpus, checkThreads, type CpuSources } from './cpus.js';

// data
export {
  cacheDir, dataRoot, dataFolder, NAMED_DATASETS, resolveDataset, availableDatasets, datasetNames, loadLamaDataset,
  readLamaFacts, factQueries, countMasks, passesJudgmentFilter, GOOGLE_RE_RELATIONS, readRelations, fillTemplate,
  fetchLama, downloadFile, extractZip, verifyLamaFolder, lamaChecksPass, LAMA_SHA256, sha256File, DATA_DEFAULTS, LAMA_URL, lamaArchiveUrl, MASK_MARKER,
  withCacheLock, readLockOwner, CACHE_LOCK_DEFAULTS, type CacheLockOptions, type CacheLockOwner,
  type DataRootOptions, type ResolvedDataRoot, type DatasetRef, type LoadDatasetOptions, type LamaDataset, type QueryMode,
  type FetchLamaOptions, type FetchLamaResult, type FetchProgress, type DownloadOptions, type DownloadProgress,
  type FileCheck, type ClozeQuery, type LamaFact, type LamaShape, type Relation, type DatasetStats,
} from './data/index.js';

// tokenizers (issue 3) — exports go here
export {
  trainTokenizer, loadTokenizer, saveTokenizer, writeTokenizerFiles, createTokenizer, tokenizerFiles, TRAINING_RECORD_FILE,
  readCorpusLines, listCorpusFiles, toByteLevel, fromByteLevel, readTokenizerInfo, tokenizerDir, TOKENIZER_FILES, tokenWord, vocabularyWords,
  normaliseWord, normalizerCasing,
  type TokenizerInfo, type TokenizerFamily, type TokenWord,
  BPE_TRAIN_DEFAULTS, WORDPIECE_TRAIN_DEFAULTS, BPE_SPECIAL_TOKENS, WORDPIECE_SPECIAL_TOKENS, WORDPIECE_PREFIX, MAX_VOCAB_SIZE,
  type TrainTokenizerOptions, type SaveTokenizerOptions, type CreateTokenizerOptions, type CorpusFile, type CorpusProgress,
  type ReadCorpusOptions, type Tokenizer, type TokenizerKind, type TokenizerSpecials, type SpecialToken, type EncodeOptions,
  type DecodeOptions, type TokenizerTrainingRecord, type TrainTokenizerProgress,
} from './tokenizers/index.js';

// nlp (issue 6) — exports go here
export {
  loadNlp, parseText, splitSentences, tagWords, analyzeText, tagGoldWords, findEntities, nameType,
  readConllu, parseConllu, UPOS_TAGS, readTreebank, treebankFiles, treebankFolder, treebankSha256, TREEBANK_NAME,
  fetchTreebank, treebankBaseUrl, UD_EWT_SHA256, UD_EWT_FILES, trainParser, evaluateParser, attachmentScores, universalLabel, parseTaggedWords,
  saveParserModel, loadParserModel, loadOrTrainParser, parserCacheFile, isProjective, projectivize,
  PARSER_DEFAULTS, PARSER_VERSION, UD_EWT_RELEASE, UD_EWT_BASE_URL,
  type UposTag, type ParsedToken, type EntityType, type EntitySpan, type ParsedSentence, type Nlp, type LoadNlpOptions,
  type TaggedToken, type WinkAnalysis, type EntityOptions, type TreebankSentence, type TreebankWord, type TreebankSplit,
  type ReadTreebankOptions, type FetchTreebankOptions, type FetchTreebankResult, type FetchTreebankProgress,
  type TrainingSentence, type TrainParserOptions, type TrainProgress as TrainParserProgress, type TaggerProgress as LexicalTaggerProgress,
  type ParserScores, type AttachmentScores, type EvaluateProgress,
  type ParserModel, type ParserModelInfo, type ParsedTree, type ParserCacheOptions, type CachedParser, type ParserProgress,
} from './nlp/index.js';

// kg (issue 6) — exports go here
export {
  createKnowledgeGraph, addTriple, kgTriples, normaliseKey, buildKnowledgeGraph, addTripleByPair, diffKnowledgeGraphs, tripleKey,
  kgToCsv, kgFromCsv, triplesFromCsv, saveKnowledgeGraph, loadKnowledgeGraph, kgToGraphml, kgFromGraphml, kgToGexf, kgFromGexf,
  writeKnowledgeGraph, readKnowledgeGraph, formatKnowledgeGraph, kgFileFormat, KG_FILE_FORMATS, KG_DEFAULTS,
  knowledgeGraphView, hasSlotProvenance, KG_VIEWS, TRIPLE_PARTS,
  type Provenance, type Triple, type TripleWithProvenance, type KgNode, type KgEdge, type KgMeta, type KgMode, type KnowledgeGraph,
  type KgView, type TriplePart,
  type BuildKnowledgeGraphOptions, type KgDiff, type KnowledgeGraphJson, type KgFileFormat,
} from './kg/index.js';

// lm: models, checkpoints, ONNX, the inference session
export {
  initModel, MaskedLm, resolveModelSource, HUB_ALIASES, loadCheckpoint, readModelConfig, writeModelFolder, exportOnnx, buildOnnxModel,
  onnxInputNames, ONNX_OPSET, readSafetensors, parseSafetensors, writeSafetensors, decodeFloat32, initWeights, configFromHf, configToHf,
  presetConfig, MODEL_PRESETS, ARCHITECTURES, maxSequenceLength, modelNames, parameterSpecs, countParameters, writeExportRecord,
  INIT_DEFAULTS, HUB_DEFAULTS, hubEndpoint, hubFileUrl, hubFileMetadata, hubFileMismatch, fileHash, downloadHubRepo, readHubRecord,
  HUB_RECORD_FILE, modelProblems, modelProblem, type HubFileMetadata, type HubRecord, type HubDownloadOptions, type HubDownloadProgress,
  type ModelPreflightOptions, type InitModelOptions, type InitModelResult, type MaskedLmOptions, type ResolvedModelSource,
  type ModelSourceOptions, type LoadedCheckpoint, type WriteModelFolderOptions, type MaskedLmConfig, type Architecture, type ModelPreset,
  createOrtSession, checkCudaProvider, cudaProviderPath, CUDA_INSTALL_COMMAND, DEVICES, type Device, type OrtSessionOptions,
  type ModelWeights, type WeightTensor, type SafetensorsFile, type SafetensorsEntry,
} from './lm/index.js';

// probe: cloze queries -> prediction records, LAMA metrics
export {
  probe, createProber, lamaMetrics, readPredictions, readProbeMeta, PROBE_DEFAULTS, METRICS_DEFAULTS, FILL_RULES, placeFill, applyCasing,
  goldCasing, refillRecord, goldFilledRecord, type Refill, type FillRule, type AppliedFillRule, type SlotFill, type SlotPositions,
  type GoldCasing, type CharSpan, type PredictionRecord, type TokenPrediction, type FactPrediction, type CommonVocabPrediction,
  type ProbeOptions, type ProbeResult, type ProbeProgress, type Prober, type ProbeRunMeta, type SkippedQuery, type LamaMetrics,
  type LamaMetricsOptions, type LevelMetrics, type RelationMetrics, type SubstringCount,
} from './probe/index.js';

// train (issue 5) — exports go here
export {
  train, resumeTraining, TRAIN_DEFAULTS, TRAIN_PRESET_NAMES, resolveTrainConfig, readTrainPreset, buildEvidenceCorpus, parseEvidenceSource,
  listTrainingCheckpoints, readTrainingCheckpoint, readTrainerState, initTfBackend, createTfMaskedLm, maskedLmLogits, disposeTfMaskedLm,
  TRAIN_RUN_FILE, HOLDOUT_FILE, trainProblems, preflightTrain, checkpointSpace, CHECKPOINT_BYTES_PER_PARAMETER, type TrainPreflightInput,
  ENGINE_NAMES, buildTrainingGraph, flatLayout,
  type TrainOptions, type ResumeOptions, type TrainProgress, type TrainResult, type TrainConfig, type TrainerState, type LogEntry, type CheckpointRef,
  type EvidenceCorpus, type TfMaskedLm, type EngineName, type RuntimeOverrides, type TrainingGraphOptions, type FlatLayout,
} from './train/index.js';

// extract (issue 6) — exports go here
export {
  entityPrepTriples, svoTriples, svoPlusTriples, clauseTriples, lamaTriples, EXTRACTORS, resolveExtractor, EXTRACT_DEFAULTS, EXTRACTOR_NAMES,
  extractTriples, memoiseParser, extractKnowledgeGraphs, extractKnowledgeGraphsFromFile, loadPredictions, writeExtractOutputs, extractScores,
  tripleLinksFact, sentenceShape, goldRole, SENTENCE_SHAPES, slotCoverageSummary, querySlotCoverage, factSplit, FACT_SPLIT_DEFAULTS,
  markedSentence, judgeSlotSentence, slotTouchingTriples, labelledPrecision, sameTriple,
  type RecordSide, type Extractor, type ExtractorName, type SentenceParser, type ExtractProgress, type ExtractTriplesOptions,
  type ExtractKnowledgeGraphsOptions, type ExtractedKnowledgeGraphs, type ExtractFromFileOptions, type LoadedPredictions,
  type WriteExtractOutputsOptions, type FactToLink, type SentenceShape, type SlotCoverageSummary, type CoverageFigures,
  type QuerySlotCoverage, type FactPart, type FactSplitOptions, type MarkedSentence, type SlotSentenceJudgement, type LabelledTriple,
  type LabelledPrecision, type SentenceExtractor,
} from './extract/index.js';

// compare (issue 7) — exports go here
export {
  compareGraphs, compareFolders, pairwiseMatrix, defaultPosTagger, PAPER_MODE_NOTES, comparisonRow, comparisonRowsCsv,
  toCompactGraph, compactGraphFromTriples, toUndirectedGraph, toPaperGraph, porterStem, linearSumAssignment,
  approximateEditDistance, hausdorffEditDistance, exactGraphEditDistance, alignedEditDistance, editPathCost, prepareEditPair,
  paperApproximateEditDistance, paperHausdorffEditDistance, featherEmbedding, clusteringCoefficients, cosineSimilarity, euclideanDistance,
  posProfile, comparePosCounts, overlapRatio, posComparisonByRelation, posOverlapBootstrap, POS_TAGS,
  tripleScores, tripleScoresBootstrap, factIdOfQuery, precisionAt1, precisionAt1Bootstrap,
  factTimeline, factTimelineCsv, bootstrapIntervals, quantile, seededRandom,
  factTripleScores, scoreFactCounts, chanceBaseline, chanceBand, poolChanceFigures, createChanceCache, CHANCE_DEFAULTS,
  COMPARE_DEFAULTS, EDIT_COSTS, AED_DEFAULTS, EXACT_GED_DEFAULTS, FEATHER_DEFAULTS, FEATHER_PAPER_SETTINGS, BOOTSTRAP_DEFAULTS, METRIC_NAMES,
  type GraphComparison, type GraphSummary, type ComparisonRow, type CompareOptions, type CompareProgress, type PairwiseMatrix, type PairwiseMetric,
  type CompactGraph, type PlainTriple, type UndirectedGraph, type PaperGraph, type LinearSumAssignmentOptions, type AssignmentResult,
  type AedOptions, type AedResult, type HedOptions, type HedResult, type ExactGedOptions, type ExactGedResult,
  type AlignedEditDistanceResult, type EditPathCost, type EditCosts, type EditPair, type FeatherOptions,
  type PosTagger, type PosProfile, type PosProfileOptions, type PosComparison, type RelationPosOverlap, type TripleScores,
  type PrecisionAt1, type CorrectnessOptions, type FactTimeline, type FactTimelineOptions, type TimelineSnapshot, type TimelineFact,
  type TimelineCounts, type FactFate, type BootstrapInterval, type BootstrapOptions, type CompareMode, type MetricName,
  type FactTripleScores, type FactTripleScoreOptions, type CompareFoldersOptions, type CompareFoldersResult, type KgFolder, type ChanceBaseline, type ChanceBaselineOptions, type ChanceBand, type ChanceFigures,
  type ChanceCache,
} from './compare/index.js';

// report (issue 8) — exports go here
export {
  writeReport, writeStudyReport, renderReportHtml, readReportData, validateReportData, serveReport, computeLayout,
  REPORT_DEFAULTS, SERVE_DEFAULTS, LAYOUT_DEFAULTS, REPORT_DATA_ELEMENT_ID,
  type WriteReportOptions, type WriteReportResult, type ServeReportOptions, type ReportServer, type GraphLayout,
  type LayoutOptions, type ReportData, type SummaryRow, type Interval, type IntervalField, type ChanceField, type ChanceView, type EdgeStatus, type GraphView,
  type GraphViewNode, type GraphViewEdge, type QueryView, type FactStatus, type TimelineView, type PosView,
  type ReportMode, type ReportParts, type WriteStudyReportOptions, type WriteStudyReportResult,
} from './report/index.js';

// run (issue 8): a whole study in one call
export {
  runStudy, expandModels, safeFolderName, readRunConfig, RUN_CONFIG_SCHEMA, RUN_DEFAULTS, summaryCsv, CELL_METRICS_FILE,
  studyDatasets, runProblems, preflightRun, type StudyDataset, type RunPreflightInput,
  type RunStudyOptions, type RunStudyResult, type RunProgress, type ModelEntry, type CellMetrics,
  assembleStudy, studyStatus, readPlan, hasPlan, planStudy, readCellRecord, parseShard, partitionCells, shardCells, cellCosts,
  runQueueWorker, prefetchStudy, tryAcquireLease, LEASE_DEFAULTS, QUEUE_DEFAULTS, CELL_RECORD_FILE, PLAN_FILE,
  type AssembleOptions, type AssembleResult, type StudyStatus, type CellStatus, type CellState, type StudyPlan, type PlanCell, type CellRecord,
  type Shard, type QueueWorkerOptions, type QueueWorkerResult, type WorkerEvent, type PrefetchOptions, type HeldLease,
} from './run/index.js';

// demo (issue 9): the paper's experiment end to end
export {
  runDemo, groupTable, groupTableCsv, DEMO_DEFAULTS, DEMO_QUICK, PRETRAINED_MODELS, mostFrequentObjects, objectBaseline,
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
