/**
 * @file Where a study stands, read from its run folder alone (`lmkg run --status <run-dir>`): each
 * cell of the plan is done or failed (its record, for this plan's key), running (a lease whose
 * holder is alive or not yet seen to stop), or missing (no record, or a record of other settings;
 * a lease left by a holder that died counts as missing).
 */
import { hostname } from 'node:os';
import { leaseFile, processExists, readLease, type LeaseHolder } from './cell-lease.js';
import { cellDir, cellKey, readCellRecord } from './cell-record.js';
import { readPlan, type PlanCell, type StudyPlan } from './study-plan.js';

/** The state of a study cell. */
export type CellState = 'done' | 'failed' | 'running' | 'missing';

/** A study cell and its state. */
export interface CellStatus extends PlanCell {
  state: CellState;
  /** The error of a failed cell. */
  error?: string;
  /** Who holds a running cell's lease. */
  holder?: LeaseHolder;
}

/** The states of a study's cells. */
export interface StudyStatus {
  runDir: string;
  plan: StudyPlan;
  cells: CellStatus[];
  counts: Record<CellState, number>;
}

/** Reads the state of each cell of a study folder. */
export function studyStatus(runDir: string): StudyStatus {
  const plan = readPlan(runDir);
  const cells = plan.cells.map((cell) => cellStatus(runDir, plan, cell));
  const counts: Record<CellState, number> = { done: 0, failed: 0, running: 0, missing: 0 };
  for (const cell of cells) counts[cell.state] += 1;
  return { runDir, plan, cells, counts };
}

export function cellStatus(runDir: string, plan: StudyPlan, cell: PlanCell): CellStatus {
  const dir = cellDir(runDir, cell);
  const record = readCellRecord(dir);
  const holder = readLease(leaseFile(dir));
  if (holder && !(holder.host === hostname() && !processExists(holder.pid))) return { ...cell, state: 'running', holder };
  if (record && record.key === cellKey(plan, cell)) {
    return record.status === 'done' ? { ...cell, state: 'done' } : { ...cell, state: 'failed', error: `${record.error?.stage ?? '?'}: ${record.error?.message ?? 'unknown error'}` };
  }
  return { ...cell, state: 'missing' };
}

