/**
 * @file The fixed evaluation protocol: gold tokenisation (syntactic words), UPOS tags predicted by
 * the run-time tagger (tag-gold-words.ts), punctuation included. UAS = share of words with the
 * right head; LAS = right head and full label (`nsubj:pass`); universal LAS = right head and
 * label with subtypes stripped on both sides (`nsubj`).
 */
import type { TreebankSentence, TreebankWord } from './conllu.js';
import { parseTaggedWords, type ParsedTree, type ParserModel } from './parser-model.js';
import { tagGoldWords } from './tag-gold-words.js';

/** Unlabelled and labelled attachment scores of a parse. */
export interface AttachmentScores {
  uas: number;
  las: number;
  lasUniversal: number;
  words: number;
}

/** Attachment and tagging scores of the parser on a treebank split. */
export interface ParserScores extends AttachmentScores {
  /** Share of words whose run-time UPOS equals the gold UPOS. */
  tagAccuracy: number;
  sentences: number;
  /** Parsing time only (tagging excluded), wall clock. */
  parseSeconds: number;
}

/** Progress events of `evaluateParser`. */
export interface EvaluateProgress {
  stage: 'evaluate';
  done: number;
  sentences: number;
}

/** Scores a model on treebank sentences (see the file comment). */
export function evaluateParser(
  model: ParserModel, sentences: readonly TreebankSentence[], onProgress?: (progress: EvaluateProgress) => void,
): ParserScores {
  let tags = 0;
  let parseMs = 0;
  const trees: ParsedTree[] = [];
  sentences.forEach((sentence, k) => {
    const forms = sentence.words.map((w) => w.form);
    const predictedTags = tagGoldWords(forms);
    sentence.words.forEach((word, i) => {
      if (predictedTags[i] === word.upos) tags += 1;
    });
    const started = performance.now();
    trees.push(parseTaggedWords(model, forms, predictedTags));
    parseMs += performance.now() - started;
    if (onProgress && ((k + 1) % 200 === 0 || k + 1 === sentences.length)) onProgress({ stage: 'evaluate', done: k + 1, sentences: sentences.length });
  });
  const scores = attachmentScores(sentences.map((s) => s.words), trees);
  return { ...scores, tagAccuracy: scores.words === 0 ? 0 : tags / scores.words, sentences: sentences.length, parseSeconds: parseMs / 1000 };
}

/** UAS, LAS and universal LAS of predicted trees against gold words (all words, punctuation included). */
export function attachmentScores(gold: readonly (readonly TreebankWord[])[], predicted: readonly ParsedTree[]): AttachmentScores {
  let words = 0;
  let heads = 0;
  let labelled = 0;
  let universal = 0;
  gold.forEach((sentence, k) => {
    const tree = predicted[k]!;
    sentence.forEach((word, i) => {
      words += 1;
      if (tree.heads[i] !== word.head) return;
      heads += 1;
      const label = tree.deprels[i]!;
      if (label === word.deprel) labelled += 1;
      if (universalLabel(label) === universalLabel(word.deprel)) universal += 1;
    });
  });
  const share = (count: number) => (words === 0 ? 0 : count / words);
  return { uas: share(heads), las: share(labelled), lasUniversal: share(universal), words };
}

/** `nsubj:pass` -> `nsubj`. */
export function universalLabel(deprel: string): string {
  const colon = deprel.indexOf(':');
  return colon < 0 ? deprel : deprel.slice(0, colon);
}
