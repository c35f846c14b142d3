/**
 * @file The trained parser: vocabularies, labels and weights, and `parseTaggedWords`, which runs
 * the arc-hybrid system greedily with the averaged weights over a word sequence with UPOS tags.
 */
import { type SentenceIds, ROOT_ID, UNKNOWN_WORD_ID, TEMPLATE_COUNT, extractFeatures } from './parser-features.js';
import { scoreArcsParsing, scoreLabelsParsing, type ParserWeights } from './perceptron.js';
import {
  applyTransition, canLeft, canRight, canShift, initialState, isTerminal, LEFT, RIGHT, SHIFT, type ParseState, type TransitionKind,
} from './transition-system.js';
import { UPOS_TAGS } from './conllu.js';
import { runLexicalTagger, type LexicalTagger } from './lexical-tagger.js';

/** What a model was trained on and how; saved with it. */
export interface ParserModelInfo {
  parserVersion: string;
  /** sha256 of the training CoNLL-U (the released en_ewt-ud-train.conllu when whole). */
  trainSha256: string;
  trainSentences: number;
  /** Training trees with crossing arcs, and arcs lifted to projectivise them. */
  nonProjectiveTrees: number;
  liftedArcs: number;
  epochs: number;
  seed: number;
  features: number;
  trainingSeconds: number;
  lmkgVersion: string;
  /** Scores on the dev set after training, when measured. */
  dev?: { uas: number; las: number; lasUniversal: number; words: number };
}

/** A trained dependency parser (tagger and transition weights). */
export interface ParserModel {
  info: ParserModelInfo;
  /** Relation labels; label id = index. */
  labels: string[];
  /** Label ids allowed with LEFT (dependent before head) and RIGHT, from the training trees ('root' in neither). */
  leftLabels: Int32Array;
  rightLabels: Int32Array;
  rootLabel: number;
  /** Normalised word form -> id (>= 3); rarer words are UNKNOWN_WORD_ID. */
  words: Map<string, number>;
  /** 3-letter suffix -> id (>= 3). */
  suffixes: Map<string, number>;
  /** The lexical tagger (lexical-tagger.ts) whose tags the features use, or null to use the input tags as they are. */
  tagger: LexicalTagger | null;
  weights: ParserWeights;
}

/** Heads and dependency labels of parsed words. */
export interface ParsedTree {
  /** 0-based head of each word, -1 for the root. */
  heads: Int32Array;
  deprels: string[];
  /** The tags the parser's features used: the lexical tagger's (or the input tags without one). Absent when built by hand. */
  featureTags?: readonly string[];
}

/** Case-folded, digits as 0: the form the word vocabulary uses. */
export function normalizeWord(form: string): string {
  return form.toLowerCase().replace(/[0-9]/g, '0');
}

export function wordSuffix(normalized: string): string {
  return normalized.length > 3 ? normalized.slice(-3) : `^${normalized}`;
}

export const TAG_IDS: ReadonlyMap<string, number> = new Map(UPOS_TAGS.map((tag, i) => [tag, i + 3]));

/** Word, tag and suffix ids of a sentence (index n = ROOT). */
/**
 * Word, tag and suffix ids of a sentence (index n = ROOT). `inputTags` are the run-time tagger's;
 * `tags` the ones the features use (the lexical tagger's, or the input tags).
 */
export function sentenceIds(
  model: Pick<ParserModel, 'words' | 'suffixes'>, forms: readonly string[], inputTags: readonly string[], tags: readonly string[] = inputTags,
): SentenceIds {
  const n = forms.length;
  const ids: SentenceIds = {
    words: new Int32Array(n + 1), tags: new Int32Array(n + 1), suffixes: new Int32Array(n + 1), inputTags: new Int32Array(n + 1),
    verbs: new Int32Array(n + 2), puncts: new Int32Array(n + 2),
  };
  for (let i = 0; i < n; i += 1) {
    const normalized = normalizeWord(forms[i]!);
    ids.words[i] = model.words.get(normalized) ?? UNKNOWN_WORD_ID;
    ids.inputTags[i] = TAG_IDS.get(inputTags[i]!) ?? UNKNOWN_WORD_ID;
    ids.tags[i] = TAG_IDS.get(tags[i]!) ?? UNKNOWN_WORD_ID;
    ids.suffixes[i] = model.suffixes.get(wordSuffix(normalized)) ?? UNKNOWN_WORD_ID;
  }
  for (let i = 0; i <= n; i += 1) {
    const tag = i < n ? tags[i] : undefined;
    ids.verbs[i + 1] = ids.verbs[i]! + (tag === 'VERB' || tag === 'AUX' ? 1 : 0);
    ids.puncts[i + 1] = ids.puncts[i]! + (tag === 'PUNCT' ? 1 : 0);
  }
  ids.words[n] = ROOT_ID;
  ids.tags[n] = ROOT_ID;
  ids.suffixes[n] = ROOT_ID;
  ids.inputTags[n] = ROOT_ID;
  return ids;
}

/** Reusable scratch space for parsing. */
interface Scratch {
  keys: Uint32Array;
  ids: Int32Array;
  arc: Float64Array;
  label: Float64Array;
}

const scratchByWidth = new Map<number, Scratch>();

function scratchFor(width: number): Scratch {
  let scratch = scratchByWidth.get(width);
  if (!scratch) {
    scratch = { keys: new Uint32Array(TEMPLATE_COUNT), ids: new Int32Array(TEMPLATE_COUNT), arc: new Float64Array(3), label: new Float64Array(width) };
    scratchByWidth.set(width, scratch);
  }
  return scratch;
}

/**
 * Parses a tagged word sequence greedily: at each step the best allowed transition, then, for
 * LEFT and RIGHT, the best label of that direction.
 */
export function parseTaggedWords(model: ParserModel, forms: readonly string[], tags: readonly string[]): ParsedTree {
  const n = forms.length;
  if (n === 0) return { heads: new Int32Array(0), deprels: [], featureTags: [] };
  const features = model.tagger ? runLexicalTagger(model.tagger, { forms, inputTags: tags }) : tags;
  const ids = sentenceIds(model, forms, tags, features);
  const state = initialState(n);
  const { keys, ids: featureIds, arc, label } = scratchFor(model.weights.width);
  while (!isTerminal(state)) {
    extractFeatures(state, ids, keys);
    scoreArcsParsing(model.weights, keys, featureIds, arc);
    const kind = bestKind(state, arc);
    let labelId = -1;
    if (kind !== SHIFT) {
      if (kind === LEFT && state.b0 === n) labelId = model.rootLabel;
      else {
        scoreLabelsParsing(model.weights, kind === LEFT ? 0 : 1, featureIds, label);
        labelId = bestLabel(kind === LEFT ? model.leftLabels : model.rightLabels, label);
      }
    }
    applyTransition(state, kind, labelId);
  }
  const heads = new Int32Array(n);
  const deprels: string[] = new Array(n);
  for (let i = 0; i < n; i += 1) {
    heads[i] = state.heads[i] === n ? -1 : state.heads[i]!;
    deprels[i] = model.labels[state.labels[i]!]!;
  }
  return { heads, deprels, featureTags: features };
}

/** The allowed transition kind with the highest score. */
export function bestKind(state: ParseState, arc: Float64Array): TransitionKind {
  let kind: TransitionKind = SHIFT;
  let best = -Infinity;
  if (canShift(state)) best = arc[SHIFT]!;
  if (canLeft(state) && arc[LEFT]! > best) {
    kind = LEFT;
    best = arc[LEFT]!;
  }
  if (canRight(state) && arc[RIGHT]! > best) kind = RIGHT;
  return kind;
}

/** The allowed label with the highest score. */
export function bestLabel(allowed: Int32Array, label: Float64Array): number {
  let best = allowed[0]!;
  let bestScore = label[best]!;
  for (let i = 1; i < allowed.length; i += 1) {
    const l = allowed[i]!;
    if (label[l]! > bestScore) {
      best = l;
      bestScore = label[l]!;
    }
  }
  return best;
}
