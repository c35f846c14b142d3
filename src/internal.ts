/**
 * @file lmkg's internal entry point (`lmkg/internal`): no stability promise; for benchmarks and tests.
 * The building blocks below the public API (src/index.ts): graph builders, kernels, file layouts,
 * caches and fixtures. Names here may change or go in any release; CHANGELOG.md says which names
 * left the public index for here.
 */

// preflight: preflight checks shared by the commands (free space, output folders)
export {
  throwIfProblems, outputFolderProblem, freeSpaceProblem, freeBytes, formatBytes,
} from './preflight.js';

// random: the seeded generator behind every random draw
export {
  SeededRandom, mixSeed, type RandomState,
} from './random.js';

// files: atomic file writes
export {
  writeFileAtomic, writeJsonAtomic, writeTextAtomic,
} from './files.js';

// cpus: CPU counting under cgroups and thread checks
export {
  cgroupCpus, checkThreads, type CpuSources,
} from './cpus.js';

// data: LAMA reading, downloads, checksums and the cache lock
export {
  resolveDataset, readLamaFacts, factQueries, countMasks, passesJudgmentFilter, GOOGLE_RE_RELATIONS, readRelations,
  fillTemplate, downloadFile, extractZip, lamaChecksPass, LAMA_SHA256, LAMA_URL, lamaArchiveUrl, withCacheLock, readLockOwner,
  CACHE_LOCK_DEFAULTS, type CacheLockOptions, type CacheLockOwner, type DownloadOptions, type DownloadProgress,
} from './data/index.js';

// tokenizers: tokenizer files, byte-level mapping, vocabulary word forms
export {
  writeTokenizerFiles, createTokenizer, tokenizerFiles, TRAINING_RECORD_FILE, readCorpusLines, toByteLevel, fromByteLevel,
  readTokenizerInfo, tokenizerDir, TOKENIZER_FILES, tokenWord, vocabularyWords, normaliseWord, normalizerCasing,
  BPE_SPECIAL_TOKENS, WORDPIECE_SPECIAL_TOKENS, WORDPIECE_PREFIX, MAX_VOCAB_SIZE, type CreateTokenizerOptions, type
  CorpusProgress, type ReadCorpusOptions,
} from './tokenizers/index.js';

// nlp: tagging, entities, CoNLL-U, the treebank files, parser training parts
export {
  parseText, splitSentences, tagWords, analyzeText, tagGoldWords, findEntities, nameType, readConllu, parseConllu,
  treebankFiles, treebankFolder, treebankSha256, TREEBANK_NAME, treebankBaseUrl, UD_EWT_SHA256, UD_EWT_FILES, attachmentScores,
  universalLabel, parseTaggedWords, parserCacheFile, isProjective, projectivize, PARSER_VERSION, UD_EWT_RELEASE,
  UD_EWT_BASE_URL, type WinkAnalysis, type EntityOptions, type TaggerProgress as LexicalTaggerProgress,
} from './nlp/index.js';

// kg: triple keys and CSV triples, slot provenance
export {
  addTripleByPair, tripleKey, triplesFromCsv, kgFileFormat, hasSlotProvenance, TRIPLE_PARTS,
} from './kg/index.js';

// lm: safetensors, weight names, configs, the ONNX graph builders and sessions, hub metadata
export {
  writeModelFolder, buildOnnxModel, onnxInputNames, ONNX_OPSET, readSafetensors, parseSafetensors, writeSafetensors,
  decodeFloat32, initWeights, configFromHf, configToHf, presetConfig, maxSequenceLength, modelNames, parameterSpecs,
  hubEndpoint, hubFileUrl, hubFileMetadata, hubFileMismatch, fileHash, readHubRecord, HUB_RECORD_FILE, modelProblems,
  modelProblem, type HubFileMetadata, type ModelPreflightOptions, type WriteModelFolderOptions, createOrtSession,
  checkCudaProvider, cudaProviderPath, CUDA_INSTALL_COMMAND, type OrtSessionOptions, type SafetensorsFile, type
  SafetensorsEntry,
} from './lm/index.js';

// probe: query encoding and batching, slot fills and casing
export {
  placeFill, applyCasing, goldCasing, refillRecord, goldFilledRecord, type Refill, type SlotPositions, type GoldCasing, type
  CharSpan, encodeQueries, planBatches, type EncodedItem,
} from './probe/index.js';

// train: training config and presets, the evidence corpus, tfjs model, ONNX training graph, checkpoints
export {
  resolveTrainConfig, readTrainPreset, buildEvidenceCorpus, parseEvidenceSource, readTrainingCheckpoint, initTfBackend,
  createTfMaskedLm, maskedLmLogits, disposeTfMaskedLm, TRAIN_RUN_FILE, HOLDOUT_FILE, trainProblems, preflightTrain,
  checkpointSpace, CHECKPOINT_BYTES_PER_PARAMETER, type TrainPreflightInput, buildTrainingGraph, flatLayout, type
  EvidenceCorpus, type TfMaskedLm, type TrainingGraphOptions, type FlatLayout,
} from './train/index.js';

// extract: the single extractors, sentence shapes, slot coverage and judgements, fact splits
export {
  entityPrepTriples, svoTriples, svoPlusTriples, clauseTriples, lamaTriples, resolveExtractor, memoiseParser, loadPredictions,
  extractScores, tripleLinksFact, sentenceShape, goldRole, SENTENCE_SHAPES, slotCoverageSummary, querySlotCoverage, factSplit,
  FACT_SPLIT_DEFAULTS, markedSentence, judgeSlotSentence, slotTouchingTriples, labelledPrecision, sameTriple, type FactToLink,
  type SentenceShape, type SlotCoverageSummary, type CoverageFigures, type QuerySlotCoverage, type FactPart, type
  FactSplitOptions, type MarkedSentence, type SlotSentenceJudgement, type LabelledTriple, type LabelledPrecision,
} from './extract/index.js';

// compare: compact and paper graphs, edit-distance kernels, FEATHER, POS profiles, bootstrap, chance parts
export {
  defaultPosTagger, PAPER_MODE_NOTES, comparisonRow, comparisonRowsCsv, toCompactGraph, compactGraphFromTriples,
  toUndirectedGraph, toPaperGraph, porterStem, linearSumAssignment, approximateEditDistance, hausdorffEditDistance,
  exactGraphEditDistance, alignedEditDistance, editPathCost, prepareEditPair, paperApproximateEditDistance,
  paperHausdorffEditDistance, featherEmbedding, clusteringCoefficients, cosineSimilarity, euclideanDistance, posProfile,
  comparePosCounts, overlapRatio, posComparisonByRelation, posOverlapBootstrap, POS_TAGS, tripleScores, tripleScoresBootstrap,
  factIdOfQuery, precisionAt1Bootstrap, factTimelineCsv, bootstrapIntervals, quantile, seededRandom, factTripleScores,
  scoreFactCounts, chanceBand, poolChanceFigures, createChanceCache, FEATHER_PAPER_SETTINGS, type CompactGraph, type
  PlainTriple, type UndirectedGraph, type PaperGraph, type LinearSumAssignmentOptions, type AssignmentResult, type AedOptions,
  type HedOptions, type ExactGedOptions, type AlignedEditDistanceResult, type EditPathCost, type EditPair, type FeatherOptions,
  type PosTagger, type PosProfileOptions, type RelationPosOverlap, type FactTripleScores, type FactTripleScoreOptions, type
  ChanceCache,
} from './compare/index.js';

// report: report data validation and layout
export {
  validateReportData, computeLayout, LAYOUT_DEFAULTS, REPORT_DATA_ELEMENT_ID, type GraphLayout, type LayoutOptions,
} from './report/index.js';

// run: study folders, plans, cell records, shards and leases, preflight
export {
  expandModels, safeFolderName, summaryCsv, CELL_METRICS_FILE, studyDatasets, runProblems, preflightRun, type RunPreflightInput,
  readPlan, readCellRecord, parseShard, partitionCells, shardCells, cellCosts, tryAcquireLease, LEASE_DEFAULTS,
  CELL_RECORD_FILE, PLAN_FILE, type CellRecord, type HeldLease,
} from './run/index.js';

// demo: the demo's group table and object baseline
export {
  groupTable, groupTableCsv, mostFrequentObjects, objectBaseline,
} from './demo/index.js';

// lm: the ONNX graph builder (bench/train.ts times a bare MatMul graph with it)
export { GraphBuilder, encodeModel, valueInfo, ONNX_TYPES, type EncodeModelOptions } from './lm/onnx-graph.js';

// fixtures for tests and benchmarks: a seeded sample report, a throwaway redis-server
export { makeReportData, nodeKey, XSS, XSS_SUBJECT, POS_TAGS as SAMPLE_POS_TAGS, type ReportDataOptions } from './report/sample-data.js';
export { startRedis, freePort, REDIS_SERVER, type RedisServer } from './run/local-redis.js';
