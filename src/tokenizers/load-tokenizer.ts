/**
 * @file Loading a tokenizer from a Hugging Face `tokenizer.json` (byte-level BPE or WordPiece, lmkg's
 * or any other such as roberta-base's or bert-base-uncased's), with the `tokenizer_config.json` and
 * `lmkg_tokenizer.json` beside it when present.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DataFormatError, NotFoundError, UsageError } from '../errors.js';
import { createTokenizer } from './create-tokenizer.js';
import { TRAINING_RECORD_FILE } from './tokenizer-files.js';
import type { Tokenizer, TokenizerTrainingRecord } from './types.js';

/**
 * Loads `tokenizer.json` (a file, or a folder holding one). NotFoundError when it is missing,
 * DataFormatError when it is not valid JSON or lacks its vocab, UsageError for a kind lmkg does not encode.
 *
 * @example
 * const tok = await loadTokenizer('tokenizers/roberta-bpe');
 * tok.kind;                        // 'bpe'
 * tok.decode(tok.encode('Paris')); // '<s>Paris</s>'
 */
export async function loadTokenizer(fileOrDir: string): Promise<Tokenizer> {
  if (typeof fileOrDir !== 'string' || fileOrDir.length === 0) throw new UsageError('loadTokenizer: pass the path of a tokenizer.json or of a folder holding one');
  const info = await stat(fileOrDir).catch(() => null);
  if (!info) throw new NotFoundError(`loadTokenizer: "${fileOrDir}" does not exist; pass a tokenizer.json or a folder holding one`);
  const file = info.isDirectory() ? join(fileOrDir, 'tokenizer.json') : fileOrDir;
  const json = await readJson(file);
  if (json === undefined) throw new NotFoundError(`loadTokenizer: folder "${fileOrDir}" has no tokenizer.json; train one with \`lmkg tokenizer train\` or point at a Hugging Face tokenizer folder`);
  const folder = dirname(file);
  const config = await readJson(join(folder, 'tokenizer_config.json'));
  const training = (await readJson(join(folder, TRAINING_RECORD_FILE))) as TokenizerTrainingRecord | undefined;
  return createTokenizer(json, config ?? {}, { where: file, training: training ?? null });
}

/** Parsed JSON of `file`, or undefined when it does not exist. */
async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new UsageError(`loadTokenizer: cannot read "${file}" (${code ?? String(error)})`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DataFormatError({ file }, `is not valid JSON (${(error as Error).message})`, { cause: error });
  }
}
