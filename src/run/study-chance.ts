/**
 * @file The chance baseline of one model on one dataset, for every extractor of the study at once
 * (the refilled sentences are parsed once and read by each extractor): `<dataset>/<model>/chance.json`,
 * reused while its inputs (predictions, extractors and their versions, R, seed, block size, fact
 * groups) are unchanged. See src/compare/chance-baseline.ts for the method.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chanceBaseline, type ChanceBaseline, type ChanceCache, type ChanceStats } from '../compare/index.js';
import { resolveExtractor, type SentenceParser } from '../extract/index.js';
import { writeTextAtomic } from '../files.js';
import type { PredictionRecord } from '../probe/index.js';
import { LMKG_VERSION } from '../version.js';

export const CHANCE_FILE = 'chance.json';

export interface ChanceSettings {
  replicates: number;
  seed: number;
  blockSize: number;
}

interface ChanceFile {
  inputs: Record<string, unknown>;
  results: ChanceBaseline[];
}

/** What a stored chance baseline must have been computed from to be reused. */
export function chanceInputs(predictionsSha256: string, extractors: readonly string[], settings: ChanceSettings, groups: ReadonlyMap<string, string> | null): Record<string, unknown> {
  return {
    lmkgVersion: LMKG_VERSION,
    predictionsSha256,
    extractors: extractors.map((name) => `${resolveExtractor(name).name}@${resolveExtractor(name).version}`),
    ...settings,
    groupsSha256: groups ? createHash('sha256').update(JSON.stringify([...groups].sort())).digest('hex') : null,
  };
}

/** The stored baselines of `dir/chance.json` when they were computed from `inputs`, else null. */
export function readStudyChance(dir: string, inputs: Record<string, unknown>): Map<string, ChanceBaseline> | null {
  const file = join(dir, CHANCE_FILE);
  if (!existsSync(file)) return null;
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as ChanceFile;
    return JSON.stringify(stored.inputs) === JSON.stringify(inputs) ? new Map(stored.results.map((r) => [r.extractor, r])) : null;
  } catch {
    return null; // unreadable: compute it again
  }
}

/** The baselines stored in `dir/chance.json` whatever they were computed from (empty when there is none). */
export function readChanceResults(dir: string): ChanceBaseline[] {
  const file = join(dir, CHANCE_FILE);
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as ChanceFile).results;
}

/** Computes the baselines of `extractors` for one model's records and writes `dir/chance.json`. */
export async function computeStudyChance(
  dir: string, records: readonly PredictionRecord[], inputs: Record<string, unknown>, extractors: readonly string[], settings: ChanceSettings,
  parsers: { parse?: SentenceParser; parseObserved?: SentenceParser }, cache: ChanceCache, groups: ReadonlyMap<string, string> | null,
  onProgress?: (done: number, total: number) => void, onStats?: (stats: ChanceStats) => void,
): Promise<Map<string, ChanceBaseline>> {
  const results = chanceBaseline(records, {
    extractors, replicates: settings.replicates, seed: settings.seed, blockSize: settings.blockSize, cache,
    ...(parsers.parse ? { parse: parsers.parse } : {}), ...(parsers.parseObserved ? { parseObserved: parsers.parseObserved } : {}),
    ...(groups ? { groups } : {}), ...(onProgress ? { onProgress } : {}), ...(onStats ? { onStats } : {}),
  });
  await writeTextAtomic(join(dir, CHANCE_FILE), `${JSON.stringify({ inputs, results } satisfies ChanceFile, null, 2)}\n`);
  return new Map(results.map((r) => [r.extractor, r]));
}
