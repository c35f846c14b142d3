import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactGraphFromTriples, toCompactGraph } from '../../src/compare/compact-graph.js';
import { factIdOfQuery, tripleScores, tripleScoresBootstrap } from '../../src/compare/triple-scores.js';
import { UsageError } from '../../src/errors.js';
import { addTriple, createKnowledgeGraph } from '../../src/kg/create.js';
import { diffKnowledgeGraphs } from '../../src/kg/diff.js';
import { seededRandom } from '../../src/compare/bootstrap.js';

describe('tripleScores', () => {
  it('computes set precision, recall and F1 on normalised triples', () => {
    const predicted = compactGraphFromTriples([['Allan Dwan', 'born in', 'Toronto'], ['allan dwan', 'Born in', 'toronto'], ['X', 'r', 'Y']]);
    const gold = compactGraphFromTriples([['Allan Dwan', 'born in', 'Toronto'], ['A', 'r', 'B'], ['C', 'r', 'D']]);
    const s = tripleScores(predicted, gold);
    assert.deepEqual({ ...s, f1: Number(s.f1.toFixed(12)) }, { precision: 0.5, recall: 1 / 3, f1: 0.4, intersection: 1, predicted: 2, gold: 3 });
    assert.deepEqual(tripleScores(compactGraphFromTriples([]), gold), { precision: 0, recall: 0, f1: 0, intersection: 0, predicted: 0, gold: 3 });
  });

  it('agrees with the KG layer\'s diffKnowledgeGraphs on random graphs', () => {
    const random = seededRandom(4);
    for (let trial = 0; trial < 20; trial++) {
      const build = () => {
        const kg = createKnowledgeGraph();
        for (let k = 0; k < 15; k++) {
          addTriple(kg, { subject: `E${Math.floor(random() * 6)}`, relation: random() < 0.5 ? 'r' : 'R ', object: `e${Math.floor(random() * 6)}` });
        }
        return kg;
      };
      const a = build();
      const b = build();
      const diff = diffKnowledgeGraphs(a, b);
      const mine = tripleScores(toCompactGraph(a), toCompactGraph(b));
      assert.deepEqual([mine.precision, mine.recall, mine.f1, mine.intersection], [diff.precision, diff.recall, diff.f1, diff.counts.intersection]);
    }
  });
});

describe('tripleScoresBootstrap', () => {
  const predicted = compactGraphFromTriples([
    ['a', 'r', 'x', ['f1#0']], ['b', 'r', 'y', ['f2#0']], ['c', 'r', 'z', ['f3#0', 'f4#1']], ['d', 'r', 'w', ['f4#0']],
  ]);
  const gold = compactGraphFromTriples([
    ['a', 'r', 'x', ['f1#0']], ['b', 'r', 'q', ['f2#0']], ['c', 'r', 'z', ['f3#0']], ['d', 'r', 'w', ['f4#0']], ['e', 'r', 'v', ['f5#0']],
  ]);

  it('resamples facts deterministically and brackets the estimate', () => {
    const a = tripleScoresBootstrap(predicted, gold, ['f1', 'f2', 'f3', 'f4', 'f5', 'f6'], { seed: 2, replicates: 400 });
    assert.deepEqual(a, tripleScoresBootstrap(predicted, gold, ['f1', 'f2', 'f3', 'f4', 'f5', 'f6'], { seed: 2, replicates: 400 }));
    assert.equal(a.precision.estimate, 0.75);
    assert.equal(a.recall.estimate, 0.6);
    for (const interval of [a.precision, a.recall, a.f1]) {
      assert.ok(interval.low! <= interval.estimate! && interval.estimate! <= interval.high!);
    }
  });

  it('needs provenance', () => {
    assert.throws(() => tripleScoresBootstrap(compactGraphFromTriples([['a', 'r', 'b']]), gold), UsageError);
  });

  it('reads the fact id of a query id', () => {
    assert.equal(factIdOfQuery('abc#3'), 'abc');
    assert.equal(factIdOfQuery('a#b#template'), 'a#b');
    assert.equal(factIdOfQuery('plain'), 'plain');
  });
});
