import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeededRandom } from '../src/random.js';

test('SeededRandom: same seed, same numbers; different seeds differ', () => {
  const a = new SeededRandom(42);
  const b = new SeededRandom(42);
  const c = new SeededRandom(43);
  const xs = Array.from({ length: 5 }, () => a.nextUint32());
  assert.deepEqual(xs, Array.from({ length: 5 }, () => b.nextUint32()));
  assert.notDeepEqual(xs, Array.from({ length: 5 }, () => c.nextUint32()));
});

test('SeededRandom: a restored state continues the same sequence (normal spare included)', () => {
  const a = new SeededRandom(7);
  a.normal(); // leaves a spare deviate cached
  const saved = JSON.parse(JSON.stringify(a.state()));
  const expected = [a.normal(), a.next(), a.int(10), a.normal()];
  const b = SeededRandom.fromState(saved);
  assert.deepEqual([b.normal(), b.next(), b.int(10), b.normal()], expected);
});

test('SeededRandom: uniform and normal moments are right', () => {
  const r = new SeededRandom(1);
  const n = 200_000;
  let sum = 0;
  let sumNormal = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i += 1) {
    const u = r.next();
    assert.ok(u >= 0 && u < 1);
    sum += u;
    const z = r.normal(0, 2);
    sumNormal += z;
    sumSquares += z * z;
  }
  assert.ok(Math.abs(sum / n - 0.5) < 0.005);
  assert.ok(Math.abs(sumNormal / n) < 0.02);
  assert.ok(Math.abs(Math.sqrt(sumSquares / n) - 2) < 0.02);
  const counts = new Array(4).fill(0);
  for (let i = 0; i < 40_000; i += 1) counts[r.int(4)] += 1;
  for (const count of counts) assert.ok(Math.abs(count - 10_000) < 400);
});

test('SeededRandom: shuffle is a seeded permutation', () => {
  const items = Array.from({ length: 50 }, (_, i) => i);
  const a = new SeededRandom(3).shuffle([...items]);
  assert.deepEqual([...a].sort((x, y) => x - y), items);
  assert.deepEqual(new SeededRandom(3).shuffle([...items]), a);
  assert.notDeepEqual(a, items);
});

test('mulberry32 (the parser trainer\'s generator) keeps its sequence; stringSeed is FNV-1a', async () => {
  const { mulberry32, stringSeed } = await import('../src/random.js');
  const next = mulberry32(1);
  // the first values of mulberry32(1) (computed with an independent Python port of the reference C code)
  assert.deepEqual([next(), next(), next()].map((v) => Math.round(v * 1e9)), [627073941, 2735721, 527447040]);
  assert.equal(stringSeed(''), 0x811c9dc5);
  assert.equal(stringSeed('a'), 0xe40c292c);
});
