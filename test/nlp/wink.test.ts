import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText, tagWords } from '../../src/nlp/wink.js';

const TEXT = 'Dr. Smith moved to New York on 3 May 2001.  It cost $5 million!';

test('tagWords gives wink tokens with UPOS, lemmas, character offsets and sentence numbers', () => {
  const tokens = tagWords(TEXT);
  assert.deepEqual(tokens.map((t) => `${t.text}/${t.upos}/${t.lemma}`), [
    'Dr./PROPN/Dr.', 'Smith/PROPN/Smith', 'moved/VERB/move', 'to/ADP/to', 'New/NOUN/new', 'York/PROPN/York', 'on/ADP/on',
    '3/NUM/3', 'May/NOUN/may', '2001/NUM/2001', './PUNCT/.', 'It/PRON/it', 'cost/VERB/cost', '$/SYM/$', '5/NUM/5',
    'million/NUM/million', '!/PUNCT/!',
  ]);
  for (const t of tokens) assert.equal(TEXT.slice(t.start, t.end), t.text);
  assert.deepEqual(tokens.map((t) => t.index), tokens.map((_, i) => i));
  assert.deepEqual(tokens.map((t) => t.sentence), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
});

test('contractions split as in UD, offsets stay on the surface text', () => {
  const text = "I can't believe he didn't go.";
  const tokens = tagWords(text);
  assert.deepEqual(tokens.map((t) => t.text), ['I', 'ca', "n't", 'believe', 'he', 'did', "n't", 'go', '.']);
  assert.deepEqual(tokens.map((t) => t.lemma).slice(1, 3), ['can', 'not']);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
});

test('analyzeText gives sentence ranges and wink entities; empty text gives no tokens', () => {
  const analysis = analyzeText(TEXT);
  assert.deepEqual(analysis.sentences, [{ start: 0, end: 11 }, { start: 11, end: 17 }]);
  assert.deepEqual(analysis.entities, [{ start: 7, end: 10, type: 'DATE' }, { start: 13, end: 16, type: 'MONEY' }]);
  assert.deepEqual(tagWords(''), []);
  assert.deepEqual(tagWords('   '), []);
});
