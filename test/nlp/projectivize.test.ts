import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isProjective, projectivize } from '../../src/nlp/projectivize.js';

test('projectivize lifts the shortest crossing arc to the head\'s head', () => {
  // A hearing is scheduled on the issue today: "issue" (6) hangs off "hearing" (1) across "is scheduled".
  const heads = [1, 3, 3, -1, 6, 6, 1, 3];
  assert.equal(isProjective(heads), false);
  const result = projectivize(heads);
  assert.deepEqual(result, { heads: [1, 3, 3, -1, 6, 6, 3, 3], lifted: 1 });
  assert.equal(isProjective(result.heads), true);
  assert.deepEqual(heads, [1, 3, 3, -1, 6, 6, 1, 3], 'the input is not changed');
});

test('projective trees are returned unchanged; nested crossings need several lifts', () => {
  assert.deepEqual(projectivize([1, -1, 1]), { heads: [1, -1, 1], lifted: 0 });
  // Two crossing arcs of equal length, 4 -> 1 and 0 -> 3: the first is lifted to 2, then 0 -> 3 still
  // spans the root and is lifted to 2 as well.
  const heads = [2, 4, -1, 0, 2];
  assert.equal(isProjective(heads), false);
  assert.deepEqual(projectivize(heads), { heads: [2, 2, -1, 2, 2], lifted: 2 });
});
