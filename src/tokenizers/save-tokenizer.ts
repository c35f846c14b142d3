/**
 * @file Saving a tokenizer folder atomically: the files are written into a temporary sibling folder
 * that is renamed into place, so a crash never leaves a half-written folder.
 */
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { stagingFolder, swapFolderIntoPlace, writeTextAtomic } from '../files.js';
import { tokenizerFiles } from './tokenizer-files.js';
import type { Tokenizer } from './types.js';

/** Options of `saveTokenizer`. */
export interface SaveTokenizerOptions {
  /** Replace a non-empty folder (default false: refuse). */
  overwrite?: boolean;
}

/**
 * Writes the tokenizer's files as the folder `dir` (created, or replacing an empty folder; a non-empty
 * one only with `overwrite`); returns the file names written.
 *
 * @example
 * await saveTokenizer(tok, 'tokenizers/roberta-bpe');
 * // ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'vocab.json', 'merges.txt', 'lmkg_tokenizer.json']
 */
export async function saveTokenizer(tok: Tokenizer, dir: string, options: SaveTokenizerOptions = {}): Promise<string[]> {
  const target = resolve(dir);
  const existing = await stat(target).catch(() => null);
  if (existing && !existing.isDirectory()) throw new UsageError(`saveTokenizer: "${dir}" exists and is not a folder; choose another output folder`);
  const nonEmpty = existing ? (await readdir(target)).length > 0 : false;
  if (nonEmpty && !options.overwrite) {
    throw new UsageError(`saveTokenizer: "${dir}" already exists and is not empty; pass { overwrite: true } (CLI: --force) or choose another folder`);
  }
  const files = tokenizerFiles(tok);
  await mkdir(dirname(target), { recursive: true });
  const temp = stagingFolder(target);
  await mkdir(temp);
  try {
    for (const [name, text] of files) await writeFile(join(temp, name), text);
    swapFolderIntoPlace(temp, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  return [...files.keys()];
}

/**
 * Writes the tokenizer's files into an existing (or new) folder that holds other files too, such as
 * a model checkpoint; each file is written to a temporary name and renamed.
 */
export async function writeTokenizerFiles(tok: Tokenizer, dir: string): Promise<string[]> {
  const files = tokenizerFiles(tok);
  for (const [name, text] of files) await writeTextAtomic(join(dir, name), text);
  return [...files.keys()];
}
