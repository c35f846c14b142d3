import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linearSumAssignment } from '../../src/compare/linear-sum-assignment.js';
import { InvalidOptionError, UsageError } from '../../src/errors.js';
import { seededRandom } from '../../src/compare/bootstrap.js';

/** Minimum over all assignments of min(rows, cols) pairs, by enumeration. */
function bruteForce(cost: Float64Array, rows: number, cols: number): number {
  const transpose = rows > cols;
  const r = transpose ? cols : rows;
  const c = transpose ? rows : cols;
  const at = (i: number, j: number) => (transpose ? cost[j * cols + i]! : cost[i * cols + j]!);
  const used = new Uint8Array(c);
  let best = Infinity;
  const visit = (i: number, sum: number) => {
    // no pruning on partial sums: costs may be negative
    if (i === r) {
      if (sum < best) best = sum;
      return;
    }
    for (let j = 0; j < c; j++) {
      if (used[j]) continue;
      used[j] = 1;
      visit(i + 1, sum + at(i, j));
      used[j] = 0;
    }
  };
  visit(0, 0);
  return best;
}

function checkAssignment(cost: Float64Array, rows: number, cols: number, result: ReturnType<typeof linearSumAssignment>) {
  const seen = new Set<number>();
  let sum = 0;
  let assigned = 0;
  for (let i = 0; i < rows; i++) {
    const j = result.rowToCol[i]!;
    if (j === -1) continue;
    assert.ok(!seen.has(j), 'a column is used twice');
    seen.add(j);
    assert.equal(result.colToRow[j], i);
    sum += cost[i * cols + j]!;
    assigned += 1;
  }
  assert.equal(assigned, Math.min(rows, cols));
  assert.ok(Math.abs(sum - result.cost) < 1e-9);
}

describe('linearSumAssignment', () => {
  it('solves a known 3 x 3 problem', () => {
    const result = linearSumAssignment(Float64Array.from([4, 1, 3, 2, 0, 5, 3, 2, 2]), 3, 3);
    assert.deepEqual([...result.rowToCol], [1, 0, 2]);
    assert.equal(result.cost, 5);
  });

  it('accepts an array of rows', () => {
    const result = linearSumAssignment([[1, 2], [2, 1]], 2, 2);
    assert.equal(result.cost, 2);
  });

  it('matches brute force on random square, wide and tall matrices, with and without infinities', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 600; trial++) {
      const rows = 1 + Math.floor(random() * 6);
      const cols = 1 + Math.floor(random() * 6);
      const integer = trial % 2 === 0; // integer costs make ties, which stress tie-breaking
      const infShare = trial % 3 === 0 ? 0.3 : 0;
      const cost = new Float64Array(rows * cols);
      for (let k = 0; k < cost.length; k++) {
        cost[k] = random() < infShare ? Infinity : integer ? Math.floor(random() * 4) - 1 : random() * 10 - 3;
      }
      const expected = bruteForce(cost, rows, cols);
      if (expected === Infinity) {
        assert.throws(() => linearSumAssignment(cost, rows, cols), UsageError);
        continue;
      }
      const result = linearSumAssignment(cost, rows, cols);
      checkAssignment(cost, rows, cols, result);
      assert.ok(Math.abs(result.cost - expected) < 1e-9, `trial ${trial}: ${result.cost} vs ${expected}`);
    }
  });

  it('treats virtual zero columns as stored zero columns', () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 300; trial++) {
      const rows = 1 + Math.floor(random() * 5);
      const cols = Math.floor(random() * 5);
      const extra = Math.max(0, rows - cols) + Math.floor(random() * 3);
      const cost = new Float64Array(rows * cols);
      for (let k = 0; k < cost.length; k++) cost[k] = Math.floor(random() * 5) - 3;
      const padded = new Float64Array(rows * (cols + extra));
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) padded[i * (cols + extra) + j] = cost[i * cols + j]!;
      const result = linearSumAssignment(cost, rows, cols, { extraZeroColumns: extra });
      assert.equal(result.cost, bruteForce(padded, rows, cols + extra));
      assert.equal(new Set(result.rowToCol).size, rows);
    }
  });

  it('reports an infeasible matrix clearly', () => {
    const cost = Float64Array.from([Infinity, Infinity, 1, 2]);
    assert.throws(() => linearSumAssignment(cost, 2, 2), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /no finite assignment/);
      return true;
    });
  });

  it('rejects NaN, -Infinity and wrong shapes', () => {
    assert.throws(() => linearSumAssignment(Float64Array.from([NaN]), 1, 1), InvalidOptionError);
    assert.throws(() => linearSumAssignment(Float64Array.from([-Infinity]), 1, 1), InvalidOptionError);
    assert.throws(() => linearSumAssignment(Float64Array.from([1, 2]), 1, 3), InvalidOptionError);
    assert.throws(() => linearSumAssignment([[1, 2], [3]], 2, 2), InvalidOptionError);
  });

  it('throws a UsageError when the deadline has passed', () => {
    const n = 50;
    const cost = new Float64Array(n * n).map((_, k) => (k * 7919) % 13);
    assert.throws(() => linearSumAssignment(cost, n, n, { deadline: Date.now() - 1, deadlineMessage: 'test' }), /test: time budget exceeded/);
  });

  it('handles empty matrices', () => {
    assert.equal(linearSumAssignment(new Float64Array(0), 0, 3).cost, 0);
    assert.equal(linearSumAssignment(new Float64Array(0), 3, 0).rowToCol.length, 3);
  });
});
