/**
 * @file The most-frequent-object baseline of the demo: per relation, always answer the object
 * that training facts most often have (e.g. "London" for place of birth). A model that has learnt
 * which *kind* of word fills a slot, but nothing about a particular subject, scores about this on
 * facts it never saw; held-out P@1 above it would mean the held-out facts leaked into training.
 *
 * Counted over the seen facts whose gold is one token of the model's vocabulary (the facts LAMA's
 * P@1 scores, and the only answers a masked LM can give), and scored on the held-out facts with a
 * single-token gold, with a bootstrap interval over those facts (as factPrecisionAt1Bootstrap).
 */
import { proportionBootstrap, scoredFacts, type BootstrapInterval, type BootstrapOptions } from '../compare/index.js';
import type { PredictionRecord } from '../probe/index.js';

/** Per relation (dataset), the most frequent gold object of `training` (ties: the first in code-point order). */
export function mostFrequentObjects(training: readonly PredictionRecord[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const record of scoredFacts(training)) {
    const perRelation = counts.get(record.dataset) ?? new Map<string, number>();
    perRelation.set(record.gold, (perRelation.get(record.gold) ?? 0) + 1);
    counts.set(record.dataset, perRelation);
  }
  const best = new Map<string, string>();
  for (const [relation, perObject] of counts) {
    const [object] = [...perObject].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]!;
    best.set(relation, object);
  }
  return best;
}

/** The held-out object baseline: how often the most frequent object is right. */
export interface ObjectBaseline {
  /** The answer per relation. */
  objects: Map<string, string>;
  /** Its P@1 on the evaluated facts, with a bootstrap interval. */
  p1: BootstrapInterval;
  facts: number;
}

/** The baseline learnt from `training` facts, scored on `evaluated` facts (e.g. the held-out ones). */
export function objectBaseline(training: readonly PredictionRecord[], evaluated: readonly PredictionRecord[], options: BootstrapOptions = {}): ObjectBaseline {
  const objects = mostFrequentObjects(training);
  const correct = scoredFacts(evaluated).map((r) => (objects.get(r.dataset) === r.gold ? 1 : 0));
  const p1 = proportionBootstrap(correct, options);
  return { objects, p1, facts: correct.length };
}
