import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clauseExtraction, clauseTriples } from '../../src/extract/clause.js';
import { CLAUSE_SENTENCES as C } from './clause-fixture.js';
import { SENTENCES as S } from './conllu-fixture.js';

const t = (subject: string, relation: string, object: string) => ({ subject, relation, object });

test('clause: stated subjects; passives keep their subject and read "born in"; agents "directed by"; negation "not"', () => {
  assert.deepEqual(clauseTriples(S.passive), [t('Allan Dwan', 'born in', 'Toronto')]);
  assert.deepEqual(clauseTriples(S.agent), [t('Robin Hood', 'directed by', 'Allan Dwan')]);
  assert.deepEqual(clauseTriples(S.active), [t('Allan Dwan', 'directed', 'Robin Hood')]);
  assert.deepEqual(clauseTriples(S.negated), [t('Dwan', 'not direct', 'Metropolis')]);
  assert.deepEqual(clauseTriples(S.prepositional), [t('Dwan', 'died in', 'Los Angeles'), t('Dwan', 'died on', 'December 28, 1981')]);
  assert.deepEqual(clauseTriples(S.dateCaseOnNumber), [t('Dwan', 'died on', '28 December 1981'), t('Dwan', 'died in', 'Los Angeles')]);
});

test('clause: coordinated verbs, subjects and objects; "born and raised in" shares the place', () => {
  assert.deepEqual(clauseTriples(S.coordinated), [
    t('Dwan', 'wrote', 'films'), t('Dwan', 'wrote', 'plays'), t('Dwan', 'directed', 'films'), t('Dwan', 'directed', 'plays'),
  ]);
  assert.deepEqual(clauseTriples(S.coordinatedSubjects), [t('Dwan', 'directed', 'silent films'), t('Griffith', 'directed', 'silent films')]);
  assert.deepEqual(clauseTriples(C.bornAndRaised), [t('Willem Vries', 'born in', 'Utrecht'), t('Willem Vries', 'raised in', 'Utrecht')]);
});

test('clause: copular clauses, open complements, predicates with a preposition ("native of", "is in")', () => {
  assert.deepEqual(clauseTriples(S.copula), [t('Allan Dwan', 'was', 'Canadian film director')]);
  assert.deepEqual(clauseTriples(S.xcomp), [t('Dwan', 'direct', 'western')]);
  assert.deepEqual(clauseTriples(C.nativeOf), [t('Richard Tillinghast', 'native of', 'Memphis'), t('Richard Tillinghast', 'native of', 'Tennessee')]);
  assert.deepEqual(clauseTriples(C.apposedNative), [t('Jenkins', 'native of', 'Ohio')]);
  assert.deepEqual(clauseTriples(C.copulaPreposition), [t('street', 'is in', 'Dublin')]);
});

test('clause: relative clauses stand for the subject of the predicate nominal they modify; relative objects too', () => {
  assert.deepEqual(clauseTriples(S.relative), [t('Georgina Willis', 'is', 'director'), t('Georgina Willis', 'born in', 'Australia')]);
  assert.deepEqual(clauseTriples(S.relativeObject), [t('Robin Hood', 'is', 'film'), t('Dwan', 'directed', 'Robin Hood')]);
  assert.deepEqual(clauseTriples(C.whereClause), [t('He', 'retired to', 'Miami'), t('he', 'died in', 'Miami')]);
  // "that" beside a real subject is a complementiser
  assert.deepEqual(clauseTriples(C.complementiser), [t('Obaidullah', 'born in', '1980')]);
});

test('clause: a participle in parentheses is about the name before them, wherever the parser hangs it', () => {
  assert.deepEqual(clauseTriples(S.parenthetical), [t('Peter Martin', 'born in', 'Boston'), t('Peter Martin', 'is', 'politician')]);
  assert.deepEqual(clauseTriples(S.parataxis), [t('Peter Martin', 'born in', 'Boston'), t('Peter Martin', 'is', 'politician')]);
  assert.deepEqual(clauseTriples(C.parenthesisMisattached), [
    t('Allan Peiper', 'born', '26 April 1960'), t('Allan Peiper', 'born in', 'Alexandra'), t('Allan Peiper', 'born in', 'Australia'),
  ]);
  // the second item of the list hangs on the participle
  assert.deepEqual(clauseTriples(C.listOnVerb), [t('Didier Pfirter', 'born', '1959'), t('Didier Pfirter', 'born', 'Basel'), t('Didier Pfirter', 'is', 'diplomat')]);
  // a subject the parser found inside the parenthesis is the name before it
  assert.deepEqual(clauseTriples(C.subjectInParenthesis), [t('Thomas Quinlan', 'was', 'impresario')]);
  // a lost subject is the name before the verb group, over the parenthesis
  assert.deepEqual(clauseTriples(C.lostSubject), [t('Matthew Begbie', 'born on', 'Mauritius')]);
});

test('clause: a sentence-initial participle is about the main subject, from the tree or the words after the last comma', () => {
  assert.deepEqual(clauseTriples(S.initialParticiple), [t('Stephen', 'born in', 'Glasgow'), t('Stephen', 'became', 'welder')]);
  assert.deepEqual(clauseTriples(S.copularAdvcl), [t('Stephen', 'born in', 'Glasgow'), t('Stephen', 'was', 'welder')]);
  assert.deepEqual(clauseTriples(C.initialParticipleAppos), [
    t('Connor', 'born in', 'Trenton'), t('Connor', 'born in', 'New Jersey'), t('Connor', 'attended', 'schools'),
  ]);
  // a name the tagger took for a verb
  assert.deepEqual(clauseTriples(C.mistaggedName), [t('Belches', 'born in', 'Scotland'), t('Belches', 'joined', 'navy')]);
});

test('clause: a participle after ", " modifies the nominal before it, or the subject of the predicate it describes', () => {
  assert.deepEqual(clauseTriples(C.commaParticipleRoot), [
    t('Natalia Skobeeva', 'born in', 'Russia'), t('Natalia Skobeeva', 'born in', '1975'), t('Natalia Skobeeva', 'is', 'artist'),
  ]);
  assert.deepEqual(clauseTriples(C.predicateParticiple), [t('Geoffrey Nutter', 'is', 'American poet'), t('Geoffrey Nutter', 'born in', 'Sacramento')]);
});

test('clause: places inside a place or date place the event, unless a bounding preposition ("until") keeps them apart', () => {
  assert.deepEqual(clauseTriples(C.homeIn), [t('Fiona', 'died at', 'home'), t('Fiona', 'died in', 'Edinburgh'), t('her', 'home in', 'Edinburgh')]);
  assert.deepEqual(clauseTriples(C.deathUntil), [t('He', 'served until', 'death'), t('his', 'death in', 'Erie')]);
  assert.deepEqual(clauseTriples(C.namedObjectPlace), [t('Henson', 'born', 'Gladys Gunn'), t('Henson', 'born in', 'Dublin')]);
  assert.deepEqual(clauseTriples(C.nameAsAdverb), [t('Long', 'died in', 'Portsmouth')]);
});

test('clause: every part carries its words (token indices)', () => {
  const [triple] = clauseExtraction(C.parenthesisMisattached).filter((x) => x.object === 'Alexandra');
  assert.deepEqual(triple!.tokens, { subject: [0, 1], relation: [3, 7], object: [8] });
  const [where] = clauseExtraction(C.whereClause).filter((x) => x.relation === 'died in');
  assert.deepEqual(where!.tokens, { subject: [6], relation: [7, 5], object: [3] });
});
