/**
 * @file How many CPUs this process may use — the default of every `--threads` (training, a
 * study's parse-ahead workers, a queue worker): the least of the CPUs it may run on (affinity, as
 * Slurm and taskset set it), the cgroup CPU quota (a container's or Kubernetes pod's limit; v2
 * `cpu.max`, v1 `cpu.cfs_quota_us / cpu.cfs_period_us`) and SLURM_CPUS_PER_TASK. More threads
 * than that would only make them wait on each other.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { InvalidOptionError } from './errors.js';

export interface CpuSources {
  /** Environment (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** The cgroup file system root (default /sys/fs/cgroup; tests point it at a folder of their own). */
  cgroupRoot?: string;
  /** CPUs the scheduler lets this process use (default os.availableParallelism()). */
  affinity?: number;
}

/** The number of CPUs this process may use (at least 1). */
export function availableCpus(sources: CpuSources = {}): number {
  const limits = [sources.affinity ?? availableParallelism()];
  const quota = cgroupCpus(sources.cgroupRoot ?? '/sys/fs/cgroup');
  if (quota !== null) limits.push(quota);
  const slurm = Number((sources.env ?? process.env).SLURM_CPUS_PER_TASK);
  if (Number.isInteger(slurm) && slurm > 0) limits.push(slurm);
  return Math.max(1, Math.min(...limits));
}

/** CPUs granted by the cgroup quota (rounded up), or null when unlimited or unreadable. */
export function cgroupCpus(root: string): number | null {
  const v2 = read(join(root, 'cpu.max'));
  if (v2 !== null) {
    const [quota, period] = v2.split(/\s+/);
    return quotaCpus(Number(quota), Number(period ?? 100000));
  }
  // cgroup v1 mounts the controller as cpu/ or, on some distributions, cpu,cpuacct/
  for (const controller of ['cpu', 'cpu,cpuacct']) {
    const quota = read(join(root, controller, 'cpu.cfs_quota_us'));
    if (quota !== null) return quotaCpus(Number(quota), Number(read(join(root, controller, 'cpu.cfs_period_us')) ?? 100000));
  }
  return null;
}

/** A `--threads` value: a whole number of at least 1, or undefined for the default. */
export function checkThreads(value: number | undefined): number | undefined {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new InvalidOptionError(`--threads must be a whole number of at least 1, got ${value}`);
  return value;
}

function quotaCpus(quota: number, period: number): number | null {
  // "max" (v2) reads as NaN and -1 (v1) means no quota
  if (!Number.isFinite(quota) || quota <= 0 || !Number.isFinite(period) || period <= 0) return null;
  return Math.max(1, Math.ceil(quota / period));
}

function read(file: string): string | null {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
  } catch {
    return null;
  }
}
