/**
 * @file How many CPU threads a worker may use (`--threads`, default here): the smallest of the
 * cores Node sees (which honours the CPU affinity Slurm and taskset set), the cgroup's CPU quota
 * (cgroup v2 `cpu.max`, v1 `cpu.cfs_quota_us / cpu.cfs_period_us`: a container's or Kubernetes pod's
 * limit), and SLURM_CPUS_PER_TASK.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { InvalidOptionError } from '../errors.js';

export interface ThreadSources {
  env?: NodeJS.ProcessEnv;
  /** Root of the cgroup file system (tests point it at a folder of their own). */
  cgroupRoot?: string;
  cores?: number;
}

export function defaultThreads(sources: ThreadSources = {}): number {
  const env = sources.env ?? process.env;
  const limits = [sources.cores ?? availableParallelism()];
  const quota = cgroupCpus(sources.cgroupRoot ?? '/sys/fs/cgroup');
  if (quota !== null) limits.push(quota);
  const slurm = Number(env.SLURM_CPUS_PER_TASK);
  if (Number.isInteger(slurm) && slurm > 0) limits.push(slurm);
  return Math.max(1, Math.min(...limits));
}

/** CPUs the cgroup's quota allows (rounded up), or null when there is no quota. */
export function cgroupCpus(root: string): number | null {
  const v2 = read(`${root}/cpu.max`);
  if (v2 !== null) {
    const [quota, period] = v2.split(/\s+/);
    if (quota === 'max' || !quota || !period) return null;
    return Math.max(1, Math.ceil(Number(quota) / Number(period)));
  }
  const quota = Number(read(`${root}/cpu/cpu.cfs_quota_us`) ?? read(`${root}/cpu,cpuacct/cpu.cfs_quota_us`));
  const period = Number(read(`${root}/cpu/cpu.cfs_period_us`) ?? read(`${root}/cpu,cpuacct/cpu.cfs_period_us`));
  if (!Number.isFinite(quota) || quota <= 0 || !Number.isFinite(period) || period <= 0) return null;
  return Math.max(1, Math.ceil(quota / period));
}

export function checkThreads(value: number | undefined): number | undefined {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new InvalidOptionError(`--threads must be a whole number of at least 1, got ${value}`);
  return value;
}

function read(file: string): string | null {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
  } catch {
    return null;
  }
}
