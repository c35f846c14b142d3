import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { availableCpus, cgroupCpus } from '../src/cpus.js';
import { resolveRuntime, resumeRuntime } from '../src/train/runtime.js';
import { tempDir } from './helpers/tmp.js';

test('availableCpus: the least of affinity, the cgroup quota (v2 and v1) and SLURM_CPUS_PER_TASK', (t) => {
  const v2 = tempDir(t);
  writeFileSync(join(v2, 'cpu.max'), '150000 100000\n'); // 1.5 CPUs -> 2 threads
  assert.equal(cgroupCpus(v2), 2);
  assert.equal(availableCpus({ cgroupRoot: v2, affinity: 8, env: {} }), 2);
  assert.equal(availableCpus({ cgroupRoot: v2, affinity: 1, env: {} }), 1);
  writeFileSync(join(v2, 'cpu.max'), 'max 100000\n');
  assert.equal(cgroupCpus(v2), null, 'no quota');
  assert.equal(availableCpus({ cgroupRoot: v2, affinity: 8, env: {} }), 8);
  assert.equal(availableCpus({ cgroupRoot: v2, affinity: 8, env: { SLURM_CPUS_PER_TASK: '3' } }), 3);
  assert.equal(availableCpus({ cgroupRoot: v2, affinity: 8, env: { SLURM_CPUS_PER_TASK: 'lots' } }), 8, 'an unreadable value is ignored');

  const v1 = tempDir(t);
  mkdirSync(join(v1, 'cpu'));
  writeFileSync(join(v1, 'cpu', 'cpu.cfs_quota_us'), '400000\n');
  writeFileSync(join(v1, 'cpu', 'cpu.cfs_period_us'), '100000\n');
  assert.equal(availableCpus({ cgroupRoot: v1, affinity: 16, env: {} }), 4);
  writeFileSync(join(v1, 'cpu', 'cpu.cfs_quota_us'), '-1\n');
  assert.equal(availableCpus({ cgroupRoot: v1, affinity: 16, env: {} }), 16);
  assert.equal(availableCpus({ cgroupRoot: join(v1, 'absent'), affinity: 5, env: {} }), 5);
  // some distributions mount the v1 controller as cpu,cpuacct
  const joint = tempDir(t);
  mkdirSync(join(joint, 'cpu,cpuacct'));
  writeFileSync(join(joint, 'cpu,cpuacct', 'cpu.cfs_quota_us'), '300000\n');
  writeFileSync(join(joint, 'cpu,cpuacct', 'cpu.cfs_period_us'), '100000\n');
  assert.equal(cgroupCpus(joint), 3);
  assert.equal(availableCpus({ cgroupRoot: joint, affinity: 16, env: { SLURM_CPUS_PER_TASK: '2' } }), 2);
  assert.ok(availableCpus() >= 1);
});

test('runtime: a new run resolves auto and 0 threads; a resumed run keeps the record and warns on a change', () => {
  assert.deepEqual(resolveRuntime({ engine: 'auto', device: 'cpu', threads: 3 }), { engine: 'onnx', device: 'cpu', threads: 3 });
  assert.deepEqual(resolveRuntime({ engine: 'tfjs', device: 'cpu', threads: 3 }), { engine: 'tfjs', device: 'cpu', threads: 1 });
  assert.ok(resolveRuntime({ engine: 'onnx', device: 'cpu', threads: 0 }).threads >= 1);

  const recorded = { engine: 'onnx' as const, device: 'cpu' as const, threads: 2 };
  assert.deepEqual(resumeRuntime(recorded, {}), { runtime: recorded, warnings: [] });
  const threads = resumeRuntime(recorded, { threads: 4 });
  assert.equal(threads.runtime.threads, 4);
  assert.match(threads.warnings[0]!, /4 threads; the run was started with 2/);
  assert.match(resumeRuntime(recorded, { engine: 'tfjs' }).warnings[0]!, /tfjs engine; the run was started on onnx/);
  assert.match(resumeRuntime(recorded, { device: 'cuda' }).warnings[0]!, /resuming on cuda/);
  // a run recorded before the ONNX engine existed ran on tfjs
  assert.deepEqual(resumeRuntime({}, {}).runtime, { engine: 'tfjs', device: 'cpu', threads: 1 });
});
