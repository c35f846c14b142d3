import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEntities, nameType } from '../../src/nlp/entities.js';
import { analyzeText } from '../../src/nlp/wink.js';

const entities = (text: string, typeNames = true) => findEntities(analyzeText(text), text, { typeNames });

test('wink entities and proper-noun runs, typed by compromise', () => {
  assert.deepEqual(entities('Dr. Smith moved to New York on 3 May 2001.  It cost $5 million!'), [
    { start: 0, end: 2, text: 'Dr. Smith', type: 'PERSON' },
    { start: 4, end: 6, text: 'New York', type: 'PLACE' }, // "New" is a capitalised NOUN for wink: joined
    { start: 7, end: 10, text: '3 May 2001', type: 'DATE' },
    { start: 13, end: 16, text: '$5 million', type: 'NUMBER' },
  ]);
  assert.deepEqual(entities('Allan Dwan was born in Toronto.'), [
    { start: 0, end: 2, text: 'Allan Dwan', type: 'PERSON' },
    { start: 5, end: 6, text: 'Toronto', type: 'PLACE' },
  ]);
});

test('name particles join, "of" does not; typing can be turned off', () => {
  assert.deepEqual(entities('Rio de Janeiro and the University of Toronto hired Ludwig van Beethoven.'), [
    { start: 0, end: 3, text: 'Rio de Janeiro', type: 'PLACE' },
    { start: 5, end: 6, text: 'University', type: 'OTHER' },
    { start: 7, end: 8, text: 'Toronto', type: 'PLACE' },
    { start: 9, end: 12, text: 'Ludwig van Beethoven', type: 'PERSON' },
  ]);
  assert.deepEqual(entities('Allan Dwan was born in Toronto.', false).map((e) => e.type), ['OTHER', 'OTHER']);
});

test('runs stop at sentence ends and at words outside names', () => {
  const found = entities('The actor John Smith was born in Maine. Later, Smith died in Palm Desert.');
  assert.deepEqual(found.map((e) => [e.text, e.start, e.end]), [['John Smith', 2, 4], ['Maine', 7, 8], ['Smith', 11, 12], ['Palm Desert', 14, 16]]);
});

test('nameType reads a name on its own', () => {
  assert.equal(nameType('Barack Obama'), 'PERSON');
  assert.equal(nameType('Paris'), 'PLACE');
  assert.equal(nameType('Microsoft'), 'ORGANIZATION');
  assert.equal(nameType('Zorblax Quux'), 'OTHER');
});

test('proper-noun types are computed when first read, and serialise like plain fields', () => {
  const [person] = entities('Allan Dwan was born in Toronto.');
  assert.equal(typeof Object.getOwnPropertyDescriptor(person!, 'type')!.get, 'function');
  assert.deepEqual(JSON.parse(JSON.stringify(person)), { start: 0, end: 2, text: 'Allan Dwan', type: 'PERSON' });
  assert.deepEqual({ ...person }, { start: 0, end: 2, text: 'Allan Dwan', type: 'PERSON' });
  person!.type = 'OTHER';
  assert.equal(person!.type, 'OTHER');
});

test('tokens another tagger takes for proper nouns join the runs', () => {
  const text = "The film wasn't directed by John Ford.";
  const analysis = analyzeText(text);
  assert.equal(analysis.tokens[7]!.upos, 'VERB'); // wink: Ford/VERB
  assert.deepEqual(findEntities(analysis, text, { typeNames: false }).map((e) => e.text), ['John']);
  const properNouns = new Uint8Array(analysis.tokens.length);
  properNouns[7] = 1;
  assert.deepEqual(findEntities(analysis, text, { typeNames: false, properNouns }).map((e) => [e.text, e.start, e.end]), [['John Ford', 6, 8]]);
});
