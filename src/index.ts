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
export { SeededRandom, mixSeed, type RandomState } from './random.js';
export { writeFileAtomic, writeJsonAtomic, writeTextAtomic } from './files.js';

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
export {
  trainTokenizer, loadTokenizer, saveTokenizer, writeTokenizerFiles, createTokenizer, tokenizerFiles, TRAINING_RECORD_FILE,
  readCorpusLines, listCorpusFiles, toByteLevel, fromByteLevel,
  BPE_TRAIN_DEFAULTS, WORDPIECE_TRAIN_DEFAULTS, BPE_SPECIAL_TOKENS, WORDPIECE_SPECIAL_TOKENS, WORDPIECE_PREFIX, MAX_VOCAB_SIZE,
  type TrainTokenizerOptions, type SaveTokenizerOptions, type CreateTokenizerOptions, type CorpusFile, type CorpusProgress,
  type ReadCorpusOptions, type Tokenizer, type TokenizerKind, type TokenizerSpecials, type SpecialToken, type EncodeOptions,
  type DecodeOptions, type TokenizerTrainingRecord, type TrainTokenizerProgress,
} from './tokenizers/index.js';

// nlp (issue 6) — exports go here
export {
  loadNlp, parseText, splitSentences, tagWords, analyzeText, tagGoldWords, findEntities, nameType,
  readConllu, parseConllu, UPOS_TAGS, readTreebank, treebankFiles, treebankFolder, treebankSha256, TREEBANK_NAME,
  fetchTreebank, UD_EWT_SHA256, UD_EWT_FILES, trainParser, evaluateParser, attachmentScores, universalLabel, parseTaggedWords,
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
  type Provenance, type Triple, type TripleWithProvenance, type KgNode, type KgEdge, type KgMeta, type KgMode, type KnowledgeGraph,
  type BuildKnowledgeGraphOptions, type KgDiff, type KnowledgeGraphJson, type KgFileFormat,
} from './kg/index.js';

// lm (issue 4) — exports go here
export {
  probe, createProber, lamaMetrics, readPredictions, readProbeMeta, initModel, MaskedLm, resolveModelSource, HUB_ALIASES,
  loadCheckpoint, readModelConfig, writeModelFolder, exportOnnx, buildOnnxModel, onnxInputNames, ONNX_OPSET,
  readSafetensors, parseSafetensors, writeSafetensors, decodeFloat32, initWeights,
  configFromHf, configToHf, presetConfig, MODEL_PRESETS, ARCHITECTURES, maxSequenceLength, modelNames, parameterSpecs, countParameters,
  readTokenizerInfo, tokenWord, fillMarker, normaliseWord, writeExportRecord, PROBE_DEFAULTS, METRICS_DEFAULTS, INIT_DEFAULTS,
  createOrtSession, checkCudaProvider, cudaProviderPath, CUDA_INSTALL_COMMAND, DEVICES,
  type Device, type OrtSessionOptions, type PredictionRecord, type TokenPrediction, type FactPrediction, type CommonVocabPrediction,
  type ProbeOptions, type ProbeResult, type ProbeProgress, type Prober, type ProbeRunMeta, type SkippedQuery,
  type LamaMetrics, type LamaMetricsOptions, type LevelMetrics, type RelationMetrics, type SubstringCount,
  type InitModelOptions, type InitModelResult, type MaskedLmOptions, type ResolvedModelSource, type ModelSourceOptions,
  type LoadedCheckpoint, type WriteModelFolderOptions, type MaskedLmConfig, type Architecture, type ModelPreset,
  type ModelWeights, type WeightTensor, type SafetensorsFile, type SafetensorsEntry,
  type TokenizerInfo, type TokenWord,
} from './lm/index.js';

// train (issue 5) — exports go here
export {
  train, resumeTraining, TRAIN_DEFAULTS, TRAIN_PRESET_NAMES, resolveTrainConfig, readTrainPreset, buildEvidenceCorpus, parseEvidenceSource,
  listTrainingCheckpoints, readTrainingCheckpoint, readTrainerState, initTfBackend, createTfMaskedLm, maskedLmLogits, disposeTfMaskedLm,
  TRAIN_RUN_FILE, HOLDOUT_FILE, ENGINE_NAMES, availableCpus, buildTrainingGraph, flatLayout,
  type TrainOptions, type ResumeOptions, type TrainProgress, type TrainResult, type TrainConfig, type TrainerState, type LogEntry, type CheckpointRef,
  type EvidenceCorpus, type TfMaskedLm, type EngineName, type RuntimeOverrides, type TrainingGraphOptions, type FlatLayout,
} from './train/index.js';

// extract (issue 6) — exports go here
export {
  entityPrepTriples, svoTriples, svoPlusTriples, lamaTriples, EXTRACTORS, resolveExtractor, EXTRACT_DEFAULTS, EXTRACTOR_NAMES,
  extractTriples, memoiseParser, extractKnowledgeGraphs, extractKnowledgeGraphsFromFile, loadPredictions, writeExtractOutputs, extractScores,
  tripleLinksFact, sentenceShape, goldRole, SENTENCE_SHAPES,
  type RecordSide, type Extractor, type ExtractorName, type SentenceParser, type ExtractProgress, type ExtractTriplesOptions,
  type ExtractKnowledgeGraphsOptions, type ExtractedKnowledgeGraphs, type ExtractFromFileOptions, type LoadedPredictions,
  type WriteExtractOutputsOptions, type FactToLink, type SentenceShape,
} from './extract/index.js';

// compare (issue 7) — exports go here
export {
  compareGraphs, pairwiseMatrix, defaultPosTagger, PAPER_MODE_NOTES, comparisonRow, comparisonRowsCsv,
  toCompactGraph, compactGraphFromTriples, toUndirectedGraph, toPaperGraph, porterStem, linearSumAssignment,
  approximateEditDistance, hausdorffEditDistance, exactGraphEditDistance, alignedEditDistance, editPathCost, prepareEditPair,
  paperApproximateEditDistance, paperHausdorffEditDistance, featherEmbedding, clusteringCoefficients, cosineSimilarity, euclideanDistance,
  posProfile, comparePosCounts, overlapRatio, posComparisonByRelation, posOverlapBootstrap, POS_TAGS,
  tripleScores, tripleScoresBootstrap, factIdOfQuery, precisionAt1, precisionAt1Bootstrap,
  factTimeline, factTimelineCsv, bootstrapIntervals, quantile, seededRandom,
  COMPARE_DEFAULTS, EDIT_COSTS, AED_DEFAULTS, EXACT_GED_DEFAULTS, FEATHER_DEFAULTS, FEATHER_PAPER_SETTINGS, BOOTSTRAP_DEFAULTS, METRIC_NAMES,
  type GraphComparison, type GraphSummary, type ComparisonRow, type CompareOptions, type CompareProgress, type PairwiseMatrix, type PairwiseMetric,
  type CompactGraph, type PlainTriple, type UndirectedGraph, type PaperGraph, type LinearSumAssignmentOptions, type AssignmentResult,
  type AedOptions, type AedResult, type HedOptions, type HedResult, type ExactGedOptions, type ExactGedResult,
  type AlignedEditDistanceResult, type EditPathCost, type EditCosts, type EditPair, type FeatherOptions,
  type PosTagger, type PosProfile, type PosProfileOptions, type PosComparison, type RelationPosOverlap, type TripleScores,
  type PrecisionAt1, type CorrectnessOptions, type FactTimeline, type FactTimelineOptions, type TimelineSnapshot, type TimelineFact,
  type TimelineCounts, type FactFate, type BootstrapInterval, type BootstrapOptions, type CompareMode, type MetricName,
} from './compare/index.js';

// report (issue 8) — exports go here
export {
  writeReport, renderReportHtml, readReportData, validateReportData, serveReport, computeLayout,
  REPORT_DEFAULTS, SERVE_DEFAULTS, LAYOUT_DEFAULTS, REPORT_DATA_ELEMENT_ID,
  type WriteReportOptions, type WriteReportResult, type ServeReportOptions, type ReportServer, type GraphLayout,
  type LayoutOptions, type ReportData, type SummaryRow, type Interval, type EdgeStatus, type GraphView,
  type GraphViewNode, type GraphViewEdge, type QueryView, type FactStatus, type TimelineView, type PosView,
} from './report/index.js';

// run (issue 8): a whole study in one call
export {
  runStudy, expandModels, safeFolderName, readRunConfig, RUN_CONFIG_SCHEMA, RUN_DEFAULTS, summaryCsv, CELL_METRICS_FILE,
  type RunStudyOptions, type RunStudyResult, type RunProgress, type ModelEntry, type CellMetrics,
} from './run/index.js';

// demo (issue 9): the paper's experiment end to end
export {
  runDemo, groupTable, groupTableCsv, DEMO_DEFAULTS, DEMO_QUICK, PRETRAINED_MODELS, mostFrequentObjects, objectBaseline,
  type DemoOptions, type DemoResult, type DemoProgress, type GroupTable, type GroupRow, type ObjectBaseline,
} from './demo/index.js';
