/**
 * @file Loads a LAMA dataset by id into facts, cloze queries and statistics. The whole file is read
 * and validated before anything is returned, so a caller never writes output from bad input.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resolveOptions } from '../options.js';
import { DATA_DEFAULTS } from './defaults.js';
import { resolveDataset, type DatasetRef } from './datasets.js';
import { countMasks, factQueries, passesJudgmentFilter, readLamaFacts } from './lama-reader.js';
import { readRelations } from './relations.js';
import type { DataRootOptions } from './paths.js';
import type { ClozeQuery, DatasetStats, LamaFact, LamaShape, Relation } from './types.js';

/** Options of `loadLamaDataset`: data root, query mode, limit. */
export interface LoadDatasetOptions extends DataRootOptions {
  mode?: 'sentences' | 'template';
  filterJudgments?: boolean;
  limit?: number;
}

/** A LAMA dataset as cloze queries, with its facts and counts. */
export interface LamaDataset {
  ref: DatasetRef;
  stats: DatasetStats;
  /** Facts kept (after the judgment filter when it is on). */
  facts: LamaFact[];
  /** Queries in file order (at most `limit`). */
  queries: ClozeQuery[];
}

/**
 * Reads a dataset.
 * @example
 * const { stats } = await loadLamaDataset('re-place-birth');
 * // stats: { facts: 2937, sentences: 3078, skippedSentences: 395, queries: 2683, ... }
 */
export async function loadLamaDataset(id: string, options: LoadDatasetOptions = {}): Promise<LamaDataset> {
  const { dataDir, ...rest } = options;
  const resolved = resolveOptions('loadLamaDataset', { ...DATA_DEFAULTS }, rest, {
    mode: ['sentences', 'template'],
    filterJudgments: 'boolean',
    limit: 'positive-integer',
  });
  const ref = resolveDataset(id, dataDir === undefined ? {} : { dataDir });
  const relations = await relationsFor(ref);
  const facts: LamaFact[] = [];
  const queries: ClozeQuery[] = [];
  let shape: LamaShape = 'squad';
  let total = 0;
  let sentences = 0;
  let skipped = 0;
  let idsFromLines = 0;
  for await (const fact of readLamaFacts(ref.file, { dataset: id, relations })) {
    shape = fact.shape;
    total += 1;
    sentences += fact.maskedSentences.length;
    skipped += fact.maskedSentences.filter((s) => countMasks(s) !== 1).length;
    if (fact.factIdFrom === 'line') idsFromLines += 1;
    const { shape: _shape, ...plain } = fact;
    if (resolved.filterJudgments && !passesJudgmentFilter(plain)) continue;
    facts.push(plain);
    queries.push(...factQueries(plain, resolved.mode));
  }
  const kept = facts.length;
  const passing = resolved.filterJudgments ? kept : facts.filter(passesJudgmentFilter).length;
  const limited = resolved.limit === undefined ? queries : queries.slice(0, resolved.limit);
  return {
    ref,
    stats: {
      dataset: id, file: ref.file, shape, facts: total, factsAfterJudgmentFilter: passing,
      sentences, skippedSentences: skipped, queries: queries.length, factIdsFromLines: idsFromLines,
    },
    facts,
    queries: limited,
  };
}

/** T-REx facts take labels and templates from relations.jsonl; the other shapes need none. */
async function relationsFor(ref: DatasetRef): Promise<Map<string, Relation> | undefined> {
  if (ref.lamaFolder === null || !ref.id.startsWith('trex:') && !ref.id.startsWith('file:')) return undefined;
  if (!existsSync(join(ref.lamaFolder, 'relations.jsonl'))) return undefined;
  return readRelations(ref.lamaFolder);
}
