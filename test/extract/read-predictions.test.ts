import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DataFormatError, NotFoundError } from '../../src/errors.js';
import { loadPredictions } from '../../src/extract/read-predictions.js';
import { tempDir } from '../helpers/tmp.js';
import { RECORDS } from './records-fixture.js';

test('loadPredictions reads every record in order, and the probe meta when present', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'p.jsonl');
  writeFileSync(file, `${RECORDS.map((r) => JSON.stringify(r)).join('\n')}\n\n`);
  assert.deepEqual(await loadPredictions(file), { records: RECORDS, probeMeta: null });
  writeFileSync(`${file}.meta.json`, JSON.stringify({ model: { spec: 'bert-base-uncased' } }));
  assert.equal((await loadPredictions(file)).probeMeta?.model.spec, 'bert-base-uncased');
});

test('a record without what extraction needs is a DataFormatError naming the record and field', async (t) => {
  const dir = tempDir(t);
  const cases: Array<[unknown, RegExp]> = [
    [{ ...RECORDS[0], goldSentence: 3 }, /p\.jsonl \(field "goldSentence"\): record 2 \(query f1#0\): expected a string, got 3; is this a predictions file written by `lmkg probe`\?/],
    [{ ...RECORDS[0], predictedSentence: undefined }, /\(field "predictedSentence"\): record 2 \(query f1#0\): expected a string, got nothing \(the field is missing\)/],
    [{ ...RECORDS[0], relation: 'place' }, /\(field "relation"\): record 2 .*expected null or \{ id, label, template \}/],
    [{ ...RECORDS[0], predictions: [{ token: 'x' }] }, /\(field "predictions\[0\]"\)/],
  ];
  const file = join(dir, 'p.jsonl');
  for (const [bad, message] of cases) {
    writeFileSync(file, `${JSON.stringify(RECORDS[1])}\n${JSON.stringify(bad)}\n`);
    await assert.rejects(loadPredictions(file), (error: unknown) => error instanceof DataFormatError && message.test(error.message), message.source);
  }
  writeFileSync(file, '\n');
  await assert.rejects(loadPredictions(file), (error: unknown) => error instanceof DataFormatError && /holds no prediction records/.test(error.message));
  await assert.rejects(loadPredictions(join(dir, 'none.jsonl')), NotFoundError);
});
