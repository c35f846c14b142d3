/**
 * @file Tiny random-weight masked LMs for tests, made the way a user makes them: a byte-level BPE
 * tokenizer trained by lmkg on a slice of the shared corpus (on a fresh clone, of text lmkg fetched:
 * corpusText), then `initModel` (what `lmkg model init` runs). A larger init std spreads the predictions so ties do not decide tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initModel } from '../../src/lm/index.js';
import { saveTokenizer, trainTokenizer } from '../../src/tokenizers/index.js';
import { corpusText } from './data-dir.js';

export interface TinyModelsOptions {
  names?: string[];
  arch?: 'bert' | 'roberta' | 'distilbert';
  vocabSize?: number;
  std?: number;
}

/** Writes `<dir>/tokenizer` and one model folder per name under `<dir>/models/`; returns the model folders. */
export async function makeTinyModels(dir: string, options: TinyModelsOptions = {}): Promise<string[]> {
  const names = options.names ?? ['epoch-0', 'epoch-1'];
  const arch = options.arch ?? 'roberta';
  const tokenizerDir = join(dir, 'tokenizer');
  if (!existsSync(tokenizerDir)) {
    const lines = readFileSync(corpusText('bio'), 'utf8').split('\n').slice(0, 3000);
    const tokenizer = await trainTokenizer({ type: arch === 'roberta' ? 'bpe' : 'wordpiece', texts: lines, vocabSize: options.vocabSize ?? 3000 });
    await saveTokenizer(tokenizer, tokenizerDir);
  }
  const folders: string[] = [];
  for (const [seed, name] of names.entries()) {
    const out = join(dir, 'models', name);
    if (!existsSync(out)) await initModel({ arch, preset: 'tiny', tokenizer: tokenizerDir, out, seed, std: options.std ?? 0.5, maxLength: 128 });
    folders.push(out);
  }
  return folders;
}
