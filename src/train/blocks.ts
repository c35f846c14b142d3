/**
 * @file From tokenised lines to training examples. `line-by-line` (the paper's mode, Hugging Face's
 * LineByLineTextDataset): each line is one example, `<s> ... </s>`, truncated to the block size.
 * `packed` (run_mlm's group_texts): all lines' examples concatenated and cut into full blocks.
 */
export type BlockMode = 'line-by-line' | 'packed';

export interface BlockSpec {
  blockSize: number;
  bosId: number;
  eosId: number;
}

/** Makes examples from token ids of lines (without specials). Empty lines are dropped. */
export function makeExamples(lines: Iterable<number[]>, mode: BlockMode, spec: BlockSpec): Int32Array[] {
  const { blockSize, bosId, eosId } = spec;
  const examples: Int32Array[] = [];
  if (mode === 'line-by-line') {
    for (const ids of lines) {
      if (ids.length === 0) continue;
      const body = ids.slice(0, blockSize - 2);
      examples.push(Int32Array.from([bosId, ...body, eosId]));
    }
    return examples;
  }
  let buffer: number[] = [];
  for (const ids of lines) {
    if (ids.length === 0) continue;
    buffer.push(bosId, ...ids, eosId);
    while (buffer.length >= blockSize) {
      examples.push(Int32Array.from(buffer.slice(0, blockSize)));
      buffer = buffer.slice(blockSize);
    }
  }
  return examples; // the remainder shorter than a block is dropped, as group_texts does
}

export interface PaddedBatch {
  /** [batch * seqLen] */
  ids: Int32Array;
  /** [batch * seqLen], 1 for tokens and 0 for padding. */
  attentionMask: Int32Array;
  batch: number;
  seqLen: number;
  /** Real (non-pad) tokens in the batch. */
  tokens: number;
}

/** Pads examples to the longest one (dynamic padding, as Hugging Face's collator). */
export function padBatch(examples: Int32Array[], padId: number): PaddedBatch {
  const seqLen = Math.max(...examples.map((e) => e.length));
  const ids = new Int32Array(examples.length * seqLen).fill(padId);
  const attentionMask = new Int32Array(examples.length * seqLen);
  let tokens = 0;
  examples.forEach((example, row) => {
    ids.set(example, row * seqLen);
    attentionMask.fill(1, row * seqLen, row * seqLen + example.length);
    tokens += example.length;
  });
  return { ids, attentionMask, batch: examples.length, seqLen, tokens };
}
