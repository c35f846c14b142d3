import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { InvalidOptionError, NotFoundError } from '../../src/errors.js';
import { kgTriples } from '../../src/kg/create.js';
import { readKnowledgeGraph, writeKnowledgeGraph } from '../../src/kg/files.js';
import { tempDir } from '../helpers/tmp.js';
import { graphContents, trickyGraph } from './fixtures.js';

test('every format round-trips through a file (CSV: the triples)', async (t) => {
  const dir = tempDir(t);
  const kg = trickyGraph();
  for (const name of ['kg.json', 'kg.graphml', 'kg.gexf']) {
    const path = join(dir, 'sub', name);
    await writeKnowledgeGraph(kg, path);
    assert.deepEqual(graphContents(await readKnowledgeGraph(path)), graphContents(kg), name);
  }
  await writeKnowledgeGraph(kg, join(dir, 'kg.csv'));
  assert.deepEqual(kgTriples(await readKnowledgeGraph(join(dir, 'kg.csv'))), kgTriples(kg));
  assert.deepEqual(readdirSync(join(dir, 'sub')).sort(), ['kg.gexf', 'kg.graphml', 'kg.json'], 'no temporary files left');
});

test('unknown extensions and missing files are clear errors', async (t) => {
  const dir = tempDir(t);
  await assert.rejects(writeKnowledgeGraph(trickyGraph(), join(dir, 'kg.xlsx')), (error: unknown) =>
    error instanceof InvalidOptionError && /unknown extension "\.xlsx"; use one of \.json, \.csv, \.graphml, \.gexf/.test(error.message));
  await assert.rejects(readKnowledgeGraph(join(dir, 'none.json')), NotFoundError);
});

test('a graph with a "constructor" node round-trips through every format', async (t) => {
  const { buildKnowledgeGraph } = await import('../../src/kg/build.js');
  const dir = tempDir(t);
  const kg = buildKnowledgeGraph([{ subject: 'constructor', relation: 'r', object: '__proto__' }, { subject: 'x', relation: 'r', object: 'constructor' }]);
  for (const name of ['kg.json', 'kg.graphml', 'kg.gexf']) {
    await writeKnowledgeGraph(kg, join(dir, name));
    assert.deepEqual(graphContents(await readKnowledgeGraph(join(dir, name))), graphContents(kg), name);
  }
  await writeKnowledgeGraph(kg, join(dir, 'kg.csv'));
  assert.deepEqual(kgTriples(await readKnowledgeGraph(join(dir, 'kg.csv'))), kgTriples(kg));
});
