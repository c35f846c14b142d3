/**
 * @file Which engine, device and thread count a run uses. A new run resolves them from its
 * config (`auto` -> onnx, 0 threads -> the CPUs this process may use) and records the resolved
 * values; `--resume` keeps the recorded ones, because the ONNX engine is bit-exact only on the same
 * engine, device and thread count. An explicit different value is honoured with a warning.
 */
import type { Device } from '../lm/index.js';
import type { TrainConfig } from './defaults.js';
import type { EngineName } from './engine.js';
import { availableCpus } from '../cpus.js';

export interface TrainingRuntime {
  engine: EngineName;
  device: Device;
  /** onnxruntime intra-op threads (1 for tfjs, whose wasm backend is single-threaded). */
  threads: number;
}

/** Engine, device and threads that may change when a run resumes. */
export type RuntimeOverrides = Partial<Pick<TrainConfig, 'engine' | 'device' | 'threads'>>;

/** The runtime of a new run. */
export function resolveRuntime(config: Pick<TrainConfig, 'engine' | 'device' | 'threads'>): TrainingRuntime {
  const engine: EngineName = config.engine === 'auto' ? 'onnx' : config.engine;
  if (engine === 'tfjs') return { engine, device: 'cpu', threads: 1 };
  return { engine, device: config.device, threads: config.threads > 0 ? config.threads : availableCpus() };
}

/**
 * The runtime of a resumed run: the recorded one (runs from before the ONNX engine recorded
 * none: they ran on tfjs), changed only where `overrides` says so, with a warning per change.
 */
export function resumeRuntime(recorded: Partial<TrainConfig>, overrides: RuntimeOverrides): { runtime: TrainingRuntime; warnings: string[] } {
  const before: TrainingRuntime = recorded.engine === undefined || recorded.engine === 'auto'
    ? { engine: recorded.engine === 'auto' ? 'onnx' : 'tfjs', device: recorded.device ?? 'cpu', threads: recorded.threads || 1 }
    : { engine: recorded.engine, device: recorded.device ?? 'cpu', threads: recorded.threads ?? 1 };
  const wanted = {
    engine: overrides.engine ?? before.engine,
    device: overrides.device ?? before.device,
    threads: overrides.threads !== undefined && overrides.threads > 0 ? overrides.threads : before.threads,
  };
  const runtime = wanted.engine === 'tfjs' ? { engine: 'tfjs' as const, device: 'cpu' as const, threads: 1 } : { ...wanted, engine: wanted.engine === 'auto' ? 'onnx' as const : wanted.engine };
  const warnings: string[] = [];
  const inexact = 'so the continuation is not bit-identical to an uninterrupted run';
  if (runtime.engine !== before.engine) warnings.push(`resuming on the ${runtime.engine} engine; the run was started on ${before.engine}, ${inexact}`);
  else if (runtime.device !== before.device) warnings.push(`resuming on ${runtime.device}; the run was started on ${before.device}, ${inexact}`);
  else if (runtime.engine === 'onnx' && runtime.device === 'cpu' && runtime.threads !== before.threads) {
    warnings.push(`resuming with ${runtime.threads} threads; the run was started with ${before.threads} and onnxruntime splits its sums by thread count, ${inexact} (omit --threads to keep ${before.threads})`);
  }
  return { runtime, warnings };
}
