/**
 * @file A masked micro-batch as the training graph's inputs: ids, RoBERTa/BERT position ids, the
 * additive attention bias, the masked rows with their labels and loss weights, and the dropout
 * masks. Several micro-batches (gradient accumulation) are stacked on a leading axis, each padded
 * to the longest sequence and the largest masked-row count: padded keys get the float minimum in
 * the attention bias and padded rows a loss weight of 0, so padding changes no gradient.
 *
 * Dropout masks (bytes: 1 keep, 0 drop) are drawn here, not in the graph, from a generator seeded by the micro-batch's own
 * SeededRandom (itself seeded by seed, epoch, micro-batch), so a resumed run draws the same masks.
 */
import type { MaskedLmConfig } from '../lm/index.js';
import type { SeededRandom } from '../random.js';
import type { MlmBatch } from './loss.js';
import { dropoutSites, usesDropout } from './onnx-model-grad.js';

const FLOAT_MIN = -3.4028234663852886e38; // HF's additive mask value, torch.finfo(float32).min

/** One micro-batch after padding and masking: the same batch the tfjs loss reads. */
export type MaskedMicroBatch = MlmBatch;

export type FloatArray = Float32Array | Float64Array;

/** The graph inputs as typed arrays with their dims (the engine wraps them in tensors). */
export interface FeedArrays {
  [name: string]: { data: BigInt64Array | FloatArray | Uint8Array; dims: number[] };
}

/**
 * Inputs for one micro-batch (`stack` = false, the plain graph) or several (`stack` = true, the
 * Loop graph; dims get a leading micro-batch axis). `lossScale` multiplies every row's weight
 * (1 / micro-batches, so the accumulated loss is the mean over micro-batches, as the tfjs loop).
 * `randoms` are the micro-batches' generators (used only for dropout masks).
 */
export function trainingFeeds(config: MaskedLmConfig, micros: MaskedMicroBatch[], randoms: SeededRandom[], options: { float64?: boolean; stack: boolean; lossScale: number }): FeedArrays {
  const float = (n: number): FloatArray => (options.float64 ? new Float64Array(n) : new Float32Array(n));
  const k = micros.length;
  const batch = Math.max(...micros.map((m) => m.batch));
  const seq = Math.max(...micros.map((m) => m.seqLen));
  const masked = Math.max(...micros.map((m) => m.positions.length));
  const n = batch * seq;
  const ids = new BigInt64Array(k * n).fill(BigInt(config.padTokenId));
  const positionIds = new BigInt64Array(k * n);
  const bias = float(k * n).fill(FLOAT_MIN);
  const rows = new BigInt64Array(k * masked);
  const labels = new BigInt64Array(k * masked);
  const weights = float(k * masked);
  const sites = usesDropout(config) ? dropoutSites(config) : [];
  const heads = config.numHeads;
  const masks = sites.map((site) => new Uint8Array(k * (site.kind === 'probs' ? batch * heads * seq * seq : n * config.hiddenSize)));
  micros.forEach((micro, i) => {
    for (let row = 0; row < micro.batch; row += 1) {
      let seen = 0;
      for (let col = 0; col < micro.seqLen; col += 1) {
        const from = row * micro.seqLen + col;
        const to = i * n + row * seq + col;
        const id = micro.inputIds[from]!;
        ids[to] = BigInt(id);
        if (micro.attentionMask[from] === 1) bias[to] = 0;
        positionIds[to] = BigInt(positionId(config, id, col, (seen += id === config.padTokenId ? 0 : 1)));
      }
      // padding rows of a shorter micro-batch keep pad ids; their positions are those of pads
      for (let col = micro.seqLen; col < seq; col += 1) positionIds[i * n + row * seq + col] = BigInt(positionId(config, config.padTokenId, col, seen));
    }
    for (let row = micro.batch; row < batch; row += 1) {
      for (let col = 0; col < seq; col += 1) positionIds[i * n + row * seq + col] = BigInt(positionId(config, config.padTokenId, col, 0));
    }
    const weight = options.lossScale / micro.positions.length;
    micro.positions.forEach((position, j) => {
      const row = Math.floor(position / micro.seqLen);
      rows[i * masked + j] = BigInt(row * seq + (position % micro.seqLen));
      labels[i * masked + j] = BigInt(micro.labels[j]!);
      weights[i * masked + j] = weight;
    });
    sites.forEach((site, s) => {
      const size = masks[s]!.length / k;
      fillDropoutMask(masks[s]!.subarray(i * size, (i + 1) * size), site.rate, randoms[i]!.nextUint32());
    });
  });
  const lead = options.stack ? [k] : [];
  const feeds: FeedArrays = {
    input_ids: { data: ids, dims: [...lead, batch, seq] },
    position_ids: { data: positionIds, dims: [...lead, batch, seq] },
    attention_bias: { data: bias, dims: [...lead, batch, 1, 1, seq] },
    mask_rows: { data: rows, dims: [...lead, masked] },
    labels: { data: labels, dims: [...lead, masked] },
    loss_weights: { data: weights, dims: [...lead, masked] },
  };
  sites.forEach((site, s) => {
    feeds[`dropout_${s}`] = { data: masks[s]!, dims: [...lead, ...(site.kind === 'probs' ? [batch, heads, seq, seq] : [n, config.hiddenSize])] };
  });
  if (!options.stack && k !== 1) throw new Error('trainingFeeds: an unstacked feed holds exactly one micro-batch');
  return feeds;
}

/**
 * A token's position id as the model's embeddings expect it: RoBERTa counts non-padding tokens
 * from padding_idx + 1 and gives padding padding_idx (HF create_position_ids_from_input_ids, on the
 * masked ids as the tfjs model does); BERT and DistilBERT use the column.
 */
function positionId(config: MaskedLmConfig, id: number, column: number, nonPadSoFar: number): number {
  if (config.arch !== 'roberta') return column;
  return id === config.padTokenId ? config.padTokenId : nonPadSoFar + config.padTokenId;
}

/**
 * Fills `mask` with dropout decisions: 0 (drop) with probability `rate`, else 1 (keep); the graph
 * scales kept values by 1 / (1 - rate). xorshift128 (Marsaglia), seeded through splitmix32 from
 * `seed`, each 32-bit draw deciding two entries by its 16-bit halves (so `rate` is rounded to a
 * multiple of 1/65536: 0.1 becomes 0.100006): the larger presets need tens of millions of
 * decisions per step, and this is about 1 ns each. The same on every machine.
 */
export function fillDropoutMask(mask: Uint8Array, rate: number, seed: number): void {
  if (rate <= 0) {
    mask.fill(1);
    return;
  }
  let x = seed >>> 0;
  const next = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = next();
  let b = next();
  let c = next();
  let d = next() | 1;
  const threshold = Math.round(rate * 65536);
  const length = mask.length;
  for (let i = 0; i < length; i += 2) {
    const t = a ^ (a << 11);
    a = b;
    b = c;
    c = d;
    d = (d ^ (d >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    mask[i] = (d & 0xffff) < threshold ? 0 : 1;
    if (i + 1 < length) mask[i + 1] = d >>> 16 < threshold ? 0 : 1;
  }
}
