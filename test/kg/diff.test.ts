import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { buildKnowledgeGraph } from '../../src/kg/build.js';
import { kgTriples } from '../../src/kg/create.js';
import { diffKnowledgeGraphs } from '../../src/kg/diff.js';

const t = (subject: string, relation: string, object: string) => ({ subject, relation, object });

test('intersection, missed, new and triple precision / recall / F1', () => {
  const predicted = buildKnowledgeGraph([t('Dwan', 'born in', 'Paris'), t('Dwan', 'directed', 'Robin Hood'), t('Fox', 'is', 'studio')], { meta: { side: 'predicted' } });
  const gold = buildKnowledgeGraph([t('Dwan', 'born in', 'Toronto'), t('dwan', 'Directed', 'robin hood'), t('Fox', 'is', 'studio'), t('Dwan', 'died in', 'LA')], { meta: { side: 'gold' } });
  const diff = diffKnowledgeGraphs(predicted, gold);
  assert.deepEqual(kgTriples(diff.intersection), [t('Dwan', 'directed', 'Robin Hood'), t('Fox', 'is', 'studio')]);
  assert.deepEqual(kgTriples(diff.new), [t('Dwan', 'born in', 'Paris')]);
  assert.deepEqual(kgTriples(diff.missed), [t('Dwan', 'born in', 'Toronto'), t('Dwan', 'died in', 'LA')]);
  assert.deepEqual(diff.counts, { predicted: 3, gold: 4, intersection: 2, missed: 2, new: 1 });
  assert.equal(diff.precision, 2 / 3);
  assert.equal(diff.recall, 2 / 4);
  assert.equal(diff.f1, (2 * (2 / 3) * 0.5) / (2 / 3 + 0.5));
  assert.equal(diff.missed.getAttribute('name'), 'missed');
  assert.equal(diff.intersection.getAttribute('side'), undefined);
});

test('paper mode compares ((source, target), relation) items after the last-wins rule', () => {
  const predicted = buildKnowledgeGraph([t('Dwan', 'born in', 'Toronto'), t('Dwan', 'died in', 'Toronto')], { mode: 'paper' });
  const gold = buildKnowledgeGraph([t('Dwan', 'born in', 'Toronto')], { mode: 'paper' });
  const diff = diffKnowledgeGraphs(predicted, gold);
  assert.deepEqual(diff.counts, { predicted: 1, gold: 1, intersection: 0, missed: 1, new: 1 });
  const inTriples = diffKnowledgeGraphs(buildKnowledgeGraph([t('Dwan', 'born in', 'Toronto'), t('Dwan', 'died in', 'Toronto')]), buildKnowledgeGraph([t('Dwan', 'born in', 'Toronto')]));
  assert.deepEqual(inTriples.counts, { predicted: 2, gold: 1, intersection: 1, missed: 0, new: 1 });
});

test('empty graphs score 0, not NaN', () => {
  const diff = diffKnowledgeGraphs(buildKnowledgeGraph([]), buildKnowledgeGraph([t('a', 'b', 'c')]));
  assert.deepEqual([diff.precision, diff.recall, diff.f1], [0, 0, 0]);
});

test('graphs built in different modes are a UsageError', () => {
  assert.throws(() => diffKnowledgeGraphs(buildKnowledgeGraph([], { mode: 'paper' }), buildKnowledgeGraph([])), UsageError);
});
