/**
 * @file The end of training: the perceptron's weights averaged (`w - u / c`), pruned to the
 * features with a non-zero average, renumbered densely, with label rows as CSR (perceptron.ts).
 */
import { featureIndexFromKeys, featureKeys } from './feature-index.js';
import type { LabelTable, ParserWeights, SparseLabelWeights, TrainingWeights } from './perceptron.js';

/**
 * Averages and prunes: keeps the features with an averaged weight of magnitude >= `minWeight`,
 * re-numbered densely; label rows become CSR.
 */
export function finalizeWeights(weights: TrainingWeights, minWeight = 1e-6): ParserWeights {
  const { index, arcW, arcU, clock } = weights;
  const count = index.count;
  const keysById = featureKeys(index);
  const average = (w: number, u: number) => {
    const value = w - u / clock;
    return Math.abs(value) >= minWeight ? value : 0;
  };
  const keep = new Uint8Array(count);
  const labelRows = weights.labels.map((table) => sparseRows(table, count, average));
  let kept = 0;
  for (let id = 0; id < count; id += 1) {
    const a = id * 3;
    const arcNonZero = average(arcW[a]!, arcU[a]!) !== 0 || average(arcW[a + 1]!, arcU[a + 1]!) !== 0 || average(arcW[a + 2]!, arcU[a + 2]!) !== 0;
    if (arcNonZero || labelRows.some((rows) => rows[id] !== undefined)) {
      keep[id] = 1;
      kept += 1;
    }
  }
  const keys = new Uint32Array(kept);
  const arc = new Float32Array(kept * 3);
  let next = 0;
  for (let id = 0; id < count; id += 1) {
    if (keep[id] === 0) continue;
    keys[next] = keysById[id]!;
    for (let k = 0; k < 3; k += 1) arc[next * 3 + k] = average(arcW[id * 3 + k]!, arcU[id * 3 + k]!);
    next += 1;
  }
  const [left, right] = labelRows.map((rows) => toCsr(rows, keep, kept)) as [SparseLabelWeights, SparseLabelWeights];
  return { index: featureIndexFromKeys(keys), arc, left, right, width: weights.labels[0].width };
}

type SparseRow = { cols: number[]; values: number[] };

function sparseRows(table: LabelTable, count: number, average: (w: number, u: number) => number): Array<SparseRow | undefined> {
  const rows: Array<SparseRow | undefined> = new Array(count);
  for (let id = 0; id < count; id += 1) {
    const row = table.rowOf[id]!;
    if (row < 0) continue;
    const cols: number[] = [];
    const values: number[] = [];
    const base = row * table.width;
    for (let k = 0; k < table.touchedCount[row]!; k += 1) {
      const c = table.touched[base + k]!;
      const value = average(table.w[base + c]!, table.u[base + c]!);
      if (value !== 0) {
        cols.push(c);
        values.push(value);
      }
    }
    if (cols.length > 0) rows[id] = { cols, values };
  }
  return rows;
}

function toCsr(rows: Array<SparseRow | undefined>, keep: Uint8Array, kept: number): SparseLabelWeights {
  let total = 0;
  for (const row of rows) if (row) total += row.cols.length;
  const start = new Int32Array(kept + 1);
  const col = new Uint16Array(total);
  const value = new Float32Array(total);
  let next = 0;
  let k = 0;
  for (let id = 0; id < keep.length; id += 1) {
    if (keep[id] === 0) continue;
    start[next] = k;
    const row = rows[id];
    if (row) {
      for (let j = 0; j < row.cols.length; j += 1) {
        col[k] = row.cols[j]!;
        value[k] = row.values[j]!;
        k += 1;
      }
    }
    next += 1;
  }
  start[kept] = k;
  return { start, col, value };
}
