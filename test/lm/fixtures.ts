/**
 * @file Test models made by lmkg itself: tokenizers trained by lmkg on a slice of the shared
 * Wikipedia corpus (corpusText), and random-weight tiny models built on them.
 */
import { initModel, type Architecture, type InitModelResult } from '../../src/index.js';
import { saveTokenizer, trainTokenizer } from '../../src/tokenizers/index.js';
import { corpusText } from '../helpers/data-dir.js';

/** Trains a small tokenizer (vocab 2,000) of a family and saves it in `dir`; returns `dir`. */
export async function makeTokenizer(type: 'bpe' | 'wordpiece', dir: string): Promise<string> {
  const corpus = corpusText('bio');
  const tokenizer = await trainTokenizer({ type, corpus: [corpus], vocabSize: 2000 });
  await saveTokenizer(tokenizer, dir);
  return dir;
}

/** The tokenizer family each architecture uses (RoBERTa byte-level BPE, the others WordPiece). */
export function familyOf(arch: Architecture): 'bpe' | 'wordpiece' {
  return arch === 'roberta' ? 'bpe' : 'wordpiece';
}

/** A tiny random model of an architecture in `dir`. */
export function makeModel(arch: Architecture, tokenizer: string, dir: string, options: { std?: number; seed?: number } = {}): Promise<InitModelResult> {
  return initModel({ arch, preset: 'tiny', tokenizer, out: dir, std: options.std ?? 0.02, seed: options.seed ?? 1 });
}
