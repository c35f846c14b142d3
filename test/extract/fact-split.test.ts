import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidOptionError } from '../../src/errors.js';
import { FACT_SPLIT_DEFAULTS } from '../../src/extract/defaults.js';
import { factHashUnit, factSplit } from '../../src/extract/fact-split.js';

const ids = Array.from({ length: 2000 }, (_, i) => `fact-${i}`);

test('factSplit: a fact\'s part depends only on the seed and its id (known values)', () => {
  // sha256("14\u0000fact-0") starts with 0x72cc...; checked with Python's hashlib, pinned so a change of hash is seen
  assert.equal(factHashUnit('fact-0', 14), 0.44843997177667916);
  assert.equal(factHashUnit('fact-2', 14), 0.8971472876146436);
  assert.deepEqual(ids.slice(0, 8).map((id) => factSplit(id)), KNOWN_PARTS);
  assert.deepEqual(ids.slice(0, 8).map((id) => factSplit(id)), [...ids.slice(0, 8)].reverse().map((id) => factSplit(id)).reverse());
});

test('factSplit: the held-out share is close to heldOutShare; another seed gives another split', () => {
  const heldOut = ids.filter((id) => factSplit(id) === 'held-out').length / ids.length;
  assert.ok(Math.abs(heldOut - FACT_SPLIT_DEFAULTS.heldOutShare) < 0.04, `held-out share ${heldOut}`);
  assert.equal(ids.filter((id) => factSplit(id, { heldOutShare: 0 }) === 'held-out').length, 0);
  assert.equal(ids.filter((id) => factSplit(id, { heldOutShare: 1 }) === 'held-out').length, ids.length);
  const quarter = ids.filter((id) => factSplit(id, { heldOutShare: 0.25 }) === 'held-out');
  assert.ok(Math.abs(quarter.length / ids.length - 0.25) < 0.04);
  // a smaller share holds out a subset of a larger one's facts (same hash, lower threshold)
  assert.ok(quarter.every((id) => factSplit(id) === 'held-out'));
  const moved = ids.filter((id) => factSplit(id, { seed: 15 }) !== factSplit(id)).length / ids.length;
  assert.ok(moved > 0.4 && moved < 0.6, `share moved by another seed: ${moved}`);
});

test('factSplit: bad share or seed -> InvalidOptionError', () => {
  assert.throws(() => factSplit('x', { heldOutShare: 1.5 }), InvalidOptionError);
  assert.throws(() => factSplit('x', { heldOutShare: Number.NaN }), InvalidOptionError);
  assert.throws(() => factSplit('x', { seed: 0.5 }), InvalidOptionError);
});

const KNOWN_PARTS = ['held-out', 'development', 'development', 'held-out', 'held-out', 'held-out', 'held-out', 'held-out'];
