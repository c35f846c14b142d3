import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidOptionError } from '../../src/errors.js';
import { EXTRACTORS, type SentenceExtractor } from '../../src/extract/registry.js';
import { judgeSlotSentence, labelledPrecision, markedSentence, sameTriple } from '../../src/extract/slot-judgement.js';
import { SENTENCES } from './conllu-fixture.js';

const t = (subject: string, relation: string, object: string) => ({ subject, relation, object });
const clause = EXTRACTORS.clause as SentenceExtractor;
const svoPlus = EXTRACTORS['svo-plus'] as SentenceExtractor;

test('markedSentence: the text without the marks and the slot span; exactly one slot', () => {
  assert.deepEqual(markedSentence('Allan Dwan was born in [[Toronto]].'), { text: 'Allan Dwan was born in Toronto.', slot: { start: 23, end: 30 } });
  assert.throws(() => markedSentence('no slot'), InvalidOptionError);
  assert.throws(() => markedSentence('[[two]] [[slots]]'), InvalidOptionError);
});

test('sameTriple folds case and punctuation of the arguments, not the relation words', () => {
  assert.equal(sameTriple(t('Allan Dwan', 'born in', 'Toronto, Ontario'), t('allan dwan', ' Born in', 'Toronto Ontario')), true);
  assert.equal(sameTriple(t('Dwan', 'born in', 'Toronto'), t('Dwan', 'born', 'Toronto')), false);
});

test('judgeSlotSentence: caught when an acceptable triple holds the slot, right when no other does', () => {
  const sentence = markedSentence('Allan Dwan was born in [[Toronto]].');
  const judged = judgeSlotSentence(clause, SENTENCES.passive, sentence, [t('Allan Dwan', 'born in', 'Toronto')]);
  assert.deepEqual(judged, { slotTriples: [t('Allan Dwan', 'born in', 'Toronto')], unexpected: [], caught: true, right: true });
  // svo-plus reverses the passive: its triple holds the slot but is not the accepted one
  const reversed = judgeSlotSentence(svoPlus, SENTENCES.passive, sentence, [t('Allan Dwan', 'born in', 'Toronto')]);
  assert.deepEqual(reversed, { slotTriples: [t('Toronto', 'bear', 'Allan Dwan')], unexpected: [t('Toronto', 'bear', 'Allan Dwan')], caught: false, right: false });
  // a slot in the subject counts; one in the relation does not
  const subject = judgeSlotSentence(clause, SENTENCES.passive, markedSentence('Allan [[Dwan]] was born in Toronto.'), []);
  assert.equal(subject.slotTriples.length, 1);
  assert.equal(judgeSlotSentence(clause, SENTENCES.passive, markedSentence('Allan Dwan was [[born]] in Toronto.'), []).slotTriples.length, 0);
});

test('labelledPrecision: correct over labelled; unlabelled triples counted apart', () => {
  const labels = [{ ...t('Dwan', 'born in', 'Toronto'), correct: true }, { ...t('Toronto', 'born in', 'Dwan'), correct: false }];
  assert.deepEqual(labelledPrecision([t('Dwan', 'born in', 'Toronto'), t('toronto', 'born in', 'Dwan'), t('Dwan', 'lived in', 'Toronto')], labels),
    { triples: 3, labelled: 2, correct: 1, precision: 0.5 });
  assert.deepEqual(labelledPrecision([], labels), { triples: 0, labelled: 0, correct: 0, precision: null });
});
