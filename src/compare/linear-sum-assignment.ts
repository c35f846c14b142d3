/**
 * @file Linear sum assignment (rectangular, minimum cost) by shortest augmenting paths.
 *
 * The algorithm is the one scipy's `linear_sum_assignment` uses: D. F. Crouse, "On implementing 2D
 * rectangular assignment algorithms", IEEE Transactions on Aerospace and Electronic Systems 52(4),
 * 2016, pp. 1679-1696 — a Jonker-Volgenant style shortest augmenting path method (R. Jonker and
 * A. Volgenant, "A shortest augmenting path algorithm for dense and sparse linear assignment
 * problems", Computing 38, 1987) that runs in O(n^2 m) for an n x m matrix (n <= m). Two additions:
 * rows are first assigned greedily to a free column of minimum cost with the row minima as duals
 * (which keeps reduced costs non-negative and assigned entries tight, so the augmentation that follows
 * stays exact), and an optional block of virtual all-zero columns (`extraZeroColumns`) that is never
 * stored — the edit-distance code uses it for "leave this row unmatched at no extra cost".
 *
 * Infinite entries mean "forbidden"; a matrix with no finite complete assignment is an error.
 */
import { InvalidOptionError, UsageError } from '../errors.js';

export interface LinearSumAssignmentOptions {
  /**
   * Virtual columns after the stored ones, each of cost 0 for every row (not stored). Requires
   * rows <= cols + extraZeroColumns.
   */
  extraZeroColumns?: number;
  /** Absolute time (ms since the epoch, as Date.now()) after which the solver throws a UsageError. */
  deadline?: number;
  /** Text that starts the message of a deadline error (what was being solved and how to relax it). */
  deadlineMessage?: string;
  /** Called now and then with the rows done so far (of all rows). */
  onProgress?: (done: number, total: number) => void;
}

export interface AssignmentResult {
  /** Column assigned to each row, or -1 when the row is unassigned (only when rows > columns). Virtual columns are numbered after the stored ones. */
  rowToCol: Int32Array;
  /** Row assigned to each column (stored and virtual), or -1. */
  colToRow: Int32Array;
  /** Sum of the assigned entries. */
  cost: number;
}

/**
 * Solves min sum_i cost[i, rowToCol[i]] over assignments that give every row (or every column, when
 * there are more rows than columns) a distinct partner. `cost` is row-major, `rows x cols`, either a
 * Float64Array or an array of rows.
 *
 * @example
 * linearSumAssignment(Float64Array.from([4, 1, 3, 2, 0, 5, 3, 2, 2]), 3, 3)
 * // { rowToCol: Int32Array [1, 0, 2], colToRow: Int32Array [1, 0, 2], cost: 5 }
 */
export function linearSumAssignment(
  cost: Float64Array | ArrayLike<number>[],
  rows: number,
  cols: number,
  options: LinearSumAssignmentOptions = {},
): AssignmentResult {
  const where = 'linearSumAssignment';
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new InvalidOptionError(`${where}: rows and cols must be non-negative integers, got ${rows} x ${cols}`);
  }
  const extra = options.extraZeroColumns ?? 0;
  if (!Number.isInteger(extra) || extra < 0) {
    throw new InvalidOptionError(`${where}: extraZeroColumns must be a non-negative integer, got ${extra}`);
  }
  const matrix = toFloat64(cost, rows, cols, where);
  for (let k = 0; k < matrix.length; k++) {
    const value = matrix[k]!;
    if (Number.isNaN(value) || value === -Infinity) {
      throw new InvalidOptionError(
        `${where}: entry (${Math.floor(k / cols)}, ${k % cols}) is ${value}; costs must be numbers or +Infinity (forbidden)`,
      );
    }
  }
  if (rows > cols + extra) {
    if (extra > 0) {
      throw new InvalidOptionError(`${where}: with extraZeroColumns, rows (${rows}) must not exceed cols + extraZeroColumns (${cols + extra})`);
    }
    const transposed = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) transposed[j * rows + i] = matrix[i * cols + j]!;
    const inner = solve(transposed, cols, rows, false, options, where);
    return { rowToCol: inner.colToRow, colToRow: inner.rowToCol, cost: inner.cost };
  }
  if (extra === 0) return solve(matrix, rows, cols, false, options, where);
  if (extra < rows) {
    // fewer virtual columns than rows: store them (their capacity can bind)
    const padded = new Float64Array(rows * (cols + extra));
    for (let i = 0; i < rows; i++) padded.set(matrix.subarray(i * cols, (i + 1) * cols), i * (cols + extra));
    return solve(padded, rows, cols + extra, false, options, where);
  }
  // Enough identical zero columns for every row: one sink column of unbounded capacity stands for
  // them all (a path that reaches it ends there, so its dual stays 0); rows left at the sink are
  // numbered onto distinct virtual columns afterwards.
  const result = solve(matrix, rows, cols, true, options, where);
  const colToRow = new Int32Array(cols + extra).fill(-1);
  let next = cols;
  for (let i = 0; i < rows; i++) {
    if (result.rowToCol[i] === cols) result.rowToCol[i] = next++;
    const j = result.rowToCol[i]!;
    if (j !== -1) colToRow[j] = i;
  }
  return { rowToCol: result.rowToCol, colToRow, cost: result.cost };
}

function toFloat64(cost: Float64Array | ArrayLike<number>[], rows: number, cols: number, where: string): Float64Array {
  if (cost instanceof Float64Array) {
    if (cost.length !== rows * cols) {
      throw new InvalidOptionError(`${where}: cost has ${cost.length} entries, expected rows x cols = ${rows * cols}`);
    }
    return cost;
  }
  if (cost.length !== rows) throw new InvalidOptionError(`${where}: cost has ${cost.length} rows, expected ${rows}`);
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row = cost[i]!;
    if (row.length !== cols) throw new InvalidOptionError(`${where}: row ${i} has ${row.length} entries, expected ${cols}`);
    for (let j = 0; j < cols; j++) out[i * cols + j] = row[j]!;
  }
  return out;
}

/**
 * rows <= storedCols (+ unbounded sink). With `sink`, column index `storedCols` is a zero-cost column
 * any number of rows may share; it always counts as free.
 */
function solve(
  cost: Float64Array,
  rows: number,
  storedCols: number,
  sink: boolean,
  options: LinearSumAssignmentOptions,
  where: string,
): AssignmentResult {
  const cols = storedCols + (sink ? 1 : 0);
  const u = new Float64Array(rows);
  const v = new Float64Array(cols);
  const shortest = new Float64Array(cols);
  const path = new Int32Array(cols).fill(-1);
  const col4row = new Int32Array(rows).fill(-1);
  const row4col = new Int32Array(cols).fill(-1);
  const visitedRow = new Uint8Array(rows);
  const visitedCol = new Uint8Array(cols);
  const deadline = options.deadline ?? Infinity;

  // Greedy start: u = row minima, v = 0; a row whose minimum column is still free takes it.
  for (let i = 0; i < rows; i++) {
    const offset = i * storedCols;
    // the minimum, and the first free column that attains it (ties are common in edit costs)
    let best = sink ? 0 : Infinity;
    let bestFree = sink ? storedCols : -1;
    for (let j = 0; j < storedCols; j++) {
      const c = cost[offset + j]!;
      if (c < best) {
        best = c;
        bestFree = row4col[j] === -1 ? j : -1;
      } else if (c === best && bestFree === -1 && row4col[j] === -1) bestFree = j;
    }
    if (best === Infinity) continue; // left to the augmentation, which reports infeasibility
    u[i] = best;
    if (bestFree === -1) continue;
    col4row[i] = bestFree;
    if (bestFree < storedCols) row4col[bestFree] = i;
  }

  // Augmenting row reduction (Jonker & Volgenant 1987, sect. 4): a free row takes its cheapest column,
  // lowering that column's dual to the row's second-cheapest value; the row it displaces is freed.
  {
    let free: number[] = [];
    for (let i = 0; i < rows; i++) if (col4row[i] === -1 && u[i] !== Infinity) free.push(i);
    let budget = 8 * rows + 16;
    for (let pass = 0; pass < 2 && free.length > 0; pass++) {
      const next: number[] = [];
      let k = 0;
      while (k < free.length && budget-- > 0) {
        const i = free[k++]!;
        const offset = i * storedCols;
        let min1 = sink ? -v[storedCols]! : Infinity;
        let j1 = sink ? storedCols : -1;
        let min2 = Infinity;
        let j2 = -1;
        for (let j = 0; j < storedCols; j++) {
          const d = cost[offset + j]! - v[j]!;
          if (d < min2) {
            if (d < min1) {
              min2 = min1; j2 = j1; min1 = d; j1 = j;
            } else {
              min2 = d; j2 = j;
            }
          }
        }
        if (j1 === -1) { next.push(i); continue; }
        if (sink && j1 === storedCols) { col4row[i] = storedCols; u[i] = min1; continue; }
        let owner = row4col[j1]!;
        let value = min1;
        if (min2 === Infinity) {
          // a single finite column: take it without touching its dual; its owner waits for the augmentation
        } else if (min1 < min2) {
          v[j1] = v[j1]! - (min2 - min1);
          value = min2;
        } else if (owner !== -1 && j2 !== -1) {
          j1 = j2;
          if (sink && j1 === storedCols) { col4row[i] = storedCols; u[i] = min1; continue; }
          owner = row4col[j1]!;
        }
        if (value === Infinity) { next.push(i); continue; }
        col4row[i] = j1;
        row4col[j1] = i;
        u[i] = value;
        if (owner !== -1) {
          col4row[owner] = -1;
          if (min1 < min2 && min2 !== Infinity) free[--k] = owner;
          else next.push(owner);
        }
      }
      for (; k < free.length; k++) next.push(free[k]!);
      free = next;
    }
  }

  const progressEvery = Math.max(1, Math.floor(rows / 100));
  for (let current = 0; current < rows; current++) {
    if (options.onProgress !== undefined && current % progressEvery === 0) options.onProgress(current, rows);
    if (col4row[current] !== -1) continue;
    if (Date.now() > deadline) {
      throw new UsageError(`${options.deadlineMessage ?? where}: time budget exceeded after ${current} of ${rows} rows`);
    }
    // Dijkstra over reduced costs from row `current` to the nearest free column.
    let minVal = 0;
    visitedRow.fill(0);
    visitedCol.fill(0);
    shortest.fill(Infinity);
    let target = -1;
    let i = current;
    while (target === -1) {
      visitedRow[i] = 1;
      const offset = i * storedCols;
      const ui = u[i]!;
      let index = -1;
      let lowest = Infinity;
      const base = minVal - ui;
      for (let j = 0; j < storedCols; j++) {
        if (visitedCol[j] === 1) continue;
        const r = base + cost[offset + j]! - v[j]!;
        let s = shortest[j]!;
        if (r < s) {
          path[j] = i;
          shortest[j] = r;
          s = r;
        }
        if (s < lowest || (s === lowest && row4col[j] === -1)) {
          lowest = s;
          index = j;
        }
      }
      if (sink && visitedCol[storedCols] === 0) {
        const j = storedCols;
        const r = base - v[j]!;
        if (r < shortest[j]!) {
          path[j] = i;
          shortest[j] = r;
        }
        const s = shortest[j]!;
        if (s < lowest || (s === lowest && row4col[j] === -1)) {
          lowest = s;
          index = j;
        }
      }
      minVal = lowest;
      if (minVal === Infinity) {
        throw new UsageError(
          `${where}: the cost matrix (${rows} x ${cols}) has no finite assignment: row ${current} cannot be assigned ` +
            'without a forbidden (infinite) entry; allow at least one finite choice per row and column',
        );
      }
      const j = index;
      if (row4col[j] === -1) target = j;
      else i = row4col[j]!;
      visitedCol[j] = 1;
    }
    // Update the duals.
    u[current] = u[current]! + minVal;
    for (let r = 0; r < rows; r++) {
      if (visitedRow[r] === 1 && r !== current) u[r] = u[r]! + minVal - shortest[col4row[r]!]!;
    }
    for (let c = 0; c < cols; c++) {
      if (visitedCol[c] === 1) v[c] = v[c]! - (minVal - shortest[c]!);
    }
    // Augment along the path back to `current`.
    let j = target;
    for (;;) {
      const r = path[j]!;
      if (!(sink && j === storedCols)) row4col[j] = r;
      const previous = col4row[r]!;
      col4row[r] = j;
      j = previous;
      if (r === current) break;
    }
  }

  options.onProgress?.(rows, rows);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const j = col4row[i]!;
    if (j < storedCols) total += cost[i * storedCols + j]!;
  }
  return { rowToCol: col4row, colToRow: row4col, cost: total };
}
