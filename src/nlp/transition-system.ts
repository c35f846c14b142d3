/**
 * @file The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with the
 * dynamic oracle of Goldberg & Nivre (2013, "Training deterministic parsers with non-deterministic
 * oracles", TACL 1).
 *
 * A configuration is a stack, a buffer (words `b0 .. n-1`, then the artificial ROOT `n`, which is
 * never shifted) and the arcs built so far. Transitions:
 * - SHIFT: push b0 on the stack;
 * - LEFT-l: pop s0 and attach it to b0 with label l (b0 may be ROOT: the sentence root);
 * - RIGHT-l: pop s0 and attach it to s1 with label l.
 * Putting ROOT at the end of the buffer (Ballesteros & Nivre 2013) and allowing LEFT onto ROOT only
 * when the stack holds one word gives exactly one root per sentence. Every sentence takes exactly
 * 2n transitions.
 *
 * Actions are numbered: 0 = SHIFT, 1 + l = LEFT with label l, 1 + L + l = RIGHT with label l,
 * where L is the number of labels.
 */

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export type TransitionKind = typeof SHIFT | typeof LEFT | typeof RIGHT;

/** A parser configuration over one sentence; typed arrays sized for `n` words plus ROOT. */
export interface ParseState {
  n: number;
  stack: Int32Array;
  /** Number of items on the stack. */
  depth: number;
  /** Front of the buffer; `n` means only ROOT is left. */
  b0: number;
  /** Head of each word, -1 while unattached; `n` is ROOT. */
  heads: Int32Array;
  /** Label id of each word's arc, -1 while unattached. */
  labels: Int32Array;
  /** Leftmost and second-leftmost, rightmost and second-rightmost children (-1 = none). */
  left1: Int32Array;
  left2: Int32Array;
  right1: Int32Array;
  right2: Int32Array;
  /** Number of left and right children. */
  leftCount: Int32Array;
  rightCount: Int32Array;
  /** Bit sets of the labels (id mod 31) of the left and right children. */
  leftLabels: Int32Array;
  rightLabels: Int32Array;
}

/** A fresh configuration for a sentence of `n` words. */
export function initialState(n: number): ParseState {
  const size = n + 1;
  return {
    n,
    stack: new Int32Array(size),
    depth: 0,
    b0: 0,
    heads: new Int32Array(size).fill(-1),
    labels: new Int32Array(size).fill(-1),
    left1: new Int32Array(size).fill(-1),
    left2: new Int32Array(size).fill(-1),
    right1: new Int32Array(size).fill(-1),
    right2: new Int32Array(size).fill(-1),
    leftCount: new Int32Array(size),
    rightCount: new Int32Array(size),
    leftLabels: new Int32Array(size),
    rightLabels: new Int32Array(size),
  };
}

export function isTerminal(state: ParseState): boolean {
  return state.depth === 0 && state.b0 === state.n;
}

export function canShift(state: ParseState): boolean {
  return state.b0 < state.n;
}

export function canLeft(state: ParseState): boolean {
  if (state.depth === 0) return false;
  // Only the last word left on the stack may become the root.
  return state.b0 < state.n || state.depth === 1;
}

export function canRight(state: ParseState): boolean {
  return state.depth >= 2;
}

/** The kind of an action id (see the file comment). */
export function actionKind(action: number, labelCount: number): TransitionKind {
  if (action === 0) return SHIFT;
  return action <= labelCount ? LEFT : RIGHT;
}

/** The label of a LEFT or RIGHT action id (-1 for SHIFT). */
export function actionLabel(action: number, labelCount: number): number {
  if (action === 0) return -1;
  return action <= labelCount ? action - 1 : action - 1 - labelCount;
}

export function actionId(kind: TransitionKind, label: number, labelCount: number): number {
  if (kind === SHIFT) return 0;
  return kind === LEFT ? 1 + label : 1 + labelCount + label;
}

/** Applies a transition (the caller checks it is allowed). */
export function applyTransition(state: ParseState, kind: TransitionKind, label: number): void {
  if (kind === SHIFT) {
    state.stack[state.depth] = state.b0;
    state.depth += 1;
    state.b0 += 1;
    return;
  }
  const dependent = state.stack[state.depth - 1]!;
  const head = kind === LEFT ? state.b0 : state.stack[state.depth - 2]!;
  state.depth -= 1;
  addArc(state, head, dependent, label);
}

function addArc(state: ParseState, head: number, dependent: number, label: number): void {
  state.heads[dependent] = head;
  state.labels[dependent] = label;
  if (dependent < head) {
    state.leftCount[head] = state.leftCount[head]! + 1;
    state.leftLabels[head] = state.leftLabels[head]! | (1 << (label % 31));
    const first = state.left1[head]!;
    if (first === -1 || dependent < first) {
      state.left2[head] = first;
      state.left1[head] = dependent;
    } else {
      const second = state.left2[head]!;
      if (second === -1 || dependent < second) state.left2[head] = dependent;
    }
  } else {
    state.rightCount[head] = state.rightCount[head]! + 1;
    state.rightLabels[head] = state.rightLabels[head]! | (1 << (label % 31));
    const first = state.right1[head]!;
    if (first === -1 || dependent > first) {
      state.right2[head] = first;
      state.right1[head] = dependent;
    } else {
      const second = state.right2[head]!;
      if (second === -1 || dependent > second) state.right2[head] = dependent;
    }
  }
}

/** Gold tree of a sentence for the oracles: heads use `n` for ROOT. */
export interface GoldTree {
  heads: Int32Array;
  labels: Int32Array;
  /** Dependents of each word (and of ROOT at `n`), in index order. */
  dependents: Int32Array[];
}

/** Builds a GoldTree from 0-based heads (-1 = root) and label ids. */
export function goldTree(heads: ArrayLike<number>, labels: ArrayLike<number>): GoldTree {
  const n = heads.length;
  const goldHeads = new Int32Array(n);
  const lists: number[][] = Array.from({ length: n + 1 }, () => []);
  for (let i = 0; i < n; i += 1) {
    const head = heads[i]! < 0 ? n : heads[i]!;
    goldHeads[i] = head;
    lists[head]!.push(i);
  }
  return { heads: goldHeads, labels: Int32Array.from(labels), dependents: lists.map((list) => Int32Array.from(list)) };
}

/**
 * Unlabelled costs of SHIFT, LEFT and RIGHT: how many gold arcs each makes unreachable
 * (Goldberg & Nivre 2013, arc-hybrid). Disallowed transitions get Infinity.
 * Every word on the stack or in the buffer is still unattached, so all its gold arcs count.
 */
export function transitionCosts(state: ParseState, gold: GoldTree, out: Float64Array): void {
  const { b0, n, depth, stack } = state;
  const s0 = depth > 0 ? stack[depth - 1]! : -1;
  const s1 = depth > 1 ? stack[depth - 2]! : -1;
  out[SHIFT] = canShift(state) ? shiftCost(state, gold, s0) : Infinity;
  if (canLeft(state)) {
    const head = gold.heads[s0]!;
    let cost = head === s1 || (head > b0 && head <= n) ? 1 : 0;
    cost += dependentsInBuffer(gold, s0, b0);
    out[LEFT] = cost;
  } else out[LEFT] = Infinity;
  if (canRight(state)) {
    const head = gold.heads[s0]!;
    let cost = head >= b0 ? 1 : 0; // any head in the buffer (ROOT included) is lost
    cost += dependentsInBuffer(gold, s0, b0);
    out[RIGHT] = cost;
  } else out[RIGHT] = Infinity;
}

function shiftCost(state: ParseState, gold: GoldTree, s0: number): number {
  const b0 = state.b0;
  let cost = 0;
  const head = gold.heads[b0]!;
  // b0 can still get its head from s0 (by RIGHT once b0 is on top of it), not from deeper items.
  if (head !== s0 && head < b0 && state.heads[head] === -1 && onStack(state, head)) cost += 1;
  for (const d of gold.dependents[b0]!) {
    if (d < b0 && state.heads[d] === -1) cost += 1; // a dependent still on the stack
  }
  return cost;
}

function dependentsInBuffer(gold: GoldTree, word: number, b0: number): number {
  let count = 0;
  for (const d of gold.dependents[word]!) if (d >= b0) count += 1;
  return count;
}

function onStack(state: ParseState, word: number): boolean {
  // Words left of b0 are on the stack exactly when they have no head yet.
  return word < state.b0 && state.heads[word] === -1;
}

/** The gold head a LEFT or RIGHT would give s0, for the label part of the cost. */
export function proposedHead(state: ParseState, kind: TransitionKind): number {
  return kind === LEFT ? state.b0 : state.stack[state.depth - 2]!;
}

/**
 * The static oracle for a projective gold tree: LEFT when b0 is s0's head, RIGHT when s1 is and
 * s0 has all its dependents, else SHIFT. Returns an action id.
 */
export function staticOracle(state: ParseState, gold: GoldTree, labelCount: number): number {
  const { depth, stack, b0 } = state;
  if (depth > 0) {
    const s0 = stack[depth - 1]!;
    const head = gold.heads[s0]!;
    if (head === b0 && canLeft(state)) return actionId(LEFT, gold.labels[s0]!, labelCount);
    if (depth > 1 && head === stack[depth - 2]! && dependentsInBuffer(gold, s0, b0) === 0) {
      return actionId(RIGHT, gold.labels[s0]!, labelCount);
    }
  }
  if (canShift(state)) return SHIFT;
  // Only reached for non-projective input: fall back to an allowed transition.
  return canRight(state) ? actionId(RIGHT, gold.labels[stack[depth - 1]!]!, labelCount) : actionId(LEFT, gold.labels[stack[depth - 1]!]!, labelCount);
}
