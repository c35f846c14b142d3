/**
 * @file Static shards for batch schedulers (`lmkg run ... --shard i/N`): a deterministic partition
 * of the plan's cells, a pure function of the cells, their cost estimates and N. The estimates come
 * from local files only (never from the network): a cell costs its dataset's bytes (scaled down by
 * --limit) times (its model's weight bytes x the probe's cost per byte + the extractors' cost).
 * Cells are dealt longest first to the least-loaded shard (LPT), ties broken by cell id and shard
 * index, so every shard computes the same partition.
 *
 * `--shard auto` reads Slurm's array variables (index = (ID - MIN) / STEP of COUNT tasks; an uneven
 * array is refused) or, with `--shard auto/N`, Kubernetes' JOB_COMPLETION_INDEX.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, resolveDataset } from '../data/index.js';
import { InvalidOptionError, UsageError } from '../errors.js';
import { planDataset, planModel, type PlanCell, type StudyPlan } from './study-plan.js';

/** One shard of a study's cells (`--shard i/n`). */
export interface Shard {
  index: number;
  count: number;
}

/** Relative cost of probing a query per byte of model weights, against extracting it once (measured: bench/study.ts). */
const PROBE_COST_PER_WEIGHT_BYTE = 1 / 5e6;
const EXTRACT_COST = 3;

/** Parses `i/N`, `auto` or `auto/N` (see the file comment). */
export function parseShard(value: string, env: NodeJS.ProcessEnv = process.env): Shard {
  const fixed = /^(\d+)\/(\d+)$/.exec(value);
  if (fixed) return checked(Number(fixed[1]), Number(fixed[2]), `--shard ${value}`);
  const auto = /^auto(?:\/(\d+))?$/.exec(value);
  if (!auto) throw new InvalidOptionError(`--shard must be i/N (0 <= i < N), auto (a Slurm array task) or auto/N (a Kubernetes Indexed Job of N completions), got "${value}"`);
  const given = auto[1] === undefined ? null : Number(auto[1]);
  if (env.SLURM_ARRAY_TASK_ID !== undefined) return slurmShard(env, given);
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    if (given === null) throw new UsageError('--shard auto: JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job) but a pod is not told the number of completions; give it as --shard auto/N');
    return checked(integer(env.JOB_COMPLETION_INDEX!, 'JOB_COMPLETION_INDEX'), given, 'JOB_COMPLETION_INDEX');
  }
  throw new UsageError('--shard auto: neither SLURM_ARRAY_TASK_ID (a Slurm job array) nor JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is set; give --shard i/N');
}

function slurmShard(env: NodeJS.ProcessEnv, given: number | null): Shard {
  const id = integer(env.SLURM_ARRAY_TASK_ID!, 'SLURM_ARRAY_TASK_ID');
  const min = integer(env.SLURM_ARRAY_TASK_MIN ?? '0', 'SLURM_ARRAY_TASK_MIN');
  const step = integer(env.SLURM_ARRAY_TASK_STEP ?? '1', 'SLURM_ARRAY_TASK_STEP');
  if (env.SLURM_ARRAY_TASK_COUNT === undefined && given === null) throw new UsageError('--shard auto: SLURM_ARRAY_TASK_COUNT is not set; give the count as --shard auto/N');
  const count = env.SLURM_ARRAY_TASK_COUNT === undefined ? given! : integer(env.SLURM_ARRAY_TASK_COUNT, 'SLURM_ARRAY_TASK_COUNT');
  if (given !== null && given !== count) throw new UsageError(`--shard auto/${given}: the Slurm array has ${count} tasks (SLURM_ARRAY_TASK_COUNT)`);
  const uneven = (why: string): never => {
    throw new UsageError(`--shard auto: the Slurm array is uneven (${why}; task ${id}, min ${min}, step ${step}, count ${count}): `
      + 'submit a range with one step, e.g. --array=0-' + (count - 1) + ', or give --shard i/N yourself');
  };
  if (step < 1) uneven('its step is below 1');
  if ((id - min) % step !== 0) uneven(`${id} - ${min} is not a multiple of the step`);
  const index = (id - min) / step;
  if (index < 0 || index >= count) uneven(`task ${id} lies outside min + step x (0..count-1)`);
  if (env.SLURM_ARRAY_TASK_MAX !== undefined && integer(env.SLURM_ARRAY_TASK_MAX, 'SLURM_ARRAY_TASK_MAX') !== min + step * (count - 1)) {
    uneven('max is not min + step x (count - 1): a list of tasks, not a range');
  }
  return { index, count };
}

function integer(value: string, name: string): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--shard auto: ${name} must be a whole number, got "${value}"`);
  return Number(value.trim());
}

function checked(index: number, count: number, what: string): Shard {
  if (count < 1 || index >= count) throw new InvalidOptionError(`${what}: the shard index must be in 0..N-1 and N at least 1, got ${index}/${count}`);
  return { index, count };
}

/** The cells of shard `index` of `count` (see the file comment); `costs` by cell id. */
export function shardCells<T extends { id: string }>(cells: readonly T[], costs: ReadonlyMap<string, number>, index: number, count: number): T[] {
  return partitionCells(cells, costs, count)[index]!;
}

/** Every shard's cells: each cell in exactly one shard; within a shard, in the order given. */
export function partitionCells<T extends { id: string }>(cells: readonly T[], costs: ReadonlyMap<string, number>, count: number): T[][] {
  const order = cells.map((cell, position) => ({ cell, position, cost: costs.get(cell.id) ?? 1 }))
    .sort((a, b) => b.cost - a.cost || (a.cell.id < b.cell.id ? -1 : a.cell.id > b.cell.id ? 1 : a.position - b.position));
  const loads = new Array<number>(count).fill(0);
  const shards: Array<Array<{ cell: T; position: number }>> = Array.from({ length: count }, () => []);
  for (const item of order) {
    let best = 0;
    for (let s = 1; s < count; s += 1) if (loads[s]! < loads[best]!) best = s;
    loads[best]! += item.cost;
    shards[best]!.push(item);
  }
  return shards.map((shard) => shard.sort((a, b) => a.position - b.position).map((item) => item.cell));
}

/** Cost estimates of the plan's cells from local files (see the file comment). */
export function cellCosts(plan: StudyPlan): Map<string, number> {
  const modelBytes = new Map(plan.models.map((m) => [m.name, weightBytes(m.spec)]));
  const known = [...modelBytes.values()].filter((b): b is number => b !== null);
  const typical = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1e8;
  const dataBytes = new Map(plan.datasets.map((d) => [d.name, datasetBytes(d.id, plan)]));
  const costs = new Map<string, number>();
  for (const cell of plan.cells as PlanCell[]) {
    const weights = modelBytes.get(planModel(plan, cell.model).name) ?? typical;
    const data = dataBytes.get(planDataset(plan, cell.dataset).name) ?? 1;
    costs.set(cell.id, data * (weights * PROBE_COST_PER_WEIGHT_BYTE + EXTRACT_COST * plan.extractors.length));
  }
  return costs;
}

function weightBytes(spec: string): number | null {
  const folders = [spec, join(cacheDir(), 'hub', spec)];
  for (const folder of folders) {
    for (const file of ['model.safetensors', join('onnx', 'model.onnx')]) {
      const path = join(folder, file);
      if (existsSync(path)) return statSync(path).size;
    }
  }
  return null;
}

function datasetBytes(id: string, plan: StudyPlan): number {
  try {
    const file = resolveDataset(id, plan.settings.dataDir ? { dataDir: plan.settings.dataDir } : {}).file;
    const bytes = statSync(file).size;
    const limit = plan.settings.limit;
    if (limit === undefined) return bytes;
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').length;
    return bytes * Math.min(1, limit / Math.max(1, lines));
  } catch {
    return 1;
  }
}
