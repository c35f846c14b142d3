/**
 * The extractors behind lmkg's own parser (src/nlp, trained on UD English EWT), on hand-written
 * sentences with exact expected triples. The parser is the 2,000-sentence model the NLP tests use
 * (trained once, about 20-60 s, then cached); sentences it parses wrongly are not here: their
 * extractor contract is the hand-built parse in conllu-fixture.ts (see src/extract/README.md).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, test } from 'node:test';
import { entityPrepTriples } from '../../src/extract/entity-prep.js';
import { svoTriples } from '../../src/extract/svo.js';
import { svoPlusTriples } from '../../src/extract/svo-plus.js';
import { clauseTriples } from '../../src/extract/clause.js';
import { loadNlp, type Nlp } from '../../src/nlp/index.js';
import { sharedData } from '../helpers/data-dir.js';
import { tempDir } from '../helpers/tmp.js';
import { lmkg, predictionsFile } from './cli-helpers.js';

type T = [string, string, string];
const CASES: Array<{ sentence: string; entityPrep: T[]; svo: T[]; svoPlus: T[] }> = [
  { // active, multi-word names on both sides
    sentence: 'Charles Dickens wrote Oliver Twist.',
    entityPrep: [], svo: [['Charles Dickens', 'wrote', 'Oliver Twist']], svoPlus: [['Charles Dickens', 'wrote', 'Oliver Twist']],
  },
  { // passive
    sentence: 'Allan Dwan was born in Toronto.',
    entityPrep: [['Allan Dwan', 'born in', 'Toronto']], svo: [], svoPlus: [['Toronto', 'bear', 'Allan Dwan']],
  },
  { // passive with an agent
    sentence: 'Robin Hood was directed by Allan Dwan.',
    entityPrep: [['Robin Hood', 'directed by', 'Allan Dwan']], svo: [['Robin Hood', 'was directed', 'Allan Dwan']], svoPlus: [['Allan Dwan', 'direct', 'Robin Hood']],
  },
  { // negated
    sentence: 'Dwan did not win the award.',
    entityPrep: [], svo: [['Dwan', 'did not win', 'award']], svoPlus: [['Dwan', '!win', 'award']],
  },
  { // negated passive with a contraction
    sentence: "Dickens wasn't born in London.",
    entityPrep: [['Dickens', 'born in', 'London']], svo: [], svoPlus: [['London', '!bear', 'Dickens']],
  },
  { // coordinated verbs
    sentence: 'Dickens wrote and published novels.',
    entityPrep: [], svo: [['Dickens', 'wrote', 'novels'], ['Dickens', 'published', 'novels']], svoPlus: [['Dickens', 'wrote', 'novels'], ['Dickens', 'published', 'novels']],
  },
  { // coordinated subjects
    sentence: 'Dwan and Griffith directed silent films.',
    entityPrep: [], svo: [['Dwan', 'directed', 'films'], ['Griffith', 'directed', 'films']],
    svoPlus: [['Dwan', 'directed', 'silent films'], ['Griffith', 'directed', 'silent films']],
  },
  { // prepositional
    sentence: 'Dickens lived in London.',
    entityPrep: [['Dickens', 'lived in', 'London']], svo: [], svoPlus: [['Dickens', 'lived in', 'London']],
  },
  { // dates
    sentence: 'Dwan was born on April 3, 1885.',
    entityPrep: [['Dwan', 'born on', 'April 3, 1885']], svo: [], svoPlus: [['April 3, 1885', 'bear', 'Dwan']],
  },
  {
    sentence: 'Dwan was born in 1885 in Toronto.',
    entityPrep: [['Dwan', 'born in', '1885'], ['Dwan', 'born in', 'Toronto']], svo: [], svoPlus: [['1885', 'bear', 'Dwan'], ['Toronto', 'bear', 'Dwan']],
  },
  { // copula, multi-word name
    sentence: 'Allan Dwan was a Canadian film director.',
    entityPrep: [], svo: [['Allan Dwan', 'was', 'film director']], svoPlus: [['Allan Dwan', 'was', 'Canadian film director']],
  },
  { // open clausal complement
    sentence: 'Dwan hoped to win the award.',
    entityPrep: [], svo: [['Dwan', 'hoped', 'to win the award']], svoPlus: [['Dwan', 'win', 'award']],
  },
  { // relative clause
    sentence: 'Georgina Willis is a director who was born in Australia.',
    entityPrep: [], svo: [['Georgina Willis', 'is', 'director']], svoPlus: [['Australia', 'bear', 'director']],
  },
];

let nlp: Nlp;
before(async () => {
  nlp = await loadNlp({ dataDir: dirname(sharedData('ud')), trainLimit: 2000, typeEntities: false });
}, { timeout: 300_000 });

const asTuples = (triples: Array<{ subject: string; relation: string; object: string }>): T[] => triples.map((t) => [t.subject, t.relation, t.object]);

for (const { sentence, entityPrep, svo, svoPlus } of CASES) {
  test(`through the parser: ${sentence}`, () => {
    const parsed = nlp.parse(sentence);
    const tree = parsed.tokens.map((t) => `${t.text}/${t.deprel}->${t.head}`).join(' ');
    assert.deepEqual(asTuples(entityPrepTriples(parsed)), entityPrep, `entity-prep; parse: ${tree}`);
    assert.deepEqual(asTuples(svoTriples(parsed)), svo, `svo; parse: ${tree}`);
    assert.deepEqual(asTuples(svoPlusTriples(parsed)), svoPlus, `svo-plus; parse: ${tree}`);
  });
}

/** `clause` through the parser: the sentences above, and the shapes of Wikipedia biographies. */
const CLAUSE_CASES: Array<{ sentence: string; clause: T[] }> = [
  { sentence: 'Charles Dickens wrote Oliver Twist.', clause: [['Charles Dickens', 'wrote', 'Oliver Twist']] },
  { sentence: 'Allan Dwan was born in Toronto.', clause: [['Allan Dwan', 'born in', 'Toronto']] },
  { sentence: 'Robin Hood was directed by Allan Dwan.', clause: [['Robin Hood', 'directed by', 'Allan Dwan']] },
  { sentence: "Dickens wasn't born in London.", clause: [['Dickens', 'not born in', 'London']] },
  { sentence: 'Dwan and Griffith directed silent films.', clause: [['Dwan', 'directed', 'silent films'], ['Griffith', 'directed', 'silent films']] },
  { sentence: 'Dwan was born in 1885 in Toronto.', clause: [['Dwan', 'born in', '1885'], ['Dwan', 'born in', 'Toronto']] },
  { sentence: 'Dwan hoped to win the award.', clause: [['Dwan', 'win', 'award']] },
  { sentence: 'Georgina Willis is a director who was born in Australia.', clause: [['Georgina Willis', 'is', 'director'], ['Georgina Willis', 'born in', 'Australia']] },
  {
    sentence: 'Ana Costa (born 1980 in Porto, Portugal) is a sprinter.',
    clause: [['Ana Costa', 'born', '1980'], ['Ana Costa', 'born in', 'Porto'], ['Ana Costa', 'born in', 'Portugal'], ['Ana Costa', 'is', 'sprinter']],
  },
  { sentence: 'Born in Glasgow, Stephen became a welder.', clause: [['Stephen', 'born in', 'Glasgow'], ['Stephen', 'became', 'welder']] },
  { sentence: 'Karen Holm, born in Aarhus, is an architect.', clause: [['Karen Holm', 'born in', 'Aarhus'], ['Karen Holm', 'is', 'architect']] },
  { sentence: 'Edith Marsh is a native of Cork.', clause: [['Edith Marsh', 'native of', 'Cork']] },
  { sentence: 'He died at his home in Edinburgh.', clause: [['He', 'died at', 'home'], ['He', 'died in', 'Edinburgh'], ['his', 'home in', 'Edinburgh']] },
  { sentence: 'She moved to Rome, where she died.', clause: [['She', 'moved to', 'Rome'], ['she', 'died in', 'Rome']] },
];

for (const { sentence, clause } of CLAUSE_CASES) {
  test(`clause through the parser: ${sentence}`, () => {
    const parsed = nlp.parse(sentence);
    const tree = parsed.tokens.map((t) => `${t.text}/${t.deprel}->${t.head}`).join(' ');
    assert.deepEqual(asTuples(clauseTriples(parsed)), clause, `clause; parse: ${tree}`);
  });
}

test('lmkg extract with a sentence extractor (the test parser, through --parser-model)', async (t) => {
  const dir = tempDir(t);
  const result = await lmkg(['extract', '--predictions', predictionsFile(dir), '--extractor', 'spacy', '--out', join(dir, 'out'), '--parser-model', nlp.modelFile, '--gexf']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /all triples, the paper's graph \(entity-prep, triples mode\): precision 0\.5000 {2}recall 0\.5000 {2}F1 0\.5000/);
  assert.match(result.stdout, /fact triples, per fact \(entity-prep\): precision 0\.5000 {2}recall 0\.5000/);
  assert.equal(readFileSync(join(dir, 'out', 'intersection.csv'), 'utf8'), ',source,target,edge,slot\n0,Allan Dwan,Toronto,born in,object\n');
  assert.ok(existsSync(join(dir, 'out', 'kg.gexf')));
});

