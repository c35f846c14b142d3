import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datasetNames } from '../../src/data/dataset-names.js';
import { UsageError } from '../../src/errors.js';

test('a file: dataset is named by its base name; named datasets keep their id', () => {
  const names = datasetNames(['file:/data/TREx/P19.jsonl', 'file:/data/TREx/P1412.jsonl', 'squad', 'trex:P19']);
  assert.deepEqual([...names.values()], ['P19', 'P1412', 'squad', 'trex:P19']);
});

test('a clash with a built-in id or another dataset of the run takes the parent folder', () => {
  assert.deepEqual([...datasetNames(['file:/data/mine/squad.jsonl', 'squad']).values()], ['mine-squad', 'squad']);
  assert.deepEqual([...datasetNames(['file:/data/mine/SQuAD.json']).values()], ['mine-SQuAD'], 'built-in ids clash whatever the case');
  assert.deepEqual([...datasetNames(['file:/a/TREx/P19.jsonl', 'file:/b/Mine/P19.jsonl', 'file:/b/Mine/P20.jsonl']).values()], ['TREx-P19', 'Mine-P19', 'P20']);
  // the same parent folder name: one more level
  assert.deepEqual([...datasetNames(['file:/a/TREx/P19.jsonl', 'file:/b/TREx/P19.jsonl']).values()], ['a-TREx-P19', 'b-TREx-P19']);
  // nothing tells them apart but the extension: the whole id
  assert.deepEqual([...datasetNames(['file:/a/P19.json', 'file:/a/P19.jsonl']).values()], ['file:/a/P19.json', 'file:/a/P19.jsonl']);
});

test('a dataset listed twice is a usage error', () => {
  assert.throws(() => datasetNames(['file:/a/../a/P19.jsonl', 'file:/a/P19.jsonl']), (error: unknown) => error instanceof UsageError && /listed twice/.test(error.message));
  assert.throws(() => datasetNames(['squad', 'squad']), UsageError);
});
