/**
 * @file Trains the parser: an averaged perceptron over arc-hybrid transitions with the dynamic
 * oracle and error exploration of Goldberg & Nivre (2012, 2013). Each step scores the allowed
 * transitions, asks the oracle which are optimal (fewest gold arcs lost), updates towards the
 * best-scoring optimal one when the model's choice is not optimal, and from epoch
 * `exploreFromEpoch` on follows the model's (possibly wrong) choice with probability
 * `exploreProbability`, so the parser learns to recover from its own mistakes.
 * Training trees are projectivised first (projectivize.ts).
 */
import { mulberry32 } from '../random.js';
import { LMKG_VERSION } from '../version.js';
import { resolveOptions } from '../options.js';
import { InvalidOptionError } from '../errors.js';
import { PARSER_DEFAULTS, PARSER_VERSION } from './defaults.js';
import { extractFeatures, TEMPLATE_COUNT, type SentenceIds } from './parser-features.js';
import { bestKind, bestLabel, normalizeWord, sentenceIds, wordSuffix, type ParserModel } from './parser-model.js';
import { runLexicalTagger, trainLexicalTagger, type LexicalTagger } from './lexical-tagger.js';
import { finalizeWeights } from './finalize-weights.js';
import {
  createTrainingWeights, lookupIds, scoreArcsTraining, scoreLabelsTraining, updateArcs, updateLabels,
  type ParserWeights,
} from './perceptron.js';
import { projectivize } from './projectivize.js';
import {
  applyTransition, canLeft, canRight, canShift, goldTree, initialState, isTerminal, transitionCosts, LEFT, RIGHT, SHIFT,
  type GoldTree, type ParseState, type TransitionKind,
} from './transition-system.js';

/** A training tree: words, UPOS tags (as the run-time tagger gives them), heads (-1 = root), relations. */
export interface TrainingSentence {
  forms: string[];
  tags: string[];
  /** The treebank's own UPOS tags, to train the lexical tagger (lexical-tagger.ts); without them there is none. */
  goldTags?: string[];
  heads: number[];
  deprels: string[];
}

/** Progress events of `trainParser`. */
export interface TrainProgress {
  stage: 'train';
  epoch: number;
  epochs: number;
  /** Sentences done in this epoch, of `sentences`. */
  done: number;
  sentences: number;
  /** Share of this epoch's transitions where the model's choice was optimal so far. */
  accuracy: number;
}

/** The lexical tagger's training: `done` of `total` taggers (the jackknife folds, then the final one). */
export interface TaggerProgress {
  stage: 'lexical-tagger';
  done: number;
  total: number;
}

/** Options of `trainParser`: epochs, seed, limits. */
export interface TrainParserOptions {
  epochs?: number;
  seed?: number;
  exploreFromEpoch?: number;
  exploreProbability?: number;
  minWordCount?: number;
  taggerEpochs?: number;
  jackknifeFolds?: number;
  /** sha256 of the training data, recorded in the model. */
  trainSha256?: string;
  /**
   * Called after each epoch with the model averaged so far (to watch dev accuracy by epoch); each
   * call costs an averaging pass (about a second on full EWT).
   */
  afterEpoch?: (epoch: number, model: ParserModel) => void | Promise<void>;
  onProgress?: (progress: TrainProgress | TaggerProgress) => void;
}

/** Trains a parser on `sentences` (see the file comment). */
export async function trainParser(sentences: TrainingSentence[], options: TrainParserOptions = {}): Promise<ParserModel> {
  const { onProgress, trainSha256, afterEpoch, ...rest } = options;
  const settings = resolveOptions('trainParser', PARSER_DEFAULTS, rest, {
    epochs: 'positive-integer', seed: 'number', exploreFromEpoch: 'positive-integer', exploreProbability: 'number', minWordCount: 'positive-integer',
    taggerEpochs: 'positive-integer', jackknifeFolds: 'positive-integer',
  });
  if (sentences.length === 0) throw new InvalidOptionError('trainParser: no training sentences; pass at least one tree');
  const started = Date.now();
  const labels = [...new Set(sentences.flatMap((s) => s.deprels))].sort();
  if (!labels.includes('root')) throw new InvalidOptionError('trainParser: the training trees have no "root" relation');
  const labelId = new Map(labels.map((label, i) => [label, i]));
  const L = labels.length;

  let nonProjectiveTrees = 0;
  let liftedArcs = 0;
  const leftSet = new Set<number>();
  const rightSet = new Set<number>();
  const wordCounts = new Map<string, number>();
  const suffixes = new Map<string, number>();
  const golds: GoldTree[] = [];
  for (const sentence of sentences) {
    const { heads, lifted } = projectivize(sentence.heads);
    if (lifted > 0) {
      nonProjectiveTrees += 1;
      liftedArcs += lifted;
    }
    const labelIds = sentence.deprels.map((d) => labelId.get(d)!);
    heads.forEach((head, i) => {
      if (head < 0) return;
      (i < head ? leftSet : rightSet).add(labelIds[i]!);
    });
    golds.push(goldTree(heads, labelIds));
    for (const form of sentence.forms) {
      const normalized = normalizeWord(form);
      wordCounts.set(normalized, (wordCounts.get(normalized) ?? 0) + 1);
      const suffix = wordSuffix(normalized);
      if (!suffixes.has(suffix)) suffixes.set(suffix, suffixes.size + 3);
    }
  }
  const words = new Map<string, number>();
  for (const [word, count] of wordCounts) if (count >= settings.minWordCount) words.set(word, words.size + 3);
  const { tagger, featureTags } = await lexicalTags(sentences, settings.taggerEpochs, settings.jackknifeFolds, settings.seed, onProgress);
  const rootLabel = labelId.get('root')!;
  leftSet.delete(rootLabel);
  rightSet.delete(rootLabel);
  const shape = {
    labels,
    leftLabels: Int32Array.from([...leftSet].sort((a, b) => a - b)),
    rightLabels: Int32Array.from([...rightSet].sort((a, b) => a - b)),
    rootLabel,
  };
  const ids: SentenceIds[] = sentences.map((s, i) => sentenceIds({ words, suffixes }, s.forms, s.tags, featureTags[i]));

  const weights = createTrainingWeights(L);
  const keys = new Uint32Array(TEMPLATE_COUNT);
  const featureIds = new Int32Array(TEMPLATE_COUNT);
  const arc = new Float64Array(3);
  const labelScores = new Float64Array(L);
  const costs = new Float64Array(3);
  const allowed = [shape.leftLabels, shape.rightLabels] as const;
  const random = mulberry32(settings.seed);
  const order = sentences.map((_, i) => i);

  /** Label step for an arc transition: the predicted label, with a perceptron update when the arc is gold and the label wrong. */
  const labelFor = (state: ParseState, tree: GoldTree, kind: TransitionKind): number => {
    if (kind === LEFT && state.b0 === state.n) return rootLabel;
    const direction = kind === LEFT ? 0 : 1;
    scoreLabelsTraining(weights, direction, featureIds, labelScores);
    const predictedLabel = bestLabel(allowed[direction], labelScores);
    const s0 = state.stack[state.depth - 1]!;
    const head = kind === LEFT ? state.b0 : state.stack[state.depth - 2]!;
    if (tree.heads[s0] === head && tree.labels[s0] !== predictedLabel) {
      updateLabels(weights, keys, direction, tree.labels[s0]!, predictedLabel);
    }
    return predictedLabel;
  };

  const modelOf = (finalWeights: ParserWeights): ParserModel => ({
    ...shape,
    words,
    suffixes,
    tagger,
    weights: finalWeights,
    info: {
      parserVersion: PARSER_VERSION,
      trainSha256: trainSha256 ?? '',
      trainSentences: sentences.length,
      nonProjectiveTrees,
      liftedArcs,
      epochs: settings.epochs,
      seed: settings.seed,
      features: finalWeights.index.count,
      trainingSeconds: (Date.now() - started) / 1000,
      lmkgVersion: LMKG_VERSION,
    },
  });

  for (let epoch = 1; epoch <= settings.epochs; epoch += 1) {
    shuffle(order, random);
    const explore = epoch >= settings.exploreFromEpoch ? settings.exploreProbability : 0;
    let steps = 0;
    let correct = 0;
    for (let k = 0; k < order.length; k += 1) {
      const i = order[k]!;
      const tree = golds[i]!;
      const state = initialState(sentences[i]!.forms.length);
      while (!isTerminal(state)) {
        extractFeatures(state, ids[i]!, keys);
        lookupIds(weights.index, keys, featureIds);
        scoreArcsTraining(weights, featureIds, arc);
        transitionCosts(state, tree, costs);
        const predicted = bestKind(state, arc);
        const gold = bestOptimalKind(state, costs, arc);
        steps += 1;
        let next = predicted;
        if (costs[predicted]! > costs[gold]!) {
          updateArcs(weights, keys, gold, predicted);
          if (!(explore > 0 && random() < explore)) next = gold;
          // Learn the label of the gold arc even when following a wrong transition.
          if (next !== gold && gold !== SHIFT) labelFor(state, tree, gold);
        } else correct += 1;
        const label = next === SHIFT ? -1 : labelFor(state, tree, next);
        weights.clock += 1;
        applyTransition(state, next, label);
      }
      if ((k + 1) % 500 === 0 || k + 1 === order.length) {
        onProgress?.({ stage: 'train', epoch, epochs: settings.epochs, done: k + 1, sentences: order.length, accuracy: correct / steps });
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (afterEpoch && epoch < settings.epochs) await afterEpoch(epoch, modelOf(finalizeWeights(weights)));
  }
  const finalWeights = finalizeWeights(weights);
  return modelOf(finalWeights);
}

/**
 * Trains the lexical tagger on all sentences (for parsing) and gives the parser's training trees
 * jackknifed tags: each fold is tagged by a tagger trained on the other folds, so the parser
 * learns from tags as good as it will see on new text. Without gold tags: no tagger.
 */
async function lexicalTags(
  sentences: TrainingSentence[], epochs: number, folds: number, seed: number, onProgress?: (progress: TaggerProgress) => void,
): Promise<{ tagger: LexicalTagger | null; featureTags: string[][] }> {
  if (sentences.some((s) => !s.goldTags)) return { tagger: null, featureTags: sentences.map((s) => s.tags) };
  const input = sentences.map((s) => ({ forms: s.forms, inputTags: s.tags, goldTags: s.goldTags! }));
  const featureTags: string[][] = new Array(sentences.length);
  const jackknife = folds > 1 && sentences.length >= folds;
  const total = jackknife ? folds + 1 : 1;
  onProgress?.({ stage: 'lexical-tagger', done: 0, total });
  if (jackknife) {
    for (let fold = 0; fold < folds; fold += 1) {
      const held = input.filter((_, i) => i % folds === fold);
      const tagger = trainLexicalTagger(input.filter((_, i) => i % folds !== fold), epochs, mulberry32(seed + fold));
      held.forEach((sentence, k) => {
        featureTags[k * folds + fold] = runLexicalTagger(tagger, sentence);
      });
      onProgress?.({ stage: 'lexical-tagger', done: fold + 1, total });
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else input.forEach((sentence, i) => (featureTags[i] = [...sentence.goldTags]));
  const tagger = trainLexicalTagger(input, epochs, mulberry32(seed));
  onProgress?.({ stage: 'lexical-tagger', done: total, total });
  return { tagger, featureTags };
}

/** The allowed transition of least cost; ties go to the higher score. */
function bestOptimalKind(state: ParseState, costs: Float64Array, arc: Float64Array): TransitionKind {
  let kind: TransitionKind = SHIFT;
  let bestCost = Infinity;
  let bestScore = -Infinity;
  const allowed = [canShift(state), canLeft(state), canRight(state)];
  for (const k of [SHIFT, LEFT, RIGHT] as const) {
    if (!allowed[k]) continue;
    const cost = costs[k]!;
    if (cost < bestCost || (cost === bestCost && arc[k]! > bestScore)) {
      kind = k;
      bestCost = cost;
      bestScore = arc[k]!;
    }
  }
  return kind;
}


function shuffle(array: number[], random: () => number): void {
  for (let i = array.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [array[i], array[j]] = [array[j]!, array[i]!];
  }
}
