/**
 * @file Training a tokenizer on a corpus: byte-level BPE as RoBERTa's, or WordPiece as BERT's, with
 * the algorithm of the Hugging Face `tokenizers` trainers (see learn-merges.ts). The result encodes
 * at once and saves with `saveTokenizer` in the Hugging Face format.
 */
import { InvalidOptionError, UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';
import { LMKG_VERSION } from '../version.js';
import { toAddedToken } from './added-tokens.js';
import { readCorpusLines, listCorpusFiles } from './corpus-lines.js';
import { createWordCounter } from './count-words.js';
import { createTokenizer } from './create-tokenizer.js';
import { BPE_TRAIN_DEFAULTS, MAX_VOCAB_SIZE, SPECIAL_TOKENS, WORDPIECE_PREFIX, WORDPIECE_TRAIN_DEFAULTS } from './defaults.js';
import { learnMerges } from './learn-merges.js';
import { bpeTokenizerConfig, bpeTokenizerJson, wordPieceTokenizerConfig, wordPieceTokenizerJson } from './tokenizer-json.js';
import type { Tokenizer, TokenizerKind, TokenizerTrainingRecord, TrainTokenizerProgress } from './types.js';
import { byteLevelWords, characterWords } from './word-symbols.js';

/** Options of `trainTokenizer`: kind, corpus, vocabulary size. */
export interface TrainTokenizerOptions {
  type: TokenizerKind;
  /** Text files or folders of `*.txt` files, one paragraph per line. */
  corpus?: readonly string[];
  /** More training text given directly (one paragraph per item), e.g. LAMA evidence snippets. */
  texts?: Iterable<string> | AsyncIterable<string>;
  /** Target vocabulary size, specials included (default 52,000 for bpe, 30,522 for wordpiece). */
  vocabSize?: number;
  /** Pairs seen fewer times are never merged (default 2). */
  minFrequency?: number;
  /** WordPiece: keep this many most frequent characters (default 1000). */
  limitAlphabet?: number;
  /** WordPiece: uncased, lowercase and strip accents (default true). */
  lowercase?: boolean;
  /** model_max_length in tokenizer_config.json (default 512). */
  modelMaxLength?: number;
  onProgress?: (event: TrainTokenizerProgress) => void;
}

const WHERE = 'trainTokenizer';

/**
 * Trains a byte-level BPE (RoBERTa) or WordPiece (BERT) tokenizer. Throws InvalidOptionError for bad
 * options or a vocabulary smaller than alphabet + specials, NotFoundError / UsageError /
 * DataFormatError for a missing, unreadable or binary corpus file, UsageError for an empty corpus.
 *
 * @example
 * const tok = await trainTokenizer({ type: 'bpe', corpus: ['../shared/data/corpus/bio/bio_000.txt'], vocabSize: 8000 });
 * tok.tokenize('Abraham Lincoln was born in <mask>.');
 * // ['Ab', 'raham', 'ĠLincoln', 'Ġwas', 'Ġborn', 'Ġin', '<mask>', '.']
 * tok.encode('born in <mask>'); // [0, 1474, 281, 4, 2]
 */
export async function trainTokenizer(options: TrainTokenizerOptions): Promise<Tokenizer> {
  const started = Date.now();
  if (options === null || typeof options !== 'object') throw new InvalidOptionError(`${WHERE}: pass an options object with at least { type, corpus }`);
  const { type, corpus, texts, onProgress, ...rest } = options;
  if (type !== 'bpe' && type !== 'wordpiece') throw new InvalidOptionError(`${WHERE}: option "type" must be "bpe" or "wordpiece", got ${JSON.stringify(type)}`);
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new InvalidOptionError(`${WHERE}: option "onProgress" must be a function`);
  const wordpiece = type === 'wordpiece';
  const settings = wordpiece
    ? resolveOptions(WHERE, { ...WORDPIECE_TRAIN_DEFAULTS }, rest, {
        vocabSize: 'positive-integer', minFrequency: 'positive-integer', limitAlphabet: 'positive-integer', lowercase: 'boolean', modelMaxLength: 'positive-integer',
      })
    : { ...resolveOptions(WHERE, { ...BPE_TRAIN_DEFAULTS }, rest, { vocabSize: 'positive-integer', minFrequency: 'positive-integer', modelMaxLength: 'positive-integer' }), limitAlphabet: null, lowercase: false };
  const specials = SPECIAL_TOKENS[type];
  if (settings.vocabSize > MAX_VOCAB_SIZE) throw new InvalidOptionError(`${WHERE}: vocabSize ${settings.vocabSize} is above the limit of ${MAX_VOCAB_SIZE}`);
  if (!wordpiece && settings.vocabSize < 256 + specials.length) {
    throw new InvalidOptionError(
      `${WHERE}: vocabSize ${settings.vocabSize} is smaller than the byte alphabet (256) plus the ${specials.length} special tokens; use at least ${256 + specials.length}`,
    );
  }
  if (corpus !== undefined && !Array.isArray(corpus)) throw new InvalidOptionError(`${WHERE}: option "corpus" must be a list of files or folders`);
  if ((corpus === undefined || corpus.length === 0) && texts === undefined) {
    throw new InvalidOptionError(`${WHERE}: no corpus given; pass { corpus: [files or folders] } (one paragraph per line) and/or { texts }`);
  }

  // 1. count words (files are checked before any long work)
  const files = corpus && corpus.length > 0 ? await listCorpusFiles(corpus) : [];
  const specialTokens = specials.map((content, id) => toAddedToken({ id, content, special: true, normalized: false, lstrip: content === '<mask>' }));
  const counter = createWordCounter(type, specialTokens, settings.lowercase);
  let lines = 0;
  if (files.length > 0) {
    const paths = files.map((f) => f.file);
    for await (const line of readCorpusLines(paths, { onProgress: (e) => onProgress?.({ stage: 'read', bytes: e.bytes, totalBytes: e.totalBytes, lines: e.lines }) })) {
      counter.addLine(line);
      lines++;
    }
  }
  let extraTexts = 0;
  if (texts !== undefined) {
    for await (const text of texts as AsyncIterable<string>) {
      if (typeof text !== 'string') throw new InvalidOptionError(`${WHERE}: option "texts" must yield strings, got ${typeof text}`);
      extraTexts++;
      for (const line of text.split('\n')) {
        if (line.length === 0) continue;
        counter.addLine(line);
        lines++;
      }
    }
  }
  if (![...counter.words.keys()].some((word) => /\S/.test(word))) {
    const names = files.slice(0, 3).map((f) => f.file).join(', ') + (files.length > 3 ? ', ...' : '');
    const what = files.length > 0 ? `${files.length} file(s) (${names})` : 'the given texts';
    throw new UsageError(`${WHERE}: the corpus is empty: ${what} hold no words to learn from; pass text files with one paragraph per line`);
  }

  // 2. initial vocabulary and symbols
  const learner = wordpiece
    ? characterWords(counter.words, specials, settings.limitAlphabet!)
    : byteLevelWords(counter.words, specials);
  onProgress?.({ stage: 'alphabet', uniqueWords: counter.words.size, alphabet: learner.alphabet });
  if (settings.vocabSize < learner.vocab.length) {
    throw new InvalidOptionError(
      `${WHERE}: vocabSize ${settings.vocabSize} is smaller than the alphabet this corpus needs: ${specials.length} special tokens + ${learner.alphabet} characters` +
        (wordpiece ? ` + ${learner.vocab.length - specials.length - learner.alphabet} "##" continuation forms` : '') +
        ` = ${learner.vocab.length}; use at least ${learner.vocab.length}${wordpiece ? ' or a smaller limitAlphabet' : ''}`,
    );
  }

  // 3. merges
  const learned = learnMerges({
    ...learner,
    vocabSize: settings.vocabSize,
    minFrequency: settings.minFrequency,
    ...(wordpiece ? { continuingPrefix: WORDPIECE_PREFIX } : {}),
    onProgress: (vocab, bestCount) => onProgress?.({ stage: 'merge', vocab, targetVocab: settings.vocabSize, pairCount: bestCount }),
  });

  // 4. the Hugging Face files, and the tokenizer read back from them
  const json = wordpiece
    ? wordPieceTokenizerJson({ vocab: learned.vocab, specials, lowercase: settings.lowercase })
    : bpeTokenizerJson({ vocab: learned.vocab, merges: learned.merges.map(([a, b]) => [learned.vocab[a]!, learned.vocab[b]!] as const), specials });
  const added = json.added_tokens as Parameters<typeof bpeTokenizerConfig>[1];
  const config = wordpiece
    ? wordPieceTokenizerConfig(specials, added, settings.modelMaxLength, settings.lowercase)
    : bpeTokenizerConfig(specials, added, settings.modelMaxLength);
  const seconds = (Date.now() - started) / 1000;
  const training: TokenizerTrainingRecord = {
    lmkgVersion: LMKG_VERSION,
    type,
    vocabSize: settings.vocabSize,
    minFrequency: settings.minFrequency,
    limitAlphabet: settings.limitAlphabet,
    lowercase: settings.lowercase,
    modelMaxLength: settings.modelMaxLength,
    corpus: files,
    extraTexts,
    lines,
    characters: counter.characters,
    uniqueWords: counter.words.size,
    learnedVocabSize: learned.vocab.length,
    merges: learned.merges.length,
    seconds,
  };
  onProgress?.({ stage: 'done', vocab: learned.vocab.length, seconds });
  return createTokenizer(json, config, { where: WHERE, training });
}
