/**
 * @file The parser's averaged perceptron (Collins 2002; averaging as in Daumé III 2006: keep `w`
 * and `u = sum(c * delta)`; the average is `w - u / c`).
 *
 * Two linear models share the feature ids of a configuration:
 * - the transition model scores SHIFT, LEFT and RIGHT from all feature templates (3 weights per
 *   feature);
 * - the label model, used once a LEFT or RIGHT is chosen, scores that direction's labels from the
 *   label templates (parser-features.ts), with one weight row per feature and direction.
 * Label rows are allocated only for features that were updated, and remember which columns were
 * ever updated so scoring skips the zeros. This keeps the ~100 rich templates cheap; a joint
 * score over all (transition, label) pairs would cost about 30 times more per step.
 */
import { createFeatureIndex, internFeature, lookupFeature, type FeatureIndex } from './feature-index.js';
import { LABEL_TEMPLATES, TEMPLATE_COUNT } from './parser-features.js';

/** Label weights of one direction while training (rows of `width` = number of labels). */
export interface LabelTable {
  rowOf: Int32Array;
  w: Float32Array;
  u: Float64Array;
  /** Per row: the columns ever updated, their count, and a flag per cell. */
  touched: Uint16Array;
  touchedCount: Uint16Array;
  touchedFlag: Uint8Array;
  rows: number;
  width: number;
}

/** Weights while training. */
export interface TrainingWeights {
  index: FeatureIndex;
  arcW: Float32Array;
  arcU: Float64Array;
  /** Label tables for LEFT (index 0) and RIGHT (index 1). */
  labels: [LabelTable, LabelTable];
  /** The averaging clock: one tick per training configuration. */
  clock: number;
}

/** Sparse (CSR) label weights of one direction. */
export interface SparseLabelWeights {
  start: Int32Array;
  col: Uint16Array;
  value: Float32Array;
}

/** Averaged, pruned weights for parsing. */
export interface ParserWeights {
  index: FeatureIndex;
  /** 3 per feature id: SHIFT, LEFT, RIGHT. */
  arc: Float32Array;
  left: SparseLabelWeights;
  right: SparseLabelWeights;
  /** Number of labels. */
  width: number;
}

export function createTrainingWeights(labelCount: number): TrainingWeights {
  const capacity = 1 << 16;
  return {
    index: createFeatureIndex(1 << 17),
    arcW: new Float32Array(capacity * 3),
    arcU: new Float64Array(capacity * 3),
    labels: [createLabelTable(labelCount, capacity), createLabelTable(labelCount, capacity)],
    clock: 1,
  };
}

function createLabelTable(width: number, features: number): LabelTable {
  const rows = 1024;
  return {
    rowOf: new Int32Array(features).fill(-1),
    w: new Float32Array(rows * width),
    u: new Float64Array(rows * width),
    touched: new Uint16Array(rows * width),
    touchedCount: new Uint16Array(rows),
    touchedFlag: new Uint8Array(rows * width),
    rows: 0,
    width,
  };
}

/** Looks up the feature ids of a configuration (-1 = never updated). */
export function lookupIds(index: FeatureIndex, keys: Uint32Array, ids: Int32Array): void {
  for (let t = 0; t < TEMPLATE_COUNT; t += 1) ids[t] = lookupFeature(index, keys[t]!);
}

/** Training transition scores (SHIFT, LEFT, RIGHT). */
export function scoreArcsTraining(weights: TrainingWeights, ids: Int32Array, arc: Float64Array): void {
  let a0 = 0, a1 = 0, a2 = 0;
  const { arcW } = weights;
  for (let t = 0; t < TEMPLATE_COUNT; t += 1) {
    const id = ids[t]!;
    if (id < 0) continue;
    const a = id * 3;
    a0 += arcW[a]!;
    a1 += arcW[a + 1]!;
    a2 += arcW[a + 2]!;
  }
  arc[0] = a0; arc[1] = a1; arc[2] = a2;
}

/** Training label scores of one direction (0 = LEFT, 1 = RIGHT). */
export function scoreLabelsTraining(weights: TrainingWeights, direction: 0 | 1, ids: Int32Array, label: Float64Array): void {
  label.fill(0);
  const { rowOf, w, width, touched, touchedCount } = weights.labels[direction];
  for (let t = 0; t < TEMPLATE_COUNT; t += 1) {
    const id = ids[t]!;
    if (id < 0 || LABEL_TEMPLATES[t] === 0) continue;
    const row = rowOf[id]!;
    if (row < 0) continue;
    const base = row * width;
    for (let k = base, end = base + touchedCount[row]!; k < end; k += 1) {
      const c = touched[k]!;
      label[c] = label[c]! + w[base + c]!;
    }
  }
}

/** Parsing: feature ids of a configuration and its transition scores. */
export function scoreArcsParsing(weights: ParserWeights, keys: Uint32Array, ids: Int32Array, arc: Float64Array): void {
  let a0 = 0, a1 = 0, a2 = 0;
  const { index } = weights;
  const arcWeights = weights.arc;
  for (let t = 0; t < TEMPLATE_COUNT; t += 1) {
    const id = lookupFeature(index, keys[t]!);
    ids[t] = id;
    if (id < 0) continue;
    const a = id * 3;
    a0 += arcWeights[a]!;
    a1 += arcWeights[a + 1]!;
    a2 += arcWeights[a + 2]!;
  }
  arc[0] = a0; arc[1] = a1; arc[2] = a2;
}

/** Parsing: label scores of one direction from the ids `scoreArcsParsing` found. */
export function scoreLabelsParsing(weights: ParserWeights, direction: 0 | 1, ids: Int32Array, label: Float64Array): void {
  label.fill(0);
  const { start, col, value } = direction === 0 ? weights.left : weights.right;
  for (let t = 0; t < TEMPLATE_COUNT; t += 1) {
    const id = ids[t]!;
    if (id < 0) continue;
    for (let k = start[id]!, end = start[id + 1]!; k < end; k += 1) {
      const c = col[k]!;
      label[c] = label[c]! + value[k]!;
    }
  }
}

/** Transition update: reward `goldKind`, penalise `predKind` (0 SHIFT, 1 LEFT, 2 RIGHT). */
export function updateArcs(weights: TrainingWeights, keys: Uint32Array, goldKind: number, predKind: number): void {
  const c = weights.clock;
  for (let t = 0; t < TEMPLATE_COUNT; t += 1) {
    const id = internFeature(weights.index, keys[t]!);
    if (id * 3 + 3 > weights.arcW.length) growFeatures(weights);
    const a = id * 3;
    weights.arcW[a + goldKind] = weights.arcW[a + goldKind]! + 1;
    weights.arcU[a + goldKind] = weights.arcU[a + goldKind]! + c;
    weights.arcW[a + predKind] = weights.arcW[a + predKind]! - 1;
    weights.arcU[a + predKind] = weights.arcU[a + predKind]! - c;
  }
}

/** Label update in one direction: reward `goldLabel`, penalise `predLabel`. */
export function updateLabels(weights: TrainingWeights, keys: Uint32Array, direction: 0 | 1, goldLabel: number, predLabel: number): void {
  const c = weights.clock;
  const table = weights.labels[direction];
  for (let t = 0; t < TEMPLATE_COUNT; t += 1) {
    if (LABEL_TEMPLATES[t] === 0) continue;
    const id = internFeature(weights.index, keys[t]!);
    if (id * 3 + 3 > weights.arcW.length) growFeatures(weights);
    let row = table.rowOf[id]!;
    if (row < 0) row = allocateRow(table, id);
    const base = row * table.width;
    touch(table, row, goldLabel);
    table.w[base + goldLabel] = table.w[base + goldLabel]! + 1;
    table.u[base + goldLabel] = table.u[base + goldLabel]! + c;
    touch(table, row, predLabel);
    table.w[base + predLabel] = table.w[base + predLabel]! - 1;
    table.u[base + predLabel] = table.u[base + predLabel]! - c;
  }
}

function growFeatures(weights: TrainingWeights): void {
  const capacity = (weights.arcW.length / 3) * 2;
  weights.arcW = grown(weights.arcW, capacity * 3);
  weights.arcU = grown(weights.arcU, capacity * 3);
  for (const table of weights.labels) {
    const rowOf = new Int32Array(capacity).fill(-1);
    rowOf.set(table.rowOf);
    table.rowOf = rowOf;
  }
}

function touch(table: LabelTable, row: number, col: number): void {
  const cell = row * table.width + col;
  if (table.touchedFlag[cell] === 1) return;
  table.touchedFlag[cell] = 1;
  table.touched[row * table.width + table.touchedCount[row]!] = col;
  table.touchedCount[row] = table.touchedCount[row]! + 1;
}

function allocateRow(table: LabelTable, id: number): number {
  const row = table.rows;
  if ((row + 1) * table.width > table.w.length) {
    table.w = grown(table.w, table.w.length * 2);
    table.u = grown(table.u, table.u.length * 2);
    table.touched = grown(table.touched, table.touched.length * 2);
    table.touchedFlag = grown(table.touchedFlag, table.touchedFlag.length * 2);
    table.touchedCount = grown(table.touchedCount, table.touchedCount.length * 2);
  }
  table.rowOf[id] = row;
  table.rows += 1;
  return row;
}

function grown<T extends Float32Array | Float64Array | Uint8Array | Uint16Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}
