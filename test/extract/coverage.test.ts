import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdsGold, linkWords, namesSubject, tripleLinksFact } from '../../src/extract/coverage.js';

const t = (subject: string, relation: string, object: string) => ({ subject, relation, object });

test('linkWords folds case and splits on non-letters', () => {
  assert.deepEqual(linkWords('Peter F. Martin (born 1941)'), ['peter', 'f', 'martin', 'born', '1941']);
  assert.deepEqual(linkWords('Zürich-Nord'), ['zürich', 'nord']);
});

test('namesSubject: a shared content word; initials and particles do not count', () => {
  assert.equal(namesSubject('Corrsin', 'Stanley Corrsin'), true);
  assert.equal(namesSubject('F.', 'Peter F. Martin'), false);
  assert.equal(namesSubject('van', 'Ludwig van Beethoven'), false);
  assert.equal(namesSubject('the director', 'Allan Dwan'), false);
});

test('holdsGold: the gold words as a contiguous run', () => {
  assert.equal(holdsGold('Philadelphia, Pennsylvania', 'Philadelphia'), true);
  assert.equal(holdsGold('3 April 1920', '1920'), true);
  assert.equal(holdsGold('New York City', 'New York'), true);
  assert.equal(holdsGold('York', 'New York'), false);
  assert.equal(holdsGold('Newark', 'New'), false);
});

test('tripleLinksFact: either direction; SQuAD (no subject) needs the gold only', () => {
  const fact = { subject: 'Allan Dwan', gold: 'Toronto' };
  assert.equal(tripleLinksFact(t('Dwan', 'born in', 'Toronto, Ontario'), fact), true);
  assert.equal(tripleLinksFact(t('Toronto', 'bear', 'Allan Dwan'), fact), true);
  assert.equal(tripleLinksFact(t('director', 'born in', 'Toronto'), fact), false);
  assert.equal(tripleLinksFact(t('Dwan', 'born in', 'Canada'), fact), false);
  assert.equal(tripleLinksFact(t('Dwan', 'lived in', 'Dwan'), { subject: 'Allan Dwan', gold: 'Toronto' }), false);
  assert.equal(tripleLinksFact(t('color', 'was', 'gold'), { subject: null, gold: 'gold' }), true);
  assert.equal(tripleLinksFact(t('color', 'was', 'golden'), { subject: null, gold: 'gold' }), false);
});
