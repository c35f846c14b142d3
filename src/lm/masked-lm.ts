/**
 * @file A loaded masked LM for probing: the tokenizer (transformers.js, the reference
 * implementation of tokenizer.json), the vocabulary's word forms, and an onnxruntime-node
 * InferenceSession that runs one forward pass per batch and hands back only the logits rows at
 * the mask positions. The caller must `dispose()` it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { MASK_MARKER } from '../data/index.js';
import { UsageError } from '../errors.js';
import { loadCheckpoint, readModelConfig } from './checkpoint.js';
import { buildOnnxModel } from './onnx-export.js';
import { createOrtSession, type Device } from './ort-session.js';
import { maxSequenceLength, type MaskedLmConfig } from './config.js';
import { resolveModelSource, type ModelSourceOptions, type ResolvedModelSource } from './model-source.js';
import { readTokenizerInfo, vocabularyWords, type TokenizerInfo, type TokenWord } from '../tokenizers/index.js';

/** Options of `MaskedLm.load`: threads, device, which graph to run. */
export interface MaskedLmOptions extends ModelSourceOptions {
  /** onnxruntime intra-op threads (default: onnxruntime's choice, one per core). */
  threads?: number;
  /** `cpu` (default) or `cuda` (onnxruntime's CUDA execution provider; see ort-session.ts). */
  device?: Device;
  /**
   * `auto` (default): for a folder with model.safetensors, run a probing graph built in memory
   * from the weights, whose MLM head computes the mask rows only; otherwise onnx/model.onnx.
   * `full`: always run onnx/model.onnx (logits for every position, rows sliced in JS).
   */
  graph?: 'auto' | 'full';
}

/** A sentence encoded for the model, with the position of its mask token. */
export interface EncodedQuery {
  ids: number[];
  /** The mask position whose logits row `maskLogits` returns. */
  maskIndex: number;
  /** Whether context was cut to fit the model's longest input. */
  truncated: boolean;
}

/** A sentence encoded with several consecutive mask tokens in place of its marker. */
export interface EncodedPieces extends EncodedQuery {
  /** Positions of the mask tokens, left to right (`maskIndex` is the first). */
  maskIndexes: number[];
}

interface Tokenizer {
  encode(text: string, options?: { add_special_tokens?: boolean }): number[];
  decode(ids: number[], options?: { skip_special_tokens?: boolean }): string;
}

/** A loaded masked LM (tokenizer and onnxruntime session) that returns mask logits; call `dispose()`. */
export class MaskedLm {
  readonly source: ResolvedModelSource;
  readonly config: MaskedLmConfig;
  readonly tokenizerInfo: TokenizerInfo;
  readonly words: TokenWord[];
  readonly maskToken: string;
  readonly maskTokenId: number;
  readonly padTokenId: number;
  /** Longest input in tokens, special tokens included. */
  readonly maxLength: number;
  readonly vocabSize: number;
  /** Forward passes run and the seconds spent inside onnxruntime's `run` (for overhead measurements). */
  readonly forwardStats = { calls: 0, seconds: 0 };
  private session: ort.InferenceSession | null;
  private readonly tokenizer: Tokenizer;
  private readonly inputNames: string[];
  private readonly maskLstrip: boolean;

  private constructor(source: ResolvedModelSource, config: MaskedLmConfig, info: TokenizerInfo, tokenizer: Tokenizer, session: ort.InferenceSession) {
    this.source = source;
    this.config = config;
    this.tokenizerInfo = info;
    this.tokenizer = tokenizer;
    this.session = session;
    this.inputNames = [...session.inputNames];
    if (!info.mask) throw new UsageError(`model "${source.spec}": its tokenizer has no mask token ([MASK] or <mask>), so it cannot fill a blank; set mask_token in tokenizer_config.json`);
    this.maskToken = info.mask.token;
    this.maskTokenId = info.mask.id;
    this.padTokenId = info.pad?.id ?? config.padTokenId;
    this.maxLength = maxSequenceLength(config);
    this.vocabSize = config.vocabSize;
    this.words = vocabularyWords(info);
    // ids past the tokenizer's vocabulary (a vocab_size padded to a round number) have no text
    for (let id = this.words.length; id < config.vocabSize; id += 1) this.words.push({ word: '', spaceBefore: true });
    const added = ((info.json.added_tokens ?? []) as Array<{ id: number; lstrip?: boolean }>).find((t) => t.id === this.maskTokenId);
    this.maskLstrip = added?.lstrip === true;
    if (info.vocab.length > config.vocabSize) {
      throw new UsageError(`model "${source.spec}": the tokenizer has ${info.vocab.length} tokens but the model's vocab_size is ${config.vocabSize}; they do not belong together`);
    }
  }

  /** Loads a model folder or hub id (see resolveModelSource). */
  static async load(model: string, options: MaskedLmOptions = {}): Promise<MaskedLm> {
    const source = await resolveModelSource(model, options);
    const { config } = readModelConfig(source.dir);
    const info = readTokenizerInfo(source.dir);
    if (!existsSync(join(source.dir, 'tokenizer_config.json'))) {
      throw new UsageError(`model "${model}": ${join(source.dir, 'tokenizer_config.json')} is missing; it names the mask token (copy it from the tokenizer folder)`);
    }
    const { AutoTokenizer } = await import('@huggingface/transformers');
    const tokenizer = (await AutoTokenizer.from_pretrained(source.dir, { local_files_only: true })) as unknown as Tokenizer;
    const sessionOptions = { ...(options.threads === undefined ? {} : { threads: options.threads }), ...(options.device ? { device: options.device } : {}) };
    let session: ort.InferenceSession;
    if ((options.graph ?? 'auto') === 'auto' && source.kind === 'folder' && existsSync(join(source.dir, 'model.safetensors'))) {
      const checkpoint = loadCheckpoint(source.dir);
      session = await createOrtSession(buildOnnxModel(checkpoint.config, checkpoint.weights, { output: 'mask-logits' }), sessionOptions);
    } else {
      session = await createOrtSession(source.onnxPath, sessionOptions);
    }
    if (!session.inputNames.includes('input_ids') || !(session.outputNames.includes('logits') || session.outputNames.includes('mask_logits'))) {
      await session.release();
      throw new UsageError(`model "${model}": ${source.onnxPath} has inputs [${session.inputNames.join(', ')}] and outputs [${session.outputNames.join(', ')}]; a masked LM needs input_ids and logits`);
    }
    return new MaskedLm(source, config, info, tokenizer, session);
  }

  /** Token ids of a text without special tokens. */
  encodeText(text: string): number[] {
    return this.tokenizer.encode(text, { add_special_tokens: false });
  }

  /** The text of token ids as the model's decoder writes it (transformers.js), without surrounding spaces. */
  decodeIds(ids: readonly number[]): string {
    return this.tokenizer.decode([...ids]).trim();
  }

  /**
   * Encodes a sentence holding one neutral mask marker: the marker becomes the model's mask
   * token, special tokens are added, and a sentence longer than the model allows keeps the
   * window around the mask. Returns null when the encoding does not hold exactly one mask.
   */
  encodeMasked(sentence: string): EncodedQuery | null {
    const encoded = this.encodeMaskedPieces(sentence, 1);
    return encoded && { ids: encoded.ids, maskIndex: encoded.maskIndex, truncated: encoded.truncated };
  }

  /**
   * `encodeMasked` with `pieces` consecutive mask tokens in place of the marker (multi-token fills).
   * Returns null when the encoding does not hold exactly that many masks, side by side.
   */
  encodeMaskedPieces(sentence: string, pieces: number): EncodedPieces | null {
    const masks = this.maskToken.repeat(pieces);
    let text = sentence.replace(MASK_MARKER, masks);
    if (this.tokenizerInfo.family === 'byte-level' && !this.maskLstrip) {
      // RoBERTa's <mask> absorbs the space before it (lstrip); do it here for tokenizers that do not say so
      const at = sentence.indexOf(MASK_MARKER);
      text = sentence.slice(0, at).trimEnd() + masks + sentence.slice(at + MASK_MARKER.length);
    }
    let ids = this.tokenizer.encode(text);
    const first = ids.indexOf(this.maskTokenId);
    if (first < 0 || ids.filter((id) => id === this.maskTokenId).length !== pieces) return null;
    for (let k = 1; k < pieces; k += 1) if (ids[first + k] !== this.maskTokenId) return null;
    let offset = 0;
    let truncated = false;
    if (ids.length > this.maxLength) {
      // keep the first and last (special) tokens and a window of context centred on the masks
      const inner = this.maxLength - 2;
      if (pieces > inner) return null;
      const centre = first + Math.floor(pieces / 2);
      const start = Math.min(Math.max(1, centre - Math.floor(inner / 2)), ids.length - 1 - inner);
      ids = [ids[0]!, ...ids.slice(start, start + inner), ids[ids.length - 1]!];
      offset = start - 1;
      truncated = true;
    }
    const maskIndexes = Array.from({ length: pieces }, (_, k) => first + k - offset);
    return { ids, maskIndex: maskIndexes[0]!, maskIndexes, truncated };
  }

  /**
   * One forward pass over a batch (right-padded); returns the logits row at each query's mask
   * position ([vocabSize] each, views into the output buffer).
   */
  async maskLogits(batch: EncodedQuery[]): Promise<Float32Array[]> {
    if (!this.session) throw new UsageError('MaskedLm: used after dispose()');
    if (batch.length === 0) return [];
    const width = Math.max(...batch.map((q) => q.ids.length));
    const size = batch.length * width;
    const ids = new BigInt64Array(size).fill(BigInt(this.padTokenId));
    const mask = new BigInt64Array(size);
    batch.forEach((query, row) => {
      for (let i = 0; i < query.ids.length; i += 1) {
        ids[row * width + i] = BigInt(query.ids[i]!);
        mask[row * width + i] = 1n;
      }
    });
    const dims = [batch.length, width];
    const feeds: Record<string, ort.Tensor> = { input_ids: new ort.Tensor('int64', ids, dims) };
    if (this.inputNames.includes('attention_mask')) feeds.attention_mask = new ort.Tensor('int64', mask, dims);
    if (this.inputNames.includes('token_type_ids')) feeds.token_type_ids = new ort.Tensor('int64', new BigInt64Array(size), dims);
    const maskRowsOnly = this.inputNames.includes('mask_positions');
    if (maskRowsOnly) feeds.mask_positions = new ort.Tensor('int64', BigInt64Array.from(batch.map((q) => BigInt(q.maskIndex))), [batch.length]);
    const started = performance.now();
    const output = await this.session.run(feeds);
    this.forwardStats.calls += 1;
    this.forwardStats.seconds += (performance.now() - started) / 1000;
    if (maskRowsOnly) {
      const rows = output.mask_logits!;
      const vocab = rows.dims[1]!;
      const values = rows.data as Float32Array;
      return batch.map((_, row) => values.subarray(row * vocab, (row + 1) * vocab));
    }
    const logits = output.logits!;
    const vocab = logits.dims[2]!;
    const data = logits.data as Float32Array;
    return batch.map((query, row) => data.subarray((row * width + query.maskIndex) * vocab, (row * width + query.maskIndex + 1) * vocab));
  }

  /** Releases the onnxruntime session. */
  async dispose(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (session) await session.release();
  }
}
