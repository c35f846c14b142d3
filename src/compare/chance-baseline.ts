/**
 * @file A chance baseline for fact-triple scores that needs no second model: a permutation null.
 *
 * H0: the model's fills carry no information about *which* fact is asked, only about what kind of
 * word fills a blank of that relation. Under H0 the fills are exchangeable among the facts of a
 * relation (the dataset for facts without one, such as SQuAD). Each replicate r = 1..R gives every
 * fact the fill of another fact of its relation (one fill per fact: its most frequent fill over its
 * sentences, the first on ties), writes every sentence of the fact with it, extracts the fact
 * triples again and scores them against the same gold fact triples. Reported per statistic
 * (fact-triple precision, recall, F1 and slot coverage): the observed value, the chance mean, a
 * percentile band at `level` (95%: the 2.5% and 97.5% quantiles of the R values, numpy's linear
 * interpolation) and the one-sided p-value (1 + #{null >= observed}) / (R + 1) (Phipson & Smyth
 * 2010: never 0; its floor 1/(R+1) is why R >= 39 for a 5% test). A null value that is undefined
 * (no fact triple predicted) counts as 0.
 *
 * How fills move: a seeded partition cuts each relation's facts into blocks of `blockSize` (random
 * order, drawn once, from the fact ids and the seed only), and each replicate rotates every block by
 * a random 1..B-1 places. Two reasons. Cost: every refilled sentence must be parsed again; a
 * shuffle over a whole relation gives a fact a new fill in almost every replicate (N x R parses,
 * 105,000 for re-place-birth at R = 39), a fact in a block of B only ever meets B - 1 other fills
 * (at most (B - 1) x N parses whatever R is; results are cached by sentence and slot position, also
 * across calls with `cache`). Meaning: a fact never keeps its own fill, so the chance level is the
 * score of *other* facts' fills (a uniform shuffle of small blocks would hand a fact its own fill
 * 1/B of the time and lift the "chance" of an accurate model by 1/B of its own score). Leaving the
 * identity out makes the test approximate rather than exact: each null draw is still distributed as
 * the observation under H0 (and exchangeable with it pairwise); with many blocks the error is
 * negligible. Graph distances (AED, HED, GED) are never run on null graphs.
 *
 * Where every fact of a relation has the same fill (a model that predicts one token everywhere)
 * rotating changes nothing there: the null equals the observation and the band has no width;
 * `constantGroups` lists such relations, and a p-value of 1 then says "no evidence".
 *
 * @example
 * const [svoPlus] = chanceBaseline(records, { extractors: ['svo-plus'], parse, replicates: 39, seed: 1337 });
 * svoPlus.overall.f1; // { observed: 0.41, mean: 0.06, low: 0.05, high: 0.07, p: 0.025, replicates: 39 }
 */
import { InvalidOptionError, UsageError } from '../errors.js';
import { resolveExtractor, type SentenceParser } from '../extract/index.js';
import { sentenceTriples } from '../extract/extract-triples.js';
import { normaliseKey } from '../kg/normalise.js';
import type { Triple } from '../kg/types.js';
import { refillRecord, type Refill } from '../probe/refill.js';
import type { PredictionRecord } from '../probe/prediction-types.js';
import { resolveOptions } from '../options.js';
import { SeededRandom, mixSeed, stringSeed } from '../random.js';
import { quantile } from './bootstrap.js';
import { CHANCE_DEFAULTS } from './defaults.js';

/** Options of `chanceBaseline`: extractors, parsers, the number of shuffles and the seed. */
export interface ChanceBaselineOptions {
  /** Extractor names or aliases; sentence extractors need `parse`. */
  extractors: readonly string[];
  /** The parser for the refilled sentences. */
  parse?: SentenceParser;
  /**
   * The parser for the sentences as probed (gold and observed predicted sentences), default
   * `parse`: a study passes its memoised parser here, which has parsed them for the cells already.
   */
  parseObserved?: SentenceParser;
  /** R, the number of shuffles (default CHANCE_DEFAULTS.replicates). */
  replicates?: number;
  seed?: number;
  /** Two-sided level of the band (default 0.95). */
  level?: number;
  /** Facts per permutation block (see the file comment; default CHANCE_DEFAULTS.blockSize). */
  blockSize?: number;
  /** A cache shared between calls (e.g. the snapshots of one study), so refilled sentences seen before are not parsed again. */
  cache?: ChanceCache;
  /** Fact groups to report besides the whole set (fact id -> group, e.g. seen / held-out). */
  groups?: ReadonlyMap<string, string>;
  /** Called after each replicate. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called once at the end with the sentences parsed and the cache hits (they depend on what the
   * cache held before), and the seconds spent on the sentences as probed (gold and observed:
   * work a study's cells need anyway, served by `parseObserved`) and on the null itself.
   */
  onStats?: (stats: ChanceStats) => void;
}

export interface ChanceStats {
  parsed: number;
  cached: number;
  seconds: number;
  observedSeconds: number;
  nullSeconds: number;
}

/** One statistic: observed, chance mean, band and p-value. */
export interface ChanceBand {
  observed: number | null;
  mean: number | null;
  low: number | null;
  high: number | null;
  /** One-sided p-value of "observed above chance"; null when the observed value is undefined. */
  p: number | null;
}

/** Counts behind the figures: [matched, predicted, gold, slot hits] fact triples / queries. */
export type ChanceCounts = [matched: number, predicted: number, gold: number, slotHits: number];

/** The observed and chance-level figures of one cell, with their counts. */
export interface ChanceFigures {
  facts: number;
  queries: number;
  precision: ChanceBand;
  recall: ChanceBand;
  f1: ChanceBand;
  /** Slot coverage of the predicted side. */
  slot: ChanceBand;
  /** The observation's counts and each replicate's, in order: figures of several datasets pool by summing them (`poolChanceFigures`). */
  counts: { observed: ChanceCounts; replicates: ChanceCounts[] };
}

/** Chance-level fact scores of one relation: what random fills of the slot would score. */
export interface ChanceBaseline {
  extractor: string;
  replicates: number;
  seed: number;
  level: number;
  /** How fills move: rotations of blocks of `blockSize` facts of one relation. */
  permutation: 'relation-block-rotations';
  blockSize: number;

  overall: ChanceFigures;
  /** Per fact group of `options.groups`. */
  groups: Record<string, ChanceFigures>;
  /** Permutation groups (relations) whose facts all have the same fill. */
  constantGroups: string[];
  /** Distinct fills over all facts. */
  distinctFills: number;
  seconds: number;
}

export interface Extracted {
  /** Fact-triple keys per extractor. */
  keys: string[][];
  /** Whether the slot is in a triple's subject or object, per extractor. */
  slot: boolean[];
}

interface Fact {
  id: string;
  permutationGroup: string;
  records: PredictionRecord[];
  fill: Refill;
}

/** The permutation null of every extractor over one run's records (see the file comment). */
export function chanceBaseline(records: readonly PredictionRecord[], options: ChanceBaselineOptions): ChanceBaseline[] {
  const started = performance.now();
  const { extractors: names, parse, parseObserved, groups, onProgress, onStats, cache: sharedCache, ...rest } = options;
  const settings = resolveOptions('chanceBaseline', { ...CHANCE_DEFAULTS }, rest, {
    replicates: 'positive-integer', seed: 'number', level: 'number', blockSize: 'positive-integer',
  });
  if (settings.blockSize < 2) throw new InvalidOptionError(`chanceBaseline: option "blockSize" must be at least 2 (facts swap fills within a block), got ${settings.blockSize}`);
  if (!(settings.level > 0 && settings.level < 1)) throw new InvalidOptionError(`chanceBaseline: option "level" must be between 0 and 1, got ${settings.level}`);
  const extractors = names.map((name) => resolveExtractor(name));
  if (extractors.some((e) => e.input === 'sentence') && parse === undefined) {
    throw new UsageError('chanceBaseline: sentence extractors need { parse } (e.g. the parser from loadNlp())');
  }
  const unslotted = records.find((r) => r.slot === undefined || r.fill === undefined);
  if (unslotted) {
    throw new UsageError(`chanceBaseline: query ${unslotted.queryId} has no fill or slot position (a predictions file of lmkg 0.1); probe again with this lmkg`);
  }
  const facts = factsOf(records);
  // sentence extractors' results by (slot span, text): a fill that lands in the same sentence again is not parsed again
  const cache = sharedCache ?? createChanceCache();
  const extractorKey = extractors.map((e) => `${e.name}@${e.version}`).join(',');
  let parsedCount = 0;
  let cachedCount = 0;
  const extractOne = (record: PredictionRecord, side: 'predicted' | 'gold', refilled = false): Extracted => {
    const text = side === 'gold' ? record.goldSentence : record.predictedSentence;
    const span = side === 'gold' ? record.slot!.gold : record.slot!.predicted;
    const key = `${extractorKey}\u0001${span.start}\u0001${span.end}\u0001${text}`;
    let sentences = cache.get(key);
    if (sentences !== undefined) cachedCount += 1;
    else {
      parsedCount += 1;
      sentences = { keys: [], slot: [] };
      let tree: ReturnType<SentenceParser> | undefined;
      for (const extractor of extractors) {
        if (extractor.input !== 'sentence') {
          sentences.keys.push([]);
          sentences.slot.push(false);
          continue;
        }
        tree ??= (refilled ? parse! : parseObserved ?? parse!)(text);
        const triples = sentenceTriples(extractor, tree, text, span);
        sentences.keys.push(uniqueKeys(triples.filter((t) => (t.slot ?? []).length > 0)));
        sentences.slot.push(triples.some((t) => t.slot?.includes('subject') || t.slot?.includes('object')));
      }
      cache.set(key, sentences);
    }
    if (extractors.every((extractor) => extractor.input === 'sentence')) return sentences;
    // record extractors read the record (subject, relation, fill), not the sentence: never cached
    return {
      keys: extractors.map((extractor, e) => (extractor.input === 'record' ? uniqueKeys(extractor.extract(record, side)) : sentences!.keys[e]!)),
      slot: extractors.map((extractor, e) => (extractor.input === 'record' ? extractor.extract(record, side).length > 0 : sentences!.slot[e]!)),
    };
  };

  // gold fact triples per extractor and fact
  const gold = extractors.map(() => new Map<string, Set<string>>());
  for (const fact of facts) {
    for (const record of fact.records) {
      const extracted = extractOne(record, 'gold');
      extractors.forEach((_, e) => addAll(gold[e]!, fact.id, extracted.keys[e]!));
    }
  }

  const reportGroups = new Map<string, Fact[]>([['overall', facts]]);
  if (groups) {
    for (const fact of facts) {
      const group = groups.get(fact.id);
      if (group === undefined) continue;
      if (!reportGroups.has(`group:${group}`)) reportGroups.set(`group:${group}`, []);
      reportGroups.get(`group:${group}`)!.push(fact);
    }
  }
  // counts of one assignment of fills (null: each fact's own sentences as probed)
  const evaluate = (fills: Map<string, Refill> | null): Map<string, ChanceCounts[]> => {
    const predicted = extractors.map(() => new Map<string, Set<string>>());
    const slotHits = extractors.map(() => new Map<string, number>());
    for (const fact of facts) {
      for (const record of fact.records) {
        const fill = fills?.get(fact.id);
        const refill = fill !== undefined && (fill.text !== record.fill!.text || fill.spaceBefore !== record.fill!.spaceBefore);
        const extracted = extractOne(refill ? refillRecord(record, fill) : record, 'predicted', refill);
        extractors.forEach((_, e) => {
          addAll(predicted[e]!, fact.id, extracted.keys[e]!);
          if (extracted.slot[e]) slotHits[e]!.set(fact.id, (slotHits[e]!.get(fact.id) ?? 0) + 1);
        });
      }
    }
    const out = new Map<string, ChanceCounts[]>();
    for (const [name, members] of reportGroups) {
      out.set(name, extractors.map((_, e) => countsOf(members, predicted[e]!, gold[e]!, slotHits[e]!)));
    }
    return out;
  };

  const observed = evaluate(null);
  const observedSeconds = (performance.now() - started) / 1000;
  const permutationGroups = new Map<string, Fact[]>();
  for (const fact of facts) {
    if (!permutationGroups.has(fact.permutationGroup)) permutationGroups.set(fact.permutationGroup, []);
    permutationGroups.get(fact.permutationGroup)!.push(fact);
  }
  const blocks = [...permutationGroups].flatMap(([name, members]) => factBlocks(name, members, settings.blockSize, settings.seed));
  const nulls = new Map<string, ChanceCounts[][]>([...reportGroups.keys()].map((name) => [name, extractors.map(() => [])]));
  for (let r = 0; r < settings.replicates; r += 1) {
    const random = new SeededRandom(mixSeed(settings.seed, r));
    const fills = new Map<string, Refill>();
    for (const members of blocks) {
      // a rotation by 1..B-1 places: every fact takes the fill of another fact of its block
      const shift = 1 + Math.floor(random.next() * (members.length - 1));
      members.forEach((fact, i) => fills.set(fact.id, members[(i + shift) % members.length]!.fill));
    }
    for (const [name, counts] of evaluate(fills)) counts.forEach((c, e) => nulls.get(name)![e]!.push(c));
    onProgress?.(r + 1, settings.replicates);
  }

  const fillKey = (fill: Refill) => `${fill.spaceBefore ? ' ' : ''}${fill.text}`;
  const constantGroups = [...permutationGroups].filter(([, members]) => new Set(members.map((f) => fillKey(f.fill))).size <= 1).map(([name]) => name);
  const seconds = (performance.now() - started) / 1000;
  onStats?.({ parsed: parsedCount, cached: cachedCount, seconds, observedSeconds, nullSeconds: seconds - observedSeconds });
  return extractors.map((extractor, e) => {
    const figures = (name: string, members: Fact[]): ChanceFigures => chanceFigures(
      members.length, members.reduce((sum, f) => sum + f.records.length, 0), observed.get(name)![e]!, nulls.get(name)![e]!, settings.level,
    );
    const byGroup: Record<string, ChanceFigures> = {};
    for (const [name, members] of reportGroups) if (name !== 'overall') byGroup[name.slice('group:'.length)] = figures(name, members);
    return {
      extractor: extractor.name, replicates: settings.replicates, seed: settings.seed, level: settings.level, permutation: 'relation-block-rotations',
      blockSize: settings.blockSize,
      overall: figures('overall', facts), groups: byGroup, constantGroups,
      distinctFills: new Set(facts.map((f) => fillKey(f.fill))).size, seconds,
    };
  });
}

/** The counts of a set of facts (see ChanceCounts). */
function countsOf(members: readonly Fact[], predicted: Map<string, Set<string>>, gold: Map<string, Set<string>>, slotHits: Map<string, number>): ChanceCounts {
  let matched = 0;
  let p = 0;
  let g = 0;
  let slot = 0;
  for (const fact of members) {
    const ps = predicted.get(fact.id);
    const gs = gold.get(fact.id);
    if (ps) {
      p += ps.size;
      if (gs) for (const key of ps) if (gs.has(key)) matched += 1;
    }
    g += gs?.size ?? 0;
    slot += slotHits.get(fact.id) ?? 0;
  }
  return [matched, p, g, slot];
}

/** [precision, recall, f1, slot coverage] of counts; NaN where undefined. */
function statistics([matched, p, g, slot]: ChanceCounts, queries: number): number[] {
  return [
    p === 0 ? Number.NaN : matched / p,
    g === 0 ? Number.NaN : matched / g,
    p + g === 0 ? Number.NaN : (2 * matched) / (p + g),
    queries === 0 ? Number.NaN : slot / queries,
  ];
}

/** The figures of an observation and its null replicates' counts. */
function chanceFigures(facts: number, queries: number, observed: ChanceCounts, replicates: ChanceCounts[], level: number): ChanceFigures {
  const obs = statistics(observed, queries);
  const nul = replicates.map((c) => statistics(c, queries));
  const band = (s: number) => chanceBand(obs[s]!, nul.map((values) => values[s]!), level);
  return { facts, queries, precision: band(0), recall: band(1), f1: band(2), slot: band(3), counts: { observed, replicates } };
}

/**
 * The figures of several independent sets of facts pooled (e.g. the three Google-RE datasets of one
 * snapshot): counts summed replicate by replicate (each dataset's shuffles are independent of the
 * others', so the sums are draws of the pooled null). All must have the same number of replicates.
 */
export function poolChanceFigures(figures: readonly ChanceFigures[], level: number): ChanceFigures {
  const replicates = figures[0]?.counts.replicates.length ?? 0;
  if (figures.some((f) => f.counts.replicates.length !== replicates)) {
    throw new UsageError('poolChanceFigures: the figures have different numbers of replicates; compute them with the same R');
  }
  const sum = (list: ChanceCounts[]): ChanceCounts => list.reduce<ChanceCounts>((a, c) => [a[0] + c[0], a[1] + c[1], a[2] + c[2], a[3] + c[3]], [0, 0, 0, 0]);
  return chanceFigures(
    figures.reduce((s, f) => s + f.facts, 0), figures.reduce((s, f) => s + f.queries, 0), sum(figures.map((f) => f.counts.observed)),
    Array.from({ length: replicates }, (_, r) => sum(figures.map((f) => f.counts.replicates[r]!))), level,
  );
}

/** Band and p-value of an observed value against null values (undefined null values count as 0). */
export function chanceBand(observed: number, nullValues: readonly number[], level: number): ChanceBand {
  const values = Float64Array.from(nullValues.map((v) => (Number.isNaN(v) ? 0 : v))).sort();
  const defined = Number.isNaN(observed) ? null : observed;
  // a float tolerance: the same statistic recomputed on the same fills must count as "as high"
  const atLeast = defined === null ? 0 : values.filter((v) => v >= defined - 1e-12).length;
  return {
    observed: defined,
    mean: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length,
    low: quantile(values, (1 - level) / 2),
    high: quantile(values, 1 - (1 - level) / 2),
    p: defined === null ? null : (1 + atLeast) / (values.length + 1),
  };
}

function factsOf(records: readonly PredictionRecord[]): Fact[] {
  const byId = new Map<string, Fact>();
  for (const record of records) {
    let fact = byId.get(record.factId);
    if (!fact) {
      fact = { id: record.factId, permutationGroup: record.relation?.id ?? record.dataset, records: [], fill: { text: '', spaceBefore: true } };
      byId.set(record.factId, fact);
    }
    fact.records.push(record);
  }
  for (const fact of byId.values()) fact.fill = modalFill(fact.records);
  return [...byId.values()];
}

/** The most frequent fill of a fact's sentences (the first on ties). */
function modalFill(records: readonly PredictionRecord[]): Refill {
  const counts = new Map<string, { fill: Refill; count: number }>();
  for (const record of records) {
    const fill = { text: record.fill!.text, spaceBefore: record.fill!.spaceBefore };
    const key = `${fill.spaceBefore ? ' ' : ''}${fill.text}`;
    const entry = counts.get(key);
    if (entry) entry.count += 1;
    else counts.set(key, { fill, count: 1 });
  }
  let best: { fill: Refill; count: number } | undefined;
  for (const entry of counts.values()) if (best === undefined || entry.count > best.count) best = entry;
  return best!.fill;
}

/** What `chanceBaseline` remembers between calls: extraction results by extractors, slot span and sentence. */
export interface ChanceCache {
  get(key: string): Extracted | undefined;
  set(key: string, value: Extracted): void;
  readonly size: number;
}

/** A cache that forgets its oldest entries past `maxEntries` (a few hundred bytes each). */
export function createChanceCache(maxEntries = 500_000): ChanceCache {
  const map = new Map<string, Extracted>();
  return {
    get: (key) => map.get(key),
    set: (key, value) => {
      map.set(key, value);
      if (map.size > maxEntries) map.delete(map.keys().next().value!);
    },
    get size() {
      return map.size;
    },
  };
}

/**
 * The facts of one permutation group cut into blocks of `size` (the last one merged into the one
 * before when it would be smaller than 2). The partition depends on the group's name, its fact ids
 * and the seed only, so every model probed on the same dataset gets the same blocks (and a shared
 * cache finds their sentences again).
 */
export function factBlocks<T extends { id: string }>(group: string, members: readonly T[], size: number, seed: number): T[][] {
  const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const order = shuffle(sorted, new SeededRandom(mixSeed(seed, stringSeed(group))));
  const blocks: T[][] = [];
  for (let at = 0; at < order.length; at += size) blocks.push(order.slice(at, at + size));
  if (blocks.length > 1 && blocks.at(-1)!.length < 2) blocks[blocks.length - 2]!.push(...blocks.pop()!);
  return blocks;
}


/** Fisher-Yates shuffle of a copy. */
function shuffle<T>(items: readonly T[], random: SeededRandom): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function addAll(sets: Map<string, Set<string>>, factId: string, keys: readonly string[]): void {
  let set = sets.get(factId);
  if (!set) {
    set = new Set();
    sets.set(factId, set);
  }
  for (const key of keys) set.add(key);
}

/** Distinct normalised keys of triples (as the KG layer identifies them). */
function uniqueKeys(triples: readonly Triple[]): string[] {
  return [...new Set(triples.map((t) => `${normaliseKey(t.subject)}\u0000${normaliseKey(t.relation)}\u0000${normaliseKey(t.object)}`))];
}
