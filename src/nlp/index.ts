/**
 * @file The NLP layer: wink-nlp tokens, lemmas and UPOS tags, entity spans, and lmkg's own
 * arc-hybrid dependency parser trained on UD English EWT.
 */
export type { UposTag, ParsedToken, EntityType, EntitySpan, ParsedSentence } from './types.js';
export { loadNlp, parseText, splitSentences, type Nlp, type LoadNlpOptions } from './load-nlp.js';
export { tagWords, analyzeText, type TaggedToken, type WinkAnalysis } from './wink.js';
export { tagGoldWords } from './tag-gold-words.js';
export { findEntities, nameType, type EntityOptions } from './entities.js';
export { readConllu, parseConllu, UPOS_TAGS, type TreebankSentence, type TreebankWord } from './conllu.js';
export {
  readTreebank, treebankFiles, treebankFolder, treebankSha256, TREEBANK_NAME, type TreebankSplit, type ReadTreebankOptions,
} from './treebank.js';
export { fetchTreebank, treebankBaseUrl, type FetchTreebankOptions, type FetchTreebankResult, type FetchTreebankProgress } from './fetch-treebank.js';
export { UD_EWT_SHA256, UD_EWT_FILES } from './treebank-checksums.js';
export { trainParser, type TrainingSentence, type TrainParserOptions, type TrainProgress, type TaggerProgress } from './train-parser.js';
export {
  evaluateParser, attachmentScores, universalLabel, type ParserScores, type AttachmentScores, type EvaluateProgress,
} from './evaluate-parser.js';
export { parseTaggedWords, type ParserModel, type ParserModelInfo, type ParsedTree } from './parser-model.js';
export { saveParserModel, loadParserModel } from './model-file.js';
export {
  loadOrTrainParser, parserCacheFile, type ParserCacheOptions, type CachedParser, type ParserProgress,
} from './parser-cache.js';
export { isProjective, projectivize } from './projectivize.js';
export { PARSER_DEFAULTS, PARSER_VERSION, UD_EWT_RELEASE, UD_EWT_BASE_URL, parserTrainLimitFromEnv } from './defaults.js';
export { parserProblem, treebankProblem } from './preflight.js';
export { PARSER_FETCH_OPTIONS, PARSER_TRAIN_OPTIONS, PARSER_EVAL_OPTIONS, PARSE_OPTIONS } from './options.js';
