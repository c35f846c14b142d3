import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { InvalidOptionError, UsageError } from '../../src/errors.js';
import { SeededRandom } from '../../src/random.js';
import { parseShard, partitionCells, shardCells } from '../../src/run/index.js';
import { tempDir } from '../helpers/tmp.js';

test('shards: for random cell lists and N, the shards partition the cells (each cell in exactly one shard), the same on every call', () => {
  const random = new SeededRandom(17);
  for (let trial = 0; trial < 300; trial += 1) {
    const count = 1 + random.int(12);
    const cells = Array.from({ length: random.int(60) }, (_, i) => ({ id: `d${random.int(5)}/m${i}` }));
    const costs = new Map(cells.map((c) => [c.id, random.next() < 0.2 ? 1 : 1 + random.int(1000)]));
    const shards = partitionCells(cells, costs, count);
    assert.equal(shards.length, count);
    const seen = shards.flat().map((c) => c.id).sort();
    assert.deepEqual(seen, cells.map((c) => c.id).sort(), `trial ${trial}: every cell in exactly one shard`);
    for (let i = 0; i < count; i += 1) {
      // what each shard process computes for itself is its part of the same partition, in plan order
      const own = shardCells([...cells], new Map(costs), i, count);
      assert.deepEqual(own, shards[i]);
      assert.deepEqual(own.map((c) => cells.indexOf(c)), [...own.map((c) => cells.indexOf(c))].sort((a, b) => a - b));
    }
    // longest-first dealing: no shard exceeds the mean load by more than the largest cell
    const loads = shards.map((s) => s.reduce((sum, c) => sum + costs.get(c.id)!, 0));
    const total = loads.reduce((a, b) => a + b, 0);
    const largest = Math.max(0, ...costs.values());
    for (const load of loads) assert.ok(load <= total / count + largest, `trial ${trial}: load ${load}`);
  }
});

test('shards: --shard auto reads Slurm arrays (tasks 1, 3, 5 of MIN=1 STEP=2 are shards 0, 1, 2) and refuses uneven ones', () => {
  const slurm = (id: number, extra: Record<string, string> = {}) => ({
    SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_STEP: '2', SLURM_ARRAY_TASK_COUNT: '3', ...extra,
  });
  assert.deepEqual([1, 3, 5].map((id) => parseShard('auto', slurm(id))), [{ index: 0, count: 3 }, { index: 1, count: 3 }, { index: 2, count: 3 }]);
  assert.deepEqual(parseShard('auto/3', slurm(5, { SLURM_ARRAY_TASK_MAX: '5' })), { index: 2, count: 3 });
  assert.throws(() => parseShard('auto', slurm(2)), (e: unknown) => e instanceof UsageError && /uneven.*not a multiple of the step/.test(e.message));
  assert.throws(() => parseShard('auto', slurm(7)), (e: unknown) => e instanceof UsageError && /uneven.*outside/.test(e.message));
  assert.throws(() => parseShard('auto', slurm(3, { SLURM_ARRAY_TASK_MAX: '9' })), (e: unknown) => e instanceof UsageError && /a list of tasks, not a range/.test(e.message));
  assert.throws(() => parseShard('auto/4', slurm(3)), /has 3 tasks/);
  // Kubernetes Indexed Job: the index from JOB_COMPLETION_INDEX, the count from the argument
  assert.deepEqual(parseShard('auto/4', { JOB_COMPLETION_INDEX: '3' }), { index: 3, count: 4 });
  assert.throws(() => parseShard('auto', { JOB_COMPLETION_INDEX: '3' }), (e: unknown) => e instanceof UsageError && /--shard auto\/N/.test(e.message));
  assert.throws(() => parseShard('auto/2', { JOB_COMPLETION_INDEX: '2' }), InvalidOptionError);
  assert.throws(() => parseShard('auto', {}), /neither SLURM_ARRAY_TASK_ID .* nor JOB_COMPLETION_INDEX/);
  assert.deepEqual(parseShard('2/5', {}), { index: 2, count: 5 });
  for (const bad of ['5/5', '1/0', 'x', '1/3/4', '-1/3']) assert.throws(() => parseShard(bad, {}), InvalidOptionError, bad);
});

