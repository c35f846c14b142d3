import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readTreebank } from '../../src/nlp/treebank.js';
import { projectivize } from '../../src/nlp/projectivize.js';
import { mulberry32 } from '../../src/random.js';
import {
  actionKind, actionLabel, applyTransition, canLeft, canRight, canShift, goldTree, initialState, isTerminal, staticOracle,
  transitionCosts, LEFT, RIGHT, SHIFT, type ParseState, type TransitionKind,
} from '../../src/nlp/transition-system.js';
import { sharedData } from '../helpers/data-dir.js';

const LABELS = ['root', 'nsubj:pass', 'flat', 'aux:pass', 'case', 'obl', 'punct'];
const L = LABELS.length;
const id = (label: string) => LABELS.indexOf(label);

// Allan Dwan was born in Toronto .
const DWAN_HEADS = [3, 0, 3, -1, 5, 3, 3];
const DWAN_LABELS = ['nsubj:pass', 'flat', 'aux:pass', 'root', 'case', 'obl', 'punct'].map(id);

function runStaticOracle(heads: number[], labels: number[], labelCount: number): { state: ParseState; actions: number[] } {
  const gold = goldTree(heads, labels);
  const state = initialState(heads.length);
  const actions: number[] = [];
  while (!isTerminal(state)) {
    const action = staticOracle(state, gold, labelCount);
    actions.push(action);
    applyTransition(state, actionKind(action, labelCount), actionLabel(action, labelCount));
  }
  return { state, actions };
}

test('the static oracle rebuilds a hand tree exactly, in 2n transitions, with one root', () => {
  const { state, actions } = runStaticOracle(DWAN_HEADS, DWAN_LABELS, L);
  const n = DWAN_HEADS.length;
  assert.equal(actions.length, 2 * n);
  assert.deepEqual(Array.from(state.heads.subarray(0, n), (h) => (h === n ? -1 : h)), DWAN_HEADS);
  assert.deepEqual(Array.from(state.labels.subarray(0, n)), DWAN_LABELS);
  // Dwan is a right child of Allan (RIGHT); was and Allan are left children of born (LEFT).
  const names = actions.map((a) => (a === 0 ? 'SH' : `${actionKind(a, L) === LEFT ? 'L' : 'R'}-${LABELS[actionLabel(a, L)]}`));
  assert.deepEqual(names, ['SH', 'SH', 'R-flat', 'SH', 'L-aux:pass', 'L-nsubj:pass', 'SH', 'SH', 'L-case', 'SH', 'R-obl', 'SH', 'R-punct', 'L-root']);
});

test('the static oracle reproduces every projective(ised) EWT dev tree exactly', async () => {
  void sharedData('ud');
  const dev = await readTreebank('dev');
  const labels = [...new Set(dev.flatMap((s) => s.words.map((w) => w.deprel)))];
  for (const sentence of dev) {
    const heads = projectivize(sentence.words.map((w) => w.head)).heads;
    const labelIds = sentence.words.map((w) => labels.indexOf(w.deprel));
    const { state } = runStaticOracle(heads, labelIds, labels.length);
    const n = heads.length;
    assert.deepEqual(Array.from(state.heads.subarray(0, n), (h) => (h === n ? -1 : h)), heads, sentence.id);
    assert.deepEqual(Array.from(state.labels.subarray(0, n)), labelIds, sentence.id);
  }
});

test('dynamic oracle costs on a small example (a <- b -> c)', () => {
  const gold = goldTree([1, -1, 1], [0, 0, 0]);
  const state = initialState(3);
  const costs = new Float64Array(3);
  transitionCosts(state, gold, costs);
  assert.deepEqual([...costs], [0, Infinity, Infinity]);
  applyTransition(state, SHIFT, -1);
  transitionCosts(state, gold, costs);
  // SHIFT b would strand a (whose head is b) on the stack below it; LEFT attaches a to b.
  assert.deepEqual([...costs], [1, 0, Infinity]);
  applyTransition(state, SHIFT, -1); // the wrong move: stack [a, b]
  transitionCosts(state, gold, costs);
  // b can still take c (SHIFT is free); LEFT (b <- c) or RIGHT (a -> b) lose b's root arc and b -> c.
  assert.deepEqual([...costs], [0, 2, 2]);
  applyTransition(state, SHIFT, -1); // stack [a, b, c], buffer [ROOT]
  transitionCosts(state, gold, costs);
  assert.equal(canLeft(state), false); // only the last word may go to ROOT
  assert.deepEqual([...costs], [Infinity, Infinity, 0]); // RIGHT attaches c to b: gold
});

test('costs are exact: along random transition sequences their sum equals the wrong heads of the final tree', async () => {
  const dev = (await readTreebank('dev')).slice(0, 400);
  const random = mulberry32(7);
  const costs = new Float64Array(3);
  for (const sentence of dev) {
    const heads = projectivize(sentence.words.map((w) => w.head)).heads;
    const gold = goldTree(heads, heads.map(() => 0));
    const state = initialState(heads.length);
    let total = 0;
    while (!isTerminal(state)) {
      transitionCosts(state, gold, costs);
      const allowed: TransitionKind[] = [];
      if (canShift(state)) allowed.push(SHIFT);
      if (canLeft(state)) allowed.push(LEFT);
      if (canRight(state)) allowed.push(RIGHT);
      // Mostly optimal moves with some mistakes, so that both kinds of step are covered.
      const best = allowed.filter((k) => costs[k] === Math.min(...allowed.map((a) => costs[a]!)));
      const pool = random() < 0.3 ? allowed : best;
      const kind = pool[Math.floor(random() * pool.length)]!;
      total += costs[kind]!;
      applyTransition(state, kind, 0);
    }
    const n = heads.length;
    const wrong = heads.filter((h, i) => (h === -1 ? n : h) !== state.heads[i]).length;
    assert.equal(total, wrong, sentence.id);
  }
});
