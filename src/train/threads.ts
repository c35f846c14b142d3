/**
 * @file How many CPUs this process may use: the least of the CPUs it may run on (affinity),
 * the cgroup CPU quota (containers, systemd slices; v2 `cpu.max`, v1 `cpu.cfs_quota_us`) and
 * SLURM_CPUS_PER_TASK (a Slurm job's allocation). The ONNX engine's default thread count: more
 * threads than CPUs would only make MLAS's threads wait on each other.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

export interface CpuSources {
  /** Environment (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** The cgroup file system root (default /sys/fs/cgroup). */
  cgroupRoot?: string;
  /** CPUs the scheduler lets this process use (default os.availableParallelism()). */
  affinity?: number;
}

/** The number of CPUs this process may use (at least 1). */
export function availableCpus(sources: CpuSources = {}): number {
  const limits = [sources.affinity ?? availableParallelism()];
  const quota = cgroupQuota(sources.cgroupRoot ?? '/sys/fs/cgroup');
  if (quota !== null) limits.push(quota);
  const slurm = Number((sources.env ?? process.env).SLURM_CPUS_PER_TASK);
  if (Number.isInteger(slurm) && slurm > 0) limits.push(slurm);
  return Math.max(1, Math.min(...limits));
}

/** CPUs granted by the cgroup quota (rounded up), or null when unlimited or unreadable. */
export function cgroupQuota(root: string): number | null {
  const v2 = join(root, 'cpu.max');
  if (existsSync(v2)) {
    const [quota, period] = readFileSync(v2, 'utf8').trim().split(/\s+/);
    return quotaCpus(Number(quota), Number(period ?? 100000));
  }
  const v1 = join(root, 'cpu', 'cpu.cfs_quota_us');
  if (existsSync(v1)) {
    const period = join(root, 'cpu', 'cpu.cfs_period_us');
    return quotaCpus(Number(readFileSync(v1, 'utf8').trim()), existsSync(period) ? Number(readFileSync(period, 'utf8').trim()) : 100000);
  }
  return null;
}

function quotaCpus(quota: number, period: number): number | null {
  // "max" (v2) reads as NaN and -1 (v1) means no quota
  if (!Number.isFinite(quota) || quota <= 0 || !Number.isFinite(period) || period <= 0) return null;
  return Math.max(1, Math.ceil(quota / period));
}
