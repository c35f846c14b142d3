/**
 * @file The probing engine: encodes cloze queries, batches them by length with each fact's
 * sentences kept together, runs one forward pass per batch, and scores the mask-position rows in
 * JS (log-softmax, top-k, gold rank; sentence level and exact fact level, where a fact's score
 * for a token is its mean log-probability over the fact's sentences).
 */
import { MASK_MARKER, type ClozeQuery } from '../data/index.js';
import type { MaskedLm, EncodedQuery } from '../lm/masked-lm.js';
import type { FactPrediction, PredictionRecord, TokenPrediction } from './prediction-types.js';
import { multiTokenFills } from './probe-multi-token.js';
import { goldRank, logSumExp, topKIds } from './scoring.js';
import { blankContext, placeFill, renderGold, singleTokenFill, type FillRule, type SlotFill } from './slot-fill.js';
import { normaliseWord } from '../tokenizers/index.js';

export interface EngineOptions {
  topK: number;
  batchSize: number;
  /** How blanks are filled in `predictedSentence` (see slot-fill.ts); default `whole-word`. */
  fill?: FillRule;
  /** Longest multi-token fill in pieces (`fill: 'multi-token'`); default 3. */
  fillPieces?: number;
  /** 1 for ids in the common vocabulary, or null for none. */
  commonIds: Uint8Array | null;
  /** Fact keys (see factKey) already done: not probed again. */
  skipFacts?: ReadonlySet<string>;
  /** Called after each batch with queries done so far (of those to probe) and the total. */
  onBatch?: (done: number, total: number) => void;
}

/** A query the probe skipped, and why. */
export interface SkippedQuery {
  queryId: string;
  reason: string;
}

/** Key of a fact across datasets. */
export function factKey(query: { dataset: string; factId: string }): string {
  return `${query.dataset}\u0000${query.factId}`;
}

/** How the gold object maps onto the vocabulary. */
export interface GoldInfo {
  single: boolean;
  token: string | null;
  /** Ids whose normalised word equals the gold token's (the canonical id first). */
  matchIds: number[];
}

const wordIndexes = new WeakMap<MaskedLm, Map<string, number[]>>();

function wordIndex(lm: MaskedLm): Map<string, number[]> {
  let index = wordIndexes.get(lm);
  if (!index) {
    index = new Map();
    const uncased = lm.tokenizerInfo.uncased;
    lm.words.forEach((word, id) => {
      if (lm.tokenizerInfo.specialIds.has(id)) return;
      const key = normaliseWord(word.word, uncased);
      const ids = index!.get(key);
      if (ids) ids.push(id);
      else index!.set(key, [id]);
    });
    wordIndexes.set(lm, index);
  }
  return index;
}

/**
 * Whether a gold object is one token: for byte-level BPE the space-prefixed form (`Ġ` + word)
 * must be one token; otherwise the tokenizer's encoding of the word (lowercased by uncased
 * tokenizers) must be one non-unknown token.
 */
export function goldInfo(lm: MaskedLm, gold: string): GoldInfo {
  const text = lm.tokenizerInfo.family === 'byte-level' || lm.tokenizerInfo.family === 'metaspace' ? ` ${gold}` : gold;
  const ids = lm.encodeText(text);
  const id = ids[0];
  if (ids.length !== 1 || id === undefined || id === lm.tokenizerInfo.unk?.id) return { single: false, token: null, matchIds: [] };
  const key = normaliseWord(lm.words[id]!.word, lm.tokenizerInfo.uncased);
  const others = (wordIndex(lm).get(key) ?? []).filter((other) => other !== id);
  return { single: true, token: lm.tokenizerInfo.vocab[id]!, matchIds: [id, ...others] };
}

/** Ids of the vocabulary whose normalised word is in a common vocabulary. */
export function commonVocabIds(lm: MaskedLm, words: Iterable<string>): Uint8Array {
  const allowed = new Uint8Array(lm.vocabSize);
  const index = wordIndex(lm);
  for (const word of words) {
    for (const id of index.get(normaliseWord(word, lm.tokenizerInfo.uncased)) ?? []) allowed[id] = 1;
  }
  return allowed;
}

export interface Item {
  query: ClozeQuery;
  order: number;
  encoded: EncodedQuery;
}

interface Scored {
  predictions: TokenPrediction[];
  goldRank: number | null;
  goldLogProb: number | null;
}

interface Sentence {
  item: Item;
  scored: Scored;
  common: Scored | null;
  fill: SlotFill;
}

/** Encodes queries; those whose encoding does not hold exactly one mask are skipped. */
export function encodeQueries(lm: MaskedLm, queries: readonly ClozeQuery[]): { items: Item[]; skipped: SkippedQuery[] } {
  const items: Item[] = [];
  const skipped: SkippedQuery[] = [];
  queries.forEach((query, order) => {
    const encoded = lm.encodeMasked(query.maskedSentence);
    if (encoded) items.push({ query, order, encoded });
    else skipped.push({ queryId: query.id, reason: `the encoded sentence does not hold exactly one ${lm.maskToken}` });
  });
  return { items, skipped };
}

/**
 * Probes encoded queries; yields the records of the facts completed by each batch. Facts are
 * ordered by their longest sentence, and a fact's sentences go in one batch (or consecutive
 * batches), so its exact mean distribution needs one accumulator at a time.
 */
export async function* probeItems(lm: MaskedLm, items: readonly Item[], options: EngineOptions): AsyncGenerator<PredictionRecord[]> {
  const { groups, batches } = planBatches(items, options.batchSize, options.skipFacts);
  const total = batches.reduce((sum, batch) => sum + batch.length, 0);
  let done = 0;
  const golds = new Map<string, GoldInfo>();
  const rule = options.fill ?? 'whole-word';
  let open: { key: string; items: Item[]; sentences: Sentence[]; sum: Float64Array | null } | null = null;
  for (const batch of batches) {
    const rows = await lm.maskLogits(batch.map((item) => item.encoded));
    const logZs = rows.map((row) => logSumExp(row));
    let fills = batch.map((item, index) => singleTokenFill(lm, rows[index]!, blankContext(item.query.maskedSentence, MASK_MARKER), rule === 'raw' ? 'raw' : 'whole-word', logZs[index]));
    if (rule === 'multi-token') {
      // copy the rows first: the next forward passes may reuse the output buffer
      const kept = rows.map((row) => Float32Array.from(row));
      rows.splice(0, rows.length, ...kept);
      fills = await multiTokenFills(lm, batch.map((item) => item.query.maskedSentence), fills, { maxPieces: options.fillPieces ?? 3, batchSize: options.batchSize });
    }
    const finished: PredictionRecord[] = [];
    batch.forEach((item, index) => {
      const row = rows[index]!;
      const key = factKey(item.query);
      if (!open || open.key !== key) {
        const groupItems = groups.get(key)!;
        open = { key, items: groupItems, sentences: [], sum: groupItems.length > 1 ? new Float64Array(row.length) : null };
      }
      let gold = golds.get(item.query.gold);
      if (!gold) {
        gold = goldInfo(lm, item.query.gold);
        golds.set(item.query.gold, gold);
      }
      const logZ = logZs[index]!;
      const sum = open.sum;
      if (sum) for (let id = 0; id < row.length; id += 1) sum[id] = sum[id]! + row[id]! - logZ;
      open.sentences.push({
        item,
        scored: score(lm, row, logZ, gold, options.topK, null),
        common: options.commonIds ? score(lm, row, logZ, gold, options.topK, options.commonIds) : null,
        fill: fills[index]!,
      });
      if (open.sentences.length === open.items.length) {
        finished.push(...factRecords(lm, open.sentences, open.sum, gold, { ...options, fill: rule }));
        open = null;
      }
    });
    done += batch.length;
    options.onBatch?.(done, total);
    if (finished.length > 0) yield finished;
  }
}

/**
 * Groups encoded queries by fact and packs them into batches: facts ordered by their longest
 * sentence (then file order), a fact's sentences together, at most `batchSize` sentences a batch.
 */
export function planBatches(items: readonly Item[], batchSize: number, skipFacts?: ReadonlySet<string>): { groups: Map<string, Item[]>; batches: Item[][] } {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = factKey(item.query);
    if (skipFacts?.has(key)) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const facts = [...groups.values()];
  const longest = (group: Item[]): number => Math.max(...group.map((item) => item.encoded.ids.length));
  facts.sort((a, b) => longest(a) - longest(b) || a[0]!.order - b[0]!.order);
  const batches: Item[][] = [];
  let current: Item[] = [];
  for (const group of facts) {
    if (current.length > 0 && current.length + group.length > batchSize) {
      batches.push(current);
      current = [];
    }
    for (const item of group) {
      current.push(item);
      if (current.length === batchSize) {
        batches.push(current);
        current = [];
      }
    }
  }
  if (current.length > 0) batches.push(current);

  return { groups, batches };
}

function score(lm: MaskedLm, values: ArrayLike<number>, logZ: number, gold: GoldInfo, k: number, allowed: Uint8Array | null): Scored {
  const predictions = topKIds(values, k, allowed).map((id) => {
    const logProb = values[id]! - logZ;
    return { token: lm.tokenizerInfo.vocab[id] ?? '', id, prob: Math.exp(logProb), word: lm.words[id]!.word, logProb };
  });
  const rank = gold.single ? goldRank(values, gold.matchIds, allowed) : null;
  return { predictions, goldRank: rank?.rank ?? null, goldLogProb: rank ? rank.value - logZ : null };
}

function factRecords(
  lm: MaskedLm,
  sentences: Sentence[],
  sum: Float64Array | null,
  gold: GoldInfo,
  options: EngineOptions & { fill: FillRule },
): PredictionRecord[] {
  let fact: Scored;
  let commonFact: Scored | null;
  if (sum) {
    const mean = sum.map((value) => value / sentences.length);
    fact = score(lm, mean, 0, gold, options.topK, null);
    commonFact = options.commonIds ? score(lm, mean, 0, gold, options.topK, options.commonIds) : null;
  } else {
    fact = sentences[0]!.scored;
    commonFact = sentences[0]!.common;
  }
  const factPrediction: FactPrediction = { sentences: sentences.length, ...fact };
  // raw keeps lmkg 0.1's sentences exactly: the top token glued as the decoder writes it, the gold as written
  return sentences.map(({ item, scored, common, fill }) => {
    const { query } = item;
    const predicted = fill.rule === 'none' ? { sentence: query.maskedSentence, span: { start: 0, end: 0 } } : placeFill(query.maskedSentence, MASK_MARKER, fill);
    const { text: goldText, rendering } = options.fill === 'raw' ? { text: query.gold, rendering: 'as-written' as const } : renderGold(lm, query.gold);
    const goldFilled = placeFill(query.maskedSentence, MASK_MARKER, { text: goldText, spaceBefore: true });
    const record: PredictionRecord = {
      queryId: query.id,
      dataset: query.dataset,
      factId: query.factId,
      subject: query.subject,
      relation: query.relation,
      gold: query.gold,
      maskedSentence: query.maskedSentence,
      predictions: scored.predictions,
      predictedSentence: predicted.sentence,
      goldSentence: goldFilled.sentence,
      goldRank: scored.goldRank,
      goldLogProb: scored.goldLogProb,
      goldIsSingleToken: gold.single,
      goldToken: gold.token,
      truncated: item.encoded.truncated,
      fact: factPrediction,
      fill,
      slot: { predicted: predicted.span, gold: goldFilled.span, goldText, rendering },
    };
    if (common && commonFact) {
      record.common = {
        goldInVocab: common.goldRank !== null,
        predictions: common.predictions,
        goldRank: common.goldRank,
        goldLogProb: common.goldLogProb,
        fact: commonFact,
      };
    }
    return record;
  });
}
