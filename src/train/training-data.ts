/**
 * @file From corpus sources to training examples: read the text (files, folders and
 * `lama-evidence:` sources), train a byte-level BPE tokenizer on it unless one is given, and cut the
 * token ids into examples (line-by-line or packed).
 */
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { loadTokenizer, readCorpusLines, saveTokenizer, trainTokenizer, type Tokenizer, type TrainTokenizerProgress } from '../tokenizers/index.js';
import { makeExamples } from './blocks.js';
import { splitSentences } from './sentences.js';
import type { TrainConfig } from './defaults.js';
import { buildEvidenceCorpus, EVIDENCE_PREFIX, parseEvidenceSource, type EvidenceCorpus } from './evidence-corpus.js';

export interface PrepareDataOptions {
  /** Text files, folders of *.txt, or `lama-evidence:<dataset>[,...]`. */
  corpus: string[];
  /** An existing tokenizer (folder or tokenizer.json); else one is trained into `<out>/tokenizer`. */
  tokenizer?: string;
  out: string;
  holdout?: number;
  dataDir?: string;
  onProgress?: (event: { stage: 'read'; lines: number } | { stage: 'tokenizer'; event: TrainTokenizerProgress } | { stage: 'tokenize'; lines: number; total: number }) => void;
}

export interface TrainingData {
  tokenizer: Tokenizer;
  tokenizerDir: string;
  examples: Int32Array[];
  lines: number;
  /** Tokens in all examples (specials included). */
  tokens: number;
  evidence: EvidenceCorpus | null;
}

/** Reads all corpus lines (evidence snippets first, then files in order). */
export async function readTrainingLines(options: PrepareDataOptions, seed: number, evidenceText: 'snippets' | 'fact-sentences' = 'snippets'): Promise<{ lines: string[]; evidence: EvidenceCorpus | null }> {
  const evidenceSources = options.corpus.filter((s) => s.startsWith(EVIDENCE_PREFIX));
  const fileSources = options.corpus.filter((s) => !s.startsWith(EVIDENCE_PREFIX));
  if (evidenceSources.length > 1) throw new UsageError(`train: give one lama-evidence: source with all its datasets (lama-evidence:a,b,c), got ${evidenceSources.length}`);
  let evidence: EvidenceCorpus | null = null;
  const lines: string[] = [];
  if (evidenceSources[0] !== undefined) {
    evidence = await buildEvidenceCorpus(parseEvidenceSource(evidenceSources[0]), {
      holdout: options.holdout ?? 0, seed, text: evidenceText, ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    });
    lines.push(...evidence.lines);
  } else if ((options.holdout ?? 0) > 0) {
    throw new UsageError('train: --holdout needs a lama-evidence: corpus (it holds out LAMA subjects)');
  }
  if (fileSources.length > 0) {
    for await (const line of readCorpusLines(fileSources)) {
      lines.push(line);
      if (lines.length % 10_000 === 0) options.onProgress?.({ stage: 'read', lines: lines.length });
    }
  }
  if (lines.length === 0) throw new UsageError(`train: the corpus (${options.corpus.join(', ')}) has no text`);
  return { lines, evidence };
}

export async function prepareTrainingData(options: PrepareDataOptions, config: TrainConfig): Promise<TrainingData> {
  const read = await readTrainingLines(options, config.seed, config.evidenceText);
  const { evidence } = read;
  const lines = config.splitSentences ? read.lines.flatMap(splitSentences) : read.lines;
  let tokenizer: Tokenizer;
  let tokenizerDir: string;
  if (options.tokenizer) {
    tokenizer = await loadTokenizer(options.tokenizer);
    tokenizerDir = options.tokenizer;
  } else {
    tokenizer = await trainTokenizer({
      type: config.arch === 'roberta' ? 'bpe' : 'wordpiece',
      texts: lines,
      vocabSize: config.vocabSize,
      minFrequency: config.minFrequency,
      modelMaxLength: config.maxLength,
      onProgress: (event) => options.onProgress?.({ stage: 'tokenizer', event }),
    });
    tokenizerDir = join(options.out, 'tokenizer');
    await saveTokenizer(tokenizer, tokenizerDir, { overwrite: true });
  }
  const { cls, sep, mask, pad } = tokenizer.specials;
  if (!cls || !sep || !mask || !pad) throw new UsageError(`train: the tokenizer needs start, end, mask and padding tokens (has ${JSON.stringify(tokenizer.specials)})`);
  const ids: number[][] = [];
  for (const line of lines) {
    ids.push(tokenizer.encode(line, { addSpecialTokens: false }));
    if (ids.length % 5_000 === 0) options.onProgress?.({ stage: 'tokenize', lines: ids.length, total: lines.length });
  }
  const examples = makeExamples(ids, config.blockMode, { blockSize: config.blockSize, bosId: cls.id, eosId: sep.id });
  if (examples.length === 0) throw new UsageError('train: the corpus gives no training examples');
  return { tokenizer, tokenizerDir, examples, lines: lines.length, tokens: examples.reduce((n, e) => n + e.length, 0), evidence };
}
