import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { availableDatasets } from '../../src/data/datasets.js';
import { loadLamaDataset } from '../../src/data/load-dataset.js';
import { MASK_MARKER } from '../../src/data/types.js';
import { DataFormatError, InvalidOptionError, NotFoundError, UsageError } from '../../src/errors.js';
import { sharedData } from '../helpers/data-dir.js';
import { tempDir } from '../helpers/tmp.js';

const dataDir = () => join(sharedData('lama'), '..');

test('shared LAMA data: fact, sentence and skipped counts', async () => {
  const expected = {
    squad: [305, 305, 3],
    're-place-birth': [2937, 3078, 395],
    're-date-birth': [1825, 1924, 105],
    're-place-death': [766, 1104, 321],
  } as const;
  for (const [id, [facts, sentences, skipped]] of Object.entries(expected)) {
    const { stats, queries } = await loadLamaDataset(id, { dataDir: dataDir() });
    assert.deepEqual([stats.facts, stats.sentences, stats.skippedSentences], [facts, sentences, skipped], id);
    assert.equal(stats.queries, sentences - skipped);
    assert.equal(queries.length, sentences - skipped);
    assert.equal(stats.factsAfterJudgmentFilter, facts, 'the official files are already judgment-filtered');
    for (const q of queries) assert.equal(q.maskedSentence.split(MASK_MARKER).length, 2, q.id);
  }
});

test('Google-RE: gold is obj_label (never the Freebase id), with subject, relation, template and evidence URL', async () => {
  const { queries } = await loadLamaDataset('re-place-birth', { dataDir: dataDir(), limit: 3 });
  assert.equal(queries.length, 3);
  const first = queries[0]!;
  assert.deepEqual(first, {
    id: '9c68053f-0e3a-4db1-ab37-4e12d89b26d8#0',
    dataset: 're-place-birth',
    factId: '9c68053f-0e3a-4db1-ab37-4e12d89b26d8',
    subject: 'Khatchig Mouradian',
    relation: { id: 'place_of_birth', label: 'place of birth', template: '[X] was born in [Y] .' },
    gold: 'Lebanon',
    maskedSentence: 'Khatchig Mouradian is a journalist, writer and translator born in [MASK] .',
    evidenceUrl: 'http://en.wikipedia.org/wiki/Khatchig_Mouradian',
  });
  const dates = await loadLamaDataset('re-date-birth', { dataDir: dataDir(), limit: 2 });
  assert.equal(dates.queries[1]!.gold, '1982', 'date_of_birth gold is the year in obj_label, not obj (1982-05-22)');
  for (const q of (await loadLamaDataset('re-place-death', { dataDir: dataDir() })).queries) assert.ok(!q.gold.startsWith('/m/'), q.id);
});

test('SQuAD: no subject or relation; template mode is refused with a clear error', async () => {
  const { queries } = await loadLamaDataset('squad', { dataDir: dataDir(), limit: 1 });
  assert.equal(queries[0]!.subject, null);
  assert.equal(queries[0]!.relation, null);
  assert.equal(queries[0]!.gold, 'gold');
  await assert.rejects(loadLamaDataset('squad', { dataDir: dataDir(), mode: 'template' }), (error: unknown) => {
    assert.ok(error instanceof UsageError);
    assert.match(error.message, /no relation template/);
    return true;
  });
});

test('template mode: one query per fact from the relation template', async () => {
  const { queries, facts } = await loadLamaDataset('re-place-death', { dataDir: dataDir(), mode: 'template' });
  assert.equal(queries.length, facts.length);
  assert.equal(queries[0]!.maskedSentence, `${facts[0]!.subject} died in [MASK] .`);
  assert.equal(queries[0]!.id, `${facts[0]!.factId}#template`);
  const births = await loadLamaDataset('re-date-birth', { dataDir: dataDir(), mode: 'template', limit: 1 });
  assert.equal(births.queries[0]!.maskedSentence, 'Peter F. Martin (born [MASK]).');
});

test('availableDatasets lists the named datasets present', () => {
  const ids = availableDatasets({ dataDir: dataDir() });
  assert.deepEqual(ids.slice(0, 4), ['squad', 're-place-birth', 're-date-birth', 're-place-death']);
  // ../shared/data has no TREx/; a data.zip fetched by the test bootstrap has the T-REx relations too
  assert.ok(ids.slice(4).every((id) => /^trex:P\d+$/.test(id)), ids.join(', '));
});

/** A data root with lama/TREx/P19.jsonl and relations.jsonl, written by the test. */
function trexRoot(t: Parameters<typeof tempDir>[0]): string {
  const root = tempDir(t);
  mkdirSync(join(root, 'lama', 'TREx'), { recursive: true });
  writeFileSync(join(root, 'lama', 'relations.jsonl'), '{"relation": "P19", "template": "[X] was born in [Y] .", "label": "place of birth"}\n');
  writeFileSync(join(root, 'lama', 'TREx', 'P19.jsonl'), [
    { uuid: 'a', obj_uri: 'Q90', obj_label: 'Paris', sub_uri: 'Q1', sub_label: 'Ann Lee', predicate_id: 'P19', evidences: [{ sub_surface: 'Ann Lee', obj_surface: 'Paris', masked_sentence: 'Ann Lee was born in [MASK] in 1950 .' }, { masked_sentence: 'Ann Lee , born in [MASK] , [MASK] .' }] },
    { uuid: 'b', obj_uri: 'Q84', obj_label: 'London', sub_uri: 'Q2', sub_label: 'Bo Ray', predicate_id: 'P19', evidences: [{ masked_sentence: '[MASK] is where Bo Ray was born .' }] },
  ].map((r) => JSON.stringify(r)).join('\n') + '\n');
  return root;
}

test('trex: and file: read T-REx-shaped files; two-mask sentences are skipped and counted', async (t) => {
  const root = trexRoot(t);
  const { stats, queries } = await loadLamaDataset('trex:P19', { dataDir: root });
  assert.deepEqual({ shape: stats.shape, facts: stats.facts, sentences: stats.sentences, skipped: stats.skippedSentences }, { shape: 't-rex', facts: 2, sentences: 3, skipped: 1 });
  assert.deepEqual(queries.map((q) => q.id), ['a#0', 'b#0']);
  assert.deepEqual(queries[0]!.relation, { id: 'P19', label: 'place of birth', template: '[X] was born in [Y] .' });
  const viaFile = await loadLamaDataset(`file:${join(root, 'lama', 'TREx', 'P19.jsonl')}`, { dataDir: root, mode: 'template' });
  assert.deepEqual(viaFile.queries.map((q) => q.maskedSentence), ['Ann Lee was born in [MASK] .', 'Bo Ray was born in [MASK] .']);
  assert.deepEqual(availableDatasets({ dataDir: root }), ['trex:P19']);
});

test('judgment filter: drops facts whose "no" judgments outnumber "yes"; default keeps all', async (t) => {
  const dir = tempDir(t);
  const record = (uuid: string, judgments: string[]) => JSON.stringify({
    pred: '/people/person/place_of_birth', sub: '/m/1', obj: '/m/2', sub_label: `S ${uuid}`, obj_label: 'Rome', uuid,
    evidences: [{ url: `http://x/${uuid}`, snippet: '...' }], judgments: judgments.map((judgment, i) => ({ rater: String(i), judgment })),
    masked_sentences: [`S ${uuid} was born in [MASK] .`],
  });
  const file = join(dir, 'judged.jsonl');
  writeFileSync(file, [record('keep', ['yes', 'yes', 'no']), record('tie', ['yes', 'no']), record('drop', ['no', 'no', 'yes'])].join('\n'));
  const all = await loadLamaDataset(`file:${file}`);
  assert.equal(all.stats.facts, 3);
  assert.equal(all.stats.factsAfterJudgmentFilter, 2);
  assert.equal(all.queries.length, 3);
  const filtered = await loadLamaDataset(`file:${file}`, { filterJudgments: true });
  assert.deepEqual(filtered.facts.map((f) => f.factId), ['keep', 'tie']);
  assert.deepEqual(filtered.queries.map((q) => q.evidenceUrl), ['http://x/keep', 'http://x/tie']);
});

test('bad input: malformed line, missing field, empty file, wrong types, unknown id', async (t) => {
  const dir = tempDir(t);
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return `file:${file}`;
  };
  const good = '{"masked_sentences": ["A [MASK] ."], "obj_label": "x", "id": "q1"}';
  await assert.rejects(loadLamaDataset(write('bad.jsonl', `${good}\n{"masked_sentences": [\n`)), (error: unknown) => {
    assert.ok(error instanceof DataFormatError);
    assert.equal(error.location.line, 2);
    assert.match(error.message, /bad\.jsonl:2: malformed JSON/);
    return true;
  });
  await assert.rejects(loadLamaDataset(write('missing.jsonl', `${good}\n\n{"masked_sentences": ["B [MASK] ."], "id": "q2"}\n`)), (error: unknown) => {
    assert.ok(error instanceof DataFormatError);
    assert.deepEqual(error.location, { file: join(dir, 'missing.jsonl'), line: 3, field: 'obj_label' });
    assert.match(error.message, /missing\.jsonl:3 \(field "obj_label"\): required field is missing/);
    return true;
  });
  await assert.rejects(loadLamaDataset(write('empty.jsonl', '\n\n')), /empty\.jsonl: the file is empty/);
  await assert.rejects(loadLamaDataset(write('type.jsonl', '{"masked_sentences": "A [MASK]", "obj_label": "x", "id": "q"}')), /field "masked_sentences"\): expected an array of strings/);
  await assert.rejects(loadLamaDataset(write('array.jsonl', '[1, 2]')), /array\.jsonl:1: expected a JSON object/);
  await assert.rejects(loadLamaDataset('re-place-brith', { dataDir: dataDir() }), (error: unknown) => {
    assert.ok(error instanceof InvalidOptionError);
    assert.match(error.message, /unknown dataset "re-place-brith"; valid ids: squad, re-place-birth, re-date-birth, re-place-death, trex:/);
    return true;
  });
  await assert.rejects(loadLamaDataset(`file:${join(dir, 'nope.jsonl')}`), NotFoundError);
  await assert.rejects(loadLamaDataset('squad', { dataDir: dir }), (error: unknown) => {
    assert.ok(error instanceof NotFoundError);
    assert.match(error.message, /run `lmkg data fetch`, or set LMKG_DATA_DIR/);
    return true;
  });
  await assert.rejects(loadLamaDataset(write('ok.jsonl', good), { limit: 0 }), /option "limit" must be a positive integer, got 0/);
});

test('sentences without exactly one mask are skipped and counted; no mask, two masks', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'masks.jsonl');
  writeFileSync(file, JSON.stringify({ masked_sentences: ['no mask here .', 'two [MASK] and [MASK] .', 'one [MASK] .'], obj_label: 'x', id: 'q' }));
  const { stats, queries } = await loadLamaDataset(`file:${file}`);
  assert.deepEqual([stats.sentences, stats.skippedSentences, stats.queries], [3, 2, 1]);
  assert.deepEqual(queries.map((q) => q.id), ['q#2']);
});

test('ids: "id", else "uuid", else the line number; ids must be unique within a file', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'hand-written.jsonl');
  writeFileSync(file, [
    { masked_sentences: ['Ann Lee was born in [MASK] .'], obj_label: 'Paris' },
    '',
    { masked_sentences: ['Bo Ray was born in [MASK] .'], obj_label: 'Rome', uuid: 'u-7' },
    { masked_sentences: ['Cy Dee was born in [MASK] .'], obj_label: 'Oslo', id: 12 },
  ].map((r) => (r === '' ? '' : JSON.stringify(r))).join('\n'));
  const { facts, queries, stats } = await loadLamaDataset(`file:${file}`);
  assert.deepEqual(facts.map((f) => [f.factId, f.factIdFrom]), [['line-1', 'line'], ['u-7', 'uuid'], ['12', 'id']]);
  assert.deepEqual(queries.map((q) => q.id), ['line-1#0', 'u-7#0', '12#0']);
  assert.equal(stats.factIdsFromLines, 1);
  // T-REx-shaped records without a uuid are numbered the same way.
  const trex = join(dir, 'P19.jsonl');
  writeFileSync(trex, `${JSON.stringify({ obj_label: 'Paris', sub_label: 'Ann Lee', predicate_id: 'P19', evidences: [{ masked_sentence: 'Ann Lee was born in [MASK] .' }] })}\n`);
  assert.deepEqual((await loadLamaDataset(`file:${trex}`)).facts.map((f) => f.factId), ['line-1']);

  const duplicate = join(dir, 'duplicate.jsonl');
  writeFileSync(duplicate, [
    { masked_sentences: ['A [MASK] .'], obj_label: 'x', id: 'q1' },
    { masked_sentences: ['B [MASK] .'], obj_label: 'y', id: 'q2' },
    { masked_sentences: ['C [MASK] .'], obj_label: 'z', id: 'q1' },
  ].map((r) => JSON.stringify(r)).join('\n'));
  await assert.rejects(loadLamaDataset(`file:${duplicate}`), (error: unknown) => {
    assert.ok(error instanceof DataFormatError);
    assert.deepEqual(error.location, { file: duplicate, line: 3, field: 'id' });
    assert.match(error.message, /duplicate\.jsonl:3 \(field "id"\): duplicate fact id "q1" \(line 1 has it too\)/);
    return true;
  });
  const badId = join(dir, 'bad-id.jsonl');
  writeFileSync(badId, JSON.stringify({ masked_sentences: ['A [MASK] .'], obj_label: 'x', id: { nested: true } }));
  await assert.rejects(loadLamaDataset(`file:${badId}`), /bad-id\.jsonl:1 \(field "id"\): expected a non-empty string or a number/);
  // The object and the masked sentences stay required.
  const noSentences = join(dir, 'no-sentences.jsonl');
  writeFileSync(noSentences, JSON.stringify({ obj_label: 'x' }));
  await assert.rejects(loadLamaDataset(`file:${noSentences}`), /no-sentences\.jsonl:1 \(field "masked_sentences"\): required field is missing/);
});
