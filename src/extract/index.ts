/**
 * @file Triple extractors and the extraction step: five extractors behind one table (`entity-prep`
 * / `spacy`, `svo` / `textacy`, `svo-plus` / `custom`, `clause`, `lama`), running them over prediction
 * records with provenance, the predicted and gold graphs, their outputs, and the coverage measures
 * of the extractor benchmark.
 */
export { entityPrepTriples, entityPrepExtraction, entityRoot, ENTITY_PREP_PHRASE_LABELS } from './entity-prep.js';
export { svoTriples, svoExtraction, SVO_PHRASE_LABELS } from './svo.js';
export { svoPlusTriples, svoPlusExtraction, SVO_PLUS_PHRASE_LABELS } from './svo-plus.js';
export { clauseTriples, clauseExtraction } from './clause.js';
export { CLAUSE_PHRASE_LABELS } from './clause-phrases.js';
export { factSplit, factHashUnit, type FactPart, type FactSplitOptions } from './fact-split.js';
export {
  markedSentence, sameTriple, slotTouchingTriples, judgeSlotSentence, labelledPrecision,
  type MarkedSentence, type SlotSentenceJudgement, type LabelledTriple, type LabelledPrecision,
} from './slot-judgement.js';
export { plainTriples, type ExtractedTriple, type TripleTokens } from './extracted-triple.js';
export { lamaTriples, type RecordSide } from './lama.js';
export {
  EXTRACTORS, resolveExtractor, type Extractor, type ExtractorName, type SentenceExtractor, type RecordExtractor,
} from './registry.js';
export { EXTRACT_DEFAULTS, EXTRACTOR_NAMES, FACT_SPLIT_DEFAULTS } from './defaults.js';
export { extractTriples, sentenceTriples, slotWords, memoiseParser, type SentenceParser, type ExtractProgress, type ExtractTriplesOptions } from './extract-triples.js';
export {
  extractKnowledgeGraphs, type ExtractKnowledgeGraphsOptions, type ExtractedKnowledgeGraphs,
} from './extract-knowledge-graphs.js';
export { extractKnowledgeGraphsFromFile, type ExtractFromFileOptions } from './extract-from-file.js';
export { loadPredictions, checkRecord, type LoadedPredictions } from './read-predictions.js';
export { writeExtractOutputs, extractScores, type WriteExtractOutputsOptions } from './write-outputs.js';
export { tripleLinksFact, namesSubject, holdsGold, linkWords, SUBJECT_STOP_WORDS, type FactToLink } from './coverage.js';
export { querySlotCoverage, slotCoverageSummary, refersToSubject, SUBJECT_PRONOUNS, type QuerySlotCoverage, type CoverageFigures, type SlotCoverageSummary } from './slot-coverage.js';
export { sentenceShape, goldRole, SENTENCE_SHAPES, type SentenceShape } from './sentence-shape.js';
export {
  dependencyTree, phraseSpan, subtreeSpan, spanText, spanTokens, joinTokens, prepositionOf, prepositionTokens, phrasePrepositionOf,
  phrasePrepositionTokens, baseRelation, relationIn,
  type DependencyTree, type TokenSpan, type PhraseOptions,
} from './tree-helpers.js';
export { EXTRACT_OPTIONS } from './options.js';
