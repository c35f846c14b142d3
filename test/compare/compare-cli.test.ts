import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { addTriple, createKnowledgeGraph } from '../../src/kg/create.js';
import { saveKnowledgeGraph } from '../../src/kg/json.js';
import type { KnowledgeGraph } from '../../src/kg/types.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { record } from './records.js';

/** A graph of triples (the object holds the slot); `slots: false` writes a graph of lmkg 0.1, without slot provenance. */
function graph(meta: Record<string, string>, triples: Array<[string, string, string, string]>, slots = true): KnowledgeGraph {
  const kg = createKnowledgeGraph(meta);
  for (const [subject, relation, object, queryId] of triples) addTriple(kg, { subject, relation, object }, queryId, slots ? ['object'] : undefined);
  // one context triple per query, the same on both sides (as the unchanged part of a sentence is)
  if (slots) for (const [subject, , , queryId] of triples) addTriple(kg, { subject, relation: 'was', object: 'a person' }, queryId, []);
  return kg;
}

/** A run folder with two epochs: kg folders with kg.json, gold_kg.json and a predictions file. */
function makeRun(root: string, slots = true) {
  const gold: Array<[string, string, string, string]> = [
    ['Allan Dwan', 'born in', 'Toronto', 'f1#0'], ['Ada Lovelace', 'born in', 'London', 'f2#0'], ['Alan Turing', 'born in', 'London', 'f3#0'],
  ];
  const epochs: Record<string, { triples: Array<[string, string, string, string]>; tops: string[] }> = {
    'epoch-2': { triples: [['Allan Dwan', 'born in', 'Paris', 'f1#0'], ['Ada Lovelace', 'born in', 'London', 'f2#0']], tops: ['paris', 'london', 'rome'] },
    'epoch-10': { triples: [['Allan Dwan', 'born in', 'Toronto', 'f1#0'], ['Ada Lovelace', 'born in', 'London', 'f2#0'], ['Alan Turing', 'born in', 'Paris', 'f3#0']], tops: ['toronto', 'london', 'paris'] },
  };
  for (const [name, { triples, tops }] of Object.entries(epochs)) {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    const predictionsFile = join(dir, 'predictions.jsonl');
    const golds = ['Toronto', 'London', 'London'];
    writeFileSync(predictionsFile, tops.map((top, i) => JSON.stringify(record(`f${i + 1}#0`, golds[i]!, top))).join('\n'));
    writeFileSync(join(dir, 'kg.json'), JSON.stringify(saveKnowledgeGraph(graph({ model: name, predictionsFile, side: 'predicted' }, triples, slots))));
    writeFileSync(join(dir, 'gold_kg.json'), JSON.stringify(saveKnowledgeGraph(graph({ model: name, side: 'gold' }, gold, slots))));
  }
}

async function lmkg(args: string[], cwd: string) {
  const result = await runCli(args, { cwd });
  return { status: result.code, stdout: result.stdout, stderr: result.stderr };
}

describe('lmkg compare', () => {
  it('compares a run in natural order against the gold graphs and writes JSON, CSV and the timeline', async (t) => {
    const dir = tempDir(t);
    makeRun(join(dir, 'run'));
    const out = join(dir, 'out', 'metrics.json');
    const result = await lmkg(['compare', 'run', '--metrics', 'facts,triples,hed,aligned,feather', '--bootstrap', '50', '--timeline', '--matrix', '--out', out], dir);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /graph\s+nodes\s+edges\s+P@1\s+fact P\s+fact R\s+fact F1/);
    assert.match(result.stdout, /graph metrics on fact triples; fact P\/R\/F1 per fact/);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(json.graphs.map((g: { name: string }) => g.name), ['epoch-2', 'epoch-10']);
    assert.equal(json.rows[1].p1, 2 / 3);
    assert.equal(json.rows[0].p1, 1 / 3);
    // the fact view leaves out the context triple ("was a person"), which every graph shares with its gold graph
    assert.equal(json.rows[1].graphView, 'fact');
    assert.equal(json.rows[1].tripleF1, 2 / 3);
    // per fact: epoch-2 predicts 2 fact triples (1 right) of 3 gold ones; epoch-10 3 (2 right) of 3
    assert.deepEqual([json.rows[0].factP, json.rows[0].factR], [1 / 2, 1 / 3]);
    assert.deepEqual([json.rows[1].factP, json.rows[1].factR, json.rows[1].factF1], [2 / 3, 2 / 3, 2 / 3]);
    assert.equal(json.graphs[1].facts.micro.facts, 3);
    assert.equal(json.graphs[0].triples.ci.f1.replicates > 0, true);
    assert.equal(json.timeline.totals.acquired, 2);
    assert.deepEqual(json.matrix.names, ['epoch-2', 'epoch-10']);
    const csv = readFileSync(join(dir, 'out', 'metrics.csv'), 'utf8').trim().split('\n');
    assert.equal(csv.length, 3);
    assert.ok(csv[0]!.startsWith('graph,reference,mode,nodes,edges,p1'));
    assert.ok(existsSync(join(dir, 'out', 'metrics.timeline.csv')));
  });

  it('takes a named reference and paper mode', async (t) => {
    const dir = tempDir(t);
    makeRun(join(dir, 'run'));
    const result = await lmkg(['compare', 'run/epoch-2', 'run/epoch-10', '--reference', 'epoch-10', '--mode', 'paper', '--metrics', 'aed,hed', '--bootstrap', '0'], dir);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /paper mode: AED\/HED as the paper's code/);
    assert.match(result.stdout, /reference: epoch-10/);
  });

  it('--graph all compares every triple (the context triples lift F1); graphs of lmkg 0.1 need it', async (t) => {
    const dir = tempDir(t);
    makeRun(join(dir, 'run'));
    const all = await lmkg(['compare', 'run', '--graph', 'all', '--metrics', 'triples', '--bootstrap', '0', '--out', 'all.json'], dir);
    assert.equal(all.status, 0, all.stderr);
    const rows = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8')).rows;
    // epoch-10: 3 fact triples (2 right) + 3 shared context triples -> 5 of 6
    assert.equal(rows[1].graphView, 'all');
    assert.equal(rows[1].tripleF1, 5 / 6);
    makeRun(join(dir, 'old'), false);
    const old = await lmkg(['compare', 'old', '--metrics', 'triples', '--bootstrap', '0'], dir);
    assert.equal(old.status, 2);
    assert.match(old.stderr, /has no slot provenance.*--graph all/);
    const oldAll = await lmkg(['compare', 'old', '--graph', 'all', '--metrics', 'triples', '--bootstrap', '0'], dir);
    assert.equal(oldAll.status, 0, oldAll.stderr);
  });

  it('fails clearly on a folder without graphs and on an unknown reference', async (t) => {
    const dir = tempDir(t);
    mkdirSync(join(dir, 'empty'));
    const missing = await lmkg(['compare', 'empty'], dir);
    assert.equal(missing.status, 3);
    assert.match(missing.stderr, /no kg.json in it or below it/);
    makeRun(join(dir, 'run'));
    const unknown = await lmkg(['compare', 'run', '--reference', 'epoch-99', '--bootstrap', '0'], dir);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--reference "epoch-99": no graph has this name/);
  });
});
