/**
 * @file Where the UD English EWT treebank is and how to read it. The folder is
 * `<data root>/ud/UD_English-EWT` (data root: `--data-dir`, `$LMKG_DATA_DIR`, else the cache, as
 * for LAMA). Train is `en_ewt-ud-train.conllu`, or, when that file is absent, its parts
 * `en_ewt-ud-train.part01.conllu`, `part02`, ... read in order (the shared test data ships it so).
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundError } from '../errors.js';
import { dataFolder, type DataRootOptions } from '../data/paths.js';
import { readConllu, type TreebankSentence } from './conllu.js';

/** A split of the treebank. */
export type TreebankSplit = 'train' | 'dev' | 'test';
export const TREEBANK_NAME = 'UD_English-EWT';

/** `<root>/ud/UD_English-EWT`; NotFoundError (saying what to run) when absent. */
export function treebankFolder(options: DataRootOptions = {}): string {
  const folder = join(dataFolder('ud', options), TREEBANK_NAME);
  if (!existsSync(folder)) {
    throw new NotFoundError(`no ${TREEBANK_NAME} in ${dataFolder('ud', options)}: run \`lmkg parser fetch\`, or set LMKG_DATA_DIR to a folder with ud/${TREEBANK_NAME}`);
  }
  return folder;
}

/** The CoNLL-U files of a split, in reading order. */
export function treebankFiles(split: TreebankSplit, options: DataRootOptions = {}): string[] {
  const folder = treebankFolder(options);
  const whole = join(folder, `en_ewt-ud-${split}.conllu`);
  if (existsSync(whole)) return [whole];
  const parts = readdirSync(folder)
    .filter((name) => name.startsWith(`en_ewt-ud-${split}.part`) && name.endsWith('.conllu'))
    .sort()
    .map((name) => join(folder, name));
  if (parts.length === 0) {
    throw new NotFoundError(`${folder} has no en_ewt-ud-${split}.conllu (nor parts of it): run \`lmkg parser fetch\``);
  }
  return parts;
}

/** Options of `readTreebank`: data root and split. */
export interface ReadTreebankOptions extends DataRootOptions {
  /** Keep the first `limit` sentences. */
  limit?: number;
}

/** Reads a split (all parts, in order). */
export async function readTreebank(split: TreebankSplit, options: ReadTreebankOptions = {}): Promise<TreebankSentence[]> {
  const sentences: TreebankSentence[] = [];
  for (const file of treebankFiles(split, options)) {
    if (options.limit !== undefined && sentences.length >= options.limit) break;
    sentences.push(...(await readConllu(file)));
  }
  return options.limit === undefined ? sentences : sentences.slice(0, options.limit);
}

/** sha256 of a split's files concatenated in order (for train in parts: the whole file's sum). */
export async function treebankSha256(split: TreebankSplit, options: DataRootOptions = {}): Promise<string> {
  const hash = createHash('sha256');
  for (const file of treebankFiles(split, options)) {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
